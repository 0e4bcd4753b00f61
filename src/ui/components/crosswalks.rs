//! Crosswalks the other way: pick an EU AI Act article, a NIST AI RMF function or
//! category, or an ISO/IEC 27001 clause, and see which items cover it, on what basis,
//! and how ready they are. Judgement-based mappings are marked on every row.

use super::nav::route_link;
use super::report_tabs::ReportTabs;
use super::{event_value, pct, set};
use crate::engine::catalog::Basis;
use crate::engine::crosswalk::{covering, references, Framework};
use crate::engine::scoring::figure_of;
use crate::engine::{Assessment, Catalog};
use crate::ui::i18n::{msg, tf};
use crate::ui::route::{AssessmentScreen, Route};
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
        Basis::Published => msg::CROSSWALK_PUBLISHED,
        Basis::Judgement => msg::CROSSWALK_JUDGEMENT,
        Basis::Structural => msg::CROSSWALK_STRUCTURAL,
    }
}

fn framework_name(f: Framework) -> &'static str {
    match f {
        Framework::EuAiAct => msg::CROSSWALK_EU,
        Framework::NistAiRmf => msg::CROSSWALK_NIST,
        Framework::Iso27001 => msg::CROSSWALK_ISO27001,
    }
}

/// The reverse crosswalk screen.
#[component]
pub fn CrosswalkScreen(p: &CrosswalkProps) -> Html {
    let c = Catalog::builtin();
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
            <ReportTabs id={p.assessment.id.clone()} current={AssessmentScreen::Crosswalks} />
            <h1 id="aims-cw-title" class="aims-h1">{ msg::CROSSWALK_TITLE }</h1>
            <p class="aims-lead">{ msg::CROSSWALK_LEAD }</p>
            <fieldset class="aims-segmented">
                <legend class="aims-sr">{ msg::CROSSWALK_FRAMEWORK }</legend>
                { for Framework::ALL.into_iter().map(|f| html! {
                    <label class="aims-option aims-option--inline" data-on={super::flag(*framework == f)}>
                        <input type="radio" name="aims-cw-framework" checked={*framework == f} onchange={set(&framework, f)} />
                        { framework_name(f) }
                    </label>
                }) }
            </fieldset>
            <div class="aims-field">
                <label for="aims-cw-ref">{ msg::CROSSWALK_REFERENCE }</label>
                <select id="aims-cw-ref" class="aims-input" onchange={on_pick}>
                    { for refs.iter().map(|r| html! { <option value={r.clone()} selected={*r == reference}>{ r }</option> }) }
                </select>
            </div>
            <div class="aims-stat">
                <p class="aims-stat-label">{ tf(msg::CROSSWALK_READINESS, &[("ref", &reference)]) }</p>
                <p class="aims-stat-value">{ pct(figure.readiness) }</p>
                <p class="aims-stat-note">{ tf(msg::RESULTS_EVIDENCED, &[("pct", &pct(figure.evidenced))]) }</p>
                <p class="aims-stat-note">{ tf(msg::RESULTS_OVER, &[("answered", &figure.answered.to_string()), ("total", &figure.in_scope.to_string()), ("excluded", &figure.excluded.to_string())]) }</p>
            </div>
            <div class="aims-table-wrap">
                <table class="aims-table aims-table--stack">
                    <thead><tr><th scope="col">{ msg::RESULTS_GAP_ITEM }</th><th scope="col">{ msg::CROSSWALK_BASIS }</th><th scope="col">{ msg::RESULTS_GAP_CURRENT }</th><th scope="col">{ msg::CROSSWALK_SCOPE }</th></tr></thead>
                    <tbody>{ for items.iter().map(|&(item, basis)| {
                        let it = c.item(item);
                        let ans = p.assessment.answer(item);
                        let scoped = p.assessment.in_scope(c, item);
                        html! { <tr>
                            <th scope="row" data-label={msg::RESULTS_GAP_ITEM}>{ route_link(&navigator, Route::AssessItem { id: p.assessment.id.clone(), item: it.id.clone() }, "aims-link", html! { format!("{} {}", it.id, it.title) }, false) }</th>
                            <td data-label={msg::CROSSWALK_BASIS}><span class="aims-tag" data-basis={basis.as_str()}>{ basis_words(basis) }</span></td>
                            <td data-label={msg::RESULTS_GAP_CURRENT}>{ ans.maturity.map_or_else(|| msg::ITEM_UNANSWERED.to_owned(), |l| format!("{l} · {}", l.name())) }</td>
                            <td data-label={msg::CROSSWALK_SCOPE}>{ if scoped { msg::SOA_YES } else { msg::SOA_NO } }</td>
                        </tr> }
                    }) }</tbody>
                </table>
            </div>
            <p class="aims-rule">{ msg::CROSSWALK_NOTE }</p>
        </section>
    }
}
