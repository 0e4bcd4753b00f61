//! Table tests for the scoring rules, with expectations computed by hand: each worked
//! example of docs/scoring.md is one test here.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use aims_engine::model::substance::{evidence_counts, reason_counts};
use aims_engine::rules::basis::BASIS;
use aims_engine::rules::exclusions::{suggested_exclusions, CLAUSE_CONTROLS};
use aims_engine::rules::scoring::{stage1_gate, Gate, Warning, GATE_LEVEL_2, GATE_LEVEL_3};
use aims_engine::{
    apply, score, AdditionalControl, AiRole, Assessment, Blocker, Edit, ItemKind, Score, Stage,
    TargetLevel, Timestamp, Verdict, Weight,
};
use common::*;

fn pct(p: Option<aims_engine::Percent>) -> String {
    p.map_or("none".into(), |p| p.to_string())
}

/// Everything at level 3 with evidence, a reason for every control, every document
/// present and the scope written: the ready baseline.
fn stages(r: &Score) -> Vec<Stage> {
    r.blockers.iter().map(|b| b.stage(catalog())).collect()
}

fn report(a: &Assessment) -> Score {
    score(catalog(), a, today())
}

fn count(r: &Score, kind: &str) -> usize {
    r.blockers.iter().filter(|b| b.kind() == kind).count()
}

#[test]
fn blank_assessment_is_zero_not_ready_with_every_item_blocking_stage_1() {
    let r = report(&blank());
    assert_eq!(pct(r.overall.conformity), "0");
    assert_eq!(pct(r.overall.maturity), "0");
    assert_eq!(pct(r.overall.coverage()), "0");
    assert_eq!((r.overall.conforming, r.overall.in_scope), (0, 70));
    assert_eq!(r.verdict, Verdict::NotReady);
    // 70 unanswered, 38 controls without a reason, no scope, an empty risk register,
    // every document.
    assert_eq!(
        r.blockers.len(),
        70 + 38 + 1 + 1 + catalog().document_count()
    );
    assert_eq!(count(&r, "empty_risk_register"), 1);
    assert_eq!(count(&r, "unanswered"), 70);
    assert!(r
        .blockers
        .iter()
        .filter(|b| b.kind() == "unanswered")
        .all(|b| b.stage(catalog()) == Stage::One));
    assert_eq!(r.gaps.len(), 70);
    // Clause gaps (3 × 1 × 2 = 6) come before control gaps (3 × 1 × 1 = 3).
    assert_eq!(catalog().item(r.gaps[0].item).id, "4.1");
    assert_eq!(r.gaps[0].priority, 600, "hundredths");
    assert_eq!(catalog().item(r.gaps[32].item).id, "A.2.2");
    assert_eq!(r.gaps[32].priority, 300);
}

#[test]
fn everything_at_level_3_with_evidence_reasons_scope_and_documents_is_ready() {
    let r = report(&ready_baseline());
    assert_eq!(pct(r.overall.conformity), "100");
    assert_eq!(r.overall.conforming, 70);
    assert_eq!(pct(r.overall.maturity), "100");
    assert_eq!(pct(r.overall.evidenced), "100");
    assert_eq!(pct(r.overall.target_progress), "100");
    assert_eq!(r.verdict, Verdict::Ready);
    assert!(r.blockers.is_empty(), "{:?}", r.blockers);
    assert!(r.warnings.is_empty());
    assert!(r.gaps.is_empty());
    assert_eq!(r.documents_present, r.documents_total);
    assert_eq!(usize::from(r.documents_total), catalog().document_count());
}

/// The first case of the lead auditor's review: every clause at 3 with "." as evidence,
/// every control excluded with "-". Model 2 said `ready`.
#[test]
fn token_evidence_and_token_exclusions_are_not_ready() {
    let mut a = blank();
    set_all(&mut a, ItemKind::Clause, 3);
    for i in catalog().item_ids() {
        let id = catalog().item(i).id.clone();
        match catalog().item(i).kind {
            ItemKind::Clause => evidence(&mut a, &id, &["."]),
            ItemKind::Control => exclude(&mut a, &id, "-"),
        }
    }
    all_documents(&mut a);
    scope(&mut a);
    let r = report(&a);
    assert_eq!(r.verdict, Verdict::NotReady);
    for (control, clause) in CLAUSE_CONTROLS {
        assert!(
            r.blockers.contains(&Blocker::ExclusionConflict {
                control: item(control),
                clause: item(clause)
            }),
            "{control}"
        );
    }
    let conflict = Blocker::ExclusionConflict {
        control: item("A.2.2"),
        clause: item("5.2"),
    };
    assert_eq!(conflict.kind(), "exclusion_conflicts_with_clause");
    assert_eq!(conflict.stage(catalog()), Stage::One);
    // "-" is no justification: every control stays in scope, unanswered, as a defect.
    assert_eq!(r.soa_defects.len(), 38);
    assert_eq!((r.annex_a.in_scope, r.annex_a.excluded), (38, 0));
    assert_eq!(count(&r, "unanswered"), 38);
    // "." is no evidence: no clause requirement conforms.
    assert_eq!(count(&r, "no_evidence"), 32);
    assert_eq!(pct(r.overall.conformity), "0");
    assert_eq!(r.overall.conforming, 0);
}

/// The second case: 18 clause requirements left as quick-check estimates at 2, the
/// other 14 at 3 with evidence "x", every control unanswered with reason "x". Model 2
/// said `stage1_ready`.
#[test]
fn estimates_and_token_reasons_are_not_ready() {
    let mut a = blank();
    let old_gates = [
        "4.3", "5.2", "6.1.2", "6.1.3", "6.1.4", "6.2", "8.2", "8.3", "8.4", "9.2.1", "9.2.2",
        "9.3.1", "9.3.2", "9.3.3",
    ];
    for i in catalog().item_ids() {
        let id = catalog().item(i).id.clone();
        match catalog().item(i).kind {
            ItemKind::Clause if old_gates.contains(&id.as_str()) => {
                set(&mut a, &id, 3);
                evidence(&mut a, &id, &["x"]);
            }
            ItemKind::Clause => set_estimate(&mut a, &id, 2),
            ItemKind::Control => a
                .update(catalog(), i, |ans| ans.justification = "x".into())
                .expect("edit"),
        }
    }
    all_documents(&mut a);
    scope(&mut a);
    let r = report(&a);
    assert_eq!(r.verdict, Verdict::NotReady);
    assert_eq!(count(&r, "unanswered"), 18 + 38);
    assert_eq!(count(&r, "soa_missing_reason"), 38);
    assert_eq!(count(&r, "no_evidence"), 14);
    assert_eq!((r.overall.answered, r.overall.estimates), (14, 18));
    assert_eq!(pct(r.overall.conformity), "0");
    // Estimates count as 0 in maturity: 14 × 1 / 70 = 20.
    assert_eq!(pct(r.overall.maturity), "20");
}

#[test]
fn claims_without_evidence_conform_nowhere() {
    let mut a = ready_baseline();
    // No evidence record at all.
    a.registers.0[3] = None;
    let r = report(&a);
    assert_eq!(pct(r.overall.maturity), "100");
    // min(2,3)/3 for every item = 66.666… → 66.7
    assert_eq!(pct(r.overall.evidenced), "66.7");
    assert_eq!(pct(r.overall.conformity), "0");
    assert_eq!(r.verdict, Verdict::NotReady);
    assert_eq!(count(&r, "no_evidence"), 70);
    // The ten level-3 gates stand before Stage 1.
    assert_eq!(stages(&r).iter().filter(|&&s| s == Stage::One).count(), 10);
    // Evidence on the level-3 gates alone: ready for Stage 1, 10 of 70 conform.
    for id in GATE_LEVEL_3 {
        evidence(&mut a, id, &["Risk register RR-7"]);
    }
    let r = report(&a);
    assert_eq!(r.verdict, Verdict::Stage1Ready);
    assert_eq!(r.blockers.len(), 60);
    assert!(stages(&r).iter().all(|&s| s == Stage::Two));
    // 10 / 70 = 14.29 → 14.3
    assert_eq!(pct(r.overall.conformity), "14.3");
}

#[test]
fn level_1_everywhere_is_a_third_of_maturity_and_no_conformity() {
    let mut a = ready_baseline();
    set_all(&mut a, ItemKind::Clause, 1);
    set_all(&mut a, ItemKind::Control, 1);
    let r = report(&a);
    assert_eq!(pct(r.overall.maturity), "33.3");
    assert_eq!(pct(r.overall.conformity), "0");
    assert_eq!(r.verdict, Verdict::NotReady);
    // Every document is ticked present while its requirement is at level 1.
    assert_eq!(r.warnings.len(), catalog().document_count());
    assert!(r
        .warnings
        .iter()
        .all(|w| w.kind() == "document_without_practice"));
}

#[test]
fn each_gate_breaks_stage_1_below_its_level() {
    for id in GATE_LEVEL_3 {
        let mut a = ready_baseline();
        set(&mut a, id, 2);
        let r = report(&a);
        assert_eq!(r.verdict, Verdict::NotReady, "{id} at level 2");
        assert!(r
            .blockers
            .contains(&Blocker::GateBelowAuditReady(item(id), level(2))));
        let mut a = ready_baseline();
        evidence(&mut a, id, &[]);
        let r = report(&a);
        assert_eq!(r.verdict, Verdict::NotReady, "{id} without evidence");
        assert_eq!(Blocker::NoEvidence(item(id)).stage(catalog()), Stage::One);
    }
    for id in GATE_LEVEL_2 {
        // Planned and under way is enough for Stage 1 …
        let mut a = ready_baseline();
        set(&mut a, id, 2);
        let r = report(&a);
        assert_eq!(r.verdict, Verdict::Stage1Ready, "{id} at level 2");
        assert!(r
            .blockers
            .contains(&Blocker::BelowAuditReady(item(id), level(2))));
        // … and without evidence at 3 it stands before Stage 2 only.
        assert_eq!(Blocker::NoEvidence(item(id)).stage(catalog()), Stage::Two);
        // Below 2, it is not.
        set(&mut a, id, 1);
        let r = report(&a);
        assert_eq!(r.verdict, Verdict::NotReady, "{id} at level 1");
        let b = Blocker::GateBelowUnderWay(item(id), level(1));
        assert!(r.blockers.contains(&b));
        assert_eq!(b.kind(), "gate_below_level_2");
    }
}

/// Just ready for Stage 1: clause requirements at 2 except the level-3 gates at 3,
/// controls at 1, evidence, reasons, scope and documents.
#[test]
fn the_stage_1_baseline() {
    let mut a = ready_baseline();
    set_all(&mut a, ItemKind::Clause, 2);
    set_all(&mut a, ItemKind::Control, 1);
    for id in GATE_LEVEL_3 {
        set(&mut a, id, 3);
    }
    let r = report(&a);
    assert_eq!(r.verdict, Verdict::Stage1Ready);
    assert_eq!(r.blockers.len(), 22 + 38);
    assert!(stages(&r).iter().all(|&s| s == Stage::Two));
    assert_eq!(pct(r.overall.conformity), "14.3");
    // The documents Annex A controls call for are ticked present at level 1.
    let control_documents = catalog()
        .document_ids()
        .filter(|&d| catalog().document_control(d).is_some())
        .count();
    assert_eq!(r.warnings.len(), control_documents);
    // A clause requirement below 2 breaks it; a control at 0 does not.
    let mut low = a.clone();
    set(&mut low, "7.2", 1);
    assert_eq!(report(&low).verdict, Verdict::NotReady);
    let mut low = a.clone();
    set(&mut low, "A.7.4", 0);
    assert_eq!(report(&low).verdict, Verdict::Stage1Ready);
}

#[test]
fn one_clause_below_2_makes_it_not_ready_and_its_document_is_questioned() {
    let mut a = ready_baseline();
    set(&mut a, "7.2", 1);
    let r = report(&a);
    // (31 + 1/3) / 32 = 97.92 → 97.9
    assert_eq!(pct(r.clauses.maturity), "97.9");
    // 69 / 70 = 98.57 → 98.6
    assert_eq!(pct(r.overall.conformity), "98.6");
    assert_eq!(r.verdict, Verdict::NotReady);
    assert_eq!(
        r.blockers,
        vec![Blocker::BelowMinimum(item("7.2"), level(1))]
    );
    let doc = catalog().find_document("competence-evidence").expect("doc");
    assert_eq!(
        r.warnings,
        vec![Warning::DocumentWithoutPractice {
            document: doc,
            item: item("7.2"),
            level: level(1)
        }]
    );
}

#[test]
fn a_control_below_3_only_stands_before_stage_2() {
    let mut a = ready_baseline();
    set(&mut a, "A.7.4", 2);
    let r = report(&a);
    assert_eq!(r.verdict, Verdict::Stage1Ready);
    assert_eq!(
        r.blockers,
        vec![Blocker::BelowAuditReady(item("A.7.4"), level(2))]
    );
    assert_eq!(stages(&r), vec![Stage::Two]);
    // (37 + 2/3) / 38 = 99.12 → 99.1; 37 / 38 conform = 97.4
    assert_eq!(pct(r.annex_a.maturity), "99.1");
    assert_eq!(pct(r.annex_a.conformity), "97.4");
}

#[test]
fn a_claim_does_not_conform_while_its_basis_is_below_3() {
    // Risk criteria missing: the risk assessment and the impact assessment cannot rest
    // on them.
    let mut a = ready_baseline();
    set(&mut a, "6.1.1", 2);
    let r = report(&a);
    assert_eq!(r.verdict, Verdict::NotReady);
    let claims =
        [("6.1.2", "6.1.1"), ("6.1.4", "6.1.1")].map(|(i, b)| Blocker::InconsistentClaim {
            item: item(i),
            basis: item(b),
        });
    for c in claims {
        assert!(r.blockers.contains(&c), "{c:?}");
        assert_eq!(c.stage(catalog()), Stage::One);
        assert_eq!(c.kind(), "inconsistent_claim");
    }
    // 6.1.1, 6.1.2 and 6.1.4 do not conform: 67 / 70 = 95.7
    assert_eq!(pct(r.overall.conformity), "95.7");
    // Trends from monitoring nobody does: before Stage 2 only.
    let mut a = ready_baseline();
    set(&mut a, "9.1", 2);
    let r = report(&a);
    assert_eq!(
        r.blockers,
        vec![
            Blocker::BelowAuditReady(item("9.1"), level(2)),
            Blocker::InconsistentClaim {
                item: item("9.3.2"),
                basis: item("9.1")
            }
        ]
    );
    assert_eq!(r.verdict, Verdict::Stage1Ready);
    assert_eq!(pct(r.overall.conformity), "97.1");
    // An unconfirmed estimate is no basis either.
    let mut a = ready_baseline();
    set_estimate(&mut a, "A.5.2", 3);
    let r = report(&a);
    assert!(r.blockers.contains(&Blocker::InconsistentClaim {
        item: item("A.5.3"),
        basis: item("A.5.2")
    }));
}

#[test]
fn excluding_a_control_a_mandatory_clause_runs_through_blocks_stage_1() {
    let mut a = ready_baseline();
    exclude(&mut a, "A.2.2", "We have one policy for everything AI");
    let r = report(&a);
    assert_eq!(
        r.blockers,
        vec![Blocker::ExclusionConflict {
            control: item("A.2.2"),
            clause: item("5.2")
        }]
    );
    assert_eq!(r.verdict, Verdict::NotReady);
    // The exclusion itself is valid: the control leaves the scope.
    assert_eq!((r.annex_a.in_scope, r.annex_a.excluded), (37, 1));
}

#[test]
fn justified_exclusions_leave_scope_and_do_not_count() {
    let mut a = ready_baseline();
    for id in ["A.7.2", "A.7.3", "A.7.4", "A.7.5", "A.7.6"] {
        exclude(&mut a, id, "We use no data for AI development.");
        set(&mut a, id, 0);
    }
    let r = report(&a);
    assert_eq!((r.annex_a.in_scope, r.annex_a.excluded), (33, 5));
    assert_eq!(pct(r.annex_a.conformity), "100");
    assert_eq!(pct(r.annex_a.maturity), "100");
    assert_eq!(r.overall.excluded, 5);
    assert_eq!(r.verdict, Verdict::Ready);
    let a7 = catalog().find_group("A.7").expect("A.7");
    assert_eq!(
        r.groups[a7.index()].figure.conformity,
        None,
        "a fully excluded group has no figure"
    );
}

#[test]
fn token_justifications_do_not_count() {
    for token in ["", "   ", "-", "n/a", "x", "Not relevant", "N/A N/A N/A"] {
        let mut a = ready_baseline();
        exclude(&mut a, "A.7.4", token);
        let r = report(&a);
        assert_eq!(r.annex_a.in_scope, 38, "{token:?} keeps A.7.4 in scope");
        assert_eq!(r.soa_defects, vec![item("A.7.4")], "{token:?}");
        assert_eq!(r.blockers, vec![Blocker::SoaDefect(item("A.7.4"))]);
        assert_eq!(r.verdict, Verdict::NotReady);
    }
    assert!(!reason_counts("Single policy"));
    assert!(!reason_counts("Supercalifragilistic-expialidocious"));
    assert!(!reason_counts("  We use no AI data  "), "17 characters");
    assert!(reason_counts("  We hold no personal data at all  "));
}

#[test]
fn an_applicable_control_needs_a_reason_for_its_inclusion() {
    let mut a = ready_baseline();
    a.update(catalog(), item("A.5.2"), |ans| {
        ans.justification = "Risk".into()
    })
    .expect("edit");
    let r = report(&a);
    assert_eq!(r.soa_missing_reasons, vec![item("A.5.2")]);
    assert_eq!(r.blockers, vec![Blocker::SoaMissingReason(item("A.5.2"))]);
    assert_eq!(stages(&r), vec![Stage::One]);
    assert_eq!(pct(r.overall.conformity), "100", "a reason is not a level");
}

#[test]
fn token_evidence_does_not_count() {
    for token in [".", "x", "ab", "-.-", "  "] {
        assert!(!evidence_counts(token), "{token:?}");
        let mut a = ready_baseline();
        evidence(&mut a, "7.2", &[token]);
        let r = report(&a);
        assert_eq!(r.blockers, vec![Blocker::NoEvidence(item("7.2"))]);
        assert_eq!(r.verdict, Verdict::Stage1Ready);
    }
    for real in ["DMS-1", "a1b", "Schulungsnachweis 2026"] {
        assert!(evidence_counts(real), "{real:?}");
    }
}

#[test]
fn an_unconfirmed_estimate_is_no_answer_until_confirmed() {
    let mut a = ready_baseline();
    set_estimate(&mut a, "4.1", 3);
    let r = report(&a);
    assert_eq!(r.blockers, vec![Blocker::Unanswered(item("4.1"))]);
    assert_eq!(stages(&r), vec![Stage::One]);
    assert_eq!((r.overall.answered, r.overall.estimates), (69, 1));
    assert_eq!(pct(r.overall.conformity), "98.6");
    assert_eq!(pct(r.overall.maturity), "98.6");
    let later = Timestamp::parse("2026-12-01T00:00:00Z").expect("time");
    apply(catalog(), &mut a, Edit::ConfirmEstimate(item("4.1")), later).expect("edit");
    assert_eq!(report(&a).verdict, Verdict::Ready);
}

#[test]
fn the_statement_of_applicability_needs_a_scope_and_complete_own_controls() {
    let mut a = ready_baseline();
    a.profile.scope_note = "  ".into();
    let r = report(&a);
    assert_eq!(r.blockers, vec![Blocker::SoaNoScope]);
    assert_eq!(r.blockers[0].kind(), "soa_no_scope");
    assert_eq!(r.verdict, Verdict::NotReady);

    let mut a = ready_baseline();
    a.additional.push(AdditionalControl {
        id: "ORG-1".into(),
        title: "Model cards for every model".into(),
        ..AdditionalControl::default()
    });
    let r = report(&a);
    assert_eq!(r.blockers, vec![Blocker::OwnControlIncomplete(0)]);
    assert_eq!(r.blockers[0].stage(catalog()), Stage::One);
    a.additional[0].reason = REASON.into();
    assert_eq!(report(&a).verdict, Verdict::NotReady, "still no status");
    a.additional[0].status = Some(level(3));
    assert_eq!(report(&a).verdict, Verdict::Ready);
    // Its own figures are never part of the ISO/IEC 42001 ones.
    assert_eq!(report(&a).overall.in_scope, 70);
}

#[test]
fn exclusions_are_suggested_only_to_organizations_that_only_use_ai() {
    let mut a = ready_baseline();
    let suggested = |a: &Assessment| suggested_exclusions(catalog(), a).len();
    assert_eq!(suggested(&a), 0, "no roles recorded");
    a.profile.set_role(AiRole::Customer, true);
    assert_eq!(suggested(&a), 5);
    a.profile.set_role(AiRole::Partner, true);
    assert_eq!(suggested(&a), 0, "a partner has development work to govern");
    a.profile.set_role(AiRole::Partner, false);
    a.profile.set_role(AiRole::Producer, true);
    assert_eq!(suggested(&a), 0);
    // Roles that put nothing in scope are questioned; no roles at all are not.
    assert!(report(&a).warnings.is_empty());
    let mut a = ready_baseline();
    a.profile.set_role(AiRole::Subject, true);
    assert_eq!(report(&a).warnings, vec![Warning::NoAiRoleInScope]);
    assert_eq!(
        report(&a).verdict,
        Verdict::Ready,
        "a warning does not block"
    );
    assert_eq!(suggested(&a), 0);
}

#[test]
fn clause_requirements_cannot_be_excluded() {
    let mut a = blank();
    let before = a.clone();
    let result = a.update(catalog(), item("6.1.2"), |ans| {
        ans.excluded = true;
        ans.justification = REASON.into();
    });
    assert!(result.is_err());
    assert_eq!(a, before, "a refused edit changes nothing");
}

#[test]
fn weights_and_targets_move_target_progress_and_priority_never_the_headline() {
    let mut a = ready_baseline();
    // Internal audit not even planned, its weight pushed down to almost nothing.
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
    // Unweighted against level 3: 69 / 70 = 98.57 → 98.6.
    assert_eq!(pct(r.overall.maturity), "98.6");
    // 9.2.1 and 9.2.2 (whose basis it is) do not conform: 68 / 70 = 97.1.
    assert_eq!(pct(r.overall.conformity), "97.1");
    // Target progress, weighted: 9.2.1 → 0 × 0.01; A.6.2.4 → 3/5; 68 others → 1.
    // (68 + 0.6) / 69.01 = 99.41 → 99.4
    assert_eq!(pct(r.overall.target_progress), "99.4");
    let gap = |k: usize| {
        (
            catalog().item(r.gaps[k].item).id.as_str(),
            r.gaps[k].priority,
        )
    };
    // (5 − 3) × 1 × 1 = 2.00; (3 − 0) × 0.01 × 2 = 0.06.
    assert_eq!(r.gaps.len(), 2);
    assert_eq!((gap(0), gap(1)), (("A.6.2.4", 200), ("9.2.1", 6)));
    assert_eq!(r.verdict, Verdict::NotReady, "9.2.1 not under way");
}

#[test]
fn a_missing_design_document_stands_before_stage_1() {
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
    evidence(&mut a, "A.6.1.2", &["Development objectives v2"]);
    let r = report(&a);
    let g = |id: &str| r.groups[catalog().find_group(id).expect("group").index()].figure;
    assert_eq!(pct(g("A.6.1").maturity), "100");
    assert_eq!(pct(g("A.6.1").conformity), "50");
    assert_eq!(pct(g("A.6.2").maturity), "0");
    // 2 of 9 items complete → 22.2; 1 of 9 conforms → 11.1
    assert_eq!(pct(g("A.6").maturity), "22.2");
    assert_eq!(pct(g("A.6").conformity), "11.1");
    assert_eq!((g("A.6").answered, g("A.6").in_scope), (2, 9));
    assert_eq!(pct(g("A.6").coverage()), "22.2");
}

#[test]
fn coverage_counts_answered_in_scope_items_only() {
    let mut a = blank();
    set(&mut a, "4.1", 0);
    set(&mut a, "A.2.2", 5);
    exclude(&mut a, "A.2.3", "One policy covers development and use");
    set(&mut a, "A.2.3", 4);
    let r = report(&a);
    // 2 answered of 69 in scope = 2.9 %
    assert_eq!((r.overall.answered, r.overall.in_scope), (2, 69));
    assert_eq!(pct(r.overall.coverage()), "2.9");
    // Only A.2.2 scores: 1 / 69 = 1.45 → 1.4
    assert_eq!(pct(r.overall.maturity), "1.4");
}

#[test]
fn an_annex_a_record_is_required_only_while_its_control_is_in_scope() {
    let c = catalog();
    let records = c.find_document("data-provenance-records").expect("doc");
    assert_eq!(c.document_control(records), Some(item("A.7.5")));
    let mut a = ready_baseline();
    a.set_document(records, false);
    let r = report(&a);
    assert_eq!(r.blockers, vec![Blocker::MissingDocument(records)]);
    assert_eq!(
        stages(&r),
        vec![Stage::Two],
        "a record stands before Stage 2"
    );
    assert_eq!(r.verdict, Verdict::Stage1Ready);
    let all = c.document_count() as u16;
    assert_eq!((r.documents_present + 1, r.documents_total), (all, all));
    // Excluding A.7.5 with a reason takes its document out of the count.
    exclude(&mut a, "A.7.5", "We acquire no data for AI systems at all.");
    let r = report(&a);
    assert!(r.blockers.is_empty());
    assert_eq!((r.documents_present, r.documents_total), (all - 1, all - 1));
    assert_eq!(r.verdict, Verdict::Ready);
    // Marked excluded without a reason that counts, it stays required.
    exclude(&mut a, "A.7.5", "n/a");
    let r = report(&a);
    assert!(r.blockers.contains(&Blocker::MissingDocument(records)));
    assert_eq!(r.documents_total, all);
}

#[test]
fn the_tables_name_real_items() {
    let c = catalog();
    for id in GATE_LEVEL_3 {
        let i = c.find_item(id).unwrap_or_else(|| panic!("gate {id}"));
        assert_eq!(c.item(i).kind, ItemKind::Clause, "{id}");
        assert_eq!(stage1_gate(c, i), Some(Gate::AuditReady), "{id}");
    }
    for id in GATE_LEVEL_2 {
        let i = c.find_item(id).unwrap_or_else(|| panic!("gate {id}"));
        assert_eq!(stage1_gate(c, i), Some(Gate::UnderWay), "{id}");
    }
    assert_eq!(
        c.item_ids()
            .filter(|&i| stage1_gate(c, i).is_some())
            .count(),
        15
    );
    for (dependent, basis) in BASIS {
        assert!(c.find_item(dependent).is_some(), "{dependent}");
        assert!(c.find_item(basis).is_some(), "{basis}");
    }
    for (control, clause) in CLAUSE_CONTROLS {
        assert_eq!(c.item(item(control)).kind, ItemKind::Control);
        assert_eq!(c.item(item(clause)).kind, ItemKind::Clause);
    }
}

#[test]
fn every_one_click_reason_counts_in_every_language() {
    // The reasons the app offers in one click (the item card's picks, the SoA's
    // risk-treatment reason, the role profile's exclusion reason) must be reasons that
    // count: otherwise a click would write a defect into the Statement of Applicability.
    let keys = [
        "reason.risk",
        "reason.legal",
        "reason.contract",
        "reason.policy",
        "reason.practice",
        "soa.default_reason",
        "profile.suggest_reason",
    ];
    for (lang, text) in [
        ("en", include_str!("../../../assets/i18n/en.json")),
        ("de", include_str!("../../../assets/i18n/de.json")),
        ("fr", include_str!("../../../assets/i18n/fr.json")),
    ] {
        let table: serde_json::Value = serde_json::from_str(text).expect("messages");
        for key in keys {
            let reason = table[key].as_str().expect("message");
            assert!(reason_counts(reason), "{lang} {key}: {reason:?}");
        }
    }
}
