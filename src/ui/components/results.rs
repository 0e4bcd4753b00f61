//! Results: figures with their denominators, claimed against evidenced, the verdict and
//! its blockers, a chart per clause and control objective, and the top gaps.

use super::nav::term_link;
use super::pct;
use super::report_tabs::ReportTabs;
use crate::engine::guide::terms;
use crate::engine::scoring::{Figure, GroupScore};
use crate::engine::{Assessment, Blocker, Catalog, ItemId, ItemKind, Report, Stage, Verdict};
use crate::ui::context::use_dispatch;
use crate::ui::download::download_export;
use crate::ui::i18n::{msg, tf};
use crate::ui::route::AssessmentScreen;
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::{use_navigator, Navigator};

/// Props of [`Results`].
#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    /// The open assessment.
    pub assessment: Rc<Assessment>,
    /// Its scores.
    pub report: Rc<Report>,
}

fn figure_card(label: &'static str, f: &Figure) -> Html {
    html! {
        <div class="aims-stat">
            <p class="aims-stat-label">{ label }</p>
            <p class="aims-stat-value">{ pct(f.readiness) }</p>
            <p class="aims-stat-note">{ tf(msg::RESULTS_EVIDENCED, &[("pct", &pct(f.evidenced))]) }</p>
            <p class="aims-stat-note">{ tf(msg::RESULTS_OVER, &[("answered", &f.answered.to_string()), ("total", &f.in_scope.to_string()), ("excluded", &f.excluded.to_string())]) }</p>
        </div>
    }
}

/// A horizontal bar chart of claimed and evidenced readiness per group, drawn as SVG.
fn chart(title: &'static str, rows: &[&GroupScore]) -> Html {
    // Each row: the group's name, then its claimed bar (with the figure) and its evidenced
    // bar underneath. A narrow viewBox keeps the text legible on a phone. Integer
    // geometry: no floating-point formatting in the bundle.
    const ROW_H: usize = 46;
    const BAR_W: u32 = 330;
    let c = Catalog::builtin();
    let height = rows.len() * ROW_H;
    let bar = |p: Option<crate::engine::Percent>| {
        (BAR_W * u32::from(p.map_or(0, |p| p.tenths())) / 1000).to_string()
    };
    html! {
        <figure class="aims-chart">
            <figcaption class="aims-h3">{ title }</figcaption>
            <svg viewBox={format!("0 0 400 {height}")} role="img" aria-label={title} class="aims-svg">
                { for rows.iter().enumerate().map(|(i, g)| {
                    let y = i * ROW_H;
                    let group = c.group(g.group);
                    html! {
                        <g>
                            <title>{ format!("{} {}: {} ({})", group.id, group.title, pct(g.figure.readiness), tf(msg::RESULTS_EVIDENCED, &[("pct", &pct(g.figure.evidenced))])) }</title>
                            <text x="0" y={(y + 13).to_string()} class="aims-svg-label">{ format!("{} {}", group.id, group.title) }</text>
                            <rect x="0" y={(y + 19).to_string()} width={BAR_W.to_string()} height="20" class="aims-svg-track" rx="3" />
                            <rect x="0" y={(y + 19).to_string()} width={bar(g.figure.readiness)} height="12" class="aims-svg-claimed" rx="2" />
                            <rect x="0" y={(y + 32).to_string()} width={bar(g.figure.evidenced)} height="7" class="aims-svg-evidenced" rx="2" />
                            <text x={(BAR_W + 8).to_string()} y={(y + 34).to_string()} class="aims-svg-value">{ pct(g.figure.readiness) }</text>
                        </g>
                    }
                }) }
            </svg>
        </figure>
    }
}

fn item_label(i: ItemId) -> String {
    let c = Catalog::builtin();
    format!("{} {}", c.item(i).id, c.item(i).title)
}

fn blocker_text(b: &Blocker) -> String {
    let c = Catalog::builtin();
    match *b {
        Blocker::Unanswered(i) => tf(msg::BLOCKER_UNANSWERED, &[("item", &item_label(i))]),
        Blocker::BelowMinimum(i, l) => tf(
            msg::BLOCKER_BELOW_2,
            &[("item", &item_label(i)), ("level", &l.to_string())],
        ),
        Blocker::GateBelowAuditReady(i, l) => tf(
            msg::BLOCKER_GATE,
            &[("item", &item_label(i)), ("level", &l.to_string())],
        ),
        Blocker::BelowAuditReady(i, l) => tf(
            msg::BLOCKER_BELOW_3,
            &[("item", &item_label(i)), ("level", &l.to_string())],
        ),
        Blocker::NoEvidence(i) => tf(msg::BLOCKER_NO_EVIDENCE, &[("item", &item_label(i))]),
        Blocker::SoaDefect(i) => tf(msg::BLOCKER_SOA, &[("item", &item_label(i))]),
        Blocker::SoaMissingReason(i) => tf(msg::BLOCKER_SOA_REASON, &[("item", &item_label(i))]),
        Blocker::MissingDocument(d) => tf(
            msg::BLOCKER_DOCUMENT,
            &[
                ("doc", &c.document(d).title),
                ("clause", &c.document(d).clause),
            ],
        ),
    }
}

/// The verdict, the figures with their denominators, the rule, and the charts per
/// clause and control objective (the results screen and the printed report).
pub fn summary(r: &Report, nav: &Option<Navigator>) -> Html {
    let c = Catalog::builtin();
    let (verdict_class, verdict_key, verdict_help) = match r.verdict {
        Verdict::Ready => ("ready", msg::VERDICT_READY, msg::VERDICT_READY_HELP),
        Verdict::Stage1Ready => (
            "close",
            msg::VERDICT_STAGE1_READY,
            msg::VERDICT_STAGE1_READY_HELP,
        ),
        Verdict::NotReady => ("not", msg::VERDICT_NOT_READY, msg::VERDICT_NOT_READY_HELP),
    };
    let top: Vec<&GroupScore> = r
        .groups
        .iter()
        .filter(|g| c.group_parent(g.group).is_none())
        .collect();
    let (clauses, controls): (Vec<&GroupScore>, Vec<&GroupScore>) = top
        .into_iter()
        .partition(|g| c.group(g.group).kind == ItemKind::Clause);
    html! {
        <>
            <div class="aims-verdict" data-verdict={verdict_class}>
                <p class="aims-verdict-label">{ msg::RESULTS_VERDICT }{ term_link(nav, terms::VERDICT) }</p>
                <p class="aims-verdict-value">{ verdict_key }</p>
                <p>{ verdict_help }{ term_link(nav, terms::BLOCKER) }</p>
            </div>
            <div class="aims-stats">
                { figure_card(msg::RESULTS_OVERALL, &r.overall) }
                { figure_card(msg::RESULTS_CLAUSES, &r.clauses) }
                { figure_card(msg::RESULTS_ANNEX, &r.annex_a) }
                <div class="aims-stat">
                    <p class="aims-stat-label">{ msg::RESULTS_COVERAGE }{ term_link(nav, terms::COVERAGE) }</p>
                    <p class="aims-stat-value">{ pct(r.overall.coverage()) }</p>
                    <p class="aims-stat-note">{ tf(msg::RESULTS_COVERAGE_NOTE, &[("answered", &r.overall.answered.to_string()), ("total", &r.overall.in_scope.to_string())]) }</p>
                    <p class="aims-stat-note">{ tf(msg::RESULTS_DOCUMENTS, &[("n", &r.documents_present.to_string()), ("total", &r.documents_total.to_string())]) }</p>
                </div>
                <div class="aims-stat">
                    <p class="aims-stat-label">{ msg::RESULTS_TARGET_PROGRESS }</p>
                    <p class="aims-stat-value">{ pct(r.overall.target_progress) }</p>
                    <p class="aims-stat-note">{ msg::RESULTS_TARGET_PROGRESS_NOTE }</p>
                </div>
            </div>
            <p class="aims-rule">{ msg::RESULTS_RULE }{ term_link(nav, terms::READINESS) }</p>
            <div class="aims-legend" aria-hidden="true">
                <span><span class="aims-swatch aims-swatch--claimed"></span>{ msg::RESULTS_LEGEND_CLAIMED }</span>
                <span><span class="aims-swatch aims-swatch--evidenced"></span>{ msg::RESULTS_LEGEND_EVIDENCED }</span>
            </div>
            <div class="aims-grid-2">
                { chart(msg::RESULTS_CHART_CLAUSES, &clauses) }
                { chart(msg::RESULTS_CHART_ANNEX, &controls) }
            </div>
        </>
    }
}

/// The gaps below target, highest priority first (`limit` rows at most).
pub fn gap_table(a: &Assessment, r: &Report, limit: usize) -> Html {
    html! {
        if r.gaps.is_empty() {
            <p class="aims-empty">{ msg::RESULTS_NO_GAPS }</p>
        } else {
            <div class="aims-table-wrap">
                <table class="aims-table aims-table--stack">
                    <thead><tr><th scope="col">{ msg::RESULTS_GAP_ITEM }</th><th scope="col">{ msg::RESULTS_GAP_CURRENT }</th><th scope="col">{ msg::RESULTS_GAP_TARGET }</th><th scope="col">{ msg::RESULTS_GAP_PRIORITY }</th><th scope="col">{ msg::RESULTS_GAP_OWNER }</th></tr></thead>
                    <tbody>
                        { for r.gaps.iter().take(limit).map(|g| {
                            let ans = a.answer(g.item);
                            html! { <tr>
                                <th scope="row">{ item_label(g.item) }</th>
                                <td data-label={msg::RESULTS_GAP_CURRENT}>{ g.current.map_or_else(|| msg::ITEM_UNANSWERED.to_owned(), |l| l.to_string()) }</td>
                                <td data-label={msg::RESULTS_GAP_TARGET}>{ g.target.number() }</td>
                                <td data-label={msg::RESULTS_GAP_PRIORITY}>{ crate::engine::json::format_fixed(u64::from(g.priority), 2) }</td>
                                <td data-label={msg::RESULTS_GAP_OWNER}>{ &ans.owner }{ ans.due.map(|d| format!(" · {d}")).unwrap_or_default() }</td>
                            </tr> }
                        }) }
                    </tbody>
                </table>
            </div>
        }
    }
}

/// What stands between the assessment and each audit stage.
pub fn blockers(r: &Report) -> Html {
    let c = Catalog::builtin();
    let (stage1, stage2): (Vec<&Blocker>, Vec<&Blocker>) =
        r.blockers.iter().partition(|b| b.stage(c) == Stage::One);
    let blocker_list = |id: &'static str, title: &'static str, list: &[&Blocker]| {
        html! {
            <section class="aims-blocker-stage" aria-labelledby={id}>
                <h3 class="aims-h3" {id}>{ tf(title, &[("n", &list.len().to_string())]) }</h3>
                if list.is_empty() {
                    <p class="aims-empty">{ msg::RESULTS_STAGE_NONE }</p>
                } else {
                    <ul class="aims-blockers" tabindex="0" aria-labelledby={id}>{ for list.iter().map(|b| html! { <li>{ blocker_text(b) }</li> }) }</ul>
                }
            </section>
        }
    };
    html! {
        <>
            { blocker_list("aims-stage1-title", msg::RESULTS_STAGE1_TITLE, &stage1) }
            { blocker_list("aims-stage2-title", msg::RESULTS_STAGE2_TITLE, &stage2) }
        </>
    }
}

/// The results screen.
#[component]
pub fn Results(p: &ResultsProps) -> Html {
    let r = &p.report;
    let navigator = use_navigator();
    let on_export = {
        let (a, done) = (p.assessment.clone(), use_dispatch());
        Callback::from(move |_: MouseEvent| download_export(&a, &done))
    };
    let on_oscal = {
        let a = p.assessment.clone();
        Callback::from(move |_: MouseEvent| {
            let text = crate::engine::oscal::assessment_results(Catalog::builtin(), &a);
            let name = crate::ui::download::export_filename(
                &format!("{} oscal", a.name),
                a.updated.as_str(),
            );
            crate::ui::download::download(&name, "application/json", &text);
        })
    };
    html! {
        <section class="aims-screen aims-results" aria-labelledby="aims-results-title">
            <ReportTabs id={p.assessment.id.clone()} current={AssessmentScreen::Results} />
            <div class="aims-screen-head">
                <h1 id="aims-results-title" class="aims-h1">{ msg::RESULTS_TITLE }</h1>
                <div class="aims-actions aims-noprint">
                    <button type="button" class="aims-btn" onclick={print()}>{ msg::RESULTS_PRINT }</button>
                    <button type="button" class="aims-btn" onclick={on_export}>{ msg::RESULTS_EXPORT }</button>
                    <button type="button" class="aims-btn" onclick={on_oscal}>{ msg::RESULTS_OSCAL }</button>
                </div>
            </div>
            <p class="aims-print-only">{ format!("{} · {} · {}", p.assessment.name, p.assessment.organization, crate::ui::clock::local_label(&p.assessment.updated)) }</p>
            { summary(r, &navigator) }
            <h2 class="aims-h2">{ tf(msg::RESULTS_GAPS_TITLE, &[("n", &r.gaps.len().to_string())]) }</h2>
            { gap_table(&p.assessment, r, 15) }
            <h2 class="aims-h2">{ msg::RESULTS_BLOCKERS_HEADING }</h2>
            { blockers(r) }
        </section>
    }
}

/// A click handler that opens the browser's print dialog.
pub fn print() -> Callback<MouseEvent> {
    Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    })
}
