//! The scoring model (see docs/scoring.md): item scores, weighted readiness figures,
//! coverage, the verdict with its blockers, and the prioritized gaps.

use super::assessment::Assessment;
use super::catalog::{Catalog, DocumentId, GroupId, ItemId, ItemKind};
use super::level::{MaturityLevel, TargetLevel};
use super::percent::Percent;

/// The level above which an item needs evidence to count in evidenced readiness.
const EVIDENCE_CAP: MaturityLevel = MaturityLevel::L2;

/// A weighted readiness figure with its denominators, so the UI can always say
/// "over N items, M answered".
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Figure {
    /// Weighted mean of item scores over the in-scope items; `None` when none are in scope.
    pub readiness: Option<Percent>,
    /// The same with unevidenced claims above level 2 capped at 2.
    pub evidenced: Option<Percent>,
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

/// The overall verdict.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Every clause requirement and in-scope control at level 3 or above, no SoA
    /// defect, every mandatory document present.
    Ready,
    /// Not ready, but no clause requirement below level 2 or unanswered.
    Close,
    /// A clause requirement is unanswered or below level 2.
    NotReady,
}

impl Verdict {
    /// The name used in JSON (`ready`, `close`, `not_ready`).
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Ready => "ready",
            Verdict::Close => "close",
            Verdict::NotReady => "not_ready",
        }
    }
}

/// One reason the verdict is not `ready`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Blocker {
    /// An in-scope item has no answer (for a clause requirement: makes the verdict `not_ready`).
    Unanswered(ItemId),
    /// A clause requirement below level 2 (makes the verdict `not_ready`).
    BelowMinimum(ItemId, MaturityLevel),
    /// An in-scope item at level 2 or lower, short of the audit-ready level 3.
    BelowAuditReady(ItemId, MaturityLevel),
    /// A control marked excluded without a justification.
    SoaDefect(ItemId),
    /// A mandatory document not marked present.
    MissingDocument(DocumentId),
}

impl Blocker {
    /// The name used in JSON.
    pub fn kind(self) -> &'static str {
        match self {
            Blocker::Unanswered(_) => "unanswered",
            Blocker::BelowMinimum(..) => "below_level_2",
            Blocker::BelowAuditReady(..) => "below_level_3",
            Blocker::SoaDefect(_) => "soa_defect",
            Blocker::MissingDocument(_) => "missing_document",
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
pub struct Report {
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
    /// Mandatory documents marked present, out of the catalog's total.
    pub documents_present: u16,
}

/// The score of one answered-or-not item: min(level, target) / target; unanswered is 0.
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
    weight: f64,
    claimed: f64,
    evidenced: f64,
    in_scope: u16,
    answered: u16,
    excluded: u16,
}

impl Sums {
    fn figure(self) -> Figure {
        Figure {
            readiness: Percent::ratio(self.claimed, self.weight),
            evidenced: Percent::ratio(self.evidenced, self.weight),
            in_scope: self.in_scope,
            answered: self.answered,
            excluded: self.excluded,
        }
    }
}

/// Scores an assessment against its catalog.
pub fn score(catalog: &Catalog, assessment: &Assessment) -> Report {
    let mut overall = Sums::default();
    let mut clauses = Sums::default();
    let mut annex_a = Sums::default();
    let mut groups = vec![Sums::default(); catalog.group_ids().len()];
    let mut blockers = Vec::new();
    let mut gaps = Vec::new();
    let mut clause_floor_broken = false;

    for item in catalog.item_ids() {
        let answer = assessment.answer(item);
        let kind = catalog.item(item).kind;
        let in_scope = assessment.in_scope(catalog, item);
        let kind_sums = match kind {
            ItemKind::Clause => &mut clauses,
            ItemKind::Control => &mut annex_a,
        };
        let add = |sums: &mut Sums| {
            if !in_scope {
                sums.excluded += 1;
                return;
            }
            let w = answer.weight.value();
            sums.weight += w;
            sums.claimed += w * item_score(answer.maturity, answer.target);
            let evidenced = evidenced_level(answer.maturity, !answer.evidence.is_empty());
            sums.evidenced += w * item_score(evidenced, answer.target);
            sums.in_scope += 1;
            sums.answered += u16::from(answer.maturity.is_some());
        };
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

        match (kind, answer.maturity) {
            (ItemKind::Clause, None) => {
                clause_floor_broken = true;
                blockers.push(Blocker::Unanswered(item));
            }
            (_, None) => blockers.push(Blocker::Unanswered(item)),
            (ItemKind::Clause, Some(l)) if l < MaturityLevel::L2 => {
                clause_floor_broken = true;
                blockers.push(Blocker::BelowMinimum(item, l));
            }
            (_, Some(l)) if l < MaturityLevel::AUDIT_READY => {
                blockers.push(Blocker::BelowAuditReady(item, l))
            }
            _ => {}
        }
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
    blockers.extend(soa_defects.iter().map(|&i| Blocker::SoaDefect(i)));
    let mut documents_present = 0;
    for doc in catalog.document_ids() {
        if assessment.document_present(doc) {
            documents_present += 1;
        } else {
            blockers.push(Blocker::MissingDocument(doc));
        }
    }
    // Highest priority first, equal priorities in catalog order.
    super::sort::sort_by(&mut gaps, |a, b| {
        (std::cmp::Reverse(a.priority), a.item).cmp(&(std::cmp::Reverse(b.priority), b.item))
    });

    let verdict = if clause_floor_broken {
        Verdict::NotReady
    } else if blockers.is_empty() {
        Verdict::Ready
    } else {
        Verdict::Close
    };
    Report {
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
        documents_present,
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
        assert_eq!(item_score(Some(MaturityLevel::L1), TargetLevel::T1), 1.0);
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
