//! Table tests for the scoring rules, with expectations computed by hand (see docs/scoring.md).
#![cfg(not(target_arch = "wasm32"))]

mod common;
use aims_engine::rules::scoring::{is_stage1_gate, STAGE1_GATE};
use aims_engine::{
    score, Assessment, Blocker, ItemKind, Score, Stage, TargetLevel, Verdict, Weight,
};
use common::*;

fn pct(p: Option<aims_engine::Percent>) -> String {
    p.map_or("none".into(), |p| p.to_string())
}

/// Everything at level 3 with evidence, a reason for every control and every document
/// present: the ready baseline.
fn ready_baseline() -> Assessment {
    let mut a = blank();
    set_all(&mut a, ItemKind::Clause, 3);
    set_all(&mut a, ItemKind::Control, 3);
    add_evidence_everywhere(&mut a);
    reasons_everywhere(&mut a);
    all_documents(&mut a);
    a
}

/// Just ready for Stage 1: clause requirements at 2 except the gate items at 3 (all
/// with evidence), controls at 1, every document present, every reason given.
fn stage1_baseline() -> Assessment {
    let mut a = ready_baseline();
    set_all(&mut a, ItemKind::Clause, 2);
    set_all(&mut a, ItemKind::Control, 1);
    for id in STAGE1_GATE {
        set(&mut a, id, 3);
    }
    a
}

fn stages(r: &Score) -> Vec<Stage> {
    r.blockers.iter().map(|b| b.stage(catalog())).collect()
}

fn report(a: &aims_engine::Assessment) -> Score {
    score(catalog(), a)
}

#[test]
fn blank_assessment_is_zero_not_ready_with_every_item_blocking() {
    let r = report(&blank());
    assert_eq!(pct(r.overall.readiness), "0");
    assert_eq!(pct(r.overall.coverage()), "0");
    assert_eq!((r.overall.in_scope, r.overall.answered), (70, 0));
    assert_eq!(r.verdict, Verdict::NotReady);
    // 70 unanswered, 38 controls without a reason, every document.
    assert_eq!(r.blockers.len(), 70 + 38 + catalog().document_count());
    assert_eq!(r.gaps.len(), 70);
    // Clause gaps (3 × 1 × 2 = 6) come before control gaps (3 × 1 × 1 = 3), catalog order within.
    assert_eq!(catalog().item(r.gaps[0].item).id, "4.1");
    assert_eq!(r.gaps[0].priority, 600, "hundredths");
    assert_eq!(catalog().item(r.gaps[32].item).id, "A.2.2");
    assert_eq!(r.gaps[32].priority, 300);
}

#[test]
fn everything_at_level_3_with_evidence_reasons_and_documents_is_ready() {
    let r = report(&ready_baseline());
    assert_eq!(pct(r.overall.readiness), "100");
    assert_eq!(pct(r.overall.evidenced), "100");
    assert_eq!(pct(r.overall.target_progress), "100");
    assert_eq!(r.verdict, Verdict::Ready);
    assert!(r.blockers.is_empty());
    assert!(r.gaps.is_empty());
    assert_eq!(r.documents_present, r.documents_total);
    assert_eq!(usize::from(r.documents_total), catalog().document_count());
}

#[test]
fn ready_needs_evidence_behind_every_claim() {
    let mut a = ready_baseline();
    for i in catalog().item_ids() {
        a.update(catalog(), i, |ans| ans.evidence.clear())
            .expect("edit");
    }
    let r = report(&a);
    assert_eq!(pct(r.overall.readiness), "100");
    // min(2,3)/3 for every item = 66.666… → 66.7
    assert_eq!(pct(r.overall.evidenced), "66.7");
    assert_eq!(r.verdict, Verdict::NotReady, "the gate items lack evidence");
    assert_eq!(r.blockers.len(), 70);
    assert!(r
        .blockers
        .iter()
        .all(|b| matches!(b, Blocker::NoEvidence(_))));
    assert_eq!(stages(&r).iter().filter(|&&s| s == Stage::One).count(), 14);
    // Evidence on the gate items alone: ready for Stage 1, not for Stage 2.
    for id in STAGE1_GATE {
        a.update(catalog(), item(id), |ans| {
            ans.evidence = vec!["record".into()]
        })
        .expect("edit");
    }
    let r = report(&a);
    assert_eq!(r.verdict, Verdict::Stage1Ready);
    assert_eq!(r.blockers.len(), 56);
    assert!(stages(&r).iter().all(|&s| s == Stage::Two));
}

#[test]
fn every_clause_requirement_at_level_2_is_not_ready() {
    let mut a = ready_baseline();
    set_all(&mut a, ItemKind::Clause, 2);
    let r = report(&a);
    // (32 × 2/3 + 38 × 1) / 70 = 59.333 / 70 = 84.76 → 84.8
    assert_eq!(pct(r.overall.readiness), "84.8");
    assert_eq!(pct(r.clauses.readiness), "66.7");
    assert_eq!(pct(r.annex_a.readiness), "100");
    assert_eq!(
        r.verdict,
        Verdict::NotReady,
        "no audit, no review: no Stage 1"
    );
    let gate = r
        .blockers
        .iter()
        .filter(|b| matches!(b, Blocker::GateBelowAuditReady(_, l) if l.number() == 2))
        .count();
    assert_eq!((gate, r.blockers.len()), (14, 32));
}

#[test]
fn the_stage_1_baseline_is_stage1_ready_and_each_gate_item_breaks_it() {
    let a = stage1_baseline();
    let r = report(&a);
    assert_eq!(r.verdict, Verdict::Stage1Ready);
    // 18 clause requirements at 2 and 38 controls at 1, all before Stage 2 only.
    assert_eq!(r.blockers.len(), 18 + 38);
    assert!(stages(&r).iter().all(|&s| s == Stage::Two));
    for id in STAGE1_GATE {
        let mut below = a.clone();
        set(&mut below, id, 2);
        let r = report(&below);
        assert_eq!(r.verdict, Verdict::NotReady, "{id} at level 2");
        assert!(r
            .blockers
            .contains(&Blocker::GateBelowAuditReady(item(id), level(2))));
        let mut unevidenced = a.clone();
        unevidenced
            .update(catalog(), item(id), |ans| ans.evidence.clear())
            .expect("edit");
        let r = report(&unevidenced);
        assert_eq!(r.verdict, Verdict::NotReady, "{id} without evidence");
        let missing = Blocker::NoEvidence(item(id));
        assert!(r.blockers.contains(&missing), "{id}");
        assert_eq!(missing.stage(catalog()), Stage::One);
    }
    // A non-gate clause requirement below 2 breaks it too; a control at 0 does not.
    let mut low = a.clone();
    set(&mut low, "7.2", 1);
    assert_eq!(report(&low).verdict, Verdict::NotReady);
    let mut low = a.clone();
    set(&mut low, "A.7.4", 0);
    assert_eq!(report(&low).verdict, Verdict::Stage1Ready);
}

#[test]
fn one_clause_below_2_makes_it_not_ready() {
    let mut a = ready_baseline();
    set(&mut a, "7.2", 1);
    let r = report(&a);
    // (31 + 1/3) / 32 = 97.92 → 97.9
    assert_eq!(pct(r.clauses.readiness), "97.9");
    assert_eq!(r.verdict, Verdict::NotReady);
    assert_eq!(
        r.blockers,
        vec![Blocker::BelowMinimum(item("7.2"), level(1))]
    );
}

#[test]
fn a_control_below_3_only_stands_before_stage_2() {
    let mut a = ready_baseline();
    set(&mut a, "A.7.4", 0);
    let r = report(&a);
    assert_eq!(r.verdict, Verdict::Stage1Ready);
    assert_eq!(
        r.blockers,
        vec![Blocker::BelowAuditReady(item("A.7.4"), level(0))]
    );
    assert_eq!(stages(&r), vec![Stage::Two]);
    // 37 / 38 = 97.37 → 97.4
    assert_eq!(pct(r.annex_a.readiness), "97.4");
}

#[test]
fn justified_exclusions_leave_scope_and_do_not_count() {
    let mut a = ready_baseline();
    for id in ["A.7.2", "A.7.3", "A.7.4", "A.7.5", "A.7.6"] {
        a.update(catalog(), item(id), |ans| {
            ans.excluded = true;
            ans.justification = "We use no data for AI development.".into();
            ans.maturity = Some(level(0));
        })
        .expect("controls can be excluded");
    }
    let r = report(&a);
    assert_eq!((r.annex_a.in_scope, r.annex_a.excluded), (33, 5));
    assert_eq!(pct(r.annex_a.readiness), "100");
    assert_eq!(r.verdict, Verdict::Ready);
    let a7 = catalog().find_group("A.7").expect("A.7");
    assert_eq!(
        r.groups[a7.index()].figure.readiness,
        None,
        "a fully excluded group has no figure"
    );
}

#[test]
fn an_exclusion_without_justification_stays_in_scope_as_an_soa_defect() {
    let mut a = ready_baseline();
    a.update(catalog(), item("A.7.4"), |ans| {
        ans.excluded = true;
        ans.justification = "   ".into();
        ans.maturity = None;
    })
    .expect("edit");
    let r = report(&a);
    assert_eq!(r.annex_a.in_scope, 38);
    assert_eq!(r.soa_defects, vec![item("A.7.4")]);
    assert_eq!(
        r.blockers,
        vec![
            Blocker::Unanswered(item("A.7.4")),
            Blocker::SoaDefect(item("A.7.4"))
        ]
    );
    assert_eq!(stages(&r), vec![Stage::Two, Stage::One]);
    assert_eq!(r.verdict, Verdict::NotReady);
    assert_eq!(pct(r.annex_a.readiness), "97.4");
}

#[test]
fn an_applicable_control_needs_a_reason_for_its_inclusion() {
    let mut a = ready_baseline();
    a.update(catalog(), item("A.5.2"), |ans| ans.justification.clear())
        .expect("edit");
    let r = report(&a);
    assert_eq!(r.soa_missing_reasons, vec![item("A.5.2")]);
    assert_eq!(r.blockers, vec![Blocker::SoaMissingReason(item("A.5.2"))]);
    assert_eq!(r.blockers[0].kind(), "soa_missing_reason");
    assert_eq!(stages(&r), vec![Stage::One]);
    assert_eq!(r.verdict, Verdict::NotReady);
    assert_eq!(
        pct(r.overall.readiness),
        "100",
        "a missing reason is not a lower level"
    );
}

#[test]
fn clause_requirements_cannot_be_excluded() {
    let mut a = blank();
    let before = a.clone();
    let result = a.update(catalog(), item("6.1.2"), |ans| {
        ans.excluded = true;
        ans.justification = "Not relevant".into();
    });
    assert!(result.is_err());
    assert_eq!(a, before, "a refused edit changes nothing");
}

#[test]
fn weights_and_targets_move_target_progress_and_priority_never_readiness() {
    let mut a = ready_baseline();
    // Internal audit never done, its weight pushed down to almost nothing.
    a.update(catalog(), item("9.2.1"), |ans| {
        ans.maturity = Some(level(0));
        ans.weight = Weight::from_hundredths(1).expect("weight");
    })
    .expect("edit");
    a.update(catalog(), item("A.6.2.4"), |ans| {
        ans.target = TargetLevel::T5
    })
    .expect("edit");
    let r = report(&a);
    // Certification readiness, unweighted against level 3: 69 / 70 = 98.57 → 98.6.
    assert_eq!(pct(r.overall.readiness), "98.6");
    // Target progress, weighted: 9.2.1 → 0 × 0.01; A.6.2.4 → 3/5; 68 others → 1.
    // (68 + 0.6) / 69.01 = 99.41 → 99.4
    assert_eq!(pct(r.overall.target_progress), "99.4");
    assert_eq!(r.gaps.len(), 2);
    let gap = |k: usize| {
        (
            catalog().item(r.gaps[k].item).id.as_str(),
            r.gaps[k].priority,
        )
    };
    // (5 − 3) × 1 × 1 = 2.00; (3 − 0) × 0.01 × 2 = 0.06.
    assert_eq!((gap(0), gap(1)), (("A.6.2.4", 200), ("9.2.1", 6)));
    assert_eq!(r.verdict, Verdict::NotReady, "9.2.1 at level 0");
}

#[test]
fn a_missing_clause_document_stands_before_stage_1() {
    let mut a = ready_baseline();
    let soa = catalog()
        .find_document("statement-of-applicability")
        .expect("doc");
    a.set_document(soa, false);
    let r = report(&a);
    assert_eq!(r.verdict, Verdict::NotReady);
    assert_eq!(r.blockers, vec![Blocker::MissingDocument(soa)]);
    assert_eq!(stages(&r), vec![Stage::One]);
    assert_eq!(r.documents_present + 1, r.documents_total);
}

#[test]
fn group_figures_roll_subgroups_up() {
    let mut a = blank();
    for id in ["A.6.1.2", "A.6.1.3"] {
        set(&mut a, id, 3);
    }
    let r = report(&a);
    let g = |id: &str| r.groups[catalog().find_group(id).expect("group").index()].figure;
    assert_eq!(pct(g("A.6.1").readiness), "100");
    assert_eq!(pct(g("A.6.2").readiness), "0");
    // 2 of 9 items complete → 22.2
    assert_eq!(pct(g("A.6").readiness), "22.2");
    assert_eq!((g("A.6").answered, g("A.6").in_scope), (2, 9));
    assert_eq!(pct(g("A.6").coverage()), "22.2");
}

#[test]
fn coverage_counts_answered_in_scope_items_only() {
    let mut a = blank();
    set(&mut a, "4.1", 0);
    set(&mut a, "A.2.2", 5);
    a.update(catalog(), item("A.2.3"), |ans| {
        ans.excluded = true;
        ans.justification = "Single policy".into();
        ans.maturity = Some(level(4));
    })
    .expect("edit");
    let r = report(&a);
    // 2 answered of 69 in scope = 2.9 %
    assert_eq!((r.overall.answered, r.overall.in_scope), (2, 69));
    assert_eq!(pct(r.overall.coverage()), "2.9");
    // Only A.2.2 scores: 1 / 69 = 1.45 → 1.4
    assert_eq!(pct(r.overall.readiness), "1.4");
}

#[test]
fn an_annex_a_document_is_required_only_while_its_control_is_in_scope() {
    let c = catalog();
    let logs = c
        .document_ids()
        .find(|&d| c.document_control(d) == Some(item("A.6.2.8")))
        .expect("A.6.2.8 calls for a document");
    assert_eq!(c.document_control(logs), Some(item("A.6.2.8")));
    let mut a = ready_baseline();
    a.set_document(logs, false);
    let r = report(&a);
    assert_eq!(r.blockers, vec![Blocker::MissingDocument(logs)]);
    assert_eq!(
        stages(&r),
        vec![Stage::Two],
        "an Annex A document stands before Stage 2"
    );
    assert_eq!(r.verdict, Verdict::Stage1Ready);
    assert_eq!((r.documents_present + 1, r.documents_total), (48, 48));
    // Excluding A.6.2.8 with a reason takes its document out of the count.
    a.update(c, item("A.6.2.8"), |ans| {
        ans.excluded = true;
        ans.justification = "We keep no AI system in operation ourselves.".into();
    })
    .expect("edit");
    let r = report(&a);
    assert!(r.blockers.is_empty());
    assert_eq!((r.documents_present, r.documents_total), (47, 47));
    assert_eq!(r.verdict, Verdict::Ready);
    // Marked excluded without a reason, the control and its document stay required.
    a.update(c, item("A.6.2.8"), |ans| ans.justification.clear())
        .expect("edit");
    let r = report(&a);
    assert!(r.blockers.contains(&Blocker::MissingDocument(logs)));
    assert_eq!(r.documents_total, 48);
}

#[test]
fn every_gate_item_exists_and_is_a_clause_requirement() {
    let c = catalog();
    for id in STAGE1_GATE {
        let i = c
            .find_item(id)
            .unwrap_or_else(|| panic!("gate item {id} is not in the catalog"));
        assert_eq!(c.item(i).kind, ItemKind::Clause, "{id}");
        assert!(is_stage1_gate(c, i), "{id}");
    }
    assert_eq!(c.item_ids().filter(|&i| is_stage1_gate(c, i)).count(), 14);
}
