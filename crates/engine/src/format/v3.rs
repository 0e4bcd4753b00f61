//! Export format version 3 (docs/export-format.md), as serde types. Version 3 is version
//! 2 with two things an auditor asks of documented information: each required
//! document records, besides its presence, its version and approval date, and the
//! Statement of Applicability's title block records who approved it, when, and its
//! version. Items, the profile and the organization's own controls are version 2's
//! types, so the two versions cannot drift apart; a version-2 file is read through these
//! types too ([`documents_as_records`]).

use crate::format::v1;
use crate::format::v2::{self, AdditionalControl, Item, Profile};
use crate::format::value::Value;
use crate::model::assessment::{Assessment, SoaApproval};
use crate::model::catalog::Catalog;
use crate::model::date::{Date, Timestamp};
use indexmap::IndexMap;
use serde::{Deserialize, Serialize};

/// The assessment's members that hold the registers (`format::registers`), in the
/// order they are written.
pub const REGISTER_KEYS: [&str; 4] = ["ai_systems", "risk_criteria", "risks", "evidence"];

/// The whole file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct File {
    /// Always [`crate::format::export::FORMAT`].
    pub format: String,
    /// 3.
    pub format_version: u32,
    /// What wrote the file ([`crate::GENERATOR`]: the product and its version); empty
    /// when a file does not say (it is optional, and only informative: reading ignores it).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub generator: String,
    /// The catalog the answers refer to.
    pub catalog: v1::CatalogRef,
    /// The answers.
    pub assessment: Body,
}

/// The assessment: version 2's fields, documents as records, and the SoA's approval.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Body {
    /// Its id.
    pub id: String,
    /// Its name.
    #[serde(default)]
    pub name: String,
    /// The organization.
    #[serde(default)]
    pub organization: String,
    /// Who prepared it (the Statement of Applicability's title block).
    #[serde(default)]
    pub prepared_by: String,
    /// When it was started (RFC 3339, UTC).
    pub created: String,
    /// When it last changed.
    pub updated: String,
    /// The answers by item id, in catalog order.
    #[serde(default)]
    pub items: IndexMap<String, Item>,
    /// What is recorded about each document, by document id.
    #[serde(default)]
    pub documents: IndexMap<String, Document>,
    /// The Statement of Applicability's approval.
    #[serde(default)]
    pub soa: Soa,
    /// The AI role profile and scope.
    #[serde(default)]
    pub profile: Profile,
    /// Controls of the organization's own.
    #[serde(default)]
    pub additional_controls: Vec<AdditionalControl>,
    /// The AI systems: taken out of the file by the import (`model::registers::Kept`)
    /// before these types read the rest, here only to be written; absent when empty.
    #[serde(default, skip_deserializing, skip_serializing_if = "Option::is_none")]
    pub ai_systems: Option<Value>,
    /// The risk criteria, likewise.
    #[serde(default, skip_deserializing, skip_serializing_if = "Option::is_none")]
    pub risk_criteria: Option<Value>,
    /// The AI risks, likewise.
    #[serde(default, skip_deserializing, skip_serializing_if = "Option::is_none")]
    pub risks: Option<Value>,
    /// The evidence records, likewise.
    #[serde(default, skip_deserializing, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Value>,
}

/// One required document.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// It exists.
    #[serde(default)]
    pub present: bool,
    /// Its version, as the organization numbers it.
    #[serde(default)]
    pub version: String,
    /// When it was last approved (`YYYY-MM-DD`), `null` when not said.
    #[serde(default)]
    pub approved: Option<String>,
}

/// The Statement of Applicability's approval.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Soa {
    /// Who approved it.
    #[serde(default)]
    pub approver: String,
    /// When (`YYYY-MM-DD`), `null` when not said.
    #[serde(default)]
    pub approved: Option<String>,
    /// Its version.
    #[serde(default)]
    pub version: String,
}

fn date_text(date: Option<Date>) -> Option<String> {
    date.map(|d| d.to_string())
}

fn parse_date(text: Option<String>) -> Option<Option<Date>> {
    match text {
        Some(t) => Date::parse(&t).map(Some),
        None => Some(None),
    }
}

impl File {
    /// The file for `a`: every item and document in catalog order, every field present.
    pub fn new(catalog: &Catalog, a: &Assessment) -> File {
        let [ai_systems, risk_criteria, risks, evidence] = a.registers.0.clone();
        File {
            format: crate::format::export::FORMAT.to_owned(),
            format_version: 3,
            generator: crate::GENERATOR.to_owned(),
            catalog: v1::CatalogRef {
                id: catalog.id.clone(),
                version: catalog.version,
            },
            assessment: Body {
                id: a.id.clone(),
                name: a.name.clone(),
                organization: a.organization.clone(),
                prepared_by: a.prepared_by.clone(),
                created: a.created.as_str().to_owned(),
                updated: a.updated.as_str().to_owned(),
                items: catalog
                    .item_ids()
                    .map(|i| (catalog.item(i).id.clone(), Item::from(a.answer(i))))
                    .collect(),
                documents: catalog
                    .document_ids()
                    .map(|d| {
                        let record = a.document(d);
                        let doc = Document {
                            present: record.present,
                            version: record.version.clone(),
                            approved: date_text(record.approved),
                        };
                        (catalog.document(d).id.clone(), doc)
                    })
                    .collect(),
                soa: Soa {
                    approver: a.soa.approver.clone(),
                    approved: date_text(a.soa.approved),
                    version: a.soa.version.clone(),
                },
                profile: v2::profile_of(catalog, a),
                additional_controls: v2::additional_of(a),
                ai_systems,
                risk_criteria,
                risks,
                evidence,
            },
        }
    }

    /// The assessment this file describes. Every value has been checked by the importer
    /// before (`None` only if something slipped past it, never a panic).
    pub fn into_assessment(self, catalog: &Catalog) -> Option<Assessment> {
        let b = self.assessment;
        let mut a = Assessment::new(catalog, b.id, b.name, Timestamp::parse(&b.created)?);
        a.organization = b.organization;
        a.prepared_by = b.prepared_by;
        a.updated = Timestamp::parse(&b.updated)?;
        v2::read_body(catalog, &mut a, b.items, b.profile, b.additional_controls)?;
        let presence = b
            .documents
            .iter()
            .map(|(id, d)| (id.clone(), d.present))
            .collect();
        v2::set_documents(catalog, &mut a, presence)?;
        for (id, d) in b.documents {
            let doc = catalog.find_document(&id)?;
            let approved = parse_date(d.approved)?;
            a.update_document(doc, |record| {
                record.version = d.version;
                record.approved = approved;
            });
        }
        a.soa = SoaApproval {
            approver: b.soa.approver,
            approved: parse_date(b.soa.approved)?,
            version: b.soa.version,
        };
        Some(a)
    }
}

/// A version-2 file's documents (`id: true`) as version 3's records (`id: {"present":
/// true}`), so that one set of types reads both versions.
pub(crate) fn documents_as_records(root: &mut Value) {
    let documents = root
        .get_mut("assessment")
        .and_then(|a| a.get_mut("documents"))
        .and_then(Value::as_object_mut);
    for value in documents.into_iter().flat_map(|d| d.values_mut()) {
        if let Value::Bool(present) = *value {
            *value = serde_json::json!({ "present": present });
        }
    }
}
