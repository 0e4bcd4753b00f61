//! The guide's pages as markup: about the standard, the other frameworks (with the items
//! the crosswalks map to each provision and, with an assessment open, how many of them
//! conform today), the certification journey, the clause and control group explainers,
//! and the glossary.
//!
//! The app keeps the screen's frame (the page menu, "Loading…", a page that does not
//! exist), fetches the guide's file in the active language and hands it over with the
//! catalog's labels in that language; it follows the links here (`href="#/…"`) with its
//! own router, so they work in embeds too, and brings the anchor into view.

use crate::words::{Labels, Words};
use crate::{read, Unreadable};
use aims_engine::format::guide::{parse, spans, Guide, Section, Span};
use aims_engine::model::catalog::Basis;
use aims_engine::reports::crosswalk::{covering, mappings, Framework};
use aims_engine::rules::scoring::figure_of;
use aims_engine::text::lang::Lang;
use aims_engine::text::markup::escape;
use aims_engine::{Assessment, Catalog, Date, ItemId};
use std::fmt::Write;

/// What to show, as the app hands it over.
pub struct Request<'a> {
    /// The language of the words (the labels and the guide come translated).
    pub lang: Lang,
    /// The catalog's labels in that language (see `compare::Request::labels`).
    pub labels: &'a [String],
    /// The guide's file in that language (`guide/<code>.json`).
    pub guide: &'a [u8],
    /// The page: `about`, `frameworks`, `certification`, `clauses` or `glossary`.
    pub page: &'a str,
    /// The open assessment's export, if one is open (empty: none): items link to it and
    /// the frameworks page says how many of each provision's items conform.
    pub export: &'a [u8],
    /// The day the assessment is scored on.
    pub today: Date,
}

/// Writes the guide's links: to glossary entries always; to items and screens only when
/// an assessment is open (an item is always shown with its label).
struct Links<'a> {
    catalog: &'a Catalog,
    labels: Labels<'a>,
    open: Option<&'a str>,
    words: &'a Words,
}

impl Links<'_> {
    fn label(&self, id: &str) -> &str {
        self.catalog
            .find_item(id)
            .map_or("", |i| self.labels.items[i.index()].as_str())
    }

    fn item(&self, out: &mut String, id: &str, words: &str) {
        let title = escape(self.label(id));
        match self.open {
            Some(a) => {
                let _ = write!(
                    out,
                    "<span title=\"{title}\"><a class=\"aims-link\" href=\"#/a/{}/assess/{}\">{}</a></span>",
                    escape(a),
                    escape(id),
                    escape(words)
                );
            }
            None => {
                let _ = write!(
                    out,
                    "<span class=\"aims-item-ref\" title=\"{title}\">{}</span>",
                    escape(words)
                );
            }
        }
    }

    /// Text with its inline links.
    fn rich(&self, out: &mut String, text: &str) {
        for span in spans(text) {
            match span {
                Span::Text(t) => out.push_str(&escape(t)),
                Span::Glossary(w, id) => {
                    let _ = write!(
                        out,
                        "<a class=\"aims-glossary-link\" href=\"#/guide/glossary/{}\">{}</a>",
                        escape(id),
                        escape(w)
                    );
                }
                Span::Item(w, id) => self.item(out, id, w),
            }
        }
    }

    /// A list of items as links (id and label).
    fn items(&self, out: &mut String, label: &str, ids: &[String]) {
        if ids.is_empty() {
            return;
        }
        let _ = write!(
            out,
            "<div class=\"aims-guide-items\"><p class=\"aims-small aims-muted\">{}</p><ul class=\"aims-tags\">",
            escape(label)
        );
        for id in ids {
            out.push_str("<li class=\"aims-tag\">");
            let words = match self.label(id) {
                "" => id.as_str(),
                label => label,
            };
            self.item(out, id, words);
            out.push_str("</li>");
        }
        out.push_str("</ul></div>");
    }

    /// A link to one of the open assessment's screens (plain words without one).
    fn screen(&self, out: &mut String, path: &str, label: &str) {
        match self.open {
            Some(a) => {
                let _ = write!(
                    out,
                    "<a class=\"aims-link\" href=\"#/a/{}/{path}\">{}</a>",
                    escape(a),
                    escape(label)
                );
            }
            None => {
                let _ = write!(out, "<span>{}</span>", escape(label));
            }
        }
    }
}

fn item_ids(catalog: &Catalog, list: impl IntoIterator<Item = ItemId>) -> Vec<String> {
    list.into_iter()
        .map(|i| catalog.item(i).id.clone())
        .collect()
}

/// A section; on the frameworks page with the items the crosswalks map to it.
fn section(out: &mut String, links: &Links, s: &Section, open: Option<(&Assessment, Date)>) {
    let (c, w) = (links.catalog, links.words);
    let m = w.m;
    let id = escape(&s.id);
    let _ = write!(
        out,
        "<section class=\"aims-panel aims-guide-section\" id=\"aims-g-{id}\" tabindex=\"-1\" aria-labelledby=\"aims-g-{id}-h\"><h2 class=\"aims-h2\" id=\"aims-g-{id}-h\">{}</h2>",
        escape(&s.heading)
    );
    for p in &s.paragraphs {
        out.push_str("<p>");
        links.rich(out, p);
        out.push_str("</p>");
    }
    if !s.bullets.is_empty() {
        out.push_str("<ul class=\"aims-guide-bullets\">");
        for b in &s.bullets {
            out.push_str("<li>");
            links.rich(out, b);
            out.push_str("</li>");
        }
        out.push_str("</ul>");
    }
    if !s.tool.is_empty() {
        let _ = write!(
            out,
            "<p class=\"aims-guide-tool\"><strong>{}</strong> ",
            escape(m.guidepage_tool)
        );
        for (n, t) in s.tool.iter().enumerate() {
            if n > 0 {
                out.push_str(" · ");
            }
            match t.as_str() {
                "documents" => links.screen(out, "documents", m.nav_documents),
                "soa" => links.screen(out, "soa", m.reports_soa),
                "plan" => links.screen(out, "plan", m.reports_plan),
                "report" => links.screen(out, "report", m.reports_report),
                "results" => links.screen(out, "results", m.reports_results),
                "assess" => links.screen(out, "assess", m.nav_assess),
                _ => {
                    let _ = write!(
                        out,
                        "<a class=\"aims-link\" href=\"#/quick\">{}</a>",
                        escape(m.nav_quick)
                    );
                }
            }
        }
        out.push_str("</p>");
    }
    links.items(out, m.guidepage_items, &s.items);
    let framework = match s.framework.as_deref() {
        Some("eu_ai_act") => Some(Framework::EuAiAct),
        Some("nist_ai_rmf") => Some(Framework::NistAiRmf),
        Some("iso27001") => Some(Framework::Iso27001),
        _ => None,
    };
    // The references a section walks through, each with the items mapped to it: the EU
    // AI Act provisions it names, or the AI RMF's four functions.
    let listed: Vec<(String, String)> = match framework {
        Some(Framework::EuAiAct) => s
            .articles
            .iter()
            .map(|(r, label)| (r.clone(), format!("{r} · {label}")))
            .collect(),
        Some(Framework::NistAiRmf) => ["GOVERN", "MAP", "MEASURE", "MANAGE"]
            .into_iter()
            .map(|f| (f.to_owned(), f.to_owned()))
            .collect(),
        _ => Vec::new(),
    };
    match framework {
        Some(f @ (Framework::EuAiAct | Framework::NistAiRmf)) => {
            let lead = if f == Framework::EuAiAct {
                m.guidepage_articles
            } else {
                m.guidepage_functions
            };
            let _ = write!(
                out,
                "<div class=\"aims-guide-articles\"><p class=\"aims-small aims-muted\">{}</p><ul>",
                escape(lead)
            );
            for (reference, heading) in &listed {
                let found = covering(c, f, reference);
                let _ = write!(out, "<li><strong>{}</strong> ", escape(heading));
                if let Some((a, today)) = open {
                    let figure = figure_of(c, a, found.iter().map(|(i, _)| *i), today);
                    let _ = write!(
                        out,
                        "<span class=\"aims-muted aims-small\">{}</span>",
                        w.tf(
                            m.guidepage_readiness,
                            &[
                                ("pct", &w.pct(figure.conformity)),
                                ("n", &figure.conforming.to_string()),
                                ("total", &figure.in_scope.to_string()),
                            ]
                        )
                    );
                }
                out.push_str("<div class=\"aims-tags\">");
                for id in item_ids(c, found.iter().map(|(i, _)| *i)) {
                    out.push_str("<span class=\"aims-tag\">");
                    links.item(out, &id, &id);
                    out.push_str("</span>");
                }
                out.push_str("</div></li>");
            }
            out.push_str("</ul></div>");
        }
        Some(Framework::Iso27001) => {
            // The clauses 4–10 that share number and purpose (the crosswalk's structural
            // basis), which an ISMS already runs.
            let shared = c.item_ids().filter(|&i| {
                mappings(c, i, Framework::Iso27001)
                    .iter()
                    .any(|m| m.basis == Basis::Structural)
            });
            links.items(out, m.guidepage_shared_27001, &item_ids(c, shared));
        }
        None => {}
    }
    if let Some(as_of) = &s.as_of {
        let _ = write!(
            out,
            "<p class=\"aims-small aims-muted\">{}</p>",
            escape(as_of)
        );
    }
    if !s.sources.is_empty() {
        let _ = write!(
            out,
            "<p class=\"aims-small aims-muted\">{}</p>",
            w.tf(m.guidepage_sources, &[("list", &s.sources.join("; "))])
        );
    }
    out.push_str("</section>");
}

/// The page's body, or `None` for a page the guide does not have.
fn page_body(
    out: &mut String,
    guide: &Guide,
    page: &str,
    links: &Links,
    open: Option<(&Assessment, Date)>,
) -> Option<()> {
    let (c, m) = (links.catalog, links.words.m);
    match page {
        "glossary" => {
            let _ = write!(
                out,
                "<h1 class=\"aims-h1\">{}</h1><dl class=\"aims-glossary\">",
                escape(m.guide_glossary)
            );
            for t in &guide.glossary {
                let _ = write!(
                    out,
                    "<div class=\"aims-glossary-entry\" id=\"aims-g-{}\" tabindex=\"-1\"><dt>{}</dt><dd><p>",
                    escape(&t.id),
                    escape(&t.term)
                );
                links.rich(out, &t.definition);
                out.push_str("</p>");
                links.items(out, m.guidepage_items, &t.items);
                out.push_str("</dd></div>");
            }
            out.push_str("</dl>");
        }
        "clauses" => {
            let _ = write!(
                out,
                "<h1 class=\"aims-h1\">{}</h1><p class=\"aims-lead\">{}</p>",
                escape(m.guide_clauses),
                escape(m.guidepage_clauses_lead)
            );
            for e in &guide.explainers {
                let group = c.find_group(&e.group);
                let title = group.map_or("", |g| links.labels.groups[g.index()].as_str());
                let items = group
                    .map(|g| item_ids(c, c.group_items(g)))
                    .unwrap_or_default();
                let _ = write!(
                    out,
                    "<section class=\"aims-panel aims-guide-section\" id=\"aims-g-{}\" tabindex=\"-1\" aria-label=\"{1}\"><h2 class=\"aims-h2\">{1}</h2><p>",
                    escape(&e.group),
                    escape(title)
                );
                links.rich(out, &e.about);
                let _ = write!(
                    out,
                    "</p><p><strong>{}</strong> ",
                    escape(m.guidepage_auditors)
                );
                links.rich(out, &e.auditors);
                out.push_str("</p>");
                links.items(out, m.guidepage_items, &items);
                out.push_str("</section>");
            }
        }
        id => {
            let p = guide.page(id)?;
            let _ = write!(
                out,
                "<h1 class=\"aims-h1\">{}</h1><p class=\"aims-lead\">",
                escape(&p.title)
            );
            links.rich(out, &p.intro);
            out.push_str("</p>");
            if id == "frameworks" && !guide.rows.is_empty() {
                let caption = escape(m.guidepage_comparison);
                let _ = write!(
                    out,
                    "<div class=\"aims-table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"{caption}\"><table class=\"aims-table aims-table--stack aims-comparison\"><caption class=\"aims-sr\">{caption}</caption><thead><tr><th scope=\"col\"></th>"
                );
                for h in &guide.columns {
                    let _ = write!(out, "<th scope=\"col\">{}</th>", escape(h));
                }
                out.push_str("</tr></thead><tbody>");
                for (label, cells) in &guide.rows {
                    let _ = write!(out, "<tr><th scope=\"row\">{}</th>", escape(label));
                    for (n, cell) in cells.iter().enumerate() {
                        let column = guide.columns.get(n).map_or("", String::as_str);
                        let _ = write!(out, "<td data-label=\"{}\">", escape(column));
                        links.rich(out, cell);
                        out.push_str("</td>");
                    }
                    out.push_str("</tr>");
                }
                out.push_str("</tbody></table></div>");
            }
            for s in &p.sections {
                section(out, links, s, open);
            }
        }
    }
    Some(())
}

/// The page's markup, the date its facts were checked at the end; `Ok(None)` for a page
/// the guide does not have. A guide file that does not read is said as such (it is a
/// file like any other); labels of the wrong length or an export that does not read back
/// are the app's bug.
pub fn markup(r: &Request) -> Result<Option<String>, Unreadable> {
    let catalog = Catalog::builtin();
    let labels = Labels::split(catalog, r.labels)?;
    let guide = parse(r.guide).map_err(Unreadable)?;
    let open = if r.export.is_empty() {
        None
    } else {
        Some(read(r.export)?)
    };
    let words = Words::new(r.lang);
    let links = Links {
        catalog,
        labels,
        open: open.as_ref().map(|a| a.id.as_str()),
        words: &words,
    };
    let mut out = String::new();
    if page_body(
        &mut out,
        &guide,
        r.page,
        &links,
        open.as_ref().map(|a| (a, r.today)),
    )
    .is_none()
    {
        return Ok(None);
    }
    let _ = write!(
        out,
        "<p class=\"aims-small aims-muted\">{}</p>",
        words.tf(words.m.guidepage_as_of, &[("date", &guide.as_of)])
    );
    Ok(Some(out))
}

#[cfg(test)]
mod tests {
    use super::*;
    use aims_engine::export;

    const GUIDE: &[u8] = include_bytes!("../../../assets/guide/en.json");
    const FIXTURE: &[u8] = include_bytes!("../../../tests/fixtures/assessment-v2.json");

    /// English labels as the app's untranslated catalog gives them.
    fn labels() -> Vec<String> {
        Catalog::builtin().labels()
    }

    fn page(name: &str, export: &[u8]) -> Option<String> {
        markup(&Request {
            lang: Lang::En,
            labels: &labels(),
            guide: GUIDE,
            page: name,
            export,
            today: Date::parse("2026-12-07").expect("a date"),
        })
        .expect("markup")
    }

    #[test]
    fn every_page_draws_and_an_unknown_one_is_none() {
        for name in [
            "about",
            "frameworks",
            "certification",
            "clauses",
            "glossary",
        ] {
            let out = page(name, b"").expect(name);
            assert!(out.starts_with("<h1 class=\"aims-h1\">"), "{name}");
            assert!(out.contains("Facts checked as of"), "{name}");
        }
        assert_eq!(page("no-such-page", b""), None);
    }

    #[test]
    fn items_link_to_the_open_assessment_and_the_frameworks_say_how_many_conform() {
        let a = read(FIXTURE).expect("the fixture");
        let text = export(Catalog::builtin(), &a);
        let open = page("frameworks", text.as_bytes()).expect("frameworks");
        assert!(
            open.contains(&format!("href=\"#/a/{}/assess/", a.id)),
            "item links"
        );
        assert!(open.contains("in-scope items conform today"), "the figures");
        assert!(open.contains("class=\"aims-table aims-table--stack aims-comparison\""));
        let closed = page("frameworks", b"").expect("frameworks");
        assert!(
            !closed.contains("href=\"#/a/"),
            "no assessment, no item links"
        );
        assert!(closed.contains("class=\"aims-item-ref\""));
        assert!(!closed.contains("in-scope items conform today"));
        // Glossary links always; each entry is an anchor.
        let glossary = page("glossary", b"").expect("glossary");
        assert!(glossary.contains("id=\"aims-g-evidence\""));
        let clauses = page("clauses", text.as_bytes()).expect("clauses");
        assert!(clauses.contains("id=\"aims-g-4\""));
        assert!(clauses.contains("href=\"#/guide/glossary/"));
    }

    #[test]
    fn a_broken_guide_file_is_said_as_such() {
        let r = Request {
            lang: Lang::En,
            labels: &labels(),
            guide: b"{\"pages\": 3",
            page: "about",
            export: b"",
            today: Date::EPOCH,
        };
        assert!(markup(&r).is_err());
    }
}
