//! The message catalog: every user-visible string (the app's and the engine's import
//! problems), from `assets/i18n/en.json`. Catalog texts (questions, hints) come keyed by
//! item id from the catalog file. Adding a language is a translated copy of both files.
//!
//! `build.rs` turns every entry into a constant of [`msg`] (`home.new_org` becomes
//! `msg::HOME_NEW_ORG`), so a missing message is a compile error, and neither the keys
//! nor a lookup table ship in the bundle.

/// One constant per entry of `assets/i18n/en.json`, named after its key.
pub mod msg {
    include!(concat!(env!("OUT_DIR"), "/messages.rs"));
}

/// `text` with its `{name}` placeholders filled in. A placeholder without a value stays
/// as it is, and the values themselves are not searched for placeholders.
pub fn tf(text: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let filled = after.find('}').and_then(|close| {
            let (_, value) = args.iter().find(|(name, _)| *name == &after[..close])?;
            Some((close, value))
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
