//! What the app tells the person after something happened. State keeps the kind and
//! the data (ids, names, counts), never translated text: the words are made when the
//! notice is shown, in the language active then, so a switch of language translates a
//! notice already on screen.

use super::store::LoadError;
use crate::engine::rules::merge::Conflict;
use crate::engine::text::messages::Texts;
use crate::engine::Catalog;

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
    /// A language could not be loaded.
    LanguageFailed {
        /// Why, as the loader said.
        reason: String,
    },
}

impl Notice {
    /// Whether the notice reports a failure (shown as an error).
    pub fn is_error(&self) -> bool {
        matches!(
            self,
            Notice::DeletedElsewhere { .. }
                | Notice::MergeConflict(_)
                | Notice::ClauseNotExcludable
                | Notice::CannotOpen(_)
                | Notice::StorageUnavailable
                | Notice::LanguageFailed { .. }
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
