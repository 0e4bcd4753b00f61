//! The audit pack: one `.zip` an organization hands its auditor, and the checks that
//! open one safely (docs/audit-pack.md).
//!
//! A pack holds the assessment in the current export format, its Statement of
//! Applicability and action plan as CSV, the OSCAL assessment results, a printable
//! report as HTML, and `manifest.json` listing every other file with its size and
//! SHA-256. [`build`] writes one (the same bytes for the same assessment and day: no
//! clock or random value goes in); [`open`] reads one back and refuses, with its own
//! error, anything hostile: a path that climbs out or is absolute, a name twice, more
//! entries or bigger files than allowed, an entry that inflates beyond what it declares
//! (a zip bomb), a file the manifest does not list or lists with another size or hash,
//! and an assessment the importer refuses.
//!
//! Evidence files go in with the records that keep them ([`EvidenceFile`]): once each,
//! under the folder of the first clause or control the record supports, the manifest
//! naming the record and every item it supports; [`open`] checks each against its
//! record byte for byte.
#![deny(missing_docs)]

mod evidence;
mod html;
mod manifest;
mod read;
mod zip;

pub use evidence::{kept_files, EvidenceFile};
pub use html::report_html;
pub use manifest::{Manifest, ManifestAssessment, ManifestFile, Role, FORMAT, FORMAT_VERSION};
pub use read::{open, Limits, Opened, LIMITS};

use aims_engine::reports::{oscal, plan, soa};
use aims_engine::text::messages::Texts;
use aims_engine::{export, score, Assessment, Catalog, Date};
use sha2::{Digest, Sha256};
use std::fmt;

/// The manifest's name in the pack.
pub const MANIFEST: &str = "manifest.json";

/// Why a pack could not be written or opened: each says what and where, for a person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PackError {
    /// Not a zip file, or a damaged one (the zip reader's words).
    NotZip(String),
    /// More entries than a pack may have.
    TooManyEntries {
        /// Entries in the file.
        count: usize,
        /// The most allowed.
        limit: usize,
    },
    /// A name that climbs out of the pack (`../`), is absolute, or is not a plain
    /// relative path.
    UnsafePath(String),
    /// The same name twice.
    DuplicateName(String),
    /// A file bigger than allowed (by what it declares).
    TooLarge {
        /// The file.
        path: String,
        /// Its declared size, in bytes.
        size: u64,
        /// The most allowed, in bytes.
        limit: u64,
    },
    /// All files together bigger than allowed.
    TotalTooLarge {
        /// The most allowed, in bytes.
        limit: u64,
    },
    /// A file that inflates to more than it declares: a zip bomb, or a forged header.
    Inflates(String),
    /// A file the zip reader could not read to its end (damaged, a wrong checksum).
    Damaged {
        /// The file.
        path: String,
        /// The zip reader's words.
        reason: String,
    },
    /// No `manifest.json`.
    NoManifest,
    /// A manifest that is not one (its problem).
    BadManifest(String),
    /// A file the manifest lists that is not in the pack.
    Missing(String),
    /// A file in the pack the manifest does not list.
    Unlisted(String),
    /// A file whose size is not the one listed.
    SizeMismatch {
        /// The file.
        path: String,
        /// The size the manifest lists.
        listed: u64,
        /// Its size.
        actual: u64,
    },
    /// A file whose SHA-256 is not the one listed (changed since the pack was made).
    HashMismatch(String),
    /// The pack has no assessment, or one the importer refuses (its problems).
    Assessment(Vec<String>),
    /// Writing the zip failed (the writer's words).
    Write(String),
    /// An evidence file for a record (its id) the assessment does not have, or one that
    /// keeps no file.
    EvidenceUnknown(String),
    /// An evidence file that is not the one its record (its id) keeps: another size or
    /// SHA-256.
    EvidenceMismatch(String),
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use PackError::*;
        match self {
            NotZip(why) => write!(f, "this is not a zip file, or it is damaged ({why})"),
            TooManyEntries { count, limit } => write!(
                f,
                "the pack has {count} entries; at most {limit} are accepted"
            ),
            UnsafePath(path) => write!(
                f,
                "the pack names a file \"{path}\" outside its own folders (an absolute path, \"..\", or a backslash); nothing was read"
            ),
            DuplicateName(path) => write!(f, "the pack holds \"{path}\" twice"),
            TooLarge { path, size, limit } => write!(
                f,
                "\"{path}\" is {} MB; a file in a pack may be at most {} MB",
                mb(*size),
                mb(*limit)
            ),
            TotalTooLarge { limit } => write!(
                f,
                "the pack's files come to more than {} MB together, the most accepted",
                mb(*limit)
            ),
            Inflates(path) => write!(
                f,
                "\"{path}\" unpacks to more than it declares (a zip bomb or a forged header); nothing was read"
            ),
            Damaged { path, reason } => write!(
                f,
                "\"{path}\" cannot be read: it is damaged, or its header lies about its size ({reason}); nothing was read"
            ),
            NoManifest => write!(f, "the pack has no {MANIFEST}: it was not made by aims-readiness"),
            BadManifest(why) => write!(f, "the pack's {MANIFEST} is not valid: {why}"),
            Missing(path) => write!(f, "{MANIFEST} lists \"{path}\", which is not in the pack"),
            Unlisted(path) => write!(f, "\"{path}\" is in the pack but not in {MANIFEST}"),
            SizeMismatch { path, listed, actual } => write!(
                f,
                "\"{path}\" is {actual} bytes; {MANIFEST} says {listed}: it changed after the pack was made"
            ),
            HashMismatch(path) => write!(
                f,
                "\"{path}\" does not match its SHA-256 in {MANIFEST}: it changed after the pack was made"
            ),
            Assessment(problems) => {
                write!(f, "the pack's assessment cannot be imported: {}", problems.join("; "))
            }
            Write(why) => write!(f, "the pack could not be written ({why})"),
            EvidenceUnknown(id) => write!(
                f,
                "a file is given for the evidence record \"{id}\", which the assessment does not have or which keeps no file"
            ),
            EvidenceMismatch(id) => write!(
                f,
                "the file of the evidence record \"{id}\" is not the one the record names (another size or SHA-256)"
            ),
        }
    }
}

impl std::error::Error for PackError {}

/// Bytes as megabytes, one decimal, for messages.
fn mb(bytes: u64) -> String {
    let tenths = bytes.saturating_mul(10) / (1024 * 1024);
    format!("{}.{}", tenths / 10, tenths % 10)
}

/// The lowercase hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// Bytes as lowercase hex.
fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The files of a pack for `a` (without the manifest), in the order they are written:
/// the export, the SoA and action plan (CSV, English, the plan's overdue steps counted
/// against `today`), the OSCAL assessment results, the printable report, and each
/// register that has records (CSV, under `registers/`). Evidence files follow them
/// ([`build`]).
pub fn files(catalog: &Catalog, a: &Assessment, today: Date) -> Vec<(String, Role, Vec<u8>)> {
    let report = score(catalog, a, today);
    let registers = aims_engine::reports::registers_csv::csv(catalog, a);
    let mut files = vec![
        (
            "assessment.json".into(),
            Role::Assessment,
            export(catalog, a).into_bytes(),
        ),
        (
            "statement-of-applicability.csv".into(),
            Role::Soa,
            soa::csv(catalog, a, today, Texts::ENGLISH).into_bytes(),
        ),
        (
            "action-plan.csv".into(),
            Role::Plan,
            plan::csv(catalog, a, &report, today, Texts::ENGLISH).into_bytes(),
        ),
        (
            "oscal-assessment-results.json".into(),
            Role::Oscal,
            oscal::assessment_results(catalog, a).into_bytes(),
        ),
        (
            "report.html".into(),
            Role::Report,
            report_html(catalog, a, &report, today).into_bytes(),
        ),
    ];
    let names = ["ai-systems", "risks", "evidence"];
    for (name, text) in names.iter().zip(registers) {
        if let Some(text) = text {
            files.push((
                format!("registers/{name}.csv"),
                Role::Register,
                text.into_bytes(),
            ));
        }
    }
    files
}

/// Writes the audit pack for `a` as of `today`: its [`files`], the `evidence` files
/// (each the file of one of its evidence records, byte for byte), and a manifest listing
/// each with its size and SHA-256. The same bytes as a [`Writer`] given the same files.
pub fn build(
    catalog: &Catalog,
    a: &Assessment,
    today: Date,
    evidence: &[EvidenceFile],
) -> Result<Vec<u8>, PackError> {
    let (mut writer, mut out) = Writer::start(catalog, a, today)?;
    for f in evidence {
        out.extend(writer.evidence(f.record, f.bytes)?);
        out.extend_from_slice(f.bytes);
    }
    out.extend(writer.finish()?);
    Ok(out)
}

/// An audit pack written piece by piece, for evidence files too large to hold together
/// (the browser's pack: each file is read, checked and handed on, one at a time). The
/// pieces, in order: what [`Writer::start`] gives, then for each evidence file what
/// [`Writer::evidence`] gives followed by the file's own bytes, then what
/// [`Writer::finish`] gives.
#[derive(Debug)]
pub struct Writer<'c> {
    zip: zip::Writer,
    manifest: Manifest,
    /// The evidence records keeping a file.
    records: Vec<aims_engine::model::registers::Evidence>,
    catalog: &'c Catalog,
}

impl<'c> Writer<'c> {
    /// Starts the pack of `a` as of `today`: its [`files`], as the pack's first bytes.
    pub fn start(
        catalog: &'c Catalog,
        a: &Assessment,
        today: Date,
    ) -> Result<(Writer<'c>, Vec<u8>), PackError> {
        let mut writer = Writer {
            zip: zip::Writer::default(),
            manifest: Manifest::new(a, today, Vec::new()),
            records: evidence::with_files(catalog, a),
            catalog,
        };
        let mut out = Vec::new();
        for (path, role, bytes) in files(catalog, a, today) {
            out.extend(writer.zip.entry(&path, &bytes)?);
            writer.manifest.files.push(listed(path, role, &bytes));
        }
        Ok((writer, out))
    }

    /// The evidence records whose files the pack is to hold: each record's id and its
    /// file's SHA-256.
    pub fn wanted(&self) -> Vec<(String, String)> {
        self.records
            .iter()
            .filter_map(|e| Some((e.id.as_str().to_owned(), e.file.as_ref()?.sha256.clone())))
            .collect()
    }

    /// Adds the file `bytes` of the evidence record `record` (byte for byte the one it
    /// names, and at most once), stored as it is: the bytes to write before `bytes`.
    pub fn evidence(&mut self, record: &str, bytes: &[u8]) -> Result<Vec<u8>, PackError> {
        let mut incoming = self.begin(record)?;
        incoming.update(bytes);
        self.end(incoming)
    }

    /// Starts the file of the evidence record `record`, to be given in pieces
    /// ([`Incoming::update`]) and then ended ([`Writer::end`]): a file is never whole in
    /// memory, and the browser's page answers between pieces.
    pub fn begin(&self, record: &str) -> Result<Incoming, PackError> {
        if !self.records.iter().any(|e| e.id.as_str() == record) {
            return Err(PackError::EvidenceUnknown(record.to_owned()));
        }
        if self
            .manifest
            .files
            .iter()
            .any(|f| f.record.as_deref() == Some(record))
        {
            return Err(PackError::DuplicateName(record.to_owned()));
        }
        Ok(Incoming {
            record: record.to_owned(),
            sha256: Sha256::new(),
            crc: crc32fast::Hasher::new(),
            size: 0,
        })
    }

    /// Ends a file given in pieces: checked against its record (size and SHA-256), the
    /// bytes to write before its pieces.
    pub fn end(&mut self, incoming: Incoming) -> Result<Vec<u8>, PackError> {
        let Incoming {
            record,
            sha256,
            crc,
            size,
        } = incoming;
        let sha256 = hex(&sha256.finalize());
        let found = self
            .records
            .iter()
            .find(|e| e.id.as_str() == record)
            .ok_or_else(|| PackError::EvidenceUnknown(record.clone()))?;
        evidence::check(found, size, &sha256)?;
        let (path, supports) = evidence::placement(self.catalog, found);
        let header = self.zip.stored(&path, crc.finalize(), size)?;
        self.manifest.files.push(ManifestFile {
            path,
            role: Role::Evidence,
            size,
            sha256,
            record: Some(record),
            supports,
        });
        Ok(header)
    }

    /// The manifest and the zip's directory: the pack's last bytes.
    pub fn finish(mut self) -> Result<Vec<u8>, PackError> {
        let manifest = self.manifest.to_json();
        let mut out = self.zip.entry(MANIFEST, manifest.as_bytes())?;
        out.extend(self.zip.finish()?);
        Ok(out)
    }
}

/// An evidence file being given to a [`Writer`] in pieces.
#[derive(Clone, Debug)]
pub struct Incoming {
    record: String,
    sha256: Sha256,
    crc: crc32fast::Hasher,
    size: u64,
}

impl Incoming {
    /// The file's next bytes.
    pub fn update(&mut self, bytes: &[u8]) {
        self.sha256.update(bytes);
        self.crc.update(bytes);
        self.size += bytes.len() as u64;
    }
}

/// A file as the manifest lists it.
fn listed(path: String, role: Role, bytes: &[u8]) -> ManifestFile {
    ManifestFile {
        path,
        role,
        size: bytes.len() as u64,
        sha256: sha256_hex(bytes),
        record: None,
        supports: Vec::new(),
    }
}
