//! The reducer's requests to the outside world, and how they are carried out against a
//! [`Repository`]. Each effect ends in at most one [`Outcome`], which goes back to the
//! reducer as [`super::Action::Done`]. With local storage (synchronous) the app runs an
//! effect at once; a store that answers later runs it in a task and dispatches the same
//! outcome when it arrives: the reducer cannot tell the difference.

use super::store::{Entry, LoadError, Repository, StorageError, Summary};
use crate::engine::rules::merge::{merge, Conflict};
use crate::engine::rules::quick::QuickAnswers;
use crate::engine::{Assessment, Catalog};
use std::rc::Rc;

/// What a save is for, which decides what the reducer does with its result.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveFor {
    /// A new assessment (created, or started from the quick check).
    New,
    /// A change to the open assessment: counts toward the backup reminder.
    Edit,
    /// Saving the open assessment again after a failure.
    Retry,
    /// A new name.
    Rename,
    /// A copy.
    Duplicate,
    /// An imported file.
    Import {
        /// Items whose version-1 target below 3 now reads as 3.
        raised: Vec<String>,
    },
    /// An imported file whose id was already saved, replaced or kept beside it.
    Resolve,
}

/// What a load is for.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadFor {
    /// Opening it (the address names it).
    Open,
    /// Saving a copy of it.
    Copy,
    /// Saving it under this new name (it is not open).
    Rename(String),
    /// Opening what a shared file (its name) holds instead, beside this saved copy.
    Shared(String, Rc<Assessment>),
}

/// A request the reducer makes.
#[derive(Clone, Debug, PartialEq)]
pub enum Effect {
    /// Re-read the saved list, and the open assessment if another tab changed it.
    Refresh {
        /// The open assessment.
        open: Option<Rc<Assessment>>,
    },
    /// Read one assessment.
    Load {
        /// Its id.
        id: String,
        /// What for.
        purpose: LoadFor,
    },
    /// Save an assessment. With `base` (the version this tab last had), a version another
    /// tab saved since is merged field by field first.
    Save {
        /// What to save.
        assessment: Rc<Assessment>,
        /// The version the change was made to.
        base: Option<Rc<Assessment>>,
        /// Why.
        purpose: SaveFor,
    },
    /// Save an imported assessment, unless its id is taken (then ask the person).
    Import {
        /// The assessment read from the file.
        assessment: Rc<Assessment>,
        /// Items whose version-1 target below 3 now reads as 3.
        raised: Vec<String>,
    },
    /// Delete one assessment, keeping it in memory for undo.
    Delete(String),
    /// Delete everything, keeping the readable assessments in memory for undo.
    DeleteAll {
        /// The ids to keep for undo.
        ids: Vec<String>,
    },
    /// Save these again (undo of a delete), and the quick answers if given.
    Restore {
        /// What the delete removed.
        assessments: Rc<Vec<Assessment>>,
        /// The quick-check answers removed with everything.
        quick: Option<QuickAnswers>,
    },
    /// Record the number of changes since the last export.
    SetBackupCount(u32),
    /// Remember the person's language choice.
    RememberLanguage(&'static str),
}

/// What came of an effect.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// The saved list, and the open assessment as another tab left it (when it changed).
    Refreshed {
        /// The list.
        entries: Result<Vec<Entry>, StorageError>,
        /// The open assessment's id and what is stored under it now.
        open: Option<(String, Result<Assessment, LoadError>)>,
    },
    /// An assessment was read (or not), and what for.
    Loaded(String, LoadFor, Result<Assessment, LoadError>),
    /// A save ended.
    Saved {
        /// What was saved: after a merge, the merged version.
        assessment: Rc<Assessment>,
        /// Whether another tab's version was merged in (what was saved is not what the
        /// reducer asked to save).
        merged: bool,
        /// Fields both tabs changed (this tab's values were kept).
        conflicts: Vec<Conflict>,
        /// Why it was saved.
        purpose: SaveFor,
        /// The summary written, or why not.
        result: Result<Summary, StorageError>,
    },
    /// An imported file's id is already saved.
    ImportConflict {
        /// The assessment read from the file.
        assessment: Rc<Assessment>,
        /// Items whose version-1 target below 3 now reads as 3.
        raised: Vec<String>,
    },
    /// An assessment was deleted (or not); what it was, for undo.
    Deleted {
        /// Its id.
        id: String,
        /// The assessment as it was, when readable.
        kept: Option<Assessment>,
        /// Whether storage allowed it.
        result: Result<(), StorageError>,
    },
    /// Everything was deleted (or not); what was readable, for undo.
    DeletedAll {
        /// The readable assessments.
        kept: Vec<Assessment>,
        /// Whether storage allowed it.
        result: Result<usize, StorageError>,
    },
    /// The undo of a delete ended: one result per assessment.
    Restored {
        /// Each assessment with its save's result.
        saved: Vec<(Rc<Assessment>, Result<Summary, StorageError>)>,
        /// Whether it undid "delete everything".
        all: bool,
    },
}

/// Carries out `effect` against `store`.
pub fn perform(effect: Effect, store: &dyn Repository, catalog: &Catalog) -> Option<Outcome> {
    match effect {
        Effect::Refresh { open } => {
            // Most storage events are about other keys: compare fingerprints before parsing.
            let open = open
                .filter(|a| store.changed_elsewhere(&a.id))
                .map(|a| (a.id.clone(), store.load(catalog, &a.id)));
            Some(Outcome::Refreshed {
                entries: store.list(catalog),
                open,
            })
        }
        Effect::Load { id, purpose } => {
            let result = store.load(catalog, &id);
            Some(Outcome::Loaded(id, purpose, result))
        }
        Effect::Save {
            assessment,
            base,
            purpose,
        } => Some(save(store, catalog, assessment, base, purpose)),
        Effect::Import { assessment, raised } => Some(if store.contains(&assessment.id) {
            Outcome::ImportConflict { assessment, raised }
        } else {
            save(store, catalog, assessment, None, SaveFor::Import { raised })
        }),
        Effect::Delete(id) => {
            let kept = store.load(catalog, &id).ok();
            let result = store.delete(&id);
            Some(Outcome::Deleted { id, kept, result })
        }
        Effect::DeleteAll { ids } => {
            let kept = ids
                .iter()
                .filter_map(|id| store.load(catalog, id).ok())
                .collect();
            let result = store.delete_all();
            Some(Outcome::DeletedAll { kept, result })
        }
        Effect::Restore { assessments, quick } => {
            let saved = assessments
                .iter()
                .map(|a| (Rc::new(a.clone()), store.save(catalog, a)))
                .collect();
            if let Some(answers) = &quick {
                let _ = store.save_quick(answers);
            }
            Some(Outcome::Restored {
                saved,
                all: quick.is_some(),
            })
        }
        Effect::SetBackupCount(count) => {
            let _ = store.set_changes_since_export(count);
            None
        }
        Effect::RememberLanguage(code) => {
            let _ = store.set_language(code);
            None
        }
    }
}

/// Saves `assessment`; with a `base`, first merges in what another tab saved since this
/// tab read it (its storage event may not have arrived yet), field by field, instead of
/// overwriting it.
fn save(
    store: &dyn Repository,
    catalog: &Catalog,
    mut assessment: Rc<Assessment>,
    base: Option<Rc<Assessment>>,
    purpose: SaveFor,
) -> Outcome {
    let mut conflicts = Vec::new();
    let mut merged = false;
    if let Some(base) = base.filter(|_| store.changed_elsewhere(&assessment.id)) {
        if let Ok(theirs) = store.load(catalog, &assessment.id) {
            let (both, found) = merge(catalog, &base, &assessment, &theirs);
            assessment = Rc::new(both);
            conflicts = found;
            merged = true;
        }
    }
    let result = store.save(catalog, &assessment);
    Outcome::Saved {
        assessment,
        merged,
        conflicts,
        purpose,
        result,
    }
}
