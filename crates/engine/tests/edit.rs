//! The edits the UI sends to the engine.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use aims_engine::{apply, Date, Edit, EditError, Timestamp};
use common::*;

fn later() -> Timestamp {
    Timestamp::parse("2026-11-30T10:00:00Z").expect("timestamp")
}

#[test]
fn an_edit_stamps_updated_and_a_person_s_level_is_not_an_estimate() {
    let mut a = blank();
    set_estimate(&mut a, "4.1", 2);
    apply(
        catalog(),
        &mut a,
        Edit::Maturity(item("4.1"), Some(level(3))),
        later(),
    )
    .expect("applies");
    assert_eq!(a.answer(item("4.1")).maturity, Some(level(3)));
    assert!(!a.answer(item("4.1")).estimate);
    assert_eq!(a.updated, later());
}

#[test]
fn excluding_a_clause_is_refused_and_changes_nothing() {
    let mut a = blank();
    let before = a.clone();
    let r = apply(
        catalog(),
        &mut a,
        Edit::Applicable(item("9.2.1"), false),
        later(),
    );
    assert_eq!(r, Err(EditError::ClauseCannotBeExcluded(item("9.2.1"))));
    assert_eq!(a, before, "updated is not stamped either");
}

#[test]
fn evidence_is_trimmed_blank_is_ignored_and_removal_is_bounds_checked() {
    let mut a = blank();
    let i = item("A.6.2.8");
    apply(
        catalog(),
        &mut a,
        Edit::AddEvidence(i, "  log retention policy ".into()),
        later(),
    )
    .expect("add");
    apply(
        catalog(),
        &mut a,
        Edit::AddEvidence(i, "   ".into()),
        later(),
    )
    .expect("blank ignored");
    apply(catalog(), &mut a, Edit::RemoveEvidence(i, 7), later()).expect("out of range ignored");
    assert_eq!(a.answer(i).evidence, ["log retention policy"]);
    apply(catalog(), &mut a, Edit::RemoveEvidence(i, 0), later()).expect("remove");
    assert!(a.answer(i).evidence.is_empty());
}

#[test]
fn documents_names_due_dates_and_confirmations() {
    let mut a = blank();
    let doc = catalog().find_document("ai-policy").expect("doc");
    apply(catalog(), &mut a, Edit::Document(doc, true), later()).expect("doc");
    apply(catalog(), &mut a, Edit::Name("Q4 review".into()), later()).expect("name");
    apply(
        catalog(),
        &mut a,
        Edit::Due(item("10.2"), Date::parse("2027-01-15")),
        later(),
    )
    .expect("due");
    assert!(a.document_present(doc));
    assert_eq!(a.name, "Q4 review");
    assert_eq!(
        a.answer(item("10.2")).due.map(|d| d.to_string()).as_deref(),
        Some("2027-01-15")
    );
    set_estimate(&mut a, "8.1", 2);
    apply(
        catalog(),
        &mut a,
        Edit::ConfirmEstimate(item("8.1")),
        later(),
    )
    .expect("confirm");
    assert_eq!(
        (
            a.answer(item("8.1")).maturity,
            a.answer(item("8.1")).estimate
        ),
        (Some(level(2)), false)
    );
}
