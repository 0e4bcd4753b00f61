//! The message catalog: every user-visible string (the app's and the engine's import
//! problems), keyed by id, from `assets/i18n/en.json`. Catalog texts (questions, hints)
//! come keyed by item id from the catalog file. Adding a language is a translated copy
//! of both files.

use super::json::{self, Value};
use std::sync::OnceLock;

const EN: &str = include_str!(concat!(env!("OUT_DIR"), "/en.min.json"));

/// The messages sorted by key, for binary search.
fn messages() -> &'static [(String, String)] {
    static MESSAGES: OnceLock<Vec<(String, String)>> = OnceLock::new();
    // The file is embedded and checked by tests/messages.rs; an unparsable build would
    // show keys instead of text rather than crash.
    MESSAGES.get_or_init(|| {
        let mut list: Vec<(String, String)> = match json::parse(EN.as_bytes()) {
            Ok(Value::Object(members)) => members
                .into_iter()
                .filter_map(|(k, v)| Some((k, v.as_str()?.to_owned())))
                .collect(),
            _ => Vec::new(),
        };
        super::sort::sort_by(&mut list, |a, b| a.0.cmp(&b.0));
        list
    })
}

/// The text for `key` (the key itself when missing, so a gap is visible, not fatal).
pub fn t(key: &'static str) -> &'static str {
    let list = messages();
    list.binary_search_by(|(k, _)| k.as_str().cmp(key))
        .map_or(key, |i| list[i].1.as_str())
}

/// The text for `key` with `{name}` placeholders filled in.
pub fn tf(key: &'static str, args: &[(&str, &str)]) -> String {
    let mut text = t(key).to_owned();
    for (name, value) in args {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}
