//! Export format version 1: read forever, never written. It has no profile, controls
//! of the organization's own, `prepared_by` or `reused`, and targets 1–5; a target of 1
//! or 2 now reads as 3 (targets below the audit bar are no longer possible), and the
//! import says which. Once checked, a version-1 file is rewritten into version 2's shape
//! ([`as_version_2`]) and read through version 3's types like every other file.

use crate::format::value::Value;
use crate::model::level::TargetLevel;
use serde::{Deserialize, Serialize};

/// The catalog a file was made with (the same in every version).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogRef {
    /// Catalog id, e.g. `iso42001-2023`.
    pub id: String,
    /// Catalog version.
    pub version: u32,
}

/// Makes a checked version-1 file readable as version 2 (then 3): a target of 1 or 2
/// becomes 3, and a `null` target, weight or applicability is left out so the default
/// applies, as version 1 meant. Returns the ids of the items whose target was raised.
pub(crate) fn as_version_2(root: &mut Value) -> Vec<String> {
    let mut raised = Vec::new();
    let items = root
        .get_mut("assessment")
        .and_then(|a| a.get_mut("items"))
        .and_then(Value::as_object_mut);
    for (id, item) in items.into_iter().flat_map(|m| m.iter_mut()) {
        let Some(item) = item.as_object_mut() else {
            continue;
        };
        for key in ["target", "weight", "applicable"] {
            if item.get(key).is_some_and(Value::is_null) {
                item.remove(key);
            }
        }
        let old = item.get("target").and_then(Value::as_u64);
        if let Some((target, true)) = old.and_then(TargetLevel::from_v1_number) {
            item.insert("target".into(), Value::from(target.number()));
            raised.push(id.clone());
        }
    }
    raised
}
