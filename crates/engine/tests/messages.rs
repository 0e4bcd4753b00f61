//! The message catalog: every entry of assets/i18n/en.json is used (one that is used but
//! missing does not compile), and no component hard-codes a user-visible sentence.
#![cfg(not(target_arch = "wasm32"))]

use aims_engine::format::value::{self as json, Value};
use aims_engine::text::messages::{msg, tf};
use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

/// Every Rust source of the workspace that can show a message: the app (`src/`), the
/// engine, the native scorer, the quick entry and the on-demand modules.
fn sources() -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut dirs: Vec<_> = [
        "../../src",
        "src",
        "../cli/src",
        "../quick/src",
        "../seal/src",
        "../reports/src",
    ]
    .iter()
    .map(|d| Path::new(d).to_path_buf())
    .collect();
    while let Some(dir) = dirs.pop() {
        for entry in fs::read_dir(&dir).expect("source folder exists") {
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

/// Every message the sources refer to: `msg::name` (the active language, called or
/// passed as a function) and `texts.name()` (a given language, as the engine's outputs
/// take it; `english.name()` where the scorer names it so); the quick entry's screens
/// read their messages as `m.name` (`text::quick::QuickMessages`).
fn constants_used() -> BTreeSet<String> {
    let mut names = BTreeSet::new();
    for (_, text) in sources() {
        let pieces = ["msg::", "texts.", "english.", "m."]
            .into_iter()
            .flat_map(|prefix| text.split(prefix).skip(1));
        for piece in pieces {
            let name: String = piece
                .chars()
                .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_')
                .collect();
            if !name.is_empty() {
                names.insert(name);
            }
        }
    }
    names
}

/// The function build.rs makes of a key: `home.new_org` is `home_new_org`.
fn constant_name(key: &str) -> String {
    key.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect()
}

#[test]
fn every_message_is_text_and_used() {
    let en =
        json::parse(&fs::read("../../assets/i18n/en.json").expect("en.json")).expect("valid JSON");
    let Value::Object(members) = en else {
        panic!("en.json is an object")
    };
    assert!(
        members
            .iter()
            .all(|(_, v)| v.as_str().is_some_and(|s| !s.trim().is_empty())),
        "every message is text"
    );
    // A message used but not defined does not compile; this catches the other way round.
    let defined: BTreeSet<String> = members.iter().map(|(k, _)| constant_name(k)).collect();
    let used = constants_used();
    let unused: Vec<_> = defined.difference(&used).collect();
    assert!(unused.is_empty(), "messages never used: {unused:?}");
    assert_eq!(
        defined.len(),
        members.len(),
        "every key makes its own constant"
    );
}

#[test]
fn messages_are_the_file_s_text() {
    assert_eq!(msg::home_title(), "Your assessments");
    assert_eq!(
        tf(msg::home_updated(), &[("when", "today")]),
        "last changed today"
    );
}

#[test]
fn placeholders_are_filled_once_and_unknown_ones_stay() {
    assert_eq!(
        tf("{a} and {b}, {a} again", &[("a", "x"), ("b", "{a}")]),
        "x and {a}, x again"
    );
    assert_eq!(tf("{missing} {", &[("a", "x")]), "{missing} {");
    assert_eq!(tf("no placeholders", &[]), "no placeholders");
    assert_eq!(tf("{n} ✓ {n}", &[("n", "3")]), "3 ✓ 3");
}

#[test]
fn components_do_not_hard_code_sentences() {
    // A text node in html! is `{ "…" }`; literal text nodes may hold symbols and
    // separators (`×`, ` · `) but never words.
    for (path, text) in sources()
        .into_iter()
        .filter(|(p, _)| p.contains("components") || p.contains("pages"))
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

#[test]
fn plural_forms_follow_the_count() {
    let text = "{n} {n|one:task|other:tasks}";
    assert_eq!(tf(text, &[("n", "1")]), "1 task");
    assert_eq!(tf(text, &[("n", "0")]), "0 tasks");
    assert_eq!(tf(text, &[("n", "12")]), "12 tasks");
    // A category without a form falls back to `other`.
    assert_eq!(tf("{n|other:items}", &[("n", "1")]), "items");
    assert!(msg::plan_summary().contains("{n|one:"));
}
