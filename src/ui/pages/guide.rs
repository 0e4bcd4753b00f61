//! The guidance pages: about the standard, how it relates to other
//! frameworks (linked to the items through the crosswalks), the certification journey
//! (with this tool's outputs at each step), the glossary, and an explainer per clause and
//! control group. The text is loaded on first open (`ui::guide`); everything is a route.

use crate::engine::format::guide::{spans, Guide, Section, Span};
use crate::engine::model::catalog::Basis;
use crate::engine::reports::crosswalk::{covering, mappings, Framework};
use crate::engine::rules::scoring::figure_of;
use crate::engine::text::messages::Message;
use crate::ui::components::nav::route_link;
use crate::ui::components::pct;
use crate::ui::context::use_app_state;
use crate::ui::route::{AssessmentScreen, Route};
use crate::ui::services::guide_files::{use_guide, GuideState};
use crate::ui::services::i18n::{msg, tf};
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::prelude::{use_navigator, Navigator};

/// Props of [`GuideScreen`].
#[derive(Properties, PartialEq)]
pub struct GuideProps {
    /// `about`, `frameworks`, `certification`, `glossary` or `clauses`.
    #[prop_or_else(|| "about".into())]
    pub page: AttrValue,
    /// A term, group or section to bring into view.
    #[prop_or_default]
    pub anchor: Option<String>,
}

/// The pages, in menu order.
const PAGES: [(&str, Message); 5] = [
    ("about", msg::guide_about),
    ("frameworks", msg::guide_frameworks),
    ("certification", msg::guide_certification),
    ("clauses", msg::guide_clauses),
    ("glossary", msg::guide_glossary),
];

/// Links out of the guide: to glossary entries always, to items only when an
/// assessment is open (an item is always shown with its title).
struct Links {
    navigator: Option<Navigator>,
    open: Option<String>,
}

impl Links {
    fn term(&self, id: &str, words: Html) -> Html {
        route_link(
            &self.navigator,
            Route::term(id),
            "aims-glossary-link",
            words,
            false,
        )
    }

    fn item(&self, id: &str, words: Html) -> Html {
        let c = crate::ui::services::i18n::catalog();
        let title = c
            .find_item(id)
            .map(|i| c.item(i).label())
            .unwrap_or_default();
        match &self.open {
            Some(a) => html! {
                <span title={title}>{ route_link(&self.navigator, Route::AssessItem { id: a.clone(), item: id.to_owned() }, "aims-link", words, false) }</span>
            },
            None => html! { <span class="aims-item-ref" title={title}>{ words }</span> },
        }
    }

    fn screen(&self, screen: AssessmentScreen, label: &'static str) -> Html {
        match &self.open {
            Some(a) => route_link(
                &self.navigator,
                Route::of(a, screen),
                "aims-link",
                html! { label },
                false,
            ),
            None => html! { <span>{ label }</span> },
        }
    }

    /// Text with its inline links.
    fn rich(&self, text: &str) -> Html {
        spans(text)
            .into_iter()
            .map(|s| match s {
                Span::Text(t) => html! { t },
                Span::Glossary(w, id) => self.term(id, html! { w }),
                Span::Item(w, id) => self.item(id, html! { w }),
            })
            .collect::<Html>()
    }

    /// A list of items as links (id and title).
    fn items(&self, label: &'static str, ids: impl IntoIterator<Item = String>) -> Html {
        let c = crate::ui::services::i18n::catalog();
        let ids: Vec<String> = ids.into_iter().collect();
        if ids.is_empty() {
            return html! {};
        }
        html! {
            <div class="aims-guide-items">
                <p class="aims-small aims-muted">{ label }</p>
                <ul class="aims-tags">{ for ids.iter().map(|id| {
                    let words = c.find_item(id).map(|i| c.item(i).label()).unwrap_or_else(|| id.clone());
                    html! { <li class="aims-tag">{ self.item(id, html! { words }) }</li> }
                }) }</ul>
            </div>
        }
    }
}

fn item_ids(list: impl IntoIterator<Item = crate::engine::ItemId>) -> Vec<String> {
    let c = crate::ui::services::i18n::catalog();
    list.into_iter().map(|i| c.item(i).id.clone()).collect()
}

/// A section; on the frameworks page with the items the crosswalks map to it.
fn section(links: &Links, s: &Section, state: Option<&crate::engine::Assessment>) -> Html {
    let c = crate::ui::services::i18n::catalog();
    let framework = match s.framework.as_deref() {
        Some("eu_ai_act") => Some(Framework::EuAiAct),
        Some("nist_ai_rmf") => Some(Framework::NistAiRmf),
        Some("iso27001") => Some(Framework::Iso27001),
        _ => None,
    };
    let readiness = |refs: &[(crate::engine::ItemId, crate::engine::model::catalog::Basis)]| {
        match state {
            Some(a) => {
                let f = figure_of(
                    c,
                    a,
                    refs.iter().map(|(i, _)| *i),
                    crate::ui::services::clock::today(),
                );
                html! { <span class="aims-muted aims-small">{ tf(msg::guide_readiness(), &[("pct", &pct(f.conformity)), ("n", &f.conforming.to_string()), ("total", &f.in_scope.to_string())]) }</span> }
            }
            None => html! {},
        }
    };
    // The references a section walks through, each with the items mapped to it: the EU
    // AI Act provisions it names, or the AI RMF's four functions.
    let listed: Vec<(Framework, String, String)> = match framework {
        Some(Framework::EuAiAct) => s
            .articles
            .iter()
            .map(|(r, label)| (Framework::EuAiAct, r.clone(), format!("{r} · {label}")))
            .collect(),
        Some(Framework::NistAiRmf) => ["GOVERN", "MAP", "MEASURE", "MANAGE"]
            .into_iter()
            .map(|f| (Framework::NistAiRmf, f.to_owned(), f.to_owned()))
            .collect(),
        _ => Vec::new(),
    };
    let crosswalk = match framework {
        Some(Framework::EuAiAct | Framework::NistAiRmf) => html! {
            <div class="aims-guide-articles">
                <p class="aims-small aims-muted">{ if framework == Some(Framework::EuAiAct) { msg::guide_articles() } else { msg::guide_functions() } }</p>
                <ul>{ for listed.iter().map(|(f, reference, heading)| {
                    let found = covering(c, *f, reference);
                    html! { <li>
                        <strong>{ heading }</strong>{ " " }{ readiness(&found) }
                        <div class="aims-tags">{ for item_ids(found.iter().map(|(i, _)| *i)).iter().map(|id| html! { <span class="aims-tag">{ links.item(id, html! { id }) }</span> }) }</div>
                    </li> }
                }) }</ul>
            </div>
        },
        Some(Framework::Iso27001) => {
            // The clauses 4–10 that share number and purpose (the crosswalk's structural
            // basis), which an ISMS already runs.
            let shared = c.item_ids().filter(|&i| {
                mappings(c, i, Framework::Iso27001)
                    .iter()
                    .any(|m| m.basis == Basis::Structural)
            });
            links.items(msg::guide_shared_27001(), item_ids(shared))
        }
        None => html! {},
    };
    html! {
        <section class="aims-panel aims-guide-section" id={format!("aims-g-{}", s.id)} tabindex="-1" aria-labelledby={format!("aims-g-{}-h", s.id)}>
            <h2 class="aims-h2" id={format!("aims-g-{}-h", s.id)}>{ &s.heading }</h2>
            { for s.paragraphs.iter().map(|p| html! { <p>{ links.rich(p) }</p> }) }
            if !s.bullets.is_empty() {
                <ul class="aims-guide-bullets">{ for s.bullets.iter().map(|b| html! { <li>{ links.rich(b) }</li> }) }</ul>
            }
            if !s.tool.is_empty() {
                <p class="aims-guide-tool"><strong>{ msg::guide_tool() }</strong>{ " " }
                    { for s.tool.iter().enumerate().map(|(n, t)| {
                        let link = match t.as_str() {
                            "documents" => links.screen(AssessmentScreen::Documents, msg::nav_documents()),
                            "soa" => links.screen(AssessmentScreen::Soa, msg::reports_soa()),
                            "plan" => links.screen(AssessmentScreen::Plan, msg::reports_plan()),
                            "report" => links.screen(AssessmentScreen::ReadinessReport, msg::reports_report()),
                            "results" => links.screen(AssessmentScreen::Results, msg::reports_results()),
                            "assess" => links.screen(AssessmentScreen::Assess(None), msg::nav_assess()),
                            _ => route_link(&links.navigator, Route::Quick, "aims-link", html! { msg::nav_quick() }, false),
                        };
                        html! { <>{ if n > 0 { " · " } else { "" } }{ link }</> }
                    }) }
                </p>
            }
            { links.items(msg::guide_items(), s.items.iter().cloned()) }
            { crosswalk }
            if let Some(as_of) = &s.as_of {
                <p class="aims-small aims-muted">{ as_of }</p>
            }
            if !s.sources.is_empty() {
                <p class="aims-small aims-muted">{ tf(msg::guide_sources(), &[("list", &s.sources.join("; "))]) }</p>
            }
        </section>
    }
}

fn page_body(
    guide: &Guide,
    page: &str,
    links: &Links,
    open: Option<&crate::engine::Assessment>,
) -> Option<Html> {
    let c = crate::ui::services::i18n::catalog();
    Some(match page {
        "glossary" => html! {
            <>
                <h1 class="aims-h1">{ msg::guide_glossary() }</h1>
                <dl class="aims-glossary">{ for guide.glossary.iter().map(|t| html! {
                    <div class="aims-glossary-entry" id={format!("aims-g-{}", t.id)} tabindex="-1">
                        <dt>{ &t.term }</dt>
                        <dd>
                            <p>{ links.rich(&t.definition) }</p>
                            { links.items(msg::guide_items(), t.items.iter().cloned()) }
                        </dd>
                    </div>
                }) }</dl>
            </>
        },
        "clauses" => html! {
            <>
                <h1 class="aims-h1">{ msg::guide_clauses() }</h1>
                <p class="aims-lead">{ msg::guide_clauses_lead() }</p>
                { for guide.explainers.iter().map(|e| {
                    let group = c.find_group(&e.group);
                    let title = group.map(|g| c.group(g).title.clone()).unwrap_or_default();
                    let items = group.map(|g| item_ids(c.group_items(g))).unwrap_or_default();
                    html! {
                        <section class="aims-panel aims-guide-section" id={format!("aims-g-{}", e.group)} tabindex="-1" aria-label={format!("{} {title}", e.group)}>
                            <h2 class="aims-h2">{ format!("{} {title}", e.group) }</h2>
                            <p>{ links.rich(&e.about) }</p>
                            <p><strong>{ msg::guide_auditors() }</strong>{ " " }{ links.rich(&e.auditors) }</p>
                            { links.items(msg::guide_items(), items) }
                        </section>
                    }
                }) }
            </>
        },
        id => {
            let p = guide.page(id)?;
            html! {
                <>
                    <h1 class="aims-h1">{ &p.title }</h1>
                    <p class="aims-lead">{ links.rich(&p.intro) }</p>
                    if id == "frameworks" && !guide.rows.is_empty() {
                        <div class="aims-table-wrap" tabindex="0" role="region" aria-label={msg::guide_comparison()}>
                            <table class="aims-table aims-table--stack aims-comparison">
                                <caption class="aims-sr">{ msg::guide_comparison() }</caption>
                                <thead><tr><th scope="col"></th>{ for guide.columns.iter().map(|h| html! { <th scope="col">{ h }</th> }) }</tr></thead>
                                <tbody>{ for guide.rows.iter().map(|(label, cells)| html! { <tr>
                                    <th scope="row">{ label }</th>
                                    { for cells.iter().enumerate().map(|(n, cell)| html! { <td data-label={guide.columns.get(n).cloned().unwrap_or_default()}>{ links.rich(cell) }</td> }) }
                                </tr> }) }</tbody>
                            </table>
                        </div>
                    }
                    { for p.sections.iter().map(|s| section(links, s, open)) }
                </>
            }
        }
    })
}

/// The guidance screen.
#[component]
pub fn GuideScreen(p: &GuideProps) -> Html {
    let state = use_app_state();
    let guide = use_guide(state.config.assets.clone());
    let navigator = use_navigator();
    let open = state.current.clone();
    let links = Links {
        navigator: navigator.clone(),
        open: open.as_ref().map(|a| a.id.clone()),
    };
    // Bring the anchor (a term, a group, a section) into view and focus it, once the
    // text is there. Searched from the screen's own element, so it works in a shadow root.
    let root = use_node_ref();
    {
        let ready = matches!(guide, GuideState::Ready(_));
        let root = root.clone();
        use_effect_with(
            (p.anchor.clone(), p.page.clone(), ready),
            move |(anchor, _, ready)| {
                let target = anchor.as_ref().filter(|_| *ready).and_then(|a| {
                    let selector = format!("[id=\"aims-g-{}\"]", clean_id(a));
                    root.cast::<web_sys::Element>()?
                        .query_selector(&selector)
                        .ok()
                        .flatten()
                });
                if let Some(el) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                    el.scroll_into_view();
                    let _ = el.focus();
                }
            },
        );
    }
    let menu = html! {
        <nav class="aims-subtabs" aria-label={msg::guide_label()}>
            <ul>{ for PAGES.iter().map(|(id, label)| html! {
                <li>{ route_link(&navigator, Route::GuidePage { page: (*id).into() }, "aims-subtab", html! { label() }, p.page == *id) }</li>
            }) }</ul>
        </nav>
    };
    let body = match &guide {
        GuideState::Loading => {
            html! { <p class="aims-muted" role="status">{ msg::guide_loading() }</p> }
        }
        GuideState::Failed(reason) => {
            html! { <p class="aims-alert" role="alert">{ tf(msg::guide_failed(), &[("reason", reason)]) }</p> }
        }
        GuideState::Ready(g) => match page_body(g, &p.page, &links, open.as_deref()) {
            Some(body) => {
                html! { <>{ body }<p class="aims-small aims-muted">{ tf(msg::guide_as_of(), &[("date", &g.as_of)]) }</p></> }
            }
            None => {
                html! { <crate::ui::pages::not_found::NotFound missing={crate::ui::pages::not_found::Missing::Page} /> }
            }
        },
    };
    html! {
        <div class="aims-screen aims-guide" ref={root}>
            { menu }
            { body }
        </div>
    }
}

/// Ids in the guide are kebab-case words and dotted group numbers; anything else (from
/// an address) is dropped so it cannot break the selector.
fn clean_id(id: &str) -> String {
    id.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '.')
        .collect()
}
