//! Progress over time and a colleague's file: the open assessment beside another saved
//! one or an imported export, overall and per group with the difference in points, item
//! by item up / down / unchanged / newly answered, documents gained or lost. With a
//! file, each differing item can take the colleague's answer or keep this one: nothing
//! changes without that choice, and each choice can be taken back while the file is open.
//!
//! This screen chooses what to compare with and makes the choices; the comparison itself
//! is drawn by the reports module (crates/reports/src/compare.rs), loaded the first time
//! a comparison is shown, so the first download does not carry it (docs/size.md).

use crate::engine::{Assessment, Edit};
use crate::state::Entry;
use crate::ui::components::event_value;
use crate::ui::components::on_demand::show_comparison;
use crate::ui::components::result_tabs::ResultTabs;
use crate::ui::context::{use_app_state, use_dispatch};
use crate::ui::route::AssessmentScreen;
use crate::ui::services::files::read_and_import;
use crate::ui::services::i18n::{catalog, msg, tf};
use crate::ui::state::Action;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Props of [`CompareScreen`].
#[derive(Properties, PartialEq)]
pub struct CompareProps {
    /// The open assessment.
    pub assessment: Rc<Assessment>,
}

/// What the open assessment is compared with.
#[derive(Clone, PartialEq)]
enum Other {
    /// Nothing chosen yet.
    None,
    /// Another saved assessment.
    Saved(Rc<Assessment>),
    /// A colleague's export, and the open assessment's answers before any choice.
    File(Rc<Assessment>, Rc<Assessment>),
    /// The choice could not be read.
    Failed(String),
}

/// The comparison screen.
#[component]
pub fn CompareScreen(p: &CompareProps) -> Html {
    let state = use_app_state();
    let act = use_dispatch();
    let other = use_state(|| Other::None);
    let mine = &p.assessment;
    let on_saved = {
        let (other, store) = (other.clone(), state.store());
        Callback::from(move |e: Event| {
            let id = event_value(&e);
            other.set(match id.as_str() {
                "" => Other::None,
                id => match store.load(catalog(), id) {
                    Ok(a) => Other::Saved(Rc::new(a)),
                    Err(e) => Other::Failed(e.describe(crate::ui::services::i18n::texts())),
                },
            });
        })
    };
    let on_file = {
        let (other, mine) = (other.clone(), mine.clone());
        Callback::from(move |e: Event| {
            let file = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                .and_then(|i| i.files())
                .and_then(|f| f.get(0));
            let Some(file) = file else { return };
            let (other, mine) = (other.clone(), mine.clone());
            read_and_import(file, move |name, read| {
                other.set(match read.into_result() {
                    Ok(imported) => Other::File(Rc::new(imported.assessment), mine),
                    Err(problems) => Other::Failed(format!(
                        "{name}: {}",
                        problems
                            .first()
                            .map(|p| p.describe(crate::ui::services::i18n::texts()))
                            .unwrap_or_default()
                    )),
                });
            });
        })
    };
    let place = use_node_ref();
    {
        let place = place.clone();
        use_effect_with(
            (mine.clone(), (*other).clone()),
            move |(mine, other)| match other {
                Other::Saved(o) => show_comparison(&place, mine, o, None),
                Other::File(theirs, original) => {
                    show_comparison(&place, mine, theirs, Some(original))
                }
                Other::None | Other::Failed(_) => {}
            },
        );
    }
    let on_merge = {
        let (act, other) = (act.clone(), other.clone());
        Callback::from(move |e: MouseEvent| {
            if let Other::File(theirs, original) = &*other {
                if let Some(edit) = merge_choice(&e, theirs, original) {
                    act.emit(Action::Edit(edit));
                }
            }
        })
    };
    let choices: Vec<Html> = state
        .entries
        .iter()
        .filter_map(|e| match e {
            Entry::Saved(s) if s.id != mine.id => Some(html! {
                <option value={s.id.clone()}>{ format!("{} · {}", s.name, s.updated.get(..10).unwrap_or(&s.updated)) }</option>
            }),
            _ => None,
        })
        .collect();
    let picker = html! {
        <div class="aims-grid-2 aims-noprint">
            <div class="aims-field">
                <label for="aims-compare-saved">{ msg::compare_saved() }</label>
                <select id="aims-compare-saved" class="aims-input" onchange={on_saved} disabled={choices.is_empty()}>
                    <option value="">{ if choices.is_empty() { msg::compare_none_saved() } else { msg::compare_pick() } }</option>
                    { for choices }
                </select>
            </div>
            <div class="aims-field">
                <label for="aims-compare-file">{ msg::compare_file() }</label>
                <input id="aims-compare-file" type="file" accept=".json,application/json" class="aims-input" onchange={on_file} />
                <p class="aims-small aims-muted">{ msg::compare_file_help() }</p>
            </div>
        </div>
    };
    let body = match &*other {
        Other::None => html! { <p class="aims-empty">{ msg::compare_empty() }</p> },
        Other::Failed(reason) => {
            html! { <p class="aims-alert" role="alert">{ tf(msg::compare_failed(), &[("reason", reason)]) }</p> }
        }
        Other::Saved(_) | Other::File(..) => {
            html! { <div ref={place.clone()} class="aims-comparison" onclick={on_merge} /> }
        }
    };
    html! {
        <section class="aims-screen aims-compare" aria-labelledby="aims-compare-title">
            <ResultTabs id={mine.id.clone()} current={AssessmentScreen::Compare} />
            <h1 id="aims-compare-title" class="aims-h1">{ msg::compare_title() }</h1>
            <p class="aims-lead">{ msg::compare_lead() }</p>
            { picker }
            { body }
        </section>
    }
}

/// The edit a click in the comparison asks for: a merge button (`data-merge` item or
/// document, `data-id`, `data-take` theirs or mine) takes the colleague's answer or
/// puts back this assessment's from before any choice.
fn merge_choice(e: &MouseEvent, theirs: &Assessment, original: &Assessment) -> Option<Edit> {
    let button = e
        .target()?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest("[data-merge]")
        .ok()??;
    let attr = |name| button.get_attribute(name).unwrap_or_default();
    let from = if attr("data-take") == "theirs" {
        theirs
    } else {
        original
    };
    let (c, id) = (catalog(), attr("data-id"));
    if attr("data-merge") == "item" {
        let i = c.find_item(&id)?;
        Some(Edit::Answer(
            i,
            Box::new((from.answer(i).clone(), from.registers.clone())),
        ))
    } else {
        let d = c.find_document(&id)?;
        Some(Edit::Document(d, from.document_present(d)))
    }
}
