//! Crosswalks the other way: pick an EU AI Act article, a NIST AI RMF function or
//! category, or an ISO/IEC 27001 clause, and see which items cover it, on what basis,
//! and how ready they are. Judgement-based mappings are marked on every row.

use crate::engine::model::catalog::Basis;
use crate::engine::reports::crosswalk::{covering, references, Framework};
use crate::engine::rules::scoring::figure_of;
use crate::engine::Assessment;
use crate::ui::components::nav::route_link;
use crate::ui::components::result_tabs::ResultTabs;
use crate::ui::components::{event_value, pct, set};
use crate::ui::route::{AssessmentScreen, Route};
use crate::ui::services::i18n::{msg, tf};
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::use_navigator;

/// Props of [`CrosswalkScreen`].
#[derive(Properties, PartialEq)]
pub struct CrosswalkProps {
    /// The open assessment.
    pub assessment: Rc<Assessment>,
}

/// The words for a mapping's basis.
pub fn basis_words(b: Basis) -> &'static str {
    match b {
        Basis::Published => msg::crosswalk_published(),
        Basis::Judgement => msg::crosswalk_judgement(),
        Basis::Structural => msg::crosswalk_structural(),
    }
}

fn framework_name(f: Framework) -> &'static str {
    match f {
        Framework::EuAiAct => msg::crosswalk_eu(),
        Framework::NistAiRmf => msg::crosswalk_nist(),
        Framework::Iso27001 => msg::crosswalk_iso27001(),
    }
}

/// The reverse crosswalk screen.
#[component]
pub fn CrosswalkScreen(p: &CrosswalkProps) -> Html {
    let c = crate::ui::services::i18n::catalog();
    let navigator = use_navigator();
    let framework = use_state(|| Framework::EuAiAct);
    let refs = references(c, *framework);
    let picked = use_state(String::new);
    let reference = if refs.contains(&*picked) {
        (*picked).clone()
    } else {
        refs.first().cloned().unwrap_or_default()
    };
    let items = covering(c, *framework, &reference);
    let figure = figure_of(c, &p.assessment, items.iter().map(|(i, _)| *i));
    let on_pick = {
        let picked = picked.clone();
        Callback::from(move |e: Event| picked.set(event_value(&e)))
    };
    html! {
        <section class="aims-screen aims-crosswalks" aria-labelledby="aims-cw-title">
            <ResultTabs id={p.assessment.id.clone()} current={AssessmentScreen::Crosswalks} />
            <h1 id="aims-cw-title" class="aims-h1">{ msg::crosswalk_title() }</h1>
            <p class="aims-lead">{ msg::crosswalk_lead() }</p>
            <fieldset class="aims-segmented">
                <legend class="aims-sr">{ msg::crosswalk_framework() }</legend>
                { for Framework::ALL.into_iter().map(|f| html! {
                    <label class="aims-option aims-option--inline" data-on={crate::ui::components::flag(*framework == f)}>
                        <input type="radio" name="aims-cw-framework" checked={*framework == f} onchange={set(&framework, f)} />
                        { framework_name(f) }
                    </label>
                }) }
            </fieldset>
            <div class="aims-field">
                <label for="aims-cw-ref">{ msg::crosswalk_reference() }</label>
                <select id="aims-cw-ref" class="aims-input" onchange={on_pick}>
                    { for refs.iter().map(|r| html! { <option value={r.clone()} selected={*r == reference}>{ r }</option> }) }
                </select>
            </div>
            <div class="aims-stat">
                <p class="aims-stat-label">{ tf(msg::crosswalk_readiness(), &[("ref", &reference)]) }</p>
                <p class="aims-stat-value">{ pct(figure.conformity) }</p>
                <p class="aims-stat-note">{ tf(msg::results_conforming(), &[("n", &figure.conforming.to_string()), ("total", &figure.in_scope.to_string())]) }</p>
                <p class="aims-stat-note">{ tf(msg::results_maturity(), &[("pct", &pct(figure.maturity))]) }</p>
                <p class="aims-stat-note">{ tf(msg::results_over(), &[("answered", &figure.answered.to_string()), ("total", &figure.in_scope.to_string()), ("excluded", &figure.excluded.to_string())]) }</p>
            </div>
            <div class="aims-table-wrap">
                <table class="aims-table aims-table--stack">
                    <thead><tr><th scope="col">{ msg::results_gap_item() }</th><th scope="col">{ msg::crosswalk_basis() }</th><th scope="col">{ msg::results_gap_current() }</th><th scope="col">{ msg::crosswalk_scope() }</th></tr></thead>
                    <tbody>{ for items.iter().map(|&(item, basis)| {
                        let it = c.item(item);
                        let ans = p.assessment.answer(item);
                        let scoped = p.assessment.in_scope(c, item);
                        html! { <tr>
                            <th scope="row" data-label={msg::results_gap_item()}>{ route_link(&navigator, Route::AssessItem { id: p.assessment.id.clone(), item: it.id.clone() }, "aims-link", html! { it.label() }, false) }</th>
                            <td data-label={msg::crosswalk_basis()}><span class="aims-tag" data-basis={basis.as_str()}>{ basis_words(basis) }</span></td>
                            <td data-label={msg::results_gap_current()}>{ ans.maturity.map_or_else(|| msg::item_unanswered().to_owned(), |l| format!("{l} · {}", l.name(crate::ui::services::i18n::texts()))) }</td>
                            <td data-label={msg::crosswalk_scope()}>{ if scoped { msg::soa_yes() } else { msg::soa_no() } }</td>
                        </tr> }
                    }) }</tbody>
                </table>
            </div>
            <p class="aims-rule">{ msg::crosswalk_note() }</p>
        </section>
    }
}
