//! The guidance file: it reads, every link in it points at an existing item
//! or glossary entry, every glossary term the app links to exists, every top-level
//! group has an explainer, and the facts keep their "as of" notes.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use aims_engine::format::guide::{parse, problems, spans, terms, Span};
use common::*;

const GUIDE: &str = include_str!("../../../assets/guide/en.json");

#[test]
fn the_guide_reads_and_every_reference_exists() {
    let guide = parse(GUIDE.as_bytes()).expect("guide reads");
    assert_eq!(problems(&guide, catalog()), Vec::<String>::new());
    let ids: Vec<&str> = guide.pages.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["about", "frameworks", "certification"]);
    assert_eq!(guide.explainers.len(), 16);
    for id in terms::ALL {
        assert!(guide.term(id).is_some(), "{id}");
    }
}

#[test]
fn a_broken_link_is_reported() {
    let broken = GUIDE.replacen("(item:6.1.2)", "(item:6.1.9)", 1).replacen(
        "(glossary:scope)",
        "(glossary:scopes)",
        1,
    );
    let guide = parse(broken.as_bytes()).expect("guide reads");
    let found = problems(&guide, catalog());
    assert!(
        found.iter().any(|p| p.contains("unknown item 6.1.9")),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|p| p.contains("unknown glossary term scopes")),
        "{found:?}"
    );
    assert!(parse(b"[]").is_err());
}

#[test]
fn facts_that_may_change_say_as_of_and_no_text_links_outside() {
    let guide = parse(GUIDE.as_bytes()).expect("guide reads");
    let frameworks = guide.page("frameworks").expect("frameworks page");
    let eu = frameworks
        .sections
        .iter()
        .find(|s| s.framework.as_deref() == Some("eu_ai_act"))
        .expect("EU AI Act section");
    assert!(
        eu.as_of.is_some(),
        "the EU AI Act dates carry an as-of note"
    );
    assert!(!eu.articles.is_empty());
    assert!(!GUIDE.contains("http"), "no external address in the guide");
    // Every framework section names its framework, so its items come from the crosswalks.
    let named: Vec<&str> = frameworks
        .sections
        .iter()
        .filter_map(|s| s.framework.as_deref())
        .collect();
    assert_eq!(named, ["nist_ai_rmf", "iso23894", "iso27001", "eu_ai_act"]);
    // A link's words are never empty.
    for p in &guide.pages {
        for s in &p.sections {
            for t in s.paragraphs.iter().chain(&s.bullets) {
                for span in spans(t) {
                    if let Span::Glossary(w, _) | Span::Item(w, _) = span {
                        assert!(!w.trim().is_empty(), "{}/{}", p.id, s.id);
                    }
                }
            }
        }
    }
}
