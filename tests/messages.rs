//! The message catalog: every key the app and the engine ask for exists in
//! assets/i18n/en.json, every entry there is used, and no component hard-codes a
//! user-visible sentence.
#![cfg(not(target_arch = "wasm32"))]

use aims_readiness::engine::json::{self, Value};
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

fn sources() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut dirs = vec![Path::new("src").to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).expect("src exists") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push((
                    path.display().to_string(),
                    fs::read_to_string(&path).expect("readable"),
                ));
            }
        }
    }
    out
}

/// Every string literal that looks like a message key (`area.name`).
fn keys_used() -> BTreeSet<String> {
    let mut keys = BTreeSet::new();
    for (_, text) in sources() {
        for piece in text.split('"').skip(1).step_by(2) {
            let mut parts = piece.split('.');
            let area = parts.next().unwrap_or("");
            let known = [
                "app", "common", "nav", "banner", "notice", "home", "import", "assess", "item",
                "level", "docs", "results", "verdict", "blocker", "quick", "band", "storage",
                "problem",
            ];
            if known.contains(&area)
                && parts.next().is_some_and(|p| !p.is_empty())
                && !piece.contains(' ')
            {
                keys.insert(piece.to_owned());
            }
        }
    }
    keys
}

#[test]
fn every_key_used_exists_and_every_message_is_used() {
    let en = json::parse(&fs::read("assets/i18n/en.json").expect("en.json")).expect("valid JSON");
    let Value::Object(members) = en else {
        panic!("en.json is an object")
    };
    let defined: BTreeSet<String> = members.iter().map(|(k, _)| k.clone()).collect();
    assert!(
        members
            .iter()
            .all(|(_, v)| v.as_str().is_some_and(|s| !s.trim().is_empty())),
        "every message is text"
    );
    let used = keys_used();
    let missing: Vec<_> = used.difference(&defined).collect();
    let unused: Vec<_> = defined.difference(&used).collect();
    assert!(missing.is_empty(), "keys used but not defined: {missing:?}");
    assert!(unused.is_empty(), "messages never used: {unused:?}");
}

#[test]
fn components_do_not_hard_code_sentences() {
    // A text node in html! is `{ "…" }`; literal text nodes may hold symbols and
    // separators (`×`, ` · `) but never words.
    for (path, text) in sources()
        .into_iter()
        .filter(|(p, _)| p.contains("components"))
    {
        for piece in text.split("{ \"").skip(1) {
            let literal = piece.split('"').next().unwrap_or("");
            let class_name = literal.starts_with("aims-") && !literal.contains(' ');
            assert!(
                class_name || !literal.chars().any(char::is_alphabetic),
                "{path}: hard-coded text {literal:?} should be a message key"
            );
        }
    }
}
