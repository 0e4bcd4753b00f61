//! Results: figures with their denominators, claimed against evidenced, the verdict and
//! its blockers, a chart per clause and control objective, and the top gaps.

use crate::engine::format::guide::terms;
use crate::engine::reports::plan::finding_words;
use crate::engine::rules::registers::{evidence_record, finding_record};
use crate::engine::rules::scoring::{Figure, GroupScore, Warning};
use crate::engine::{Assessment, Blocker, ItemId, ItemKind, Score, Stage, Verdict};
use crate::ui::components::nav::term_link;
use crate::ui::components::on_demand::{download_files, export_sealed};
use crate::ui::components::pct;
use crate::ui::components::result_tabs::ResultTabs;
use crate::ui::context::use_dispatch;
use crate::ui::route::AssessmentScreen;
use crate::ui::services::download::download_export;
use crate::ui::services::i18n::{msg, tf};
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::{use_navigator, Navigator};

/// Props of [`Results`].
#[derive(Properties, PartialEq)]
pub struct ResultsProps {
    /// The open assessment.
    pub assessment: Rc<Assessment>,
    /// Its scores.
    pub report: Rc<Score>,
}

/// A figure's card: conformity today as "n of N" with its percentage, maturity beneath,
/// and what the denominator leaves out.
fn figure_card(label: &'static str, f: &Figure) -> Html {
    html! {
        <div class="aims-stat">
            <p class="aims-stat-label">{ label }</p>
            <p class="aims-stat-value">{ pct(f.conformity) }</p>
            <p class="aims-stat-note aims-stat-strong">{ tf(msg::results_conforming(), &[("n", &f.conforming.to_string()), ("total", &f.in_scope.to_string())]) }</p>
            <p class="aims-stat-note">{ tf(msg::results_maturity(), &[("pct", &pct(f.maturity))]) }</p>
            <p class="aims-stat-note">{ tf(msg::results_over(), &[("answered", &f.answered.to_string()), ("total", &f.in_scope.to_string()), ("excluded", &f.excluded.to_string())]) }</p>
        </div>
    }
}

/// A horizontal bar chart of conformity today (the wide bar) and implementation maturity
/// (the thin one) per group, drawn as SVG.
fn chart(title: &'static str, rows: &[&GroupScore]) -> Html {
    // Each row: the group's name, then its conformity bar (with the figure) and its
    // maturity bar underneath. A narrow viewBox keeps the text legible on a phone. Integer
    // geometry: no floating-point formatting in the bundle.
    const ROW_H: usize = 46;
    const BAR_W: u32 = 330;
    let c = crate::ui::services::i18n::catalog();
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
                            <title>{ format!("{} {}: {} ({})", group.id, group.title, tf(msg::results_conforming(), &[("n", &g.figure.conforming.to_string()), ("total", &g.figure.in_scope.to_string())]), tf(msg::results_maturity(), &[("pct", &pct(g.figure.maturity))])) }</title>
                            <text x="0" y={(y + 13).to_string()} class="aims-svg-label">{ group.label() }</text>
                            <rect x="0" y={(y + 19).to_string()} width={BAR_W.to_string()} height="20" class="aims-svg-track" rx="3" />
                            <rect x="0" y={(y + 19).to_string()} width={bar(g.figure.conformity)} height="12" class="aims-svg-claimed" rx="2" />
                            <rect x="0" y={(y + 32).to_string()} width={bar(g.figure.maturity)} height="7" class="aims-svg-evidenced" rx="2" />
                            <text x={(BAR_W + 8).to_string()} y={(y + 34).to_string()} class="aims-svg-value">{ pct(g.figure.conformity) }</text>
                        </g>
                    }
                }) }
            </svg>
        </figure>
    }
}

fn item_label(i: ItemId) -> String {
    let c = crate::ui::services::i18n::catalog();
    c.item(i).label()
}

fn blocker_text(a: &Assessment, b: &Blocker) -> String {
    let c = crate::ui::services::i18n::catalog();
    let level = |i: ItemId, l: crate::engine::MaturityLevel, text: &str| {
        tf(text, &[("item", &item_label(i)), ("level", &l.to_string())])
    };
    match *b {
        Blocker::Unanswered(i) => tf(msg::blocker_unanswered(), &[("item", &item_label(i))]),
        Blocker::BelowMinimum(i, l) => level(i, l, msg::blocker_below_2()),
        Blocker::GateBelowUnderWay(i, l) => level(i, l, msg::blocker_gate_under_way()),
        Blocker::GateBelowAuditReady(i, l) => level(i, l, msg::blocker_gate()),
        Blocker::BelowAuditReady(i, l) => level(i, l, msg::blocker_below_3()),
        Blocker::NoEvidence(i) => tf(msg::blocker_no_evidence(), &[("item", &item_label(i))]),
        Blocker::InconsistentClaim { item, basis } => tf(
            msg::blocker_inconsistent(),
            &[("item", &item_label(item)), ("basis", &item_label(basis))],
        ),
        Blocker::ExclusionConflict { control, clause } => tf(
            msg::blocker_exclusion_conflict(),
            &[
                ("item", &item_label(control)),
                ("clause", &c.item(clause).id),
            ],
        ),
        Blocker::SoaDefect(i) => tf(msg::blocker_soa(), &[("item", &item_label(i))]),
        Blocker::SoaMissingReason(i) => tf(msg::blocker_soa_reason(), &[("item", &item_label(i))]),
        Blocker::SoaNoScope => msg::blocker_soa_no_scope().to_owned(),
        Blocker::OwnControlIncomplete(n) => tf(
            msg::blocker_own_control(),
            &[("id", a.additional.get(n).map_or("", |own| own.id.as_str()))],
        ),
        Blocker::MissingDocument(d) => tf(
            msg::blocker_document(),
            &[
                ("doc", &c.document(d).title),
                ("clause", &c.document(d).clause),
            ],
        ),
        Blocker::Register(f) => {
            let name = finding_record(&a.registers, f).map_or("", |(_, name)| name);
            finding_words(c, f, name, crate::ui::services::i18n::texts())
        }
    }
}

fn warning_text(a: &Assessment, w: &Warning) -> String {
    let c = crate::ui::services::i18n::catalog();
    match *w {
        Warning::DocumentWithoutPractice {
            document,
            item,
            level,
        } => tf(
            msg::warning_document_without_practice(),
            &[
                ("doc", &c.document(document).title),
                ("item", &item_label(item)),
                ("level", &level.to_string()),
            ],
        ),
        Warning::NoAiRoleInScope => msg::warning_no_ai_role().to_owned(),
        Warning::StaleEvidence(n) => tf(
            msg::warning_stale_evidence(),
            &[("name", evidence_record(&a.registers, n).1)],
        ),
    }
}

/// The verdict, the figures with their denominators, the rule, and the charts per
/// clause and control objective (the results screen and the printed report).
pub fn summary(r: &Score, nav: &Option<Navigator>) -> Html {
    let c = crate::ui::services::i18n::catalog();
    let (verdict_class, verdict_key, verdict_help) = match r.verdict {
        Verdict::Ready => ("ready", msg::verdict_ready(), msg::verdict_ready_help()),
        Verdict::Stage1Ready => (
            "close",
            msg::verdict_stage1_ready(),
            msg::verdict_stage1_ready_help(),
        ),
        Verdict::NotReady => (
            "not",
            msg::verdict_not_ready(),
            msg::verdict_not_ready_help(),
        ),
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
                <p class="aims-verdict-label">{ msg::results_verdict() }{ term_link(nav, terms::VERDICT) }</p>
                <p class="aims-verdict-value">{ verdict_key }</p>
                <p>{ verdict_help }{ term_link(nav, terms::BLOCKER) }</p>
            </div>
            <div class="aims-stats">
                <div class="aims-stat aims-stat--headline">
                    <p class="aims-stat-label">{ msg::results_overall() }{ term_link(nav, terms::READINESS) }</p>
                    <p class="aims-stat-value">{ pct(r.overall.conformity) }</p>
                    <p class="aims-stat-note aims-stat-strong">{ tf(msg::results_conforming(), &[("n", &r.overall.conforming.to_string()), ("total", &r.overall.in_scope.to_string())]) }</p>
                    <p class="aims-stat-note">{ tf(msg::results_excluded_note(), &[("n", &r.overall.excluded.to_string())]) }</p>
                    if r.overall.estimates > 0 {
                        <p class="aims-stat-note aims-stat-warn">{ tf(msg::results_estimates_note(), &[("n", &r.overall.estimates.to_string())]) }</p>
                    }
                </div>
                { figure_card(msg::results_clauses(), &r.clauses) }
                { figure_card(msg::results_annex(), &r.annex_a) }
                <div class="aims-stat">
                    <p class="aims-stat-label">{ msg::results_maturity_title() }</p>
                    <p class="aims-stat-value">{ pct(r.overall.maturity) }</p>
                    <p class="aims-stat-note">{ tf(msg::results_maturity_note(), &[("pct", &pct(r.overall.evidenced))]) }</p>
                </div>
                <div class="aims-stat">
                    <p class="aims-stat-label">{ msg::results_coverage() }{ term_link(nav, terms::COVERAGE) }</p>
                    <p class="aims-stat-value">{ pct(r.overall.coverage()) }</p>
                    <p class="aims-stat-note">{ tf(msg::results_coverage_note(), &[("answered", &r.overall.answered.to_string()), ("total", &r.overall.in_scope.to_string())]) }</p>
                    <p class="aims-stat-note">{ tf(msg::results_documents(), &[("n", &r.documents_present.to_string()), ("total", &r.documents_total.to_string())]) }</p>
                </div>
                <div class="aims-stat">
                    <p class="aims-stat-label">{ msg::results_target_progress() }</p>
                    <p class="aims-stat-value">{ pct(r.overall.target_progress) }</p>
                    <p class="aims-stat-note">{ msg::results_target_progress_note() }</p>
                </div>
            </div>
            <p class="aims-rule">{ msg::results_rule() }{ term_link(nav, terms::READINESS) }</p>
            <div class="aims-legend" aria-hidden="true">
                <span><span class="aims-swatch aims-swatch--claimed"></span>{ msg::results_legend_claimed() }</span>
                <span><span class="aims-swatch aims-swatch--evidenced"></span>{ msg::results_legend_evidenced() }</span>
            </div>
            <div class="aims-grid-2">
                { chart(msg::results_chart_clauses(), &clauses) }
                { chart(msg::results_chart_annex(), &controls) }
            </div>
        </>
    }
}

/// The gaps below target, highest priority first (`limit` rows at most).
pub fn gap_table(a: &Assessment, r: &Score, limit: usize) -> Html {
    html! {
        if r.gaps.is_empty() {
            <p class="aims-empty">{ msg::results_no_gaps() }</p>
        } else {
            <div class="aims-table-wrap">
                <table class="aims-table aims-table--stack">
                    <thead><tr><th scope="col">{ msg::results_gap_item() }</th><th scope="col">{ msg::results_gap_current() }</th><th scope="col">{ msg::results_gap_target() }</th><th scope="col">{ msg::results_gap_priority() }</th><th scope="col">{ msg::results_gap_owner() }</th></tr></thead>
                    <tbody>
                        { for r.gaps.iter().take(limit).map(|g| {
                            let ans = a.answer(g.item);
                            html! { <tr>
                                <th scope="row">{ item_label(g.item) }</th>
                                <td data-label={msg::results_gap_current()}>{ g.current.map_or_else(|| msg::item_unanswered().to_owned(), |l| l.to_string()) }</td>
                                <td data-label={msg::results_gap_target()}>{ g.target.number() }</td>
                                <td data-label={msg::results_gap_priority()}>{ crate::engine::model::decimal::format_fixed(u64::from(g.priority), 2) }</td>
                                <td data-label={msg::results_gap_owner()}>{ &ans.owner }{ ans.due.map(|d| format!(" · {}", crate::ui::services::clock::date_label(d))).unwrap_or_default() }</td>
                            </tr> }
                        }) }
                    </tbody>
                </table>
            </div>
        }
    }
}

/// What stands between the assessment and each audit stage.
pub fn blockers(a: &Assessment, r: &Score) -> Html {
    let c = crate::ui::services::i18n::catalog();
    let (stage1, stage2): (Vec<&Blocker>, Vec<&Blocker>) =
        r.blockers.iter().partition(|b| b.stage(c) == Stage::One);
    let blocker_list = |id: &'static str, title: &'static str, list: &[&Blocker]| {
        html! {
            <section class="aims-blocker-stage" aria-labelledby={id}>
                <h3 class="aims-h3" {id}>{ tf(title, &[("n", &list.len().to_string())]) }</h3>
                if list.is_empty() {
                    <p class="aims-empty">{ msg::results_stage_none() }</p>
                } else {
                    <ul class="aims-blockers" tabindex="0" aria-labelledby={id}>{ for list.iter().map(|b| html! { <li>{ blocker_text(a, b) }</li> }) }</ul>
                }
            </section>
        }
    };
    html! {
        <>
            { blocker_list("aims-stage1-title", msg::results_stage1_title(), &stage1) }
            { blocker_list("aims-stage2-title", msg::results_stage2_title(), &stage2) }
            if !r.warnings.is_empty() {
                <section class="aims-blocker-stage" aria-labelledby="aims-warnings-title">
                    <h3 class="aims-h3" id="aims-warnings-title">{ tf(msg::results_warnings_title(), &[("n", &r.warnings.len().to_string())]) }</h3>
                    <ul class="aims-blockers" tabindex="0" aria-labelledby="aims-warnings-title">{ for r.warnings.iter().map(|w| html! { <li>{ warning_text(a, w) }</li> }) }</ul>
                </section>
            }
        </>
    }
}

/// The results screen.
#[component]
pub fn Results(p: &ResultsProps) -> Html {
    let r = &p.report;
    let navigator = use_navigator();
    let (state, act) = (crate::ui::context::use_app_state(), use_dispatch());
    let on_export = {
        let (a, done) = (p.assessment.clone(), use_dispatch());
        Callback::from(move |_: MouseEvent| download_export(&a, &done))
    };
    // What the on-demand modules show (the encrypted export's form, "Loading…") goes
    // here.
    let modules = use_node_ref();
    let prefix = crate::config::storage_prefix(&state.config.namespace);
    let on_seal = {
        let (a, act, root) = (p.assessment.clone(), act.clone(), modules.clone());
        let prefix = prefix.clone();
        Callback::from(move |_: MouseEvent| {
            let act = act.clone();
            export_sealed(&root, &prefix, &a, move || {
                act.emit(crate::ui::state::Action::Exported)
            })
        })
    };
    let files = |kind: &'static str| {
        let (a, root, prefix) = (p.assessment.clone(), modules.clone(), prefix.clone());
        Callback::from(move |_: MouseEvent| download_files(&root, &prefix, &a, kind))
    };
    html! {
        <section class="aims-screen aims-results" aria-labelledby="aims-results-title">
            <ResultTabs id={p.assessment.id.clone()} current={AssessmentScreen::Results} />
            <div class="aims-screen-head">
                <h1 id="aims-results-title" class="aims-h1">{ msg::results_title() }</h1>
                <div class="aims-actions aims-noprint">
                    <button type="button" class="aims-btn" onclick={print()}>{ msg::results_print() }</button>
                    <button type="button" class="aims-btn" onclick={on_export}>{ msg::results_export() }</button>
                    <button type="button" class="aims-btn" onclick={on_seal}>{ msg::results_export_sealed() }</button>
                    <button type="button" class="aims-btn" onclick={files("pack")}>{ msg::results_pack() }</button>
                    <button type="button" class="aims-btn" onclick={files("oscal")}>{ msg::results_oscal() }</button>
                    <button type="button" class="aims-btn" onclick={files("ciso")}>{ msg::results_ciso() }</button>
                </div>
            </div>
            <div class="aims-noprint" ref={modules}></div>
            <p class="aims-print-only">{ format!("{} · {} · {}", p.assessment.name, p.assessment.organization, crate::ui::services::clock::local_label(&p.assessment.updated)) }</p>
            { summary(r, &navigator) }
            <h2 class="aims-h2">{ tf(msg::results_gaps_title(), &[("n", &r.gaps.len().to_string())]) }</h2>
            { gap_table(&p.assessment, r, 15) }
            <h2 class="aims-h2">{ msg::results_blockers_heading() }</h2>
            { blockers(&p.assessment, r) }
            <div class="aims-noprint">{ crate::ui::components::shared_file::shared_file_panel(&state, &act) }</div>
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
