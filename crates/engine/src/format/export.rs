//! Writes the export format, version 3 (docs/export-format.md). The output is canonical:
//! every item and document in catalog order, every field present, so that
//! export → import → export is byte-identical.

use crate::format::v3;
use crate::format::value::{to_text, Layout};
use crate::model::assessment::Assessment;
use crate::model::catalog::Catalog;

/// The value of the `format` field.
pub const FORMAT: &str = "aims-readiness/assessment";
/// The current `format_version`. Version 2 added the documents Annex A controls call
/// for, the AI role profile, controls of the organization's own and `reused` per item,
/// and allows targets 3–5 only; version 3 adds each document's version and approval
/// date and the Statement of Applicability's approval. Version-1 and version-2 files
/// still import (version-1 targets 1–2 read as 3).
pub const FORMAT_VERSION: u32 = 3;

/// The assessment as export JSON (pretty-printed, trailing newline): what a
/// person downloads.
pub fn export(catalog: &Catalog, assessment: &Assessment) -> String {
    to_text(&v3::File::new(catalog, assessment), Layout::Pretty)
}

/// The same document without whitespace: what browser storage keeps (about half the size).
/// Written directly rather than through a `Value` (as [`to_text`] does): it runs on every
/// saved change, and building the tree first doubled a save's time in the browser.
pub fn export_compact(catalog: &Catalog, assessment: &Assessment) -> String {
    // Writing these types cannot fail (every map key is text).
    serde_json::to_string(&v3::File::new(catalog, assessment)).unwrap_or_default()
}
