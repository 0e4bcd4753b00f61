//! The message catalog: every user-visible string (the app's and the engine's import
//! problems), from `assets/i18n/en.json`. Catalog texts (questions, hints) come keyed by
//! item id from the catalog file.
//!
//! `build.rs` turns every entry into a function of [`msg`] (`home.new_org` becomes
//! `msg::home_new_org()`), so a missing message is a compile error, and the bundle
//! carries the English texts in key order but no keys. Other languages
//! (`assets/i18n/de.json`, `fr.json`) are checked against English by `build.rs` (same
//! keys, same placeholders, none empty: a mismatch fails the build) and loaded at run
//! time as a list in the same order ([`translation`], [`install`]).

use std::cell::Cell;

/// One function per entry of `assets/i18n/en.json`, named after its key, returning the
/// text in the active language.
pub mod msg {
    include!(concat!(env!("OUT_DIR"), "/messages.rs"));
}

/// A message in the active language (each function of [`msg`] is one).
pub type Message = fn() -> &'static str;

thread_local! {
    /// The active translation; `None` is English.
    static ACTIVE: Cell<Option<&'static [&'static str]>> = const { Cell::new(None) };
}

/// Message `index` in the active language.
fn text(index: usize) -> &'static str {
    ACTIVE
        .with(Cell::get)
        .and_then(|table| table.get(index).copied())
        .unwrap_or(msg::ENGLISH[index])
}

/// Makes `table` the active language (`None`: English) for every message from now on.
pub fn install(table: Option<&'static [&'static str]>) {
    ACTIVE.with(|a| a.set(table));
}

/// A translation read at run time: exactly one non-blank text per message, in key
/// order. It is kept for the rest of the visit (a language is loaded at most once).
pub fn translation(texts: Vec<String>) -> Result<&'static [&'static str], String> {
    if texts.len() != msg::COUNT {
        return Err(format!("{} messages, {} expected", texts.len(), msg::COUNT));
    }
    if let Some(i) = texts.iter().position(|t| t.trim().is_empty()) {
        return Err(format!("message {i} is empty"));
    }
    let leaked: Vec<&'static str> = texts
        .into_iter()
        .map(|t| &*Box::leak(t.into_boxed_str()))
        .collect();
    Ok(Box::leak(leaked.into_boxed_slice()))
}

/// `text` with its `{name}` placeholders filled in. A placeholder without a value stays
/// as it is, and the values themselves are not searched for placeholders.
/// `{n|one:task|other:tasks}` picks the form for the plural category of `n`'s value in
/// the active language (see [`install_plural`]).
pub fn tf(text: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let filled = after.find('}').and_then(|close| {
            let inside = &after[..close];
            let (name, forms) = inside.split_once('|').unwrap_or((inside, ""));
            let (_, value) = args.iter().find(|(n, _)| *n == name)?;
            let text = if forms.is_empty() {
                value
            } else {
                plural_form(value, forms)
            };
            Some((close, text))
        });
        match filled {
            Some((close, value)) => {
                out.push_str(value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

thread_local! {
    /// The plural category of a number in the active language (CLDR names: `one`,
    /// `other`, …). The app installs one backed by the browser's `Intl.PluralRules`.
    static PLURAL: Cell<fn(&str) -> &'static str> = const { Cell::new(english_plural) };
}

/// English: `one` for 1, `other` for everything else.
fn english_plural(n: &str) -> &'static str {
    if n == "1" {
        "one"
    } else {
        "other"
    }
}

/// Makes `rule` decide plural categories from now on.
pub fn install_plural(rule: fn(&str) -> &'static str) {
    PLURAL.with(|p| p.set(rule));
}

/// The form of `{n|one:task|other:tasks}` for the value of `n`: the form named by the
/// number's plural category, else `other`, else the first.
fn plural_form<'a>(value: &str, forms: &'a str) -> &'a str {
    let category = PLURAL.with(Cell::get)(value);
    let all: Vec<(&str, &str)> = forms.split('|').filter_map(|f| f.split_once(':')).collect();
    all.iter()
        .find(|(c, _)| *c == category)
        .or_else(|| all.iter().find(|(c, _)| *c == "other"))
        .or(all.first())
        .map_or("", |(_, form)| form)
}
