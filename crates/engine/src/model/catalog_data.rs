//! The catalog file's shape (`assets/catalog/iso42001.json`), described once. The
//! engine reads the embedded catalog through these types, and `build.rs` includes this
//! very file to check the catalog while building: so this file uses nothing but serde.

use serde::Deserialize;

/// The whole catalog file.
#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogFile {
    /// Catalog id, e.g. `iso42001-2023`.
    pub id: String,
    /// Integer content version; exports name it.
    pub version: u32,
    /// Display title of the standard.
    pub title: String,
    /// Clauses and control objectives.
    pub groups: Vec<Group>,
    /// The assessable items, clause requirements first.
    pub items: Vec<Item>,
    /// The mandatory documented information.
    pub documents: Vec<Document>,
    /// The quick-check questions.
    pub quick: Vec<QuickQuestion>,
}

/// Whether an item is a clause requirement (4–10) or an Annex A control.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ItemKind {
    /// A requirement of clauses 4–10: always in scope.
    #[default]
    Clause,
    /// An Annex A control: can be excluded with a justification.
    Control,
}

/// Whether a crosswalk entry comes from a published crosswalk or is our own judgement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Basis {
    /// Taken from a published crosswalk.
    Published,
    /// The project's own mapping.
    Judgement,
    /// Same clause number and purpose in the harmonized structure that ISO management
    /// system standards share (ISO/IEC 27001 clauses 4–10). Derived, never in the file.
    #[serde(skip)]
    Structural,
}

/// One mapping to another framework.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Crosswalk {
    /// The target reference, e.g. `GOVERN 1.1` or `Art. 9(2)`.
    #[serde(rename = "ref")]
    pub reference: String,
    /// Where the mapping comes from.
    pub basis: Basis,
}

/// A clause or a control objective.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    /// Display id, e.g. `6` or `A.6.1`.
    pub id: String,
    /// Clause group or Annex A group.
    pub kind: ItemKind,
    /// The enclosing group's id (`A.6` for `A.6.1`), if any.
    #[serde(default)]
    pub parent: Option<String>,
    /// Official short title.
    pub title: String,
    /// One sentence in our own words.
    pub summary: String,
}

/// One assessable item: a lowest-level clause requirement or an Annex A control.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    /// Display id, e.g. `6.1.2` or `A.6.2.4`.
    pub id: String,
    /// Clause requirement or control.
    pub kind: ItemKind,
    /// Id of the group the item sits in directly.
    pub group: String,
    /// Official short title.
    pub title: String,
    /// Plain-language question a non-expert can answer.
    pub question: String,
    /// Why the item matters, in our own words.
    pub explanation: String,
    /// Examples of good evidence.
    pub evidence: Vec<String>,
    /// What each maturity level 0–5 means for this item.
    pub levels: [String; 6],
    /// NIST AI RMF categories.
    pub nist_ai_rmf: Vec<Crosswalk>,
    /// EU AI Act articles.
    pub eu_ai_act: Vec<Crosswalk>,
    /// The ISO/IEC 27001:2022 clause or control that shares this item's purpose.
    #[serde(default)]
    pub iso27001: Option<String>,
}

/// A mandatory documented-information entry.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Document {
    /// Stable id, e.g. `statement-of-applicability`.
    pub id: String,
    /// The clause that requires it.
    pub clause: String,
    /// Whether it designs the management system or records its operation.
    pub class: DocumentClass,
    /// Short title in our own words.
    pub title: String,
    /// One sentence in our own words.
    pub description: String,
}

/// What a required document is, which decides when an auditor asks for it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DocumentClass {
    /// It says how the management system works (a policy, method, plan, the scope, the
    /// SoA): reviewed at Stage 1.
    #[default]
    Design,
    /// It shows the system operating (results, logs, minutes): sampled at Stage 2, or
    /// at Stage 1 for the first risk and impact assessments.
    Record,
}

impl DocumentClass {
    /// The name used in JSON and the catalog.
    pub fn as_str(self) -> &'static str {
        match self {
            DocumentClass::Design => "design",
            DocumentClass::Record => "record",
        }
    }
}

/// A quick-check question standing for a set of catalog items.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuickQuestion {
    /// Stable id, e.g. `q01`.
    pub id: String,
    /// Short topic name.
    pub topic: String,
    /// The yes/no question.
    pub question: String,
    /// One sentence of help.
    pub help: String,
    /// Ids of the catalog items this question stands for.
    pub items: Vec<String>,
    /// What to do first when this topic is weak.
    pub next_step: String,
    /// Foundational topics cap the quick-check band when they are missing.
    #[serde(default)]
    pub foundation: bool,
}
