//! The registers in format 3 (issue 22, part 6): a file carrying every register
//! round-trips byte for byte, what it holds reads as written, files without registers
//! (and every older version) read with empty ones, and each way a register can be wrong
//! is refused with the path and the reason.
#![cfg(not(target_arch = "wasm32"))]

mod common;
#[cfg(feature = "registers")]
mod opened {
    use super::*;
    use aims_engine::format::import::Problem;
    use aims_engine::format::registers::open;
    use aims_engine::model::registers::{EuAiActClass, RiskSource, Treatment};
    use aims_engine::{export, import, import_keeping, ImportError};
    use common::*;
    use serde_json::{json, Value};

    const WITH_REGISTERS: &str =
        include_str!("../../../tests/fixtures/assessment-v3-registers.json");
    const V3: &str = include_str!("../../../tests/fixtures/assessment-v3.json");
    const V2: &str = include_str!("../../../tests/fixtures/assessment-v2.json");

    fn fixture() -> Value {
        serde_json::from_str(WITH_REGISTERS).expect("the fixture is JSON")
    }

    /// The problems of the fixture changed by `change`, as (path, problem).
    fn problems(change: impl FnOnce(&mut Value)) -> Vec<(String, Problem)> {
        let mut doc = fixture();
        change(&mut doc);
        match import(catalog(), doc.to_string().as_bytes()) {
            Ok(_) => Vec::new(),
            Err(list) => list
                .into_iter()
                .map(|ImportError { path, problem }| (path, problem))
                .collect(),
        }
    }

    /// The one problem the change causes.
    fn only(change: impl FnOnce(&mut Value)) -> (String, Problem) {
        let list = problems(change);
        assert_eq!(list.len(), 1, "{list:?}");
        list.into_iter().next().expect("one")
    }

    fn at(path: &str, problem: Problem) -> (String, Problem) {
        (path.to_owned(), problem)
    }

    #[test]
    fn a_file_with_every_register_round_trips_byte_for_byte() {
        let a = import(catalog(), WITH_REGISTERS.as_bytes()).expect("imports");
        assert_eq!(export(catalog(), &a), WITH_REGISTERS);
        let r = &open(catalog(), &a.registers);
        assert_eq!(r.ai_systems.len(), 2);
        assert_eq!(r.ai_systems[1].eu_ai_act, EuAiActClass::HighRisk5);
        let impact = r.ai_systems[0]
            .impact
            .as_ref()
            .expect("an impact assessment");
        assert!(impact.approved());
        assert_eq!(impact.effects[1].risk.as_ref(), Some(&r.risks[0].id));
        assert_eq!(r.risk_criteria.map(|c| c.acceptance()), Some(6));
        assert!(matches!(r.risks[0].source, RiskSource::Harm(_, 1)));
        assert_eq!(r.risks[0].treatment, Some(Treatment::Modify));
        assert_eq!(r.risks[0].controls, [item("A.6.2.4"), item("A.9.2")]);
        assert_eq!(r.risks[0].residual, Some((1, 3)));
        assert_eq!(r.evidence[0].file.as_ref().map(|f| f.size), Some(48213));
        assert_eq!(r.evidence[1].date, None);
        assert_eq!(r.evidence[1].supports, [item("8.4")]);
    }

    #[test]
    fn files_without_registers_and_older_versions_read_with_their_references_as_records() {
        for text in [V3, V2] {
            let a = import(catalog(), text.as_bytes()).expect("imports");
            let [systems, criteria, risks, evidence] = &a.registers.0;
            assert!(systems.is_none() && criteria.is_none() && risks.is_none());
            let records = evidence
                .as_ref()
                .and_then(Value::as_array)
                .expect("records");
            // 31 references, each its own text: a record each.
            assert_eq!(records.len(), 31);
            assert!(records.iter().all(|r| r["date"].is_null()));
        }
        // Without references, nothing is added to a file without registers.
        let mut a = import(catalog(), V3.as_bytes()).expect("imports");
        a.registers = Default::default();
        let text = export(catalog(), &a);
        let again = import(catalog(), text.as_bytes()).expect("imports");
        assert!(again.registers.is_empty());
        assert_eq!(export(catalog(), &again), text);
    }

    #[test]
    fn references_beyond_the_register_s_room_refuse_the_file() {
        // The fixture's 2 evidence records and 4,990 more: room for 8.
        let mut doc = fixture();
        let records = doc["assessment"]["evidence"]
            .as_array_mut()
            .expect("records");
        let first = records[0].clone();
        for n in 0..4990 {
            let mut r = first.clone();
            r["id"] = format!("00000000-0000-4000-8000-{n:012x}").into();
            r["file"] = Value::Null;
            records.push(r);
        }
        let refs = |n: usize| (0..n).map(|k| format!("DOC-{k}")).collect::<Value>();
        doc["assessment"]["items"]["4.1"]["evidence"] = refs(20);
        let list = import(catalog(), doc.to_string().as_bytes()).expect_err("refused");
        assert_eq!(list[0].path, "assessment.evidence");
        assert_eq!(list[0].problem, Problem::TooMuchEvidence(5012, 5000));
        doc["assessment"]["items"]["4.1"]["evidence"] = refs(8);
        let a = import(catalog(), doc.to_string().as_bytes()).expect("5,000 fit");
        let kept = a.registers.0[3]
            .as_ref()
            .and_then(Value::as_array)
            .map(Vec::len);
        assert_eq!(kept, Some(5000));
    }

    #[test]
    fn the_profile_s_system_names_become_systems_of_the_register() {
        let mut doc: Value = serde_json::from_str(V2).expect("JSON");
        doc["assessment"]["profile"]["roles"] = json!(["ai_producer", "ai_customer"]);
        doc["assessment"]["profile"]["ai_systems"] = json!(["Support chatbot", "CV screening"]);
        let a = import(catalog(), doc.to_string().as_bytes()).expect("imports");
        let text = export(catalog(), &a);
        let out: Value = serde_json::from_str(&text).expect("JSON");
        assert_eq!(out["assessment"]["profile"]["ai_systems"], json!([]));
        let systems = out["assessment"]["ai_systems"].as_array().expect("systems");
        let names: Vec<&str> = systems.iter().filter_map(|s| s["name"].as_str()).collect();
        assert_eq!(names, ["Support chatbot", "CV screening"]);
        assert!(systems
            .iter()
            .all(|s| s["role"] == "ai_producer" && s["in_scope"] == true));
        // Read back with every check, written the same; the same file makes the same ids.
        let again = import(catalog(), text.as_bytes()).expect("re-imports");
        assert_eq!(export(catalog(), &again), text);
        let twice = import(catalog(), doc.to_string().as_bytes()).expect("imports");
        assert_eq!(twice.registers, a.registers);
        // In scope without an approved impact assessment: held back, as the rule says.
        let s = aims_engine::score(
            catalog(),
            &a,
            aims_engine::Date::parse("2026-12-07").expect("a date"),
        );
        assert!(s.blockers.iter().any(|b| matches!(
            b,
            aims_engine::Blocker::Register(
                aims_engine::rules::registers::Finding::SystemWithoutImpactAssessment(0)
            )
        )));
    }

    #[test]
    fn older_versions_do_not_have_registers() {
        let mut doc: Value = serde_json::from_str(V2).expect("JSON");
        doc["assessment"]["risks"] = json!([]);
        let list = import(catalog(), doc.to_string().as_bytes()).expect_err("refused");
        assert_eq!(list[0].path, "assessment.risks");
        assert_eq!(list[0].problem, Problem::UnknownField);
    }

    #[test]
    fn ids_are_random_uuids_used_once() {
        assert_eq!(
            only(|d| d["assessment"]["risks"][2]["id"] = json!("R-3")),
            at("assessment.risks[2].id", Problem::NotId("\"R-3\"".into()))
        );
        // An evidence record cannot take a risk's id either.
        let risk = fixture()["assessment"]["risks"][0]["id"].clone();
        assert_eq!(
            only(|d| d["assessment"]["evidence"][1]["id"] = risk),
            at("assessment.evidence[1].id", Problem::DuplicateId)
        );
    }

    #[test]
    fn references_must_name_a_record_of_the_right_kind() {
        // A risk whose source is the impact assessment's benefit, not a harm.
        let (path, problem) =
            only(|d| d["assessment"]["risks"][0]["source"]["harm"]["effect"] = json!(0));
        assert_eq!(path, "assessment.risks[0].source");
        assert!(matches!(problem, Problem::UnknownRecord(_)), "{problem:?}");
        let (path, _) = only(|d| {
            d["assessment"]["risks"][1]["source"]["system"] =
                json!("9e0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d")
        });
        assert_eq!(path, "assessment.risks[1].source");
        let (path, problem) = only(|d| {
            d["assessment"]["ai_systems"][0]["impact_assessment"]["effects"][1]["risk"] =
                json!("9e0b1c2d-3e4f-4a5b-8c6d-7e8f9a0b1c2d")
        });
        assert_eq!(
            path,
            "assessment.ai_systems[0].impact_assessment.effects[1].risk"
        );
        assert!(matches!(problem, Problem::UnknownRecord(_)));
        assert_eq!(
        only(|d| d["assessment"]["risks"][0]["source"] = json!({"system": d["assessment"]["ai_systems"][0]["id"].clone(), "annex_c": "Privacy"})).0,
        "assessment.risks[0].source"
    );
    }

    #[test]
    fn levels_lie_on_the_organizations_own_scales() {
        assert_eq!(
            only(|d| d["assessment"]["risks"][0]["likelihood"] = json!(6)),
            at(
                "assessment.risks[0].likelihood",
                Problem::NotInRange("6".into(), 1, 5)
            )
        );
        // With a 3×3 matrix, a 4 is off it (and the acceptance level must fit inside it).
        let list = problems(|d| {
            d["assessment"]["risk_criteria"] =
                json!({"likelihoods": 3, "consequences": 3, "acceptance": 4})
        });
        assert!(list.contains(&at(
            "assessment.risks[1].likelihood",
            Problem::NotInRange("4".into(), 1, 3)
        )));
        assert_eq!(
            only(|d| d["assessment"]["risk_criteria"]["acceptance"] = json!(26)),
            at(
                "assessment.risk_criteria.acceptance",
                Problem::NotInRange("26".into(), 1, 25)
            )
        );
        assert_eq!(
            only(|d| d["assessment"]["risk_criteria"]["likelihoods"] = json!(2)).0,
            "assessment.risk_criteria.likelihoods"
        );
    }

    #[test]
    fn a_risk_is_treated_by_annex_a_controls_and_evidence_supports_items() {
        assert_eq!(
            only(|d| d["assessment"]["risks"][0]["controls"] = json!(["5.2"])),
            at(
                "assessment.risks[0].controls[0]",
                Problem::NotControl("\"5.2\"".into())
            )
        );
        assert_eq!(
            only(|d| d["assessment"]["risks"][0]["controls"] = json!(["A.9.2", "A.9.2"])),
            at("assessment.risks[0].controls[1]", Problem::DuplicateId)
        );
        let (path, problem) =
            only(|d| d["assessment"]["evidence"][0]["supports"] = json!(["A.2.9"]));
        assert_eq!(path, "assessment.evidence[0].supports[0]");
        assert!(matches!(problem, Problem::UnknownItem(_)));
    }

    #[test]
    fn names_dates_files_and_approvals_are_checked() {
        let (path, problem) =
            only(|d| d["assessment"]["ai_systems"][1]["eu_ai_act"] = json!("high_risk_9"));
        assert_eq!(path, "assessment.ai_systems[1].eu_ai_act");
        assert!(matches!(problem, Problem::NotOneOf(..)));
        assert_eq!(
            only(|d| d["assessment"]["evidence"][0]["file"]["sha256"] = json!("ABC")),
            at(
                "assessment.evidence[0].file.sha256",
                Problem::NotHash("\"ABC\"".into())
            )
        );
        assert_eq!(
            only(|d| d["assessment"]["evidence"][0]["file"]["size"] = json!(52_428_801)).0,
            "assessment.evidence[0].file.size"
        );
        assert_eq!(
            only(|d| d["assessment"]["evidence"][0]["review_by"] = json!("2027-02-29")),
            at(
                "assessment.evidence[0].review_by",
                Problem::NotDate("\"2027-02-29\"".into())
            )
        );
        assert_eq!(
            only(|d| d["assessment"]["risks"][0]["acceptance"] = json!({"by": "Jana Novak"})),
            at("assessment.risks[0].acceptance.on", Problem::Missing)
        );
        assert_eq!(
            only(|d| d["assessment"]["risks"][0]["acceptance"]["by"] = json!(" ")),
            at("assessment.risks[0].acceptance.by", Problem::Empty)
        );
        assert_eq!(
            only(|d| d["assessment"]["ai_systems"][0]["colour"] = json!("red")),
            at("assessment.ai_systems[0].colour", Problem::UnknownField)
        );
        assert_eq!(
            only(|d| d["assessment"]["evidence"] = json!(null)).0,
            "assessment.evidence"
        );
        assert_eq!(
            only(|d| d["assessment"]["risks"][0]["title"] = json!("")),
            at("assessment.risks[0].title", Problem::Empty)
        );
    }

    #[test]
    fn kept_registers_are_written_back_unchanged_and_read_the_same() {
        let checked = import(catalog(), WITH_REGISTERS.as_bytes()).expect("imports");
        let kept = import_keeping(catalog(), WITH_REGISTERS.as_bytes()).expect("imports");
        assert_eq!(kept.assessment, checked);
        assert_eq!(export(catalog(), &kept.assessment), WITH_REGISTERS);
        // Empty registers are none, however the file writes them.
        let mut doc = fixture();
        doc["assessment"]["risks"] = json!([]);
        doc["assessment"]["risk_criteria"] = json!(null);
        let a = import_keeping(catalog(), doc.to_string().as_bytes()).expect("imports");
        assert_eq!(a.assessment.registers.0[1], None);
        assert_eq!(a.assessment.registers.0[2], None);
    }
}

/// The full app builds the engine without the `registers` feature for now: a file with
/// registers is refused with its own message (run by scripts/test.sh with
/// `--no-default-features`), never imported without them.
#[cfg(not(feature = "registers"))]
#[test]
fn a_build_without_registers_refuses_a_file_that_has_them() {
    use aims_engine::format::import::Problem;
    use aims_engine::{import, ImportError};
    let text = include_str!("../../../tests/fixtures/assessment-v3-registers.json");
    let list = import(common::catalog(), text.as_bytes()).expect_err("refused");
    let paths: Vec<(&str, &Problem)> = list
        .iter()
        .map(|ImportError { path, problem }| (path.as_str(), problem))
        .collect();
    assert_eq!(
        paths,
        [
            ("assessment.ai_systems", &Problem::RegistersNotOpened),
            ("assessment.risk_criteria", &Problem::RegistersNotOpened),
            ("assessment.risks", &Problem::RegistersNotOpened),
            ("assessment.evidence", &Problem::RegistersNotOpened),
        ]
    );
    let v3 = include_str!("../../../tests/fixtures/assessment-v3.json");
    assert!(import(common::catalog(), v3.as_bytes()).is_ok());
    // Kept as they are, they are written back byte for byte.
    let kept = aims_engine::import_keeping(common::catalog(), text.as_bytes()).expect("kept");
    assert_eq!(
        aims_engine::export(common::catalog(), &kept.assessment),
        text
    );
    // Everything else is checked as always.
    let broken = text.replace("\"maturity\": 3", "\"maturity\": 9");
    assert!(aims_engine::import_keeping(common::catalog(), broken.as_bytes()).is_err());
}
