// Lays out the wasm functions for compression. The order of functions in the code
// section does not change what the module does, but gzip only finds repeats within a
// 32 KB window, so putting look-alike functions next to each other shrinks the
// download. Each function is named by its place in a greedy nearest-neighbour chain
// (similarity = shared 4-byte shingles), binaryen's `--reorder-functions-by-name`
// renumbers the module by those names, and the names are dropped again. (binaryen's own
// `--reorder-functions` made the download larger: docs/size.md.)
import { execFileSync } from "node:child_process";
import { readFile, writeFile, rm } from "node:fs/promises";
import { gzipSync } from "node:zlib";
import { encodeLeb, parseModule, isNameSection } from "./wasm-binary.mjs";

const encoder = new TextEncoder();

/** Reorders the functions of `wasmFile` in place, running the pinned `wasmOpt` binary. */
export async function layOutFunctions(wasmFile, wasmOpt) {
  const bytes = await readFile(wasmFile);
  const module = parseModule(bytes);
  // The greedy chain is sensitive to where it starts: a change of a few bytes elsewhere
  // moved the result by 1 KB gzip, and sixteen starts spread over the module ranged over
  // 1.2 KB; thirty-two found a layout 0.5 KB smaller than sixteen did. The first
  // function, the largest and thirty-two evenly spaced ones are tried and the smallest
  // result kept (about 2.5 s each): the same input, the same output.
  const largest = module.bodies.reduce((best, b, i) => (b.length > module.bodies[best].length ? i : best), 0);
  const spread = Array.from({ length: 32 }, (_, k) => Math.floor((module.bodies.length * k) / 32));
  const namedFile = `${wasmFile}.named`;
  let after = null;
  for (const start of [...new Set([0, largest, ...spread])]) {
    await writeFile(namedFile, withFunctionNames(bytes, module, similarityChain(module.bodies, start)));
    const outFile = `${wasmFile}.laid-out`;
    execFileSync(wasmOpt, [
      "--enable-bulk-memory", "--enable-nontrapping-float-to-int", "--enable-sign-ext",
      "--enable-mutable-globals", "--enable-reference-types", "--enable-multivalue",
      "--reorder-functions-by-name", "--strip-debug", "--strip-producers",
      namedFile, "-o", outFile,
    ], { stdio: "inherit" });
    const candidate = await readFile(outFile);
    await rm(outFile);
    if (!after || gzipSync(candidate, { level: 9 }).length < gzipSync(after, { level: 9 }).length) after = candidate;
  }
  await rm(namedFile);
  await writeFile(wasmFile, after);
  // Reordering must not add or drop a function; anything else means wasm-opt did more
  // than renumber.
  const count = parseModule(after).bodies.length;
  if (count !== module.bodies.length) {
    throw new Error(`post-build: function count changed (${module.bodies.length} -> ${count})`);
  }
  const gz = (b) => (gzipSync(b, { level: 9 }).length / 1024).toFixed(1);
  console.log(`post-build: wasm function layout ${gz(bytes)} -> ${gz(after)} KB gzip`);
}

/**
 * A greedy chain through the function bodies: start at `start`, always step to the
 * unplaced body sharing the largest fraction (Jaccard) of 4-byte shingles. Shingles that
 * occur in more than 1000 bodies are ignored (they say nothing and cost time). Ties go
 * to the lower index, so the layout is deterministic.
 */
function similarityChain(bodies, start) {
  const K = 4, COMMON = 1000;
  const shingles = bodies.map((body) => {
    const set = new Set();
    for (let i = 0; i + K <= Math.max(body.length, K); i++) {
      set.add(((body[i] << 24) | (body[i + 1] << 16) | (body[i + 2] << 8) | body[i + 3]) >>> 0);
    }
    return [...set];
  });
  const postings = new Map();
  shingles.forEach((set, f) => {
    for (const s of set) {
      let list = postings.get(s);
      if (!list) postings.set(s, (list = []));
      list.push(f);
    }
  });
  const placed = new Uint8Array(bodies.length);
  const shared = new Int32Array(bodies.length);
  const order = [];
  let next = start;
  let firstUnplaced = 0;
  for (let step = 0; step < bodies.length; step++) {
    const current = next;
    placed[current] = 1;
    order.push(current);
    const touched = [];
    for (const s of shingles[current]) {
      const list = postings.get(s);
      if (list.length > COMMON) continue;
      for (const f of list) {
        if (placed[f]) continue;
        if (shared[f] === 0) touched.push(f);
        shared[f]++;
      }
    }
    let best = -1, bestScore = -1;
    for (const f of touched) {
      const c = shared[f];
      const score = c / (shingles[current].length + shingles[f].length - c + 1);
      if (score > bestScore || (score === bestScore && f < best)) { best = f; bestScore = score; }
      shared[f] = 0;
    }
    if (best < 0) {
      while (firstUnplaced < bodies.length && placed[firstUnplaced]) firstUnplaced++;
      best = firstUnplaced;
    }
    next = best;
  }
  return order;
}

/**
 * `bytes` without any name section, plus one naming defined function i by its rank in
 * `order` (zero-padded, so sorting by name sorts by rank).
 */
function withFunctionNames(bytes, module, order) {
  const rank = new Array(order.length);
  order.forEach((f, r) => { rank[f] = r; });
  const entries = [...encodeLeb(order.length)];
  for (let f = 0; f < order.length; f++) {
    const name = encoder.encode(`f${String(rank[f]).padStart(6, "0")}`);
    entries.push(...encodeLeb(module.importedFunctions + f), ...encodeLeb(name.length), ...name);
  }
  const subsection = [1, ...encodeLeb(entries.length), ...entries];
  const payload = [4, ...encoder.encode("name"), ...subsection];
  const nameSection = Uint8Array.from([0, ...encodeLeb(payload.length), ...payload]);
  const kept = module.sections
    .filter((s) => !(s.id === 0 && isNameSection(bytes, s.start)))
    .map((s) => bytes.subarray(s.from, s.end));
  return Buffer.concat([bytes.subarray(0, 8), ...kept, nameSection]);
}
