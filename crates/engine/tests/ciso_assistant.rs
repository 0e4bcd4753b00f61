//! The CISO Assistant exports (docs/interop.md): every row of the audit import against
//! the mapping rules and the values its importer accepts, the 6.1 rule, and the
//! applied-controls import of the action plan.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use aims_engine::reports::ciso_assistant::{
    applied_controls_csv, audit_csv, ASSESSABLE, REQUIREMENT_URN,
};
use aims_engine::text::messages::Texts;
use aims_engine::{import, score, Date};
use common::*;

const FIXTURE_V2: &str = include_str!("../../../tests/fixtures/assessment-v2.json");
const HEADER: [&str; 8] = [
    "urn",
    "assessable",
    "ref_id",
    "name",
    "compliance_result",
    "requirement_progress",
    "score",
    "observations",
];

/// The audit CSV's rows by `ref_id` (header checked), each as its eight fields.
fn audit(a: &aims_engine::Assessment) -> Vec<Vec<String>> {
    let rows = read_csv(&audit_csv(catalog(), a, Texts::ENGLISH));
    assert_eq!(rows[0], HEADER);
    rows[1..].to_vec()
}

fn row<'a>(rows: &'a [Vec<String>], ref_id: &str) -> &'a [String] {
    rows.iter()
        .find(|r| r[2] == ref_id)
        .unwrap_or_else(|| panic!("no row {ref_id}"))
}

/// (compliance_result, requirement_progress, score) of a row.
fn outcome<'a>(rows: &'a [Vec<String>], ref_id: &str) -> (&'a str, &'a str, &'a str) {
    let r = row(rows, ref_id);
    (&r[4], &r[5], &r[6])
}

#[test]
fn one_row_per_assessable_requirement_with_values_the_importer_accepts() {
    let a = import(catalog(), FIXTURE_V2.as_bytes()).expect("fixture imports");
    let rows = audit(&a);
    let ids: Vec<&str> = rows.iter().map(|r| r[2].as_str()).collect();
    assert_eq!(
        ids, ASSESSABLE,
        "the library's 67 assessable ids, in its order"
    );
    for r in &rows {
        assert_eq!(r.len(), 8);
        assert_eq!(r[0], format!("{REQUIREMENT_URN}{}", r[2]));
        assert_eq!(
            r[1], "True",
            "rows not marked assessable are skipped by the importer"
        );
        assert!(
            [
                "not_assessed",
                "partially_compliant",
                "non_compliant",
                "compliant",
                "not_applicable"
            ]
            .contains(&r[4].as_str()),
            "{r:?}"
        );
        assert!(["to_do", "in_progress", "in_review", "done"].contains(&r[5].as_str()));
        assert!(
            r[6].is_empty() || matches!(r[6].parse::<u8>(), Ok(0..=5)),
            "{r:?}"
        );
        assert!(!r[7].starts_with(['=', '+', '-', '@']), "formula guard");
    }
    // Every one of our other ids is a row of its own; 6.1.1 to 6.1.4 are one.
    let c = catalog();
    for i in c.item_ids() {
        let id = c.item(i).id.as_str();
        assert!(
            ids.contains(&id) || id.starts_with("6.1."),
            "{id} has a row"
        );
    }
}

#[test]
fn each_mapping_rule_gives_its_result_progress_and_score() {
    let mut a = ready_baseline();
    exclude(
        &mut a,
        "A.10.4",
        "We have no customers of our AI systems at all",
    );
    a.update(catalog(), item("A.7.5"), |x| x.maturity = None)
        .expect("edit");
    set_estimate(&mut a, "A.7.6", 3);
    set(&mut a, "A.8.2", 0);
    set(&mut a, "A.8.3", 2);
    evidence(&mut a, "A.8.4", &[]);
    let rows = audit(&a);
    assert_eq!(outcome(&rows, "A.10.4"), ("not_applicable", "done", ""));
    assert_eq!(
        outcome(&rows, "A.7.5"),
        ("not_assessed", "to_do", ""),
        "unanswered"
    );
    assert_eq!(
        outcome(&rows, "A.7.6"),
        ("not_assessed", "to_do", ""),
        "an estimate"
    );
    assert_eq!(outcome(&rows, "A.8.2"), ("non_compliant", "to_do", "0"));
    assert_eq!(
        outcome(&rows, "A.8.3"),
        ("partially_compliant", "in_progress", "2")
    );
    assert_eq!(
        outcome(&rows, "A.8.4"),
        ("partially_compliant", "in_progress", "3"),
        "level 3 without the evidence the model requires does not conform"
    );
    assert_eq!(outcome(&rows, "A.8.5"), ("compliant", "done", "3"));
    assert_eq!(outcome(&rows, "4.1"), ("compliant", "done", "3"));
    // An exclusion without a reason that counts is no exclusion: the level decides.
    let mut b = ready_baseline();
    exclude(&mut b, "A.10.4", "n/a");
    assert_eq!(outcome(&audit(&b), "A.10.4"), ("compliant", "done", "3"));
}

#[test]
fn observations_hold_the_justification_evidence_owner_due_date_and_notes() {
    let mut a = ready_baseline();
    a.update(catalog(), item("A.6.2.4"), |x| {
        x.owner = "Head of ML Engineering".into();
        x.due = Date::parse("2027-03-31");
        x.notes = "=SUM(A1) \"quoted\", with a comma\nand a second line".into();
    })
    .expect("edit");
    evidence(
        &mut a,
        "A.6.2.4",
        &["VAL-12 validation report", "Jira AI-88"],
    );
    let rows = audit(&a);
    assert_eq!(
        row(&rows, "A.6.2.4")[7],
        "Justification: Treats an assessed AI risk\nEvidence: VAL-12 validation report; Jira AI-88\n\
         Owner: Head of ML Engineering\nDue: 2027-03-31\n\
         Notes: =SUM(A1) \"quoted\", with a comma\nand a second line"
    );
    // Each line starts with its label, so no cell can start as a formula would; a
    // hostile value stays text after it.
    let mut b = ready_baseline();
    evidence(&mut b, "4.1", &["=HYPERLINK(\"x\")"]);
    assert_eq!(row(&audit(&b), "4.1")[7], "Evidence: =HYPERLINK(\"x\")");
}

#[test]
fn the_single_6_1_takes_the_lowest_of_its_four_parts_and_names_each() {
    let mut a = ready_baseline();
    assert_eq!(outcome(&audit(&a), "6.1"), ("compliant", "done", "3"));
    set(&mut a, "6.1.2", 4);
    set(&mut a, "6.1.3", 2);
    let rows = audit(&a);
    assert_eq!(
        outcome(&rows, "6.1"),
        ("partially_compliant", "in_progress", "2")
    );
    let observations = &row(&rows, "6.1")[7];
    for line in [
        "6.1.1 General: level 3",
        "6.1.2 AI risk assessment: level 4",
        "6.1.3 AI risk treatment: level 2",
        "6.1.4 AI system impact assessment: level 3",
    ] {
        assert!(observations.contains(line), "{line} in {observations}");
    }
    assert!(observations.contains("6.1.3 Evidence: doc"));
    set_estimate(&mut a, "6.1.4", 3);
    let rows = audit(&a);
    assert_eq!(
        outcome(&rows, "6.1"),
        ("not_assessed", "to_do", ""),
        "a part not yet assessed"
    );
    assert!(row(&rows, "6.1")[7]
        .contains("6.1.4 AI system impact assessment: estimated at level 3, not confirmed"));
    a.update(catalog(), item("6.1.4"), |x| {
        x.maturity = Some(level(0));
        x.estimate = false;
    })
    .expect("edit");
    assert_eq!(outcome(&audit(&a), "6.1"), ("non_compliant", "to_do", "0"));
}

#[test]
fn the_plan_becomes_applied_controls_with_priority_owner_and_eta() {
    let c = catalog();
    let mut a = ready_baseline();
    set(&mut a, "A.6.2.4", 1);
    a.update(c, item("A.6.2.4"), |x| {
        x.owner = "ml-lead@example.com".into();
        x.due = Date::parse("2026-10-01");
    })
    .expect("edit");
    a.update(c, item("9.2.1"), |x| x.maturity = None)
        .expect("edit");
    let r = score(c, &a, today());
    let today = Date::parse("2026-12-06").expect("date");
    let rows = read_csv(&applied_controls_csv(c, &a, &r, today, Texts::ENGLISH));
    assert_eq!(
        rows[0],
        [
            "ref_id",
            "name",
            "description",
            "status",
            "priority",
            "eta",
            "owner",
            "reference_control",
            "observation"
        ]
    );
    let tasks = &rows[1..];
    assert!(!tasks.is_empty());
    for (n, t) in tasks.iter().enumerate() {
        assert_eq!(t[0], format!("AIMS-{:03}", n + 1));
        assert!(
            !t[1].is_empty() && t[1].chars().count() <= 120,
            "a short name: {t:?}"
        );
        assert!(["to_do", "in_progress"].contains(&t[3].as_str()));
        assert!(matches!(t[4].parse::<u8>(), Ok(1..=4)));
        assert!(t[5].is_empty() || Date::parse(&t[5]).is_some());
    }
    let control = tasks
        .iter()
        .find(|t| t[7] == "A.6.2.4")
        .expect("the control's task");
    // Level 1 is a status, so the control's remaining work is due before Stage 2.
    assert_eq!(
        (control[3].as_str(), control[4].as_str()),
        ("in_progress", "3"),
        "started, Stage 2"
    );
    assert_eq!(
        (control[5].as_str(), control[6].as_str()),
        ("2026-10-01", "ml-lead@example.com")
    );
    assert!(control[1].starts_with("A.6.2.4: "));
    let clause = tasks
        .iter()
        .find(|t| t[1].starts_with("9.2.1: "))
        .expect("the clause's task");
    assert_eq!(clause[7], "", "a clause is no reference control");
    assert_eq!(clause[3], "to_do", "not assessed yet");
    // Internal audit under way is needed before Stage 1: among the first ten, priority 1.
    assert_eq!(clause[4], "1", "{clause:?}");
}
