//! The readiness report: one printable document for a board or an auditor: title,
//! summary with the verdict, conformity today and implementation maturity, the charts,
//! the blockers and warnings, the gap table, the Statement of Applicability and the documents checklist,
//! each section starting on a new page in print, without navigation.

use crate::engine::{Assessment, Score};
use crate::ui::components::result_tabs::ResultTabs;
use crate::ui::pages::results::{blockers, gap_table, print, summary};
use crate::ui::pages::soa::{soa_table, title_block};
use crate::ui::route::AssessmentScreen;
use crate::ui::services::i18n::{msg, tf};
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`ReadinessReportScreen`].
#[derive(Properties, PartialEq)]
pub struct ReadinessReportProps {
    /// The open assessment.
    pub assessment: Rc<Assessment>,
    /// Its scores.
    pub report: Rc<Score>,
}

/// The documents checklist as a read-only table.
fn documents_table(a: &Assessment) -> Html {
    let c = crate::ui::services::i18n::catalog();
    html! {
        <div class="aims-table-wrap">
            <table class="aims-table aims-table--stack">
                <thead><tr><th scope="col">{ msg::report_doc() }</th><th scope="col">{ msg::report_doc_clause() }</th><th scope="col">{ msg::report_doc_state() }</th></tr></thead>
                <tbody>{ for c.document_ids().map(|d| {
                    let doc = c.document(d);
                    let state = if !a.document_required(c, d) {
                        msg::report_doc_not_required()
                    } else if a.document_present(d) {
                        msg::docs_present()
                    } else {
                        msg::docs_missing()
                    };
                    html! { <tr data-defect={crate::ui::components::flag(a.document_required(c, d) && !a.document_present(d))}>
                        <th scope="row" data-label={msg::report_doc()}>{ &doc.title }</th>
                        <td data-label={msg::report_doc_clause()}>{ &doc.clause }</td>
                        <td data-label={msg::report_doc_state()}>{ state }</td>
                    </tr> }
                }) }</tbody>
            </table>
        </div>
    }
}

/// The printable readiness report.
#[component]
pub fn ReadinessReportScreen(p: &ReadinessReportProps) -> Html {
    let (a, r) = (&p.assessment, &p.report);
    let navigator = yew_router::prelude::use_navigator();
    let printed = crate::ui::services::clock::local_label(&crate::ui::services::clock::now());
    html! {
        <article class="aims-screen aims-report" aria-labelledby="aims-report-title">
            <ResultTabs id={a.id.clone()} current={AssessmentScreen::ReadinessReport} />
            <div class="aims-screen-head aims-noprint">
                <p class="aims-lead">{ msg::report_lead() }</p>
                <button type="button" class="aims-btn aims-btn--primary" onclick={print()}>{ msg::results_print() }</button>
            </div>
            <header class="aims-report-cover">
                <p class="aims-muted">{ msg::report_kicker() }</p>
                <h1 id="aims-report-title" class="aims-h1">{ tf(msg::report_title(), &[("org", if a.organization.is_empty() { &a.name } else { &a.organization })]) }</h1>
                <p class="aims-muted">{ tf(msg::report_printed(), &[("when", &printed)]) }</p>
                { title_block(a, None) }
                <p class="aims-small">{ msg::report_disclaimer() }</p>
            </header>
            <section class="aims-report-section" aria-labelledby="aims-report-summary">
                <h2 id="aims-report-summary" class="aims-h2">{ msg::report_summary() }</h2>
                { summary(r, &navigator) }
            </section>
            <section class="aims-report-section aims-page-break" aria-labelledby="aims-report-blockers">
                <h2 id="aims-report-blockers" class="aims-h2">{ msg::results_blockers_heading() }</h2>
                { blockers(a, r) }
            </section>
            <section class="aims-report-section aims-page-break" aria-labelledby="aims-report-gaps">
                <h2 id="aims-report-gaps" class="aims-h2">{ tf(msg::results_gaps_title(), &[("n", &r.gaps.len().to_string())]) }</h2>
                { gap_table(a, r, usize::MAX) }
            </section>
            <section class="aims-report-section aims-page-break" aria-labelledby="aims-report-soa">
                <h2 id="aims-report-soa" class="aims-h2">{ msg::soa_title() }</h2>
                { soa_table(a, None) }
            </section>
            <section class="aims-report-section aims-page-break" aria-labelledby="aims-report-docs">
                <h2 id="aims-report-docs" class="aims-h2">{ msg::docs_title() }</h2>
                <p>{ tf(msg::results_documents(), &[("n", &r.documents_present.to_string()), ("total", &r.documents_total.to_string())]) }</p>
                { documents_table(a) }
            </section>
        </article>
    }
}
