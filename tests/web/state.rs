//! The reducer over real browser storage: a failed save keeps the answer in memory.

use aims_readiness::engine::{Catalog, Edit, MaturityLevel};
use aims_readiness::ui::config::Config;
use aims_readiness::ui::state::{Action, AppState};
use std::rc::Rc;
use wasm_bindgen_test::wasm_bindgen_test;
use yew::Reducible;

fn state(ns: &str) -> Rc<AppState> {
    Rc::new(AppState::load(Config {
        namespace: ns.into(),
        ..Config::default()
    }))
}

#[wasm_bindgen_test]
fn create_edit_and_reload_through_the_reducer() {
    let s = state("t-reducer").reduce(Action::Create {
        id: "t-reducer-1".into(),
        name: "Board review".into(),
        organization: "Acme".into(),
    });
    assert_eq!(
        s.current.as_ref().map(|a| a.id.as_str()),
        Some("t-reducer-1")
    );
    let item = Catalog::builtin().find_item("6.1.2").expect("6.1.2");
    let s = s.reduce(Action::Edit(Edit::Maturity(item, Some(MaturityLevel::L4))));
    assert!(s.unsaved.is_none());
    let id = s.current.as_ref().expect("open").id.clone();
    // A new app instance (a reload) finds it in the list and opens it with the answer.
    let again = state("t-reducer");
    assert!(again.entries.iter().any(
        |e| matches!(e, aims_readiness::ui::services::storage::Entry::Saved(x) if x.id == id)
    ));
    let opened = again.reduce(Action::Open(id.clone()));
    assert_eq!(
        opened.current.as_ref().expect("open").answer(item).maturity,
        Some(MaturityLevel::L4)
    );
    let deleted = opened.reduce(Action::Delete(id.clone()));
    assert!(deleted.notice.as_ref().is_some_and(|n| n.undo));
    let restored = deleted.reduce(Action::UndoDelete);
    assert!(restored.store.contains(&id), "undo brings it back");
    restored.store.delete(&id).expect("clean up");
}

#[wasm_bindgen_test]
fn a_refused_save_keeps_the_answer_in_memory_and_says_so() {
    let s = state("t-full").reduce(Action::Create {
        id: "t-full-1".into(),
        name: "Full".into(),
        organization: String::new(),
    });
    let filler = crate::fill::fill_storage();
    let item = Catalog::builtin().find_item("4.1").expect("4.1");
    let s = s.reduce(Action::Edit(Edit::Notes(item, "a long note ".repeat(500))));
    crate::fill::empty_storage(&filler);
    assert!(s.unsaved.is_some(), "the failure is reported");
    assert_eq!(
        s.current
            .as_ref()
            .expect("still open")
            .answer(item)
            .notes
            .len(),
        12 * 500,
        "the answer is kept"
    );
    let retried = s.reduce(Action::RetrySave);
    assert!(
        retried.unsaved.is_none(),
        "saving works again once there is room"
    );
    let id = retried.current.as_ref().expect("open").id.clone();
    retried.store.delete(&id).expect("clean up");
}

#[wasm_bindgen_test]
fn an_address_naming_nothing_saved_is_reported_not_opened() {
    let s = state("t-missing").reduce(Action::Open("no-such-id".into()));
    assert!(s.current.is_none());
    let failed = s
        .open_failed
        .as_ref()
        .expect("the failure is kept for the screen");
    assert_eq!(failed.id, "no-such-id");
    assert!(failed.missing);
}

#[wasm_bindgen_test]
fn delete_all_can_be_undone_while_the_tab_is_open() {
    let s = state("t-undo-all").reduce(Action::Create {
        id: "u1".into(),
        name: "First".into(),
        organization: String::new(),
    });
    let s = s.reduce(Action::Create {
        id: "u2".into(),
        name: "Second".into(),
        organization: String::new(),
    });
    let s = s.reduce(Action::Refresh);
    assert_eq!(s.entries.len(), 2);
    let gone = s.reduce(Action::DeleteAll);
    assert!(gone.entries.is_empty() && gone.current.is_none());
    assert!(!gone.store.contains("u1") && !gone.store.contains("u2"));
    assert!(gone.notice.as_ref().is_some_and(|n| n.undo));
    let back = gone.reduce(Action::UndoDelete);
    assert!(back.store.contains("u1") && back.store.contains("u2"));
    assert_eq!(back.entries.len(), 2);
    back.store.delete_all().expect("clean up");
}

#[wasm_bindgen_test]
fn two_tabs_editing_at_once_merge_field_by_field_and_report_the_same_field() {
    // Tab A creates the assessment; tab B opens it. Neither hears the other's storage
    // event in between (as when both edit within the same instant).
    let a = state("t-merge").reduce(Action::Create {
        id: "m1".into(),
        name: "Shared".into(),
        organization: String::new(),
    });
    let b = state("t-merge").reduce(Action::Open("m1".into()));
    let c = Catalog::builtin();
    let item = |id: &str| c.find_item(id).expect("item");
    let a = a.reduce(Action::Edit(Edit::Maturity(
        item("4.1"),
        Some(MaturityLevel::L3),
    )));
    let b = b.reduce(Action::Edit(Edit::Maturity(
        item("4.2"),
        Some(MaturityLevel::L2),
    )));
    let stored = b.store.load(c, "m1").expect("stored");
    assert_eq!(
        stored.answer(item("4.1")).maturity,
        Some(MaturityLevel::L3),
        "A's answer kept"
    );
    assert_eq!(
        stored.answer(item("4.2")).maturity,
        Some(MaturityLevel::L2),
        "B's answer kept"
    );
    assert!(b.notice.is_none(), "different fields: nothing to tell");
    // Both change 9.2.1: the later save keeps its own value and says so.
    let a = a.reduce(Action::Edit(Edit::Maturity(
        item("9.2.1"),
        Some(MaturityLevel::L1),
    )));
    let b = b.reduce(Action::Edit(Edit::Maturity(
        item("9.2.1"),
        Some(MaturityLevel::L4),
    )));
    let notice = b.notice.as_ref().expect("the person is told");
    assert!(notice.text.contains("9.2.1 (level)"), "{}", notice.text);
    let stored = b.store.load(c, "m1").expect("stored");
    assert_eq!(
        stored.answer(item("9.2.1")).maturity,
        Some(MaturityLevel::L4)
    );
    assert_eq!(stored.answer(item("4.1")).maturity, Some(MaturityLevel::L3));
    drop(a);
    b.store.delete_all().expect("clean up");
}
