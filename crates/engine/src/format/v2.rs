//! Export format version 2 (docs/export-format.md): the types of an item, the profile
//! and the organization's own controls, which version 3 keeps unchanged, and the
//! conversions between them and the model. Version 2 added to version 1 the documents
//! Annex A controls call for, the AI role profile, controls of the organization's own,
//! `prepared_by`, and `reused` per item, and allows targets 3–5 only. A version-2 file
//! is read as version 3 once its documents are written as records
//! ([`crate::format::import`]): one body type to deserialize keeps the download small.

use crate::model::assessment::{Answer, Assessment};
use crate::model::catalog::Catalog;
use crate::model::date::Date;
use crate::model::decimal::format_fixed;
use crate::model::level::{MaturityLevel, TargetLevel};
use crate::model::profile::{self, AiRole, ManagementSystem};
use crate::model::weight::Weight;
use indexmap::IndexMap;
use serde::{Deserialize, Serialize};
use serde_json::Number;

/// One item's answer.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Maturity level 0–5, `null` when unanswered.
    #[serde(default)]
    pub maturity: Option<u8>,
    /// The level is a quick-check estimate.
    #[serde(default)]
    pub estimate: bool,
    /// Target level 3–5.
    #[serde(default = "default_target")]
    pub target: u8,
    /// Weight 0.01–100, as written.
    #[serde(default = "default_weight")]
    pub weight: Number,
    /// In the Statement of Applicability (clause requirements always are).
    #[serde(default = "yes")]
    pub applicable: bool,
    /// Why excluded or included.
    #[serde(default)]
    pub justification: String,
    /// Notes.
    #[serde(default)]
    pub notes: String,
    /// Free-text evidence references: the import turns them into evidence records
    /// (`model::evidence_refs`), so the types never read them.
    #[serde(default)]
    pub evidence: Vec<String>,
    /// Who is responsible.
    #[serde(default)]
    pub owner: String,
    /// Due date (`YYYY-MM-DD`), `null` when none.
    #[serde(default)]
    pub due: Option<String>,
    /// Carried out by a management system the organization already runs.
    #[serde(default)]
    pub reused: bool,
}

/// The AI role profile and scope.
#[derive(Clone, Debug, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Profile {
    /// ISO/IEC 22989 roles.
    #[serde(default)]
    pub roles: Vec<String>,
    /// Names of the AI systems in scope: the import makes each a record of the AI
    /// system register (`model::system_names`), so the types never read them; always
    /// empty in a file written now.
    #[serde(default)]
    pub ai_systems: Vec<String>,
    /// What the scope covers.
    #[serde(default)]
    pub scope_note: String,
    /// Management systems the organization already runs.
    #[serde(default)]
    pub management_systems: Vec<String>,
    /// Suggested exclusions the person declined.
    #[serde(default)]
    pub declined_suggestions: Vec<String>,
}

/// A control of the organization's own.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AdditionalControl {
    /// The organization's id for it.
    pub id: String,
    /// What it is.
    pub title: String,
    /// Where it comes from.
    #[serde(default)]
    pub source: String,
    /// How far it is implemented (0–5), `null` when not said.
    #[serde(default)]
    pub status: Option<u8>,
    /// Who is responsible.
    #[serde(default)]
    pub owner: String,
    /// Why it is included.
    #[serde(default)]
    pub reason: String,
}

fn default_target() -> u8 {
    TargetLevel::default().number()
}

fn default_weight() -> Number {
    weight_number(Weight::default())
}

fn yes() -> bool {
    true
}

/// A weight as the file writes it: `1`, `1.5`, `0.05`.
fn weight_number(weight: Weight) -> Number {
    format_fixed(u64::from(weight.hundredths()), 2)
        .parse()
        .unwrap_or_else(|_| Number::from(1))
}

/// The profile as the file writes it.
pub(crate) fn profile_of(catalog: &Catalog, a: &Assessment) -> Profile {
    Profile {
        roles: a.profile.roles.iter().map(|r| r.as_str().into()).collect(),
        ai_systems: Vec::new(),
        scope_note: a.profile.scope_note.clone(),
        management_systems: a
            .profile
            .management_systems
            .iter()
            .map(|m| m.as_str().into())
            .collect(),
        declined_suggestions: a
            .profile
            .declined
            .iter()
            .map(|&i| catalog.item(i).id.clone())
            .collect(),
    }
}

/// The organization's own controls as the file writes them.
pub(crate) fn additional_of(a: &Assessment) -> Vec<AdditionalControl> {
    a.additional
        .iter()
        .map(|c| AdditionalControl {
            id: c.id.clone(),
            title: c.title.clone(),
            source: c.source.clone(),
            status: c.status.map(MaturityLevel::number),
            owner: c.owner.clone(),
            reason: c.reason.clone(),
        })
        .collect()
}

/// Reads the items, the profile and the organization's own controls into `a`. Every
/// value has been checked by the importer before (`None` only if something slipped
/// past it).
pub(crate) fn read_body(
    catalog: &Catalog,
    a: &mut Assessment,
    items: IndexMap<String, Item>,
    p: Profile,
    additional: Vec<AdditionalControl>,
) -> Option<()> {
    for (id, item) in items {
        let found = catalog.find_item(&id)?;
        let answer = item.into_answer()?;
        a.update(catalog, found, |slot| *slot = answer).ok()?;
    }
    for role in &p.roles {
        a.profile.set_role(AiRole::parse(role)?, true);
    }
    a.profile.scope_note = p.scope_note;
    for system in &p.management_systems {
        a.profile
            .set_management_system(ManagementSystem::parse(system)?, true);
    }
    for id in &p.declined_suggestions {
        let item = catalog.find_item(id)?;
        if !a.profile.declined.contains(&item) {
            a.profile.declined.push(item);
        }
    }
    a.profile.declined.sort_unstable();
    a.additional = additional
        .into_iter()
        .map(|c| {
            Some(profile::AdditionalControl {
                id: c.id,
                title: c.title,
                source: c.source,
                status: match c.status {
                    Some(n) => Some(MaturityLevel::from_number(u64::from(n))?),
                    None => None,
                },
                owner: c.owner,
                reason: c.reason,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    Some(())
}

/// The id 9.2.2's document had before catalog version 3 split it, kept for the audit
/// programme.
const AUDIT_PROGRAMME: &str = "audit-programme-results";
/// 9.2.2's audit results, a document of its own since catalog version 3.
const AUDIT_RESULTS: &str = "audit-results";

/// Sets each document's presence by id.
pub(crate) fn set_documents(
    catalog: &Catalog,
    a: &mut Assessment,
    documents: IndexMap<String, bool>,
) -> Option<()> {
    // Before catalog version 3 one document stood for 9.2.2's audit programme and its
    // results; a file from then says the same of both.
    let split = (!documents.contains_key(AUDIT_RESULTS))
        .then(|| documents.get(AUDIT_PROGRAMME).copied())
        .flatten();
    for (id, present) in documents {
        a.set_document(catalog.find_document(&id)?, present);
    }
    if let Some(present) = split {
        a.set_document(catalog.find_document(AUDIT_RESULTS)?, present);
    }
    Some(())
}

impl From<&Answer> for Item {
    fn from(ans: &Answer) -> Item {
        Item {
            maturity: ans.maturity.map(MaturityLevel::number),
            estimate: ans.estimate,
            target: ans.target.number(),
            weight: weight_number(ans.weight),
            applicable: !ans.excluded,
            justification: ans.justification.clone(),
            notes: ans.notes.clone(),
            // An item's evidence is its evidence records' `supports` since issue 22:
            // the field stays in the format, always empty in a file written now.
            evidence: Vec::new(),
            owner: ans.owner.clone(),
            due: ans.due.map(|d| d.to_string()),
            reused: ans.reused,
        }
    }
}

impl Item {
    /// The answer, with a version-2 target (3–5).
    fn into_answer(self) -> Option<Answer> {
        let target = TargetLevel::from_number(u64::from(self.target))?;
        let weight = crate::format::value::fixed(&serde_json::Value::Number(self.weight), 2)
            .and_then(Weight::from_hundredths)?;
        Some(Answer {
            maturity: match self.maturity {
                Some(n) => Some(MaturityLevel::from_number(u64::from(n))?),
                None => None,
            },
            estimate: self.estimate,
            target,
            weight,
            excluded: !self.applicable,
            justification: self.justification,
            notes: self.notes,
            owner: self.owner,
            due: match self.due {
                Some(d) => Some(Date::parse(&d)?),
                None => None,
            },
            reused: self.reused,
        })
    }
}
