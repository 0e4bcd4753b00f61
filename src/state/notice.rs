//! What the app tells the person after something happened. State keeps the kind and
//! the data (ids, names, counts), never translated text: the words are made when the
//! notice is shown, in the language active then, so a switch of language translates a
//! notice already on screen.

use super::store::LoadError;
use crate::engine::rules::merge::Conflict;
use crate::engine::text::messages::Texts;
use crate::engine::Catalog;
use crate::engine::ImportError;

/// A notice, shown until dismissed or replaced.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// Another tab deleted the open assessment; it stays open here.
    DeletedElsewhere {
        /// The assessment's name.
        name: String,
    },
    /// Both tabs changed these fields at once; this tab's values were kept.
    MergeConflict(Vec<Conflict>),
    /// A clause requirement cannot be marked not applicable.
    ClauseNotExcludable,
    /// The evidence register is full: a reference was not added.
    EvidenceRegisterFull,
    /// A saved assessment could not be opened.
    CannotOpen(LoadError),
    /// A copy was saved under this name.
    Duplicated {
        /// The copy's name.
        name: String,
    },
    /// An assessment was deleted.
    Deleted {
        /// Its name.
        name: String,
        /// Whether it can be brought back.
        undo: bool,
    },
    /// Everything was deleted; it can be brought back while the tab is open.
    DeletedAll {
        /// How many assessments went.
        n: usize,
    },
    /// Storage cannot be used.
    StorageUnavailable,
    /// A deleted assessment is back.
    Restored {
        /// Its name.
        name: String,
    },
    /// Everything deleted is back.
    RestoredAll {
        /// How many assessments.
        n: usize,
    },
    /// An imported version-1 file's targets below 3 now read as 3 (the file waits for a
    /// decision about its id).
    TargetsRaised {
        /// The items whose target was raised.
        ids: Vec<String>,
    },
    /// A file was imported and saved.
    Imported {
        /// The assessment's name.
        name: String,
        /// Items whose target below 3 was raised to 3.
        raised: Vec<String>,
    },
    /// Saved assessments were moved into the browser's database (once).
    StoreMoved {
        /// How many.
        count: usize,
    },
    /// A language could not be loaded.
    LanguageFailed {
        /// Why, as the loader said.
        reason: String,
    },
    /// A shared file was opened or changed, and what it held was merged into the open
    /// assessment (only when there is something to tell).
    SharedMerged {
        /// The file's name.
        file: String,
        /// Items a colleague changed there (now merged in).
        items: Vec<String>,
        /// Fields changed on both sides (this side's values were kept).
        conflicts: Vec<Conflict>,
        /// A saved copy that differed, kept beside under this name.
        copy: Option<String>,
    },
    /// The assessment is no longer kept in its shared file, and nothing was written
    /// into it: why.
    SharedStopped {
        /// The file's name.
        file: String,
        /// Why.
        trouble: SharedTrouble,
    },
}

/// Why a shared file can no longer be used.
#[derive(Clone, Debug, PartialEq)]
pub enum SharedTrouble {
    /// It cannot be read as an assessment.
    Unreadable(Vec<ImportError>),
    /// It holds another assessment now.
    OtherAssessment,
    /// The browser refused to write it (its reason).
    NotWritten(String),
}

impl Notice {
    /// Whether the notice reports a failure (shown as an error).
    pub fn is_error(&self) -> bool {
        matches!(
            self,
            Notice::DeletedElsewhere { .. }
                | Notice::MergeConflict(_)
                | Notice::ClauseNotExcludable
                | Notice::EvidenceRegisterFull
                | Notice::CannotOpen(_)
                | Notice::StorageUnavailable
                | Notice::LanguageFailed { .. }
                | Notice::SharedStopped { .. }
        )
    }

    /// Whether the notice offers to undo a deletion.
    pub fn undo(&self) -> bool {
        match self {
            Notice::Deleted { undo, .. } => *undo,
            Notice::DeletedAll { .. } => true,
            _ => false,
        }
    }

    /// The notice in `texts`' language; `catalog` (in the same language) names items
    /// and documents.
    pub fn text(&self, catalog: &Catalog, texts: Texts) -> String {
        let tf = |text: &str, args: &[(&str, &str)]| texts.tf(text, args);
        let raised =
            |ids: &[String]| tf(texts.notice_targets_raised(), &[("ids", &ids.join(", "))]);
        match self {
            Notice::DeletedElsewhere { name } => {
                tf(texts.notice_deleted_elsewhere(), &[("name", name)])
            }
            Notice::MergeConflict(conflicts) => tf(
                texts.notice_merge_conflict(),
                &[("fields", &describe_conflicts(catalog, conflicts, texts))],
            ),
            Notice::ClauseNotExcludable => texts.notice_clause_not_excludable().into(),
            Notice::EvidenceRegisterFull => texts.notice_evidence_register_full().into(),
            Notice::CannotOpen(error) => tf(
                texts.notice_cannot_open(),
                &[("reason", &error.describe(texts))],
            ),
            Notice::Duplicated { name } => tf(texts.notice_duplicated(), &[("name", name)]),
            Notice::Deleted { name, .. } => tf(texts.notice_deleted(), &[("name", name)]),
            Notice::DeletedAll { n } => tf(texts.notice_deleted_all(), &[("n", &n.to_string())]),
            Notice::StorageUnavailable => texts.notice_storage_unavailable().into(),
            Notice::Restored { name } => tf(texts.notice_restored(), &[("name", name)]),
            Notice::RestoredAll { n } => tf(texts.notice_restored_all(), &[("n", &n.to_string())]),
            Notice::TargetsRaised { ids } => raised(ids),
            Notice::Imported { name, raised: ids } => {
                let done = tf(texts.notice_imported(), &[("name", name)]);
                if ids.is_empty() {
                    done
                } else {
                    format!("{done} {}", raised(ids))
                }
            }
            Notice::LanguageFailed { reason } => tf(texts.lang_failed(), &[("reason", reason)]),
            Notice::StoreMoved { count } => {
                tf(texts.notice_store_moved(), &[("n", &count.to_string())])
            }
            Notice::SharedMerged {
                file,
                items,
                conflicts,
                copy,
            } => {
                let mut parts = Vec::new();
                if !items.is_empty() {
                    parts.push(tf(
                        texts.shared_merged(),
                        &[("file", file), ("ids", &items.join(", "))],
                    ));
                }
                if !conflicts.is_empty() {
                    let fields = describe_conflicts(catalog, conflicts, texts);
                    parts.push(tf(texts.shared_conflicts(), &[("fields", &fields)]));
                }
                if let Some(name) = copy {
                    parts.push(tf(texts.shared_copy_kept(), &[("name", name)]));
                }
                parts.join(" ")
            }
            Notice::SharedStopped { file, trouble } => {
                let reason = match trouble {
                    SharedTrouble::Unreadable(problems) => problems
                        .first()
                        .map(|p| p.describe(texts))
                        .unwrap_or_default(),
                    SharedTrouble::OtherAssessment => texts.shared_other_assessment().into(),
                    SharedTrouble::NotWritten(reason) => reason.clone(),
                };
                tf(
                    texts.shared_stopped(),
                    &[("file", file), ("reason", &reason)],
                )
            }
        }
    }
}

/// The fields both tabs changed: "9.2.1 (level), scope document".
fn describe_conflicts(catalog: &Catalog, conflicts: &[Conflict], texts: Texts) -> String {
    let fields: Vec<String> = conflicts
        .iter()
        .map(|conflict| match conflict {
            Conflict::Item(i, field) => format!("{} ({})", catalog.item(*i).id, field.name(texts)),
            Conflict::Document(d) => catalog.document(*d).title.clone(),
            Conflict::Assessment(field) => field.name(texts).to_owned(),
        })
        .collect();
    fields.join(", ")
}
