//! The app's state and its reducer, pure: [`AppState::reduce`] computes the next state
//! and the [`Effect`]s to run from an [`Action`], the time and a fresh id handed in
//! ([`Stamp`]); it reads no storage, no clock and no random numbers. Effects run through
//! the one [`Repository`] interface (`effect::perform`), and what comes of them returns
//! as [`Action::Done`]. Assessment rules live in `engine::apply`, scores in
//! `engine::score`. Compiled for every target, so its tests run with `cargo test`.

pub mod effect;
pub mod notice;
pub mod store;

pub use effect::{perform, Effect, LoadFor, Outcome, SaveFor};
pub use notice::{Notice, SharedTrouble};
pub use store::{Entry, LoadError, MemoryStore, Repository, StorageError, Summary};

use crate::config::Config;
use crate::engine::rules::merge::{differing_items, merge, Conflict};
use crate::engine::rules::quick::{carry_over, QuickAnswers};
use crate::engine::text::lang::Lang;
use crate::engine::text::messages::Texts;
use crate::engine::{
    apply, score, Assessment, Catalog, Date, Edit, EditError, ImportError, Imported, ItemId, Score,
    Timestamp,
};
use std::rc::Rc;

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
    /// Why.
    pub error: LoadError,
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

/// What the reducer needs from outside with every action: the time, an id for whatever
/// the action may create (unused by most actions), and the language names it makes are
/// in ("Copy of …").
#[derive(Clone, Debug)]
pub struct Stamp {
    /// Now.
    pub now: Timestamp,
    /// A fresh id (at least 122 random bits in the app).
    pub new_id: String,
    /// The active language.
    pub texts: Texts,
    /// Today in the person's calendar: evidence records past their review-by date no
    /// longer count.
    pub today: Date,
}

/// Everything the UI can ask for, and what comes back from effects.
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
    /// Copy a saved assessment (under the stamp's new id).
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
    /// Answer to the import conflict question (keeping both uses the stamp's new id).
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
    /// Continue into the full assessment with the quick answers as estimates, under
    /// this new id.
    QuickContinue(String),
    /// A language is loaded and active: `true` when the person chose it (remembered),
    /// `false` when the app switched to the preferred one at start.
    Language(Lang, bool),
    /// A language could not be loaded; the reason.
    LanguageFailed(String),
    /// The browser refused to write a record after it was saved in this tab (its
    /// database is full): what is on screen stays, unsaved, until a retry works.
    StoreRefused(StorageError),
    /// Opening the browser's database moved this many assessments into it from
    /// localStorage (said once).
    StoreMoved(usize),
    /// The open assessment was written into a file the person chose (`file`, its name):
    /// from now on it is kept there.
    SharedKept(String, Rc<Assessment>),
    /// The person opened a shared file (`file`, its name) holding this assessment.
    SharedOpened(String, Rc<Assessment>),
    /// The shared file changed on disk (a colleague saved): what it holds now.
    SharedRead(Result<Imported, Vec<ImportError>>),
    /// The shared file now holds this version (written by this tab).
    SharedWritten(Rc<Assessment>),
    /// A shared file (its name) could not be written; the browser's reason.
    SharedNotWritten(String, String),
    /// Stop keeping the open assessment in its file.
    SharedStop,
    /// An effect ended.
    Done(Outcome),
}

/// The file an assessment is kept in (where the browser can write files the person
/// chooses): its name and the version it held when this tab last read or wrote it,
/// the base for merging what colleagues saved since.
#[derive(Clone, Debug, PartialEq)]
pub struct SharedFile {
    /// The file's name.
    pub file: String,
    /// The assessment kept in it.
    pub id: String,
    /// The version the file holds, as far as this tab knows (`None`: just chosen, to
    /// be written).
    pub base: Option<Rc<Assessment>>,
}

impl SharedFile {
    /// The open assessment, when it differs from what the file holds: it needs writing.
    pub fn to_write(&self, current: Option<&Rc<Assessment>>) -> Option<Rc<Assessment>> {
        current
            .filter(|c| c.id == self.id && self.base.as_ref().is_none_or(|b| ***c != **b))
            .cloned()
    }
}

/// What the app reads from its store at start-up.
#[derive(Clone, Debug, PartialEq)]
pub struct Saved {
    /// The saved list, or why storage cannot be used.
    pub entries: Result<Vec<Entry>, StorageError>,
    /// The quick-check answers.
    pub quick: QuickAnswers,
    /// Changes saved since the last export.
    pub changes_since_export: u32,
}

impl Saved {
    /// Reads it from `store`.
    pub fn read(store: &dyn Repository, catalog: &Catalog) -> Saved {
        Saved {
            entries: store.list(catalog),
            quick: store.load_quick(),
            changes_since_export: store.changes_since_export(),
        }
    }
}

/// The app state.
#[derive(Clone, Debug, PartialEq)]
pub struct AppState {
    /// Start-up options.
    pub config: Rc<Config>,
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
    /// The language on screen (loaded and active).
    pub lang: Lang,
    /// The file the open assessment is kept in, if any.
    pub shared: Option<SharedFile>,
    /// The day the open assessment is scored on (the last action's).
    pub today: Date,
}

impl AppState {
    /// The state at start-up, from what the store holds.
    pub fn new(config: Rc<Config>, lang: Lang, saved: Saved) -> AppState {
        let (entries, storage_unavailable) = match saved.entries {
            Ok(entries) => (entries, false),
            Err(_) => (Vec::new(), true),
        };
        AppState {
            config,
            entries,
            current: None,
            report: None,
            open_failed: None,
            unsaved: None,
            storage_unavailable,
            notice: None,
            deleted: None,
            import: ImportState::Idle,
            quick: saved.quick,
            changes_since_export: saved.changes_since_export,
            update_ready: false,
            lang,
            shared: None,
            today: Date::EPOCH,
        }
    }

    fn notify(&mut self, notice: Notice) {
        self.notice = Some(notice);
    }

    fn open(&mut self, catalog: &Catalog, a: Assessment) {
        self.report = Some(Rc::new(score(catalog, &a, self.today)));
        self.current = Some(Rc::new(a));
        self.open_failed = None;
    }

    fn is_open(&self, id: &str) -> bool {
        self.current.as_ref().is_some_and(|c| c.id == id)
    }

    fn upsert(&mut self, summary: Summary) {
        self.entries.retain(|e| e.id() != summary.id);
        self.entries.insert(0, Entry::Saved(summary));
    }

    /// Opens a new assessment and asks for it to be saved (if the save fails it stays
    /// open in memory; the banner says so).
    fn add_new(&mut self, catalog: &Catalog, a: Assessment) -> Vec<Effect> {
        let a = Rc::new(a);
        self.open(catalog, (*a).clone());
        vec![Effect::Save {
            assessment: a,
            base: None,
            purpose: SaveFor::New,
        }]
    }

    /// Applies `action`; returns the effects to run. `catalog` is the active language's.
    pub fn reduce(&mut self, action: Action, stamp: Stamp, catalog: &Catalog) -> Vec<Effect> {
        let Stamp {
            now,
            new_id,
            texts,
            today,
        } = stamp;
        self.today = today;
        match action {
            // Not while the open assessment is only in memory: a failed save must not
            // make it vanish from view.
            Action::Refresh if self.unsaved.is_some() => vec![],
            Action::Refresh => vec![Effect::Refresh {
                open: self.current.clone(),
            }],
            Action::Create {
                id,
                name,
                organization,
            } => {
                let name = if name.trim().is_empty() {
                    texts.home_untitled().to_owned()
                } else {
                    name.trim().to_owned()
                };
                let mut a = Assessment::new(catalog, id, name, now);
                a.organization = organization.trim().to_owned();
                self.add_new(catalog, a)
            }
            Action::Open(id) if self.is_open(&id) => vec![],
            Action::Open(id) => vec![Effect::Load {
                id,
                purpose: LoadFor::Open,
            }],
            Action::Edit(edit) => {
                let Some(current) = self.current.clone() else {
                    return vec![];
                };
                let mut a = (*current).clone();
                match apply(catalog, &mut a, edit, now) {
                    Ok(()) => {
                        let a = Rc::new(a);
                        self.report = Some(Rc::new(score(catalog, &a, self.today)));
                        self.current = Some(Rc::clone(&a));
                        vec![Effect::Save {
                            assessment: a,
                            base: Some(current),
                            purpose: SaveFor::Edit,
                        }]
                    }
                    Err(EditError::ClauseCannotBeExcluded(_)) => {
                        self.notify(Notice::ClauseNotExcludable);
                        vec![]
                    }
                    Err(EditError::EvidenceRegisterFull) => {
                        self.notify(Notice::EvidenceRegisterFull);
                        vec![]
                    }
                }
            }
            Action::Rename(id, name) => {
                let name = name.trim().to_owned();
                if name.is_empty() {
                    return vec![];
                }
                match self.current.as_ref().filter(|c| c.id == id) {
                    Some(open) => renamed(catalog, (**open).clone(), name, now),
                    // Not open: read it first; the name is set when it arrives.
                    None => vec![Effect::Load {
                        id,
                        purpose: LoadFor::Rename(name),
                    }],
                }
            }
            Action::Duplicate(id) => vec![Effect::Load {
                id,
                purpose: LoadFor::Copy,
            }],
            Action::Delete(id) => vec![Effect::Delete(id)],
            Action::DeleteAll => vec![Effect::DeleteAll {
                ids: self
                    .entries
                    .iter()
                    .filter_map(|e| match e {
                        Entry::Saved(summary) => Some(summary.id.clone()),
                        Entry::Broken { .. } => None,
                    })
                    .collect(),
            }],
            Action::UndoDelete => match self.deleted.take() {
                Some(Deleted::One(a)) => vec![Effect::Restore {
                    assessments: Rc::new(vec![(*a).clone()]),
                    quick: None,
                }],
                Some(Deleted::All(all, quick)) => {
                    self.quick = quick.clone();
                    vec![Effect::Restore {
                        assessments: all,
                        quick: Some(quick),
                    }]
                }
                None => vec![],
            },
            Action::DismissNotice => {
                self.notice = None;
                vec![]
            }
            Action::Imported(file, Err(problems)) => {
                self.import = ImportState::Failed(file, problems);
                vec![]
            }
            Action::Imported(
                _,
                Ok(Imported {
                    assessment,
                    raised_targets,
                }),
            ) => vec![Effect::Import {
                assessment: Rc::new(assessment),
                raised: raised_targets,
            }],
            Action::Resolve(choice) => {
                let ImportState::Conflict(a) =
                    std::mem::replace(&mut self.import, ImportState::Idle)
                else {
                    return vec![];
                };
                let mut a = (*a).clone();
                match choice {
                    Resolution::Cancel => return vec![],
                    Resolution::Replace => {}
                    Resolution::KeepBoth => {
                        a.id = new_id;
                        a.name = texts.tf(texts.home_imported_copy(), &[("name", &a.name)]);
                    }
                }
                vec![Effect::Save {
                    assessment: Rc::new(a),
                    base: None,
                    purpose: SaveFor::Resolve,
                }]
            }
            Action::DismissImport => {
                self.import = ImportState::Idle;
                vec![]
            }
            Action::UpdateReady => {
                self.update_ready = true;
                vec![]
            }
            Action::Language(lang, chosen) => {
                // Loaded and made active before this action is sent.
                self.lang = lang;
                if chosen && self.config.lang.is_none() {
                    vec![Effect::RememberLanguage(lang.code())]
                } else {
                    vec![]
                }
            }
            Action::LanguageFailed(reason) => {
                self.notify(Notice::LanguageFailed { reason });
                vec![]
            }
            Action::StoreRefused(e) => {
                self.unsaved = Some(e);
                vec![]
            }
            Action::StoreMoved(count) => {
                self.notify(Notice::StoreMoved { count });
                vec![]
            }
            Action::Exported | Action::RemindLater => {
                self.changes_since_export = 0;
                vec![Effect::SetBackupCount(0)]
            }
            Action::RetrySave => match self.current.clone() {
                Some(a) => vec![Effect::Save {
                    assessment: a,
                    base: None,
                    purpose: SaveFor::Retry,
                }],
                None => vec![],
            },
            Action::QuickContinue(id) => {
                let name = texts.home_from_quick().into();
                let mut a = Assessment::new(catalog, id, name, now);
                carry_over(catalog, &self.quick, &mut a);
                self.add_new(catalog, a)
            }
            Action::SharedKept(file, a) => {
                self.shared = Some(SharedFile {
                    file,
                    id: a.id.clone(),
                    base: None,
                });
                vec![]
            }
            Action::SharedOpened(file, theirs) => vec![Effect::Load {
                id: theirs.id.clone(),
                purpose: LoadFor::Shared(file, theirs),
            }],
            Action::SharedRead(read) => self.shared_read(catalog, read),
            Action::SharedWritten(a) => match &mut self.shared {
                Some(link) if link.id == a.id => {
                    link.base = Some(a);
                    vec![]
                }
                _ => vec![],
            },
            Action::SharedNotWritten(file, reason) => {
                self.shared = None;
                self.notify(Notice::SharedStopped {
                    file,
                    trouble: SharedTrouble::NotWritten(reason),
                });
                vec![]
            }
            Action::SharedStop => {
                self.shared = None;
                vec![]
            }
            Action::Done(outcome) => self.settle(
                outcome,
                catalog,
                Stamp {
                    now,
                    new_id,
                    texts,
                    today,
                },
            ),
        }
    }

    /// Takes in what the shared file holds now: merged field by field with the open
    /// assessment against the version the file held before (what came in and what both
    /// changed are told); a file that cannot be read stops the sharing, and nothing is
    /// written over it.
    fn shared_read(
        &mut self,
        catalog: &Catalog,
        read: Result<Imported, Vec<ImportError>>,
    ) -> Vec<Effect> {
        let (Some(link), Some(current)) = (self.shared.clone(), self.current.clone()) else {
            return vec![];
        };
        let theirs = match read {
            Ok(imported) if imported.assessment.id == link.id => imported.assessment,
            // Another assessment in the file now: it no longer holds this one.
            Ok(_) => return self.shared_stopped(link, SharedTrouble::OtherAssessment),
            Err(problems) => return self.shared_stopped(link, SharedTrouble::Unreadable(problems)),
        };
        // Without a known version (a file only just chosen), this tab's is the base.
        let base = link.base.clone().unwrap_or_else(|| Rc::clone(&current));
        if theirs == *base || current.id != theirs.id {
            return vec![];
        }
        let (merged, conflicts) = merge(catalog, &base, &current, &theirs);
        let items = differing_items(catalog, &base, &theirs);
        let theirs = Rc::new(theirs);
        self.shared = Some(SharedFile {
            file: link.file.clone(),
            id: link.id.clone(),
            base: Some(Rc::clone(&theirs)),
        });
        self.tell_merged(catalog, link.file, items, conflicts, None);
        let merged = Rc::new(merged);
        self.open(catalog, (*merged).clone());
        vec![Effect::Save {
            assessment: merged,
            base: Some(current),
            purpose: SaveFor::Edit,
        }]
    }

    /// Opens what a shared file holds, and keeps the assessment there from now on. A
    /// saved copy of it that differs is kept beside it as a copy (the file's version
    /// cannot tell this browser's unsynced changes from a colleague's), so nothing is
    /// lost.
    fn shared_opened(
        &mut self,
        catalog: &Catalog,
        stamp: Stamp,
        file: String,
        theirs: Rc<Assessment>,
        local: Option<Assessment>,
    ) -> Vec<Effect> {
        let mut effects = Vec::new();
        let mut copy = None;
        // The registers too: a risk or a record only this browser has is kept.
        let differs = |l: &Assessment| {
            l.registers != theirs.registers || !differing_items(catalog, l, &theirs).is_empty()
        };
        if let Some(mut local) = local.filter(differs) {
            let texts = stamp.texts;
            local.id = stamp.new_id;
            local.name = texts.tf(texts.home_copy_of(), &[("name", &local.name)]);
            copy = Some(local.name.clone());
            effects.push(Effect::Save {
                assessment: Rc::new(local),
                base: None,
                purpose: SaveFor::New,
            });
        }
        self.tell_merged(catalog, file.clone(), Vec::new(), Vec::new(), copy);
        self.shared = Some(SharedFile {
            file,
            id: theirs.id.clone(),
            base: Some(Rc::clone(&theirs)),
        });
        self.open(catalog, (*theirs).clone());
        effects.push(Effect::Save {
            assessment: theirs,
            base: None,
            purpose: SaveFor::New,
        });
        effects
    }

    /// Tells what came in from a shared file, when anything did.
    fn tell_merged(
        &mut self,
        catalog: &Catalog,
        file: String,
        items: Vec<ItemId>,
        conflicts: Vec<Conflict>,
        copy: Option<String>,
    ) {
        if !items.is_empty() || !conflicts.is_empty() || copy.is_some() {
            self.notify(Notice::SharedMerged {
                file,
                items: items
                    .into_iter()
                    .map(|i| catalog.item(i).id.clone())
                    .collect(),
                conflicts,
                copy,
            });
        }
    }

    fn shared_stopped(&mut self, link: SharedFile, trouble: SharedTrouble) -> Vec<Effect> {
        self.shared = None;
        self.notify(Notice::SharedStopped {
            file: link.file,
            trouble,
        });
        vec![]
    }

    /// Takes in what came of an effect.
    fn settle(&mut self, outcome: Outcome, catalog: &Catalog, stamp: Stamp) -> Vec<Effect> {
        match outcome {
            Outcome::Refreshed { entries, open } => {
                // The open assessment first, against the list as this tab knew it: if
                // another tab deleted it, it stays open here and the person is told (the
                // next change saves it again).
                if let (Some((id, stored)), Some(current)) = (open, self.current.clone()) {
                    match stored {
                        Ok(stored) if current.id == id && stored != *current => {
                            self.open(catalog, stored)
                        }
                        Err(LoadError::Missing)
                            if current.id == id && self.entries.iter().any(|e| e.id() == id) =>
                        {
                            self.notify(Notice::DeletedElsewhere {
                                name: current.name.clone(),
                            })
                        }
                        _ => {}
                    }
                }
                match entries {
                    Ok(entries) if entries == self.entries && !self.storage_unavailable => {}
                    Ok(entries) => {
                        self.entries = entries;
                        self.storage_unavailable = false;
                    }
                    Err(_) => self.storage_unavailable = true,
                }
                vec![]
            }
            Outcome::Loaded(_, LoadFor::Copy, Ok(mut a)) => {
                let texts = stamp.texts;
                a.id = stamp.new_id;
                a.name = texts.tf(texts.home_copy_of(), &[("name", &a.name)]);
                a.created = stamp.now;
                a.updated = a.created.clone();
                vec![Effect::Save {
                    assessment: Rc::new(a),
                    base: None,
                    purpose: SaveFor::Duplicate,
                }]
            }
            Outcome::Loaded(_, LoadFor::Rename(name), Ok(a)) => {
                renamed(catalog, a, name, stamp.now)
            }
            Outcome::Loaded(_, LoadFor::Shared(file, theirs), local) => {
                self.shared_opened(catalog, stamp, file, theirs, local.ok())
            }
            Outcome::Loaded(_, LoadFor::Copy | LoadFor::Rename(_), Err(error)) => {
                self.notify(Notice::CannotOpen(error));
                vec![]
            }
            Outcome::Loaded(_, LoadFor::Open, Ok(a)) => {
                self.open(catalog, a);
                vec![]
            }
            Outcome::Loaded(id, LoadFor::Open, Err(error)) => {
                let missing = matches!(error, LoadError::Missing);
                if let LoadError::Corrupt(_) = error {
                    self.entries.retain(|x| x.id() != id);
                    self.entries.push(Entry::Broken {
                        id: id.clone(),
                        error: error.clone(),
                    });
                }
                self.open_failed = Some(OpenFailure { id, missing, error });
                vec![]
            }
            Outcome::Saved {
                assessment,
                merged,
                conflicts,
                purpose,
                result,
            } => self.saved(catalog, assessment, merged, conflicts, purpose, result),
            Outcome::ImportConflict { assessment, raised } => {
                self.import = ImportState::Conflict(assessment);
                if !raised.is_empty() {
                    self.notify(Notice::TargetsRaised { ids: raised });
                }
                vec![]
            }
            Outcome::Deleted { id, kept, result } => {
                match result {
                    Ok(()) => {
                        self.entries.retain(|e| e.id() != id);
                        if self.is_open(&id) {
                            self.current = None;
                            self.report = None;
                        }
                        self.notify(Notice::Deleted {
                            name: kept.as_ref().map(|a| a.name.clone()).unwrap_or_default(),
                            undo: kept.is_some(),
                        });
                        self.deleted = kept.map(|a| Deleted::One(Rc::new(a)));
                    }
                    Err(_) => self.notify(Notice::StorageUnavailable),
                }
                vec![]
            }
            Outcome::DeletedAll { kept, result } => {
                match result {
                    Ok(_) => {
                        let n = kept.len();
                        self.deleted = Some(Deleted::All(Rc::new(kept), self.quick.clone()));
                        self.entries.clear();
                        self.current = None;
                        self.report = None;
                        self.unsaved = None;
                        self.quick = QuickAnswers::new();
                        self.changes_since_export = 0;
                        self.notify(Notice::DeletedAll { n });
                    }
                    Err(_) => self.notify(Notice::StorageUnavailable),
                }
                vec![]
            }
            Outcome::Restored { saved, all } => {
                let mut restored = Vec::new();
                for (a, result) in saved {
                    match result {
                        Ok(summary) => {
                            self.upsert(summary);
                            self.unsaved = None;
                            restored.push(a);
                        }
                        Err(e) => self.unsaved = Some(e),
                    }
                }
                if all {
                    self.notify(Notice::RestoredAll { n: restored.len() });
                } else if let Some(a) = restored.first() {
                    self.notify(Notice::Restored {
                        name: a.name.clone(),
                    });
                }
                vec![]
            }
        }
    }

    /// Takes in the end of a save: the list and the banner follow the result, and each
    /// purpose says what the person is told.
    fn saved(
        &mut self,
        catalog: &Catalog,
        a: Rc<Assessment>,
        merged: bool,
        conflicts: Vec<Conflict>,
        purpose: SaveFor,
        result: Result<Summary, StorageError>,
    ) -> Vec<Effect> {
        if !conflicts.is_empty() {
            self.notify(Notice::MergeConflict(conflicts));
        }
        let ok = match result {
            Ok(summary) => {
                self.upsert(summary);
                self.unsaved = None;
                true
            }
            Err(e) => {
                self.unsaved = Some(e);
                false
            }
        };
        match purpose {
            SaveFor::New | SaveFor::Retry => vec![],
            SaveFor::Edit => {
                // The merged version (if another tab saved meanwhile) is what is open.
                if merged && self.is_open(&a.id) {
                    self.report = Some(Rc::new(score(catalog, &a, self.today)));
                    self.current = Some(a);
                }
                if ok {
                    self.changes_since_export = self.changes_since_export.saturating_add(1);
                    vec![Effect::SetBackupCount(self.changes_since_export)]
                } else {
                    vec![]
                }
            }
            SaveFor::Rename => {
                if ok && self.is_open(&a.id) {
                    self.current = Some(a);
                }
                vec![]
            }
            SaveFor::Duplicate => {
                if ok {
                    self.notify(Notice::Duplicated {
                        name: a.name.clone(),
                    });
                }
                vec![]
            }
            SaveFor::Import { raised } => {
                self.import = ImportState::Idle;
                if ok {
                    self.notify(Notice::Imported {
                        name: a.name.clone(),
                        raised,
                    });
                }
                vec![]
            }
            SaveFor::Resolve => {
                if ok {
                    if self.is_open(&a.id) {
                        self.open(catalog, (*a).clone());
                    }
                    self.notify(Notice::Imported {
                        name: a.name.clone(),
                        raised: Vec::new(),
                    });
                }
                vec![]
            }
        }
    }
}

/// `a` under a new name, and the save that keeps it.
fn renamed(catalog: &Catalog, mut a: Assessment, name: String, now: Timestamp) -> Vec<Effect> {
    // A new name is always accepted (the caller refused a blank one).
    let _ = apply(catalog, &mut a, Edit::Name(name), now);
    vec![Effect::Save {
        assessment: Rc::new(a),
        base: None,
        purpose: SaveFor::Rename,
    }]
}

/// Runs `action` and every effect it leads to against `store`, at once (a store that
/// answers synchronously, as local storage and [`MemoryStore`] do). Returns the effects
/// run, in order, for tests that want to see them.
pub fn run(
    state: &mut AppState,
    action: Action,
    stamp: Stamp,
    store: &dyn Repository,
    catalog: &Catalog,
) -> Vec<Effect> {
    let mut ran = Vec::new();
    let mut pending =
        std::collections::VecDeque::from(state.reduce(action, stamp.clone(), catalog));
    while let Some(effect) = pending.pop_front() {
        ran.push(effect.clone());
        if let Some(outcome) = perform(effect, store, catalog) {
            pending.extend(state.reduce(Action::Done(outcome), stamp.clone(), catalog));
        }
    }
    ran
}
