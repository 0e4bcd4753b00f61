//! Two tabs' versions of one assessment merged field by field.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use aims_engine::rules::merge::{merge, AnswerField, AssessmentField, Conflict};
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

/// The fixture with every register, its registers as kept.
fn with_registers() -> Assessment {
    let text = include_str!("../../../tests/fixtures/assessment-v3-registers.json");
    aims_engine::import_keeping(catalog(), text.as_bytes())
        .expect("imports")
        .assessment
}

/// Register `n`'s records (0 systems, 2 risks, 3 evidence).
fn records(a: &Assessment, n: usize) -> Vec<serde_json::Value> {
    a.registers.0[n]
        .as_ref()
        .and_then(|v| v.as_array().cloned())
        .unwrap_or_default()
}

#[test]
fn registers_merge_record_by_record() {
    let base = with_registers();
    // This tab edits the first risk and deletes the last evidence record; the other
    // edits the second risk, adds a risk, and changes the criteria.
    let mine = edited(&base, |a| {
        let risks = a.registers.0[2].as_mut().expect("risks");
        risks[0]["owner"] = "Mine".into();
        let evidence = a.registers.0[3]
            .as_mut()
            .and_then(|e| e.as_array_mut())
            .expect("evidence");
        evidence.pop();
    });
    let theirs = edited(&base, |a| {
        let risks = a.registers.0[2]
            .as_mut()
            .and_then(|r| r.as_array_mut())
            .expect("risks");
        risks[1]["owner"] = "Theirs".into();
        let mut added = risks[2].clone();
        added["id"] = "6f7a8b9c-0d1e-4f2a-8b3c-4d5e6f7a8b9c".into();
        risks.push(added);
        a.registers.0[1] =
            Some(serde_json::json!({"likelihoods": 4, "consequences": 4, "acceptance": 4}));
    });
    let (merged, conflicts) = merge(catalog(), &base, &mine, &theirs);
    assert_eq!(conflicts, []);
    let risks = records(&merged, 2);
    assert_eq!(risks.len(), 4);
    assert_eq!(risks[0]["owner"], "Mine");
    assert_eq!(risks[1]["owner"], "Theirs");
    assert_eq!(risks[3]["id"], "6f7a8b9c-0d1e-4f2a-8b3c-4d5e6f7a8b9c");
    assert_eq!(
        records(&merged, 3).len(),
        records(&base, 3).len() - 1,
        "the deletion stays"
    );
    assert_eq!(merged.registers.0[1], theirs.registers.0[1]);
    assert_eq!(merged.registers.0[0], base.registers.0[0]);
    // Both change the same record: this tab's is kept, and the person is told.
    let theirs = edited(&base, |a| {
        a.registers.0[2].as_mut().expect("risks")[0]["owner"] = "Theirs".into();
    });
    let (merged, conflicts) = merge(catalog(), &base, &mine, &theirs);
    assert_eq!(records(&merged, 2)[0]["owner"], "Mine");
    assert_eq!(
        conflicts,
        [Conflict::Assessment(AssessmentField::Registers)]
    );
}

#[test]
fn the_soa_approval_and_document_records_merge_too() {
    let base = blank();
    let scope = catalog().find_document("scope").expect("doc");
    let mine = edited(&base, |a| a.soa.approver = "Dr. Lena Vogt".into());
    let theirs = edited(&base, |a| {
        a.update_document(scope, |r| {
            r.present = true;
            r.version = "2.0".into();
        })
    });
    let (merged, conflicts) = merge(catalog(), &base, &mine, &theirs);
    assert_eq!(conflicts, []);
    assert_eq!(merged.soa.approver, "Dr. Lena Vogt");
    assert_eq!(merged.document(scope).version, "2.0");
    assert!(merged.document_present(scope));
}

#[test]
fn an_item_linking_other_evidence_differs_and_taking_theirs_takes_its_records() {
    use aims_engine::model::evidence_refs::by_item;
    use aims_engine::rules::merge::{differing_items, take_theirs};
    let mut mine = blank();
    evidence(&mut mine, "4.1", &["Draft note"]);
    let mut theirs = blank();
    evidence(&mut theirs, "4.1", &["Context analysis v2"]);
    evidence(&mut theirs, "5.2", &["Context analysis v2"]);
    assert_eq!(
        differing_items(catalog(), &mine, &theirs),
        [item("4.1"), item("5.2")]
    );
    let taken = take_theirs(catalog(), &mine, &theirs, &[item("4.1")], &[]);
    let links = by_item(catalog(), &taken.registers);
    let titles: Vec<&str> = links[item("4.1").index()].iter().map(|l| l.title).collect();
    assert_eq!(titles, ["Context analysis v2"]);
    assert!(links[item("5.2").index()].is_empty(), "only the item taken");
    assert_eq!(differing_items(catalog(), &taken, &theirs), [item("5.2")]);
}
