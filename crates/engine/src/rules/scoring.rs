//! The scoring model, version 2 (see docs/scoring.md): certification readiness against
//! the audit bar (level 3), progress toward the organization's own targets, coverage,
//! the Stage 1 / Stage 2 verdict with its blockers, and the prioritized gaps.

use crate::model::assessment::{Answer, Assessment};
use crate::model::catalog::{Catalog, DocumentId, GroupId, ItemId, ItemKind};
use crate::model::level::{MaturityLevel, TargetLevel};
use crate::model::percent::Percent;

/// The level above which an item needs evidence to count in evidenced readiness.
const EVIDENCE_CAP: MaturityLevel = MaturityLevel::L2;

/// The clause requirements that show the management system has run (risks assessed and
/// treated, impacts assessed, an internal audit and a management review done): each
/// must be at level 3 with evidence before a Stage 1 audit.
pub const STAGE1_GATE: [&str; 14] = [
    "4.3", "5.2", "6.1.2", "6.1.3", "6.1.4", "6.2", "8.2", "8.3", "8.4", "9.2.1", "9.2.2", "9.3.1",
    "9.3.2", "9.3.3",
];

/// Whether `item` is one of the [`STAGE1_GATE`] items. Asked only of items that fall
/// short, so comparing 14 short ids costs less than keeping a table per catalog.
pub fn is_stage1_gate(catalog: &Catalog, item: ItemId) -> bool {
    STAGE1_GATE.contains(&catalog.item(item).id.as_str())
}

/// A readiness figure with its denominators, so the UI can always say "over N items,
/// M answered".
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Figure {
    /// Certification readiness: the unweighted mean of min(level, 3) / 3 over the
    /// in-scope items (unanswered 0); `None` when none are in scope. Targets and weights
    /// do not move it.
    pub readiness: Option<Percent>,
    /// The same with unevidenced claims above level 2 counted as 2.
    pub evidenced: Option<Percent>,
    /// Progress toward the organization's own targets: the weighted mean of
    /// min(level, target) / target.
    pub target_progress: Option<Percent>,
    /// In-scope items.
    pub in_scope: u16,
    /// In-scope items with a maturity level.
    pub answered: u16,
    /// Controls excluded with a justification (not counted).
    pub excluded: u16,
}

impl Figure {
    /// Answered in-scope items over in-scope items.
    pub fn coverage(&self) -> Option<Percent> {
        Percent::ratio(f64::from(self.answered), f64::from(self.in_scope))
    }
}

/// Readiness of one group (a clause or a control objective).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct GroupScore {
    /// The group.
    pub group: GroupId,
    /// Its figure.
    pub figure: Figure,
}

/// The overall verdict, in the two stages of a certification audit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verdict {
    /// Not yet ready for the Stage 1 documentation review.
    NotReady,
    /// Ready for Stage 1: every clause requirement answered and at level 2 or above, the
    /// gate items ([`STAGE1_GATE`]) at level 3 with evidence, the 21 clause documents
    /// present, no SoA defect or missing reason.
    Stage1Ready,
    /// Ready for the Stage 2 certification audit: every in-scope item at level 3 or above
    /// with evidence, no SoA defect or missing reason, every required document present.
    Ready,
}

impl Verdict {
    /// The name used in JSON (`ready`, `stage1_ready`, `not_ready`).
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Ready => "ready",
            Verdict::Stage1Ready => "stage1_ready",
            Verdict::NotReady => "not_ready",
        }
    }
}

/// The audit stage a blocker stands in front of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Stage {
    /// It stands between the assessment and `stage1_ready`.
    One,
    /// It stands only between `stage1_ready` and `ready`.
    Two,
}

impl Stage {
    /// 1 or 2.
    pub fn number(self) -> u8 {
        match self {
            Stage::One => 1,
            Stage::Two => 2,
        }
    }
}

/// One reason the verdict is not `ready`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Blocker {
    /// An in-scope item has no answer.
    Unanswered(ItemId),
    /// A clause requirement below level 2.
    BelowMinimum(ItemId, MaturityLevel),
    /// A Stage 1 gate item below level 3.
    GateBelowAuditReady(ItemId, MaturityLevel),
    /// An in-scope item at level 2 or lower, short of the audit bar.
    BelowAuditReady(ItemId, MaturityLevel),
    /// An item at level 3 or above with no evidence reference.
    NoEvidence(ItemId),
    /// A control marked excluded without a justification.
    SoaDefect(ItemId),
    /// An applicable control without a reason for its inclusion.
    SoaMissingReason(ItemId),
    /// A required document not marked present.
    MissingDocument(DocumentId),
}

impl Blocker {
    /// The name used in JSON.
    pub fn kind(self) -> &'static str {
        match self {
            Blocker::Unanswered(_) => "unanswered",
            Blocker::BelowMinimum(..) => "below_level_2",
            Blocker::GateBelowAuditReady(..) => "gate_below_level_3",
            Blocker::BelowAuditReady(..) => "below_level_3",
            Blocker::NoEvidence(_) => "no_evidence",
            Blocker::SoaDefect(_) => "soa_defect",
            Blocker::SoaMissingReason(_) => "soa_missing_reason",
            Blocker::MissingDocument(_) => "missing_document",
        }
    }

    /// The stage it stands in front of.
    pub fn stage(self, catalog: &Catalog) -> Stage {
        let clause = |i: ItemId| catalog.item(i).kind == ItemKind::Clause;
        match self {
            Blocker::Unanswered(i) if clause(i) => Stage::One,
            Blocker::NoEvidence(i) if is_stage1_gate(catalog, i) => Stage::One,
            Blocker::BelowMinimum(..)
            | Blocker::GateBelowAuditReady(..)
            | Blocker::SoaDefect(_)
            | Blocker::SoaMissingReason(_) => Stage::One,
            Blocker::MissingDocument(d) if catalog.document_control(d).is_none() => Stage::One,
            _ => Stage::Two,
        }
    }
}

/// An in-scope item below its target.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Gap {
    /// The item.
    pub item: ItemId,
    /// Its level (`None` = unanswered, counted as 0).
    pub current: Option<MaturityLevel>,
    /// Its target.
    pub target: TargetLevel,
    /// (target − current) × weight × (2 for clause requirements, 1 for controls), in
    /// hundredths (exact, since weights are kept in hundredths).
    pub priority: u32,
}

/// Everything the app and the scorer show about an assessment.
#[derive(Clone, Debug, PartialEq)]
pub struct Score {
    /// All in-scope items.
    pub overall: Figure,
    /// Clause requirements 4–10.
    pub clauses: Figure,
    /// Annex A controls in scope.
    pub annex_a: Figure,
    /// Every group in catalog order (clauses, control objectives and their subgroups).
    pub groups: Vec<GroupScore>,
    /// The verdict.
    pub verdict: Verdict,
    /// Every reason the verdict is not `ready`, in catalog order, documents last.
    pub blockers: Vec<Blocker>,
    /// In-scope items below target, highest priority first, then catalog order.
    pub gaps: Vec<Gap>,
    /// Controls excluded without a justification.
    pub soa_defects: Vec<ItemId>,
    /// Applicable controls without a reason for their inclusion.
    pub soa_missing_reasons: Vec<ItemId>,
    /// Required documents marked present.
    pub documents_present: u16,
    /// Documents required now: the clause documents, and those of in-scope controls.
    pub documents_total: u16,
}

/// Certification score of one item: min(level, 3) / 3; unanswered is 0.
pub fn readiness_score(level: Option<MaturityLevel>) -> f64 {
    let bar = MaturityLevel::AUDIT_READY.number();
    f64::from(level.map_or(0, |l| l.number().min(bar))) / f64::from(bar)
}

/// Progress of one item toward its own target: min(level, target) / target; unanswered 0.
pub fn item_score(level: Option<MaturityLevel>, target: TargetLevel) -> f64 {
    let reached = level.map_or(0, |l| l.number().min(target.number()));
    f64::from(reached) / f64::from(target.number())
}

/// The level that counts for evidenced readiness: claims above level 2 need evidence.
pub fn evidenced_level(level: Option<MaturityLevel>, has_evidence: bool) -> Option<MaturityLevel> {
    match level {
        Some(l) if l > EVIDENCE_CAP && !has_evidence => Some(EVIDENCE_CAP),
        other => other,
    }
}

/// Running sums for one figure.
#[derive(Default, Clone, Copy)]
struct Sums {
    claimed: f64,
    evidenced: f64,
    weight: f64,
    progress: f64,
    in_scope: u16,
    answered: u16,
    excluded: u16,
}

impl Sums {
    fn add(&mut self, answer: &Answer, in_scope: bool) {
        if !in_scope {
            self.excluded += 1;
            return;
        }
        let w = answer.weight.value();
        let has_evidence = !answer.evidence.is_empty();
        self.claimed += readiness_score(answer.maturity);
        self.evidenced += readiness_score(evidenced_level(answer.maturity, has_evidence));
        self.weight += w;
        self.progress += w * item_score(answer.maturity, answer.target);
        self.in_scope += 1;
        self.answered += u16::from(answer.maturity.is_some());
    }

    fn figure(self) -> Figure {
        let n = f64::from(self.in_scope);
        Figure {
            readiness: Percent::ratio(self.claimed, n),
            evidenced: Percent::ratio(self.evidenced, n),
            target_progress: Percent::ratio(self.progress, self.weight),
            in_scope: self.in_scope,
            answered: self.answered,
            excluded: self.excluded,
        }
    }
}

/// The blocker an in-scope item raises on its own (answer and evidence), if any.
fn item_blocker(
    catalog: &Catalog,
    item: ItemId,
    level: Option<MaturityLevel>,
    evidenced: bool,
) -> Option<Blocker> {
    let clause = catalog.item(item).kind == ItemKind::Clause;
    match level {
        None => Some(Blocker::Unanswered(item)),
        Some(l) if clause && l < MaturityLevel::L2 => Some(Blocker::BelowMinimum(item, l)),
        Some(l) if l < MaturityLevel::AUDIT_READY && is_stage1_gate(catalog, item) => {
            Some(Blocker::GateBelowAuditReady(item, l))
        }
        Some(l) if l < MaturityLevel::AUDIT_READY => Some(Blocker::BelowAuditReady(item, l)),
        Some(_) if !evidenced => Some(Blocker::NoEvidence(item)),
        Some(_) => None,
    }
}

/// The figure of any set of items (for example those a crosswalk reference maps to),
/// by the same rules as the groups' figures.
pub fn figure_of(
    catalog: &Catalog,
    assessment: &Assessment,
    items: impl IntoIterator<Item = ItemId>,
) -> Figure {
    let mut sums = Sums::default();
    for item in items {
        sums.add(assessment.answer(item), assessment.in_scope(catalog, item));
    }
    sums.figure()
}

/// Scores an assessment against its catalog.
pub fn score(catalog: &Catalog, assessment: &Assessment) -> Score {
    let mut overall = Sums::default();
    let mut clauses = Sums::default();
    let mut annex_a = Sums::default();
    let mut groups = vec![Sums::default(); catalog.group_ids().len()];
    let mut blockers = Vec::new();
    let mut gaps = Vec::new();

    for item in catalog.item_ids() {
        let answer = assessment.answer(item);
        let kind = catalog.item(item).kind;
        let in_scope = assessment.in_scope(catalog, item);
        let has_evidence = !answer.evidence.is_empty();
        let kind_sums = match kind {
            ItemKind::Clause => &mut clauses,
            ItemKind::Control => &mut annex_a,
        };
        let add = |sums: &mut Sums| sums.add(answer, in_scope);
        add(&mut overall);
        add(kind_sums);
        let mut group = Some(catalog.item_group(item));
        while let Some(g) = group {
            add(&mut groups[g.index()]);
            group = catalog.group_parent(g);
        }
        if !in_scope {
            continue;
        }
        blockers.extend(item_blocker(catalog, item, answer.maturity, has_evidence));
        let current = answer.maturity.map_or(0, MaturityLevel::number);
        if current < answer.target.number() {
            let factor = match kind {
                ItemKind::Clause => 2,
                ItemKind::Control => 1,
            };
            let shortfall = u32::from(answer.target.number() - current);
            gaps.push(Gap {
                item,
                current: answer.maturity,
                target: answer.target,
                priority: shortfall * answer.weight.hundredths() * factor,
            });
        }
    }

    let soa_defects: Vec<ItemId> = assessment.soa_defects(catalog).collect();
    let soa_missing_reasons: Vec<ItemId> = assessment.missing_reasons(catalog).collect();
    blockers.extend(soa_defects.iter().map(|&i| Blocker::SoaDefect(i)));
    blockers.extend(
        soa_missing_reasons
            .iter()
            .map(|&i| Blocker::SoaMissingReason(i)),
    );
    let (mut documents_present, mut documents_total) = (0, 0);
    for doc in catalog.document_ids() {
        if !assessment.document_required(catalog, doc) {
            continue;
        }
        documents_total += 1;
        if assessment.document_present(doc) {
            documents_present += 1;
        } else {
            blockers.push(Blocker::MissingDocument(doc));
        }
    }
    // Highest priority first, equal priorities in catalog order.
    gaps.sort_by(|a, b| {
        (std::cmp::Reverse(a.priority), a.item).cmp(&(std::cmp::Reverse(b.priority), b.item))
    });

    let verdict = match blockers.iter().map(|b| b.stage(catalog)).min() {
        Some(Stage::One) => Verdict::NotReady,
        Some(Stage::Two) => Verdict::Stage1Ready,
        None => Verdict::Ready,
    };
    Score {
        overall: overall.figure(),
        clauses: clauses.figure(),
        annex_a: annex_a.figure(),
        groups: catalog
            .group_ids()
            .map(|g| GroupScore {
                group: g,
                figure: groups[g.index()].figure(),
            })
            .collect(),
        verdict,
        blockers,
        gaps,
        soa_defects,
        soa_missing_reasons,
        documents_present,
        documents_total,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn item_score_caps_at_target_and_counts_unanswered_as_zero() {
        assert_eq!(item_score(None, TargetLevel::T3), 0.0);
        assert_eq!(item_score(Some(MaturityLevel::L5), TargetLevel::T3), 1.0);
        assert_eq!(item_score(Some(MaturityLevel::L2), TargetLevel::T4), 0.5);
        assert_eq!(item_score(Some(MaturityLevel::L4), TargetLevel::T5), 0.8);
    }

    #[test]
    fn readiness_score_is_against_level_3_whatever_the_target() {
        assert_eq!(readiness_score(None), 0.0);
        assert_eq!(readiness_score(Some(MaturityLevel::L1)), 1.0 / 3.0);
        assert_eq!(readiness_score(Some(MaturityLevel::L3)), 1.0);
        assert_eq!(readiness_score(Some(MaturityLevel::L5)), 1.0);
    }

    #[test]
    fn evidence_caps_claims_above_two() {
        assert_eq!(
            evidenced_level(Some(MaturityLevel::L4), false),
            Some(MaturityLevel::L2)
        );
        assert_eq!(
            evidenced_level(Some(MaturityLevel::L4), true),
            Some(MaturityLevel::L4)
        );
        assert_eq!(
            evidenced_level(Some(MaturityLevel::L1), false),
            Some(MaturityLevel::L1)
        );
        assert_eq!(evidenced_level(None, false), None);
    }
}
