//! Where the full app keeps its records: the assessments (`a.<id>`), their index and the
//! backup counter live in the browser's IndexedDB, one database per namespace (named by
//! the storage prefix, so embeds keep their own), with a copy in memory this tab reads
//! from synchronously. The quick check's answers and the chosen language stay in
//! localStorage: the quick entry reads them itself, synchronously and with no database
//! code (it has to stay small).
//!
//! - **Opening** ([`open`]) reads the whole database into memory before the app starts,
//!   and moves what an earlier build kept in localStorage into it (one transaction; the
//!   localStorage copies go only once it has committed). If the move or the database
//!   fails, this tab keeps using localStorage as before: nothing is ever left behind.
//! - **Writing** changes the copy in memory at once and the database in a transaction of
//!   its own, in order. If the browser refuses (its quota is used up), what the database
//!   held stays as it was, and the app is told ([`listen`]) so it can say so.
//! - **Other tabs** hear of each committed write on a `BroadcastChannel` and read the
//!   record again before they refresh: what the `storage` event gave them before.
//!
//! The database calls are a few lines of JavaScript below (each a promise that always
//! fulfils): written with web-sys's IndexedDB bindings and their event closures they were
//! 7.7 KB of the download, gzip; as a snippet (inlined into the glue by
//! `scripts/post-build/minify-glue.mjs`) they are a fraction of that.

use crate::state::StorageError;
use crate::ui::services::promise::settle;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
export function recordsOpen(name) {
  return new Promise((done) => {
    let r;
    try { r = indexedDB.open(name, 1); } catch (e) { return done(null); }
    r.onupgradeneeded = () => r.result.createObjectStore('records');
    r.onerror = () => done(null);
    r.onsuccess = () => {
      const db = r.result;
      try {
        const tx = db.transaction('records'), store = tx.objectStore('records');
        const keys = store.getAllKeys(), values = store.getAll();
        tx.oncomplete = () => done([db, keys.result, values.result]);
        tx.onabort = () => done(null);
      } catch (e) { done(null); }
    };
  });
}
export function recordsWrite(db, channel, puts, deletes) {
  return new Promise((done) => {
    try {
      const tx = db.transaction('records', 'readwrite'), store = tx.objectStore('records');
      for (let i = 0; i < puts.length; i += 2) store.put(puts[i + 1], puts[i]);
      for (const k of deletes) store.delete(k);
      tx.oncomplete = () => {
        if (channel) for (let i = 0; i < puts.length; i += 2) channel.postMessage(puts[i]);
        if (channel) for (const k of deletes) channel.postMessage(k);
        done('');
      };
      tx.onabort = () => done(tx.error ? `${tx.error.name}: ${tx.error.message}` : 'aborted');
    } catch (e) { done(String(e)); }
  });
}
export function recordsRead(db, key) {
  return new Promise((done) => {
    try {
      const r = db.transaction('records').objectStore('records').get(key);
      r.onsuccess = () => done(r.result);
      r.onerror = () => done(undefined);
    } catch (e) { done(undefined); }
  });
}
export function recordsListen(name, heard) {
  try { const c = new BroadcastChannel(name); c.onmessage = (e) => heard(String(e.data)); return c; } catch (e) { return null; }
}
"#)]
extern "C" {
    /// `[db, keys, values]`, or `null` when there is no database to be had.
    #[wasm_bindgen(js_name = recordsOpen)]
    fn records_open(name: &str) -> js_sys::Promise;
    /// `''` once committed (and told to the other tabs), else the browser's reason.
    #[wasm_bindgen(js_name = recordsWrite)]
    fn records_write(
        db: &JsValue,
        channel: &JsValue,
        puts: Vec<String>,
        deletes: Vec<String>,
    ) -> js_sys::Promise;
    /// A record's text, or `undefined`.
    #[wasm_bindgen(js_name = recordsRead)]
    fn records_read(db: &JsValue, key: &str) -> js_sys::Promise;
    /// The namespace's channel, calling `heard` with each key another tab committed.
    #[wasm_bindgen(js_name = recordsListen)]
    fn records_listen(name: &str, heard: &JsValue) -> JsValue;
}

/// Whether a record (its key without the namespace prefix) lives in the database.
fn in_database(rest: &str) -> bool {
    rest.starts_with("a.") || rest == "index" || rest == "backup"
}

/// One namespace's records.
#[derive(Debug)]
pub struct Records {
    prefix: String,
    /// The database, or `None`: this tab uses localStorage (no IndexedDB, or it failed).
    db: Option<JsValue>,
    /// The namespace's broadcast channel (`null` where there is none).
    channel: JsValue,
    /// The database's records, as this tab knows them (a few hundred at most: a list is
    /// enough, and the bundle has no map of strings to strings otherwise).
    copy: RefCell<Vec<(String, String)>>,
    /// Assessments moved from localStorage when this tab opened the database.
    moved: Cell<usize>,
}

/// What the app is told: a write was refused (with the browser's words); another tab
/// changed a record (this tab's copy has it already).
type Hooks = (Rc<dyn Fn(StorageError)>, Rc<dyn Fn()>);

thread_local! {
    static OPENED: RefCell<Vec<Rc<Records>>> = const { RefCell::new(Vec::new()) };
    static HOOKS: RefCell<Option<Hooks>> = const { RefCell::new(None) };
}

/// The records of the namespace with storage prefix `prefix`: the opened database, or
/// localStorage where [`open`] has not run (tests) or could not open one.
pub fn records(prefix: &str) -> Rc<Records> {
    OPENED
        .with(|o| o.borrow().iter().find(|r| r.prefix == prefix).cloned())
        .unwrap_or_else(|| Rc::new(Records::local(prefix)))
}

fn register(r: Records) -> Rc<Records> {
    let r = Rc::new(r);
    OPENED.with(|o| o.borrow_mut().push(Rc::clone(&r)));
    r
}

/// Tells the app when a write was refused and when another tab changed something.
pub fn listen(refused: impl Fn(StorageError) + 'static, changed: impl Fn() + 'static) {
    HOOKS.with(|h| *h.borrow_mut() = Some((Rc::new(refused), Rc::new(changed))));
}

fn hooks() -> Option<Hooks> {
    HOOKS.with(|h| h.borrow().clone())
}

/// Opens the database of `prefix` (once per tab), reads it into memory and moves
/// localStorage's records into it, then calls `done`. On any failure this tab uses
/// localStorage instead, and `done` is called all the same.
pub fn open(prefix: &str, done: impl FnOnce() + 'static) {
    if OPENED.with(|o| o.borrow().iter().any(|r| r.prefix == prefix)) {
        return done();
    }
    let prefix = prefix.to_owned();
    settle(&records_open(&prefix), move |outcome| {
        let read = js_sys::Array::from(&outcome);
        let (db, keys, values) = (
            read.get(0),
            js_sys::Array::from(&read.get(1)),
            js_sys::Array::from(&read.get(2)),
        );
        if outcome.is_null() || !db.is_object() {
            register(Records::local(&prefix));
            return done();
        }
        let copy = keys
            .iter()
            .zip(values.iter())
            .filter_map(|(k, v)| Some((k.as_string()?, v.as_string()?)))
            .collect();
        move_from_local_storage(db, prefix, copy, Box::new(done));
    });
}

/// Moves this namespace's database records from localStorage (an earlier build's, or a
/// tab of one still open) into the database: those the database lacks (the database's
/// own, newer, are kept; an index it lacks is rebuilt by the list). Only after the
/// transaction has committed are the localStorage copies removed; if it fails, this tab
/// keeps using localStorage, where everything still is.
fn move_from_local_storage(
    db: JsValue,
    prefix: String,
    mut copy: Vec<(String, String)>,
    done: Box<dyn FnOnce()>,
) {
    let found: Vec<(String, String)> = Records::local_storage()
        .map(|local| {
            (0..local.length().unwrap_or(0))
                .filter_map(|i| local.key(i).ok().flatten())
                .filter(|k| k.strip_prefix(&prefix).is_some_and(in_database))
                .filter_map(|k| local.get_item(&k).ok().flatten().map(|v| (k, v)))
                .collect()
        })
        .unwrap_or_default();
    let writes: Vec<(String, String)> = found
        .iter()
        .filter(|(k, _)| find(&copy, k).is_none())
        .cloned()
        .collect();
    let moved = writes
        .iter()
        .filter(|(k, _)| k[prefix.len()..].starts_with("a."))
        .count();
    let puts = writes
        .iter()
        .flat_map(|(k, v)| [k.clone(), v.clone()])
        .collect();
    settle(
        &records_write(&db, &JsValue::NULL, puts, Vec::new()),
        move |outcome| {
            if outcome.as_string().is_none_or(|reason| !reason.is_empty()) {
                // The database refused (full, or closed): localStorage still has everything.
                register(Records::local(&prefix));
                return done();
            }
            if let Ok(local) = Records::local_storage() {
                for (key, _) in &found {
                    let _ = local.remove_item(key);
                }
            }
            copy.extend(writes);
            // The channel's listener reads records again into this very `Records`.
            let records = Rc::new_cyclic(|weak: &std::rc::Weak<Records>| {
                let weak = weak.clone();
                let heard = Closure::<dyn Fn(String)>::new(move |key: String| {
                    if let Some(records) = weak.upgrade() {
                        records.reread(key);
                    }
                });
                let channel = records_listen(&prefix, heard.as_ref());
                // The records live as long as the page, and so does their listener.
                heard.forget();
                Records {
                    prefix,
                    db: Some(db),
                    channel,
                    copy: RefCell::new(copy),
                    moved: Cell::new(moved),
                }
            });
            OPENED.with(|o| o.borrow_mut().push(records));
            done();
        },
    );
}

/// A record's text in a copy.
fn find<'a>(copy: &'a [(String, String)], key: &str) -> Option<&'a String> {
    copy.iter().find(|(k, _)| k == key).map(|(_, v)| v)
}

/// Sets a record in a copy.
fn put(copy: &mut Vec<(String, String)>, key: String, value: String) {
    match copy.iter_mut().find(|(k, _)| *k == key) {
        Some(slot) => slot.1 = value,
        None => copy.push((key, value)),
    }
}

impl Records {
    fn local(prefix: &str) -> Records {
        Records {
            prefix: prefix.to_owned(),
            db: None,
            channel: JsValue::NULL,
            copy: RefCell::default(),
            moved: Cell::new(0),
        }
    }

    /// localStorage, through gloo (which panics where there is none, so that is checked
    /// first: some private modes and blocked third-party frames have none).
    fn local_storage() -> Result<web_sys::Storage, StorageError> {
        use gloo_storage::Storage;
        match web_sys::window().map(|w| w.local_storage()) {
            Some(Ok(Some(_))) => Ok(gloo_storage::LocalStorage::raw()),
            _ => Err(StorageError::Unavailable),
        }
    }

    fn database(&self, key: &str) -> Option<&JsValue> {
        self.db
            .as_ref()
            .filter(|_| key.strip_prefix(&self.prefix).is_some_and(in_database))
    }

    /// Whether any storage can be used at all.
    pub fn available(&self) -> bool {
        self.db.is_some() || Records::local_storage().is_ok()
    }

    /// How many assessments opening moved out of localStorage, once (then 0).
    pub fn take_moved(&self) -> usize {
        self.moved.replace(0)
    }

    /// A record's text.
    pub fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        if self.database(key).is_some() {
            return Ok(find(&self.copy.borrow(), key).cloned());
        }
        Ok(Records::local_storage()?.get_item(key).ok().flatten())
    }

    /// Writes a record: at once in this tab, and to the database in order (a refusal
    /// arrives later, through [`listen`]).
    pub fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        let Some(db) = self.database(key) else {
            return Records::local_storage()?
                .set_item(key, value)
                .map_err(|e| StorageError::WriteRefused(e.as_string()));
        };
        put(
            &mut self.copy.borrow_mut(),
            key.to_owned(),
            value.to_owned(),
        );
        self.commit(db, vec![key.to_owned(), value.to_owned()], Vec::new());
        Ok(())
    }

    /// Removes a record.
    pub fn remove(&self, key: &str) {
        match self.database(key) {
            Some(db) => {
                self.copy.borrow_mut().retain(|(k, _)| k != key);
                self.commit(db, Vec::new(), vec![key.to_owned()]);
            }
            None => {
                if let Ok(local) = Records::local_storage() {
                    let _ = local.remove_item(key);
                }
            }
        }
    }

    /// Writes in a transaction of its own; the other tabs hear of it once it has
    /// committed, and the app if it was refused.
    fn commit(&self, db: &JsValue, puts: Vec<String>, deletes: Vec<String>) {
        settle(
            &records_write(db, &self.channel, puts, deletes),
            |outcome| {
                let reason = outcome.as_string().unwrap_or_default();
                if !reason.is_empty() {
                    if let Some((refused, _)) = hooks() {
                        refused(StorageError::WriteRefused(Some(reason)));
                    }
                }
            },
        );
    }

    /// The keys of every record starting with `start` (database and localStorage).
    pub fn keys(&self, start: &str) -> Vec<String> {
        let mut keys: Vec<String> = self
            .copy
            .borrow()
            .iter()
            .filter(|(k, _)| k.starts_with(start))
            .map(|(k, _)| k.clone())
            .collect();
        if let Ok(local) = Records::local_storage() {
            keys.extend(
                (0..local.length().unwrap_or(0))
                    .filter_map(|i| local.key(i).ok().flatten())
                    .filter(|k| k.starts_with(start) && self.database(k).is_none()),
            );
        }
        keys
    }

    /// Another tab committed a change to `key`: read it again, then tell the app.
    fn reread(self: Rc<Self>, key: String) {
        let Some(db) = &self.db else { return };
        let records = Rc::clone(&self);
        settle(&records_read(db, &key), move |value| {
            match value.as_string() {
                Some(text) => put(&mut records.copy.borrow_mut(), key, text),
                None => records.copy.borrow_mut().retain(|(k, _)| *k != key),
            }
            if let Some((_, changed)) = hooks() {
                changed();
            }
        });
    }
}
