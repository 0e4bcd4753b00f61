//! Writes the version-1 export format (docs/export-format.md). The output is canonical:
//! every item and document in catalog order, every field present, so that
//! export → import → export is byte-identical.

use super::assessment::{Answer, Assessment};
use super::catalog::Catalog;
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

/// The value of the `format` field.
pub const FORMAT: &str = "aims-readiness/assessment";
/// The current `format_version`.
pub const FORMAT_VERSION: u32 = 1;

#[derive(Serialize)]
struct Export<'a> {
    format: &'static str,
    format_version: u32,
    catalog: CatalogRef<'a>,
    assessment: Body<'a>,
}

#[derive(Serialize)]
struct CatalogRef<'a> {
    id: &'a str,
    version: u32,
}

#[derive(Serialize)]
struct Body<'a> {
    id: &'a str,
    name: &'a str,
    organization: &'a str,
    created: &'a str,
    updated: &'a str,
    items: Items<'a>,
    documents: Documents<'a>,
}

struct Items<'a>(&'a Catalog, &'a Assessment);
struct Documents<'a>(&'a Catalog, &'a Assessment);

#[derive(Serialize)]
struct ItemOut<'a> {
    maturity: Option<u8>,
    estimate: bool,
    target: u8,
    weight: f64,
    applicable: bool,
    justification: &'a str,
    notes: &'a str,
    evidence: &'a [String],
    owner: &'a str,
    due: Option<String>,
}

impl<'a> From<&'a Answer> for ItemOut<'a> {
    fn from(a: &'a Answer) -> Self {
        ItemOut {
            maturity: a.maturity.map(|l| l.number()),
            estimate: a.estimate,
            target: a.target.number(),
            weight: a.weight.value(),
            applicable: !a.excluded,
            justification: &a.justification,
            notes: &a.notes,
            evidence: &a.evidence,
            owner: &a.owner,
            due: a.due.map(|d| d.to_string()),
        }
    }
}

impl Serialize for Items<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let Items(catalog, assessment) = self;
        let mut map = s.serialize_map(Some(catalog.item_count()))?;
        for item in catalog.item_ids() {
            map.serialize_entry(
                &catalog.item(item).id,
                &ItemOut::from(assessment.answer(item)),
            )?;
        }
        map.end()
    }
}

impl Serialize for Documents<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let Documents(catalog, assessment) = self;
        let mut map = s.serialize_map(Some(catalog.document_count()))?;
        for doc in catalog.document_ids() {
            map.serialize_entry(&catalog.document(doc).id, &assessment.document_present(doc))?;
        }
        map.end()
    }
}

/// The assessment as version-1 export JSON (pretty-printed, trailing newline): what a
/// person downloads.
pub fn export(catalog: &Catalog, assessment: &Assessment) -> String {
    // Serializing plain strings, numbers and bools into a String cannot fail.
    let mut out = serde_json::to_string_pretty(&document(catalog, assessment)).unwrap_or_default();
    out.push('\n');
    out
}

/// The same document without whitespace: what browser storage keeps (about half the size).
pub fn export_compact(catalog: &Catalog, assessment: &Assessment) -> String {
    serde_json::to_string(&document(catalog, assessment)).unwrap_or_default()
}

fn document<'a>(catalog: &'a Catalog, assessment: &'a Assessment) -> Export<'a> {
    Export {
        format: FORMAT,
        format_version: FORMAT_VERSION,
        catalog: CatalogRef {
            id: &catalog.id,
            version: catalog.version,
        },
        assessment: Body {
            id: &assessment.id,
            name: &assessment.name,
            organization: &assessment.organization,
            created: assessment.created.as_str(),
            updated: assessment.updated.as_str(),
            items: Items(catalog, assessment),
            documents: Documents(catalog, assessment),
        },
    }
}
