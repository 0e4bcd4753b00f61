//! The readiness report: one printable document for a board or an auditor: title,
//! summary with the verdict and blockers, claimed against evidenced readiness, the
//! charts, the gap table, the Statement of Applicability and the documents checklist,
//! each section starting on a new page in print, without navigation.

use super::report_tabs::ReportTabs;
use super::results::{blockers, gap_table, print, summary};
use super::soa::{soa_table, title_block};
use crate::engine::{Assessment, Catalog, Report};
use crate::ui::i18n::{msg, tf};
use crate::ui::route::AssessmentScreen;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`ReportScreen`].
#[derive(Properties, PartialEq)]
pub struct ReportProps {
    /// The open assessment.
    pub assessment: Rc<Assessment>,
    /// Its scores.
    pub report: Rc<Report>,
}

/// The documents checklist as a read-only table.
fn documents_table(a: &Assessment) -> Html {
    let c = Catalog::builtin();
    html! {
        <div class="aims-table-wrap">
            <table class="aims-table aims-table--stack">
                <thead><tr><th scope="col">{ msg::REPORT_DOC }</th><th scope="col">{ msg::REPORT_DOC_CLAUSE }</th><th scope="col">{ msg::REPORT_DOC_STATE }</th></tr></thead>
                <tbody>{ for c.document_ids().map(|d| {
                    let doc = c.document(d);
                    let state = if !a.document_required(c, d) {
                        msg::REPORT_DOC_NOT_REQUIRED
                    } else if a.document_present(d) {
                        msg::DOCS_PRESENT
                    } else {
                        msg::DOCS_MISSING
                    };
                    html! { <tr data-defect={super::flag(a.document_required(c, d) && !a.document_present(d))}>
                        <th scope="row" data-label={msg::REPORT_DOC}>{ &doc.title }</th>
                        <td data-label={msg::REPORT_DOC_CLAUSE}>{ &doc.clause }</td>
                        <td data-label={msg::REPORT_DOC_STATE}>{ state }</td>
                    </tr> }
                }) }</tbody>
            </table>
        </div>
    }
}

/// The printable readiness report.
#[component]
pub fn ReportScreen(p: &ReportProps) -> Html {
    let (a, r) = (&p.assessment, &p.report);
    let navigator = yew_router::prelude::use_navigator();
    let printed = crate::ui::clock::local_label(&crate::ui::clock::now());
    html! {
        <article class="aims-screen aims-report" aria-labelledby="aims-report-title">
            <ReportTabs id={a.id.clone()} current={AssessmentScreen::Report} />
            <div class="aims-screen-head aims-noprint">
                <p class="aims-lead">{ msg::REPORT_LEAD }</p>
                <button type="button" class="aims-btn aims-btn--primary" onclick={print()}>{ msg::RESULTS_PRINT }</button>
            </div>
            <header class="aims-report-cover">
                <p class="aims-muted">{ msg::REPORT_KICKER }</p>
                <h1 id="aims-report-title" class="aims-h1">{ tf(msg::REPORT_TITLE, &[("org", if a.organization.is_empty() { &a.name } else { &a.organization })]) }</h1>
                <p class="aims-muted">{ tf(msg::REPORT_PRINTED, &[("when", &printed)]) }</p>
                { title_block(a, None) }
                <p class="aims-small">{ msg::REPORT_DISCLAIMER }</p>
            </header>
            <section class="aims-report-section" aria-labelledby="aims-report-summary">
                <h2 id="aims-report-summary" class="aims-h2">{ msg::REPORT_SUMMARY }</h2>
                { summary(r, &navigator) }
            </section>
            <section class="aims-report-section aims-page-break" aria-labelledby="aims-report-blockers">
                <h2 id="aims-report-blockers" class="aims-h2">{ msg::RESULTS_BLOCKERS_HEADING }</h2>
                { blockers(r) }
            </section>
            <section class="aims-report-section aims-page-break" aria-labelledby="aims-report-gaps">
                <h2 id="aims-report-gaps" class="aims-h2">{ tf(msg::RESULTS_GAPS_TITLE, &[("n", &r.gaps.len().to_string())]) }</h2>
                { gap_table(a, r, usize::MAX) }
            </section>
            <section class="aims-report-section aims-page-break" aria-labelledby="aims-report-soa">
                <h2 id="aims-report-soa" class="aims-h2">{ msg::SOA_TITLE }</h2>
                { soa_table(a, None) }
            </section>
            <section class="aims-report-section aims-page-break" aria-labelledby="aims-report-docs">
                <h2 id="aims-report-docs" class="aims-h2">{ msg::DOCS_TITLE }</h2>
                <p>{ tf(msg::RESULTS_DOCUMENTS, &[("n", &r.documents_present.to_string()), ("total", &r.documents_total.to_string())]) }</p>
                { documents_table(a) }
            </section>
        </article>
    }
}
