//! Reads and validates an export (docs/export-format.md). A pass over the parsed JSON
//! collects every problem at once, each with the path of the offending value; a file
//! without problems is then converted through its version's serde types
//! ([`v3::File`], after older versions are rewritten into its shape). Nothing here can panic, whatever the bytes.

use crate::format::export::{FORMAT, FORMAT_VERSION};
use crate::format::value::{self, JsonError, Map, Value};
use crate::format::{v1, v3};
use crate::model::assessment::Assessment;
use crate::model::catalog::{Catalog, ItemKind};
use crate::model::date::{Date, Timestamp};
use crate::model::evidence_refs;
use crate::model::level::{MaturityLevel, TargetLevel};
use crate::model::profile::{AiRole, ManagementSystem};
use crate::model::registers::{Kept, MAX_RECORDS};
use crate::model::system_names;
use crate::model::weight::Weight;
use crate::text::messages::Texts;
use std::fmt;

/// The largest file accepted (8 MiB). A full assessment with generous notes is well
/// under 200 KB; registers of thousands of records (50 AI systems, 500 risks, 2,000
/// evidence records: about 1.2 MB) fit with room to spare. Files kept with evidence
/// records are not part of it (they travel in the audit pack).
pub const MAX_IMPORT_BYTES: usize = 8 * 1024 * 1024;
/// The longest free-text field accepted, in characters.
pub const MAX_TEXT_CHARS: usize = 10_000;
/// The longest `generator` (the product and its version) a file may name.
pub const MAX_GENERATOR_CHARS: usize = 200;
/// The longest id, name or organization accepted, in characters.
pub const MAX_NAME_CHARS: usize = 200;
/// The most evidence references accepted on one item.
pub const MAX_EVIDENCE: usize = 100;

/// One problem found in an import, with the path of the value (`assessment.items.4.1.maturity`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportError {
    /// Where the problem is; empty for the file as a whole.
    pub path: String,
    /// What is wrong.
    pub problem: Problem,
}

impl ImportError {
    /// The problem with its path, in `texts`' language.
    pub fn describe(&self, texts: Texts) -> String {
        let problem = self.problem.describe(texts);
        if self.path.is_empty() {
            problem
        } else {
            format!("{}: {problem}", self.path)
        }
    }
}

/// In English, as `aims-score` prints it.
impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Texts::ENGLISH))
    }
}

/// What is wrong with a value. The words come from the message catalog
/// (`problem.*` in assets/i18n/en.json), so a translation covers them too; values
/// quoted from the file are shown as short JSON.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    /// The input's size in KB is larger than [`MAX_IMPORT_BYTES`] (in KB).
    TooLarge(usize, usize),
    /// The input is not JSON: the JSON reader's reason, line and column.
    NotJson(JsonError, usize, usize),
    /// The file could not be read at all.
    Unreadable,
    /// A key this format does not have.
    UnknownField,
    /// Required and absent.
    Missing,
    /// Text longer than the limit.
    TooLong(usize),
    /// Blank where text is required.
    Empty,
    /// Not an object.
    NotObject(String),
    /// Not text.
    NotText(String),
    /// Not a UTC timestamp.
    NotTimestamp(String),
    /// Not true or false.
    NotBool(String),
    /// `format` is absent.
    NoFormat,
    /// `format` names another format.
    OtherFormat(String),
    /// A newer `format_version`.
    NewerFormat(String),
    /// An unknown `format_version`.
    UnsupportedFormat(String),
    /// Another catalog's id.
    OtherCatalog(String, String),
    /// A newer catalog version.
    NewerCatalog(u64, u32),
    /// Not this app's catalog version.
    CatalogVersion(u32),
    /// An item id the catalog does not have.
    UnknownItem(String),
    /// A document id the catalog does not have.
    UnknownDocument,
    /// Not a maturity level 0–5.
    NotLevel(String),
    /// `estimate` without a level.
    EstimateWithoutLevel,
    /// Not a target level (the value, the lowest target this format version allows).
    NotTarget(String, u8),
    /// Not a weight 0.01–100 with at most two decimals.
    NotWeight(String),
    /// A clause requirement marked not applicable.
    ClauseExcluded,
    /// More evidence references than allowed.
    TooMuchEvidence(usize, usize),
    /// Not a list of text.
    NotList(String),
    /// Not a calendar date.
    NotDate(String),
    /// Not a list (of anything but text).
    NotArray(String),
    /// Not one of the names this field allows (the value, the allowed names).
    NotOneOf(String, String),
    /// Not a record id (a version-4 UUID). (registers, read only with the `registers` feature)
    #[cfg(feature = "registers")]
    NotId(String),
    /// An id or item used twice where each must be once. (registers, read only with the `registers` feature)
    #[cfg(feature = "registers")]
    DuplicateId,
    /// A reference to a record this file does not have, or one of another kind. (registers, read only with the `registers` feature)
    #[cfg(feature = "registers")]
    UnknownRecord(String),
    /// Not a whole number in the range (the value, the lowest, the highest). (registers, read only with the `registers` feature)
    #[cfg(feature = "registers")]
    NotInRange(String, u64, u64),
    /// An item that is not an Annex A control where only controls are allowed. (registers, read only with the `registers` feature)
    #[cfg(feature = "registers")]
    NotControl(String),
    /// Not a SHA-256 in lowercase hexadecimal. (registers, read only with the `registers` feature)
    #[cfg(feature = "registers")]
    NotHash(String),
    /// Registers in a build that does not open them.
    RegistersNotOpened,
    /// Registers a build that reads them refused: its problems, in English.
    RegistersRefused(String),
}

impl Problem {
    /// The message text in `texts`' language and the values for its placeholders.
    pub fn message(&self, texts: Texts) -> (&'static str, Vec<(&'static str, String)>) {
        use Problem::*;
        let v = |s: &String| vec![("value", s.clone())];
        match self {
            TooLarge(kb, max_kb) => (
                texts.problem_too_large(),
                vec![("kb", kb.to_string()), ("max", max_kb.to_string())],
            ),
            NotJson(detail, line, column) => (
                texts.problem_not_json(),
                vec![
                    ("detail", detail.text(texts).to_owned()),
                    ("line", line.to_string()),
                    ("column", column.to_string()),
                ],
            ),
            Unreadable => (texts.problem_unreadable(), vec![]),
            UnknownField => (texts.problem_unknown_field(), vec![]),
            Missing => (texts.problem_missing(), vec![]),
            TooLong(max) => (texts.problem_too_long(), vec![("max", max.to_string())]),
            Empty => (texts.problem_empty(), vec![]),
            NotObject(s) => (texts.problem_not_object(), v(s)),
            NotText(s) => (texts.problem_not_text(), v(s)),
            NotTimestamp(s) => (texts.problem_not_timestamp(), v(s)),
            NotBool(s) => (texts.problem_not_bool(), v(s)),
            NoFormat => (texts.problem_no_format(), vec![]),
            OtherFormat(s) => (
                texts.problem_other_format(),
                vec![("value", s.clone()), ("format", FORMAT.to_owned())],
            ),
            NewerFormat(s) => (
                texts.problem_newer_format(),
                vec![
                    ("value", s.clone()),
                    ("version", FORMAT_VERSION.to_string()),
                ],
            ),
            UnsupportedFormat(s) => (
                texts.problem_unsupported_format(),
                vec![
                    ("value", s.clone()),
                    ("version", FORMAT_VERSION.to_string()),
                ],
            ),
            OtherCatalog(s, ours) => (
                texts.problem_other_catalog(),
                vec![("value", s.clone()), ("ours", ours.clone())],
            ),
            NewerCatalog(found, ours) => (
                texts.problem_newer_catalog(),
                vec![("value", found.to_string()), ("ours", ours.to_string())],
            ),
            CatalogVersion(ours) => (
                texts.problem_catalog_version(),
                vec![("ours", ours.to_string())],
            ),
            UnknownItem(title) => (
                texts.problem_unknown_item(),
                vec![("catalog", title.clone())],
            ),
            UnknownDocument => (texts.problem_unknown_document(), vec![]),
            NotLevel(s) => (texts.problem_not_level(), v(s)),
            EstimateWithoutLevel => (texts.problem_estimate_without_level(), vec![]),
            NotTarget(s, min) => (
                texts.problem_not_target(),
                vec![("value", s.clone()), ("min", min.to_string())],
            ),
            NotWeight(s) => (texts.problem_not_weight(), v(s)),
            ClauseExcluded => (texts.problem_clause_excluded(), vec![]),
            TooMuchEvidence(n, max) => (
                texts.problem_too_much_evidence(),
                vec![("n", n.to_string()), ("max", max.to_string())],
            ),
            NotList(s) => (texts.problem_not_list(), v(s)),
            NotArray(s) => (texts.problem_not_array(), v(s)),
            NotOneOf(s, allowed) => (
                texts.problem_not_one_of(),
                vec![("value", s.clone()), ("allowed", allowed.clone())],
            ),
            NotDate(s) => (texts.problem_not_date(), v(s)),
            #[cfg(feature = "registers")]
            NotId(s) => (texts.problem_not_id(), v(s)),
            #[cfg(feature = "registers")]
            DuplicateId => (texts.problem_duplicate_id(), vec![]),
            #[cfg(feature = "registers")]
            UnknownRecord(s) => (texts.problem_unknown_record(), v(s)),
            #[cfg(feature = "registers")]
            NotInRange(s, min, max) => (
                texts.problem_not_in_range(),
                vec![
                    ("value", s.clone()),
                    ("min", min.to_string()),
                    ("max", max.to_string()),
                ],
            ),
            #[cfg(feature = "registers")]
            NotControl(s) => (texts.problem_not_control(), v(s)),
            #[cfg(feature = "registers")]
            NotHash(s) => (texts.problem_not_hash(), v(s)),
            RegistersNotOpened => (texts.problem_registers_not_opened(), vec![]),
            RegistersRefused(detail) => (
                texts.problem_registers_refused(),
                vec![("detail", detail.clone())],
            ),
        }
    }
}

impl Problem {
    /// The problem in `texts`' language.
    pub fn describe(&self, texts: Texts) -> String {
        let (text, args) = self.message(texts);
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        texts.tf(text, &args)
    }
}

/// In English, as `aims-score` prints it; the app shows [`ImportError::describe`] in the
/// person's language.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Texts::ENGLISH))
    }
}

/// An object's members (a repeated key was already reduced to its last value).
pub(crate) type Members = Map<String, Value>;

pub(crate) fn get<'v>(object: &'v Members, key: &str) -> Option<&'v Value> {
    object.get(key)
}

/// The problems found so far.
#[derive(Default)]
pub(crate) struct Problems {
    errors: Vec<ImportError>,
}

impl Problems {
    /// How many problems have been found so far.
    #[cfg(feature = "registers")]
    pub(crate) fn count(&self) -> usize {
        self.errors.len()
    }

    pub(crate) fn add(&mut self, path: &str, problem: Problem) {
        self.errors.push(ImportError {
            path: path.to_owned(),
            problem,
        });
    }

    /// Reports keys of `object` that are not in `known`.
    pub(crate) fn unknown_keys(&mut self, path: &str, object: &Members, known: &[&str]) {
        for key in object.keys().filter(|k| !known.contains(&k.as_str())) {
            self.add(&join(path, key), Problem::UnknownField);
        }
    }

    pub(crate) fn object<'v>(
        &mut self,
        path: &str,
        value: Option<&'v Value>,
    ) -> Option<&'v Members> {
        match value {
            Some(Value::Object(members)) => Some(members),
            Some(other) => {
                self.add(path, Problem::NotObject(show(other)));
                None
            }
            None => {
                self.add(path, Problem::Missing);
                None
            }
        }
    }

    pub(crate) fn text(
        &mut self,
        path: &str,
        value: Option<&Value>,
        max: usize,
        required: bool,
    ) -> String {
        match value {
            Some(Value::String(s)) if s.chars().count() > max => {
                self.add(path, Problem::TooLong(max));
                String::new()
            }
            Some(Value::String(s)) if required && s.trim().is_empty() => {
                self.add(path, Problem::Empty);
                String::new()
            }
            Some(Value::String(s)) => s.clone(),
            None if !required => String::new(),
            None => {
                self.add(path, Problem::Missing);
                String::new()
            }
            Some(other) => {
                self.add(path, Problem::NotText(show(other)));
                String::new()
            }
        }
    }

    fn timestamp(&mut self, path: &str, value: Option<&Value>) -> Option<Timestamp> {
        let parsed = value.and_then(Value::as_str).and_then(Timestamp::parse);
        match value {
            None => self.add(path, Problem::Missing),
            Some(v) if parsed.is_none() => self.add(path, Problem::NotTimestamp(show(v))),
            Some(_) => {}
        }
        parsed
    }

    /// A list of non-blank texts at `path` (absent: empty), each with its path.
    pub(crate) fn texts(
        &mut self,
        path: &str,
        value: Option<&Value>,
        max: usize,
    ) -> Vec<(String, String)> {
        match value {
            None => Vec::new(),
            Some(Value::Array(list)) => list
                .iter()
                .enumerate()
                .map(|(i, entry)| {
                    let at = format!("{path}[{i}]");
                    let text = self.text(&at, Some(entry), max, true);
                    (at, text)
                })
                .collect(),
            Some(other) => {
                self.add(path, Problem::NotList(show(other)));
                Vec::new()
            }
        }
    }

    pub(crate) fn boolean(&mut self, path: &str, value: Option<&Value>, default: bool) -> bool {
        match value {
            None => default,
            Some(Value::Bool(b)) => *b,
            Some(other) => {
                self.add(path, Problem::NotBool(show(other)));
                default
            }
        }
    }
}

pub(crate) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

/// A short rendering of a value for messages (long values are cut).
pub(crate) fn show(value: &Value) -> String {
    let text = value::compact(value);
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
        problem: Problem::TooLarge(len.div_ceil(1024), MAX_IMPORT_BYTES / 1024),
    })
}

/// An import that succeeded, with what the person should be told about it.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// The assessment read.
    pub assessment: Assessment,
    /// Ids of the items whose target was 1 or 2 in the file and now reads as 3 (targets
    /// below the audit bar are no longer possible); nothing else changed.
    pub raised_targets: Vec<String>,
}

/// Reads an export. Returns the assessment, or every problem found.
pub fn import(catalog: &Catalog, bytes: &[u8]) -> Result<Assessment, Vec<ImportError>> {
    import_with_notices(catalog, bytes).map(|i| i.assessment)
}

/// Reads an export like [`import`], and also says which targets were raised to 3.
pub fn import_with_notices(catalog: &Catalog, bytes: &[u8]) -> Result<Imported, Vec<ImportError>> {
    read(catalog, bytes, Registers::Check)
}

/// Reads an export like [`import_with_notices`], taking its registers as they are: for
/// text whose registers were checked before, by a build that reads them (the app's
/// reports module, `aims-score`) or by this import when it was saved. Everything else
/// is checked as always. A build without the `registers` feature keeps registers this
/// way, without reading them, and writes them back unchanged.
pub fn import_keeping(catalog: &Catalog, bytes: &[u8]) -> Result<Imported, Vec<ImportError>> {
    read(catalog, bytes, Registers::Keep)
}

/// What an import does with a file's registers.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Registers {
    /// Checks and reads them (with the `registers` feature), or refuses them (without).
    Check,
    /// Takes them as they are.
    Keep,
}

fn read(
    catalog: &Catalog,
    bytes: &[u8],
    registers: Registers,
) -> Result<Imported, Vec<ImportError>> {
    if let Some(problem) = too_large(bytes.len()) {
        return Err(vec![problem]);
    }
    // A byte-order mark (Windows editors write one) is not part of the JSON text.
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let root = value::parse(bytes).map_err(|e| {
        vec![ImportError {
            path: String::new(),
            problem: Problem::NotJson(e.message, e.line, e.column),
        }]
    })?;
    let mut p = Problems::default();
    let (version, kept) = check_root(catalog, &root, &mut p, registers);
    if !p.errors.is_empty() {
        return Err(p.errors);
    }
    convert(catalog, version, root, kept)
}

/// A checked file as an assessment: version 1 and 2 files are first rewritten into
/// version 3's shape, so one set of types reads them all; the registers were taken by
/// the checks. Items' free-text evidence references become evidence records
/// ([`evidence_refs`]), refused only when the register would hold more than
/// [`MAX_RECORDS`].
fn convert(
    catalog: &Catalog,
    version: u64,
    mut root: Value,
    mut kept: Kept,
) -> Result<Imported, Vec<ImportError>> {
    // The checks above let through only what the format types accept; this is a
    // safety net, not an expected path.
    let unreadable = || {
        vec![ImportError {
            path: String::new(),
            problem: Problem::Unreadable,
        }]
    };
    let raised_targets = if version == 1 {
        v1::as_version_2(&mut root)
    } else {
        Vec::new()
    };
    if version < 3 {
        v3::documents_as_records(&mut root);
    }
    if let Some(a) = root.get_mut("assessment").and_then(Value::as_object_mut) {
        // The registers were taken by the checks; the format types only write them.
        for key in v3::REGISTER_KEYS {
            a.remove(key);
        }
        let problems = carry_over(catalog, a, &mut kept);
        if !problems.is_empty() {
            return Err(problems);
        }
    }
    let file: v3::File = serde_json::from_value(root).map_err(|_| unreadable())?;
    let mut assessment = file.into_assessment(catalog).ok_or_else(unreadable)?;
    assessment.registers = kept;
    Ok(Imported {
        assessment,
        raised_targets,
    })
}

/// What earlier builds kept as free text and the registers now hold, taken out of the
/// (checked) file's assessment `a` into `kept`: each item's evidence references become
/// evidence records linked to it ([`evidence_refs`], in catalog order), the profile's
/// AI system names systems of the register ([`system_names`]). The problems: a register
/// left without room, with the number of records it would have needed.
fn carry_over(catalog: &Catalog, a: &mut Map<String, Value>, kept: &mut Kept) -> Vec<ImportError> {
    let id = a
        .get("id")
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned();
    // The distinct references, and the names, that found no room.
    let mut refused: Vec<String> = Vec::new();
    let mut systems_refused = 0;
    if let Some(items) = a.get_mut("items").and_then(Value::as_object_mut) {
        for item in catalog.item_ids() {
            let answer = items.get_mut(&catalog.item(item).id);
            let taken = answer
                .and_then(Value::as_object_mut)
                .and_then(|a| a.remove("evidence"));
            let Some(Value::Array(texts)) = taken else {
                continue;
            };
            for text in texts.iter().filter_map(Value::as_str) {
                let full = evidence_refs::link(catalog, kept, &id, item, text).is_err();
                if full && !refused.iter().any(|r| r == text.trim()) {
                    refused.push(text.trim().to_owned());
                }
            }
        }
    }
    if let Some(profile) = a.get_mut("profile").and_then(Value::as_object_mut) {
        // The organization's first role (AI customer where it names none).
        let role = profile
            .get("roles")
            .and_then(|r| r.get(0))
            .and_then(Value::as_str);
        let role = role.unwrap_or("ai_customer").to_owned();
        if let Some(Value::Array(names)) = profile.remove("ai_systems") {
            for name in names.iter().filter_map(Value::as_str) {
                if system_names::add(kept, &id, name, &role).is_err() {
                    systems_refused += 1;
                }
            }
        }
    }
    let mut problems = Vec::new();
    for (path, n) in [
        ("assessment.evidence", refused.len()),
        ("assessment.ai_systems", systems_refused),
    ] {
        if n > 0 {
            problems.push(ImportError {
                path: path.to_owned(),
                problem: Problem::TooMuchEvidence(MAX_RECORDS + n, MAX_RECORDS),
            });
        }
    }
    problems
}

/// Checks the file as a whole; returns the format version to read it as (the current
/// one when the version itself is wrong, so every other problem is still reported) and
/// the registers taken.
fn check_root(
    catalog: &Catalog,
    root: &Value,
    p: &mut Problems,
    registers: Registers,
) -> (u64, Kept) {
    let mut version = u64::from(FORMAT_VERSION);
    let Some(root) = p.object("", Some(root)) else {
        return (version, Kept::default());
    };
    match get(root, "format") {
        Some(Value::String(f)) if f == FORMAT => {}
        Some(other) => p.add("format", Problem::OtherFormat(show(other))),
        None => p.add("format", Problem::NoFormat),
    }
    match get(root, "format_version") {
        // Every version up to the current one keeps importing (docs/export-format.md).
        Some(v) if value::whole(v).is_some_and(|n| (1..=version).contains(&n)) => {
            version = value::whole(v).unwrap_or(version);
        }
        Some(v) if value::whole(v).is_some_and(|n| n > u64::from(FORMAT_VERSION)) => {
            p.add("format_version", Problem::NewerFormat(show(v)))
        }
        Some(v) => p.add("format_version", Problem::UnsupportedFormat(show(v))),
        None => p.add("format_version", Problem::Missing),
    }
    // `generator` (what wrote the file) from version 3; informative only.
    let fields = [
        "format",
        "format_version",
        "catalog",
        "assessment",
        "generator",
    ];
    p.unknown_keys("", root, &fields[..if version >= 3 { 5 } else { 4 }]);
    if version >= 3 {
        p.text(
            "generator",
            get(root, "generator"),
            MAX_GENERATOR_CHARS,
            false,
        );
    }
    if let Some(cat) = p.object("catalog", get(root, "catalog")) {
        p.unknown_keys("catalog", cat, &["id", "version"]);
        match get(cat, "id") {
            Some(Value::String(id)) if *id == catalog.id => {}
            Some(other) => p.add(
                "catalog.id",
                Problem::OtherCatalog(show(other), catalog.id.clone()),
            ),
            None => p.add("catalog.id", Problem::Missing),
        }
        match get(cat, "version").and_then(value::whole) {
            // Catalog versions only ever add documents or reword texts; ids stay, so
            // files made with an earlier one read as they were.
            Some(v) if (1..=u64::from(catalog.version)).contains(&v) => {}
            Some(v) if v > u64::from(catalog.version) => {
                p.add("catalog.version", Problem::NewerCatalog(v, catalog.version))
            }
            _ => p.add("catalog.version", Problem::CatalogVersion(catalog.version)),
        }
    }
    let kept = match p.object("assessment", get(root, "assessment")) {
        Some(body) => check_assessment(catalog, version, body, p, registers),
        None => Kept::default(),
    };
    (version, kept)
}

/// The fields of `assessment`; the three before `soa` only from version 2, `soa` and
/// the registers only from version 3.
const ASSESSMENT_FIELDS: [&str; 15] = [
    "id",
    "name",
    "organization",
    "created",
    "updated",
    "items",
    "documents",
    "profile",
    "additional_controls",
    "prepared_by",
    "soa",
    v3::REGISTER_KEYS[0],
    v3::REGISTER_KEYS[1],
    v3::REGISTER_KEYS[2],
    v3::REGISTER_KEYS[3],
];

/// Checks the assessment object; returns its registers (version 3; none before).
fn check_assessment(
    catalog: &Catalog,
    version: u64,
    a: &Members,
    p: &mut Problems,
    registers: Registers,
) -> Kept {
    let fields = match version {
        1 => &ASSESSMENT_FIELDS[..7],
        2 => &ASSESSMENT_FIELDS[..10],
        _ => &ASSESSMENT_FIELDS[..],
    };
    p.unknown_keys("assessment", a, fields);
    p.text("assessment.id", get(a, "id"), MAX_NAME_CHARS, true);
    p.text("assessment.name", get(a, "name"), MAX_NAME_CHARS, false);
    p.text(
        "assessment.organization",
        get(a, "organization"),
        MAX_NAME_CHARS,
        false,
    );
    p.timestamp("assessment.created", get(a, "created"));
    p.timestamp("assessment.updated", get(a, "updated"));
    if let Some(items) = get(a, "items").and_then(|v| p.object("assessment.items", Some(v))) {
        for (key, value) in items {
            let item_path = format!("assessment.items.{key}");
            match catalog.find_item(key) {
                Some(item) => check_answer(&item_path, version, catalog.item(item).kind, value, p),
                None => p.add(&item_path, Problem::UnknownItem(catalog.title.clone())),
            }
        }
    }
    if let Some(docs) = get(a, "documents").and_then(|v| p.object("assessment.documents", Some(v)))
    {
        for (key, value) in docs {
            let doc_path = format!("assessment.documents.{key}");
            match catalog.find_document(key) {
                Some(_) if version >= 3 => check_document(&doc_path, value, p),
                Some(_) => {
                    p.boolean(&doc_path, Some(value), false);
                }
                None => p.add(&doc_path, Problem::UnknownDocument),
            }
        }
    }
    p.text(
        "assessment.prepared_by",
        get(a, "prepared_by"),
        MAX_NAME_CHARS,
        false,
    );
    check_profile(catalog, get(a, "profile"), p);
    check_additional(get(a, "additional_controls"), p);
    if let Some(soa) = get(a, "soa") {
        check_approval(
            "assessment.soa",
            soa,
            &["approver", "approved", "version"],
            p,
        );
    }
    if version < 3 {
        return Kept::default();
    }
    if registers == Registers::Keep {
        // Taken as they are; an empty register is written as none.
        let empty = |v: &&Value| v.is_null() || v.as_array().is_some_and(Vec::is_empty);
        return Kept(v3::REGISTER_KEYS.map(|k| get(a, k).filter(|v| !empty(v)).cloned()));
    }
    #[cfg(feature = "registers")]
    {
        let read = crate::format::registers::read(catalog, a, p);
        Kept(crate::format::registers::write(catalog, &read))
    }
    // This build does not read registers: a file that has them is refused, never read
    // without them (they would be lost at the next save).
    #[cfg(not(feature = "registers"))]
    {
        for key in v3::REGISTER_KEYS.iter().filter(|k| a.contains_key(**k)) {
            p.add(&join("assessment", key), Problem::RegistersNotOpened);
        }
        Kept::default()
    }
}

/// A version-3 document: `{present, version, approved}`.
fn check_document(path: &str, value: &Value, p: &mut Problems) {
    check_approval(path, value, &["present", "version", "approved"], p);
    if let Value::Object(o) = value {
        p.boolean(&join(path, "present"), get(o, "present"), false);
    }
}

/// An object with `fields` of which `approver` and `version` are short texts and
/// `approved` a date or `null` (a document's record, the SoA's approval).
fn check_approval(path: &str, value: &Value, fields: &[&str], p: &mut Problems) {
    let Some(o) = p.object(path, Some(value)) else {
        return;
    };
    p.unknown_keys(path, o, fields);
    for text in ["approver", "version"] {
        if fields.contains(&text) {
            p.text(&join(path, text), get(o, text), MAX_NAME_CHARS, false);
        }
    }
    optional_date(&join(path, "approved"), get(o, "approved"), p);
}

/// A date `YYYY-MM-DD`, `null` or absent.
pub(crate) fn optional_date(path: &str, value: Option<&Value>, p: &mut Problems) {
    match value {
        None | Some(Value::Null) => {}
        Some(v) => {
            if v.as_str().and_then(Date::parse).is_none() {
                p.add(path, Problem::NotDate(show(v)));
            }
        }
    }
}

/// A text as messages quote values from the file (short JSON).
pub(crate) fn quoted(text: &str) -> String {
    show(&Value::String(text.to_owned()))
}

/// A list of names from a fixed set: `parse` knows them, `all` lists them for messages.
fn check_names<T>(
    p: &mut Problems,
    path: &str,
    value: Option<&Value>,
    parse: fn(&str) -> Option<T>,
    all: &[&str],
) {
    for (at, name) in p.texts(path, value, MAX_NAME_CHARS) {
        // A blank entry is reported by `texts` already.
        if !name.is_empty() && parse(&name).is_none() {
            p.add(&at, Problem::NotOneOf(quoted(&name), all.join(", ")));
        }
    }
}

fn check_profile(catalog: &Catalog, value: Option<&Value>, p: &mut Problems) {
    let Some(o) = value.and_then(|v| p.object("assessment.profile", Some(v))) else {
        return;
    };
    const PATH: &str = "assessment.profile";
    p.unknown_keys(
        PATH,
        o,
        &[
            "roles",
            "ai_systems",
            "scope_note",
            "management_systems",
            "declined_suggestions",
        ],
    );
    check_names(
        p,
        &join(PATH, "roles"),
        get(o, "roles"),
        AiRole::parse,
        &AiRole::ALL.map(AiRole::as_str),
    );
    p.texts(
        &join(PATH, "ai_systems"),
        get(o, "ai_systems"),
        MAX_NAME_CHARS,
    );
    p.text(
        &join(PATH, "scope_note"),
        get(o, "scope_note"),
        MAX_TEXT_CHARS,
        false,
    );
    check_names(
        p,
        &join(PATH, "management_systems"),
        get(o, "management_systems"),
        ManagementSystem::parse,
        &ManagementSystem::ALL.map(ManagementSystem::as_str),
    );
    for (at, id) in p.texts(
        &join(PATH, "declined_suggestions"),
        get(o, "declined_suggestions"),
        MAX_NAME_CHARS,
    ) {
        if !id.is_empty() && catalog.find_item(&id).is_none() {
            p.add(&at, Problem::UnknownItem(catalog.title.clone()));
        }
    }
}

fn check_additional(value: Option<&Value>, p: &mut Problems) {
    const PATH: &str = "assessment.additional_controls";
    let list = match value {
        None => return,
        Some(Value::Array(list)) => list,
        Some(other) => {
            p.add(PATH, Problem::NotArray(show(other)));
            return;
        }
    };
    for (i, entry) in list.iter().enumerate() {
        let at = format!("{PATH}[{i}]");
        let Some(o) = p.object(&at, Some(entry)) else {
            continue;
        };
        p.unknown_keys(
            &at,
            o,
            &["id", "title", "source", "status", "owner", "reason"],
        );
        let field = |k: &str| format!("{at}.{k}");
        p.text(&field("id"), get(o, "id"), MAX_NAME_CHARS, true);
        p.text(&field("title"), get(o, "title"), MAX_NAME_CHARS, true);
        p.text(&field("source"), get(o, "source"), MAX_NAME_CHARS, false);
        p.text(&field("owner"), get(o, "owner"), MAX_NAME_CHARS, false);
        p.text(&field("reason"), get(o, "reason"), MAX_TEXT_CHARS, false);
        match get(o, "status") {
            None | Some(Value::Null) => {}
            Some(v) => {
                if value::whole(v)
                    .and_then(MaturityLevel::from_number)
                    .is_none()
                {
                    p.add(&field("status"), Problem::NotLevel(show(v)));
                }
            }
        }
    }
}

/// The fields of an item; `reused` (the last) only from version 2.
const ITEM_FIELDS: [&str; 11] = [
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
    "reused",
];

/// Checks one item's answer.
fn check_answer(path: &str, version: u64, kind: ItemKind, value: &Value, p: &mut Problems) {
    let Some(o) = p.object(path, Some(value)) else {
        return;
    };
    let fields = if version == 1 {
        &ITEM_FIELDS[..10]
    } else {
        &ITEM_FIELDS[..]
    };
    p.unknown_keys(path, o, fields);
    let at = |field: &str| format!("{path}.{field}");
    let level = match get(o, "maturity") {
        None | Some(Value::Null) => None,
        Some(v) => {
            let level = value::whole(v).and_then(MaturityLevel::from_number);
            if level.is_none() {
                p.add(&at("maturity"), Problem::NotLevel(show(v)));
            }
            level
        }
    };
    let estimate = p.boolean(&at("estimate"), get(o, "estimate"), false);
    p.boolean(&at("reused"), get(o, "reused"), false);
    if estimate && level.is_none() {
        p.add(&at("estimate"), Problem::EstimateWithoutLevel);
    }
    if let Some(v) = get(o, "target") {
        // Version 1 allowed targets 1–5 (1 and 2 now read as 3); version 2 allows 3–5.
        let valid = match version {
            1 => value::whole(v)
                .and_then(TargetLevel::from_v1_number)
                .is_some(),
            _ => value::whole(v).and_then(TargetLevel::from_number).is_some(),
        };
        if !valid {
            p.add(
                &at("target"),
                Problem::NotTarget(show(v), if version == 1 { 1 } else { 3 }),
            );
        }
    }
    if let Some(v) = get(o, "weight") {
        if value::fixed(v, 2)
            .and_then(Weight::from_hundredths)
            .is_none()
        {
            p.add(&at("weight"), Problem::NotWeight(show(v)));
        }
    }
    let excluded = !p.boolean(&at("applicable"), get(o, "applicable"), true);
    if excluded && kind == ItemKind::Clause {
        p.add(&at("applicable"), Problem::ClauseExcluded);
    }
    p.text(
        &at("justification"),
        get(o, "justification"),
        MAX_TEXT_CHARS,
        false,
    );
    p.text(&at("notes"), get(o, "notes"), MAX_TEXT_CHARS, false);
    p.text(&at("owner"), get(o, "owner"), MAX_NAME_CHARS, false);
    match get(o, "evidence") {
        Some(Value::Array(list)) if list.len() > MAX_EVIDENCE => p.add(
            &at("evidence"),
            Problem::TooMuchEvidence(list.len(), MAX_EVIDENCE),
        ),
        evidence => {
            p.texts(&at("evidence"), evidence, MAX_TEXT_CHARS);
        }
    }
    optional_date(&at("due"), get(o, "due"), p);
}
