//! Integrity of the embedded catalog.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use aims_engine::model::catalog::Basis;
use aims_engine::{Catalog, ItemKind};
use common::catalog;
use std::collections::HashSet;

const STRUCTURE: &str = include_str!("../../../tests/fixtures/iso42001-structure.json");

#[test]
fn has_exactly_32_clause_requirements_and_38_controls_with_unique_ids() {
    let c = catalog();
    let kinds: Vec<ItemKind> = c.item_ids().map(|i| c.item(i).kind).collect();
    assert_eq!(kinds.iter().filter(|&&k| k == ItemKind::Clause).count(), 32);
    assert_eq!(
        kinds.iter().filter(|&&k| k == ItemKind::Control).count(),
        38
    );
    let ids: HashSet<&str> = c.item_ids().map(|i| c.item(i).id.as_str()).collect();
    assert_eq!(ids.len(), 70);
    assert_eq!(c.id, "iso42001-2023");
    assert!(c.version >= 1);
}

#[test]
fn ids_and_titles_match_the_reference_structure() {
    let reference: serde_json::Value = serde_json::from_str(STRUCTURE).expect("reference json");
    let mut expected: Vec<(String, String)> = Vec::new();
    fn leaves(node: &serde_json::Value, out: &mut Vec<(String, String)>) {
        match node.get("subclauses").and_then(|s| s.as_array()) {
            Some(children) => children.iter().for_each(|c| leaves(c, out)),
            None => out.push((
                node["id"].as_str().unwrap_or("").into(),
                node["title"].as_str().unwrap_or("").into(),
            )),
        }
    }
    for clause in reference["clauses"].as_array().expect("clauses") {
        for sub in clause["subclauses"].as_array().expect("subclauses") {
            leaves(sub, &mut expected);
        }
    }
    for group in reference["annex_a"].as_array().expect("annex_a") {
        for control in group["controls"].as_array().expect("controls") {
            expected.push((
                control["id"].as_str().unwrap_or("").into(),
                control["title"].as_str().unwrap_or("").into(),
            ));
        }
    }
    let c = catalog();
    let actual: Vec<(String, String)> = c
        .item_ids()
        .map(|i| (c.item(i).id.clone(), c.item(i).title.clone()))
        .collect();
    assert_eq!(actual, expected);
}

#[test]
fn every_item_has_question_evidence_and_level_hints() {
    let c = catalog();
    for i in c.item_ids() {
        let item = c.item(i);
        assert!(item.question.trim().len() > 20, "{}: question", item.id);
        assert!(
            item.question.trim_end().ends_with('?'),
            "{}: question ends with ?",
            item.id
        );
        assert!(
            !item.explanation.trim().is_empty(),
            "{}: explanation",
            item.id
        );
        assert!(
            (2..=4).contains(&item.evidence.len()),
            "{}: 2-4 evidence examples",
            item.id
        );
        assert!(
            item.evidence.iter().all(|e| !e.trim().is_empty()),
            "{}: empty evidence",
            item.id
        );
        assert!(
            item.levels.iter().all(|l| l.trim().len() > 5),
            "{}: level hints",
            item.id
        );
    }
}

#[test]
fn every_parent_exists_and_groups_match_kinds() {
    let c = catalog();
    let clause_groups: Vec<&str> = c
        .top_groups()
        .filter(|&g| c.group(g).kind == ItemKind::Clause)
        .map(|g| c.group(g).id.as_str())
        .collect();
    assert_eq!(clause_groups, ["4", "5", "6", "7", "8", "9", "10"]);
    let control_groups: Vec<&str> = c
        .top_groups()
        .filter(|&g| c.group(g).kind == ItemKind::Control)
        .map(|g| c.group(g).id.as_str())
        .collect();
    assert_eq!(
        control_groups,
        ["A.2", "A.3", "A.4", "A.5", "A.6", "A.7", "A.8", "A.9", "A.10"]
    );
    let a6 = c.find_group("A.6").expect("A.6");
    let subs: Vec<&str> = c.subgroups(a6).map(|g| c.group(g).id.as_str()).collect();
    assert_eq!(subs, ["A.6.1", "A.6.2"]);
    assert_eq!(c.group_items(a6).count(), 9);
    for i in c.item_ids() {
        let g = c.item_group(i);
        assert_eq!(c.group(g).kind, c.item(i).kind);
        // The item's id starts with its group's id ("6.1.2" in "6", "A.6.2.4" in "A.6.2").
        assert!(
            c.item(i).id.starts_with(&format!("{}.", c.group(g).id)),
            "{}",
            c.item(i).id
        );
    }
}

#[test]
fn documents_are_the_22_of_the_clauses_then_one_per_annex_a_control_that_calls_for_one() {
    let reference: serde_json::Value = serde_json::from_str(STRUCTURE).expect("reference json");
    let list = |key: &str| -> Vec<String> {
        reference[key]
            .as_array()
            .expect("list")
            .iter()
            .map(|d| d["clause"].as_str().or(d.as_str()).unwrap_or("").to_owned())
            .collect()
    };
    let mut expected = list("mandatory_documented_information");
    // 9.2.2's one entry is two documents here: the audit programme (design, needed before
    // Stage 1) and the audit results (a record of a completed cycle, before Stage 2).
    let at = expected.iter().position(|c| c == "9.2.2").expect("9.2.2");
    expected.insert(at, "9.2.2".to_owned());
    expected.extend(list("annex_a_controls_calling_for_documentation"));
    let c = catalog();
    let ours: Vec<String> = c
        .document_ids()
        .map(|d| c.document(d).clause.clone())
        .collect();
    assert_eq!(ours, expected);
    // The first 21 are required by clauses, the rest by their control.
    for (k, d) in c.document_ids().enumerate() {
        let control = c.document_control(d);
        assert_eq!(control.is_some(), k >= 22, "{}", c.document(d).id);
        if let Some(i) = control {
            assert_eq!(c.item(i).id, c.document(d).clause);
        }
    }
    for d in c.document_ids() {
        let doc = c.document(d);
        assert!(
            c.find_item(&doc.clause).is_some(),
            "{}: clause {} is an item",
            doc.id,
            doc.clause
        );
        assert!(!doc.title.trim().is_empty() && !doc.description.trim().is_empty());
        // Records are what operating a requirement leaves behind; policies, methods and
        // the SoA design the system.
        let record = doc.class == aims_engine::model::catalog::DocumentClass::Record;
        if [
            "scope",
            "ai-policy",
            "statement-of-applicability",
            "audit-programme-results",
        ]
        .contains(&doc.id.as_str())
        {
            assert!(!record, "{} designs the system", doc.id);
        }
        if doc.id.ends_with("-results") && doc.id != "audit-programme-results" {
            assert!(record, "{} records results", doc.id);
        }
        assert!(
            doc.id.bytes().all(|b| b.is_ascii_lowercase() || b == b'-'),
            "{}: stable id",
            doc.id
        );
    }
}

fn is_nist_ref(r: &str) -> bool {
    let Some((function, number)) = r.split_once(' ') else {
        return false;
    };
    let Some((a, b)) = number.split_once('.') else {
        return false;
    };
    ["GOVERN", "MAP", "MEASURE", "MANAGE"].contains(&function)
        && !a.is_empty()
        && !b.is_empty()
        && a.bytes().chain(b.bytes()).all(|c| c.is_ascii_digit())
}

fn is_eu_ref(r: &str) -> bool {
    if let Some(numeral) = r.strip_prefix("Annex ") {
        return !numeral.is_empty() && numeral.bytes().all(|c| b"IVX".contains(&c));
    }
    let Some(rest) = r.strip_prefix("Art. ") else {
        return false;
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 {
        return false;
    }
    // Then zero to two parenthesized parts: "(2)" and "(a)".
    let mut tail = &rest[digits..];
    let mut parts = 0;
    while let Some(inner) = tail.strip_prefix('(') {
        let Some(end) = inner.find(')') else {
            return false;
        };
        let part = &inner[..end];
        let ok = (!part.is_empty() && part.bytes().all(|c| c.is_ascii_digit()))
            || (part.len() == 1 && part.bytes().all(|c| c.is_ascii_lowercase()));
        if !ok {
            return false;
        }
        tail = &inner[end + 1..];
        parts += 1;
    }
    tail.is_empty() && parts <= 2
}

#[test]
fn crosswalk_targets_are_well_formed_and_not_repeated() {
    assert!(is_nist_ref("GOVERN 1.1") && !is_nist_ref("GOVERN1.1") && !is_nist_ref("PLAN 1.1"));
    assert!(
        is_eu_ref("Art. 17(1)(a)")
            && is_eu_ref("Annex IV")
            && !is_eu_ref("Art 9")
            && !is_eu_ref("Art. 9(2)-(3)")
    );
    let c = catalog();
    let mut published = 0;
    for i in c.item_ids() {
        let item = c.item(i);
        let mut seen = HashSet::new();
        for x in &item.nist_ai_rmf {
            assert!(
                is_nist_ref(&x.reference),
                "{}: NIST ref {:?}",
                item.id,
                x.reference
            );
            assert!(
                seen.insert(&x.reference),
                "{}: NIST ref repeated {}",
                item.id,
                x.reference
            );
            published += usize::from(x.basis == Basis::Published);
        }
        for x in &item.eu_ai_act {
            assert!(
                is_eu_ref(&x.reference),
                "{}: EU ref {:?}",
                item.id,
                x.reference
            );
            assert_eq!(
                x.basis,
                Basis::Judgement,
                "{}: all EU AI Act mappings are judgement",
                item.id
            );
        }
        assert!(
            !item.nist_ai_rmf.is_empty(),
            "{}: at least one NIST mapping",
            item.id
        );
        if let Some(iso) = &item.iso27001 {
            let body = iso.strip_prefix("A.").unwrap_or(iso);
            assert!(
                body.split('.')
                    .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit())),
                "{}: 27001 ref {iso}",
                item.id
            );
        }
        if item.kind == ItemKind::Clause && !["6.1.4", "8.4"].contains(&item.id.as_str()) {
            assert!(
                item.iso27001.is_some(),
                "{}: clause shares the harmonized structure",
                item.id
            );
        }
    }
    assert!(
        published >= 20,
        "published crosswalk rows are kept as published ({published})"
    );
}

#[test]
fn quick_check_touches_every_clause_and_annex_a_group() {
    let c = catalog();
    assert!((12..=15).contains(&c.quick_ids().len()));
    for g in c.top_groups() {
        let touched = c
            .quick_ids()
            .any(|q| c.quick_items(q).iter().any(|&i| c.item_in_group(i, g)));
        assert!(
            touched,
            "group {} is touched by a quick question",
            c.group(g).id
        );
    }
}

#[test]
fn integrity_check_rejects_duplicates_dangling_parents_and_broken_files() {
    let json = aims_engine::model::catalog::BUILTIN_JSON;
    let duplicated = json.replacen("\"id\":\"4.2\"", "\"id\":\"4.1\"", 1);
    assert_ne!(duplicated, json, "the fixture edit applies");
    let problems = Catalog::parse(&duplicated).expect_err("duplicate rejected");
    assert!(
        problems.iter().any(|p| p.contains("duplicate item id 4.1")),
        "{problems:?}"
    );

    let dangling = json.replacen("\"parent\":\"A.6\"", "\"parent\":\"A.99\"", 1);
    assert_ne!(dangling, json, "the fixture edit applies");
    let problems = Catalog::parse(&dangling).expect_err("dangling parent rejected");
    assert!(problems.iter().any(|p| p.contains("A.99")), "{problems:?}");

    let problems = Catalog::parse(&json[..json.len() / 2]).expect_err("truncated");
    assert!(problems.iter().any(|p| p.contains("EOF")), "{problems:?}");
    let problems = Catalog::parse(&format!("{json}more")).expect_err("too long");
    assert!(
        problems.iter().any(|p| p.contains("trailing characters")),
        "{problems:?}"
    );
    let problems = Catalog::parse(&json.replacen("\"version\":3", "\"version\":\"two\"", 1))
        .expect_err("a version that is not a number");
    assert!(
        problems.iter().any(|p| p.contains("\"two\"")),
        "{problems:?}"
    );
    let problems = Catalog::parse(&json.replacen("\"question\":", "\"questoin\":", 1))
        .expect_err("a misspelt field");
    assert!(
        problems.iter().any(|p| p.contains("questoin")),
        "{problems:?}"
    );
}

#[test]
fn the_embedded_catalog_carries_every_value_of_the_json_file() {
    let json: serde_json::Value =
        serde_json::from_str(include_str!("../../../assets/catalog/iso42001.json")).expect("json");
    let c = catalog();
    let text = |v: &serde_json::Value| v.as_str().expect("text").to_owned();
    let texts = |v: &serde_json::Value| -> Vec<String> {
        v.as_array().expect("list").iter().map(text).collect()
    };
    let items = json["items"].as_array().expect("items");
    assert_eq!(items.len(), c.item_count());
    for (i, j) in c.item_ids().zip(items) {
        let item = c.item(i);
        assert_eq!(item.id, text(&j["id"]));
        assert_eq!(item.kind.as_str(), text(&j["kind"]));
        assert_eq!(item.title, text(&j["title"]));
        assert_eq!(item.question, text(&j["question"]));
        assert_eq!(item.explanation, text(&j["explanation"]));
        assert_eq!(item.evidence, texts(&j["evidence"]));
        assert_eq!(item.levels.to_vec(), texts(&j["levels"]));
        assert_eq!(item.iso27001, j["iso27001"].as_str().map(str::to_owned));
        for (links, key) in [
            (&item.nist_ai_rmf, "nist_ai_rmf"),
            (&item.eu_ai_act, "eu_ai_act"),
        ] {
            let expected: Vec<(String, String)> = j[key]
                .as_array()
                .expect("crosswalks")
                .iter()
                .map(|l| (text(&l["ref"]), text(&l["basis"])))
                .collect();
            let actual: Vec<(String, String)> = links
                .iter()
                .map(|l| (l.reference.clone(), l.basis.as_str().to_owned()))
                .collect();
            assert_eq!(actual, expected, "{} {key}", item.id);
        }
    }
    let groups = json["groups"].as_array().expect("groups");
    for (g, j) in c.group_ids().zip(groups) {
        let group = c.group(g);
        assert_eq!(group.id, text(&j["id"]));
        assert_eq!(group.summary, text(&j["summary"]));
        assert_eq!(group.parent, j["parent"].as_str().map(str::to_owned));
    }
    let documents = json["documents"].as_array().expect("documents");
    assert_eq!(documents.len(), c.document_count());
    for (d, j) in c.document_ids().zip(documents) {
        assert_eq!(c.document(d).description, text(&j["description"]));
        assert_eq!(c.document(d).clause, text(&j["clause"]));
    }
    let quick = json["quick"].as_array().expect("quick");
    for (q, j) in c.quick_ids().zip(quick) {
        let question = c.quick(q);
        assert_eq!(question.next_step, text(&j["next_step"]));
        assert_eq!(question.help, text(&j["help"]));
        assert_eq!(question.items, texts(&j["items"]));
        assert_eq!(
            question.foundation,
            j["foundation"].as_bool().unwrap_or(false)
        );
    }
    assert_eq!(c.title, text(&json["title"]));
    assert_eq!(
        u64::from(c.version),
        json["version"].as_u64().expect("version")
    );
}
