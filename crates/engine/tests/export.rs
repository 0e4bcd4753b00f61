//! The export format: round trips, the frozen version-1 and version-2 fixtures, and
//! validation errors.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use aims_engine::format::import::MAX_IMPORT_BYTES;
use aims_engine::{export, import, import_with_notices, ImportError, TargetLevel};
use common::*;

const FIXTURE: &str = include_str!("../../../tests/fixtures/assessment-v1.json");
const FIXTURE_V2: &str = include_str!("../../../tests/fixtures/assessment-v2.json");

fn problems(json: &str) -> Vec<String> {
    match import(catalog(), json.as_bytes()) {
        Ok(_) => Vec::new(),
        Err(list) => list.iter().map(ImportError::to_string).collect(),
    }
}

/// An export with the evidence records made from references put back as the items'
/// references they were made from (each record's location, on every item it
/// supports), as a file of an earlier version has them.
fn references_in_items(mut file: serde_json::Value) -> serde_json::Value {
    let body = file["assessment"].as_object_mut().expect("body");
    let records = body.remove("evidence").unwrap_or_default();
    for record in records.as_array().into_iter().flatten() {
        assert_eq!(record["date"], serde_json::Value::Null, "undated: {record}");
        assert_eq!(record["kind"], "document");
        for item in record["supports"].as_array().expect("supports") {
            let item = item.as_str().expect("an id");
            let refs = body["items"][item]["evidence"]
                .as_array_mut()
                .expect("a list");
            refs.push(record["location"].clone());
        }
    }
    file
}

/// A file with its items' references trimmed, as the records made from them keep them.
fn trimmed_references(mut file: serde_json::Value) -> serde_json::Value {
    let items = file["assessment"]["items"].as_object_mut().expect("items");
    for answer in items.values_mut() {
        for r in answer["evidence"].as_array_mut().into_iter().flatten() {
            *r = r.as_str().expect("text").trim().into();
        }
    }
    file
}

#[test]
fn the_version_1_fixture_imports_and_exports_as_the_frozen_version_2_fixture() {
    let a = import(catalog(), FIXTURE.as_bytes()).expect("fixture imports");
    // Version 2 is version 1 plus the documents Annex A controls call for (not present
    // in a version-1 file, so false) and the catalog and format versions: same answers.
    // The version-2 fixture was written against catalog version 2; both read the same.
    let again = import(catalog(), FIXTURE_V2.as_bytes()).expect("v2 fixture imports");
    assert_eq!(again, a);
    let exported = export(catalog(), &a);
    let round = import(catalog(), exported.as_bytes()).expect("export imports");
    assert_eq!(export(catalog(), &round), exported, "round trip");
    // Catalog version 3 split 9.2.2's document in two: a file from before says the same
    // of the audit results as of the programme it named together with them.
    let out: serde_json::Value = serde_json::from_str(&exported).expect("json");
    assert_eq!(out["catalog"]["version"], 3);
    let docs = &out["assessment"]["documents"];
    assert_eq!(docs["audit-results"], docs["audit-programme-results"]);
    // Apart from version 3's additions (what wrote the file, a document's version and
    // approval, the SoA's approval), the catalog version and the new document, the
    // export is the fixture.
    assert_eq!(out["format_version"], 3);
    let mut trimmed = out.clone();
    trimmed["format_version"] = 2.into();
    let root = trimmed.as_object_mut().expect("root");
    assert_eq!(
        root.remove("generator"),
        Some(aims_engine::GENERATOR.into())
    );
    trimmed["catalog"]["version"] = 2.into();
    let body = trimmed["assessment"].as_object_mut().expect("body");
    assert_eq!(
        body.remove("soa"),
        Some(serde_json::json!({"approver": "", "approved": null, "version": ""}))
    );
    let docs = body["documents"].as_object_mut().expect("docs");
    docs.remove("audit-results");
    for doc in docs.values_mut() {
        assert_eq!(doc["version"], "");
        assert_eq!(doc["approved"], serde_json::Value::Null);
        *doc = doc["present"].clone();
    }
    let v2_fixture: serde_json::Value = serde_json::from_str(FIXTURE_V2).expect("json");
    assert_eq!(references_in_items(trimmed), trimmed_references(v2_fixture));
    let v1: serde_json::Value = serde_json::from_str(FIXTURE).expect("json");
    let v2: serde_json::Value = serde_json::from_str(FIXTURE_V2).expect("json");
    // The same answers; version 2 adds `reused` (false: version 1 could not say it).
    let mut items_v2 = v2["assessment"]["items"].clone();
    for (_, item) in items_v2.as_object_mut().expect("items").iter_mut() {
        assert_eq!(item["reused"], false);
        item.as_object_mut().expect("item").remove("reused");
    }
    assert_eq!(v1["assessment"]["items"], items_v2);
    for (doc, present) in v1["assessment"]["documents"].as_object().expect("docs") {
        assert_eq!(&v2["assessment"]["documents"][doc], present, "{doc}");
    }
    // The fixture exercises every field.
    let a62 = a.answer(item("A.7.5"));
    assert!(a62.excluded && !a62.justification.is_empty());
    assert!(catalog().item_ids().any(|i| a.answer(i).due.is_some()));
    assert!(catalog().item_ids().any(|i| a.answer(i).estimate));
    assert!(catalog().item_ids().any(|i| a.answer(i).maturity.is_none()));
}

#[test]
fn blank_round_trip_is_byte_identical() {
    let first = export(catalog(), &blank());
    let again = export(
        catalog(),
        &import(catalog(), first.as_bytes()).expect("imports"),
    );
    assert_eq!(first, again);
}

#[test]
fn omitted_items_and_documents_mean_unanswered_and_missing() {
    let json = r#"{"format":"aims-readiness/assessment","format_version":1,
        "catalog":{"id":"iso42001-2023","version":1},
        "assessment":{"id":"x","name":"n","organization":"o","created":"2026-01-01T00:00:00Z","updated":"2026-01-02T00:00:00Z",
        "items":{"4.1":{"maturity":4}},"documents":{}}}"#;
    let a = import(catalog(), json.as_bytes()).expect("valid");
    assert_eq!(a.answer(item("4.1")).maturity, Some(level(4)));
    assert_eq!(a.answer(item("4.2")).maturity, None);
    assert!(catalog().document_ids().all(|d| !a.document_present(d)));
}

#[test]
fn every_problem_is_reported_at_once_with_its_path() {
    let json = r#"{"format":"aims-readiness/assessment","format_version":1,
        "catalog":{"id":"iso42001-2023","version":1},
        "assessment":{"id":"x","name":"n","organization":"o","created":"2026-01-01T00:00:00Z","updated":"yesterday",
        "items":{
          "A.6.2.4":{"maturity":7},
          "4.1":{"applicable":false,"justification":"not needed"},
          "A.99.1":{},
          "5.2":{"target":0,"weight":-1,"due":"2026-02-30","evidence":["", 3],"colour":"red"}
        },
        "documents":{"ai-policy":"yes","nope":true}}}"#;
    let found = problems(json);
    let expected = [
        "assessment.updated: \"yesterday\" is not a UTC time like 2026-01-31T09:30:00Z",
        "assessment.items.A.6.2.4.maturity: 7 is not a level 0–5",
        "assessment.items.4.1.applicable: is false, but clause requirements are mandatory and cannot be excluded",
        "assessment.items.A.99.1: is not an item of ISO/IEC 42001:2023",
        "assessment.items.5.2.target: 0 is not a target level 1–5",
        "assessment.items.5.2.weight: -1 is not a weight from 0.01 to 100 (at most two decimals)",
        "assessment.items.5.2.due: \"2026-02-30\" is not a date like 2026-03-31",
        "assessment.items.5.2.evidence[0]: is empty",
        "assessment.items.5.2.evidence[1]: 3 is not text",
        "assessment.items.5.2.colour: is not a field of this format",
        "assessment.documents.ai-policy: \"yes\" is not true or false",
        "assessment.documents.nope: is not a mandatory document of this catalog",
    ];
    for e in expected {
        assert!(found.iter().any(|f| f == e), "missing {e:?} in {found:#?}");
    }
    assert_eq!(found.len(), expected.len(), "{found:#?}");
}

#[test]
fn wrong_format_version_and_catalog_are_named() {
    let wrong = FIXTURE
        .replacen("\"aims-readiness/assessment\"", "\"something-else\"", 1)
        .replacen("\"format_version\": 1", "\"format_version\": 4", 1)
        .replacen("\"iso42001-2023\"", "\"iso27001-2022\"", 1);
    let found = problems(&wrong);
    assert!(
        found
            .iter()
            .any(|f| f.starts_with("format: \"something-else\" is not")),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|f| f.starts_with("format_version: 4 was written by a newer version")),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|f| f.starts_with("catalog.id: \"iso27001-2022\" is not the catalog")),
        "{found:?}"
    );
}

#[test]
fn non_json_oversized_and_wrong_shapes_are_clear_errors() {
    assert_eq!(
        problems("{ not json"),
        ["the file is not valid JSON: expected a quoted key (line 1, column 3)"]
    );
    assert_eq!(
        problems(""),
        ["the file is not valid JSON: the document ends where a value was expected (line 1, column 1)"]
    );
    assert_eq!(problems("[1,2]"), ["[1,2] is not an object"]);
    let big = " ".repeat(MAX_IMPORT_BYTES + 1);
    assert_eq!(
        problems(&big),
        ["the file is 8193 KB; the largest accepted is 8192 KB"]
    );
    let found = problems(
        r#"{"format":"aims-readiness/assessment","format_version":1,"catalog":{"id":"iso42001-2023","version":1}}"#,
    );
    assert_eq!(found, ["assessment: is missing"]);
}

#[test]
fn invalid_utf8_and_deep_nesting_never_panic() {
    assert!(import(catalog(), &[0xff, 0xfe, 0x00]).is_err());
    let deep = "[".repeat(100_000);
    assert!(import(catalog(), deep.as_bytes()).is_err());
}

#[test]
fn the_compact_form_imports_to_the_same_assessment() {
    let a = import(catalog(), FIXTURE.as_bytes()).expect("fixture");
    let compact = aims_engine::export_compact(catalog(), &a);
    assert!(
        compact.len() < export(catalog(), &a).len() * 3 / 4,
        "compact is smaller"
    );
    assert!(!compact.contains('\n'));
    assert_eq!(
        import(catalog(), compact.as_bytes()).expect("compact imports"),
        a
    );
}

#[test]
fn version_1_targets_below_3_import_as_3_with_a_notice_naming_the_items() {
    let json = r#"{"format":"aims-readiness/assessment","format_version":1,
        "catalog":{"id":"iso42001-2023","version":1},
        "assessment":{"id":"x","name":"n","organization":"o","created":"2026-01-01T00:00:00Z","updated":"2026-01-02T00:00:00Z",
        "items":{
          "4.1":{"maturity":1,"target":1,"notes":"kept"},
          "5.2":{"target":2,"weight":2},
          "6.2":{"target":4}
        },
        "documents":{}}}"#;
    let imported = import_with_notices(catalog(), json.as_bytes()).expect("imports");
    assert_eq!(imported.raised_targets, vec!["4.1", "5.2"]);
    let a = &imported.assessment;
    assert_eq!(a.answer(item("4.1")).target, TargetLevel::T3);
    assert_eq!(a.answer(item("5.2")).target, TargetLevel::T3);
    assert_eq!(a.answer(item("6.2")).target, TargetLevel::T4);
    // Nothing else changed.
    assert_eq!(a.answer(item("4.1")).notes, "kept");
    assert_eq!(a.answer(item("4.1")).maturity, Some(level(1)));
    assert_eq!(a.answer(item("5.2")).weight.hundredths(), 200);
    // And the plain import agrees.
    assert_eq!(&import(catalog(), json.as_bytes()).expect("imports"), a);
    // The frozen fixture raises nothing.
    let fixture = import_with_notices(catalog(), FIXTURE.as_bytes()).expect("fixture");
    assert!(fixture.raised_targets.is_empty());
}

#[test]
fn the_profile_additional_controls_and_reuse_round_trip() {
    use aims_engine::{apply, AdditionalControl, AiRole, Edit, ManagementSystem};
    let c = catalog();
    let mut a = import(c, FIXTURE_V2.as_bytes()).expect("fixture");
    let now = a.updated.clone();
    for edit in [
        Edit::Role(AiRole::Customer, true),
        Edit::Role(AiRole::Subject, true),
        Edit::ManagementSystem(ManagementSystem::Iso27001, true),
        Edit::DeclineSuggestion(item("A.7.2")),
        Edit::Reused(item("9.2.1"), true),
        Edit::AddControl(AdditionalControl {
            id: "ORG-1".into(),
            title: "Prompt logging for customer chats".into(),
            source: "Customer contract, clause 12".into(),
            status: Some(level(2)),
            owner: "CISO".into(),
            reason: "Contractual or customer requirement".into(),
        }),
        Edit::AddControl(AdditionalControl::default()),
    ] {
        apply(c, &mut a, edit, now.clone()).expect("edit");
    }
    assert_eq!(a.additional.len(), 1, "a control needs an id and a title");
    let text = export(c, &a);
    let back = import(c, text.as_bytes()).expect("imports");
    assert_eq!(back, a);
    assert_eq!(export(c, &back), text);
    let v: serde_json::Value = serde_json::from_str(&text).expect("json");
    assert_eq!(
        v["assessment"]["profile"]["roles"],
        serde_json::json!(["ai_customer", "ai_subject"])
    );
    assert_eq!(v["assessment"]["items"]["9.2.1"]["reused"], true);
    assert_eq!(v["assessment"]["additional_controls"][0]["status"], 2);
}

#[test]
fn profile_and_additional_control_problems_name_their_paths() {
    let bad = FIXTURE_V2
        .replacen(
            "\"roles\": []",
            "\"roles\": [\"deployer\"], \"colour\": 1",
            1,
        )
        .replacen(
            "\"additional_controls\": []",
            "\"additional_controls\": [{\"id\": \"\", \"title\": \"T\", \"status\": 9}]",
            1,
        );
    let found = problems(&bad);
    for expected in [
        "assessment.profile.roles[0]: \"deployer\" is not one of: ai_provider, ai_producer, ai_customer, ai_partner, ai_subject, relevant_authority",
        "assessment.profile.colour: is not a field of this format",
        "assessment.additional_controls[0].id: is empty",
        "assessment.additional_controls[0].status: 9 is not a level 0–5",
    ] {
        assert!(found.iter().any(|f| f == expected), "missing {expected:?} in {found:#?}");
    }
}

const FIXTURE_V3: &str = include_str!("../../../tests/fixtures/assessment-v3.json");

#[test]
fn version_3_records_document_versions_and_the_soa_approval_and_round_trips() {
    let c = catalog();
    let a = import(c, FIXTURE_V3.as_bytes()).expect("v3 fixture imports");
    // The fixture was written by 0.1.0; an export names the version that writes it.
    let current = FIXTURE_V3.replacen(
        "\"generator\": \"aims-readiness 0.1.0\"",
        &format!("\"generator\": \"{}\"", aims_engine::GENERATOR),
        1,
    );
    // Written by the build before items' references became evidence records: the
    // same file, but for the references, now records; what is written now round-trips.
    let exported = export(c, &a);
    let as_before: serde_json::Value = serde_json::from_str(&current).expect("json");
    let now: serde_json::Value = serde_json::from_str(&exported).expect("json");
    assert_eq!(references_in_items(now), trimmed_references(as_before));
    let again = import(c, exported.as_bytes()).expect("re-imports");
    assert_eq!(export(c, &again), exported, "byte-identical round trip");
    // The generator is informative: a file without one reads the same.
    let unsigned = FIXTURE_V3.replacen("  \"generator\": \"aims-readiness 0.1.0\",\n", "", 1);
    assert_ne!(unsigned, FIXTURE_V3, "the fixture edit applies");
    assert_eq!(import(c, unsigned.as_bytes()).expect("imports"), a);
    assert_eq!(a.soa.approver, "Dr. Lena Vogt, Managing Director");
    assert_eq!(a.soa.approved, aims_engine::Date::parse("2026-11-20"));
    assert_eq!(a.soa.version, "1.2");
    let scope = c.find_document("scope").expect("doc");
    assert_eq!(a.document(scope).version, "2.0");
    assert_eq!(
        a.document(scope).approved,
        aims_engine::Date::parse("2026-10-15")
    );
    assert!(a.document(scope).present);
    // The same answers as the version-2 fixture it was made from.
    let v2 = import(c, FIXTURE_V2.as_bytes()).expect("v2");
    assert!(c.item_ids().all(|i| a.answer(i) == v2.answer(i)));
}

#[test]
fn version_3_values_are_checked_with_their_paths() {
    let bad = FIXTURE_V3
        .replacen(
            "\"approved\": \"2026-11-20\"",
            "\"approved\": \"last week\"",
            1,
        )
        .replacen("\"version\": \"2.0\"", "\"version\": 2", 1)
        .replacen("\"present\": true", "\"present\": \"yes\"", 1);
    let found = problems(&bad);
    assert!(
        found
            .iter()
            .any(|f| f.starts_with("assessment.documents.scope.version: 2 is not text")),
        "{found:?}"
    );
    assert!(
        found.iter().any(|f| f.starts_with(
            "assessment.documents.statement-of-applicability.approved: \"last week\" is not"
        )),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|f| f.starts_with("assessment.documents.") && f.contains(".present: \"yes\"")),
        "{found:?}"
    );
    // A bare true/false is version 2's shape: a version-3 file needs the record.
    let v2_shape = FIXTURE_V3.replacen(
        "\"scope\": {\n        \"present\": true,\n        \"version\": \"2.0\",\n        \"approved\": \"2026-10-15\"\n      }",
        "\"scope\": true",
        1,
    );
    assert_ne!(v2_shape, FIXTURE_V3, "the fixture edit applies");
    assert!(problems(&v2_shape)
        .iter()
        .any(|f| f.starts_with("assessment.documents.scope: true is not an object")));
    // `soa` is version 3's: a version-2 file with it is refused.
    let v2_with_soa = FIXTURE_V2.replacen(
        "\"prepared_by\": \"\",",
        "\"prepared_by\": \"\", \"soa\": {},",
        1,
    );
    assert_ne!(v2_with_soa, FIXTURE_V2);
    assert!(problems(&v2_with_soa)
        .iter()
        .any(|f| f.starts_with("assessment.soa:")));
}

#[test]
fn approval_edits_survive_export_and_import() {
    use aims_engine::{apply, Date, Edit, Timestamp};
    let c = catalog();
    let mut a = blank();
    let now = Timestamp::parse("2026-12-01T10:00:00Z").expect("time");
    let policy = c.find_document("ai-policy").expect("doc");
    for edit in [
        Edit::SoaApprover("Dr. Lena Vogt".into()),
        Edit::SoaApproved(Date::parse("2026-11-20")),
        Edit::SoaVersion("1.2".into()),
        Edit::Document(policy, true),
        Edit::DocumentVersion(policy, "3.0".into()),
        Edit::DocumentApproved(policy, Date::parse("2026-10-01")),
    ] {
        apply(c, &mut a, edit, now.clone()).expect("edit applies");
    }
    let back = import(c, export(c, &a).as_bytes()).expect("imports");
    assert_eq!(back, a);
    assert_eq!(back.soa.version, "1.2");
    assert_eq!(back.document(policy).version, "3.0");
    // Clearing the date writes null and reads back as none.
    apply(c, &mut a, Edit::DocumentApproved(policy, None), now).expect("edit");
    let text = export(c, &a);
    assert!(text.contains("\"approved\": null"));
    assert_eq!(
        import(c, text.as_bytes())
            .expect("imports")
            .document(policy)
            .approved,
        None
    );
}
