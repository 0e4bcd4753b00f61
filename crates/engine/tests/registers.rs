//! The registers' rules (issue 22, part 5), one test each: what fires, and what does not.

use aims_engine::model::profile::AiRole;
use aims_engine::model::registers::{
    AiSystem, Approval, EuAiActClass, Evidence, EvidenceKind, ImpactAssessment, LifeCycleStage,
    RecordId, Registers, Risk, RiskCriteria, RiskSource, Treatment,
};
use aims_engine::rules::registers::{counting_evidence, findings, inclusion_reasons, Finding};
use aims_engine::{apply, Assessment, Catalog, Date, Edit, ItemId, Timestamp};

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

fn assessment() -> Assessment {
    Assessment::new(
        Catalog::builtin(),
        "a-1".into(),
        "Registers".into(),
        Timestamp::from_unix_seconds(1_796_600_000),
    )
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

fn kinds(found: &[(Finding, Vec<ItemId>)]) -> Vec<&'static str> {
    found.iter().map(|(f, _)| f.kind()).collect()
}

fn run(a: &Assessment, r: &Registers) -> Vec<(Finding, Vec<ItemId>)> {
    findings(Catalog::builtin(), a, r, day(TODAY))
}

#[test]
fn complete_registers_raise_nothing() {
    let r = registers(vec![risk(10, 4, 4, &["A.6.2.4"], true)]);
    assert_eq!(run(&assessment(), &r), vec![]);
}

#[test]
fn excluded_control_treats_risk() {
    let mut a = assessment();
    let control = item("A.6.2.4");
    let now = a.updated.clone();
    apply(
        Catalog::builtin(),
        &mut a,
        Edit::Applicable(control, false),
        now,
    )
    .expect("excluded");
    let r = registers(vec![
        risk(10, 4, 4, &["A.6.2.4"], true),
        risk(11, 5, 2, &["A.6.2.4"], true),
        // Within the acceptance level: not a reason.
        risk(12, 2, 3, &["A.6.2.4"], true),
    ]);
    assert_eq!(
        inclusion_reasons(&r),
        vec![(control, vec![id(10), id(11)])],
        "the control's inclusion reason names the risks above the acceptance level"
    );
    assert_eq!(
        run(&a, &r),
        vec![(
            Finding::ExcludedControlTreatsRisk(control, vec![id(10), id(11)]),
            vec![control]
        )]
    );
    // A closed risk is no reason.
    let mut closed = registers(vec![risk(10, 4, 4, &["A.6.2.4"], true)]);
    closed.risks[0].closed = true;
    assert!(!kinds(&run(&a, &closed)).contains(&"excluded_control_treats_risk"));
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
    let found = run(&assessment(), &r);
    assert_eq!(
        found.iter().map(|(f, _)| f.clone()).collect::<Vec<_>>(),
        vec![
            Finding::SystemWithoutImpactAssessment(id(2)),
            Finding::SystemWithoutImpactAssessment(id(4))
        ]
    );
    let blocked: Vec<&str> = found[0]
        .1
        .iter()
        .map(|&i| Catalog::builtin().item(i).id.as_str())
        .collect();
    assert_eq!(
        blocked,
        ["6.1.4", "8.4", "A.5.2", "A.5.3", "A.5.4", "A.5.5"]
    );
}

#[test]
fn empty_risk_register() {
    let found = run(&assessment(), &registers(Vec::new()));
    assert_eq!(
        found,
        vec![(Finding::EmptyRiskRegister, vec![item("6.1.2"), item("8.2")])]
    );
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
    let found = run(
        &assessment(),
        &registers(vec![untreated, uncontrolled, own, unaccepted, low]),
    );
    let treatment = vec![item("6.1.3"), item("8.3")];
    assert_eq!(
        found,
        vec![
            (Finding::RiskUntreated(id(10)), treatment.clone()),
            (Finding::RiskUntreated(id(11)), treatment.clone()),
            (Finding::RiskNotAccepted(id(13)), treatment),
        ]
    );
}

#[test]
fn without_criteria_no_risk_is_called_acceptable() {
    let mut r = registers(vec![risk(14, 1, 1, &[], false)]);
    r.risk_criteria = None;
    assert_eq!(kinds(&run(&assessment(), &r)), ["risk_untreated"]);
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
    let mut r = registers(vec![risk(10, 4, 4, &["A.6.2.4"], true)]);
    r.evidence = vec![evidence(20, "2026-12-06"), evidence(21, TODAY)];
    assert_eq!(
        run(&assessment(), &r),
        vec![(Finding::StaleEvidence(id(20)), vec![policy])]
    );
    assert_eq!(
        counting_evidence(&r, policy, day(TODAY)),
        1,
        "only the current one counts"
    );
}
