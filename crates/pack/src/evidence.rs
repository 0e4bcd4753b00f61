//! Evidence files in a pack: each file an evidence record keeps goes in once, under the
//! folder of the first clause or control the record supports
//! (`evidence/<item>/<record id>-<file name>`), and the manifest names the record and
//! every item it supports, so the others reference the same file.

use crate::{sha256_hex, PackError};
use aims_engine::format::registers::open as open_registers;
use aims_engine::model::registers::Evidence;
use aims_engine::{Assessment, Catalog};

/// An evidence file to pack: the id of the evidence record that keeps it, and its bytes.
#[derive(Clone, Copy, Debug)]
pub struct EvidenceFile<'a> {
    /// The evidence record's id.
    pub record: &'a str,
    /// The file's bytes.
    pub bytes: &'a [u8],
}

/// A file name as one safe path segment: separators, control characters and colons
/// become `_`; nothing left, `.` or `..` becomes `file`.
fn segment(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c == '/' || c == '\\' || c == ':' || c.is_control() {
                '_'
            } else {
                c
            }
        })
        .collect();
    match cleaned.trim() {
        "" | "." | ".." => "file".into(),
        _ => cleaned,
    }
}

/// The evidence records of `a` that keep a file.
pub(crate) fn with_files(catalog: &Catalog, a: &Assessment) -> Vec<Evidence> {
    open_registers(catalog, &a.registers)
        .evidence
        .into_iter()
        .filter(|e| e.file.is_some())
        .collect()
}

/// Where the file of `record` goes in the pack, and the ids of the items it supports
/// (under the first one's folder).
pub(crate) fn placement(catalog: &Catalog, record: &Evidence) -> (String, Vec<String>) {
    let supports: Vec<String> = record
        .supports
        .iter()
        .map(|&i| catalog.item(i).id.clone())
        .collect();
    let folder = supports.first().map_or("unlinked", String::as_str);
    let name = record.file.as_ref().map_or("file", |r| r.name.as_str());
    let path = format!("evidence/{folder}/{}-{}", record.id.as_str(), segment(name));
    (path, supports)
}

/// Whether a file of `size` bytes with the SHA-256 `sha256` is the one `record` keeps.
pub(crate) fn check(record: &Evidence, size: u64, sha256: &str) -> Result<(), PackError> {
    let matches = record
        .file
        .as_ref()
        .is_some_and(|r| r.size == size && r.sha256 == sha256);
    if matches {
        Ok(())
    } else {
        Err(PackError::EvidenceMismatch(record.id.as_str().to_owned()))
    }
}

/// Checks an opened pack's evidence files against the assessment's records: each names a
/// record that keeps a file, is that file byte for byte, and appears once.
pub(crate) fn check_opened(
    catalog: &Catalog,
    a: &Assessment,
    files: &[(&str, &[u8])],
) -> Result<(), PackError> {
    let records = with_files(catalog, a);
    let mut seen: Vec<&str> = Vec::new();
    for &(record, bytes) in files {
        let found = records
            .iter()
            .find(|e| e.id.as_str() == record)
            .ok_or_else(|| PackError::EvidenceUnknown(record.to_owned()))?;
        if seen.contains(&record) {
            return Err(PackError::DuplicateName(record.to_owned()));
        }
        seen.push(record);
        check(found, bytes.len() as u64, &sha256_hex(bytes))?;
    }
    Ok(())
}

/// The ids of the evidence records of `a` that keep a file, with the file's name: what
/// `aims-score pack --files DIR` must find in DIR.
pub fn kept_files(catalog: &Catalog, a: &Assessment) -> Vec<(String, String)> {
    with_files(catalog, a)
        .into_iter()
        .map(|e| {
            let name = e.file.map(|f| f.name).unwrap_or_default();
            (e.id.as_str().to_owned(), name)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::segment;

    #[test]
    fn a_file_name_becomes_one_safe_segment() {
        assert_eq!(segment("policy v2.pdf"), "policy v2.pdf");
        assert_eq!(segment("../../etc/passwd"), ".._.._etc_passwd");
        assert_eq!(segment("C:\\x"), "C__x");
        assert_eq!(segment(".."), "file");
        assert_eq!(segment(" "), "file");
    }
}
