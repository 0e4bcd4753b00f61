//! Languages: every message in English, German and French, none empty, with
//! the same placeholders; every catalog text in each language; each guide complete with
//! the same pages, sections, terms and links as the English one. (build.rs refuses to
//! build with a message file that fails the first check; this states it as a test.)
#![cfg(not(target_arch = "wasm32"))]

mod common;
use aims_engine::format::guide::{self, spans, Span};
use aims_engine::format::value::{parse, Value};
use common::*;
use std::collections::BTreeSet;

const LANGUAGES: [&str; 2] = ["de", "fr"];

fn read(path: &str) -> Value {
    let bytes = std::fs::read(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    parse(&bytes).unwrap_or_else(|e| panic!("{path}: {e:?}"))
}

fn placeholders(text: &str) -> BTreeSet<&str> {
    text.split('{')
        .skip(1)
        .filter_map(|rest| rest.split_once('}').map(|(name, _)| name))
        .filter(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'))
        .collect()
}

#[test]
fn every_message_exists_in_every_language_with_the_same_placeholders() {
    let en = read("../../assets/i18n/en.json");
    let english = en.as_object().expect("object");
    for lang in LANGUAGES {
        let other = read(&format!("../../assets/i18n/{lang}.json"));
        let members = other.as_object().expect("object");
        let keys: BTreeSet<&str> = members.keys().map(String::as_str).collect();
        let english_keys: BTreeSet<&str> = english.keys().map(String::as_str).collect();
        assert_eq!(keys, english_keys, "{lang}: the same keys as English");
        for (key, value) in members {
            let text = value.as_str().unwrap_or_default();
            assert!(!text.trim().is_empty(), "{lang}: {key} is empty");
            let en_text = en
                .get(key.as_str())
                .and_then(Value::as_str)
                .unwrap_or_default();
            assert_eq!(placeholders(text), placeholders(en_text), "{lang}: {key}");
        }
    }
}

#[test]
fn every_catalog_text_exists_in_every_language_and_ids_stay() {
    let c = catalog();
    for lang in LANGUAGES {
        let overlay = read(&format!("../../assets/catalog/iso42001.{lang}.json"));
        let translated = c
            .translated(&overlay)
            .unwrap_or_else(|problems| panic!("{lang}: {problems:?}"));
        for i in c.item_ids() {
            let (en, other) = (c.item(i), translated.item(i));
            assert_eq!(en.id, other.id);
            // Clause titles in the language's harmonized-structure wording; Annex A
            // titles in English, marked as the original.
            let marker = if lang == "de" {
                "(Originaltitel)"
            } else {
                "(titre original)"
            };
            match en.kind {
                aims_engine::ItemKind::Control => assert_eq!(
                    other.title,
                    format!("{} {marker}", en.title),
                    "{lang}: {}",
                    en.id
                ),
                aims_engine::ItemKind::Clause => {
                    assert!(!other.title.contains(marker), "{lang}: {}", en.id)
                }
            }
            assert_ne!(
                en.question, other.question,
                "{lang}: {} question translated",
                en.id
            );
            assert_eq!(en.evidence.len(), other.evidence.len());
            assert_eq!(en.nist_ai_rmf, other.nist_ai_rmf);
        }
    }
    // A gap is named, not silently filled with English.
    let mut overlay = read("../../assets/catalog/iso42001.de.json");
    if let Value::Object(members) = &mut overlay {
        members.retain(|k, _| k != "quick");
    }
    let problems = c.translated(&overlay).expect_err("incomplete");
    assert!(
        problems.iter().any(|p| p == "quick.q01 is missing"),
        "{problems:?}"
    );
}

fn link_targets(text: &str) -> Vec<String> {
    let mut out: Vec<String> = spans(text)
        .into_iter()
        .filter_map(|s| match s {
            Span::Glossary(_, id) => Some(format!("glossary:{id}")),
            Span::Item(_, id) => Some(format!("item:{id}")),
            Span::Text(_) => None,
        })
        .collect();
    out.sort();
    out
}

#[test]
fn every_guide_is_complete_with_the_same_structure_and_links() {
    let en =
        guide::parse(&std::fs::read("../../assets/guide/en.json").expect("en")).expect("en guide");
    for lang in LANGUAGES {
        let path = format!("../../assets/guide/{lang}.json");
        let g = guide::parse(&std::fs::read(&path).expect("guide")).expect("guide reads");
        assert_eq!(
            guide::problems(&g, catalog()),
            Vec::<String>::new(),
            "{lang}"
        );
        assert_eq!(g.pages.len(), en.pages.len());
        for (p, q) in en.pages.iter().zip(&g.pages) {
            assert_eq!(p.id, q.id);
            assert_eq!(p.sections.len(), q.sections.len(), "{lang}: {}", p.id);
            for (s, t) in p.sections.iter().zip(&q.sections) {
                assert_eq!(
                    (&s.id, &s.items, &s.framework, &s.tool),
                    (&t.id, &t.items, &t.framework, &t.tool)
                );
                let refs = |x: &guide::Section| {
                    x.articles
                        .iter()
                        .map(|(r, _)| r.clone())
                        .collect::<Vec<_>>()
                };
                assert_eq!(refs(s), refs(t));
                let links = |x: &guide::Section| {
                    let mut all: Vec<String> = x
                        .paragraphs
                        .iter()
                        .chain(&x.bullets)
                        .flat_map(|p| link_targets(p))
                        .collect();
                    all.sort();
                    all
                };
                assert_eq!(links(s), links(t), "{lang}: links of {}/{}", p.id, s.id);
                assert!(t.paragraphs.iter().all(|x| !x.trim().is_empty()));
            }
        }
        let ids = |g: &guide::Guide| g.glossary.iter().map(|t| t.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&en), ids(&g), "{lang}: the same glossary terms");
        assert_eq!(en.explainers.len(), g.explainers.len());
        assert_eq!(en.rows.len(), g.rows.len());
        assert!(!std::str::from_utf8(&std::fs::read(&path).expect("guide"))
            .expect("utf8")
            .contains("http"));
    }
}
