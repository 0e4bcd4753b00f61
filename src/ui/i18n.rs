//! The message catalog: every user-visible UI string, keyed by id, from
//! `assets/i18n/en.json`. Catalog texts (questions, hints) come keyed by item id from
//! the catalog file. Adding a language is a translated copy of both files.

use std::collections::HashMap;
use std::sync::OnceLock;

const EN: &str = include_str!("../../assets/i18n/en.json");

fn messages() -> &'static HashMap<String, String> {
    static MESSAGES: OnceLock<HashMap<String, String>> = OnceLock::new();
    // The file is embedded and checked by tests/messages.rs; an unparsable build would
    // show keys instead of text rather than crash.
    MESSAGES.get_or_init(|| serde_json::from_str(EN).unwrap_or_default())
}

/// The text for `key` (the key itself when missing, so a gap is visible, not fatal).
pub fn t(key: &'static str) -> &'static str {
    messages().get(key).map_or(key, String::as_str)
}

/// The text for `key` with `{name}` placeholders filled in.
pub fn tf(key: &'static str, args: &[(&str, &str)]) -> String {
    let mut text = t(key).to_owned();
    for (name, value) in args {
        text = text.replace(&format!("{{{name}}}"), value);
    }
    text
}
