//! The register screens (`#/a/<id>/systems`, `/risks`, `/evidence`): the AI systems,
//! the risk criteria and risks, the evidence records. The reports module draws them and
//! checks every change (crates/reports/src/registers.rs); this screen hands it what the
//! person did (a button's `data-action` and `data-target`, a form sent, a filter
//! chosen), follows its tab links with the app's router, and saves what it returns as
//! an edit, like any other.

use crate::engine::Assessment;
use crate::ui::components::on_demand::{keep_evidence_file, open_evidence_file, show_registers};
use crate::ui::context::use_dispatch;
use crate::ui::route::{AssessmentScreen, Register, Route};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::prelude::{use_navigator, use_route};

/// Props of [`RegistersScreen`].
#[derive(Properties, PartialEq)]
pub struct RegistersProps {
    /// The open assessment.
    pub assessment: Rc<Assessment>,
    /// Which register.
    pub register: Register,
}

/// The element of an event, and its nearest ancestor (or itself) matching `selector`.
fn closest(e: &Event, selector: &str) -> Option<web_sys::Element> {
    e.target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest(selector)
        .ok()?
}

/// A register screen.
#[component]
pub fn RegistersScreen(p: &RegistersProps) -> Html {
    let navigator = use_navigator();
    let act = use_dispatch();
    let place = use_node_ref();
    let screen = p.register.key();
    let state = crate::ui::context::use_app_state();
    let prefix = crate::config::storage_prefix(&state.config.namespace);
    // Drawn when the screen opens (an item card's links open the evidence of its item,
    // `#/a/<id>/evidence/<item>`, or a new record for it, `…/<item>/new`); afterwards
    // each step redraws it (so its notices, such as the undo of a delete, stay while the
    // edit is saved).
    let first = match use_route::<Route>() {
        Some(Route::EvidenceFor { item, .. }) => ("filter".to_owned(), format!("item:{item}")),
        Some(Route::EvidenceNew { item, .. }) => ("new".to_owned(), item),
        _ => (String::new(), String::new()),
    };
    {
        let (place, a, act, prefix) = (
            place.clone(),
            p.assessment.clone(),
            act.clone(),
            prefix.clone(),
        );
        use_effect_with(
            (p.assessment.id.clone(), p.register, first),
            move |(_, _, first)| show_registers(&place, &prefix, &a, screen, first.clone(), act),
        );
    }
    let run = {
        let (place, a, act, prefix) = (
            place.clone(),
            p.assessment.clone(),
            act.clone(),
            prefix.clone(),
        );
        move |action: String, target: String| {
            show_registers(&place, &prefix, &a, screen, (action, target), act.clone())
        }
    };
    let on_click = {
        let (run, id) = (run.clone(), p.assessment.id.clone());
        let (files_place, files_prefix) = (place.clone(), prefix.clone());
        Callback::from(move |e: MouseEvent| {
            if let Some(link) = closest(&e, "a[data-screen]") {
                let register = link
                    .get_attribute("data-screen")
                    .and_then(|s| Register::parse(&s));
                if let (Some(register), Some(nav)) = (register, navigator.as_ref()) {
                    e.prevent_default();
                    nav.push(&Route::of(&id, AssessmentScreen::Register(register)));
                }
                return;
            }
            if let Some(button) = closest(&e, "button[data-action]") {
                let attr = |n| button.get_attribute(n).unwrap_or_default();
                if attr("data-action") == "open_file" {
                    // A kept file: downloaded from the browser's database.
                    let step = Box::new(run.clone());
                    open_evidence_file(
                        &files_place,
                        &files_prefix,
                        attr("data-target"),
                        attr("data-sha"),
                        attr("data-name"),
                        step,
                    );
                    return;
                }
                run(attr("data-action"), attr("data-target"));
            }
        })
    };
    let on_change = {
        let (run, place) = (run.clone(), place.clone());
        Callback::from(move |e: Event| {
            if closest(&e, "select[data-action=filter]").is_some() {
                run("filter".into(), crate::ui::components::event_value(&e));
            }
            // A file chosen for an evidence record: kept in the browser, then recorded.
            let input = closest(&e, "input[type=file][data-action=attach]")
                .and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok());
            if let Some(input) = input {
                let file = input.files().and_then(|f| f.get(0));
                let id = input.get_attribute("data-target").unwrap_or_default();
                if let Some(file) = file {
                    let step = Box::new(run.clone());
                    keep_evidence_file(&place, &prefix, id, file, step);
                }
            }
        })
    };
    let on_submit = Callback::from(move |e: SubmitEvent| {
        e.prevent_default();
        // A form says what sending it does (`save` when it does not say).
        if let Some(form) = closest(&e, "form") {
            let attr = |n| form.get_attribute(n);
            run(
                attr("data-action").unwrap_or_else(|| "save".into()),
                attr("data-target").unwrap_or_default(),
            );
        }
    });
    html! {
        <section class="aims-screen aims-registers" aria-labelledby="aims-registers-title">
            <h1 id="aims-registers-title" class="aims-h1">{ crate::ui::services::i18n::msg::nav_registers() }</h1>
            <div ref={place} class="aims-registers-body" onclick={on_click} onchange={on_change} onsubmit={on_submit} />
        </section>
    }
}
