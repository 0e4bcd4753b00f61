//! Export format version 1, as serde types: read forever, never written. It has no
//! profile, controls of the organization's own, `prepared_by` or `reused`, and targets
//! 1–5; a target of 1 or 2 now reads as 3 (targets below the audit bar are no longer
//! possible), and the import says which.

use crate::format::v2;
use crate::model::assessment::Assessment;
use crate::model::catalog::Catalog;
use crate::model::date::Timestamp;
use crate::model::level::TargetLevel;
use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use serde_json::Number;

/// The whole file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct File {
    /// Always [`crate::format::export::FORMAT`].
    pub format: String,
    /// 1.
    pub format_version: u32,
    /// The catalog the answers refer to.
    pub catalog: CatalogRef,
    /// The answers.
    pub assessment: Body,
}

/// The catalog a file was made with (the same in every version).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogRef {
    /// Catalog id, e.g. `iso42001-2023`.
    pub id: String,
    /// Catalog version.
    pub version: u32,
}

/// The assessment.
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
    /// When it was started.
    pub created: String,
    /// When it last changed.
    pub updated: String,
    /// The answers by item id.
    #[serde(default)]
    pub items: IndexMap<String, Item>,
    /// Whether each document exists, by document id.
    #[serde(default)]
    pub documents: IndexMap<String, bool>,
}

/// One item's answer: version 2's without `reused`, with a target 1–5.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Maturity level 0–5, `null` when unanswered.
    #[serde(default)]
    pub maturity: Option<u8>,
    /// The level is a quick-check estimate.
    #[serde(default)]
    pub estimate: bool,
    /// Target level 1–5.
    #[serde(default)]
    pub target: Option<u8>,
    /// Weight 0.01–100, as written.
    #[serde(default)]
    pub weight: Option<Number>,
    /// In the Statement of Applicability.
    #[serde(default)]
    pub applicable: Option<bool>,
    /// Why excluded or included.
    #[serde(default)]
    pub justification: String,
    /// Notes.
    #[serde(default)]
    pub notes: String,
    /// Evidence references.
    #[serde(default)]
    pub evidence: Vec<String>,
    /// Who is responsible.
    #[serde(default)]
    pub owner: String,
    /// Due date, `null` when none.
    #[serde(default)]
    pub due: Option<String>,
}

impl File {
    /// The assessment, and the ids of the items whose target 1 or 2 now reads as 3.
    /// Every value has been checked by the importer before.
    pub fn into_assessment(self, catalog: &Catalog) -> Option<(Assessment, Vec<String>)> {
        let b = self.assessment;
        let mut a = Assessment::new(catalog, b.id, b.name, Timestamp::parse(&b.created)?);
        a.organization = b.organization;
        a.updated = Timestamp::parse(&b.updated)?;
        let mut raised = Vec::new();
        for (id, item) in b.items {
            let found = catalog.find_item(&id)?;
            let (target, was_raised) = match item.target {
                Some(n) => TargetLevel::from_v1_number(u64::from(n))?,
                None => (TargetLevel::default(), false),
            };
            if was_raised {
                raised.push(id);
            }
            let answer = v2::Item {
                maturity: item.maturity,
                estimate: item.estimate,
                target: target.number(),
                weight: item.weight.unwrap_or_else(|| Number::from(1)),
                applicable: item.applicable.unwrap_or(true),
                justification: item.justification,
                notes: item.notes,
                evidence: item.evidence,
                owner: item.owner,
                due: item.due,
                reused: false,
            }
            .into_answer_with(target)?;
            a.update(catalog, found, |slot| *slot = answer).ok()?;
        }
        v2::set_documents(catalog, &mut a, b.documents)?;
        Some((a, raised))
    }
}
