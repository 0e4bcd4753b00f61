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
//! - **Writing** changes the copy at once and the database in a transaction of its own,
//!   in order. If the browser refuses (its quota is used up), what the database held
//!   stays as it was, and the app is told ([`listen`]) so it can say so.
//! - **Other tabs** hear of each committed write on a `BroadcastChannel` and read the
//!   record again before they refresh: what the `storage` event gave them before.
//!
//! The database calls and the copy are a few lines of JavaScript below. The copy is kept
//! there, as JavaScript strings, not in the wasm module's memory (with 200 assessments
//! that was 4.5 MB more of it); a read copies one record in. Written with web-sys's
//! IndexedDB bindings and their event closures the calls were 7.7 KB of the download,
//! gzip; as a snippet (inlined into the glue by `scripts/post-build/minify-glue.mjs`)
//! they are a fraction of that.

use crate::state::StorageError;
use crate::ui::services::on_demand::{with_module, Seal};
use crate::ui::services::promise::settle;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(inline_js = r#"
function recordsReadAll(s) {
  return new Promise((done, fail) => {
    const tx = s.db.transaction('records'), store = tx.objectStore('records');
    const keys = store.getAllKeys(), values = store.getAll();
    tx.oncomplete = () => {
      s.map = new Map(keys.result.map((k, i) => [k, values.result[i]]));
      s.lock = s.map.get('lock');
      s.map.delete('lock');
      done(s);
    };
    tx.onabort = () => fail(tx.error);
  });
}
function recordsReload(s) {
  // (An empty write ends after every write before it has committed.)
  return recordsWrite(s, [], []).then(() => location.reload());
}
export function recordsOpen(name) {
  return new Promise((done) => {
    let r;
    try { r = indexedDB.open(name, 1); } catch (e) { return done(null); }
    r.onupgradeneeded = () => r.result.createObjectStore('records');
    r.onerror = () => done(null);
    r.onsuccess = () => {
      const s = { name, db: r.result, map: null, lock: undefined, queue: Promise.resolve(), channel: null, seal: null, open: null };
      // For the seal module too: every record read again (its lock screen); every tab
      // locked (each reloads once its writes are in).
      s.readAll = () => recordsReadAll(s);
      // For the reports module's evidence files (crates/reports/src/files.js): the
      // ordered write, and the namespace's second database, which holds the files (a
      // database of their own: this one's version stays, so a tab of an earlier build
      // never blocks an upgrade).
      s.write = (puts, deletes) => recordsWrite(s, puts, deletes);
      s.files = () => (s.filesDb ??= new Promise((ok, fail) => {
        const f = indexedDB.open(name + 'files', 1);
        f.onupgradeneeded = () => f.result.createObjectStore('files');
        f.onsuccess = () => ok(f.result);
        f.onerror = () => fail(f.error);
      }));
      s.lockNow = () => { s.channel?.postMessage({ lock: 1 }); recordsReload(s); };
      try {
        recordsReadAll(s).then(() => {
          // The app's Lock button (components::nav) names the records it locks.
          addEventListener('click', (e) => { if (e.target.closest?.('[data-aims-lock-now]')?.dataset.aimsLockNow === name) s.lockNow(); });
          done(s);
        }, () => done(null));
      } catch (e) { done(null); }
    };
  });
}
export function recordsGet(s, key) { return s.map.get(key); }
export function recordsKeys(s, start) { return [...s.map.keys()].filter((k) => k.startsWith(start)); }
export function recordsWrite(s, puts, deletes) {
  const names = [], texts = [];
  for (let i = 0; i < puts.length; i += 2) { names.push(puts[i]); texts.push(puts[i + 1]); s.map.set(puts[i], puts[i + 1]); }
  for (const k of deletes) s.map.delete(k);
  // With the lock, the records are encrypted at once, all together (in the browser's
  // crypto thread); the transaction is created after the ones before it (the database
  // commits them in that order), not after they commit.
  const encrypt = (seal) => Promise.all(names.map((k, i) => (seal ? seal(k, texts[i]) : texts[i])));
  const early = s.seal, sealed = encrypt(early);
  const step = s.queue.then(async () => {
    // A lock set, changed or removed in this tab meanwhile: the key of now.
    const values = await (s.seal === early ? sealed : encrypt(s.seal)), stamp = s.lock?.id;
    return [new Promise((done) => {
      try {
        const tx = s.db.transaction('records', 'readwrite'), store = tx.objectStore('records');
        // Another tab set, changed or removed the lock since: this write's key is stale.
        // (Requests run in order: aborting when the first answers undoes the others,
        // which are asked for at once so that a page closing now still gets them.)
        const lock = store.get('lock');
        lock.onsuccess = () => { if (lock.result?.id !== stamp) tx.abort(); };
        values.forEach((v, i) => store.put(v, names[i]));
        for (const k of deletes) store.delete(k);
        tx.oncomplete = () => {
          for (const k of [...names, ...deletes]) s.channel?.postMessage(k);
          done('');
        };
        tx.onabort = () => done(tx.error ? `${tx.error.name}: ${tx.error.message}` : 'aborted');
      } catch (e) { done(String(e)); }
    })];
  });
  s.queue = step.catch(() => {});
  return step.then(([outcome]) => outcome, String);
}
export function recordsListen(s, heard) {
  try {
    s.channel = new BroadcastChannel(s.name);
    s.channel.onmessage = async ({ data }) => {
      // Another tab was used (the lock's idle time), or locked, or changed the lock:
      // this one reloads, once its own writes are in.
      if (data.active) return s.active?.(data.active);
      if (typeof data !== 'string') return recordsReload(s);
      try {
        const r = s.db.transaction('records').objectStore('records').get(data);
        await new Promise((ok) => { r.onsuccess = ok; });
        const v = r.result;
        if (v === undefined) s.map.delete(data); else s.map.set(data, typeof v === 'string' ? v : await s.open(data, v));
        heard();
      } catch (e) { /* the database closed, or a key this tab lacks: the next start reads it all */ }
    };
  } catch (e) { /* no channel: other tabs' changes show after a reload */ }
}
export function recordsDropFiles(s) {
  return s.files().then((db) => {
    const tx = db.transaction('files', 'readwrite');
    tx.objectStore('files').clear();
  }, () => {});
}
export function recordsLocked(s) { return s.lock ? (s.seal ? 2 : 1) : 0; }
"#)]
extern "C" {
    /// The opened database with its copy, or `null` where there is none to be had.
    #[wasm_bindgen(js_name = recordsOpen)]
    fn records_open(name: &str) -> js_sys::Promise;
    /// A record's text from the copy.
    #[wasm_bindgen(js_name = recordsGet)]
    fn records_get(store: &JsValue, key: &str) -> Option<String>;
    /// The copy's keys starting with `start`.
    #[wasm_bindgen(js_name = recordsKeys)]
    fn records_keys(store: &JsValue, start: &str) -> Vec<String>;
    /// Changes the copy, then the database: `''` once committed (and told to the
    /// other tabs), else the browser's reason.
    #[wasm_bindgen(js_name = recordsWrite)]
    fn records_write(store: &JsValue, puts: Vec<String>, deletes: Vec<String>) -> js_sys::Promise;
    /// Listens on the namespace's channel: each key another tab committed is read
    /// again into the copy, then `heard` is called.
    #[wasm_bindgen(js_name = recordsListen)]
    fn records_listen(store: &JsValue, heard: &JsValue);
    /// Empties the namespace's database of evidence files.
    #[wasm_bindgen(js_name = recordsDropFiles)]
    fn records_drop_files(store: &JsValue) -> js_sys::Promise;
    /// 0 without a lock, 1 locked (its passphrase not yet given), 2 unlocked.
    #[wasm_bindgen(js_name = recordsLocked)]
    fn records_locked(store: &JsValue) -> u8;
}

/// Whether a record (its key without the namespace prefix) lives in the database: the
/// assessments, their index, the backup counter, and each evidence file's key (`f.`).
fn in_database(rest: &str) -> bool {
    rest.starts_with("a.") || rest.starts_with("f.") || rest == "index" || rest == "backup"
}

/// One namespace's records.
#[derive(Debug)]
pub struct Records {
    prefix: String,
    /// The database with its copy, or `None`: this tab uses localStorage (no
    /// IndexedDB, or it failed).
    store: Option<JsValue>,
    /// Assessments moved from localStorage when this tab opened the database.
    moved: Cell<usize>,
}

/// What the app is told: a write was refused (with the browser's words); another tab
/// changed a record (this tab's copy has it already).
type Hooks = (Rc<dyn Fn(StorageError)>, Rc<dyn Fn()>);

thread_local! {
    static OPENED: RefCell<Vec<Rc<Records>>> = const { RefCell::new(Vec::new()) };
    /// Per namespace: two widgets mounted on one page each hear of their own records.
    static HOOKS: RefCell<Vec<(String, Hooks)>> = const { RefCell::new(Vec::new()) };
}

/// The records of the namespace with storage prefix `prefix`: the opened database, or
/// localStorage where [`open`] has not run (tests) or could not open one.
pub fn records(prefix: &str) -> Rc<Records> {
    OPENED
        .with(|o| o.borrow().iter().find(|r| r.prefix == prefix).cloned())
        .unwrap_or_else(|| Rc::new(Records::new(prefix, None)))
}

fn register(r: Records) {
    OPENED.with(|o| o.borrow_mut().push(Rc::new(r)));
}

/// Tells the app showing the namespace of `prefix` when a write was refused and when
/// another tab changed something (the app mounted last for it, if there were several).
pub fn listen(
    prefix: &str,
    refused: impl Fn(StorageError) + 'static,
    changed: impl Fn() + 'static,
) {
    HOOKS.with(|h| {
        let mut hooks = h.borrow_mut();
        hooks.retain(|(p, _)| p != prefix);
        hooks.push((prefix.to_owned(), (Rc::new(refused), Rc::new(changed))));
    });
}

fn hooks(prefix: &str) -> Option<Hooks> {
    HOOKS.with(|h| {
        h.borrow()
            .iter()
            .find(|(p, _)| p == prefix)
            .map(|(_, hooks)| hooks.clone())
    })
}

/// Every key localStorage holds.
fn local_keys(local: &web_sys::Storage) -> impl Iterator<Item = String> + '_ {
    (0..local.length().unwrap_or(0)).filter_map(|i| local.key(i).ok().flatten())
}

/// Opens the database of `prefix` (once per tab), reads it into memory and moves
/// localStorage's records into it, then calls `done`. On any failure this tab uses
/// localStorage instead, and `done` is called all the same. A locked database (a
/// passphrase set, docs/security.md) first shows its lock screen in `root`, in the
/// language `lang`, and goes on once the passphrase has opened it.
pub fn open(
    prefix: &str,
    root: &web_sys::Element,
    lang: &'static str,
    done: impl FnOnce() + 'static,
) {
    if OPENED.with(|o| o.borrow().iter().any(|r| r.prefix == prefix)) {
        return done();
    }
    let (prefix, root) = (prefix.to_owned(), root.clone());
    settle(&records_open(&prefix), move |store| {
        if !store.is_object() {
            register(Records::new(&prefix, None));
            return done();
        }
        let done: Box<dyn FnOnce()> = Box::new(done);
        if records_locked(&store) == 0 {
            return move_from_local_storage(store, prefix, done);
        }
        // The lock screen is the seal module's (crates/seal): the key derivation and
        // the decryption live there, not in the first download.
        with_module(
            "aims-seal",
            Box::new(move |module| match module {
                Ok(module) => {
                    let unlocked = module.unchecked_into::<Seal>().unlock(&root, lang, &store);
                    settle(&unlocked, move |_| {
                        move_from_local_storage(store, prefix, done)
                    });
                }
                Err(why) => root.set_text_content(Some(&why)),
            }),
        );
    });
}

/// Moves this namespace's database records from localStorage (an earlier build's, or a
/// tab of one still open) into the database: those the database does not hold (the
/// database's own are newer; an index it lacks is rebuilt by the list). Only after the
/// transaction has committed are the localStorage copies removed; if it fails, this tab
/// keeps using localStorage, where everything still is.
fn move_from_local_storage(store: JsValue, prefix: String, done: Box<dyn FnOnce()>) {
    let found: Vec<(String, String)> = Records::local_storage()
        .map(|local| {
            local_keys(&local)
                .filter(|k| k.strip_prefix(&prefix).is_some_and(in_database))
                .filter_map(|k| local.get_item(&k).ok().flatten().map(|v| (k, v)))
                .collect()
        })
        .unwrap_or_default();
    let mut puts = Vec::new();
    let mut moved = 0;
    for (key, value) in &found {
        if records_get(&store, key).is_none() {
            moved += usize::from(key[prefix.len()..].starts_with("a."));
            puts.extend([key.clone(), value.clone()]);
        }
    }
    settle(&records_write(&store, puts, Vec::new()), move |outcome| {
        if outcome.as_string().is_none_or(|reason| !reason.is_empty()) {
            // The database refused (full, or closed): localStorage still has everything.
            register(Records::new(&prefix, None));
            return done();
        }
        if let Ok(local) = Records::local_storage() {
            for (key, _) in &found {
                let _ = local.remove_item(key);
            }
        }
        let namespace = prefix.clone();
        let heard = Closure::<dyn Fn()>::new(move || {
            if let Some((_, changed)) = hooks(&namespace) {
                changed();
            }
        });
        records_listen(&store, heard.as_ref());
        // The records live as long as the page, and so does their listener.
        heard.forget();
        let records = Records::new(&prefix, Some(store));
        records.moved.set(moved);
        register(records);
        done();
    });
}

impl Records {
    fn new(prefix: &str, store: Option<JsValue>) -> Records {
        Records {
            prefix: prefix.to_owned(),
            store,
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

    /// The database, for a key it keeps.
    fn database(&self, key: &str) -> Option<&JsValue> {
        self.store
            .as_ref()
            .filter(|_| key.strip_prefix(&self.prefix).is_some_and(in_database))
    }

    /// Whether any storage can be used at all.
    pub fn available(&self) -> bool {
        self.store.is_some() || Records::local_storage().is_ok()
    }

    /// Whether a passphrase locks the records (docs/security.md); `None` where they
    /// cannot be locked (kept in localStorage).
    pub fn locked(&self) -> Option<bool> {
        self.store.as_ref().map(|s| records_locked(s) > 0)
    }

    /// The records' database and copy, for the seal module's lock settings.
    pub fn store(&self) -> Option<&JsValue> {
        self.store.as_ref()
    }

    /// How many assessments opening moved out of localStorage, once (then 0).
    pub fn take_moved(&self) -> usize {
        self.moved.replace(0)
    }

    /// A record's text.
    pub fn get(&self, key: &str) -> Result<Option<String>, StorageError> {
        match self.database(key) {
            Some(store) => Ok(records_get(store, key)),
            None => Ok(Records::local_storage()?.get_item(key).ok().flatten()),
        }
    }

    /// Writes a record: at once in this tab, and to the database in order (a refusal
    /// arrives later, through [`listen`]).
    pub fn set(&self, key: &str, value: &str) -> Result<(), StorageError> {
        match self.database(key) {
            Some(store) => {
                self.commit(store, vec![key.to_owned(), value.to_owned()], Vec::new());
                Ok(())
            }
            None => Records::local_storage()?
                .set_item(key, value)
                .map_err(|e| StorageError::WriteRefused(e.as_string())),
        }
    }

    /// Removes records: the database's in one transaction (so "Delete all" is one
    /// change for the other tabs to hear of, not hundreds).
    pub fn remove(&self, keys: &[String]) {
        let (kept, local): (Vec<&String>, Vec<&String>) =
            keys.iter().partition(|k| self.database(k).is_some());
        if let (Some(store), false) = (&self.store, kept.is_empty()) {
            self.commit(store, Vec::new(), kept.into_iter().cloned().collect());
        }
        if let Ok(storage) = Records::local_storage() {
            for key in local {
                let _ = storage.remove_item(key);
            }
        }
    }

    /// Calls `done` once every write started so far has committed (or failed): the
    /// database runs a store's transactions in order, so an empty one after them ends
    /// last. At once without a database.
    pub fn settled(&self, done: impl FnOnce() + 'static) {
        match &self.store {
            Some(store) => settle(&records_write(store, Vec::new(), Vec::new()), move |_| {
                done()
            }),
            None => done(),
        }
    }

    /// Writes in a transaction of its own; the other tabs hear of it once it has
    /// committed, and the app if it was refused.
    fn commit(&self, store: &JsValue, puts: Vec<String>, deletes: Vec<String>) {
        let prefix = self.prefix.clone();
        settle(&records_write(store, puts, deletes), move |outcome| {
            let reason = outcome.as_string().unwrap_or_default();
            if !reason.is_empty() {
                if let Some((refused, _)) = hooks(&prefix) {
                    refused(StorageError::WriteRefused(Some(reason)));
                }
            }
        });
    }

    /// Empties the database of evidence files (their keys are records: removed with
    /// the rest).
    pub fn drop_files(&self) {
        if let Some(store) = &self.store {
            let _ = records_drop_files(store);
        }
    }

    /// The keys of every record starting with `start` (database and localStorage).
    pub fn keys(&self, start: &str) -> Vec<String> {
        let mut keys = self
            .store
            .as_ref()
            .map(|s| records_keys(s, start))
            .unwrap_or_default();
        if let Ok(local) = Records::local_storage() {
            keys.extend(
                local_keys(&local).filter(|k| k.starts_with(start) && self.database(k).is_none()),
            );
        }
        keys
    }
}
