// The lock on the browser's copy: the full app's records (src/ui/services/records.rs)
// kept encrypted in its IndexedDB database with a key derived from a passphrase.
//
// - The key: PBKDF2-SHA-256, 600,000 iterations, a random 16-byte salt, an AES-256-GCM
//   key the browser marks non-extractable. It lives only in this tab's memory, on the
//   records object `s` (as the functions that use it), until the page is left or locked.
// - Each record: `{ iv, ct }`, AES-GCM with a random 12-byte IV and the record's key as
//   additional data (a record cannot be moved under another key unnoticed).
// - The lock record (`lock`, kept in clear): salt, iterations, a check value encrypted
//   with the key (to tell a wrong passphrase at once), the idle minutes, and an id that
//   changes with every new key; a write made with an older key (another tab's, before
//   it heard) is refused by the app's write transaction, which compares that id.
// - Setting, changing and removing the lock re-encrypt every record and write the lock
//   record in one IndexedDB transaction: it commits whole or not at all, so an
//   interruption leaves the old records and the old passphrase as they were.

const ITERATIONS = 600000;
const CHECK = "aims-readiness lock v1";
const encoder = new TextEncoder();
const decoder = new TextDecoder();

async function derive(passphrase, salt, iterations) {
  const base = await crypto.subtle.importKey("raw", encoder.encode(passphrase), "PBKDF2", false, ["deriveKey"]);
  return crypto.subtle.deriveKey({ name: "PBKDF2", hash: "SHA-256", salt, iterations }, base,
    { name: "AES-GCM", length: 256 }, false, ["encrypt", "decrypt"]);
}

async function encrypt(key, name, text) {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = await crypto.subtle.encrypt({ name: "AES-GCM", iv, additionalData: encoder.encode(name) }, key, encoder.encode(text));
  return { iv, ct: new Uint8Array(ct) };
}

async function decrypt(key, name, sealed) {
  const plain = await crypto.subtle.decrypt({ name: "AES-GCM", iv: sealed.iv, additionalData: encoder.encode(name) }, key, sealed.ct);
  return decoder.decode(plain);
}

/** The key `passphrase` gives for `lock`, or null when it is not the one. */
async function keyFor(lock, passphrase) {
  const key = await derive(passphrase, lock.salt, lock.iterations);
  try {
    return (await decrypt(key, "lock", lock.check)) === CHECK ? key : null;
  } catch (e) {
    return null;
  }
}

/** Lets the app's writes and reads of other tabs' records go through `key` (or not). */
function use(s, key) {
  s.seal = key ? (name, text) => encrypt(key, name, text) : null;
  s.open = key ? (name, sealed) => decrypt(key, name, sealed) : null;
}

/** Locks every tab after the lock's idle minutes without a key press, click or scroll in any. */
function watch(s) {
  if (s.watching) return;
  s.watching = true;
  let last = Date.now(), told = 0;
  s.active = (t) => { last = Math.max(last, t); };
  const used = () => {
    const now = Date.now();
    last = now;
    // Other tabs hear of use at most every 10 s: enough for minutes of idle time.
    if (now - told > 10000) { told = now; s.channel?.postMessage({ active: now }); }
  };
  for (const kind of ["pointerdown", "keydown", "wheel", "touchstart"]) addEventListener(kind, used, { capture: true, passive: true });
  setInterval(() => {
    if (s.lock && s.seal && Date.now() - last > s.lock.idle * 60000) s.lockNow();
  }, 5000);
}

/** Resolves once `tx` has committed; rejects with the browser's reason if it aborts. */
function committed(tx) {
  return new Promise((ok, fail) => {
    tx.oncomplete = ok;
    tx.onabort = () => fail(tx.error || new Error("aborted"));
  });
}

/** Opens the copy with `passphrase`: true, or false when it is not the one. */
export async function lockUnlock(s, passphrase) {
  // Another tab may have written, or changed the lock, while this one showed its lock
  // screen: everything is read again.
  await s.readAll();
  // Removed in another tab meanwhile: nothing to open.
  if (!s.lock) return true;
  const key = await keyFor(s.lock, passphrase);
  if (!key) return false;
  const entries = [...s.map];
  const opened = await Promise.all(entries.map(([name, value]) =>
    typeof value === "string" ? value : decrypt(key, name, value).catch(() => undefined)));
  entries.forEach(([name], i) => {
    // A record this key cannot open stays in the database as it is, unread.
    if (opened[i] === undefined) s.map.delete(name); else s.map.set(name, opened[i]);
  });
  use(s, key);
  watch(s);
  return true;
}

/** Writes every record of the copy with `key` (clear without one) and `lock` (removed without one), in one transaction. */
async function rekey(s, key, lock) {
  const entries = [...s.map];
  const values = await Promise.all(entries.map(([name, text]) => key ? encrypt(key, name, text) : text));
  const tx = s.db.transaction("records", "readwrite"), store = tx.objectStore("records");
  entries.forEach(([name], i) => store.put(values[i], name));
  if (lock) store.put(lock, "lock"); else store.delete("lock");
  await committed(tx);
  s.lock = lock;
  use(s, key);
  // Every other tab reloads: to its lock screen, or (lock removed) to its records.
  s.channel?.postMessage({ relock: 1 });
}

/** A new key and lock record for `passphrase`. */
async function newLock(passphrase, idle) {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const id = [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, "0")).join("");
  const key = await derive(passphrase, salt, ITERATIONS);
  return [key, { id, salt, iterations: ITERATIONS, idle, check: await encrypt(key, "lock", CHECK) }];
}

/** Runs `work` after every write started so far: '' once done, 'wrong' for a wrong passphrase, else the browser's reason. */
function queued(s, work) {
  const outcome = s.queue.then(work).then(() => "", (e) => (e === "wrong" ? e : String(e?.message || e)));
  s.queue = outcome;
  return outcome;
}

/** Sets the lock with `passphrase`, locking after `idle` minutes. */
export function lockSet(s, passphrase, idle) {
  return queued(s, async () => {
    const [key, lock] = await newLock(passphrase, idle);
    await rekey(s, key, lock);
    watch(s);
  });
}

/** Replaces the passphrase `current` with `next`. */
export function lockChange(s, current, next, idle) {
  return queued(s, async () => {
    if (!(await keyFor(s.lock, current))) throw "wrong";
    const [key, lock] = await newLock(next, idle);
    await rekey(s, key, lock);
  });
}

/** Removes the lock (the passphrase `current` confirms it): every record is kept in clear again. */
export function lockRemove(s, current) {
  return queued(s, async () => {
    if (!(await keyFor(s.lock, current))) throw "wrong";
    await rekey(s, null, null);
  });
}

/** Keeps the idle minutes (the key stays). */
export function lockIdle(s, idle) {
  return queued(s, async () => {
    const lock = { ...s.lock, idle };
    const tx = s.db.transaction("records", "readwrite");
    tx.objectStore("records").put(lock, "lock");
    await committed(tx);
    s.lock = lock;
  });
}

/** Locks every tab now (the app's records do it: src/ui/services/records.rs). */
export function lockNow(s) {
  s.lockNow();
}

/** The idle minutes of the lock, or 0 when there is none. */
export function lockMinutes(s) {
  return s.lock ? s.lock.idle : 0;
}

/** For a lost passphrase: deletes every record of the namespace's database, then every tab starts again. */
export function lockForget(s) {
  return queued(s, async () => {
    const tx = s.db.transaction("records", "readwrite");
    tx.objectStore("records").clear();
    await committed(tx);
    // The evidence files' keys were records: the files, unreadable now, go too.
    if (s.files) {
      const files = (await s.files()).transaction("files", "readwrite");
      files.objectStore("files").clear();
      await committed(files);
    }
  }).then((outcome) => {
    if (!outcome) { s.channel?.postMessage({ relock: 1 }); location.reload(); }
    return outcome;
  });
}

/** How many assessments the copy holds (locked or not). */
export function lockCount(s) {
  return [...s.map.keys()].filter((name) => name.startsWith(s.name + "a.")).length;
}

/** The assessments of the copy, for the download offered before the lock is set: a file name, then the stored export JSON, for each. */
export function lockAssessments(s) {
  return [...s.map].filter(([name]) => name.startsWith(s.name + "a.")).flatMap(([name, text], n) => {
    let title = "";
    try { title = JSON.parse(text).assessment.name; } catch (e) { /* unreadable: numbered */ }
    const safe = String(title || "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "");
    return [`${safe || "assessment"}-${n + 1}.json`, text];
  });
}
