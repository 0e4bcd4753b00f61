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
/// text in the active language (what the UI shows); [`Texts`] has the same as methods,
/// for a given language (what the engine's outputs take as an argument).
pub mod msg {
    include!(concat!(env!("OUT_DIR"), "/messages.rs"));
}

/// A message in the active language (each function of [`msg`] is one).
pub type Message = fn() -> &'static str;

/// A language's messages and plural rule: English, compiled in, or a translation read
/// at run time ([`translation`]). Engine outputs with words in them (CSV headers, level
/// names, import problems, plan and Statement of Applicability wording) take one as an
/// argument; `aims-score` passes [`Texts::ENGLISH`].
#[derive(Clone, Copy, Debug)]
pub struct Texts {
    /// The messages in key order; `None` is English.
    table: Option<&'static [&'static str]>,
    /// The CLDR plural category of a number's text (`one`, `other`, …).
    plural: fn(&str) -> &'static str,
}

impl Texts {
    /// English.
    pub const ENGLISH: Texts = Texts {
        table: None,
        plural: english_plural,
    };

    /// A translation ([`translation`]) with its plural rule.
    pub fn translated(table: &'static [&'static str], plural: fn(&str) -> &'static str) -> Texts {
        Texts {
            table: Some(table),
            plural,
        }
    }

    /// The language the app shows now ([`install`]); English until another is installed.
    pub fn active() -> Texts {
        ACTIVE.with(Cell::get)
    }

    /// Message `index` in this language.
    fn text(self, index: usize) -> &'static str {
        self.table
            .and_then(|table| table.get(index).copied())
            .unwrap_or(msg::ENGLISH[index])
    }

    /// `text` with its `{name}` placeholders filled in, plural forms chosen by this
    /// language's rule (see [`tf`]).
    pub fn tf(self, text: &str, args: &[(&str, &str)]) -> String {
        fill(text, args, self.plural)
    }
}

thread_local! {
    /// The language the app shows.
    static ACTIVE: Cell<Texts> = const { Cell::new(Texts::ENGLISH) };
}

/// Makes `table` the active language (`None`: English) for every message from now on,
/// keeping the active plural rule.
pub fn install(table: Option<&'static [&'static str]>) {
    ACTIVE.with(|a| a.set(Texts { table, ..a.get() }));
}

/// Makes `rule` decide plural categories in the active language from now on. The app
/// installs one backed by the browser's `Intl.PluralRules`.
pub fn install_plural(rule: fn(&str) -> &'static str) {
    ACTIVE.with(|a| {
        a.set(Texts {
            plural: rule,
            ..a.get()
        })
    });
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
    Texts::active().tf(text, args)
}

/// [`tf`] with the plural rule `plural` (a CLDR category for a number's text), for
/// builds that carry their own messages rather than the active language's.
pub fn fill(text: &str, args: &[(&str, &str)], plural: fn(&str) -> &'static str) -> String {
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
                plural_form(value, forms, plural)
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

/// English: `one` for 1, `other` for everything else.
fn english_plural(n: &str) -> &'static str {
    if n == "1" {
        "one"
    } else {
        "other"
    }
}

/// The form of `{n|one:task|other:tasks}` for the value of `n`: the form named by the
/// number's plural category, else `other`, else the first.
fn plural_form<'a>(value: &str, forms: &'a str, plural: fn(&str) -> &'static str) -> &'a str {
    let category = plural(value);
    let all: Vec<(&str, &str)> = forms.split('|').filter_map(|f| f.split_once(':')).collect();
    all.iter()
        .find(|(c, _)| *c == category)
        .or_else(|| all.iter().find(|(c, _)| *c == "other"))
        .or(all.first())
        .map_or("", |(_, form)| form)
}
