//! The Statement of Applicability as a document: title block, the defects an auditor
//! would raise, one row per Annex A control (and per control of the organization's
//! own), CSV download and print. The rows come from `engine::reports::soa`, like the CSV.

use crate::engine::reports::soa::{self, Defect, Row};
use crate::engine::{Assessment, Edit};
use crate::ui::components::result_tabs::ResultTabs;
use crate::ui::components::{event_value, send};
use crate::ui::context::use_dispatch;
use crate::ui::pages::results::print;
use crate::ui::route::AssessmentScreen;
use crate::ui::services::download::download_report;
use crate::ui::services::i18n::{msg, tf};
use crate::ui::state::Action;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`SoaScreen`].
#[derive(Properties, PartialEq)]
pub struct SoaProps {
    /// The open assessment.
    pub assessment: Rc<Assessment>,
}

/// The defects of the Statement of Applicability in one sentence.
fn defect_summary(rows: &[Row]) -> Html {
    let count = |d: Defect| rows.iter().filter(|r| r.defects.contains(&d)).count();
    let total: usize = rows.iter().map(|r| r.defects.len()).sum();
    if total == 0 {
        return html! { <p class="aims-tag aims-tag--ok aims-soa-summary">{ msg::soa_no_defects() }</p> };
    }
    html! {
        <p class="aims-callout aims-soa-summary" role="note">{ tf(msg::soa_defects(), &[
            ("n", &total.to_string()),
            ("exclusions", &count(Defect::ExclusionWithoutJustification).to_string()),
            ("reasons", &count(Defect::InclusionWithoutReason).to_string()),
            ("status", &count(Defect::NoStatus).to_string()),
        ]) }</p>
    }
}

/// The table of controls. With `act`, a control without a reason offers the risk
/// treatment's reason in one click (the person still chooses it).
pub fn soa_table(a: &Assessment, act: Option<&Callback<Action>>) -> Html {
    let c = crate::ui::services::i18n::catalog();
    let rows = soa::rows(c, a, crate::ui::services::clock::today());
    let row = |r: &Row| {
        let item = c.item(r.control);
        let applicable = if r.applicable {
            msg::soa_yes()
        } else {
            msg::soa_no()
        };
        let suggest = act.filter(|_| r.defects.contains(&Defect::InclusionWithoutReason));
        html! {
            <tr data-defect={crate::ui::components::flag(!r.defects.is_empty())}>
                <th scope="row" data-label={msg::soa_col_control()}>{ &item.id }{ " " }<span class="aims-soa-title">{ &item.title }</span></th>
                <td data-label={msg::soa_col_applicable()}>{ applicable }</td>
                <td data-label={msg::soa_col_justification()}>
                    { r.reason(crate::ui::services::i18n::texts()) }
                    if let Some(act) = suggest {
                        <button type="button" class="aims-btn aims-btn--small aims-noprint"
                            onclick={send(act, Action::Edit(Edit::Justification(r.control, msg::soa_default_reason().to_owned())))}>{ msg::soa_use_default() }</button>
                    }
                </td>
                <td data-label={msg::soa_col_status()}>{ r.status.words(crate::ui::services::i18n::texts()) }</td>
                <td data-label={msg::soa_col_owner()}>{ r.owner }{ r.due.map(|d| format!(" · {}", crate::ui::services::clock::date_label(d))).unwrap_or_default() }</td>
                <td data-label={msg::soa_col_evidence()}>{ r.evidence.join("; ") }</td>
                if !r.defects.is_empty() {
                    <td data-label={msg::soa_col_defects()} class="aims-soa-defect">{ r.defects.iter().map(|d| d.words(crate::ui::services::i18n::texts())).collect::<Vec<_>>().join("; ") }</td>
                } else {
                    <td data-label={msg::soa_col_defects()}></td>
                }
            </tr>
        }
    };
    html! {
        <>
            { defect_summary(&rows) }
            <div class="aims-table-wrap">
                <table class="aims-table aims-table--stack aims-soa-table">
                    <thead><tr>
                        <th scope="col">{ msg::soa_col_control() }</th><th scope="col">{ msg::soa_col_applicable() }</th>
                        <th scope="col">{ msg::soa_col_justification() }</th><th scope="col">{ msg::soa_col_status() }</th>
                        <th scope="col">{ msg::soa_col_owner() }</th><th scope="col">{ msg::soa_col_evidence() }</th>
                        <th scope="col">{ msg::soa_col_defects() }</th>
                    </tr></thead>
                    <tbody>{ for rows.iter().map(row) }</tbody>
                </table>
            </div>
            if !a.additional.is_empty() {
                <h3 class="aims-h3">{ msg::soa_additional() }</h3>
                <div class="aims-table-wrap">
                    <table class="aims-table aims-table--stack">
                        <thead><tr><th scope="col">{ msg::soa_col_control() }</th><th scope="col">{ msg::soa_col_justification() }</th><th scope="col">{ msg::soa_col_status() }</th><th scope="col">{ msg::soa_col_owner() }</th></tr></thead>
                        <tbody>{ for a.additional.iter().map(|x| html! { <tr>
                            <th scope="row" data-label={msg::soa_col_control()}>{ format!("{} {}", x.id, x.title) }<span class="aims-muted aims-small">{ format!(" · {}", x.source) }</span></th>
                            <td data-label={msg::soa_col_justification()}>{ &x.reason }</td>
                            <td data-label={msg::soa_col_status()}>{ x.status.map_or(msg::soa_status_not_assessed(), |l| l.name(crate::ui::services::i18n::texts())) }</td>
                            <td data-label={msg::soa_col_owner()}>{ &x.owner }</td>
                        </tr> }) }</tbody>
                    </table>
                </div>
            }
        </>
    }
}

/// The title block: organization, scope, version, prepared by. Editable on screen,
/// plain text in print.
pub fn title_block(a: &Assessment, act: Option<&Callback<Action>>) -> Html {
    let version = crate::ui::services::clock::local_label(&a.updated);
    let field = |id: &'static str, label: &'static str, value: &str, edit: fn(String) -> Edit| {
        html! {
            <div class="aims-field">
                <dt><label for={id}>{ label }</label></dt>
                <dd>
                    if let Some(act) = act {
                        <input {id} class="aims-input aims-noprint" value={value.to_owned()} maxlength="200"
                            onchange={act.reform(move |e: Event| Action::Edit(edit(event_value(&e).trim().to_owned())))} />
                    }
                    <span class={if act.is_some() { "aims-print-only" } else { "" }}>{ value }</span>
                </dd>
            </div>
        }
    };
    html! {
        <dl class="aims-title-block">
            { field("aims-soa-org", msg::soa_organization(), &a.organization, Edit::Organization) }
            { field("aims-soa-by", msg::soa_prepared_by(), &a.prepared_by, Edit::PreparedBy) }
            { field("aims-soa-approver", msg::soa_approver(), &a.soa.approver, Edit::SoaApprover) }
            <div class="aims-field">
                <dt><label for="aims-soa-approved">{ msg::soa_approved() }</label></dt>
                <dd>
                    if let Some(act) = act {
                        <input id="aims-soa-approved" type="date" class="aims-input aims-noprint" value={a.soa.approved.map(|d| d.to_string()).unwrap_or_default()}
                            onchange={act.reform(|e: Event| Action::Edit(Edit::SoaApproved(crate::engine::Date::parse(&event_value(&e)))))} />
                    }
                    <span class={if act.is_some() { "aims-print-only" } else { "" }}>{ a.soa.approved.map(crate::ui::services::clock::date_label).unwrap_or_default() }</span>
                </dd>
            </div>
            { field("aims-soa-version", msg::soa_version(), &a.soa.version, Edit::SoaVersion) }
            <div class="aims-field aims-field--wide">
                <dt><label for="aims-soa-scope">{ msg::soa_scope() }</label></dt>
                <dd>
                    if let Some(act) = act {
                        <textarea id="aims-soa-scope" class="aims-input aims-noprint" rows="2" maxlength="10000"
                            placeholder={msg::soa_scope_hint()}
                            value={a.profile.scope_note.clone()}
                            onchange={act.reform(|e: Event| Action::Edit(Edit::ScopeNote(event_value(&e).trim().to_owned())))} />
                    }
                    <span class={if act.is_some() { "aims-print-only" } else { "" }}>{ &a.profile.scope_note }</span>
                </dd>
            </div>
            <div class="aims-field"><dt>{ msg::soa_snapshot() }</dt><dd>{ tf(msg::soa_version_value(), &[("name", &a.name), ("when", &version)]) }</dd></div>
            <div class="aims-field"><dt>{ msg::soa_standard() }</dt><dd>{ msg::soa_standard_value() }</dd></div>
        </dl>
    }
}

/// The Statement of Applicability screen.
#[component]
pub fn SoaScreen(p: &SoaProps) -> Html {
    let act = use_dispatch();
    let navigator = yew_router::prelude::use_navigator();
    let a = &p.assessment;
    let on_csv = {
        let a = a.clone();
        Callback::from(move |_: MouseEvent| {
            download_report(
                &a,
                "soa",
                "csv",
                &soa::csv(
                    crate::ui::services::i18n::catalog(),
                    &a,
                    crate::ui::services::clock::today(),
                    crate::ui::services::i18n::texts(),
                ),
            );
        })
    };
    html! {
        <section class="aims-screen aims-soa" aria-labelledby="aims-soa-title">
            <ResultTabs id={a.id.clone()} current={AssessmentScreen::Soa} />
            <div class="aims-screen-head">
                <h1 id="aims-soa-title" class="aims-h1">{ msg::soa_title() }</h1>
                <div class="aims-actions aims-noprint">
                    <button type="button" class="aims-btn" onclick={on_csv}>{ msg::soa_csv() }</button>
                    <button type="button" class="aims-btn" onclick={print()}>{ msg::soa_print() }</button>
                </div>
            </div>
            <p class="aims-lead aims-noprint">{ msg::soa_lead() }{ crate::ui::components::nav::term_link(&navigator, crate::engine::format::guide::terms::SOA) }</p>
            { title_block(a, Some(&act)) }
            { soa_table(a, Some(&act)) }
        </section>
    }
}
