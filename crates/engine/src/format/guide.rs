//! The guidance pages: what ISO/IEC 42001 is, how it relates to other
//! frameworks, the certification journey, a glossary and an explainer per clause and
//! control group. The text lives in `assets/guide/en.json`, a separate file the app loads
//! the first time a guidance page opens (it is not in the initial download); this module
//! reads it with the engine's own JSON reader and checks every link in it.
//!
//! Inline links in the text are `[words](glossary:term-id)` and `[words](item:6.1.2)`.

use crate::format::value::{parse as parse_json, Value};
use crate::model::catalog::Catalog;
use crate::text::messages::Texts;

/// One section of a page.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Section {
    /// Anchor id.
    pub id: String,
    /// Heading.
    pub heading: String,
    /// Paragraphs, with inline links.
    pub paragraphs: Vec<String>,
    /// A bulleted list, with inline links.
    pub bullets: Vec<String>,
    /// Items the section is about.
    pub items: Vec<String>,
    /// On the frameworks page: which framework the section compares (`nist_ai_rmf`,
    /// `eu_ai_act`, `iso27001`, `iso23894`).
    pub framework: Option<String>,
    /// EU AI Act articles and what they are about.
    pub articles: Vec<(String, String)>,
    /// On the certification page: the tool's outputs that help at this step.
    pub tool: Vec<String>,
    /// "As of" note for facts that may change.
    pub as_of: Option<String>,
    /// Sources, as plain-text citations.
    pub sources: Vec<String>,
}

/// A guidance page.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Page {
    /// Route id: `about`, `frameworks`, `certification`.
    pub id: String,
    /// Title.
    pub title: String,
    /// Introduction.
    pub intro: String,
    /// Sections in order.
    pub sections: Vec<Section>,
}

/// A glossary entry.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Term {
    /// Anchor id, e.g. `statement-of-applicability`.
    pub id: String,
    /// The term.
    pub term: String,
    /// Its definition, with inline links.
    pub definition: String,
    /// Related items.
    pub items: Vec<String>,
}

/// What a clause or control group is about and why auditors look at it.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Explainer {
    /// The group id (`4`, `A.6`).
    pub group: String,
    /// What it is about.
    pub about: String,
    /// Why auditors look at it.
    pub auditors: String,
}

/// The whole guide.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Guide {
    /// The date the facts were checked.
    pub as_of: String,
    /// The pages.
    pub pages: Vec<Page>,
    /// Column heads of the side-by-side comparison.
    pub columns: Vec<String>,
    /// Its rows: a label and one cell per column.
    pub rows: Vec<(String, Vec<String>)>,
    /// The glossary, in display order.
    pub glossary: Vec<Term>,
    /// One explainer per top-level group.
    pub explainers: Vec<Explainer>,
}

impl Guide {
    /// A page by id.
    pub fn page(&self, id: &str) -> Option<&Page> {
        self.pages.iter().find(|p| p.id == id)
    }

    /// A glossary entry by id.
    pub fn term(&self, id: &str) -> Option<&Term> {
        self.glossary.iter().find(|t| t.id == id)
    }

    /// The explainer of a group.
    pub fn explainer(&self, group: &str) -> Option<&Explainer> {
        self.explainers.iter().find(|e| e.group == group)
    }
}

/// A piece of text: plain, or a link.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Span<'a> {
    /// Plain text.
    Text(&'a str),
    /// Words linking to a glossary entry.
    Glossary(&'a str, &'a str),
    /// Words linking to an item.
    Item(&'a str, &'a str),
}

/// Splits text into plain runs and `[words](glossary:id)` / `[words](item:id)` links.
/// Anything else in brackets stays plain text.
pub fn spans(text: &str) -> Vec<Span<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let link = rest[open + 1..]
            .split_once("](")
            .and_then(|(words, after)| {
                let (target, tail) = after.split_once(')')?;
                let span = if let Some(id) = target.strip_prefix("glossary:") {
                    Span::Glossary(words, id)
                } else {
                    Span::Item(words, target.strip_prefix("item:")?)
                };
                (!words.contains('[')).then_some((span, tail))
            });
        match link {
            Some((span, tail)) => {
                if open > 0 {
                    out.push(Span::Text(&rest[..open]));
                }
                out.push(span);
                rest = tail;
            }
            None => {
                out.push(Span::Text(&rest[..=open]));
                rest = &rest[open + 1..];
            }
        }
    }
    if !rest.is_empty() {
        out.push(Span::Text(rest));
    }
    out
}

fn text(v: &Value, key: &str) -> String {
    v.get(key)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

fn texts(v: &Value, key: &str) -> Vec<String> {
    match v.get(key) {
        Some(Value::Array(list)) => list
            .iter()
            .filter_map(|x| x.as_str().map(str::to_owned))
            .collect(),
        _ => Vec::new(),
    }
}

fn list<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    match v.get(key) {
        Some(Value::Array(list)) => list,
        _ => &[],
    }
}

/// Reads the guide file. Missing optional fields read as empty; a file that is not a
/// JSON object, or has no pages, is refused with a reason.
pub fn parse(bytes: &[u8]) -> Result<Guide, String> {
    let root = parse_json(bytes).map_err(|e| {
        let what = e.message.text(Texts::ENGLISH);
        format!("line {}, column {}: {what}", e.line, e.column)
    })?;
    let pages: Vec<Page> = list(&root, "pages")
        .iter()
        .map(|p| Page {
            id: text(p, "id"),
            title: text(p, "title"),
            intro: text(p, "intro"),
            sections: list(p, "sections")
                .iter()
                .map(|s| Section {
                    id: text(s, "id"),
                    heading: text(s, "heading"),
                    paragraphs: texts(s, "paragraphs"),
                    bullets: texts(s, "bullets"),
                    items: texts(s, "items"),
                    framework: s
                        .get("framework")
                        .and_then(Value::as_str)
                        .map(str::to_owned),
                    articles: list(s, "articles")
                        .iter()
                        .map(|a| (text(a, "ref"), text(a, "label")))
                        .collect(),
                    tool: texts(s, "tool"),
                    as_of: s.get("as_of").and_then(Value::as_str).map(str::to_owned),
                    sources: texts(s, "sources"),
                })
                .collect(),
        })
        .collect();
    if pages.is_empty() {
        return Err("the guide has no pages".into());
    }
    let comparison = root.get("comparison");
    Ok(Guide {
        as_of: text(&root, "as_of"),
        pages,
        columns: comparison.map(|c| texts(c, "columns")).unwrap_or_default(),
        rows: comparison
            .map(|c| {
                list(c, "rows")
                    .iter()
                    .map(|r| (text(r, "label"), texts(r, "cells")))
                    .collect()
            })
            .unwrap_or_default(),
        glossary: list(&root, "glossary")
            .iter()
            .map(|t| Term {
                id: text(t, "id"),
                term: text(t, "term"),
                definition: text(t, "definition"),
                items: texts(t, "items"),
            })
            .collect(),
        explainers: list(&root, "explainers")
            .iter()
            .map(|e| Explainer {
                group: text(e, "group"),
                about: text(e, "about"),
                auditors: text(e, "auditors"),
            })
            .collect(),
    })
}

/// The glossary terms the app's screens link to (each must exist in every language's
/// guide; `tests/guide.rs` checks it).
pub mod terms {
    /// Statement of Applicability.
    pub const SOA: &str = "statement-of-applicability";
    /// Maturity level.
    pub const MATURITY: &str = "maturity-level";
    /// Evidence.
    pub const EVIDENCE: &str = "evidence";
    /// Target level.
    pub const TARGET: &str = "target-level";
    /// Coverage.
    pub const COVERAGE: &str = "coverage";
    /// Readiness.
    pub const READINESS: &str = "readiness";
    /// The verdict.
    pub const VERDICT: &str = "verdict";
    /// A blocker.
    pub const BLOCKER: &str = "blocker";
    /// Exclusion justification.
    pub const EXCLUSION: &str = "exclusion-justification";
    /// Documented information.
    pub const DOCUMENTED: &str = "documented-information";
    /// Every term above.
    pub const ALL: [&str; 10] = [
        SOA, MATURITY, EVIDENCE, TARGET, COVERAGE, READINESS, VERDICT, BLOCKER, EXCLUSION,
        DOCUMENTED,
    ];
}

/// Every problem with the guide's references: links and item lists naming an item or a
/// glossary entry that does not exist, explainers of unknown groups, a top-level group
/// without an explainer, and a term the app links to that is missing.
pub fn problems(guide: &Guide, catalog: &Catalog) -> Vec<String> {
    let mut out = Vec::new();
    let check_text = |place: &str, text: &str, out: &mut Vec<String>| {
        for span in spans(text) {
            match span {
                Span::Glossary(_, id) if guide.term(id).is_none() => {
                    out.push(format!("{place}: unknown glossary term {id}"))
                }
                Span::Item(_, id) if catalog.find_item(id).is_none() => {
                    out.push(format!("{place}: unknown item {id}"))
                }
                _ => {}
            }
        }
    };
    let check_items = |place: &str, items: &[String], out: &mut Vec<String>| {
        for id in items {
            if catalog.find_item(id).is_none() {
                out.push(format!("{place}: unknown item {id}"));
            }
        }
    };
    for p in &guide.pages {
        check_text(&p.id, &p.intro, &mut out);
        for s in &p.sections {
            let place = format!("{}/{}", p.id, s.id);
            for t in s.paragraphs.iter().chain(&s.bullets) {
                check_text(&place, t, &mut out);
            }
            check_items(&place, &s.items, &mut out);
        }
    }
    for (label, cells) in &guide.rows {
        for c in cells {
            check_text(&format!("comparison/{label}"), c, &mut out);
        }
    }
    for t in &guide.glossary {
        check_text(&format!("glossary/{}", t.id), &t.definition, &mut out);
        check_items(&format!("glossary/{}", t.id), &t.items, &mut out);
    }
    for e in &guide.explainers {
        if catalog.find_group(&e.group).is_none() {
            out.push(format!("explainer of unknown group {}", e.group));
        }
        check_text(&format!("explainer/{}", e.group), &e.about, &mut out);
        check_text(&format!("explainer/{}", e.group), &e.auditors, &mut out);
    }
    for g in catalog.top_groups() {
        let id = &catalog.group(g).id;
        if guide.explainer(id).is_none() {
            out.push(format!("no explainer for group {id}"));
        }
    }
    for id in terms::ALL {
        if guide.term(id).is_none() {
            out.push(format!(
                "the app links to glossary term {id}, which the guide lacks"
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_find_links_and_leave_other_brackets() {
        assert_eq!(
            spans("See [the SoA](glossary:statement-of-applicability) and [6.1.2](item:6.1.2)."),
            [
                Span::Text("See "),
                Span::Glossary("the SoA", "statement-of-applicability"),
                Span::Text(" and "),
                Span::Item("6.1.2", "6.1.2"),
                Span::Text("."),
            ]
        );
        assert_eq!(
            spans("a [b] c (d) [e](http://x)"),
            [
                Span::Text("a ["),
                Span::Text("b] c (d) ["),
                Span::Text("e](http://x)")
            ]
        );
    }
}
