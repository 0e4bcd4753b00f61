// Evidence files kept in the browser (docs/evidence-files.md). The records object `s` is
// the app's (src/ui/services/records.rs): `s.map` its copy of the records, `s.write` its
// ordered write, `s.files()` the namespace's second database, which holds the files.
//
// - Each file is encrypted (AES-256-GCM) with a key of its own, in pieces of 4 MB (each
//   piece its own IV: 8 random bytes of the file's, then the piece's number), and kept
//   as one Blob under its SHA-256 in the files database. In pieces, because one 50 MB
//   decryption held the page for a third of a second; between pieces it answers. Its key lives in the record `f.<sha256>` among
//   the assessments: where a passphrase locks the records, it locks the files' keys with
//   them, so the files need no re-encrypting when the lock is set, changed or removed.
// - The key record is written first, the file second: a file without its key record is
//   left over from a write that failed, and [`filesSweep`] removes it. A key record no
//   assessment has referred to for a day goes too, with its file.
// - Files with the same content are kept once.

const LIMIT = 50 * 1024 * 1024;
const DAY = 86400000;
const hex = (bytes) => [...new Uint8Array(bytes)].map((b) => b.toString(16).padStart(2, "0")).join("");
const unhex = (text) => new Uint8Array((text.match(/../g) || []).map((b) => parseInt(b, 16)));
const aes = (raw, use) => crypto.subtle.importKey("raw", raw, "AES-GCM", false, [use]);
const committed = (tx) => new Promise((ok, ko) => { tx.oncomplete = ok; tx.onabort = () => ko(tx.error); });
const answer = (r) => new Promise((ok, ko) => { r.onsuccess = () => ok(r.result); r.onerror = () => ko(r.error); });
// "full" when the browser's quota stopped a write, else its words.
const why = (e) => (/quota/i.test(String(e?.name || e)) ? "full" : String(e?.message || e));

const PIECE = 4 * 1024 * 1024, TAG = 16;
/** The IV of piece `n` of a file whose IV starts with the 8 bytes `iv`. */
const ivOf = (iv, n) => { const out = new Uint8Array(12); out.set(iv); new DataView(out.buffer).setUint32(8, n); return out; };

/** Keeps the bytes `plain` (an ArrayBuffer or a Uint8Array): their SHA-256, once kept. */
async function keep(s, plain) {
  const sha = hex(await crypto.subtle.digest("SHA-256", plain));
  const name = s.name + "f." + sha;
  if (s.map.has(name)) return sha;
  const raw = crypto.getRandomValues(new Uint8Array(32)), iv = crypto.getRandomValues(new Uint8Array(8));
  const key = await aes(raw, "encrypt"), sealed = [];
  for (let at = 0, n = 0; at < plain.byteLength || n === 0; at += PIECE, n++) {
    sealed.push(await crypto.subtle.encrypt({ name: "AES-GCM", iv: ivOf(iv, n) }, key, plain.slice(at, at + PIECE)));
  }
  const refused = await s.write([name, JSON.stringify({ key: hex(raw), iv: hex(iv), piece: PIECE, at: Date.now() })], []);
  if (refused) throw why(refused);
  try {
    const tx = (await s.files()).transaction("files", "readwrite");
    tx.objectStore("files").put(new Blob(sealed), sha);
    await committed(tx);
  } catch (e) {
    s.write([], [name]);
    throw why(e);
  }
  return sha;
}

/** Keeps the File `file`: its name, size and SHA-256; throws "none" (no database here), "big" (over 50 MB), "full" or the browser's words. */
export async function filesKeep(s, file) {
  if (!s?.files) throw "none";
  if (file.size > LIMIT) throw "big";
  return [file.name, String(file.size), await keep(s, await file.arrayBuffer())];
}

/** The kept file `sha`, each piece (an ArrayBuffer) given to `each` in turn: false where this browser does not have it. */
async function kept(s, sha, each) {
  const meta = s?.files && s.map.get(s.name + "f." + sha);
  if (!meta) return false;
  const blob = await answer((await s.files()).transaction("files").objectStore("files").get(sha));
  if (!blob) return false;
  const { key, iv, piece } = JSON.parse(meta), open = await aes(unhex(key), "decrypt");
  for (let at = 0, n = 0; at < blob.size || n === 0; at += piece + TAG, n++) {
    const sealed = await blob.slice(at, at + piece + TAG).arrayBuffer();
    await each(await crypto.subtle.decrypt({ name: "AES-GCM", iv: ivOf(unhex(iv), n) }, open, sealed));
  }
  return true;
}

/** Downloads the kept file `sha` as `name`: false where this browser does not have it. */
export async function filesOpen(s, sha, name) {
  const pieces = [];
  if (!(await kept(s, sha, (p) => pieces.push(p)).catch(() => false))) return false;
  const a = document.createElement("a"), url = URL.createObjectURL(new Blob(pieces));
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
  return true;
}

/** Fills `place` (the evidence screen's line on space, its `data-files` the `sha256:size` of each file the records name) with `words` ({kept}: the files this browser has; {used}, {quota}: what it says of its storage), sizes written with `kb`, `mb`, `gb` and the decimal `comma` as the rows write them, and tags each file shown in `root` that this browser does not have with `absent`. */
export async function filesSpace(root, place, s, [words, absent, kb, mb, gb, comma]) {
  const has = (sha) => Boolean(s?.map?.has(s.name + "f." + sha));
  let kept = 0;
  for (const file of (place.dataset.files || "").split(" ").filter(Boolean)) {
    const [sha, size] = file.split(":");
    if (has(sha)) kept += Number(size) || 0;
  }
  for (const button of root.querySelectorAll("button[data-action=open_file]")) {
    if (has(button.dataset.sha)) continue;
    const tag = document.createElement("span");
    tag.className = "aims-tag aims-tag--error";
    tag.textContent = absent;
    button.after(" ", tag);
  }
  // As the rows write sizes (crates/reports/src/words.rs, Words::size), in the words given.
  const size = (bytes) => {
    if (bytes < 1048576) return `${Math.ceil(bytes / 1024)} ${kb}`;
    const [unit, name] = bytes < 1073741824 ? [1048576, mb] : [1073741824, gb];
    const tenths = Math.floor((bytes * 10) / unit);
    return `${Math.floor(tenths / 10)}${comma}${tenths % 10} ${name}`;
  };
  let e = {};
  try { e = await navigator.storage.estimate(); } catch (x) { /* no estimate: its figures stay unknown */ }
  place.textContent = words.replace("{kept}", size(kept)).replace("{used}", size(e.usage || 0)).replace("{quota}", size(e.quota || 0));
}

/** Writes the audit pack through `writer` (crates/reports PackWriter), each wanted file read from the browser in turn, a piece at a time, and handed to the writer (the page answers between pieces), `bar` (a progress element) following the bytes: the pack as a Blob, then the words for each file this browser does not have (the pack goes without it). `wanted`: record id, SHA-256 and those words, for each. */
export async function filesPack(s, writer, wanted, bar) {
  const parts = [writer.head()], missing = [];
  bar.max = wanted.length / 3 + 1;
  for (let i = 0; i < wanted.length; i += 3) {
    const pieces = [];
    writer.begin(wanted[i]);
    const found = await kept(s, wanted[i + 1], (piece) => {
      writer.update(new Uint8Array(piece));
      pieces.push(piece);
      bar.value = i / 3 + pieces.length / (pieces.length + 1);
    }).catch(() => false);
    if (found) {
      parts.push(writer.end(), new Blob(pieces));
    } else {
      missing.push(wanted[i + 2]);
    }
    bar.value = i / 3 + 1;
  }
  parts.push(writer.finish());
  bar.value = bar.max;
  return [new Blob(parts, { type: "application/zip" }), ...missing];
}

/** Keeps an opened pack's files (`files`: SHA-256 and bytes, for each), `bar` following: `[done]` once all are kept; else throws the words `failed` has for it (any reason, no room, no database here). */
export async function filesRestore(s, files, bar, done, [failed, full, none]) {
  if (!files.length) return [done];
  if (!s?.files) throw none;
  bar.max = files.length / 2;
  try {
    for (let i = 0; i < files.length; i += 2) {
      if ((await keep(s, files[i + 1])) !== files[i]) throw "changed";
      bar.value = i / 2 + 1;
    }
  } catch (e) {
    throw e === "full" ? full : failed.replace("{reason}", String(e));
  }
  return [done];
}

/** Removes, once a visit, the files no assessment keeps (see the top). */
export async function filesSweep(s) {
  if (!s?.files || s.swept) return;
  s.swept = true;
  const used = new Set(), start = s.name + "f.";
  for (const [name, text] of s.map) {
    if (!name.startsWith(s.name + "a.")) continue;
    try {
      for (const e of JSON.parse(text).assessment.evidence || []) if (e.file) used.add(e.file.sha256);
    } catch (e) { /* unreadable: refers to nothing */ }
  }
  const drop = [], keys = new Set();
  for (const [name, text] of s.map) {
    if (!name.startsWith(start)) continue;
    const sha = name.slice(start.length);
    let at = 0;
    try { at = JSON.parse(text).at || 0; } catch (e) { /* unreadable: old */ }
    if (used.has(sha) || Date.now() - at < DAY) keys.add(sha); else drop.push(name);
  }
  try {
    const tx = (await s.files()).transaction("files", "readwrite"), store = tx.objectStore("files");
    for (const sha of await answer(store.getAllKeys())) if (!keys.has(sha)) store.delete(sha);
    await committed(tx);
    if (drop.length) await s.write([], drop);
  } catch (e) { /* the next visit tries again */ }
}
