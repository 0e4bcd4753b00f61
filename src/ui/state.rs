//! App state and its reducer. The reducer is thin: assessment rules live in
//! `engine::apply`, scores in `engine::score`, persistence in `storage`.

use crate::engine::rules::merge::{merge, Conflict};
use crate::engine::rules::quick::{carry_over, QuickAnswer, QuickAnswers};
use crate::engine::{
    apply, score, Assessment, Catalog, Edit, EditError, ImportError, Imported, QuickId, Score,
};
use crate::ui::config::Config;
use crate::ui::services::clock;
use crate::ui::services::i18n::{msg, tf};
use crate::ui::services::storage::{
    describe_load_error, Entry, LoadError, StorageError, Store, Summary,
};
use std::rc::Rc;
use yew::Reducible;

/// After this many saved changes without an export, the app reminds the person that the
/// browser may clear its storage and that an exported file is the real backup.
pub const BACKUP_REMINDER_AFTER: u32 = 30;

/// An assessment named by the address could not be opened.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenFailure {
    /// The id asked for.
    pub id: String,
    /// Nothing is saved under that id (rather than: saved but unreadable).
    pub missing: bool,
    /// Why, in words.
    pub reason: String,
}

/// A message shown briefly, optionally with an undo.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    /// What happened.
    pub text: String,
    /// Whether the notice offers to undo a deletion.
    pub undo: bool,
    /// Shown as an error.
    pub error: bool,
}

/// What a delete removed, kept in memory so it can be undone.
#[derive(Clone, Debug, PartialEq)]
pub enum Deleted {
    /// One assessment.
    One(Rc<Assessment>),
    /// Everything: every readable assessment and the quick-check answers.
    All(Rc<Vec<Assessment>>, QuickAnswers),
}

/// The state of an import in progress.
#[derive(Clone, Debug, PartialEq)]
pub enum ImportState {
    /// Nothing pending.
    Idle,
    /// The last file was refused: its name and every problem.
    Failed(String, Vec<ImportError>),
    /// The file's id is already saved: replace it or keep both?
    Conflict(Rc<Assessment>),
}

/// How to resolve an import whose id already exists.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolution {
    /// Overwrite the saved one.
    Replace,
    /// Keep both; the import gets a new id.
    KeepBoth,
    /// Do nothing.
    Cancel,
}

/// Everything the UI can ask for.
#[derive(Clone, Debug, PartialEq)]
pub enum Action {
    /// Another tab changed storage: re-read the saved list and the open assessment.
    Refresh,
    /// Start a new assessment (the caller picks the id, so it can go to its address).
    Create {
        /// Id for the new assessment.
        id: String,
        /// Name.
        name: String,
        /// Organization.
        organization: String,
    },
    /// Open a saved assessment (the address names it).
    Open(String),
    /// Change the open assessment.
    Edit(Edit),
    /// Rename a saved assessment.
    Rename(String, String),
    /// Copy a saved assessment.
    Duplicate(String),
    /// Delete a saved assessment (undoable).
    Delete(String),
    /// Delete everything saved under this widget's namespace (undoable while the tab is
    /// open).
    DeleteAll,
    /// Bring back what the last delete removed.
    UndoDelete,
    /// Hide the notice.
    DismissNotice,
    /// A file was read and run through the engine's import.
    Imported(String, Result<Imported, Vec<ImportError>>),
    /// Answer to the import conflict question.
    Resolve(Resolution),
    /// Clear the import error panel.
    DismissImport,
    /// Try saving the open assessment again.
    RetrySave,
    /// A file was exported: the backup reminder starts counting again.
    Exported,
    /// The person put the backup reminder off: it counts again from zero.
    RemindLater,
    /// A new version of the app has installed and waits for the person to switch.
    UpdateReady,
    /// Answer a quick-check question.
    Quick(QuickId, QuickAnswer),
    /// Start the quick check over.
    QuickReset,
    /// Continue into the full assessment with the quick answers as estimates, under
    /// this new id.
    QuickContinue(String),
    /// A language is loaded and active: `true` when the person chose it (remembered),
    /// `false` when the app switched to the preferred one at start.
    Language(crate::ui::services::i18n::Lang, bool),
    /// A language could not be loaded; the reason.
    LanguageFailed(String),
}

/// The app state.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// Start-up options.
    pub config: Rc<Config>,
    /// Where things are saved.
    pub store: Store,
    /// Saved assessments.
    pub entries: Vec<Entry>,
    /// The open assessment.
    pub current: Option<Rc<Assessment>>,
    /// Its scores.
    pub report: Option<Rc<Score>>,
    /// The last assessment the address named that could not be opened.
    pub open_failed: Option<OpenFailure>,
    /// Set while the open assessment could not be saved (it stays in memory).
    pub unsaved: Option<StorageError>,
    /// Storage cannot be used at all.
    pub storage_unavailable: bool,
    /// The last notice.
    pub notice: Option<Notice>,
    /// What the last delete removed, for undo.
    pub deleted: Option<Deleted>,
    /// Import progress.
    pub import: ImportState,
    /// Quick-check answers.
    pub quick: QuickAnswers,
    /// Changes saved since the last export (kept in storage across reloads).
    pub changes_since_export: u32,
    /// A new version of the app waits to be switched to.
    pub update_ready: bool,
    /// The element a vendor mounted the widget on (inline and custom-element embeds),
    /// which share events are dispatched on; `None` on the app's own page.
    pub host: Option<web_sys::Element>,
    /// The language on screen (loaded and active).
    pub lang: crate::ui::services::i18n::Lang,
}

fn catalog() -> &'static Catalog {
    crate::ui::services::i18n::catalog()
}

impl AppState {
    /// The state at start-up: reads the saved list and quick answers.
    pub fn load(config: Config) -> AppState {
        let store = Store::new(&config.namespace);
        let (entries, storage_unavailable) = match store.list(catalog()) {
            Ok(entries) => (entries, false),
            Err(_) => (Vec::new(), true),
        };
        let quick = store.load_quick(catalog());
        let changes_since_export = store.changes_since_export();
        AppState {
            config: Rc::new(config),
            store,
            entries,
            current: None,
            report: None,
            open_failed: None,
            unsaved: None,
            storage_unavailable,
            notice: None,
            deleted: None,
            import: ImportState::Idle,
            quick,
            changes_since_export,
            update_ready: false,
            host: None,
            lang: crate::ui::services::i18n::active(),
        }
    }

    fn notice(&mut self, text: String, error: bool) {
        self.notice = Some(Notice {
            text,
            undo: false,
            error,
        });
    }

    /// Saves `a`, updates its row in the list, and records a failure without losing `a`.
    fn persist(&mut self, a: &Assessment) -> bool {
        match self.store.save(catalog(), a) {
            Ok(summary) => {
                self.upsert(summary);
                self.unsaved = None;
                true
            }
            Err(e) => {
                self.unsaved = Some(e);
                false
            }
        }
    }

    fn upsert(&mut self, summary: Summary) {
        self.entries.retain(|e| e.id() != summary.id);
        self.entries.insert(0, Entry::Saved(summary));
    }

    fn open(&mut self, a: Assessment) {
        self.report = Some(Rc::new(score(catalog(), &a)));
        self.current = Some(Rc::new(a));
        self.open_failed = None;
    }

    /// Re-reads the saved list; returns whether anything shown changed.
    fn refresh(&mut self) -> bool {
        match self.store.list(catalog()) {
            Ok(entries) if entries == self.entries && !self.storage_unavailable => false,
            Ok(entries) => {
                self.entries = entries;
                self.storage_unavailable = false;
                true
            }
            Err(_) => !std::mem::replace(&mut self.storage_unavailable, true),
        }
    }

    /// Brings the open assessment up to date with what another tab saved, so both tabs
    /// show the same answers and an edit here builds on the other tab's. If another tab
    /// deleted it, it stays open here and the person is told (the next change saves it
    /// again). Returns whether anything shown changed.
    fn follow_other_tab(&mut self) -> bool {
        let Some(open) = self.current.clone() else {
            return false;
        };
        // Most storage events are about other keys: compare fingerprints before parsing.
        if !self.store.changed_elsewhere(&open.id) {
            return false;
        }
        match self.store.load(catalog(), &open.id) {
            Ok(stored) if stored != *open => {
                self.open(stored);
                true
            }
            Err(LoadError::Missing) if self.entries.iter().any(|e| e.id() == open.id) => {
                self.notice(
                    tf(msg::notice_deleted_elsewhere(), &[("name", &open.name)]),
                    true,
                );
                true
            }
            _ => false,
        }
    }

    /// Counts one saved change toward the backup reminder.
    fn count_change(&mut self) {
        self.changes_since_export = self.changes_since_export.saturating_add(1);
        let _ = self
            .store
            .set_changes_since_export(self.changes_since_export);
    }

    /// Saves a new assessment and opens it.
    fn add_new(&mut self, a: Assessment) {
        // If the save fails the assessment stays open in memory; the banner says so.
        self.persist(&a);
        self.open(a);
    }
}

/// The fields both tabs changed, for the notice: "9.2.1 (level), scope document".
fn describe_conflicts(conflicts: &[Conflict]) -> String {
    let c = catalog();
    let fields: Vec<String> = conflicts
        .iter()
        .map(|conflict| match conflict {
            Conflict::Item(i, field) => format!("{} ({field})", c.item(*i).id),
            Conflict::Document(d) => c.document(*d).title.clone(),
            Conflict::Assessment(field) => (*field).to_owned(),
        })
        .collect();
    tf(
        msg::notice_merge_conflict(),
        &[("fields", &fields.join(", "))],
    )
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut s = (*self).clone();
        match action {
            // Another tab changed storage. Not while the open assessment is only in
            // memory (a failed save must not make it vanish from view); when nothing
            // changed, the same state is returned, so nothing re-renders.
            Action::Refresh if s.unsaved.is_some() => return self,
            Action::Refresh => {
                let open_changed = s.follow_other_tab();
                if !s.refresh() && !open_changed {
                    return self;
                }
            }
            Action::Create {
                id,
                name,
                organization,
            } => {
                let name = if name.trim().is_empty() {
                    msg::home_untitled().to_owned()
                } else {
                    name.trim().to_owned()
                };
                let mut a = Assessment::new(catalog(), id, name, clock::now());
                a.organization = organization.trim().to_owned();
                s.add_new(a);
            }
            Action::Open(id) if s.current.as_ref().is_some_and(|c| c.id == id) => return self,
            Action::Open(id) => match s.store.load(catalog(), &id) {
                Ok(a) => s.open(a),
                Err(e) => {
                    let reason = describe_load_error(&e);
                    let missing = matches!(e, LoadError::Missing);
                    if let LoadError::Corrupt(_) = e {
                        s.entries.retain(|x| x.id() != id);
                        s.entries.push(Entry::Broken {
                            id: id.clone(),
                            reason: reason.clone(),
                        });
                    }
                    s.open_failed = Some(OpenFailure {
                        id,
                        missing,
                        reason,
                    });
                }
            },
            Action::Edit(edit) => {
                let Some(current) = s.current.clone() else {
                    return self;
                };
                let mut a = (*current).clone();
                match apply(catalog(), &mut a, edit, clock::now()) {
                    Ok(()) => {
                        // Another tab saved this assessment since this tab read it (its
                        // storage event has not arrived yet): merge field by field
                        // instead of overwriting, and say which fields both changed.
                        if s.store.changed_elsewhere(&a.id) {
                            if let Ok(theirs) = s.store.load(catalog(), &a.id) {
                                let (merged, conflicts) = merge(catalog(), &current, &a, &theirs);
                                a = merged;
                                if !conflicts.is_empty() {
                                    s.notice(describe_conflicts(&conflicts), true);
                                }
                            }
                        }
                        if s.persist(&a) {
                            s.count_change();
                        }
                        s.report = Some(Rc::new(score(catalog(), &a)));
                        s.current = Some(Rc::new(a));
                    }
                    Err(EditError::ClauseCannotBeExcluded(_)) => {
                        s.notice(msg::notice_clause_not_excludable().into(), true)
                    }
                }
            }
            Action::Rename(id, name) => {
                let name = name.trim().to_owned();
                if name.is_empty() {
                    return self;
                }
                let open = s
                    .current
                    .as_ref()
                    .filter(|c| c.id == id)
                    .map(|c| (**c).clone());
                match open.map(Ok).unwrap_or_else(|| s.store.load(catalog(), &id)) {
                    Ok(mut a) => {
                        let _ = apply(catalog(), &mut a, Edit::Name(name), clock::now());
                        if s.persist(&a) && s.current.as_ref().is_some_and(|c| c.id == id) {
                            s.current = Some(Rc::new(a));
                        }
                    }
                    Err(e) => s.notice(
                        tf(
                            msg::notice_cannot_open(),
                            &[("reason", &describe_load_error(&e))],
                        ),
                        true,
                    ),
                }
            }
            Action::Duplicate(id) => match s.store.load(catalog(), &id) {
                Ok(mut a) => {
                    a.id = clock::new_id();
                    a.name = tf(msg::home_copy_of(), &[("name", &a.name)]);
                    a.created = clock::now();
                    a.updated = a.created.clone();
                    if s.persist(&a) {
                        s.notice(tf(msg::notice_duplicated(), &[("name", &a.name)]), false);
                    }
                }
                Err(e) => s.notice(
                    tf(
                        msg::notice_cannot_open(),
                        &[("reason", &describe_load_error(&e))],
                    ),
                    true,
                ),
            },
            Action::Delete(id) => {
                let kept = s.store.load(catalog(), &id).ok();
                match s.store.delete(&id) {
                    Ok(()) => {
                        s.entries.retain(|e| e.id() != id);
                        if s.current.as_ref().is_some_and(|c| c.id == id) {
                            s.current = None;
                            s.report = None;
                        }
                        let name = kept.as_ref().map(|a| a.name.clone()).unwrap_or_default();
                        s.notice = Some(Notice {
                            text: tf(msg::notice_deleted(), &[("name", &name)]),
                            undo: kept.is_some(),
                            error: false,
                        });
                        s.deleted = kept.map(|a| Deleted::One(Rc::new(a)));
                    }
                    Err(_) => s.notice(msg::notice_storage_unavailable().into(), true),
                }
            }
            Action::DeleteAll => {
                let kept: Vec<Assessment> = s
                    .entries
                    .iter()
                    .filter_map(|e| match e {
                        Entry::Saved(summary) => s.store.load(catalog(), &summary.id).ok(),
                        Entry::Broken { .. } => None,
                    })
                    .collect();
                match s.store.delete_all() {
                    Ok(_) => {
                        let text = tf(msg::notice_deleted_all(), &[("n", &kept.len().to_string())]);
                        s.deleted = Some(Deleted::All(Rc::new(kept), s.quick.clone()));
                        s.entries.clear();
                        s.current = None;
                        s.report = None;
                        s.unsaved = None;
                        s.quick = QuickAnswers::new(catalog());
                        s.changes_since_export = 0;
                        s.notice = Some(Notice {
                            text,
                            undo: true,
                            error: false,
                        });
                    }
                    Err(_) => s.notice(msg::notice_storage_unavailable().into(), true),
                }
            }
            Action::UndoDelete => match s.deleted.take() {
                Some(Deleted::One(a)) if s.persist(&a) => {
                    s.notice(tf(msg::notice_restored(), &[("name", &a.name)]), false);
                }
                Some(Deleted::One(_)) => {}
                Some(Deleted::All(all, quick)) => {
                    let restored = all.iter().filter(|a| s.persist(a)).count();
                    s.quick = quick;
                    let _ = s.store.save_quick(catalog(), &s.quick);
                    s.notice(
                        tf(msg::notice_restored_all(), &[("n", &restored.to_string())]),
                        false,
                    );
                }
                None => {}
            },
            Action::DismissNotice => s.notice = None,
            Action::Imported(file, result) => match result {
                Err(problems) => s.import = ImportState::Failed(file, problems),
                Ok(Imported {
                    assessment: a,
                    raised_targets,
                }) => {
                    // Targets below 3 in a version-1 file now read as 3: say so, once.
                    let raised = (!raised_targets.is_empty()).then(|| {
                        let ids = raised_targets.join(", ");
                        tf(msg::notice_targets_raised(), &[("ids", &ids)])
                    });
                    if s.store.contains(&a.id) {
                        s.import = ImportState::Conflict(Rc::new(a));
                        if let Some(text) = raised {
                            s.notice(text, false);
                        }
                    } else {
                        s.import = ImportState::Idle;
                        if s.persist(&a) {
                            let done = tf(msg::notice_imported(), &[("name", &a.name)]);
                            let text =
                                raised.map_or_else(|| done.clone(), |r| format!("{done} {r}"));
                            s.notice(text, false);
                        }
                    }
                }
            },
            Action::Resolve(choice) => {
                let ImportState::Conflict(a) = std::mem::replace(&mut s.import, ImportState::Idle)
                else {
                    return self;
                };
                let mut a = (*a).clone();
                match choice {
                    Resolution::Cancel => return Rc::new(s),
                    Resolution::Replace => {}
                    Resolution::KeepBoth => {
                        a.id = clock::new_id();
                        a.name = tf(msg::home_imported_copy(), &[("name", &a.name)]);
                    }
                }
                if s.persist(&a) {
                    if s.current.as_ref().is_some_and(|c| c.id == a.id) {
                        s.open(a.clone());
                    }
                    s.notice(tf(msg::notice_imported(), &[("name", &a.name)]), false);
                }
            }
            Action::DismissImport => s.import = ImportState::Idle,
            Action::UpdateReady => s.update_ready = true,
            Action::Language(lang, chosen) => {
                // Loaded and made active by `i18n::load` before this action is sent.
                s.lang = lang;
                if chosen && s.config.lang.is_none() {
                    let _ = s.store.set_language(lang.code());
                }
            }
            Action::LanguageFailed(reason) => {
                s.notice(tf(msg::lang_failed(), &[("reason", &reason)]), true);
            }
            Action::Exported | Action::RemindLater => {
                s.changes_since_export = 0;
                let _ = s.store.set_changes_since_export(0);
            }
            Action::RetrySave => {
                if let Some(a) = s.current.clone() {
                    s.persist(&a);
                }
            }
            Action::Quick(q, answer) => {
                s.quick.set(q, Some(answer));
                // Losing quick answers is harmless; no banner, but say so once.
                if s.store.save_quick(catalog(), &s.quick).is_err() && !s.storage_unavailable {
                    s.storage_unavailable = true;
                }
            }
            Action::QuickReset => {
                s.quick = QuickAnswers::new(catalog());
                let _ = s.store.save_quick(catalog(), &s.quick);
            }
            Action::QuickContinue(id) => {
                let mut a = Assessment::new(
                    catalog(),
                    id,
                    msg::quick_assessment_name().into(),
                    clock::now(),
                );
                carry_over(catalog(), &s.quick, &mut a);
                s.add_new(a);
            }
        }
        Rc::new(s)
    }
}
