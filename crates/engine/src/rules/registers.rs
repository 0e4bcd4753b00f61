//! What the registers change in the figures (docs/scoring.md, "Registers"): each rule
//! names the clause requirements and controls it keeps from conforming, so a register
//! left empty or a risk left untreated cannot be talked up into "ready".
//!
//! - `excluded_control_treats_risk`: an Annex A control that treats an open risk above
//!   the acceptance level is needed; excluding it is a defect of the Statement of
//!   Applicability, and those risks are its reason for inclusion ([`risks_treated_by`]).
//! - `system_without_impact_assessment`: while an AI system in scope has no approved
//!   impact assessment, 6.1.4, 8.4 and A.5.2–A.5.5 cannot conform.
//! - `empty_risk_register`: with no risk recorded, 6.1.2 and 8.2 cannot conform.
//! - `risk_untreated` (no treatment, or neither an Annex A nor an own control) and
//!   `risk_not_accepted` (no named acceptance of what remains): while a risk above the
//!   acceptance level is either, 6.1.3 and 8.3 cannot conform.
//! - `stale_evidence`: an evidence record past its review-by date does not count for the
//!   items it supports; a current one that names where it lives (or keeps a file that
//!   is not empty, under a title that says what it is) counts like an evidence reference.
//!
//! The rules read the JSON the assessment keeps ([`Kept`], checked by the engine's
//! reader when it came in), not the registers' types: the app has no reader for them
//! (docs/size.md), and the app and the native scorer must apply the same code. Where a
//! value cannot be read after all, the rule assumes the worse: a risk without a
//! readable likelihood lies above the acceptance level, an approval without a name is
//! none.

use crate::model::assessment::Assessment;
use crate::model::catalog::{Catalog, ItemId};
use crate::model::date::Date;
use crate::model::registers::{Kept, RiskCriteria};
use crate::model::substance::evidence_counts;
use serde_json::Value;

/// The registers, by their position in [`Kept`] (format 3's `REGISTER_KEYS`).
const SYSTEMS: usize = 0;
const CRITERIA: usize = 1;
const RISKS: usize = 2;
const EVIDENCE: usize = 3;

/// One reason the registers keep items from conforming. A record is named by its
/// position in its register ([`finding_record`] gives its id and name).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Finding {
    /// An excluded control treats open risks above the acceptance level.
    ExcludedControlTreatsRisk(ItemId),
    /// An AI system in scope has no approved impact assessment.
    SystemWithoutImpactAssessment(u16),
    /// No risk is recorded.
    EmptyRiskRegister,
    /// A risk above the acceptance level has no treatment or no control.
    RiskUntreated(u16),
    /// A risk above the acceptance level has no accepted residual risk.
    RiskNotAccepted(u16),
}

impl Finding {
    /// The rule's name, as in docs/scoring.md and the score's JSON.
    pub fn kind(self) -> &'static str {
        match self {
            Finding::ExcludedControlTreatsRisk(_) => "excluded_control_treats_risk",
            Finding::SystemWithoutImpactAssessment(_) => "system_without_impact_assessment",
            Finding::EmptyRiskRegister => "empty_risk_register",
            Finding::RiskUntreated(_) => "risk_untreated",
            Finding::RiskNotAccepted(_) => "risk_not_accepted",
        }
    }

    /// The ids of the clause requirements and controls it keeps from conforming (for an
    /// excluded control: none here, the control itself is the blocker's item).
    pub fn held_ids(self) -> &'static [&'static str] {
        match self {
            Finding::ExcludedControlTreatsRisk(_) => &[],
            Finding::SystemWithoutImpactAssessment(_) => {
                &["6.1.4", "8.4", "A.5.2", "A.5.3", "A.5.4", "A.5.5"]
            }
            Finding::EmptyRiskRegister => &["6.1.2", "8.2"],
            Finding::RiskUntreated(_) | Finding::RiskNotAccepted(_) => &["6.1.3", "8.3"],
        }
    }

    /// The item the finding is about first: the excluded control, or the first item it
    /// holds.
    pub fn item(self, catalog: &Catalog) -> Option<ItemId> {
        match self {
            Finding::ExcludedControlTreatsRisk(control) => Some(control),
            _ => catalog.find_item(self.held_ids()[0]),
        }
    }
}

/// The records of one register.
fn records(kept: &Kept, register: usize) -> &[Value] {
    list(kept.0[register].as_ref())
}

/// The elements of a JSON array (none for anything else, or nothing): a register's
/// records, a record's list.
pub(crate) fn list(value: Option<&Value>) -> &[Value] {
    value.and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

/// A text field ("" when absent).
fn text<'a>(record: &'a Value, key: &str) -> &'a str {
    record.get(key).and_then(Value::as_str).unwrap_or_default()
}

/// The catalog items a list of ids names (ids the catalog does not have are left out).
fn item_list(catalog: &Catalog, record: &Value, key: &str) -> Vec<ItemId> {
    let mut items = Vec::new();
    for id in list(record.get(key)) {
        if let Some(item) = id.as_str().and_then(|id| catalog.find_item(id)) {
            items.push(item);
        }
    }
    items
}

/// Whether an approval (`{"by", "on"}`) names somebody.
fn approved(record: &Value, key: &str) -> bool {
    record
        .get(key)
        .is_some_and(|approval| evidence_counts(text(approval, "by")))
}

/// A level on the organization's scales (255 when unreadable: off every matrix).
fn level(record: &Value, key: &str) -> u8 {
    record
        .get(key)
        .and_then(Value::as_u64)
        .and_then(|n| u8::try_from(n).ok())
        .unwrap_or(u8::MAX)
}

/// The risk criteria, once defined.
fn criteria(kept: &Kept) -> Option<RiskCriteria> {
    let c = kept.0[CRITERIA].as_ref()?;
    RiskCriteria::new(
        level(c, "likelihoods"),
        level(c, "consequences"),
        level(c, "acceptance"),
    )
}

/// The open risks above the acceptance level (with no criteria defined yet, every open
/// risk is: nothing can be called acceptable without them), with their positions.
fn risks_above(kept: &Kept) -> impl Iterator<Item = (u16, &Value)> {
    let criteria = criteria(kept);
    records(kept, RISKS)
        .iter()
        .enumerate()
        .filter(move |(_, r)| {
            !closed(r)
                && criteria.is_none_or(|c| c.above(level(r, "likelihood"), level(r, "consequence")))
        })
        .map(|(n, r)| (n as u16, r))
}

/// Whether a risk is marked closed.
fn closed(risk: &Value) -> bool {
    risk.get("closed").and_then(Value::as_bool) == Some(true)
}

/// Whether an AI system is in the scope of the management system (it is unless it says
/// otherwise).
fn in_scope(system: &Value) -> bool {
    system.get("in_scope").and_then(Value::as_bool) != Some(false)
}

/// The id and name of record `n` of a register.
fn named<'a>(kept: &'a Kept, register: usize, name: &str, n: u16) -> (&'a str, &'a str) {
    records(kept, register)
        .get(usize::from(n))
        .map_or(("", ""), |r| (text(r, "id"), text(r, name)))
}

/// The id and name (a system's name, a risk's title) of the record a finding names.
pub fn finding_record(kept: &Kept, finding: Finding) -> Option<(&str, &str)> {
    match finding {
        Finding::SystemWithoutImpactAssessment(n) => Some(named(kept, SYSTEMS, "name", n)),
        Finding::RiskUntreated(n) | Finding::RiskNotAccepted(n) => {
            Some(named(kept, RISKS, "title", n))
        }
        Finding::ExcludedControlTreatsRisk(_) | Finding::EmptyRiskRegister => None,
    }
}

/// The id and title of evidence record `n`.
pub fn evidence_record(kept: &Kept, n: u16) -> (&str, &str) {
    named(kept, EVIDENCE, "title", n)
}

/// Per item: a finding keeps it from conforming.
const HELD: u8 = 1;
/// Per item: a current evidence record that counts supports it.
const SUPPORTED: u8 = 2;
/// Per item: it treats an open risk above the acceptance level.
const TREATS_RISK: u8 = 4;

/// What the risk and AI system registers hold about one item, for the links on its
/// card (its evidence records: `model::evidence_refs::by_item`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ItemLinks {
    /// Risks that name it among their controls (open or closed).
    pub risks: u16,
    /// AI systems in scope, for the items an impact assessment is about (6.1.4, 8.4,
    /// A.5.2–A.5.5); 0 for the others.
    pub systems: u16,
}

/// For every item (by index), what the registers hold about it.
pub fn item_links(catalog: &Catalog, kept: &Kept) -> Vec<ItemLinks> {
    let mut links = vec![ItemLinks::default(); catalog.item_count()];
    for risk in records(kept, RISKS) {
        for item in item_list(catalog, risk, "controls") {
            links[item.index()].risks += 1;
        }
    }
    let systems = records(kept, SYSTEMS)
        .iter()
        .filter(|s| in_scope(s))
        .count() as u16;
    for id in Finding::SystemWithoutImpactAssessment(0).held_ids() {
        if let Some(item) = catalog.find_item(id) {
            links[item.index()].systems = systems;
        }
    }
    links
}

/// The titles of the open risks above the acceptance level that `control` treats, in
/// the register's order: the control's reason for inclusion ("treats …").
pub fn risks_treated_by<'a>(catalog: &Catalog, kept: &'a Kept, control: ItemId) -> Vec<&'a str> {
    risks_above(kept)
        .filter(|(_, risk)| item_list(catalog, risk, "controls").contains(&control))
        .map(|(_, risk)| text(risk, "title"))
        .collect()
}

/// What the registers say about an assessment on `today`, worked out once for a score.
pub struct RegisterFacts {
    /// Every finding: excluded controls, AI systems, the empty register, risks.
    pub findings: Vec<Finding>,
    /// The evidence records past their review-by date, by position.
    pub stale_evidence: Vec<u16>,
    /// Per item (an [`ItemId`] is a byte), what the registers say about it.
    flags: [u8; 256],
}

impl RegisterFacts {
    /// The findings and evidence of `assessment`'s registers on `today`.
    pub fn of(catalog: &Catalog, assessment: &Assessment, today: Date) -> RegisterFacts {
        let kept = &assessment.registers;
        let mut facts = RegisterFacts {
            findings: Vec::new(),
            stale_evidence: Vec::new(),
            flags: [0; 256],
        };
        // One pass over the risks above the acceptance level: the controls they make
        // needed, and what each lacks (listed after the controls and the systems).
        let mut risk_findings = Vec::new();
        for (n, risk) in risks_above(kept) {
            for control in item_list(catalog, risk, "controls") {
                facts.flags[control.index()] |= TREATS_RISK;
            }
            let treated = !text(risk, "treatment").is_empty();
            let controlled = !list(risk.get("controls")).is_empty()
                || list(risk.get("own_controls"))
                    .iter()
                    .any(|c| c.as_str().is_some_and(|c| !c.trim().is_empty()));
            if !treated || !controlled {
                risk_findings.push(Finding::RiskUntreated(n));
            } else if !approved(risk, "acceptance") {
                risk_findings.push(Finding::RiskNotAccepted(n));
            }
        }
        // In control order, as the blockers list items.
        for control in catalog.item_ids() {
            if facts.treats_risk(control) && assessment.answer(control).excluded {
                facts
                    .findings
                    .push(Finding::ExcludedControlTreatsRisk(control));
            }
        }
        for (n, system) in records(kept, SYSTEMS).iter().enumerate() {
            let impact = system.get("impact_assessment").filter(|i| !i.is_null());
            if in_scope(system) && !impact.is_some_and(|i| approved(i, "approval")) {
                facts
                    .findings
                    .push(Finding::SystemWithoutImpactAssessment(n as u16));
            }
        }
        // Only closed risks are no risk assessment of today either: an auditor samples
        // the risks the organization faces now.
        if records(kept, RISKS).iter().all(closed) {
            facts.findings.push(Finding::EmptyRiskRegister);
        }
        facts.findings.append(&mut risk_findings);
        for finding in &facts.findings {
            for id in finding.held_ids() {
                if let Some(item) = catalog.find_item(id) {
                    facts.flags[item.index()] |= HELD;
                }
            }
        }
        for (n, evidence) in records(kept, EVIDENCE).iter().enumerate() {
            let review_by = evidence.get("review_by").and_then(Value::as_str);
            // A review-by date that does not read counts as past.
            if review_by.is_some_and(|by| Date::parse(by).is_none_or(|by| by < today)) {
                facts.stale_evidence.push(n as u16);
                continue;
            }
            // A kept file counts when it holds something and its record is named as an
            // evidence reference must be: an empty file, or one filed as "x", is a
            // token an auditor could not sample.
            let kept_file = evidence
                .get("file")
                .and_then(|f| f.get("size"))
                .and_then(Value::as_u64)
                .is_some_and(|size| size > 0)
                && evidence_counts(text(evidence, "title"));
            if !kept_file && !evidence_counts(text(evidence, "location")) {
                continue;
            }
            for item in item_list(catalog, evidence, "supports") {
                facts.flags[item.index()] |= SUPPORTED;
            }
        }
        facts
    }

    fn flag(&self, item: ItemId, flag: u8) -> bool {
        self.flags[item.index()] & flag != 0
    }

    /// Whether a finding keeps `item` from conforming.
    pub fn holds(&self, item: ItemId) -> bool {
        self.flag(item, HELD)
    }

    /// Whether a current evidence record that counts supports `item`.
    pub fn supports(&self, item: ItemId) -> bool {
        self.flag(item, SUPPORTED)
    }

    /// Whether `item` treats an open risk above the acceptance level: its reason for
    /// inclusion in the Statement of Applicability.
    pub fn treats_risk(&self, item: ItemId) -> bool {
        self.flag(item, TREATS_RISK)
    }
}
