//! The storage layer against the browser's real local storage.

use aims_readiness::engine::{apply, Assessment, Catalog, Edit, MaturityLevel, Timestamp};
use aims_readiness::state::{Entry, LoadError, Repository, StorageError};
use aims_readiness::ui::services::storage::LocalStore;
use wasm_bindgen_test::wasm_bindgen_test;

fn catalog() -> &'static Catalog {
    Catalog::builtin()
}

fn raw() -> web_sys::Storage {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .expect("local storage in the test browser")
}

/// A store in its own namespace, emptied first, so tests do not see each other's data.
pub fn fresh(ns: &str) -> LocalStore {
    let prefix = format!("aims.{ns}.");
    let storage = raw();
    let keys: Vec<String> = (0..storage.length().unwrap_or(0))
        .filter_map(|i| storage.key(i).ok().flatten())
        .collect();
    for k in keys.into_iter().filter(|k| k.starts_with(&prefix)) {
        let _ = storage.remove_item(&k);
    }
    LocalStore::new(ns)
}

pub fn sample(id: &str, name: &str) -> Assessment {
    let ts = Timestamp::parse("2026-11-29T08:00:00Z").expect("ts");
    let mut a = Assessment::new(catalog(), id.into(), name.into(), ts.clone());
    let item = catalog().find_item("5.2").expect("5.2");
    apply(
        catalog(),
        &mut a,
        Edit::Maturity(item, Some(MaturityLevel::L3)),
        ts,
    )
    .expect("edit");
    a
}

#[wasm_bindgen_test]
fn save_load_list_and_delete() {
    let store = fresh("t-basic");
    assert!(store.available());
    let a = sample("one", "First");
    let summary = store.save(catalog(), &a).expect("saved");
    assert_eq!(summary.answered, 1);
    store
        .save(catalog(), &sample("two", "Second"))
        .expect("saved");
    assert_eq!(store.load(catalog(), "one").expect("loads"), a);
    let list = store.list(catalog()).expect("lists");
    assert_eq!(list.len(), 2);
    assert!(list.iter().all(|e| matches!(e, Entry::Saved(_))));
    store.delete("one").expect("deleted");
    assert_eq!(store.load(catalog(), "one"), Err(LoadError::Missing));
    assert_eq!(store.list(catalog()).expect("lists").len(), 1);
}

#[wasm_bindgen_test]
fn a_corrupt_entry_is_listed_as_broken_beside_good_ones() {
    let store = fresh("t-corrupt");
    store
        .save(catalog(), &sample("good", "Good"))
        .expect("saved");
    raw()
        .set_item("aims.t-corrupt.v1.a.bad", "{\"format\": \"nope\"")
        .expect("raw write");
    let list = store.list(catalog()).expect("lists");
    assert_eq!(list.len(), 2);
    assert!(list
        .iter()
        .any(|e| matches!(e, Entry::Saved(s) if s.id == "good")));
    assert!(list.iter().any(|e| matches!(e, Entry::Broken { id, error } if id == "bad" && error.describe(aims_readiness::engine::text::messages::Texts::ENGLISH).contains("not valid JSON"))));
    assert!(matches!(
        store.load(catalog(), "bad"),
        Err(LoadError::Corrupt(_))
    ));
    // The good one still opens, and the broken one's text is still there to rescue.
    assert!(store.load(catalog(), "good").is_ok());
    assert_eq!(
        store.load_raw("bad").as_deref(),
        Some("{\"format\": \"nope\"")
    );
}

#[wasm_bindgen_test]
fn a_corrupt_index_is_rebuilt_from_the_entries() {
    let store = fresh("t-index");
    store
        .save(catalog(), &sample("kept", "Kept"))
        .expect("saved");
    raw()
        .set_item("aims.t-index.v1.index", "garbage")
        .expect("raw write");
    let list = store.list(catalog()).expect("lists");
    assert!(matches!(list.as_slice(), [Entry::Saved(s)] if s.name == "Kept"));
    let index = raw()
        .get_item("aims.t-index.v1.index")
        .ok()
        .flatten()
        .unwrap_or_default();
    assert!(index.contains("\"kept\""), "index rewritten: {index}");
}

#[wasm_bindgen_test]
fn an_index_from_an_earlier_scoring_model_is_rebuilt_with_todays_figures() {
    let store = fresh("t-index-v1");
    let a = sample("old", "Old");
    store.save(catalog(), &a).expect("saved");
    // What the app wrote before scoring model 3: a readiness figure it no longer shows,
    // and no conformity at all.
    raw()
        .set_item(
            "aims.t-index-v1.v1.index",
            r#"{"version":2,"entries":[{"id":"old","name":"Old","organization":"","updated":"2026-11-29T08:00:00Z","readiness":1000,"answered":1,"in_scope":70}]}"#,
        )
        .expect("raw write");
    let fresh_store = LocalStore::new("t-index-v1");
    let list = fresh_store.list(catalog()).expect("lists");
    let overall = aims_readiness::engine::score(catalog(), &a, a.updated.date()).overall;
    let expected = overall.conformity.map(|p| p.tenths());
    assert!(
        matches!(list.as_slice(), [Entry::Saved(s)] if Some(s.conformity) == expected && s.conforming == overall.conforming),
        "{list:?}"
    );
}

#[wasm_bindgen_test]
fn namespaces_keep_data_apart() {
    let a = fresh("t-vendor-a");
    let b = fresh("t-vendor-b");
    a.save(catalog(), &sample("x", "A's")).expect("saved");
    assert_eq!(a.list(catalog()).expect("lists").len(), 1);
    assert!(b.list(catalog()).expect("lists").is_empty());
}

#[wasm_bindgen_test]
fn a_full_quota_is_an_error_and_earlier_data_survives() {
    let store = fresh("t-quota");
    store
        .save(catalog(), &sample("before", "Before"))
        .expect("saved");
    // Fill local storage until the browser refuses (about 5 MB in Chromium).
    let filler = crate::fill::fill_storage();
    let big = {
        let mut a = sample("after", "After");
        let item = catalog().find_item("4.1").expect("4.1");
        let ts = a.updated.clone();
        apply(catalog(), &mut a, Edit::Notes(item, "n".repeat(9000)), ts).expect("edit");
        a
    };
    let result = store.save(catalog(), &big);
    crate::fill::empty_storage(&filler);
    assert!(
        matches!(result, Err(StorageError::WriteRefused(_))),
        "{result:?}"
    );
    assert!(
        store.load(catalog(), "before").is_ok(),
        "what was saved before is untouched"
    );
    assert_eq!(store.load(catalog(), "after"), Err(LoadError::Missing));
}

#[wasm_bindgen_test]
fn quick_answers_round_trip() {
    use aims_readiness::engine::rules::quick::{QuickAnswer, QuickAnswers};
    let store = fresh("t-quick");
    let mut answers = QuickAnswers::new();
    let q = catalog().find_quick("q03").expect("q03");
    answers.set(q, Some(QuickAnswer::Partly));
    store.save_quick(&answers).expect("saved");
    assert_eq!(store.load_quick(), answers);
    // The record the quick entry reads and writes too (crates/quick).
    assert_eq!(
        raw()
            .get_item("aims.t-quick.v1.quick")
            .ok()
            .flatten()
            .as_deref(),
        Some(r#"{"version":1,"answers":{"q03":"partly"}}"#)
    );
    raw()
        .set_item("aims.t-quick.v1.quick", "[not an object")
        .expect("raw write");
    assert_eq!(
        store.load_quick(),
        QuickAnswers::new(),
        "corrupt quick answers read as empty"
    );
}

#[wasm_bindgen_test]
fn delete_all_empties_this_namespace_and_nothing_else() {
    let store = fresh("t-all");
    let other = fresh("t-all2");
    store.save(catalog(), &sample("one", "One")).expect("saved");
    store.save(catalog(), &sample("two", "Two")).expect("saved");
    other
        .save(catalog(), &sample("kept", "Kept"))
        .expect("saved");
    raw()
        .set_item("aims.t-all.v0.legacy", "x")
        .expect("raw write");
    raw()
        .set_item("unrelated-site-key", "y")
        .expect("raw write");
    let removed = store.delete_all().expect("deletes");
    assert_eq!(removed, 4, "two assessments, the index and the legacy key");
    let left: Vec<String> = (0..raw().length().unwrap_or(0))
        .filter_map(|i| raw().key(i).ok().flatten())
        .filter(|k| k.starts_with("aims.t-all."))
        .collect();
    assert!(left.is_empty(), "{left:?}");
    assert!(store.list(catalog()).expect("lists").is_empty());
    assert_eq!(
        other.list(catalog()).expect("lists").len(),
        1,
        "another namespace keeps its data"
    );
    assert_eq!(
        raw()
            .get_item("unrelated-site-key")
            .ok()
            .flatten()
            .as_deref(),
        Some("y")
    );
    let _ = raw().remove_item("unrelated-site-key");
}
