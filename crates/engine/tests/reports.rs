//! The reports, natively: Statement of Applicability (rows, defects, CSV with
//! its quoting, JSON), action plan (order, overdue, CSV), OSCAL (frozen fixture), the
//! comparison, merging a colleague's answers, and the reverse crosswalks.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use aims_engine::model::catalog::Basis;
use aims_engine::reports::compare::{compare, delta, Change};
use aims_engine::reports::crosswalk::{covering, references, Framework};
use aims_engine::reports::plan::{plan, Task, When};
use aims_engine::reports::soa::{Defect, Status};
use aims_engine::reports::{compare as cmp, oscal, plan as plan_mod, soa};
use aims_engine::rules::merge::{differing_documents, differing_items, take_theirs};
use aims_engine::text::messages::Texts;
use aims_engine::{import, score, Date, Percent};
use common::*;

const FIXTURE_V2: &str = include_str!("../../../tests/fixtures/assessment-v2.json");

fn fixture() -> aims_engine::Assessment {
    import(catalog(), FIXTURE_V2.as_bytes()).expect("fixture imports")
}

#[test]
fn soa_rows_mark_every_defect_an_auditor_would_raise() {
    let mut a = blank();
    let c = catalog();
    a.update(c, item("A.2.2"), |x| {
        x.maturity = Some(level(3));
        x.justification = "Policy needed for every AI use".into();
    })
    .expect("edit");
    evidence(&mut a, "A.2.2", &["POL-1"]);
    a.update(c, item("A.7.2"), |x| {
        x.excluded = true;
        x.justification = "We train no models of our own".into();
    })
    .expect("edit");
    a.update(c, item("A.10.3"), |x| x.excluded = true)
        .expect("edit");
    let rows = soa::rows(c, &a, today());
    assert_eq!(rows.len(), 38, "every Annex A control");
    let row = |id: &str| {
        rows.iter()
            .find(|r| c.item(r.control).id == id)
            .expect("row")
    };
    assert!(row("A.2.2").defects.is_empty());
    assert_eq!(row("A.2.2").status.key(), "target_met");
    assert_eq!(row("A.7.2").status, Status::Excluded);
    assert!(!row("A.7.2").applicable && row("A.7.2").defects.is_empty());
    // Marked excluded without a reason: it stays applicable, with a defect and no status.
    assert!(row("A.10.3").applicable);
    assert_eq!(
        row("A.10.3").defects,
        [Defect::ExclusionWithoutJustification, Defect::NoStatus]
    );
    assert_eq!(
        row("A.2.3").defects,
        [Defect::InclusionWithoutReason, Defect::NoStatus]
    );
    // A claim without evidence says so.
    a.update(c, item("A.2.3"), |x| x.maturity = Some(level(4)))
        .expect("edit");
    let words = soa::rows(c, &a, today())
        .into_iter()
        .find(|r| c.item(r.control).id == "A.2.3")
        .expect("row")
        .status
        .words(Texts::ENGLISH);
    assert_eq!(
        words,
        "Implemented, target met: level 4 of target 3 (no evidence recorded)"
    );
}

#[test]
fn soa_csv_keeps_commas_quotes_line_breaks_and_defuses_formulas() {
    let mut a = blank();
    let c = catalog();
    let tricky = "Needed, because \"the board\" said so\nsecond line";
    a.update(c, item("A.2.2"), |x| {
        x.justification = tricky.into();
        x.owner = "=HYPERLINK(\"x\")".into();
    })
    .expect("edit");
    evidence(&mut a, "A.2.2", &["a, b", "c"]);
    let text = soa::csv(c, &a, today(), Texts::ENGLISH);
    let rows = read_csv(&text);
    assert_eq!(rows[0], soa::csv_columns(Texts::ENGLISH));
    assert_eq!(rows.len(), 1 + 38);
    assert!(rows
        .iter()
        .all(|r| r.len() == soa::csv_columns(Texts::ENGLISH).len()));
    let a22 = &rows[1];
    assert_eq!(a22[0], "A.2.2");
    assert_eq!(a22[4], tricky, "justification survives");
    assert_eq!(a22[8], "a, b; c");
    assert_eq!(a22[9], "'=HYPERLINK(\"x\")", "a formula is shown as text");
    assert_eq!(a22[12], "ISO/IEC 42001:2023 Annex A");
}

#[test]
fn soa_json_has_the_title_block_and_counts_defects() {
    let mut a = fixture();
    a.prepared_by = "Jana Novak".into();
    a.profile.scope_note = "Support chatbot, EU".into();
    let v: serde_json::Value =
        serde_json::from_str(&soa::json(catalog(), &a, today())).expect("json");
    assert_eq!(v["organization"], "Example Analytics GmbH");
    assert_eq!(v["prepared_by"], "Jana Novak");
    assert_eq!(v["scope"], "Support chatbot, EU");
    assert_eq!(v["controls"].as_array().map(Vec::len), Some(38));
    let counted: usize = v["controls"]
        .as_array()
        .expect("controls")
        .iter()
        .map(|c| c["defects"].as_array().map_or(0, Vec::len))
        .sum();
    assert_eq!(v["defects"], counted);
    // 35 controls without a reason that counts, 8 without a status, 1 exclusion without
    // a justification.
    assert_eq!(v["defects"], 44);
}

#[test]
fn plan_puts_stage_1_first_in_the_order_work_is_done_and_flags_overdue() {
    let c = catalog();
    let mut a = ready_baseline();
    // Ready: nothing to do.
    let today = Date::parse("2026-11-30").expect("date");
    assert!(plan(c, &a, &score(c, &a, today), today).is_empty());
    // A control without a reason: its reason is a Stage 1 task of its own, and its raise
    // toward a target of 5 stays a target task.
    a.update(c, item("A.9.2"), |x| {
        x.justification.clear();
        x.target = aims_engine::TargetLevel::T5;
    })
    .expect("edit");
    // A gate item at 2 (and the two claims resting on it), the internal audit not under
    // way, a control at 2, an item toward a target of 4, the scope document missing.
    set(&mut a, "6.1.2", 2);
    set(&mut a, "9.2.1", 1);
    set(&mut a, "A.6.2.4", 2);
    a.update(c, item("A.3.2"), |x| {
        x.target = aims_engine::TargetLevel::T4;
        x.due = Date::parse("2026-11-29");
        x.owner = "  Sam  ".into();
    })
    .expect("edit");
    a.update(c, item("6.1.2"), |x| x.due = Date::parse("2026-11-30"))
        .expect("edit");
    let scope_doc = c.find_document("scope").expect("doc");
    a.set_document(scope_doc, false);
    let r = score(c, &a, today);
    let tasks = plan(c, &a, &r, today);
    let summary: Vec<(String, When, &str, &str)> = tasks
        .iter()
        .map(|t| {
            (
                t.item.map(|i| c.item(i).id.clone()).unwrap_or_default(),
                t.when,
                t.phase.key(),
                t.task.key(),
            )
        })
        .collect();
    let s1 = When::BeforeStage1;
    let s2 = When::BeforeStage2;
    let tt = When::TowardTarget;
    assert_eq!(
        summary,
        [
            // The scope before anything else, then the risk work in its order, the SoA,
            // and the internal audit last.
            ("4.3".to_owned(), s1, "scope", "produce_document"),
            (
                "6.1.2".to_owned(),
                s1,
                "risk_and_impact_assessments",
                "raise_level"
            ),
            (
                "8.2".to_owned(),
                s1,
                "risk_and_impact_assessments",
                "raise_basis"
            ),
            ("6.1.3".to_owned(), s1, "treatment_and_soa", "raise_basis"),
            ("A.9.2".to_owned(), s1, "treatment_and_soa", "write_reason"),
            ("9.2.1".to_owned(), s1, "internal_audit", "raise_level"),
            (
                "A.6.2.4".to_owned(),
                s2,
                "operation_and_controls",
                "raise_level"
            ),
            ("9.2.2".to_owned(), s2, "internal_audit", "raise_basis"),
            ("A.3.2".to_owned(), tt, "policy_and_roles", "raise_level"),
            (
                "A.9.2".to_owned(),
                tt,
                "operation_and_controls",
                "raise_level"
            ),
        ]
    );
    // Due today is not overdue; due yesterday is.
    assert!(!tasks[1].overdue);
    assert!(tasks[8].overdue);
    assert_eq!(tasks[8].owner, "Sam");
    // A task says the level its blocker needs: 3 for a gate, 2 for an audit that has to
    // be under way, the target for a target task.
    assert_eq!(
        tasks[1].task,
        Task::Raise {
            current: Some(level(2)),
            next: level(3),
            target: aims_engine::TargetLevel::T3
        }
    );
    assert!(tasks[1]
        .words(c, Texts::ENGLISH)
        .starts_with("Reach level 3: "));
    assert!(tasks[5]
        .words(c, Texts::ENGLISH)
        .starts_with("Reach level 2: "));
    assert!(tasks[9]
        .words(c, Texts::ENGLISH)
        .starts_with("Reach level 5: "));
    assert_eq!(
        tasks[2].words(c, Texts::ENGLISH),
        "Bring 6.1.2 to level 3 first: the level claimed here rests on it"
    );
    // The CSV: one row per task, in the same order, the overdue flag in words.
    let rows = read_csv(&plan_mod::csv(c, &a, &r, today, Texts::ENGLISH));
    assert_eq!(rows[0], plan_mod::csv_columns(Texts::ENGLISH));
    assert_eq!(rows.len(), 11);
    assert_eq!(rows[9][2], "A.3.2");
    assert_eq!(rows[9][12], "Yes");
    assert_eq!(rows[2][12], "");
    let v: serde_json::Value =
        serde_json::from_str(&plan_mod::json(c, &a, &r, today)).expect("json");
    assert_eq!(v["overdue"], 1);
    assert_eq!(v["actions"][0]["document"], "scope");
    assert_eq!(v["actions"][0]["phase"], "scope");
}

#[test]
fn plan_turns_scope_own_control_and_clause_exclusion_blockers_into_tasks() {
    let c = catalog();
    let mut a = ready_baseline();
    a.profile.scope_note.clear();
    exclude(&mut a, "A.2.2", "We have a group-wide policy instead");
    a.additional
        .push(aims_engine::model::profile::AdditionalControl {
            id: "ORG-1".into(),
            ..Default::default()
        });
    let r = score(c, &a, today());
    let tasks = plan(c, &a, &r, Date::parse("2026-11-30").expect("date"));
    let words: Vec<String> = tasks.iter().map(|t| t.words(c, Texts::ENGLISH)).collect();
    assert_eq!(
        words,
        [
            "State the scope of the AI management system: it heads the Statement of Applicability",
            "Include this control again: clause 5.2, which is mandatory, is carried out through it",
            "Complete your own control ORG-1: a reason for including it and its status",
        ]
    );
    assert!(tasks.iter().all(|t| t.when == When::BeforeStage1));
}

#[test]
fn an_unanswered_item_is_asked_for_the_level_its_stage_1_rule_needs() {
    let c = catalog();
    let mut a = ready_baseline();
    for id in ["6.1.2", "9.3.1", "5.3", "A.9.4"] {
        a.update(c, item(id), |x| x.maturity = None).expect("edit");
    }
    let r = score(c, &a, today());
    let tasks = plan(c, &a, &r, Date::parse("2026-11-30").expect("date"));
    let next = |id: &str| {
        tasks
            .iter()
            .find(|t| t.item == Some(item(id)) && t.task.key() == "assess")
            .map(|t| (t.when, levels_next(&t.task)))
    };
    fn levels_next(task: &Task) -> u8 {
        match task {
            Task::Raise { next, .. } => next.number(),
            _ => 0,
        }
    }
    // A level-3 gate needs 3, the internal audit and management review 2, any other
    // clause requirement its minimum of 2, a control 3: all before Stage 1, since each
    // needs an answer first.
    assert_eq!(next("6.1.2"), Some((When::BeforeStage1, 3)));
    assert_eq!(next("9.3.1"), Some((When::BeforeStage1, 2)));
    assert_eq!(next("5.3"), Some((When::BeforeStage1, 2)));
    assert_eq!(next("A.9.4"), Some((When::BeforeStage1, 3)));
}

#[test]
fn plan_of_the_fixture_lists_every_blocker_once_or_as_a_gap() {
    let c = catalog();
    let a = fixture();
    let r = score(c, &a, today());
    let tasks = plan(c, &a, &r, Date::parse("2026-11-30").expect("date"));
    // Every gap is a task, every missing document, every SoA reason or evidence blocker.
    let raise = tasks
        .iter()
        .filter(|t| matches!(t.task, Task::Raise { .. }))
        .count();
    assert_eq!(raise, r.gaps.len());
    let docs = tasks
        .iter()
        .filter(|t| matches!(t.task, Task::ProduceDocument(_)))
        .count();
    assert_eq!(docs, usize::from(r.documents_total - r.documents_present));
    // Stage 1 first, then Stage 2, then targets.
    assert!(tasks.windows(2).all(|w| w[0].when <= w[1].when));
}

#[test]
fn oscal_of_the_fixture_is_frozen() {
    // tests/oscal/validate.py (compliance-trestle) checks this same document in the test
    // command; here it is frozen so any change to it is deliberate.
    let out = oscal::assessment_results(catalog(), &fixture());
    // Written by 0.1.0; the document names the version that makes it.
    let frozen = include_str!("../../../tests/fixtures/assessment-v2.oscal.json").replacen(
        "\"value\": \"aims-readiness 0.1.0\"",
        &format!("\"value\": \"{}\"", aims_engine::GENERATOR),
        1,
    );
    assert_eq!(out, frozen);
    let v: serde_json::Value = serde_json::from_str(&out).expect("json");
    let findings = v["assessment-results"]["results"][0]["findings"]
        .as_array()
        .expect("findings");
    assert_eq!(findings.len(), 70, "a finding per item");
    let excluded: Vec<&serde_json::Value> = findings
        .iter()
        .filter(|f| f["target"]["implementation-status"]["state"] == "not-applicable")
        .collect();
    assert_eq!(excluded.len(), 2, "the two controls excluded with a reason");
    assert!(excluded.iter().all(|f| f["target"].get("status").is_none()));
    // Satisfied exactly where the scoring model counts the item as conforming today.
    let a = fixture();
    let state_of = |id: &str| {
        findings
            .iter()
            .find(|f| f["target"]["target-id"] == format!("iso42001-{id}"))
            .map(|f| f["target"]["status"]["state"].clone())
    };
    // 6.1.3 is claimed at 3 with evidence, but the risk assessment it treats is at 2.
    assert_eq!(a.answer(item("6.1.2")).maturity, Some(level(2)));
    assert_eq!(state_of("6.1.3"), Some("not-satisfied".into()));
    for f in findings
        .iter()
        .filter(|f| f["target"].get("status").is_some())
    {
        let id = f["target"]["target-id"]
            .as_str()
            .expect("id")
            .trim_start_matches("iso42001-");
        // The OSCAL results are judged as of the assessment's last change.
        let registers =
            aims_engine::rules::registers::RegisterFacts::of(catalog(), &a, a.updated.date());
        let ok = aims_engine::rules::scoring::conforms(catalog(), &a, &registers, item(id));
        let state = if ok { "satisfied" } else { "not-satisfied" };
        assert_eq!(f["target"]["status"]["state"], state, "{id}");
    }
}

#[test]
fn comparison_counts_moves_documents_and_signed_deltas() {
    let c = catalog();
    let old = fixture();
    let mut new = old.clone();
    set(&mut new, "A.6.2.4", 4);
    set(&mut new, "5.2", 0);
    new.update(c, item("5.3"), |x| x.maturity = Some(level(1)))
        .expect("edit");
    new.update(c, item("4.1"), |x| x.maturity = None)
        .expect("edit");
    let scope = c.find_document("scope").expect("doc");
    let had = old.document_present(scope);
    new.set_document(scope, !had);
    let result = compare(c, &old, &new, today());
    let change = |id: &str| {
        result
            .items
            .iter()
            .find(|i| c.item(i.item).id == id)
            .expect("item")
            .change
    };
    assert_eq!(change("A.6.2.4"), Change::Up);
    assert_eq!(change("5.3"), Change::NewlyAnswered);
    assert_eq!(change("4.1"), Change::NoLongerAnswered);
    assert_eq!(change("5.2"), Change::Unchanged, "5.2 was already 0");
    let [up, down, _, newly, gone, _] = result.counts();
    assert_eq!((up, down, newly, gone), (1, 0, 1, 1));
    assert_eq!(
        result.documents_gained.len() + result.documents_lost.len(),
        1
    );
    assert_eq!(
        delta(Percent::from_tenths(574), Percent::from_tenths(550)),
        Some(-24)
    );
    assert_eq!(delta(None, Percent::from_tenths(1)), None);
    let v: serde_json::Value =
        serde_json::from_str(&cmp::json(c, &old, &new, today())).expect("json");
    let d = v["overall"]["delta_points"].as_f64().expect("delta");
    let expected = f64::from(
        i32::from(result.new.overall.maturity.expect("new").tenths())
            - i32::from(result.old.overall.maturity.expect("old").tenths()),
    ) / 10.0;
    assert!((d - expected).abs() < 1e-9, "{d} vs {expected}");
    assert_eq!(
        v["overall"]["maturity_delta_points"],
        v["overall"]["delta_points"]
    );
    assert_eq!(v["scope_shrank"], false);
}

#[test]
fn comparison_says_when_a_higher_figure_comes_from_a_smaller_scope() {
    let c = catalog();
    let old = fixture();
    let mut new = old.clone();
    // A.9.4 is at level 1: leaving it out raises conformity without any work done.
    assert_eq!(old.answer(item("A.9.4")).maturity, Some(level(1)));
    exclude(
        &mut new,
        "A.9.4",
        "We have no AI system whose use we direct",
    );
    let result = compare(c, &old, &new, today());
    assert_eq!(result.newly_excluded().collect::<Vec<_>>(), [item("A.9.4")]);
    assert_eq!(result.newly_included().count(), 0);
    assert!(result.scope_shrank());
    assert!(result.higher_from_smaller_scope());
    let v: serde_json::Value =
        serde_json::from_str(&cmp::json(c, &old, &new, today())).expect("json");
    assert_eq!(v["newly_excluded"], serde_json::json!(["A.9.4"]));
    assert_eq!(v["higher_from_smaller_scope"], true);
    assert_eq!(
        v["overall"]["new_in_scope"].as_u64(),
        v["overall"]["old_in_scope"].as_u64().map(|n| n - 1)
    );
    // Taking it back in is a newly included control, and no rise from a smaller scope.
    let back = compare(c, &new, &old, today());
    assert_eq!(back.newly_included().collect::<Vec<_>>(), [item("A.9.4")]);
    assert!(!back.scope_shrank() && !back.higher_from_smaller_scope());
}

#[test]
fn merging_a_colleague_file_takes_only_what_was_chosen() {
    let c = catalog();
    let mine = fixture();
    let mut theirs = mine.clone();
    set(&mut theirs, "A.6.2.4", 4);
    theirs
        .update(c, item("7.2"), |x| x.notes = "their note".into())
        .expect("edit");
    let scope = c.find_document("scope").expect("doc");
    theirs.set_document(scope, !mine.document_present(scope));
    let items = differing_items(c, &mine, &theirs);
    assert_eq!(items, [item("7.2"), item("A.6.2.4")]);
    assert_eq!(differing_documents(c, &mine, &theirs), [scope]);
    // Nothing chosen: nothing changes.
    assert_eq!(take_theirs(c, &mine, &theirs, &[], &[]), mine);
    let merged = take_theirs(c, &mine, &theirs, &[item("A.6.2.4")], &[]);
    assert_eq!(merged.answer(item("A.6.2.4")).maturity, Some(level(4)));
    assert_eq!(
        merged.answer(item("7.2")),
        mine.answer(item("7.2")),
        "not chosen: mine"
    );
    assert_eq!(merged.document_present(scope), mine.document_present(scope));
}

#[test]
fn reverse_crosswalks_reach_every_mapping_and_mark_their_basis() {
    let c = catalog();
    let eu = references(c, Framework::EuAiAct);
    assert!(eu.iter().position(|r| r == "Art. 9") < eu.iter().position(|r| r == "Art. 10"));
    assert!(eu.contains(&"Art. 9(2)(a)".to_owned()));
    // A paragraph covers its points: Art. 17(1) reaches items mapped to Art. 17(1)(a).
    assert!(
        covering(c, Framework::EuAiAct, "Art. 17(1)").contains(&(item("5.2"), Basis::Judgement))
    );
    let nist = references(c, Framework::NistAiRmf);
    for broad in ["GOVERN", "GOVERN 1", "MAP", "MEASURE", "MANAGE"] {
        assert!(nist.contains(&broad.to_owned()), "{broad}");
    }
    assert_eq!(nist[0], "GOVERN");
    // Every item mapped to a reference is found from it.
    for f in Framework::ALL {
        for i in c.item_ids() {
            for m in aims_engine::reports::crosswalk::mappings(c, i, f) {
                assert!(
                    covering(c, f, m.reference).iter().any(|(x, _)| *x == i),
                    "{} from {}",
                    c.item(i).id,
                    m.reference
                );
            }
        }
    }
    // Published where the NIST crosswalk says so, judgement for the EU AI Act.
    let govern = covering(c, Framework::NistAiRmf, "GOVERN 1.1");
    assert!(govern.contains(&(item("4.1"), Basis::Published)));
    assert!(covering(c, Framework::EuAiAct, "Art. 9")
        .iter()
        .all(|(_, b)| *b == Basis::Judgement));
    assert!(covering(c, Framework::Iso27001, "9.2.1").contains(&(item("9.2.1"), Basis::Structural)));
}
