//! Opening a pack: every entry is checked before anything is believed, and nothing is
//! written anywhere (the caller gets the files in memory, or the reason it got none).

use crate::zip::Archive;
use crate::{sha256_hex, Manifest, PackError, Role, MANIFEST};
use aims_engine::{import, Assessment, Catalog};
use std::collections::HashSet;

/// How much a pack may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// Entries, the manifest included.
    pub entries: usize,
    /// Bytes of one file, unpacked (an evidence file may be 50 MB).
    pub file: u64,
    /// Bytes of all files together, unpacked.
    pub total: u64,
}

/// The limits [`open`] is used with: 10,000 entries, 50 MB a file, 2 GB in all.
pub const LIMITS: Limits = Limits {
    entries: 10_000,
    file: 50 * 1024 * 1024,
    total: 2 * 1024 * 1024 * 1024,
};

/// A pack that passed every check.
#[derive(Clone, Debug)]
pub struct Opened {
    /// Its manifest.
    pub manifest: Manifest,
    /// Its assessment, imported.
    pub assessment: Assessment,
    /// Every file but the manifest, as listed: path and bytes.
    pub files: Vec<(String, Vec<u8>)>,
}

/// Whether `name` is a plain relative path inside the pack: segments of printable
/// characters separated by `/`, none empty, `.` or `..`, no backslash, no drive letter.
fn safe_path(name: &str) -> bool {
    !name.is_empty()
        && !name.contains('\\')
        && !name.chars().any(char::is_control)
        && name
            .split('/')
            .all(|s| !s.is_empty() && s != "." && s != ".." && !s.contains(':'))
}

/// Opens the pack `bytes` within `limits`: checks every entry's name and size, unpacks
/// each no further than it declares, checks the manifest and every listed file's size
/// and SHA-256, imports the assessment, and checks each evidence file against its record.
pub fn open(catalog: &Catalog, bytes: &[u8], limits: Limits) -> Result<Opened, PackError> {
    let zip = Archive::read(bytes, limits.entries)?;
    // Names and declared sizes first: nothing is unpacked from a pack that fails them.
    let mut names = HashSet::new();
    let mut total = 0u64;
    let entries: Vec<_> = zip
        .entries
        .iter()
        // A folder's own entry (a name ending in `/`, nothing in it): nothing to read.
        .filter(|e| !(e.name.ends_with('/') && e.size == 0))
        .collect();
    for entry in &entries {
        let name = &entry.name;
        if !safe_path(name) {
            return Err(PackError::UnsafePath(name.clone()));
        }
        if !names.insert(name.as_str()) {
            return Err(PackError::DuplicateName(name.clone()));
        }
        if entry.size > limits.file {
            return Err(PackError::TooLarge {
                path: name.clone(),
                size: entry.size,
                limit: limits.file,
            });
        }
        total = total.saturating_add(entry.size);
        if total > limits.total {
            return Err(PackError::TotalTooLarge {
                limit: limits.total,
            });
        }
    }
    let mut files: Vec<(String, Vec<u8>)> = Vec::with_capacity(entries.len());
    for entry in entries {
        files.push((entry.name.clone(), zip.contents(entry)?));
    }
    let manifest_at = files
        .iter()
        .position(|(n, _)| n == MANIFEST)
        .ok_or(PackError::NoManifest)?;
    let (_, manifest_bytes) = files.remove(manifest_at);
    let manifest = Manifest::parse(&manifest_bytes).map_err(PackError::BadManifest)?;
    for (name, _) in &files {
        if !manifest.files.iter().any(|f| &f.path == name) {
            return Err(PackError::Unlisted(name.clone()));
        }
    }
    let mut listed = Vec::with_capacity(manifest.files.len());
    for f in &manifest.files {
        let Some(at) = files.iter().position(|(n, _)| n == &f.path) else {
            return Err(PackError::Missing(f.path.clone()));
        };
        let (path, data) = files.swap_remove(at);
        if data.len() as u64 != f.size {
            return Err(PackError::SizeMismatch {
                path,
                listed: f.size,
                actual: data.len() as u64,
            });
        }
        if sha256_hex(&data) != f.sha256 {
            return Err(PackError::HashMismatch(path));
        }
        listed.push((path, data));
    }
    let assessment = manifest
        .files
        .iter()
        .zip(&listed)
        .find(|(f, _)| f.role == Role::Assessment)
        .map(|(_, (_, data))| import(catalog, data))
        .ok_or_else(|| PackError::Assessment(vec!["no assessment".into()]))?
        .map_err(|problems| {
            PackError::Assessment(problems.iter().map(|p| p.to_string()).collect())
        })?;
    let evidence: Vec<(&str, &[u8])> = manifest
        .files
        .iter()
        .zip(&listed)
        .filter_map(|(f, (_, data))| Some((f.record.as_deref()?, data.as_slice())))
        .collect();
    crate::evidence::check_opened(catalog, &assessment, &evidence)?;
    Ok(Opened {
        manifest,
        assessment,
        files: listed,
    })
}

#[cfg(test)]
mod tests {
    use super::safe_path;

    #[test]
    fn only_plain_relative_paths_are_safe() {
        for good in ["assessment.json", "evidence/A.5.2/policy v2.pdf", "a/b/c"] {
            assert!(safe_path(good), "{good}");
        }
        for bad in [
            "",
            "../evil",
            "a/../../evil",
            "/etc/passwd",
            "a//b",
            "./a",
            "C:/x",
            "a\\..\\b",
            "a\nb",
        ] {
            assert!(!safe_path(bad), "{bad:?}");
        }
    }
}
