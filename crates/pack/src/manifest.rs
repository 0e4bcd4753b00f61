//! `manifest.json`: what a pack holds, each file with its size and SHA-256
//! (docs/audit-pack.schema.json; exactly as strict as [`Manifest::parse`]).

use aims_engine::{Assessment, Date};
use serde::{Deserialize, Serialize};

/// The manifest's `format`.
pub const FORMAT: &str = "aims-readiness/audit-pack";

/// The manifest's `format_version`.
pub const FORMAT_VERSION: u32 = 1;

/// What a file in the pack is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The assessment in the current export format.
    Assessment,
    /// The Statement of Applicability (CSV).
    Soa,
    /// The action plan (CSV).
    Plan,
    /// The OSCAL assessment results (JSON).
    Oscal,
    /// The printable report (HTML).
    Report,
    /// A register (CSV): the AI systems, the risks or the evidence records.
    Register,
    /// A file an evidence record keeps.
    Evidence,
}

/// One file of the pack.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManifestFile {
    /// Its path in the pack.
    pub path: String,
    /// What it is.
    pub role: Role,
    /// Its size in bytes.
    pub size: u64,
    /// Its SHA-256, 64 lowercase hex digits.
    pub sha256: String,
    /// For an evidence file (and only for one): the id of the evidence record keeping it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub record: Option<String>,
    /// For an evidence file: the clause requirements and controls its record supports
    /// (the file is under the first one's folder, once).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub supports: Vec<String>,
}

/// Which assessment the pack is of.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManifestAssessment {
    /// Its id.
    pub id: String,
    /// Its name.
    pub name: String,
    /// When it was last changed.
    pub updated: String,
}

/// The pack's manifest.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// [`FORMAT`].
    pub format: String,
    /// [`FORMAT_VERSION`].
    pub format_version: u32,
    /// The product and version that made it.
    pub generator: String,
    /// The day it was made (the action plan's overdue steps count against it).
    pub created: String,
    /// The assessment.
    pub assessment: ManifestAssessment,
    /// Every file but the manifest, in the order written.
    pub files: Vec<ManifestFile>,
}

impl Manifest {
    /// The manifest of a pack of `a` made on `today` holding `files`.
    pub fn new(a: &Assessment, today: Date, files: Vec<ManifestFile>) -> Manifest {
        Manifest {
            format: FORMAT.into(),
            format_version: FORMAT_VERSION,
            generator: aims_engine::GENERATOR.into(),
            created: today.to_string(),
            assessment: ManifestAssessment {
                id: a.id.clone(),
                name: a.name.clone(),
                updated: a.updated.as_str().into(),
            },
            files,
        }
    }

    /// The manifest as pretty JSON.
    pub fn to_json(&self) -> String {
        // Plain strings and numbers: serialising cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }

    /// Reads a manifest, as strictly as its schema: unknown fields, another format or
    /// version, a created day that is not a date, a hash that is not 64 lowercase hex
    /// digits, a file listed twice or with an empty path are refused (the reason).
    pub fn parse(bytes: &[u8]) -> Result<Manifest, String> {
        let m: Manifest = serde_json::from_slice(bytes).map_err(|e| e.to_string())?;
        if m.format != FORMAT {
            return Err(format!("its format is \"{}\", not \"{FORMAT}\"", m.format));
        }
        if m.format_version != FORMAT_VERSION {
            return Err(format!(
                "its format_version is {}; this version reads {FORMAT_VERSION}",
                m.format_version
            ));
        }
        if Date::parse(&m.created).is_none() {
            return Err(format!(
                "created \"{}\" is not a date (YYYY-MM-DD)",
                m.created
            ));
        }
        let mut seen = std::collections::HashSet::new();
        for f in &m.files {
            let hex = f.sha256.len() == 64
                && f.sha256
                    .bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
            if !hex {
                return Err(format!(
                    "the sha256 of \"{}\" is not 64 lowercase hex digits",
                    f.path
                ));
            }
            if (f.role == Role::Evidence) != f.record.is_some()
                || (f.role != Role::Evidence && !f.supports.is_empty())
            {
                return Err(format!(
                    "\"{}\": an evidence file, and only one, names its record (and what it supports)",
                    f.path
                ));
            }
            if f.path.is_empty() || !seen.insert(f.path.as_str()) {
                return Err(format!(
                    "\"{}\" is listed twice, or a path is empty",
                    f.path
                ));
            }
        }
        if !m.files.iter().any(|f| f.role == Role::Assessment) {
            return Err("it lists no assessment".into());
        }
        Ok(m)
    }
}
