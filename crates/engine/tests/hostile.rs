//! Hostile and malformed exports (`tests/fixtures/hostile/`, described in its README):
//! each one is refused with a clear problem naming its path, or imported with the
//! dangerous-looking text kept as inert text, one assertion per file. Plus two inputs
//! too big to keep as files: 20 MB and 100,000-deep nesting.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use aims_engine::{export, import, ImportError};
use common::*;
use std::path::Path;

enum Expect {
    /// Refused; the first problem reads exactly so.
    Refused(&'static str),
    /// Imported; item `.0`'s field shows exactly the text `.2`.
    Inert(
        &'static str,
        fn(&aims_engine::Assessment, &str) -> String,
        &'static str,
    ),
    /// Imported as it was meant.
    Imported,
}

fn notes(a: &aims_engine::Assessment, id: &str) -> String {
    a.answer(item(id)).notes.clone()
}
/// The first evidence record of the item, as the reference it was made from.
fn first_evidence(a: &aims_engine::Assessment, id: &str) -> String {
    let links = aims_engine::model::evidence_refs::links(catalog(), &a.registers, item(id));
    links.first().map(|l| l.reference()).unwrap_or_default()
}
fn owner(a: &aims_engine::Assessment, id: &str) -> String {
    a.answer(item(id)).owner.clone()
}

const CASES: [(&str, Expect); 35] = [
    ("01-invalid-utf8.json", Expect::Refused("the file is not valid JSON: the text is not valid UTF-8 (line 1, column 187)")),
    ("02-byte-order-mark.json", Expect::Imported),
    ("03-deep-nesting.json", Expect::Refused("the file is not valid JSON: the document is nested too deeply (line 1, column 129)")),
    // Repeated keys: the last one counts, as in every browser's JSON.parse.
    ("04-duplicate-keys.json", Expect::Imported),
    ("05-huge-exponent.json", Expect::Refused("assessment.items.4.1.maturity: 1e999 is not a level 0–5")),
    ("06-negative-zero.json", Expect::Refused("assessment.items.4.1.maturity: -0 is not a level 0–5")),
    ("07-two-to-the-64.json", Expect::Refused("assessment.items.4.1.maturity: 18446744073709551616 is not a level 0–5")),
    ("08-lone-surrogate.json", Expect::Refused("the file is not valid JSON: unpaired surrogate in \\u escape (line 1, column 457)")),
    ("09-script-in-notes.json", Expect::Inert("4.1", notes, "<script>alert(1)</script>")),
    ("10-javascript-in-evidence.json", Expect::Inert("4.1", first_evidence, "javascript:alert(document.cookie)")),
    ("11-html-in-owner.json", Expect::Inert("4.1", owner, "<img src=x onerror=alert(1)>")),
    ("12-clause-excluded.json", Expect::Refused("assessment.items.6.1.2.applicable: is false, but clause requirements are mandatory and cannot be excluded")),
    ("13-format-version-99.json", Expect::Refused("format_version: 99 was written by a newer version of this app; this one reads versions 1 to 3")),
    ("14-catalog-version-99.json", Expect::Refused("catalog.version: 99 is newer than this app's catalog (version 3)")),
    ("15-other-format.json", Expect::Refused("format: \"something-else/assessment\" is not \"aims-readiness/assessment\": this is not an aims-readiness export")),
    ("16-not-an-object.json", Expect::Refused("[1,2,3] is not an object")),
    ("17-empty-file.json", Expect::Refused("the file is not valid JSON: the document ends where a value was expected (line 1, column 1)")),
    ("18-truncated.json", Expect::Refused("the file is not valid JSON: the document ends where a value was expected (line 1, column 8673)")),
    ("19-id-as-number.json", Expect::Refused("assessment.id: 42 is not text")),
    ("20-name-as-list.json", Expect::Refused("assessment.name: [\"a\"] is not text")),
    ("21-created-as-number.json", Expect::Refused("assessment.created: 1700000000 is not a UTC time like 2026-01-31T09:30:00Z")),
    ("22-items-as-list.json", Expect::Refused("assessment.items: [] is not an object")),
    ("23-documents-as-text.json", Expect::Refused("assessment.documents: \"all\" is not an object")),
    ("24-estimate-as-number.json", Expect::Refused("assessment.items.4.2.estimate: 1 is not true or false")),
    ("25-target-as-bool.json", Expect::Refused("assessment.items.4.2.target: true is not a target level 3–5")),
    ("26-weight-as-text.json", Expect::Refused("assessment.items.4.2.weight: \"heavy\" is not a weight from 0.01 to 100 (at most two decimals)")),
    ("27-applicable-as-number.json", Expect::Refused("assessment.items.A.2.2.applicable: 0 is not true or false")),
    ("28-justification-as-list.json", Expect::Refused("assessment.items.A.2.2.justification: [\"x\"] is not text")),
    ("29-evidence-as-object.json", Expect::Refused("assessment.items.4.2.evidence: {\"a\":1} is not a list of text")),
    ("30-due-as-number.json", Expect::Refused("assessment.items.4.2.due: 20270331 is not a date like 2026-03-31")),
    ("31-reused-as-text.json", Expect::Refused("assessment.items.4.2.reused: \"yes\" is not true or false")),
    ("32-profile-as-text.json", Expect::Refused("assessment.profile: \"provider\" is not an object")),
    ("33-additional-controls-as-object.json", Expect::Refused("assessment.additional_controls: {\"id\":\"X\"} is not a list")),
    ("34-prototype-pollution-keys.json", Expect::Refused("assessment.__proto__: is not a field of this format")),
    ("35-control-characters.json", Expect::Inert("4.1", notes, "line\u{0}break\u{1b}[31m red")),
];

#[test]
fn every_hostile_fixture_is_refused_clearly_or_kept_as_inert_text() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/hostile");
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .expect("fixture folder")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".json"))
        .collect();
    files.sort();
    let named: Vec<&str> = CASES.iter().map(|(n, _)| *n).collect();
    assert_eq!(
        files, named,
        "every fixture has an expectation, every expectation a fixture"
    );
    for (name, expect) in &CASES {
        let bytes = std::fs::read(dir.join(name)).expect("fixture");
        let result = import(catalog(), &bytes);
        match (expect, result) {
            (Expect::Refused(first), Err(problems)) => {
                assert_eq!(problems[0].to_string(), *first, "{name}: {problems:#?}")
            }
            (Expect::Inert(id, field, text), Ok(a)) => {
                assert_eq!(field(&a, id), *text, "{name}");
                // Kept byte for byte through export, as text.
                let again = import(catalog(), export(catalog(), &a).as_bytes()).expect("re-import");
                assert_eq!(field(&again, id), *text, "{name} after a round trip");
            }
            (Expect::Imported, Ok(_)) => {}
            (_, Err(problems)) => panic!("{name} was refused: {problems:#?}"),
            (_, Ok(_)) => panic!("{name} was imported"),
        }
    }
}

#[test]
fn twenty_megabytes_are_refused_before_parsing() {
    let mut big = b"{\"notes\": \"".to_vec();
    big.resize(20 * 1024 * 1024, b'x');
    big.extend_from_slice(b"\"}");
    let problems = import(catalog(), &big).expect_err("refused");
    // Refused by its size alone: nothing was parsed (a parse would also report the
    // missing format, version, catalog and assessment).
    assert_eq!(problems.len(), 1);
    assert_eq!(
        problems[0].to_string(),
        "the file is 20481 KB; the largest accepted is 8192 KB"
    );
}

proptest::proptest! {
    // A bounded fuzz run over the importer, in the test command: thousands of exports
    // with bytes overwritten, cut or inserted, and arbitrary byte strings. No panic, and
    // every input gets an answer (accepted, or refused with at least one problem).
    #![proptest_config(proptest::prelude::ProptestConfig {
        cases: 4000,
        failure_persistence: None,
        ..proptest::prelude::ProptestConfig::default()
    })]

    #[test]
    fn mutated_exports_never_panic(at in 0usize..20_000, len in 0usize..8, byte in proptest::prelude::any::<u8>(), how in 0u8..3) {
        let mut bytes = FIXTURE_V2.as_bytes().to_vec();
        let at = at % bytes.len();
        match how {
            0 => bytes[at] = byte,
            1 => bytes.truncate(at),
            _ => {
                for _ in 0..len {
                    bytes.insert(at, byte);
                }
            }
        }
        if let Err(problems) = import(catalog(), &bytes) {
            proptest::prop_assert!(!problems.is_empty());
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..2048)) {
        let _ = import(catalog(), &bytes);
    }
}

const FIXTURE_V2: &str = include_str!("../../../tests/fixtures/assessment-v2.json");

#[test]
fn a_hundred_thousand_levels_of_nesting_do_not_overflow_the_stack() {
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let problems: Vec<ImportError> = import(catalog(), deep.as_bytes()).expect_err("refused");
    assert!(
        problems[0].to_string().contains("nested too deeply"),
        "{problems:?}"
    );
}
