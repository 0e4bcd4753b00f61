//! The reducer, natively, against the in-memory store: what a person does (answer,
//! exclude, import, delete and undo, two tabs at once, a language switch) and what the
//! state and the store hold afterwards. Runs with `cargo test`.
#![cfg(not(target_arch = "wasm32"))]

use aims_readiness::config::Config;
use aims_readiness::engine::text::lang::Lang;
use aims_readiness::engine::text::messages::{msg, translation, Texts};
use aims_readiness::engine::{export, Catalog, Edit, Imported, MaturityLevel, Timestamp};
use aims_readiness::state::{
    run, Action, AppState, Effect, Entry, ImportState, MemoryStore, Notice, Repository, Resolution,
    Saved, Stamp,
};
use std::rc::Rc;

fn catalog() -> &'static Catalog {
    Catalog::builtin()
}

fn item(id: &str) -> aims_readiness::engine::ItemId {
    catalog().find_item(id).expect("item")
}

/// One browser tab: its state and its view of the store. Each action gets the next
/// second of a fixed clock, an id of its own and the tab's language.
struct Tab {
    state: AppState,
    store: MemoryStore,
    tick: u64,
    texts: Texts,
}

impl Tab {
    /// A tab opened on `store` (a reload reads what is saved).
    fn on(store: MemoryStore) -> Tab {
        let saved = Saved::read(&store, catalog());
        Tab {
            state: AppState::new(Rc::new(Config::default()), Lang::En, saved),
            store,
            tick: 0,
            texts: Texts::ENGLISH,
        }
    }

    fn fresh() -> Tab {
        Tab::on(MemoryStore::new())
    }

    /// A second tab on the same data.
    fn other_tab(&self) -> Tab {
        Tab::on(self.store.other_tab())
    }

    fn act(&mut self, action: Action) -> Vec<Effect> {
        self.tick += 1;
        let stamp = Stamp {
            now: Timestamp::from_unix_seconds(1_800_000_000 + self.tick),
            new_id: format!("new-{}", self.tick),
            texts: self.texts,
            today: aims_readiness::engine::Date::parse("2026-12-07").expect("a date"),
        };
        run(&mut self.state, action, stamp, &self.store, catalog())
    }

    fn create(&mut self, id: &str, name: &str) {
        self.act(Action::Create {
            id: id.into(),
            name: name.into(),
            organization: String::new(),
        });
    }

    fn level(&mut self, id: &str, n: MaturityLevel) {
        self.act(Action::Edit(Edit::Maturity(item(id), Some(n))));
    }

    fn notice_text(&self) -> String {
        self.state
            .notice
            .as_ref()
            .map(|n| n.text(catalog(), self.texts))
            .unwrap_or_default()
    }
}

#[test]
fn create_edit_and_reload_through_the_reducer() {
    let mut s = Tab::fresh();
    s.act(Action::Create {
        id: "t-reducer-1".into(),
        name: "Board review".into(),
        organization: "Acme".into(),
    });
    assert_eq!(
        s.state.current.as_ref().map(|a| a.id.as_str()),
        Some("t-reducer-1")
    );
    let item = item("6.1.2");
    s.act(Action::Edit(Edit::Maturity(item, Some(MaturityLevel::L4))));
    assert!(s.state.unsaved.is_none());
    let id = s.state.current.as_ref().expect("open").id.clone();
    // A new app instance (a reload) finds it in the list and opens it with the answer.
    let mut again = s.other_tab();
    assert!(again
        .state
        .entries
        .iter()
        .any(|e| matches!(e, Entry::Saved(x) if x.id == id)));
    again.act(Action::Open(id.clone()));
    assert_eq!(
        again
            .state
            .current
            .as_ref()
            .expect("open")
            .answer(item)
            .maturity,
        Some(MaturityLevel::L4)
    );
    again.act(Action::Delete(id.clone()));
    assert!(again.state.notice.as_ref().is_some_and(Notice::undo));
    again.act(Action::UndoDelete);
    assert!(again.store.contains(&id), "undo brings it back");
}

#[test]
fn an_answer_is_saved_scored_and_counted_toward_the_backup_reminder() {
    let mut s = Tab::fresh();
    s.create("a1", "Answers");
    let before = s.state.report.as_ref().expect("scored").overall.answered;
    let effects = s.act(Action::Edit(Edit::Maturity(
        item("4.1"),
        Some(MaturityLevel::L3),
    )));
    assert!(
        matches!(effects.first(), Some(Effect::Save { .. })),
        "the reducer asks for a save: {effects:?}"
    );
    assert!(effects.contains(&Effect::SetBackupCount(1)));
    assert_eq!(
        s.state.report.as_ref().expect("scored").overall.answered,
        before + 1
    );
    let stored = s.store.load(catalog(), "a1").expect("saved");
    assert_eq!(stored.answer(item("4.1")).maturity, Some(MaturityLevel::L3));
    assert_eq!(s.state.changes_since_export, 1);
    assert_eq!(s.store.changes_since_export(), 1);
    s.act(Action::Exported);
    assert_eq!(
        s.store.changes_since_export(),
        0,
        "an export resets the count"
    );
}

#[test]
fn excluding_a_control_is_saved_and_a_clause_cannot_be_excluded() {
    let mut s = Tab::fresh();
    s.create("x1", "Exclusions");
    let control = item("A.7.2");
    s.act(Action::Edit(Edit::Justification(
        control,
        "We use no data to develop AI systems.".into(),
    )));
    s.act(Action::Edit(Edit::Applicable(control, false)));
    let stored = s.store.load(catalog(), "x1").expect("saved");
    assert!(stored.answer(control).excluded);
    // A clause requirement is mandatory: refused, said, nothing saved.
    let clause = item("6.1.2");
    let effects = s.act(Action::Edit(Edit::Applicable(clause, false)));
    assert!(effects.is_empty(), "nothing to save: {effects:?}");
    assert_eq!(s.state.notice, Some(Notice::ClauseNotExcludable));
    assert!(
        !s.state
            .current
            .as_ref()
            .expect("open")
            .answer(clause)
            .excluded
    );
}

#[test]
fn an_import_is_saved_and_an_id_already_saved_asks_first() {
    let mut s = Tab::fresh();
    s.create("i1", "Mine");
    s.level("5.2", MaturityLevel::L2);
    let file = export(catalog(), s.state.current.as_ref().expect("open"));
    let read = aims_readiness::engine::import_with_notices(catalog(), file.as_bytes());
    // The same id is saved already: the person chooses.
    s.act(Action::Imported("mine.json".into(), read.clone()));
    assert!(matches!(s.state.import, ImportState::Conflict(_)));
    s.act(Action::Resolve(Resolution::KeepBoth));
    assert_eq!(s.state.import, ImportState::Idle);
    assert_eq!(s.state.entries.len(), 2, "both kept");
    let copy = s
        .state
        .entries
        .iter()
        .find(|e| e.id() != "i1")
        .expect("the copy")
        .id()
        .to_owned();
    assert!(copy.starts_with("new-"), "the copy has a fresh id: {copy}");
    assert!(s.notice_text().contains("Imported"), "{}", s.notice_text());
    // A file with a new id is saved at once.
    let mut other = s.store.load(catalog(), "i1").expect("saved");
    other.id = "i2".into();
    s.act(Action::Imported(
        "other.json".into(),
        Ok(Imported {
            assessment: other,
            raised_targets: vec!["4.1".into()],
        }),
    ));
    assert!(s.store.contains("i2"));
    assert!(s.notice_text().contains("4.1"), "{}", s.notice_text());
    // A refused file changes nothing saved.
    s.act(Action::Imported(
        "bad.json".into(),
        aims_readiness::engine::import_with_notices(catalog(), b"{"),
    ));
    assert!(matches!(s.state.import, ImportState::Failed(..)));
    assert_eq!(s.state.entries.len(), 3);
}

#[test]
fn a_refused_save_keeps_the_answer_in_memory_and_says_so() {
    let mut s = Tab::fresh();
    s.act(Action::Create {
        id: "t-full-1".into(),
        name: "Full".into(),
        organization: String::new(),
    });
    // Storage full: no room for the long note.
    s.store.set_quota(Some(4_000));
    let item = item("4.1");
    s.act(Action::Edit(Edit::Notes(item, "a long note ".repeat(500))));
    s.store.set_quota(None);
    assert!(s.state.unsaved.is_some(), "the failure is reported");
    assert_eq!(
        s.state
            .current
            .as_ref()
            .expect("still open")
            .answer(item)
            .notes
            .len(),
        12 * 500,
        "the answer is kept"
    );
    s.act(Action::RetrySave);
    assert!(
        s.state.unsaved.is_none(),
        "saving works again once there is room"
    );
}

#[test]
fn an_address_naming_nothing_saved_is_reported_not_opened() {
    let mut s = Tab::fresh();
    s.act(Action::Open("no-such-id".into()));
    assert!(s.state.current.is_none());
    let failed = s
        .state
        .open_failed
        .as_ref()
        .expect("the failure is kept for the screen");
    assert_eq!(failed.id, "no-such-id");
    assert!(failed.missing);
}

#[test]
fn delete_all_can_be_undone_while_the_tab_is_open() {
    let mut s = Tab::fresh();
    s.create("u1", "First");
    s.create("u2", "Second");
    s.act(Action::Refresh);
    assert_eq!(s.state.entries.len(), 2);
    s.act(Action::DeleteAll);
    assert!(s.state.entries.is_empty() && s.state.current.is_none());
    assert!(!s.store.contains("u1") && !s.store.contains("u2"));
    assert!(s.state.notice.as_ref().is_some_and(Notice::undo));
    s.act(Action::UndoDelete);
    assert!(s.store.contains("u1") && s.store.contains("u2"));
    assert_eq!(s.state.entries.len(), 2);
}

#[test]
fn two_tabs_editing_at_once_merge_field_by_field_and_report_the_same_field() {
    // Tab A creates the assessment; tab B opens it. Neither hears the other's storage
    // event in between (as when both edit within the same instant).
    let mut a = Tab::fresh();
    a.create("m1", "Shared");
    let mut b = a.other_tab();
    b.act(Action::Open("m1".into()));
    a.level("4.1", MaturityLevel::L3);
    b.level("4.2", MaturityLevel::L2);
    let stored = b.store.load(catalog(), "m1").expect("stored");
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
    assert!(
        b.state.notice.is_none(),
        "different fields: nothing to tell"
    );
    // Both change 9.2.1: the later save keeps its own value and says so.
    a.level("9.2.1", MaturityLevel::L1);
    b.level("9.2.1", MaturityLevel::L4);
    let notice = b.notice_text();
    assert!(notice.contains("9.2.1 (level)"), "{notice}");
    let stored = b.store.load(catalog(), "m1").expect("stored");
    assert_eq!(
        stored.answer(item("9.2.1")).maturity,
        Some(MaturityLevel::L4)
    );
    assert_eq!(stored.answer(item("4.1")).maturity, Some(MaturityLevel::L3));
    // What B shows is the merged version, A's 4.1 included.
    assert_eq!(
        b.state
            .current
            .as_ref()
            .expect("open")
            .answer(item("4.1"))
            .maturity,
        Some(MaturityLevel::L3)
    );
}

#[test]
fn another_tab_deleting_the_open_assessment_leaves_it_open_and_says_so() {
    let mut a = Tab::fresh();
    a.create("d1", "Kept open");
    let mut b = a.other_tab();
    b.act(Action::Open("d1".into()));
    a.act(Action::Delete("d1".into()));
    b.act(Action::Refresh);
    assert!(b.state.current.is_some(), "still open here");
    assert!(
        matches!(b.state.notice, Some(Notice::DeletedElsewhere { .. })),
        "{:?}",
        b.state.notice
    );
}

/// German, as the app reads it from `i18n/de.json`: the texts in sorted key order.
fn german() -> Texts {
    let text = std::fs::read_to_string("assets/i18n/de.json").expect("de.json");
    let messages: std::collections::BTreeMap<String, String> =
        serde_json::from_str(&text).expect("de.json is an object of texts");
    // Without the messages only the other builds carry (the quick entry, the modules).
    let table = translation(
        messages
            .into_iter()
            .filter(|(k, _)| !msg::OTHER_BUILDS.iter().any(|p| k.starts_with(p)))
            .map(|(_, v)| v)
            .collect(),
    )
    .expect("a complete translation");
    Texts::translated(table, |n| if n == "1" { "one" } else { "other" })
}

#[test]
fn a_notice_on_screen_follows_a_language_switch() {
    let mut a = Tab::fresh();
    a.create("l1", "Sprache");
    let mut b = a.other_tab();
    b.act(Action::Open("l1".into()));
    a.level("9.2.1", MaturityLevel::L1);
    b.level("9.2.1", MaturityLevel::L4);
    assert!(b.notice_text().contains("9.2.1 (level)"));
    b.texts = german();
    let effects = b.act(Action::Language(Lang::De, true));
    let german = b.notice_text();
    assert_eq!(effects, vec![Effect::RememberLanguage("de")]);
    assert_eq!(b.store.language().as_deref(), Some("de"));
    assert!(
        german.contains("9.2.1 (Reifegrad)") && german.contains("anderen Tab"),
        "the same notice, now in German: {german}"
    );
}

#[test]
fn a_copy_is_named_in_the_active_language() {
    let mut s = Tab::fresh();
    s.create("c1", "Bericht");
    s.texts = german();
    s.act(Action::Duplicate("c1".into()));
    let names: Vec<String> = s
        .state
        .entries
        .iter()
        .filter_map(|e| match e {
            Entry::Saved(x) => Some(x.name.clone()),
            Entry::Broken { .. } => None,
        })
        .collect();
    let copy = Texts::ENGLISH.tf(german().home_copy_of(), &[("name", "Bericht")]);
    assert!(names.contains(&copy), "{names:?} holds {copy}");
    let english = Texts::ENGLISH.tf(Texts::ENGLISH.home_copy_of(), &[("name", "Bericht")]);
    assert_ne!(copy, english, "German, not English");
}

#[test]
fn renaming_reads_a_closed_assessment_first_and_says_when_it_cannot() {
    let mut s = Tab::fresh();
    s.create("r1", "First name");
    s.create("r2", "Open one");
    // r1 is not open: it is read, renamed and saved; what is open stays open.
    let effects = s.act(Action::Rename("r1".into(), "  New name ".into()));
    assert!(
        matches!(effects.first(), Some(Effect::Load { .. })),
        "read first: {effects:?}"
    );
    assert_eq!(
        s.store.load(catalog(), "r1").expect("saved").name,
        "New name"
    );
    assert_eq!(s.state.current.as_ref().expect("open").id, "r2");
    // The open one is renamed in place.
    s.act(Action::Rename("r2".into(), "Renamed open".into()));
    assert_eq!(s.state.current.as_ref().expect("open").name, "Renamed open");
    // Nothing saved under that id: said, nothing written.
    s.act(Action::Rename("gone".into(), "Whatever".into()));
    assert!(
        matches!(s.state.notice, Some(Notice::CannotOpen(_))),
        "{:?}",
        s.state.notice
    );
    assert!(!s.store.contains("gone"));
}

/// What a shared file holds: `a`'s current version with `change` made to it, as a
/// colleague's save would leave it.
fn colleague_version(
    tab: &Tab,
    change: impl FnOnce(&mut aims_readiness::engine::Assessment),
) -> Imported {
    let mut a = (**tab.state.current.as_ref().expect("open")).clone();
    change(&mut a);
    Imported {
        assessment: a,
        raised_targets: Vec::new(),
    }
}

fn set_level(a: &mut aims_readiness::engine::Assessment, id: &str, n: MaturityLevel) {
    a.update(catalog(), item(id), |x| x.maturity = Some(n))
        .expect("valid");
}

fn open_level(tab: &Tab, id: &str) -> Option<MaturityLevel> {
    tab.state
        .current
        .as_ref()
        .expect("open")
        .answer(item(id))
        .maturity
}

#[test]
fn a_shared_file_is_written_until_it_holds_the_open_assessment() {
    let mut a = Tab::fresh();
    a.create("s1", "Team review");
    let current = a.state.current.clone();
    a.act(Action::SharedKept(
        "team.json".into(),
        Rc::clone(current.as_ref().unwrap()),
    ));
    let link = a.state.shared.clone().expect("kept in the file");
    assert_eq!(
        link.to_write(current.as_ref()),
        current,
        "just chosen: write it"
    );
    a.act(Action::SharedWritten(Rc::clone(current.as_ref().unwrap())));
    let link = a.state.shared.clone().expect("still kept");
    assert_eq!(
        link.to_write(a.state.current.as_ref()),
        None,
        "the file holds it"
    );
    a.level("4.1", MaturityLevel::L2);
    assert!(
        link.to_write(a.state.current.as_ref()).is_some(),
        "a change needs writing"
    );
}

#[test]
fn a_colleagues_save_is_merged_item_by_item_and_a_conflict_keeps_this_side() {
    let mut a = Tab::fresh();
    a.create("s2", "Team review");
    let kept = Rc::clone(a.state.current.as_ref().unwrap());
    a.act(Action::SharedKept("team.json".into(), Rc::clone(&kept)));
    a.act(Action::SharedWritten(kept));
    // A colleague answers 4.2 and 5.1 in the file; meanwhile this side answers 5.1 too.
    let theirs = colleague_version(&a, |x| {
        set_level(x, "4.2", MaturityLevel::L2);
        set_level(x, "5.1", MaturityLevel::L4);
    });
    a.level("5.1", MaturityLevel::L1);
    a.act(Action::SharedRead(Ok(theirs)));
    assert_eq!(
        open_level(&a, "4.2"),
        Some(MaturityLevel::L2),
        "theirs taken"
    );
    assert_eq!(open_level(&a, "5.1"), Some(MaturityLevel::L1), "ours kept");
    let notice = a.notice_text();
    assert!(
        notice.contains("Merged what was saved in team.json: 4.2, 5.1."),
        "{notice}"
    );
    assert!(
        notice.contains("your version was kept: 5.1 (level)"),
        "{notice}"
    );
    let stored = a.store.load(catalog(), "s2").expect("saved");
    assert_eq!(stored.answer(item("4.2")).maturity, Some(MaturityLevel::L2));
    // The merged version differs from the file's: it is written next.
    let link = a.state.shared.clone().expect("still kept");
    assert!(link.to_write(a.state.current.as_ref()).is_some());
    // The file coming back with exactly what it held changes nothing and says nothing.
    a.act(Action::DismissNotice);
    let same = Imported {
        assessment: (*link.base.clone().expect("known")).clone(),
        raised_targets: Vec::new(),
    };
    a.act(Action::SharedRead(Ok(same)));
    assert!(a.state.notice.is_none());
}

#[test]
fn an_unreadable_or_foreign_shared_file_stops_the_sharing_and_says_why() {
    let mut a = Tab::fresh();
    a.create("s3", "Team review");
    let kept = Rc::clone(a.state.current.as_ref().unwrap());
    a.act(Action::SharedKept("team.json".into(), Rc::clone(&kept)));
    let problems = aims_readiness::engine::import(catalog(), b"not json").unwrap_err();
    a.act(Action::SharedRead(Err(problems)));
    assert!(a.state.shared.is_none(), "no longer kept in the file");
    assert!(a
        .notice_text()
        .starts_with("team.json can no longer be used ("));
    // Another assessment in the file.
    a.act(Action::SharedKept("team.json".into(), kept));
    let other = colleague_version(&a, |x| x.id = "someone-else".into());
    a.act(Action::SharedRead(Ok(other)));
    assert!(a.state.shared.is_none());
    assert!(a.notice_text().contains("it now holds another assessment"));
    // A write the browser refused.
    a.act(Action::SharedNotWritten(
        "team.json".into(),
        "disk full".into(),
    ));
    assert!(a.notice_text().contains("(disk full)"));
}

#[test]
fn opening_a_shared_file_keeps_a_differing_saved_copy_beside_it() {
    let mut a = Tab::fresh();
    a.create("s4", "Team review");
    a.level("4.1", MaturityLevel::L3);
    let theirs = colleague_version(&a, |x| set_level(x, "4.1", MaturityLevel::L1));
    a.act(Action::SharedOpened(
        "team.json".into(),
        Rc::new(theirs.assessment),
    ));
    assert_eq!(
        open_level(&a, "4.1"),
        Some(MaturityLevel::L1),
        "the file's version"
    );
    assert!(a.state.shared.is_some(), "kept in the file from now on");
    let notice = a.notice_text();
    assert!(
        notice.contains("kept beside it as “Copy of Team review”"),
        "{notice}"
    );
    let copies: Vec<_> = a
        .store
        .list(catalog())
        .expect("list")
        .into_iter()
        .filter(|e| matches!(e, Entry::Saved(s) if s.name == "Copy of Team review"))
        .collect();
    assert_eq!(copies.len(), 1, "this browser's version is kept as a copy");
    // The same file again, with nothing different: no copy, nothing to tell.
    a.act(Action::DismissNotice);
    let again = colleague_version(&a, |_| {});
    a.act(Action::SharedOpened(
        "team.json".into(),
        Rc::new(again.assessment),
    ));
    assert!(a.state.notice.is_none());
}
