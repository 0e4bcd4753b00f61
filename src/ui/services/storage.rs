//! The only code that touches browser storage (docs/storage.md). Every operation returns
//! a `Result`; nothing here panics when storage is disabled, full or holds garbage.
//!
//! Key layout (version 1), under a namespace so two widgets on one origin stay apart:
//! - `aims.<ns>.v1.a.<id>`: one assessment, as compact export JSON (current format;
//!   entries written in an earlier format keep loading);
//! - `aims.<ns>.v1.index`: summaries for the home screen, so listing 200 assessments
//!   does not parse 200 documents (rebuilt from the entries if missing or corrupt);
//! - `aims.<ns>.v1.quick`: the quick-check answers;
//! - `aims.<ns>.v1.backup`: how many changes were saved since the last export.

use crate::engine::format::value::from_text;
use crate::engine::rules::quick::QuickAnswers;
use crate::engine::{export_compact, import_keeping, Assessment, Catalog};
use crate::state::store::{fingerprint, newest_first};
use crate::state::{Entry, LoadError, Repository, StorageError, Summary};
use crate::ui::services::records::{records, Records};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

/// The index format. 3: summaries hold conformity today and implementation maturity
/// under scoring model 3; an index of an earlier version holds figures of an older
/// model, so it is not read and `list` rebuilds it from the entries.
const INDEX_VERSION: u64 = 3;

/// The summaries, stored as `{"version":3,"entries":[{…},…]}`.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
struct Index {
    version: u64,
    entries: Vec<Summary>,
}

/// The quick-check answers, stored as `{"version":1,"answers":{"q01":"yes",…}}`
/// (written by `QuickAnswers::record`, read here and by the quick entry).
#[derive(Deserialize)]
struct QuickRecord {
    /// Answer by question id; an entry this version does not know is skipped.
    answers: BTreeMap<String, Value>,
}

impl Index {
    /// The index, unless it is unreadable or of another version (then `list` rebuilds it).
    fn parse(text: &str) -> Option<Index> {
        from_text::<Index>(text).filter(|index| index.version == INDEX_VERSION)
    }

    fn to_json(&self) -> String {
        // Directly, not through a `Value`: it is written on every save, and with 200
        // summaries the tree would cost more than the text.
        serde_json::to_string(&Index {
            version: INDEX_VERSION,
            entries: self.entries.clone(),
        })
        .unwrap_or_default()
    }

    fn get(&self, id: &str) -> Option<&Summary> {
        self.entries.iter().find(|s| s.id == id)
    }

    fn upsert(&mut self, summary: Summary) {
        self.entries.retain(|s| s.id != summary.id);
        self.entries.push(summary);
    }

    fn remove(&mut self, id: &str) -> bool {
        let before = self.entries.len();
        self.entries.retain(|s| s.id != id);
        before != self.entries.len()
    }
}

/// Local storage under one namespace: the app's [`Repository`].
#[derive(Clone, Debug)]
pub struct LocalStore {
    prefix: String,
    /// Where the records are: IndexedDB (with a copy in memory) once opened, else
    /// localStorage (`services::records`).
    records: Rc<Records>,
    /// The index as last read or written, so a save does not re-read and re-parse it
    /// (with 200 assessments that was most of a save's time). `list` always re-reads.
    index: Rc<RefCell<Option<Index>>>,
    /// A fingerprint of each entry's text as this tab last read or wrote it, to notice
    /// that another tab saved it since (`changed_elsewhere`). Fingerprints, not texts:
    /// with 200 assessments loaded the texts took megabytes.
    seen: Rc<RefCell<Vec<(String, u64)>>>,
}

impl PartialEq for LocalStore {
    fn eq(&self, other: &LocalStore) -> bool {
        self.prefix == other.prefix
    }
}

impl LocalStore {
    /// A store for `namespace` (letters, digits, `-` and `_`; anything else is dropped).
    pub fn new(namespace: &str) -> LocalStore {
        let prefix = crate::config::storage_prefix(namespace);
        LocalStore {
            records: records(&prefix),
            prefix,
            index: Rc::default(),
            seen: Rc::default(),
        }
    }

    fn key(&self, what: &str) -> String {
        format!("{}{what}", self.prefix)
    }

    fn assessment_key(&self, id: &str) -> String {
        self.key(&format!("a.{id}"))
    }

    /// Whether storage can be used at all.
    pub fn available(&self) -> bool {
        self.records.available()
    }

    fn check(&self) -> Result<(), StorageError> {
        if self.available() {
            Ok(())
        } else {
            Err(StorageError::Unavailable)
        }
    }

    fn write(&self, key: &str, value: &str) -> Result<(), StorageError> {
        self.records.set(key, value)
    }

    fn read(&self, key: &str) -> Result<Option<String>, StorageError> {
        self.records.get(key)
    }

    fn read_index(&self) -> Index {
        self.read(&self.key("index"))
            .ok()
            .flatten()
            .and_then(|t| Index::parse(&t))
            .unwrap_or_default()
    }

    /// Changes the index (cached, or read once) and writes it back if `change` says so.
    fn update_index(&self, change: impl FnOnce(&mut Index) -> bool) -> Result<(), StorageError> {
        let mut cached = self.index.borrow_mut();
        let index = cached.get_or_insert_with(|| self.read_index());
        if change(index) {
            self.write_index(index)
        } else {
            Ok(())
        }
    }

    fn write_index(&self, index: &Index) -> Result<(), StorageError> {
        self.write(&self.key("index"), &index.to_json())
    }

    /// Ids of every stored assessment, from the storage keys themselves.
    fn stored_ids(&self) -> Vec<String> {
        let prefix = self.assessment_key("");
        self.records
            .keys(&prefix)
            .into_iter()
            .filter_map(|k| k.strip_prefix(&prefix).map(str::to_owned))
            .collect()
    }

    fn remember(&self, id: &str, text: &str) {
        let mut seen = self.seen.borrow_mut();
        seen.retain(|(k, _)| k != id);
        seen.push((id.to_owned(), fingerprint(text)));
    }
}

impl Repository for LocalStore {
    /// Every saved assessment, newest first, with unreadable ones listed as broken.
    fn list(&self, catalog: &Catalog) -> Result<Vec<Entry>, StorageError> {
        self.check()?;
        let mut index = self.read_index();
        let ids = self.stored_ids();
        let mut dirty = index.entries.len() != ids.len();
        index.entries.retain(|s| ids.contains(&s.id));
        let mut entries = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(summary) = index.get(&id) {
                entries.push(Entry::Saved(summary.clone()));
                continue;
            }
            match self.load(catalog, &id) {
                Ok(a) => {
                    let summary = Summary::of(catalog, &a);
                    index.upsert(summary.clone());
                    entries.push(Entry::Saved(summary));
                    dirty = true;
                }
                Err(error) => entries.push(Entry::Broken { id, error }),
            }
        }
        if dirty {
            // Best effort: the index is a cache; the entries are the truth.
            let _ = self.write_index(&index);
        }
        *self.index.borrow_mut() = Some(index);
        newest_first(&mut entries);
        Ok(entries)
    }

    /// Reads and validates one assessment.
    fn load(&self, catalog: &Catalog, id: &str) -> Result<Assessment, LoadError> {
        let text = self
            .read(&self.assessment_key(id))
            .map_err(LoadError::Storage)?
            .ok_or(LoadError::Missing)?;
        // Saved by this app, registers as they were checked when imported.
        let a = import_keeping(catalog, text.as_bytes())
            .map(|i| i.assessment)
            .map_err(LoadError::Corrupt)?;
        self.remember(id, &text);
        Ok(a)
    }

    /// Whether another tab saved (or deleted) entry `id` since this tab last read or
    /// wrote it. An entry this tab never read counts as unchanged.
    fn changed_elsewhere(&self, id: &str) -> bool {
        let seen = self.seen.borrow();
        let Some(&(_, known)) = seen.iter().find(|(k, _)| k == id) else {
            return false;
        };
        self.load_raw(id).map(|text| fingerprint(&text)) != Some(known)
    }

    /// The stored text of an entry, even a broken one (so it can still be downloaded).
    fn load_raw(&self, id: &str) -> Option<String> {
        self.read(&self.assessment_key(id)).ok().flatten()
    }

    /// Saves one assessment and its summary. Returns the summary written.
    fn save(&self, catalog: &Catalog, a: &Assessment) -> Result<Summary, StorageError> {
        let text = export_compact(catalog, a);
        self.write(&self.assessment_key(&a.id), &text)?;
        self.remember(&a.id, &text);
        let summary = Summary::of(catalog, a);
        // If only the index write fails, the entry is safe and `list` rebuilds its summary.
        let _ = self.update_index(|index| {
            index.upsert(summary.clone());
            true
        });
        Ok(summary)
    }

    /// Deletes one assessment.
    fn delete(&self, id: &str) -> Result<(), StorageError> {
        self.check()?;
        self.records.remove(&[self.assessment_key(id)]);
        let _ = self.update_index(|index| index.remove(id));
        Ok(())
    }

    /// Removes everything this widget keeps under its namespace (every key of every
    /// layout version: assessments, the index, the quick-check answers) and forgets the
    /// cached index. Other namespaces and other sites' data are not touched. Returns how
    /// many keys went.
    fn delete_all(&self) -> Result<usize, StorageError> {
        self.check()?;
        // `aims.<ns>.`: the dot after the namespace keeps `acme` from matching `acme2`.
        let namespace = self.prefix.strip_suffix("v1.").unwrap_or(&self.prefix);
        let keys = self.records.keys(namespace);
        self.records.remove(&keys);
        self.records.drop_files();
        *self.index.borrow_mut() = None;
        Ok(keys.len())
    }

    /// Whether an assessment with this id is stored.
    fn contains(&self, id: &str) -> bool {
        matches!(self.read(&self.assessment_key(id)), Ok(Some(_)))
    }

    /// The saved quick-check answers (empty when none or unreadable).
    fn load_quick(&self) -> QuickAnswers {
        let stored = self
            .read(&self.key("quick"))
            .ok()
            .flatten()
            .and_then(|t| from_text::<QuickRecord>(&t))
            .map(|r| r.answers)
            .unwrap_or_default();
        QuickAnswers::from_pairs(
            stored
                .iter()
                .filter_map(|(id, value)| Some((id.as_str(), value.as_str()?))),
        )
    }

    /// Changes saved since the last export (`aims.<ns>.v1.backup`, a plain count), for the
    /// reminder that an exported file is the real backup. 0 when unknown.
    fn changes_since_export(&self) -> u32 {
        self.read(&self.key("backup"))
            .ok()
            .flatten()
            .and_then(|t| t.trim().parse().ok())
            .unwrap_or(0)
    }

    /// The language the person chose in this widget (a code such as `de`), if any.
    fn language(&self) -> Option<String> {
        self.read(&self.key("lang")).ok().flatten()
    }

    /// Remembers the person's language choice.
    fn set_language(&self, code: &str) -> Result<(), StorageError> {
        self.write(&self.key("lang"), code)
    }

    /// Records the count of changes since the last export.
    fn set_changes_since_export(&self, count: u32) -> Result<(), StorageError> {
        self.write(&self.key("backup"), &count.to_string())
    }

    /// Saves the quick-check answers.
    fn save_quick(&self, answers: &QuickAnswers) -> Result<(), StorageError> {
        self.write(&self.key("quick"), &answers.record())
    }
}
