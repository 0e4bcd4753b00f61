//! The registers' rules (issue 22, part 5), one test each: what fires, what does not,
//! and what it does to the figures. The registers are written as format 3's JSON (what
//! an assessment keeps) into an assessment that is otherwise ready, then scored.
#![cfg(all(not(target_arch = "wasm32"), feature = "registers"))]

mod common;
use aims_engine::format::registers::write;
use aims_engine::model::profile::AiRole;
use aims_engine::model::registers::Kept;
use aims_engine::model::registers::{
    AiSystem, Approval, EuAiActClass, Evidence, EvidenceKind, FileRef, ImpactAssessment,
    LifeCycleStage, RecordId, Registers, Risk, RiskCriteria, RiskSource, Treatment,
};
use aims_engine::rules::registers::{finding_record, risks_treated_by, Finding};
use aims_engine::rules::scoring::Warning;
use aims_engine::{score, Assessment, Blocker, Catalog, Date, ItemId, Score, Verdict};

fn day(text: &str) -> Date {
    Date::parse(text).expect("a date")
}

const TODAY: &str = "2026-12-07";

fn id(n: u8) -> RecordId {
    RecordId::parse(&format!("00000000-0000-4000-8000-0000000000{n:02x}")).expect("an id")
}

fn item(id: &str) -> ItemId {
    Catalog::builtin().find_item(id).expect("in the catalog")
}

/// An assessment ready in every other way: everything at level 3 with evidence, reasons,
/// documents and scope.
fn assessment() -> Assessment {
    common::ready_baseline()
}

/// The ready assessment with no written reason for including `control`.
fn without_reason(control: &str) -> Assessment {
    let mut a = assessment();
    a.update(Catalog::builtin(), item(control), |x| {
        x.justification.clear()
    })
    .expect("edit");
    a
}

fn approval() -> Option<Approval> {
    Some(Approval {
        by: "Jo Smith, CISO".into(),
        on: day("2026-12-01"),
    })
}

fn system(n: u8, in_scope: bool, approved: bool) -> AiSystem {
    AiSystem {
        id: id(n),
        name: format!("System {n}"),
        owner: "Jo".into(),
        purpose: "Triage support tickets".into(),
        role: AiRole::Customer,
        stage: LifeCycleStage::OperationAndMonitoring,
        data_categories: vec!["support tickets".into()],
        personal_data: true,
        affected: "customers".into(),
        risk_tier: "medium".into(),
        eu_ai_act: EuAiActClass::Minimal,
        in_scope,
        impact: Some(ImpactAssessment {
            full_needed: true,
            screening_reason: "Personal data of customers".into(),
            intended_use: "Routing tickets".into(),
            misuse: "Scoring staff".into(),
            affected: vec!["customers".into()],
            effects: Vec::new(),
            measures: "Human review".into(),
            residual: "Low".into(),
            approval: if approved { approval() } else { None },
            next_review: Some(day("2027-06-01")),
        }),
    }
}

/// A risk of likelihood × consequence `l`×`c`, treated (or not) by `controls`, its
/// residual risk accepted or not.
fn risk(n: u8, l: u8, c: u8, controls: &[&str], accepted: bool) -> Risk {
    Risk {
        id: id(n),
        title: format!("Risk {n}"),
        source: RiskSource::System(id(1)),
        likelihood: l,
        consequence: c,
        treatment: Some(Treatment::Modify),
        controls: controls.iter().map(|c| item(c)).collect(),
        own_controls: Vec::new(),
        owner: "Jo".into(),
        residual: Some((1, 2)),
        acceptance: if accepted { approval() } else { None },
        closed: false,
    }
}

fn registers(risks: Vec<Risk>) -> Registers {
    Registers {
        ai_systems: vec![system(1, true, true)],
        risk_criteria: RiskCriteria::new(5, 5, 6),
        risks,
        evidence: Vec::new(),
    }
}

/// `a` with the registers `r`; the evidence records `a` has (the ready baseline's
/// one record supporting every item) stay, after those of `r`.
fn with(mut a: Assessment, r: &Registers) -> Assessment {
    let mut kept = Kept(write(Catalog::builtin(), r));
    if let Some(serde_json::Value::Array(ours)) = a.registers.0[3].take() {
        let theirs = kept.0[3].get_or_insert_with(|| serde_json::Value::Array(Vec::new()));
        if let Some(list) = theirs.as_array_mut() {
            list.extend(ours);
        }
    }
    a.registers = kept;
    a
}

fn run(a: &Assessment, r: &Registers) -> Score {
    score(Catalog::builtin(), &with(a.clone(), r), day(TODAY))
}

/// The findings among the blockers, in order.
fn found(s: &Score) -> Vec<Finding> {
    s.blockers
        .iter()
        .filter_map(|b| match b {
            Blocker::Register(f) => Some(*f),
            _ => None,
        })
        .collect()
}

#[test]
fn complete_registers_raise_nothing_and_stay_ready() {
    let r = registers(vec![risk(10, 4, 4, &["A.6.2.4"], true)]);
    let s = run(&assessment(), &r);
    assert_eq!(found(&s), vec![]);
    assert_eq!(s.verdict, Verdict::Ready);
    assert_eq!(s.overall.conforming, 70);
}

#[test]
fn excluded_control_treats_risk() {
    let mut a = assessment();
    common::exclude(
        &mut a,
        "A.6.2.4",
        "Not relevant to how we buy our AI systems",
    );
    let r = registers(vec![
        risk(10, 4, 4, &["A.6.2.4"], true),
        risk(11, 5, 2, &["A.6.2.4"], true),
        // Within the acceptance level: not a reason.
        risk(12, 2, 3, &["A.6.2.4"], true),
    ]);
    let kept = with(a.clone(), &r).registers;
    assert_eq!(
        risks_treated_by(Catalog::builtin(), &kept, item("A.6.2.4")),
        vec!["Risk 10", "Risk 11"],
        "the control's inclusion reason names the risks above the acceptance level"
    );
    let s = run(&a, &r);
    assert_eq!(
        found(&s),
        vec![Finding::ExcludedControlTreatsRisk(item("A.6.2.4"))]
    );
    assert_eq!(s.verdict, Verdict::NotReady);
    // A closed risk is no reason (another risk, open and acceptable, keeps the register
    // from counting as empty).
    let mut closed = registers(vec![
        risk(10, 4, 4, &["A.6.2.4"], true),
        risk(12, 1, 2, &[], false),
    ]);
    closed.risks[0].closed = true;
    assert_eq!(found(&run(&a, &closed)), vec![]);
}

#[test]
fn a_control_that_treats_a_risk_has_its_reason_for_inclusion() {
    let a = without_reason("A.6.2.4");
    let mut bare = a.clone();
    bare.registers = Kept::default();
    let without = score(Catalog::builtin(), &bare, day(TODAY));
    assert!(without.soa_missing_reasons.contains(&item("A.6.2.4")));
    let s = run(&a, &registers(vec![risk(10, 4, 4, &["A.6.2.4"], true)]));
    assert!(!s.soa_missing_reasons.contains(&item("A.6.2.4")));
    assert_eq!(s.verdict, Verdict::Ready);
}

#[test]
fn the_statement_of_applicability_states_the_risks_as_the_reason() {
    use aims_engine::reports::soa::{rows, Defect};
    use aims_engine::text::messages::Texts;
    let a = without_reason("A.6.2.4");
    let a = with(
        a,
        &registers(vec![
            risk(10, 4, 4, &["A.6.2.4"], true),
            // Within the acceptance level: not a reason.
            risk(11, 1, 2, &["A.6.2.4"], true),
        ]),
    );
    let all = rows(Catalog::builtin(), &a, day(TODAY));
    let row = all
        .iter()
        .find(|r| r.control == item("A.6.2.4"))
        .expect("the control");
    assert_eq!(row.treats, ["Risk 10"]);
    assert!(!row.defects.contains(&Defect::InclusionWithoutReason));
    assert_eq!(
        row.reason(Texts::ENGLISH),
        "Treats the risks above the acceptance level: Risk 10"
    );
    // Without the risk, the missing reason is a defect again.
    let mut bare = a.clone();
    bare.registers = Kept::default();
    let all = rows(Catalog::builtin(), &bare, day(TODAY));
    let row = all
        .iter()
        .find(|r| r.control == item("A.6.2.4"))
        .expect("the control");
    assert!(row.defects.contains(&Defect::InclusionWithoutReason));
}

#[test]
fn each_item_knows_its_evidence_risks_and_systems() {
    use aims_engine::rules::registers::item_links;
    let mut r = registers(vec![
        risk(10, 4, 4, &["A.6.2.4"], true),
        risk(11, 2, 2, &["A.6.2.4", "A.9.2"], true),
    ]);
    r.ai_systems.push(system(2, false, false));
    r.evidence = vec![Evidence {
        id: id(20),
        title: "Policy".into(),
        kind: EvidenceKind::Document,
        owner: "Jo".into(),
        date: None,
        review_by: None,
        location: "DMS-1".into(),
        file: None,
        supports: vec![item("5.2"), item("A.6.2.4")],
    }];
    // Without the baseline's record that supports every item.
    let mut a = assessment();
    a.registers.0[3] = None;
    let kept = with(a, &r).registers;
    let links = item_links(Catalog::builtin(), &kept);
    let of = |id: &str| links[item(id).index()];
    let evidence = aims_engine::model::evidence_refs::by_item(Catalog::builtin(), &kept);
    let records = |id: &str| evidence[item(id).index()].len();
    assert_eq!((records("A.6.2.4"), of("A.6.2.4").risks), (1, 2));
    assert_eq!((of("A.9.2").risks, records("5.2")), (1, 1));
    // One system in scope of two; only the impact-assessment items link to them.
    assert_eq!(
        (of("6.1.4").systems, of("A.5.3").systems, of("5.2").systems),
        (1, 1, 0)
    );
}

#[test]
fn system_without_impact_assessment() {
    let mut r = registers(vec![risk(10, 4, 4, &["A.6.2.4"], true)]);
    r.ai_systems.push(system(2, true, false));
    // Out of scope: no assessment needed.
    r.ai_systems.push(system(3, false, false));
    let mut none = system(4, true, true);
    none.impact = None;
    r.ai_systems.push(none);
    let s = run(&assessment(), &r);
    assert_eq!(
        found(&s),
        vec![
            Finding::SystemWithoutImpactAssessment(1),
            Finding::SystemWithoutImpactAssessment(3)
        ]
    );
    let kept = with(assessment(), &r).registers;
    assert_eq!(
        finding_record(&kept, found(&s)[0]),
        Some(("00000000-0000-4000-8000-000000000002", "System 2"))
    );
    assert_eq!(
        Finding::SystemWithoutImpactAssessment(1).held_ids(),
        ["6.1.4", "8.4", "A.5.2", "A.5.3", "A.5.4", "A.5.5"]
    );
    // Those six no longer conform: 64 of 70.
    assert_eq!(s.overall.conforming, 64);
    assert_eq!(s.verdict, Verdict::NotReady);
}

#[test]
fn empty_risk_register() {
    let s = run(&assessment(), &registers(Vec::new()));
    assert_eq!(found(&s), vec![Finding::EmptyRiskRegister]);
    assert_eq!(s.overall.conforming, 68, "6.1.2 and 8.2 no longer conform");
    // An assessment without any register is held the same way.
    let mut bare = assessment();
    bare.registers = Kept::default();
    let s = score(Catalog::builtin(), &bare, day(TODAY));
    assert_eq!(found(&s), vec![Finding::EmptyRiskRegister]);
    assert_eq!(s.verdict, Verdict::NotReady);
    // A register whose every risk is closed holds them the same way; one open risk,
    // within the acceptance level, does not.
    let mut closed = risk(10, 4, 4, &["A.6.2.4"], true);
    closed.closed = true;
    let s = run(&assessment(), &registers(vec![closed.clone()]));
    assert_eq!(found(&s), vec![Finding::EmptyRiskRegister]);
    let s = run(
        &assessment(),
        &registers(vec![closed, risk(11, 1, 2, &[], false)]),
    );
    assert_eq!(found(&s), Vec::<Finding>::new());
}

#[test]
fn risk_untreated_and_risk_not_accepted() {
    let mut untreated = risk(10, 4, 4, &["A.6.2.4"], true);
    untreated.treatment = None;
    let uncontrolled = risk(11, 4, 4, &[], true);
    let mut own = risk(12, 4, 4, &[], true);
    own.own_controls = vec!["ORG-1 model card review".into()];
    let unaccepted = risk(13, 4, 4, &["A.6.2.4"], false);
    // Within the acceptance level, nothing is asked of it.
    let low = risk(14, 1, 2, &[], false);
    let s = run(
        &assessment(),
        &registers(vec![untreated, uncontrolled, own, unaccepted, low]),
    );
    assert_eq!(
        found(&s),
        vec![
            Finding::RiskUntreated(0),
            Finding::RiskUntreated(1),
            Finding::RiskNotAccepted(3),
        ]
    );
    assert_eq!(s.overall.conforming, 68, "6.1.3 and 8.3 no longer conform");
}

#[test]
fn without_criteria_no_risk_is_called_acceptable() {
    let mut r = registers(vec![risk(14, 1, 1, &[], false)]);
    r.risk_criteria = None;
    assert_eq!(found(&run(&assessment(), &r)), [Finding::RiskUntreated(0)]);
}

#[test]
fn stale_evidence() {
    let policy = item("5.2");
    let evidence = |n: u8, review_by: &str| Evidence {
        id: id(n),
        title: format!("Evidence {n}"),
        kind: EvidenceKind::Document,
        owner: "Jo".into(),
        date: Some(day("2026-01-10")),
        review_by: Some(day(review_by)),
        location: "SharePoint/AI policy.pdf".into(),
        file: None,
        supports: vec![policy],
    };
    // 5.2 with no evidence reference of its own: only the records can carry it.
    let mut a = assessment();
    common::evidence(&mut a, "5.2", &[]);
    let mut r = registers(vec![risk(10, 4, 4, &["A.6.2.4"], true)]);
    r.evidence = vec![evidence(20, "2026-12-06"), evidence(21, TODAY)];
    let s = run(&a, &r);
    assert_eq!(s.warnings, vec![Warning::StaleEvidence(0)]);
    assert_eq!(s.overall.conforming, 70, "the current record still counts");
    r.evidence.remove(1);
    let s = run(&a, &r);
    assert_eq!(s.warnings, vec![Warning::StaleEvidence(0)]);
    assert_eq!(
        s.overall.conforming, 69,
        "the stale record alone does not count"
    );
    assert!(s.blockers.contains(&Blocker::NoEvidence(policy)));
    // A record that says nothing about where it lives is no evidence either.
    r.evidence = vec![evidence(21, TODAY)];
    r.evidence[0].location = "-".into();
    assert_eq!(run(&a, &r).overall.conforming, 69);
    // A kept file stands in for the location when it holds something and its record is
    // named; an empty file, or one filed as "x", does not.
    r.evidence[0].file = Some(FileRef {
        name: "policy.pdf".into(),
        size: 48_213,
        sha256: "a".repeat(64),
    });
    assert_eq!(run(&a, &r).overall.conforming, 70);
    r.evidence[0].title = "x".into();
    assert_eq!(run(&a, &r).overall.conforming, 69);
    r.evidence[0].title = "Evidence 21".into();
    if let Some(f) = r.evidence[0].file.as_mut() {
        f.size = 0;
    }
    assert_eq!(run(&a, &r).overall.conforming, 69);
}
