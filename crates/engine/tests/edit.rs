//! The edits the UI sends to the engine.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use aims_engine::model::evidence_refs;
use aims_engine::{apply, Date, Edit, EditError, Timestamp};
use common::*;

fn later() -> Timestamp {
    Timestamp::parse("2026-11-30T10:00:00Z").expect("timestamp")
}

fn even_later() -> Timestamp {
    Timestamp::parse("2026-11-30T11:00:00Z").expect("timestamp")
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
fn evidence_links_the_item_to_a_record_blank_is_ignored_and_unknown_ids_change_nothing() {
    let mut a = blank();
    let i = item("A.6.2.8");
    let refs = |a: &aims_engine::Assessment| -> Vec<(String, String)> {
        evidence_refs::links(catalog(), &a.registers, i)
            .iter()
            .map(|l| (l.title.to_owned(), l.reference()))
            .collect()
    };
    apply(
        catalog(),
        &mut a,
        Edit::AddEvidence(i, "  log retention policy ".into()),
        later(),
    )
    .expect("add");
    assert_eq!(a.updated, later());
    let before = a.clone();
    let mut blank_added = a.clone();
    apply(
        catalog(),
        &mut blank_added,
        Edit::AddEvidence(i, "   ".into()),
        even_later(),
    )
    .expect("blank ignored");
    assert_eq!(blank_added, before, "nothing changed, not even the time");
    let mut unknown = a.clone();
    apply(
        catalog(),
        &mut unknown,
        Edit::RemoveEvidence(i, "0b7c1f0e-3d2a-4c5b-9e8f-1a2b3c4d5e6f".into()),
        even_later(),
    )
    .expect("unknown id ignored");
    assert_eq!(unknown, before);
    let wanted = "log retention policy".to_owned();
    assert_eq!(refs(&a), [(wanted.clone(), wanted)]);
    let id = evidence_refs::reference_id(&a.id, "log retention policy");
    apply(catalog(), &mut a, Edit::RemoveEvidence(i, id), later()).expect("remove");
    assert!(refs(&a).is_empty());
    assert!(a.registers.is_empty(), "the record it made went with it");
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
