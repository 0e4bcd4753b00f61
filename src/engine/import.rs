//! Reads and validates an export (docs/export-format.md). Every problem is collected
//! and returned at once, each with the path of the offending value; nothing here can
//! panic, whatever the bytes.

use super::assessment::{Answer, Assessment};
use super::catalog::{Catalog, ItemKind};
use super::date::{Date, Timestamp};
use super::export::{FORMAT, FORMAT_VERSION};
use super::json::{self, Value};
use super::level::{MaturityLevel, TargetLevel};
use super::weight::Weight;
use std::fmt;

/// The largest file accepted (1 MiB). A full assessment with generous notes is well
/// under 200 KB; browser storage holds about 5 MB for all assessments together.
pub const MAX_IMPORT_BYTES: usize = 1024 * 1024;
/// The longest free-text field accepted, in characters.
pub const MAX_TEXT_CHARS: usize = 10_000;
/// The longest id, name or organization accepted, in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// The most evidence references accepted on one item.
pub const MAX_EVIDENCE: usize = 100;

/// One problem found in an import, with the path of the value (`assessment.items.4.1.maturity`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    /// Where the problem is; empty for the file as a whole.
    pub path: String,
    /// What is wrong, in plain words.
    pub message: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

/// An object's members without repeated keys.
type Members<'v> = Vec<(&'v str, &'v Value)>;

fn get<'v>(object: &Members<'v>, key: &str) -> Option<&'v Value> {
    object.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

struct Problems(Vec<ImportError>);

impl Problems {
    fn add(&mut self, path: &str, message: impl Into<String>) {
        self.0.push(ImportError {
            path: path.to_owned(),
            message: message.into(),
        });
    }

    /// Reports keys of `object` that are not in `known`.
    fn unknown_keys(&mut self, path: &str, object: &Members, known: &[&str]) {
        for (key, _) in object.iter().filter(|(k, _)| !known.contains(k)) {
            self.add(&join(path, key), "is not a field of this format");
        }
    }

    fn object<'v>(&mut self, path: &str, value: Option<&'v Value>) -> Option<Members<'v>> {
        match value {
            Some(v @ Value::Object(_)) => v.members(),
            Some(other) => {
                self.add(path, format!("{} is not an object", show(other)));
                None
            }
            None => {
                self.add(path, "is missing");
                None
            }
        }
    }

    fn text(&mut self, path: &str, value: Option<&Value>, max: usize, required: bool) -> String {
        match value {
            Some(Value::String(s)) if s.chars().count() > max => {
                self.add(path, format!("is longer than {max} characters"));
                String::new()
            }
            Some(Value::String(s)) if required && s.trim().is_empty() => {
                self.add(path, "is empty");
                String::new()
            }
            Some(Value::String(s)) => s.clone(),
            None if !required => String::new(),
            None => {
                self.add(path, "is missing");
                String::new()
            }
            Some(other) => {
                self.add(path, format!("{} is not text", show(other)));
                String::new()
            }
        }
    }

    fn timestamp(&mut self, path: &str, value: Option<&Value>) -> Option<Timestamp> {
        let parsed = value.and_then(Value::as_str).and_then(Timestamp::parse);
        match value {
            None => self.add(path, "is missing"),
            Some(v) if parsed.is_none() => self.add(
                path,
                format!("{} is not a UTC time like 2026-01-31T09:30:00Z", show(v)),
            ),
            Some(_) => {}
        }
        parsed
    }

    fn boolean(&mut self, path: &str, value: Option<&Value>, default: bool) -> bool {
        match value {
            None => default,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                self.add(path, format!("{} is not true or false", show(other)));
                default
            }
        }
    }
}

fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// A short rendering of a value for messages (long values are cut).
fn show(value: &Value) -> String {
    let text = value.to_compact();
    if text.chars().count() > 40 {
        format!("{}…", text.chars().take(40).collect::<String>())
    } else {
        text
    }
}

/// The problem for an input of `len` bytes, if it is over [`MAX_IMPORT_BYTES`]. The app
/// asks before reading a file into memory; `import` asks again.
pub fn too_large(len: usize) -> Option<ImportError> {
    (len > MAX_IMPORT_BYTES).then(|| ImportError {
        path: String::new(),
        message: format!(
            "the file is {} KB; the largest accepted is {} KB",
            len.div_ceil(1024),
            MAX_IMPORT_BYTES / 1024
        ),
    })
}

/// Reads an export. Returns the assessment, or every problem found.
pub fn import(catalog: &Catalog, bytes: &[u8]) -> Result<Assessment, Vec<ImportError>> {
    let whole = |message: String| {
        vec![ImportError {
            path: String::new(),
            message,
        }]
    };
    if let Some(problem) = too_large(bytes.len()) {
        return Err(vec![problem]);
    }
    let root = json::parse(bytes).map_err(|e| {
        whole(format!(
            "the file is not valid JSON: {} (line {}, column {})",
            e.message, e.line, e.column
        ))
    })?;
    let mut p = Problems(Vec::new());
    let assessment = read_root(catalog, &root, &mut p);
    match assessment {
        Some(a) if p.0.is_empty() => Ok(a),
        _ => Err(p.0),
    }
}

fn read_root(catalog: &Catalog, root: &Value, p: &mut Problems) -> Option<Assessment> {
    let root = p.object("", Some(root))?;
    p.unknown_keys(
        "",
        &root,
        &["format", "format_version", "catalog", "assessment"],
    );
    match get(&root, "format") {
        Some(Value::String(f)) if f == FORMAT => {}
        Some(other) => p.add(
            "format",
            format!(
                "{} is not \"{FORMAT}\": this is not an aims-readiness export",
                show(other)
            ),
        ),
        None => p.add("format", "is missing: this is not an aims-readiness export"),
    }
    match get(&root, "format_version") {
        Some(v) if v.as_u64() == Some(u64::from(FORMAT_VERSION)) => {}
        Some(v) if v.as_u64().is_some_and(|n| n > u64::from(FORMAT_VERSION)) => p.add(
            "format_version",
            format!("{} was written by a newer version of this app; this one reads version {FORMAT_VERSION}", show(v)),
        ),
        Some(v) => p.add("format_version", format!("{} is not a supported version (this app reads {FORMAT_VERSION})", show(v))),
        None => p.add("format_version", "is missing"),
    }
    if let Some(cat) = p.object("catalog", get(&root, "catalog")) {
        p.unknown_keys("catalog", &cat, &["id", "version"]);
        match get(&cat, "id") {
            Some(Value::String(id)) if *id == catalog.id => {}
            Some(other) => p.add(
                "catalog.id",
                format!(
                    "{} is not the catalog this app uses ({})",
                    show(other),
                    catalog.id
                ),
            ),
            None => p.add("catalog.id", "is missing"),
        }
        match get(&cat, "version").and_then(Value::as_u64) {
            Some(v) if v == u64::from(catalog.version) => {}
            Some(v) if v > u64::from(catalog.version) => p.add(
                "catalog.version",
                format!(
                    "{v} is newer than this app's catalog (version {})",
                    catalog.version
                ),
            ),
            _ => p.add(
                "catalog.version",
                format!("is not catalog version {}", catalog.version),
            ),
        }
    }
    let body = p.object("assessment", get(&root, "assessment"))?;
    Some(read_assessment(catalog, &body, p))
}

fn read_assessment(catalog: &Catalog, a: &Members, p: &mut Problems) -> Assessment {
    p.unknown_keys(
        "assessment",
        a,
        &[
            "id",
            "name",
            "organization",
            "created",
            "updated",
            "items",
            "documents",
        ],
    );
    let id = p.text("assessment.id", get(a, "id"), MAX_NAME_CHARS, true);
    let name = p.text("assessment.name", get(a, "name"), MAX_NAME_CHARS, false);
    let organization = p.text(
        "assessment.organization",
        get(a, "organization"),
        MAX_NAME_CHARS,
        false,
    );
    let created = p.timestamp("assessment.created", get(a, "created"));
    let updated = p.timestamp("assessment.updated", get(a, "updated"));
    // A bad timestamp is already reported; keep going with a stand-in so that the
    // items' problems are reported in the same pass.
    let stand_in = || Timestamp::from_unix_seconds(0);
    let mut assessment = Assessment::new(catalog, id, name, created.unwrap_or_else(stand_in));
    assessment.organization = organization;
    assessment.updated = updated.unwrap_or_else(stand_in);

    if let Some(items) = get(a, "items").and_then(|v| p.object("assessment.items", Some(v))) {
        for (key, value) in items {
            let item_path = format!("assessment.items.{key}");
            let Some(item) = catalog.find_item(key) else {
                p.add(&item_path, format!("is not an item of {}", catalog.title));
                continue;
            };
            if let Some(answer) = read_answer(&item_path, catalog.item(item).kind, value, p) {
                // A clause exclusion was reported by read_answer; the edit is refused.
                let _ = assessment.update(catalog, item, |a| *a = answer);
            }
        }
    }
    if let Some(docs) = get(a, "documents").and_then(|v| p.object("assessment.documents", Some(v)))
    {
        for (key, value) in docs {
            let doc_path = format!("assessment.documents.{key}");
            match catalog.find_document(key) {
                Some(doc) => {
                    let present = p.boolean(&doc_path, Some(value), false);
                    assessment.set_document(doc, present);
                }
                None => p.add(&doc_path, "is not a mandatory document of this catalog"),
            }
        }
    }
    assessment
}

const ITEM_FIELDS: [&str; 10] = [
    "maturity",
    "estimate",
    "target",
    "weight",
    "applicable",
    "justification",
    "notes",
    "evidence",
    "owner",
    "due",
];

fn read_answer(path: &str, kind: ItemKind, value: &Value, p: &mut Problems) -> Option<Answer> {
    let o = &p.object(path, Some(value))?;
    p.unknown_keys(path, o, &ITEM_FIELDS);
    let at = |field: &str| format!("{path}.{field}");
    let mut answer = Answer::default();
    match get(o, "maturity") {
        None | Some(Value::Null) => {}
        Some(v) => match v.as_u64().and_then(MaturityLevel::from_number) {
            Some(level) => answer.maturity = Some(level),
            None => p.add(&at("maturity"), format!("{} is not a level 0–5", show(v))),
        },
    }
    answer.estimate = p.boolean(&at("estimate"), get(o, "estimate"), false);
    if answer.estimate && answer.maturity.is_none() {
        p.add(
            &at("estimate"),
            "is true, but there is no level to be an estimate",
        );
    }
    if let Some(v) = get(o, "target") {
        match v.as_u64().and_then(TargetLevel::from_number) {
            Some(t) => answer.target = t,
            None => p.add(
                &at("target"),
                format!("{} is not a target level 1–5", show(v)),
            ),
        }
    }
    if let Some(v) = get(o, "weight") {
        match v.as_fixed(2).and_then(Weight::from_hundredths) {
            Some(w) => answer.weight = w,
            None => p.add(
                &at("weight"),
                format!(
                    "{} is not a weight from 0.01 to 100 (at most two decimals)",
                    show(v)
                ),
            ),
        }
    }
    answer.excluded = !p.boolean(&at("applicable"), get(o, "applicable"), true);
    if answer.excluded && kind == ItemKind::Clause {
        p.add(
            &at("applicable"),
            "is false, but clause requirements are mandatory and cannot be excluded",
        );
    }
    answer.justification = p.text(
        &at("justification"),
        get(o, "justification"),
        MAX_TEXT_CHARS,
        false,
    );
    answer.notes = p.text(&at("notes"), get(o, "notes"), MAX_TEXT_CHARS, false);
    answer.owner = p.text(&at("owner"), get(o, "owner"), MAX_NAME_CHARS, false);
    match get(o, "evidence") {
        None => {}
        Some(Value::Array(list)) if list.len() > MAX_EVIDENCE => p.add(
            &at("evidence"),
            format!(
                "has {} entries; the most accepted is {MAX_EVIDENCE}",
                list.len()
            ),
        ),
        Some(Value::Array(list)) => {
            for (i, entry) in list.iter().enumerate() {
                let text = p.text(
                    &format!("{path}.evidence[{i}]"),
                    Some(entry),
                    MAX_TEXT_CHARS,
                    true,
                );
                answer.evidence.push(text);
            }
        }
        Some(other) => p.add(
            &at("evidence"),
            format!("{} is not a list of text", show(other)),
        ),
    }
    match get(o, "due") {
        None | Some(Value::Null) => {}
        Some(v) => match v.as_str().and_then(Date::parse) {
            Some(d) => answer.due = Some(d),
            None => p.add(
                &at("due"),
                format!("{} is not a date like 2026-03-31", show(v)),
            ),
        },
    }
    Some(answer)
}
