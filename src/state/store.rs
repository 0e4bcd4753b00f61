//! Where assessments are kept, as one interface ([`Repository`]) with two
//! implementations: the browser's local storage (`ui::services::storage::LocalStore`)
//! and [`MemoryStore`], which the reducer's native tests run against. The reducer never
//! calls a repository: it asks for [`super::Effect`]s, and `super::effect::perform` runs
//! them here.

use crate::engine::rules::quick::QuickAnswers;
use crate::engine::text::messages::Texts;
use crate::engine::{
    export_compact, import_keeping, score, Assessment, Catalog, ImportError, Percent,
};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};
use std::rc::Rc;

/// Why storage could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// Storage is disabled or missing (some private modes, blocked third-party frames).
    Unavailable,
    /// The browser refused the write, almost always because the quota is used up; the
    /// browser's own words when it gave any.
    WriteRefused(Option<String>),
}

/// Why an assessment could not be opened.
#[derive(Clone, Debug, PartialEq)]
pub enum LoadError {
    /// Nothing is saved under that id.
    Missing,
    /// Something is saved but it is not a valid assessment.
    Corrupt(Vec<ImportError>),
    /// Storage itself failed.
    Storage(StorageError),
}

impl LoadError {
    /// One line saying why, in `texts`' language.
    pub fn describe(&self, texts: Texts) -> String {
        match self {
            LoadError::Missing => texts.storage_missing().into(),
            LoadError::Corrupt(problems) => problems
                .first()
                .map(|p| p.describe(texts))
                .unwrap_or_default(),
            LoadError::Storage(StorageError::Unavailable) => texts.storage_unavailable().into(),
            LoadError::Storage(StorageError::WriteRefused(words)) => words
                .clone()
                .unwrap_or_else(|| texts.storage_refused().into()),
        }
    }
}

/// What the home screen shows for one saved assessment (also the record of the storage
/// index).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Summary {
    /// Assessment id.
    pub id: String,
    /// Display name.
    pub name: String,
    /// Organization.
    pub organization: String,
    /// Last change (RFC 3339).
    pub updated: String,
    /// Conformity today in tenths of a percent (scoring model 3).
    pub conformity: u16,
    /// In-scope items that conform today.
    pub conforming: u16,
    /// Implementation maturity in tenths of a percent.
    pub maturity: u16,
    /// Answered in-scope items.
    pub answered: u16,
    /// In-scope items.
    pub in_scope: u16,
}

impl Summary {
    /// The summary of an assessment, from the engine's score as of its last change (the
    /// list does not re-score every assessment each day; opening one scores it on today).
    pub fn of(catalog: &Catalog, a: &Assessment) -> Summary {
        let score = score(catalog, a, a.updated.date());
        let o = score.overall;
        Summary {
            id: a.id.clone(),
            name: a.name.clone(),
            organization: a.organization.clone(),
            updated: a.updated.as_str().to_owned(),
            conformity: o.conformity.map_or(0, Percent::tenths),
            conforming: o.conforming,
            maturity: o.maturity.map_or(0, Percent::tenths),
            answered: o.answered,
            in_scope: o.in_scope,
        }
    }

    /// Conformity today.
    pub fn conformity(&self) -> Percent {
        Percent::from_tenths(self.conformity).unwrap_or_default()
    }
}

/// One row of the saved list: readable, or broken with the reason.
#[derive(Clone, Debug, PartialEq)]
pub enum Entry {
    /// A readable assessment.
    Saved(Summary),
    /// Stored data that does not import; it is listed so the person can export or delete it.
    Broken {
        /// The id from the storage key.
        id: String,
        /// Why it cannot be read.
        error: LoadError,
    },
}

impl Entry {
    /// The assessment id this row stands for.
    pub fn id(&self) -> &str {
        match self {
            Entry::Saved(s) => &s.id,
            Entry::Broken { id, .. } => id,
        }
    }

    /// When it last changed (empty for a broken entry), for ordering the list.
    fn updated(&self) -> &str {
        match self {
            Entry::Saved(s) => &s.updated,
            Entry::Broken { .. } => "",
        }
    }
}

/// Orders a saved list newest first; ties by id so the order is total.
pub fn newest_first(entries: &mut [Entry]) {
    entries.sort_unstable_by(|a, b| (b.updated(), b.id()).cmp(&(a.updated(), a.id())));
}

/// A fingerprint of an entry's text (64-bit SipHash): equal texts, equal fingerprints;
/// a change by another tab is a different one.
pub fn fingerprint(text: &str) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}

/// Everything the app keeps, under one namespace. Every operation returns a `Result`;
/// an implementation never panics when its storage is disabled, full or holds garbage.
pub trait Repository {
    /// Every saved assessment, newest first, with unreadable ones listed as broken.
    fn list(&self, catalog: &Catalog) -> Result<Vec<Entry>, StorageError>;
    /// Reads and validates one assessment.
    fn load(&self, catalog: &Catalog, id: &str) -> Result<Assessment, LoadError>;
    /// The stored text of an entry, even a broken one (so it can still be downloaded).
    fn load_raw(&self, id: &str) -> Option<String>;
    /// Saves one assessment and its summary. Returns the summary written.
    fn save(&self, catalog: &Catalog, a: &Assessment) -> Result<Summary, StorageError>;
    /// Deletes one assessment.
    fn delete(&self, id: &str) -> Result<(), StorageError>;
    /// Removes everything kept under this namespace; returns how many records went.
    fn delete_all(&self) -> Result<usize, StorageError>;
    /// Whether an assessment with this id is stored.
    fn contains(&self, id: &str) -> bool;
    /// Whether another tab saved (or deleted) entry `id` since this one last read or
    /// wrote it. An entry this tab never read counts as unchanged.
    fn changed_elsewhere(&self, id: &str) -> bool;
    /// The saved quick-check answers (empty when none or unreadable).
    fn load_quick(&self) -> QuickAnswers;
    /// Saves the quick-check answers.
    fn save_quick(&self, answers: &QuickAnswers) -> Result<(), StorageError>;
    /// Changes saved since the last export (0 when unknown).
    fn changes_since_export(&self) -> u32;
    /// Records the count of changes since the last export.
    fn set_changes_since_export(&self, count: u32) -> Result<(), StorageError>;
    /// The language the person chose (a code such as `de`), if any.
    fn language(&self) -> Option<String>;
    /// Remembers the person's language choice.
    fn set_language(&self, code: &str) -> Result<(), StorageError>;
}

/// What every [`MemoryStore`] of one "browser profile" shares.
#[derive(Debug, Default)]
struct Shared {
    /// Exported text per assessment id, as local storage keeps it.
    entries: BTreeMap<String, String>,
    quick: Option<QuickAnswers>,
    changes: u32,
    language: Option<String>,
    /// Writes larger than this many bytes in total are refused, like a full quota.
    quota: Option<usize>,
}

/// An in-memory [`Repository`], for tests. Entries are kept as export text and read
/// back through the importer, as in the browser. [`MemoryStore::other_tab`] gives a
/// second store over the same data with its own memory of what it read, which is how
/// two tabs look to each other.
#[derive(Debug, Default)]
pub struct MemoryStore {
    shared: Rc<RefCell<Shared>>,
    /// A fingerprint of each entry's text as this tab last read or wrote it.
    seen: RefCell<BTreeMap<String, u64>>,
}

impl MemoryStore {
    /// An empty store.
    pub fn new() -> MemoryStore {
        MemoryStore::default()
    }

    /// Another tab on the same data.
    pub fn other_tab(&self) -> MemoryStore {
        MemoryStore {
            shared: Rc::clone(&self.shared),
            seen: RefCell::default(),
        }
    }

    /// Refuses writes once the stored text would exceed `bytes` (`None`: no limit).
    pub fn set_quota(&self, bytes: Option<usize>) {
        self.shared.borrow_mut().quota = bytes;
    }

    fn remember(&self, id: &str, text: &str) {
        self.seen
            .borrow_mut()
            .insert(id.to_owned(), fingerprint(text));
    }
}

impl Repository for MemoryStore {
    fn list(&self, catalog: &Catalog) -> Result<Vec<Entry>, StorageError> {
        let ids: Vec<String> = self.shared.borrow().entries.keys().cloned().collect();
        let mut entries: Vec<Entry> = ids
            .into_iter()
            .map(|id| match self.load(catalog, &id) {
                Ok(a) => Entry::Saved(Summary::of(catalog, &a)),
                Err(error) => Entry::Broken { id, error },
            })
            .collect();
        newest_first(&mut entries);
        Ok(entries)
    }

    fn load(&self, catalog: &Catalog, id: &str) -> Result<Assessment, LoadError> {
        let text = self.load_raw(id).ok_or(LoadError::Missing)?;
        // Saved by this app, registers as they were checked when imported.
        let a = import_keeping(catalog, text.as_bytes())
            .map(|i| i.assessment)
            .map_err(LoadError::Corrupt)?;
        self.remember(id, &text);
        Ok(a)
    }

    fn load_raw(&self, id: &str) -> Option<String> {
        self.shared.borrow().entries.get(id).cloned()
    }

    fn save(&self, catalog: &Catalog, a: &Assessment) -> Result<Summary, StorageError> {
        let text = export_compact(catalog, a);
        {
            let mut shared = self.shared.borrow_mut();
            let others: usize = shared
                .entries
                .iter()
                .filter(|(id, _)| **id != a.id)
                .map(|(_, t)| t.len())
                .sum();
            if shared.quota.is_some_and(|q| others + text.len() > q) {
                return Err(StorageError::WriteRefused(None));
            }
            shared.entries.insert(a.id.clone(), text.clone());
        }
        self.remember(&a.id, &text);
        Ok(Summary::of(catalog, a))
    }

    fn delete(&self, id: &str) -> Result<(), StorageError> {
        self.shared.borrow_mut().entries.remove(id);
        Ok(())
    }

    fn delete_all(&self) -> Result<usize, StorageError> {
        let mut shared = self.shared.borrow_mut();
        let quota = shared.quota;
        let removed = shared.entries.len()
            + usize::from(shared.quick.is_some())
            + usize::from(shared.language.is_some());
        *shared = Shared {
            quota,
            ..Shared::default()
        };
        Ok(removed)
    }

    fn contains(&self, id: &str) -> bool {
        self.shared.borrow().entries.contains_key(id)
    }

    fn changed_elsewhere(&self, id: &str) -> bool {
        let Some(known) = self.seen.borrow().get(id).copied() else {
            return false;
        };
        self.load_raw(id).map(|text| fingerprint(&text)) != Some(known)
    }

    fn load_quick(&self) -> QuickAnswers {
        self.shared.borrow().quick.clone().unwrap_or_default()
    }

    fn save_quick(&self, answers: &QuickAnswers) -> Result<(), StorageError> {
        self.shared.borrow_mut().quick = Some(answers.clone());
        Ok(())
    }

    fn changes_since_export(&self) -> u32 {
        self.shared.borrow().changes
    }

    fn set_changes_since_export(&self, count: u32) -> Result<(), StorageError> {
        self.shared.borrow_mut().changes = count;
        Ok(())
    }

    fn language(&self) -> Option<String> {
        self.shared.borrow().language.clone()
    }

    fn set_language(&self, code: &str) -> Result<(), StorageError> {
        self.shared.borrow_mut().language = Some(code.to_owned());
        Ok(())
    }
}
