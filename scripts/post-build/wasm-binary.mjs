// Reading and writing the few parts of the WebAssembly binary format the size steps
// touch: unsigned LEB128 numbers, the section list, the function bodies and the import
// section. Just enough for the function layout and the import renaming to take a module
// apart and put it back together byte for byte, without a wasm library.

const decoder = new TextDecoder();

/** The section id of the import section, and of the code section (function bodies). */
export const IMPORT_SECTION = 2;
export const CODE_SECTION = 10;

/** Reads an unsigned LEB128 at `at`; returns [value, next offset]. */
export function readLeb(bytes, at) {
  let value = 0, shift = 0, byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

/** `value` as unsigned LEB128 bytes. */
export function encodeLeb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return out;
}

/**
 * The sections (id; `from` where the section starts, `start` where its payload starts,
 * `end`), the number of imported functions and each function body.
 */
export function parseModule(bytes) {
  const sections = [];
  let importedFunctions = 0;
  const bodies = [];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, start] = readLeb(bytes, at + 1);
    const end = start + size;
    sections.push({ id, from: at, start, end });
    if (id === IMPORT_SECTION) importedFunctions = readImports(bytes, start).filter((i) => i.kind === 0).length;
    if (id === CODE_SECTION) {
      let [count, p] = readLeb(bytes, start);
      for (let i = 0; i < count; i++) {
        const [length, bodyStart] = readLeb(bytes, p);
        bodies.push(bytes.subarray(bodyStart, bodyStart + length));
        p = bodyStart + length;
      }
    }
    at = end;
  }
  return { sections, importedFunctions, bodies };
}

/** A length-prefixed UTF-8 name at `p`; returns [name, next offset]. */
export function readName(bytes, p) {
  const [length, start] = readLeb(bytes, p);
  return [decoder.decode(bytes.subarray(start, start + length)), start + length];
}

/** Whether the custom section whose payload starts at `start` is the name section. */
export function isNameSection(bytes, start) {
  return readName(bytes, start)[0] === "name";
}

/**
 * Every import of the import section whose payload starts at `start`: module and field
 * name, kind, and the description's bytes (kind and type) to copy unchanged.
 */
export function readImports(bytes, start) {
  let [count, p] = readLeb(bytes, start);
  const imports = [];
  for (let i = 0; i < count; i++) {
    let module, field;
    [module, p] = readName(bytes, p);
    [field, p] = readName(bytes, p);
    const from = p;
    p = skipImportDescription(bytes, p);
    imports.push({ module, field, kind: bytes[from], description: bytes.subarray(from, p) });
  }
  return imports;
}

/** The offset after the import description (kind byte and its type) at `p`. */
function skipImportDescription(bytes, p) {
  const skipLimits = () => {
    const flags = bytes[p++];
    [, p] = readLeb(bytes, p);
    if (flags & 1) [, p] = readLeb(bytes, p);
  };
  const kind = bytes[p++];
  if (kind === 0) [, p] = readLeb(bytes, p);
  else if (kind === 1) { p++; skipLimits(); }
  else if (kind === 2) skipLimits();
  else if (kind === 3) p += 2;
  else if (kind === 4) { p++; [, p] = readLeb(bytes, p); }
  else throw new Error(`post-build: unknown import kind ${kind}`);
  return p;
}
