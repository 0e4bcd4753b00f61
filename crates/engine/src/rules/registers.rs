//! What the registers (model::registers) change in the figures: each rule names the
//! clause requirements and controls it keeps from conforming, so a register left empty
//! or a risk left untreated cannot be talked up into "ready" (docs/scoring.md,
//! "Registers").
//!
//! - `excluded_control_treats_risk`: an Annex A control that treats an open risk above
//!   the acceptance level is needed; excluding it is a defect of the Statement of
//!   Applicability, and those risks are its reason for inclusion ([`inclusion_reasons`]).
//! - `system_without_impact_assessment`: while an AI system in scope has no approved
//!   impact assessment, 6.1.4, 8.4 and A.5.2–A.5.5 cannot conform.
//! - `empty_risk_register`: with no risk recorded, 6.1.2 and 8.2 cannot conform.
//! - `risk_untreated` (no treatment, or neither an Annex A nor an own control) and
//!   `risk_not_accepted` (no named acceptance of what remains): while a risk above the
//!   acceptance level is either, 6.1.3 and 8.3 cannot conform.
//! - `stale_evidence`: evidence past its review-by date does not count for the items it
//!   supports.
//!
//! Not yet applied by `rules::scoring`: the registers are not part of an assessment's
//! file yet.

use crate::model::assessment::Assessment;
use crate::model::catalog::{Catalog, ItemId};
use crate::model::date::Date;
use crate::model::registers::{RecordId, Registers};

/// One reason the registers keep items from conforming.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Finding {
    /// An excluded control treats these open risks above the acceptance level.
    ExcludedControlTreatsRisk(ItemId, Vec<RecordId>),
    /// An AI system in scope has no approved impact assessment.
    SystemWithoutImpactAssessment(RecordId),
    /// No risk is recorded.
    EmptyRiskRegister,
    /// A risk above the acceptance level has no treatment or no control.
    RiskUntreated(RecordId),
    /// A risk above the acceptance level has no accepted residual risk.
    RiskNotAccepted(RecordId),
    /// Evidence past its review-by date.
    StaleEvidence(RecordId),
}

impl Finding {
    /// The rule's name, as in docs/scoring.md and the score's JSON.
    pub fn kind(&self) -> &'static str {
        match self {
            Finding::ExcludedControlTreatsRisk(..) => "excluded_control_treats_risk",
            Finding::SystemWithoutImpactAssessment(_) => "system_without_impact_assessment",
            Finding::EmptyRiskRegister => "empty_risk_register",
            Finding::RiskUntreated(_) => "risk_untreated",
            Finding::RiskNotAccepted(_) => "risk_not_accepted",
            Finding::StaleEvidence(_) => "stale_evidence",
        }
    }
}

/// The catalog's items named by `ids` (each is in the standard's structure).
fn items(catalog: &Catalog, ids: &[&str]) -> Vec<ItemId> {
    ids.iter().filter_map(|id| catalog.find_item(id)).collect()
}

/// For each Annex A control that treats open risks above the acceptance level, those
/// risks: its reason for inclusion ("treats R-3, R-7"), in control order.
pub fn inclusion_reasons(registers: &Registers) -> Vec<(ItemId, Vec<RecordId>)> {
    let mut reasons: Vec<(ItemId, Vec<RecordId>)> = Vec::new();
    for risk in registers
        .risks
        .iter()
        .filter(|r| registers.above_acceptance(r))
    {
        for &control in &risk.controls {
            match reasons.iter_mut().find(|(c, _)| *c == control) {
                Some((_, risks)) => risks.push(risk.id.clone()),
                None => reasons.push((control, vec![risk.id.clone()])),
            }
        }
    }
    reasons.sort_unstable_by_key(|(c, _)| *c);
    reasons
}

/// Every finding on `today`, each with the items it keeps from conforming (for stale
/// evidence: the items it no longer counts for).
pub fn findings(
    catalog: &Catalog,
    assessment: &Assessment,
    registers: &Registers,
    today: Date,
) -> Vec<(Finding, Vec<ItemId>)> {
    let mut out = Vec::new();
    for (control, risks) in inclusion_reasons(registers) {
        if assessment.answer(control).excluded {
            out.push((
                Finding::ExcludedControlTreatsRisk(control, risks),
                vec![control],
            ));
        }
    }
    let impact = items(
        catalog,
        &["6.1.4", "8.4", "A.5.2", "A.5.3", "A.5.4", "A.5.5"],
    );
    for system in &registers.ai_systems {
        let approved = system.impact.as_ref().is_some_and(|i| i.approved());
        if system.in_scope && !approved {
            out.push((
                Finding::SystemWithoutImpactAssessment(system.id.clone()),
                impact.clone(),
            ));
        }
    }
    if registers.risks.is_empty() {
        out.push((
            Finding::EmptyRiskRegister,
            items(catalog, &["6.1.2", "8.2"]),
        ));
    }
    let treatment = items(catalog, &["6.1.3", "8.3"]);
    for risk in registers
        .risks
        .iter()
        .filter(|r| registers.above_acceptance(r))
    {
        let controlled =
            !risk.controls.is_empty() || risk.own_controls.iter().any(|c| !c.trim().is_empty());
        if risk.treatment.is_none() || !controlled {
            out.push((Finding::RiskUntreated(risk.id.clone()), treatment.clone()));
        } else if !risk.acceptance.as_ref().is_some_and(|a| a.counts()) {
            out.push((Finding::RiskNotAccepted(risk.id.clone()), treatment.clone()));
        }
    }
    for evidence in registers.evidence.iter().filter(|e| e.stale(today)) {
        out.push((
            Finding::StaleEvidence(evidence.id.clone()),
            evidence.supports.clone(),
        ));
    }
    out
}

/// How many evidence records support `item` and still count on `today`.
pub fn counting_evidence(registers: &Registers, item: ItemId, today: Date) -> usize {
    registers
        .evidence
        .iter()
        .filter(|e| e.supports.contains(&item) && !e.stale(today))
        .count()
}
