//! The scoring model, version 3 (see docs/scoring.md): conformity today (what an
//! auditor would find conforming), implementation maturity, progress toward the
//! organization's own targets, coverage, the Stage 1 / Stage 2 verdict with its
//! blockers and warnings, and the prioritized gaps.

use crate::model::assessment::{Answer, Assessment};
use crate::model::catalog::{Catalog, DocumentClass, DocumentId, GroupId, ItemId, ItemKind};
use crate::model::date::Date;
use crate::model::level::{MaturityLevel, TargetLevel};
use crate::model::percent::Percent;
use crate::rules::basis::basis_of;
use crate::rules::exclusions::conflicting_clause;
use crate::rules::registers::{Finding, RegisterFacts};

/// The level above which an item needs evidence to count in evidenced maturity.
const EVIDENCE_CAP: MaturityLevel = MaturityLevel::L2;

/// Clause requirements that must be at level 3 with evidence before a Stage 1 audit:
/// the scope, the policy, the risk criteria, the risk and impact assessments and their
/// treatment, and the objectives (the design of the management system, and the first
/// risk cycle run through it).
pub const GATE_LEVEL_3: [&str; 10] = [
    "4.3", "5.2", "6.1.1", "6.1.2", "6.1.3", "6.1.4", "6.2", "8.2", "8.3", "8.4",
];

/// Clause requirements that must be at least at level 2 (planned and under way) before a
/// Stage 1 audit: internal audit and management review. ISO/IEC 17021-1 has the Stage 1
/// auditor check that they are planned and being performed; a completed cycle is what
/// Stage 2 needs, as for every other item.
pub const GATE_LEVEL_2: [&str; 5] = ["9.2.1", "9.2.2", "9.3.1", "9.3.2", "9.3.3"];

/// What a Stage 1 audit asks of a gate item.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gate {
    /// Level 3 or above with evidence ([`GATE_LEVEL_3`]).
    AuditReady,
    /// Level 2 or above ([`GATE_LEVEL_2`]).
    UnderWay,
}

/// The Stage 1 gate of `item`, if it is one. Asked only of items that fall short, so
/// comparing 15 short ids costs less than keeping a table per catalog.
pub fn stage1_gate(catalog: &Catalog, item: ItemId) -> Option<Gate> {
    let id = catalog.item(item).id.as_str();
    if GATE_LEVEL_3.contains(&id) {
        Some(Gate::AuditReady)
    } else if GATE_LEVEL_2.contains(&id) {
        Some(Gate::UnderWay)
    } else {
        None
    }
}

/// Whether `item` must conform (level 3 with evidence) before Stage 1.
fn conforms_before_stage1(catalog: &Catalog, item: ItemId) -> bool {
    stage1_gate(catalog, item) == Some(Gate::AuditReady)
}

/// A set of items' figures with their denominators, so the UI can always say "n of N
/// conform, M answered, K excluded".
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Figure {
    /// Conformity today: in-scope items an auditor would find conforming (confirmed
    /// level 3 or above, evidence that counts, and every item it builds on at level 3 or
    /// above) over in-scope items; `None` when none are in scope.
    pub conformity: Option<Percent>,
    /// The in-scope items that conform.
    pub conforming: u16,
    /// Implementation maturity: the unweighted mean of min(level, 3) / 3 over the
    /// in-scope items (unanswered and unconfirmed estimates 0). Targets and weights do not
    /// move it.
    pub maturity: Option<Percent>,
    /// The same with unevidenced claims above level 2 counted as 2.
    pub evidenced: Option<Percent>,
    /// Progress toward the organization's own targets: the weighted mean of
    /// min(level, target) / target.
    pub target_progress: Option<Percent>,
    /// In-scope items.
    pub in_scope: u16,
    /// In-scope items with a confirmed maturity level.
    pub answered: u16,
    /// In-scope items holding only an unconfirmed quick-check estimate.
    pub estimates: u16,
    /// Controls excluded with a justification that counts (not counted).
    pub excluded: u16,
}

impl Figure {
    /// Answered in-scope items over in-scope items.
    pub fn coverage(&self) -> Option<Percent> {
        Percent::ratio(f64::from(self.answered), f64::from(self.in_scope))
    }
}

/// The figures of one group (a clause or a control objective).
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
    /// Not yet ready for the Stage 1 audit.
    NotReady,
    /// Ready for Stage 1: no blocker of stage 1 (see [`Blocker::stage`]).
    Stage1Ready,
    /// Ready for the Stage 2 certification audit: no blocker at all.
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
    /// An in-scope item has no confirmed answer (unanswered, or only an estimate).
    Unanswered(ItemId),
    /// A clause requirement below level 2.
    BelowMinimum(ItemId, MaturityLevel),
    /// A gate item that must be under way before Stage 1 is below level 2.
    GateBelowUnderWay(ItemId, MaturityLevel),
    /// A gate item that must conform before Stage 1 is below level 3.
    GateBelowAuditReady(ItemId, MaturityLevel),
    /// An in-scope item at level 2 or lower, short of the audit bar.
    BelowAuditReady(ItemId, MaturityLevel),
    /// An item at level 3 or above with no evidence reference that counts.
    NoEvidence(ItemId),
    /// An item claimed at level 3 or above while an item it builds on is below 3.
    InconsistentClaim {
        /// The item claimed.
        item: ItemId,
        /// The item it builds on.
        basis: ItemId,
    },
    /// A control excluded although a mandatory clause is carried out through it.
    ExclusionConflict {
        /// The excluded control.
        control: ItemId,
        /// The clause left without it.
        clause: ItemId,
    },
    /// A control marked excluded without a justification that counts.
    SoaDefect(ItemId),
    /// An applicable control without a reason for its inclusion that counts.
    SoaMissingReason(ItemId),
    /// The Statement of Applicability has no scope to state.
    SoaNoScope,
    /// A control of the organization's own (by position) without a reason that counts or
    /// without a status.
    OwnControlIncomplete(usize),
    /// A required document not marked present.
    MissingDocument(DocumentId),
    /// A rule of the registers keeps items from conforming (rules::registers).
    Register(Finding),
}

impl Blocker {
    /// The name used in JSON.
    pub fn kind(self) -> &'static str {
        match self {
            Blocker::Unanswered(_) => "unanswered",
            Blocker::BelowMinimum(..) => "below_level_2",
            Blocker::GateBelowUnderWay(..) => "gate_below_level_2",
            Blocker::GateBelowAuditReady(..) => "gate_below_level_3",
            Blocker::BelowAuditReady(..) => "below_level_3",
            Blocker::NoEvidence(_) => "no_evidence",
            Blocker::InconsistentClaim { .. } => "inconsistent_claim",
            Blocker::ExclusionConflict { .. } => "exclusion_conflicts_with_clause",
            Blocker::SoaDefect(_) => "soa_defect",
            Blocker::SoaMissingReason(_) => "soa_missing_reason",
            Blocker::SoaNoScope => "soa_no_scope",
            Blocker::OwnControlIncomplete(_) => "own_control_incomplete",
            Blocker::MissingDocument(_) => "missing_document",
            Blocker::Register(f) => f.kind(),
        }
    }

    /// The item a blocker is about, if any (for a document: none; see
    /// [`Catalog::document_item`]).
    pub fn item(self) -> Option<ItemId> {
        match self {
            Blocker::Unanswered(i)
            | Blocker::BelowMinimum(i, _)
            | Blocker::GateBelowUnderWay(i, _)
            | Blocker::GateBelowAuditReady(i, _)
            | Blocker::BelowAuditReady(i, _)
            | Blocker::NoEvidence(i)
            | Blocker::SoaDefect(i)
            | Blocker::SoaMissingReason(i)
            | Blocker::InconsistentClaim { item: i, .. }
            | Blocker::ExclusionConflict { control: i, .. }
            | Blocker::Register(Finding::ExcludedControlTreatsRisk(i)) => Some(i),
            Blocker::Register(_)
            | Blocker::SoaNoScope
            | Blocker::OwnControlIncomplete(_)
            | Blocker::MissingDocument(_) => None,
        }
    }

    /// The stage it stands in front of.
    pub fn stage(self, catalog: &Catalog) -> Stage {
        let before_stage1 = match self {
            Blocker::BelowAuditReady(..) => false,
            Blocker::NoEvidence(i) | Blocker::InconsistentClaim { item: i, .. } => {
                conforms_before_stage1(catalog, i)
            }
            Blocker::MissingDocument(d) => document_stage(catalog, d) == Stage::One,
            _ => true,
        };
        if before_stage1 {
            Stage::One
        } else {
            Stage::Two
        }
    }
}

/// The stage a required document is needed before: Stage 1 for every design document
/// and for the records of requirements that must conform before Stage 1 (the first
/// risk and impact assessments); Stage 2 for other records, which show a completed
/// cycle.
pub fn document_stage(catalog: &Catalog, doc: DocumentId) -> Stage {
    let design = catalog.document(doc).class == DocumentClass::Design;
    if design
        || catalog
            .document_item(doc)
            .is_some_and(|i| conforms_before_stage1(catalog, i))
    {
        Stage::One
    } else {
        Stage::Two
    }
}

/// Something an auditor would question that does not by itself stop a certification.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Warning {
    /// A required document is marked present while its requirement is at level 0 or 1:
    /// a document nobody follows.
    DocumentWithoutPractice {
        /// The document.
        document: DocumentId,
        /// Its requirement.
        item: ItemId,
        /// The requirement's level.
        level: MaturityLevel,
    },
    /// The role profile names roles, but none an AI management system governs (AI
    /// provider, producer, customer or partner): nothing is in scope.
    NoAiRoleInScope,
    /// An evidence record (by position) past its review-by date: it no longer counts.
    StaleEvidence(u16),
}

impl Warning {
    /// The name used in JSON.
    pub fn kind(self) -> &'static str {
        match self {
            Warning::DocumentWithoutPractice { .. } => "document_without_practice",
            Warning::NoAiRoleInScope => "no_ai_role_in_scope",
            Warning::StaleEvidence(_) => "stale_evidence",
        }
    }
}

/// An in-scope item below its target.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Gap {
    /// The item.
    pub item: ItemId,
    /// Its confirmed level (`None` = unanswered or an estimate, counted as 0).
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
    /// Every reason the verdict is not `ready`: per item in catalog order, then the
    /// Statement of Applicability's defects, gaps and title block, the organization's own
    /// controls, the registers' findings, and documents last.
    pub blockers: Vec<Blocker>,
    /// What an auditor would question without it blocking the verdict.
    pub warnings: Vec<Warning>,
    /// In-scope items below target, highest priority first, then catalog order.
    pub gaps: Vec<Gap>,
    /// Controls excluded without a justification that counts.
    pub soa_defects: Vec<ItemId>,
    /// Applicable controls without a reason for their inclusion that counts.
    pub soa_missing_reasons: Vec<ItemId>,
    /// Required documents marked present.
    pub documents_present: u16,
    /// Documents required now: the clause documents, and those of in-scope controls.
    pub documents_total: u16,
}

/// Maturity score of one item: min(level, 3) / 3; unanswered is 0.
pub fn readiness_score(level: Option<MaturityLevel>) -> f64 {
    let bar = MaturityLevel::AUDIT_READY.number();
    f64::from(level.map_or(0, |l| l.number().min(bar))) / f64::from(bar)
}

/// Progress of one item toward its own target: min(level, target) / target; unanswered 0.
pub fn item_score(level: Option<MaturityLevel>, target: TargetLevel) -> f64 {
    let reached = level.map_or(0, |l| l.number().min(target.number()));
    f64::from(reached) / f64::from(target.number())
}

/// The level that counts for evidenced maturity: claims above level 2 need evidence.
pub fn evidenced_level(level: Option<MaturityLevel>, has_evidence: bool) -> Option<MaturityLevel> {
    match level {
        Some(l) if l > EVIDENCE_CAP && !has_evidence => Some(EVIDENCE_CAP),
        other => other,
    }
}

/// What the rules need to know about one item, worked out once.
#[derive(Clone, Copy)]
struct Facts<'a> {
    answer: &'a Answer,
    in_scope: bool,
    /// The confirmed level (estimates count as none).
    level: Option<MaturityLevel>,
    evidenced: bool,
    /// The first item it builds on that is below level 3, if any.
    weak_basis: Option<ItemId>,
    /// A rule of the registers keeps it from conforming.
    held: bool,
}

impl Facts<'_> {
    fn claims_audit_ready(&self) -> bool {
        self.level.is_some_and(|l| l >= MaturityLevel::AUDIT_READY)
    }

    fn conforms(&self) -> bool {
        self.in_scope
            && self.claims_audit_ready()
            && self.evidenced
            && self.weak_basis.is_none()
            && !self.held
    }
}

fn facts<'a>(
    catalog: &Catalog,
    assessment: &'a Assessment,
    registers: &RegisterFacts,
    item: ItemId,
) -> Facts<'a> {
    let answer = assessment.answer(item);
    let level = answer.confirmed();
    let weak_basis = if level.is_some_and(|l| l >= MaturityLevel::AUDIT_READY) {
        basis_of(catalog, item).find(|&b| {
            !assessment.in_scope(catalog, b)
                || assessment
                    .answer(b)
                    .confirmed()
                    .is_none_or(|l| l < MaturityLevel::AUDIT_READY)
        })
    } else {
        None
    };
    Facts {
        answer,
        in_scope: assessment.in_scope(catalog, item),
        level,
        evidenced: registers.supports(item),
        weak_basis,
        held: registers.holds(item),
    }
}

/// Whether an auditor would find `item` conforming: in scope, confirmed at level 3 or
/// above, with evidence that counts, every item it builds on at level 3 or above, and no
/// rule of the registers against it (`registers`: [`RegisterFacts::of`] on the day).
pub fn conforms(
    catalog: &Catalog,
    assessment: &Assessment,
    registers: &RegisterFacts,
    item: ItemId,
) -> bool {
    facts(catalog, assessment, registers, item).conforms()
}

/// Running sums for one figure.
#[derive(Default, Clone, Copy)]
struct Sums {
    conforming: u16,
    maturity: f64,
    evidenced: f64,
    weight: f64,
    progress: f64,
    in_scope: u16,
    answered: u16,
    estimates: u16,
    excluded: u16,
}

impl Sums {
    fn add(&mut self, f: &Facts) {
        if !f.in_scope {
            self.excluded += 1;
            return;
        }
        let w = f.answer.weight.value();
        self.conforming += u16::from(f.conforms());
        self.maturity += readiness_score(f.level);
        self.evidenced += readiness_score(evidenced_level(f.level, f.evidenced));
        self.weight += w;
        self.progress += w * item_score(f.level, f.answer.target);
        self.in_scope += 1;
        self.answered += u16::from(f.level.is_some());
        self.estimates += u16::from(f.answer.estimate && f.answer.maturity.is_some());
    }

    fn figure(self) -> Figure {
        let n = f64::from(self.in_scope);
        Figure {
            conformity: Percent::ratio(f64::from(self.conforming), n),
            conforming: self.conforming,
            maturity: Percent::ratio(self.maturity, n),
            evidenced: Percent::ratio(self.evidenced, n),
            target_progress: Percent::ratio(self.progress, self.weight),
            in_scope: self.in_scope,
            answered: self.answered,
            estimates: self.estimates,
            excluded: self.excluded,
        }
    }
}

/// The blocker an in-scope item raises on its level and evidence, if any: at most one.
fn level_blocker(catalog: &Catalog, item: ItemId, f: &Facts) -> Option<Blocker> {
    let Some(l) = f.level else {
        return Some(Blocker::Unanswered(item));
    };
    let clause = catalog.item(item).kind == ItemKind::Clause;
    match stage1_gate(catalog, item) {
        Some(Gate::AuditReady) if l < MaturityLevel::AUDIT_READY => {
            Some(Blocker::GateBelowAuditReady(item, l))
        }
        Some(Gate::UnderWay) if l < MaturityLevel::L2 => Some(Blocker::GateBelowUnderWay(item, l)),
        None if clause && l < MaturityLevel::L2 => Some(Blocker::BelowMinimum(item, l)),
        _ if l < MaturityLevel::AUDIT_READY => Some(Blocker::BelowAuditReady(item, l)),
        _ if !f.evidenced => Some(Blocker::NoEvidence(item)),
        _ => None,
    }
}

/// The figure of any set of items (for example those a crosswalk reference maps to),
/// by the same rules as the groups' figures.
pub fn figure_of(
    catalog: &Catalog,
    assessment: &Assessment,
    items: impl IntoIterator<Item = ItemId>,
    today: Date,
) -> Figure {
    let registers = RegisterFacts::of(catalog, assessment, today);
    let mut sums = Sums::default();
    for item in items {
        sums.add(&facts(catalog, assessment, &registers, item));
    }
    sums.figure()
}

/// Scores an assessment against its catalog on `today` (evidence records past their
/// review-by date no longer count).
pub fn score(catalog: &Catalog, assessment: &Assessment, today: Date) -> Score {
    let registers = RegisterFacts::of(catalog, assessment, today);
    let mut overall = Sums::default();
    let mut clauses = Sums::default();
    let mut annex_a = Sums::default();
    let mut groups = vec![Sums::default(); catalog.group_ids().len()];
    let mut blockers = Vec::new();
    let mut gaps = Vec::new();

    for item in catalog.item_ids() {
        let f = facts(catalog, assessment, &registers, item);
        let kind = catalog.item(item).kind;
        overall.add(&f);
        match kind {
            ItemKind::Clause => clauses.add(&f),
            ItemKind::Control => annex_a.add(&f),
        }
        let mut group = Some(catalog.item_group(item));
        while let Some(g) = group {
            groups[g.index()].add(&f);
            group = catalog.group_parent(g);
        }
        if f.answer.excluded {
            if let Some(clause) = conflicting_clause(catalog, item) {
                blockers.push(Blocker::ExclusionConflict {
                    control: item,
                    clause,
                });
            }
        }
        if !f.in_scope {
            continue;
        }
        blockers.extend(level_blocker(catalog, item, &f));
        if let Some(basis) = f.weak_basis {
            blockers.push(Blocker::InconsistentClaim { item, basis });
        }
        let current = f.level.map_or(0, MaturityLevel::number);
        let target = f.answer.target;
        if current < target.number() {
            let factor = match kind {
                ItemKind::Clause => 2,
                ItemKind::Control => 1,
            };
            let shortfall = u32::from(target.number() - current);
            gaps.push(Gap {
                item,
                current: f.level,
                target,
                priority: shortfall * f.answer.weight.hundredths() * factor,
            });
        }
    }

    let soa_defects: Vec<ItemId> = assessment.soa_defects(catalog).collect();
    // A control that treats an open risk above the acceptance level has that as its
    // reason for inclusion.
    let soa_missing_reasons: Vec<ItemId> = assessment
        .missing_reasons(catalog)
        .filter(|&i| !registers.treats_risk(i))
        .collect();
    blockers.extend(soa_defects.iter().map(|&i| Blocker::SoaDefect(i)));
    blockers.extend(
        soa_missing_reasons
            .iter()
            .map(|&i| Blocker::SoaMissingReason(i)),
    );
    if assessment.profile.scope_note.trim().is_empty() {
        blockers.push(Blocker::SoaNoScope);
    }
    blockers.extend(
        assessment
            .additional
            .iter()
            .enumerate()
            .filter(|(_, c)| !c.is_complete())
            .map(|(n, _)| Blocker::OwnControlIncomplete(n)),
    );
    for &f in &registers.findings {
        blockers.push(Blocker::Register(f));
    }
    let mut warnings = Vec::new();
    if assessment.profile.no_role_in_scope() {
        warnings.push(Warning::NoAiRoleInScope);
    }
    for &n in &registers.stale_evidence {
        warnings.push(Warning::StaleEvidence(n));
    }
    let (mut documents_present, mut documents_total) = (0, 0);
    for doc in catalog.document_ids() {
        if !assessment.document_required(catalog, doc) {
            continue;
        }
        documents_total += 1;
        if !assessment.document_present(doc) {
            blockers.push(Blocker::MissingDocument(doc));
            continue;
        }
        documents_present += 1;
        let practice = catalog
            .document_item(doc)
            .and_then(|i| Some((i, assessment.answer(i).confirmed()?)));
        if let Some((item, level)) = practice.filter(|&(_, l)| l < MaturityLevel::L2) {
            warnings.push(Warning::DocumentWithoutPractice {
                document: doc,
                item,
                level,
            });
        }
    }
    // Highest priority first, equal priorities in catalog order (one gap per item, so
    // the order is total and the sort need not be stable).
    gaps.sort_unstable_by(|a, b| {
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
        warnings,
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
