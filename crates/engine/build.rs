//! Prepares the text assets the engine embeds, in `OUT_DIR`; the files under the
//! workspace's `assets/` stay readable and are what people edit.
//!
//! - The catalog (`assets/catalog/iso42001.json`) becomes `iso42001.cells`: its values
//!   only, one per line, field by field (all item ids, then all titles, …), in the order
//!   `engine::catalog` documents and reads. Without keys and quotes, and with like text
//!   next to like text, the download carries the same data in fewer bytes, and the
//!   browser reads it without building a JSON tree first. A missing or mistyped field
//!   fails the build here, naming the entry; the engine checks the references.
//! - The message catalog becomes Rust constants (`messages.rs`, included by
//!   `engine::messages::msg`): `"home.new_org": "…"` becomes `pub const HOME_NEW_ORG`.
//!   A missing message is then a compile error, and the bundle carries no keys and no
//!   lookup.

use serde_json::Value;
use std::env;
use std::fs;
use std::path::Path;

/// The workspace's assets folder, seen from this crate.
const ASSETS: &str = "../../assets";

fn main() {
    let out_dir = env::var("OUT_DIR").unwrap_or_else(|_| fail("OUT_DIR is not set"));
    for (source, target, prepare) in [
        (
            "catalog/iso42001.json",
            "iso42001.cells",
            catalog_cells as fn(&str) -> String,
        ),
        ("i18n/en.json", "messages.rs", message_constants),
    ] {
        let source = Path::new(ASSETS).join(source);
        println!("cargo:rerun-if-changed={}", source.display());
        let text = fs::read_to_string(&source)
            .unwrap_or_else(|error| fail(&format!("cannot read {}: {error}", source.display())));
        fs::write(Path::new(&out_dir).join(target), prepare(&text))
            .unwrap_or_else(|error| fail(&format!("cannot write {target}: {error}")));
    }
}

fn fail(message: &str) -> ! {
    eprintln!("build.rs: {message}");
    std::process::exit(1)
}

fn parse_json(text: &str, file: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|error| fail(&format!("{file}: {error}")))
}

/// The catalog as cells, one per line, in the order `Catalog::parse` reads them.
fn catalog_cells(text: &str) -> String {
    let root = parse_json(text, "iso42001.json");
    let mut cells = Cells::default();
    cells.text(&root, "id", "catalog");
    cells.push(
        root.get("version")
            .and_then(Value::as_u64)
            .unwrap_or_else(|| fail("catalog: version must be a whole number"))
            .to_string(),
    );
    cells.text(&root, "title", "catalog");

    let groups = list(&root, "groups", "catalog");
    cells.push(groups.len().to_string());
    for key in ["id", "kind", "title", "summary"] {
        for g in groups {
            cells.text(g, key, "group");
        }
    }
    for g in groups {
        cells.optional(g, "parent", "group");
    }

    let items = list(&root, "items", "catalog");
    cells.push(items.len().to_string());
    for key in ["id", "kind", "group", "title", "question", "explanation"] {
        for item in items {
            cells.text(item, key, "item");
        }
    }
    for item in items {
        cells.optional(item, "iso27001", "item");
    }
    for item in items {
        let levels = list(item, "levels", "item");
        if levels.len() != 6 {
            fail(&format!("item {}: needs exactly 6 level hints", name(item)));
        }
        for level in levels {
            cells.value(level, "a level hint");
        }
    }
    let evidence: Vec<&[Value]> = items.iter().map(|i| list(i, "evidence", "item")).collect();
    for examples in &evidence {
        cells.push(examples.len().to_string());
    }
    for e in evidence.iter().copied().flatten() {
        cells.value(e, "an evidence example");
    }
    for framework in ["nist_ai_rmf", "eu_ai_act"] {
        for item in items {
            let links = list(item, framework, "item");
            cells.push(links.len().to_string());
            for link in links {
                cells.text(link, "ref", "crosswalk");
                cells.text(link, "basis", "crosswalk");
            }
        }
    }

    let documents = list(&root, "documents", "catalog");
    cells.push(documents.len().to_string());
    for key in ["id", "clause", "title", "description"] {
        for d in documents {
            cells.text(d, key, "document");
        }
    }

    let quick = list(&root, "quick", "catalog");
    cells.push(quick.len().to_string());
    for key in ["id", "topic", "question", "help", "next_step"] {
        for q in quick {
            cells.text(q, key, "quick question");
        }
    }
    for q in quick {
        let foundation = q
            .get("foundation")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        cells.push(u8::from(foundation).to_string());
        let covered = list(q, "items", "quick question");
        cells.push(covered.len().to_string());
        for id in covered {
            cells.value(id, "an item id");
        }
    }
    cells.lines
}

/// The catalog's cells, built line by line.
#[derive(Default)]
struct Cells {
    lines: String,
}

impl Cells {
    fn push(&mut self, cell: String) {
        self.lines.push_str(&cell);
        self.lines.push('\n');
    }

    /// A string value; a line break inside would shift every later cell.
    fn value(&mut self, value: &Value, what: &str) {
        match value.as_str() {
            Some(s) if !s.contains('\n') => self.push(s.to_owned()),
            Some(_) => fail(&format!("{what} contains a line break: {value}")),
            None => fail(&format!("{what} is not text: {value}")),
        }
    }

    fn text(&mut self, entry: &Value, key: &str, what: &str) {
        match entry.get(key) {
            Some(value) => self.value(value, &format!("{what} {}: {key}", name(entry))),
            None => fail(&format!("{what} {}: missing {key}", name(entry))),
        }
    }

    /// An optional string: absent and `null` become an empty cell.
    fn optional(&mut self, entry: &Value, key: &str, what: &str) {
        match entry.get(key) {
            None | Some(Value::Null) => self.push(String::new()),
            Some(_) => self.text(entry, key, what),
        }
    }
}

/// The entry's id, for messages.
fn name(entry: &Value) -> &str {
    entry.get("id").and_then(Value::as_str).unwrap_or("?")
}

fn list<'a>(entry: &'a Value, key: &str, what: &str) -> &'a [Value] {
    entry
        .get(key)
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or_else(|| fail(&format!("{what} {}: {key} must be a list", name(entry))))
}

/// `pub const NAME: &str = "text";` for every entry of a flat JSON object of strings.
fn message_constants(text: &str) -> String {
    let root = parse_json(text, "en.json");
    let entries = root
        .as_object()
        .unwrap_or_else(|| fail("en.json: expected an object"));
    check_translations(entries);
    let mut out = String::from("// Generated by build.rs from assets/i18n/en.json.\n");
    out.push_str(&format!(
        "/// How many messages there are.\npub const COUNT: usize = {};\n",
        entries.len()
    ));
    // Sorted explicitly (not left to the map type), and fingerprinted, so a language file
    // written in another order or for other keys is refused at run time.
    let mut keys: Vec<&String> = entries.keys().collect();
    keys.sort();
    out.push_str(&format!(
        "/// FNV-1a of the sorted keys, one per line: a language file must carry the same.\npub const KEYS_HASH: &str = \"{:016x}\";\n",
        keys_hash(&keys)
    ));
    out.push_str(
        "/// The English texts, in sorted key order (the order post-build.mjs writes the other\n/// languages in).\npub static ENGLISH: [&str; COUNT] = [\n",
    );
    for key in &keys {
        let value = &entries[key.as_str()];
        let value = value
            .as_str()
            .unwrap_or_else(|| fail(&format!("en.json: {key} is not text")));
        out.push_str(&format!("    {value:?},\n"));
    }
    out.push_str("];\n");
    let mut names: Vec<String> = Vec::new();
    for (index, key) in keys.iter().enumerate() {
        let name: String = key
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '_'
                }
            })
            .collect();
        if names.contains(&name) {
            fail(&format!("en.json: two keys make the function {name}"));
        }
        out.push_str(&format!(
            "/// `{key}` in the active language.\n#[inline]\npub fn {name}() -> &'static str {{\n    super::text({index})\n}}\n"
        ));
        names.push(name);
    }
    out
}

/// FNV-1a (64-bit) of the keys, each followed by a newline; post-build.mjs computes
/// the same for the language files.
fn keys_hash(keys: &[&String]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for key in keys {
        for byte in key.bytes().chain(std::iter::once(b'\n')) {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    hash
}

/// The plural forms of a message, `{n|one:task|other:tasks}`, as (variable, categories),
/// sorted; fails the build on a form that `tf` could not read: an unknown CLDR category,
/// no `other`, or `{`, `}` or `|` inside a form.
fn plural_forms(file: &str, key: &str, text: &str) -> Vec<(String, Vec<String>)> {
    const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];
    let mut found = Vec::new();
    for rest in text.split('{').skip(1) {
        let Some((inside, _)) = rest.split_once('}') else {
            continue;
        };
        let Some((name, forms)) = inside.split_once('|') else {
            continue;
        };
        let mut categories = Vec::new();
        for form in forms.split('|') {
            let Some((category, words)) = form.split_once(':') else {
                fail(&format!(
                    "{file}: {key}: plural form {form:?} has no category"
                ))
            };
            if !CATEGORIES.contains(&category) || words.contains(['{', '}']) {
                fail(&format!(
                    "{file}: {key}: plural form {form:?} is not a CLDR category and words"
                ));
            }
            categories.push(category.to_owned());
        }
        if !categories.iter().any(|c| c == "other") {
            fail(&format!(
                "{file}: {key}: plural forms of {name} lack `other`"
            ));
        }
        categories.sort();
        found.push((name.to_owned(), categories));
    }
    found.sort();
    found
}

/// The `{name}` placeholders of a message, sorted.
fn placeholders(text: &str) -> Vec<String> {
    let mut found: Vec<String> = text
        .split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name.to_owned()))
        .filter(|name| {
            !name.is_empty() && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        })
        .collect();
    found.sort();
    found
}

/// Every other language in `assets/i18n/` must have exactly the English keys, in the
/// same order, none empty, each with the same placeholders: a missing, misspelt or
/// extra key fails the build, as a missing English message fails to compile.
fn check_translations(english: &serde_json::Map<String, Value>) {
    let folder = Path::new(ASSETS).join("i18n");
    let Ok(dir) = fs::read_dir(&folder) else {
        return;
    };
    let mut files: Vec<_> = dir.filter_map(Result::ok).map(|e| e.path()).collect();
    files.sort();
    for path in files {
        let name = path.display().to_string();
        if path.extension().and_then(|e| e.to_str()) != Some("json") || name.ends_with("en.json") {
            continue;
        }
        println!("cargo:rerun-if-changed={name}");
        let text = fs::read_to_string(&path).unwrap_or_else(|e| fail(&format!("{name}: {e}")));
        let root = parse_json(&text, &name);
        let other = root
            .as_object()
            .unwrap_or_else(|| fail(&format!("{name}: expected an object")));
        let keys: Vec<&String> = other.keys().collect();
        let english_keys: Vec<&String> = english.keys().collect();
        if keys != english_keys {
            let missing: Vec<_> = english_keys
                .iter()
                .filter(|k| !other.contains_key(**k))
                .collect();
            let extra: Vec<_> = keys.iter().filter(|k| !english.contains_key(**k)).collect();
            fail(&format!(
                "{name}: keys differ from en.json (missing {missing:?}, extra {extra:?}, or another order)"
            ));
        }
        for (key, value) in other {
            let value = value
                .as_str()
                .filter(|v| !v.trim().is_empty())
                .unwrap_or_else(|| fail(&format!("{name}: {key} is empty or not text")));
            let english_value = english[key].as_str().unwrap_or_default();
            // The same counted variables as English (the categories may differ: French
            // and German have other plural rules than English).
            let names = |forms: Vec<(String, Vec<String>)>| {
                forms.into_iter().map(|(n, _)| n).collect::<Vec<_>>()
            };
            if names(plural_forms(&name, key, value))
                != names(plural_forms("en.json", key, english_value))
            {
                fail(&format!(
                    "{name}: {key} has other plural forms than English"
                ));
            }
            if placeholders(value) != placeholders(english_value) {
                fail(&format!(
                    "{name}: {key} has placeholders {:?}, English has {:?}",
                    placeholders(value),
                    placeholders(english_value)
                ));
            }
        }
    }
    println!("cargo:rerun-if-changed={}", folder.display());
}
