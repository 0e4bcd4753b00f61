//! Results: figures with their denominators, claimed against evidenced, the verdict and
//! its blockers, a chart per clause and control objective, and the top gaps.

use super::pct;
use crate::engine::scoring::{Figure, GroupScore};
use crate::engine::{Assessment, Blocker, Catalog, ItemKind, Report, Verdict};
use crate::ui::i18n::{t, tf};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`Results`].
#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    /// The open assessment.
    pub assessment: Rc<Assessment>,
    /// Its scores.
    pub report: Rc<Report>,
    /// Export the assessment.
    pub on_export: Callback<()>,
}

fn figure_card(label: &'static str, f: &Figure) -> Html {
    html! {
        <div class="aims-stat">
            <p class="aims-stat-label">{ t(label) }</p>
            <p class="aims-stat-value">{ pct(f.readiness) }</p>
            <p class="aims-stat-note">{ tf("results.evidenced", &[("pct", &pct(f.evidenced))]) }</p>
            <p class="aims-stat-note">{ tf("results.over", &[("answered", &f.answered.to_string()), ("total", &f.in_scope.to_string()), ("excluded", &f.excluded.to_string())]) }</p>
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
            <figcaption class="aims-h3">{ t(title) }</figcaption>
            <svg viewBox={format!("0 0 400 {height}")} role="img" aria-label={t(title)} class="aims-svg">
                { for rows.iter().enumerate().map(|(i, g)| {
                    let y = i * ROW_H;
                    let group = c.group(g.group);
                    html! {
                        <g>
                            <title>{ format!("{} {}: {} ({})", group.id, group.title, pct(g.figure.readiness), tf("results.evidenced", &[("pct", &pct(g.figure.evidenced))])) }</title>
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

/// The results screen.
#[component]
pub fn Results(p: &ResultsProps) -> Html {
    let c = Catalog::builtin();
    let r = &p.report;
    let (verdict_class, verdict_key, verdict_help) = match r.verdict {
        Verdict::Ready => ("ready", "verdict.ready", "verdict.ready_help"),
        Verdict::Close => ("close", "verdict.close", "verdict.close_help"),
        Verdict::NotReady => ("not", "verdict.not_ready", "verdict.not_ready_help"),
    };
    let top: Vec<&GroupScore> = r
        .groups
        .iter()
        .filter(|g| c.group_parent(g.group).is_none())
        .collect();
    let (clauses, controls): (Vec<&GroupScore>, Vec<&GroupScore>) = top
        .into_iter()
        .partition(|g| c.group(g.group).kind == ItemKind::Clause);
    let item_label = |i| format!("{} {}", c.item(i).id, c.item(i).title);
    let blocker_text = |b: &Blocker| match *b {
        Blocker::Unanswered(i) => tf("blocker.unanswered", &[("item", &item_label(i))]),
        Blocker::BelowMinimum(i, l) => tf(
            "blocker.below_2",
            &[("item", &item_label(i)), ("level", &l.to_string())],
        ),
        Blocker::BelowAuditReady(i, l) => tf(
            "blocker.below_3",
            &[("item", &item_label(i)), ("level", &l.to_string())],
        ),
        Blocker::SoaDefect(i) => tf("blocker.soa", &[("item", &item_label(i))]),
        Blocker::MissingDocument(d) => tf(
            "blocker.document",
            &[
                ("doc", &c.document(d).title),
                ("clause", &c.document(d).clause),
            ],
        ),
    };
    let on_print = Callback::from(|_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    });
    let on_export = p.on_export.clone();
    html! {
        <section class="aims-screen aims-results" aria-labelledby="aims-results-title">
            <div class="aims-screen-head">
                <h1 id="aims-results-title" class="aims-h1">{ t("results.title") }</h1>
                <div class="aims-actions aims-noprint">
                    <button type="button" class="aims-btn" onclick={on_print}>{ t("results.print") }</button>
                    <button type="button" class="aims-btn" onclick={Callback::from(move |_| on_export.emit(()))}>{ t("results.export") }</button>
                </div>
            </div>
            <p class="aims-print-only">{ format!("{} · {} · {}", p.assessment.name, p.assessment.organization, crate::ui::clock::local_label(&p.assessment.updated)) }</p>
            <div class="aims-verdict" data-verdict={verdict_class}>
                <p class="aims-verdict-label">{ t("results.verdict") }</p>
                <p class="aims-verdict-value">{ t(verdict_key) }</p>
                <p>{ t(verdict_help) }</p>
            </div>
            <div class="aims-stats">
                { figure_card("results.overall", &r.overall) }
                { figure_card("results.clauses", &r.clauses) }
                { figure_card("results.annex", &r.annex_a) }
                <div class="aims-stat">
                    <p class="aims-stat-label">{ t("results.coverage") }</p>
                    <p class="aims-stat-value">{ pct(r.overall.coverage()) }</p>
                    <p class="aims-stat-note">{ tf("results.coverage_note", &[("answered", &r.overall.answered.to_string()), ("total", &r.overall.in_scope.to_string())]) }</p>
                    <p class="aims-stat-note">{ tf("results.documents", &[("n", &r.documents_present.to_string()), ("total", &c.document_count().to_string())]) }</p>
                </div>
            </div>
            <p class="aims-rule">{ t("results.rule") }</p>
            <div class="aims-legend" aria-hidden="true">
                <span><span class="aims-swatch aims-swatch--claimed"></span>{ t("results.legend_claimed") }</span>
                <span><span class="aims-swatch aims-swatch--evidenced"></span>{ t("results.legend_evidenced") }</span>
            </div>
            <div class="aims-grid-2">
                { chart("results.chart_clauses", &clauses) }
                { chart("results.chart_annex", &controls) }
            </div>
            <h2 class="aims-h2">{ tf("results.gaps_title", &[("n", &r.gaps.len().to_string())]) }</h2>
            if r.gaps.is_empty() {
                <p class="aims-empty">{ t("results.no_gaps") }</p>
            } else {
                <div class="aims-table-wrap">
                    <table class="aims-table">
                        <thead><tr><th scope="col">{ t("results.gap_item") }</th><th scope="col">{ t("results.gap_current") }</th><th scope="col">{ t("results.gap_target") }</th><th scope="col">{ t("results.gap_priority") }</th><th scope="col">{ t("results.gap_owner") }</th></tr></thead>
                        <tbody>
                            { for r.gaps.iter().take(15).map(|g| {
                                let a = p.assessment.answer(g.item);
                                html! { <tr>
                                    <th scope="row">{ item_label(g.item) }</th>
                                    <td>{ g.current.map_or_else(|| t("item.unanswered").to_owned(), |l| l.to_string()) }</td>
                                    <td>{ g.target.number() }</td>
                                    <td>{ crate::engine::json::format_fixed(u64::from(g.priority), 2) }</td>
                                    <td>{ &a.owner }{ a.due.map(|d| format!(" · {d}")).unwrap_or_default() }</td>
                                </tr> }
                            }) }
                        </tbody>
                    </table>
                </div>
            }
            <h2 class="aims-h2" id="aims-blockers-title">{ tf("results.blockers_title", &[("n", &r.blockers.len().to_string())]) }</h2>
            if r.blockers.is_empty() {
                <p class="aims-empty">{ t("results.no_blockers") }</p>
            } else {
                <ul class="aims-blockers" tabindex="0" aria-labelledby="aims-blockers-title">{ for r.blockers.iter().map(|b| html! { <li>{ blocker_text(b) }</li> }) }</ul>
            }
        </section>
    }
}
