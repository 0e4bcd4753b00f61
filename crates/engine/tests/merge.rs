//! Two tabs' versions of one assessment merged field by field.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use aims_engine::rules::merge::{merge, AnswerField, Conflict};
use aims_engine::{AiRole, Assessment};
use common::*;

fn edited(base: &Assessment, change: impl FnOnce(&mut Assessment)) -> Assessment {
    let mut a = base.clone();
    change(&mut a);
    a
}

#[test]
fn edits_to_different_items_and_fields_are_kept_from_both_sides() {
    let base = blank();
    let mine = edited(&base, |a| {
        set(a, "4.1", 3);
        a.update(catalog(), item("5.2"), |x| x.notes = "mine".into())
            .expect("edit");
    });
    let theirs = edited(&base, |a| {
        set(a, "4.2", 2);
        a.update(catalog(), item("5.2"), |x| x.owner = "CISO".into())
            .expect("edit");
        a.profile.set_role(AiRole::Customer, true);
        a.set_document(catalog().find_document("scope").expect("doc"), true);
    });
    let (merged, conflicts) = merge(catalog(), &base, &mine, &theirs);
    assert!(conflicts.is_empty(), "{conflicts:?}");
    assert_eq!(merged.answer(item("4.1")).maturity, Some(level(3)));
    assert_eq!(merged.answer(item("4.2")).maturity, Some(level(2)));
    assert_eq!(merged.answer(item("5.2")).notes, "mine");
    assert_eq!(merged.answer(item("5.2")).owner, "CISO");
    assert!(merged.profile.has_role(AiRole::Customer));
    assert!(merged.document_present(catalog().find_document("scope").expect("doc")));
}

#[test]
fn the_same_field_changed_differently_keeps_this_tab_and_is_reported() {
    let base = blank();
    let mine = edited(&base, |a| set(a, "9.2.1", 3));
    let theirs = edited(&base, |a| {
        set(a, "9.2.1", 1);
        a.name = "Renamed there".into();
    });
    let (merged, conflicts) = merge(catalog(), &base, &mine, &theirs);
    assert_eq!(merged.answer(item("9.2.1")).maturity, Some(level(3)));
    assert_eq!(
        conflicts,
        vec![Conflict::Item(item("9.2.1"), AnswerField::Level)]
    );
    assert_eq!(
        merged.name, "Renamed there",
        "a field only they changed is theirs"
    );
}

#[test]
fn the_same_change_on_both_sides_is_no_conflict() {
    let base = blank();
    let mine = edited(&base, |a| set(a, "6.2", 4));
    let theirs = mine.clone();
    let (merged, conflicts) = merge(catalog(), &base, &mine, &theirs);
    assert!(conflicts.is_empty());
    assert_eq!(merged, mine);
}
