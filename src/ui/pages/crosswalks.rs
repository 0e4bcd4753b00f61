//! Crosswalks the other way: pick an EU AI Act article, a NIST AI RMF function or
//! category, or an ISO/IEC 27001 clause, and see which items cover it, on what basis,
//! and how ready they are. Judgement-based mappings are marked on every row.
//!
//! This screen keeps the choice and follows the item links; the body is drawn by the
//! reports module (crates/reports/src/crosswalks.rs), loaded the first time the screen
//! is shown, so the first download does not carry it (docs/size.md).

use crate::engine::Assessment;
use crate::ui::components::on_demand::show_crosswalks;
use crate::ui::components::result_tabs::ResultTabs;
use crate::ui::route::{AssessmentScreen, Route};
use crate::ui::services::i18n::msg;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::prelude::use_navigator;

/// Props of [`CrosswalkScreen`].
#[derive(Properties, PartialEq)]
pub struct CrosswalkProps {
    /// The open assessment.
    pub assessment: Rc<Assessment>,
}

/// The reverse crosswalk screen.
#[component]
pub fn CrosswalkScreen(p: &CrosswalkProps) -> Html {
    let navigator = use_navigator();
    // The framework and reference chosen (the module takes the first where empty).
    let choice = use_state(|| (String::new(), String::new()));
    let place = use_node_ref();
    {
        let place = place.clone();
        use_effect_with(
            (p.assessment.clone(), (*choice).clone()),
            move |(a, (framework, reference))| {
                show_crosswalks(&place, a, framework.clone(), reference.clone())
            },
        );
    }
    let on_change = {
        let choice = choice.clone();
        Callback::from(move |e: Event| {
            let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
            else {
                return;
            };
            let value = crate::ui::components::event_value(&e);
            choice.set(match input.get_attribute("name").as_deref() {
                // Another framework starts at its first reference.
                Some("aims-cw-framework") => (value, String::new()),
                _ => (choice.0.clone(), value),
            });
        })
    };
    let on_click = {
        let id = p.assessment.id.clone();
        Callback::from(move |e: MouseEvent| {
            let link = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|t| t.closest("a[data-item]").ok().flatten());
            if let (Some(link), Some(nav)) = (link, navigator.as_ref()) {
                e.prevent_default();
                let item = link.get_attribute("data-item").unwrap_or_default();
                nav.push(&Route::AssessItem {
                    id: id.clone(),
                    item,
                });
            }
        })
    };
    html! {
        <section class="aims-screen aims-crosswalks" aria-labelledby="aims-cw-title">
            <ResultTabs id={p.assessment.id.clone()} current={AssessmentScreen::Crosswalks} />
            <h1 id="aims-cw-title" class="aims-h1">{ msg::crosswalk_title() }</h1>
            <p class="aims-lead">{ msg::crosswalk_lead() }</p>
            <div ref={place} class="aims-crosswalks-body" onchange={on_change} onclick={on_click} />
        </section>
    }
}
