//! Opening a pack: every entry is checked before anything is believed, and nothing is
//! written anywhere (the caller gets the files in memory, or the reason it got none).

use crate::{sha256_hex, Manifest, PackError, Role, MANIFEST};
use aims_engine::{import, Assessment, Catalog};
use std::collections::HashSet;
use std::io::{Cursor, Read};
use zip::ZipArchive;

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

/// The names in the zip's central directory, as written, read from its bytes (the zip
/// reader keeps one entry per name, so a name written twice would pass it unseen);
/// `None` when there is no plain end-of-directory record to read them from.
fn central_names(bytes: &[u8]) -> Option<Vec<String>> {
    let u16_at = |at: usize| Some(u16::from_le_bytes(bytes.get(at..at + 2)?.try_into().ok()?));
    let u32_at = |at: usize| Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?));
    // The end record is the last 22 bytes, or further back by its comment's length.
    let end = (0..=bytes.len().checked_sub(22)?)
        .rev()
        .take(22 + usize::from(u16::MAX))
        .find(|&at| u32_at(at) == Some(0x0605_4b50))?;
    let (count, mut at) = (u16_at(end + 10)?, usize::try_from(u32_at(end + 16)?).ok()?);
    let mut names = Vec::with_capacity(usize::from(count));
    for _ in 0..count {
        if u32_at(at)? != 0x0201_4b50 {
            return None;
        }
        let (name, extra, comment) = (
            usize::from(u16_at(at + 28)?),
            usize::from(u16_at(at + 30)?),
            usize::from(u16_at(at + 32)?),
        );
        names.push(String::from_utf8_lossy(bytes.get(at + 46..at + 46 + name)?).into_owned());
        at += 46 + name + extra + comment;
    }
    Some(names)
}

/// Opens the pack `bytes` within `limits`: checks every entry's name and size, unpacks
/// each no further than it declares, checks the manifest and every listed file's size
/// and SHA-256, and imports the assessment.
pub fn open(catalog: &Catalog, bytes: &[u8], limits: Limits) -> Result<Opened, PackError> {
    let mut zip =
        ZipArchive::new(Cursor::new(bytes)).map_err(|e| PackError::NotZip(e.to_string()))?;
    if zip.len() > limits.entries {
        return Err(PackError::TooManyEntries {
            count: zip.len(),
            limit: limits.entries,
        });
    }
    let written = central_names(bytes).unwrap_or_default();
    let mut seen = HashSet::new();
    if let Some(twice) = written.iter().find(|n| !seen.insert(n.as_str())) {
        return Err(PackError::DuplicateName(twice.clone()));
    }
    // Names and declared sizes first: nothing is unpacked from a pack that fails them.
    let mut names = HashSet::new();
    let mut total = 0u64;
    for i in 0..zip.len() {
        let entry = zip
            .by_index_raw(i)
            .map_err(|e| PackError::NotZip(e.to_string()))?;
        let name = entry.name().to_owned();
        if entry.is_dir() {
            continue;
        }
        if !safe_path(&name) || entry.enclosed_name().is_none() {
            return Err(PackError::UnsafePath(name));
        }
        if !names.insert(name.clone()) {
            return Err(PackError::DuplicateName(name));
        }
        if entry.size() > limits.file {
            return Err(PackError::TooLarge {
                path: name,
                size: entry.size(),
                limit: limits.file,
            });
        }
        total = total.saturating_add(entry.size());
        if total > limits.total {
            return Err(PackError::TotalTooLarge {
                limit: limits.total,
            });
        }
    }
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for i in 0..zip.len() {
        let entry = zip
            .by_index(i)
            .map_err(|e| PackError::NotZip(e.to_string()))?;
        if entry.is_dir() {
            continue;
        }
        let (name, declared) = (entry.name().to_owned(), entry.size());
        let mut data = Vec::new();
        // One byte more than declared tells an entry that inflates beyond it.
        let read = entry
            .take(declared.saturating_add(1))
            .read_to_end(&mut data)
            .map_err(|e| PackError::Damaged {
                path: name.clone(),
                reason: e.to_string(),
            });
        // (The zip reader goes on past a declared size: this check is what stops a
        // forged one, one byte past it.)
        match read? {
            n if n as u64 > declared => return Err(PackError::Inflates(name)),
            _ => files.push((name, data)),
        }
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
