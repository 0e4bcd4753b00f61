//! Table tests for the scoring rules, with expectations computed by hand (see docs/scoring.md).
#![cfg(not(target_arch = "wasm32"))]

mod common;
use aims_readiness::engine::{score, Blocker, ItemKind, Report, TargetLevel, Verdict, Weight};
use common::*;

fn pct(p: Option<aims_readiness::engine::Percent>) -> String {
    p.map_or("none".into(), |p| p.to_string())
}

/// Everything at level 3 with evidence and every document present: the ready baseline.
fn ready_baseline() -> aims_readiness::engine::Assessment {
    let mut a = blank();
    set_all(&mut a, ItemKind::Clause, 3);
    set_all(&mut a, ItemKind::Control, 3);
    add_evidence_everywhere(&mut a);
    all_documents(&mut a);
    a
}

fn report(a: &aims_readiness::engine::Assessment) -> Report {
    score(catalog(), a)
}

#[test]
fn blank_assessment_is_zero_not_ready_with_every_item_blocking() {
    let r = report(&blank());
    assert_eq!(pct(r.overall.readiness), "0");
    assert_eq!(pct(r.overall.coverage()), "0");
    assert_eq!((r.overall.in_scope, r.overall.answered), (70, 0));
    assert_eq!(r.verdict, Verdict::NotReady);
    assert_eq!(r.blockers.len(), 70 + 21);
    assert_eq!(r.gaps.len(), 70);
    // Clause gaps (3 × 1 × 2 = 6) come before control gaps (3 × 1 × 1 = 3), catalog order within.
    assert_eq!(catalog().item(r.gaps[0].item).id, "4.1");
    assert_eq!(r.gaps[0].priority, 600, "hundredths");
    assert_eq!(catalog().item(r.gaps[32].item).id, "A.2.2");
    assert_eq!(r.gaps[32].priority, 300);
}

#[test]
fn everything_at_level_3_with_evidence_and_documents_is_ready() {
    let r = report(&ready_baseline());
    assert_eq!(pct(r.overall.readiness), "100");
    assert_eq!(pct(r.overall.evidenced), "100");
    assert_eq!(r.verdict, Verdict::Ready);
    assert!(r.blockers.is_empty());
    assert!(r.gaps.is_empty());
    assert_eq!(r.documents_present, 21);
}

#[test]
fn claims_without_evidence_are_capped_at_level_2_in_evidenced_readiness() {
    let mut a = blank();
    set_all(&mut a, ItemKind::Clause, 3);
    set_all(&mut a, ItemKind::Control, 3);
    let r = report(&a);
    assert_eq!(pct(r.overall.readiness), "100");
    // min(2,3)/3 for every item = 66.666… → 66.7
    assert_eq!(pct(r.overall.evidenced), "66.7");
}

#[test]
fn clauses_at_2_and_controls_at_3_is_close() {
    let mut a = ready_baseline();
    set_all(&mut a, ItemKind::Clause, 2);
    let r = report(&a);
    // (32 × 2/3 + 38 × 1) / 70 = 59.333 / 70 = 84.76 → 84.8
    assert_eq!(pct(r.overall.readiness), "84.8");
    assert_eq!(pct(r.clauses.readiness), "66.7");
    assert_eq!(pct(r.annex_a.readiness), "100");
    assert_eq!(r.verdict, Verdict::Close);
    assert_eq!(r.blockers.len(), 32);
    assert!(r
        .blockers
        .iter()
        .all(|b| matches!(b, Blocker::BelowAuditReady(_, l) if l.number() == 2)));
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
fn a_control_below_2_only_makes_it_close() {
    let mut a = ready_baseline();
    set(&mut a, "A.7.4", 0);
    let r = report(&a);
    assert_eq!(r.verdict, Verdict::Close);
    assert_eq!(
        r.blockers,
        vec![Blocker::BelowAuditReady(item("A.7.4"), level(0))]
    );
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
    assert_eq!(r.verdict, Verdict::Close);
    assert_eq!(pct(r.annex_a.readiness), "97.4");
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
fn weights_and_targets_shape_readiness_and_gap_priority() {
    let mut a = ready_baseline();
    a.update(catalog(), item("4.1"), |ans| {
        ans.maturity = Some(level(0));
        ans.weight = Weight::from_hundredths(300).expect("weight");
    })
    .expect("edit");
    a.update(catalog(), item("A.6.2.4"), |ans| {
        ans.target = TargetLevel::T5
    })
    .expect("edit");
    let r = report(&a);
    // Weights: 69 items × 1 + 3 = 72. Scores: 4.1 → 0; A.6.2.4 → 3/5; others 1.
    // (68 + 0.6) / 72 = 95.28 → 95.3
    assert_eq!(pct(r.overall.readiness), "95.3");
    assert_eq!(r.gaps.len(), 2);
    assert_eq!(
        (
            catalog().item(r.gaps[0].item).id.as_str(),
            r.gaps[0].priority
        ),
        ("4.1", 1800)
    );
    assert_eq!(
        (
            catalog().item(r.gaps[1].item).id.as_str(),
            r.gaps[1].priority
        ),
        ("A.6.2.4", 200)
    );
    assert_eq!(r.verdict, Verdict::NotReady, "4.1 at level 0");
}

#[test]
fn a_missing_document_alone_makes_it_close() {
    let mut a = ready_baseline();
    let soa = catalog()
        .find_document("statement-of-applicability")
        .expect("doc");
    a.set_document(soa, false);
    let r = report(&a);
    assert_eq!(r.verdict, Verdict::Close);
    assert_eq!(r.blockers, vec![Blocker::MissingDocument(soa)]);
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
