//! Parts of the page shared by the screens in [`crate::ui::pages`] (the banner, the
//! navigation, item cards, the result tabs, the gate that opens an assessment for its
//! screens), and the small event helpers every view uses.

pub mod banner;
pub mod gate;
pub mod item_card;
pub mod nav;
pub mod on_demand;
pub mod result_tabs;
pub mod shared_file;

use crate::engine::Percent;
use crate::ui::services::i18n::msg;
use wasm_bindgen::JsCast;
use yew::{Callback, SubmitEvent, UseStateHandle};

/// The current value of the input, textarea or select an event came from.
pub fn event_value(e: &web_sys::Event) -> String {
    let Some(target) = e.target() else {
        return String::new();
    };
    if let Some(i) = target.dyn_ref::<web_sys::HtmlInputElement>() {
        i.value()
    } else if let Some(t) = target.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        t.value()
    } else if let Some(s) = target.dyn_ref::<web_sys::HtmlSelectElement>() {
        s.value()
    } else {
        String::new()
    }
}

/// The value of the form control named `name` in the form a submit event came from
/// (empty when there is none).
pub fn form_field(e: &SubmitEvent, name: &str) -> String {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|form| {
            form.query_selector(&format!("[name={name}]"))
                .ok()
                .flatten()
        })
        .and_then(|field| field.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|input| input.value())
        .unwrap_or_default()
}

/// Empties the form a submit event came from.
pub fn reset_form(e: &SubmitEvent) {
    if let Some(form) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
    {
        form.reset();
    }
}

/// Whether the checkbox an event came from is checked.
pub fn event_checked(e: &web_sys::Event) -> bool {
    e.target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        .is_some_and(|i| i.checked())
}

/// "52.4 %", or "n/a" when there is nothing in scope to compute over.
pub fn pct(p: Option<Percent>) -> String {
    p.map_or_else(
        || msg::common_na().to_owned(),
        |p| {
            let sign = crate::ui::services::i18n::percent_sign();
            format!("{}{sign}", crate::ui::services::i18n::percent(p))
        },
    )
}

/// An event handler that sends `value` to `to` and ignores the event itself. Every
/// "this button sends that message" in the views goes through here: each distinct
/// closure type is its own code in the bundle, this is one per message type.
pub fn send<T: Clone + 'static, E>(to: &Callback<T>, value: T) -> Callback<E> {
    let to = to.clone();
    Callback::from(move |_| to.emit(value.clone()))
}

/// An event handler that sets `state` to `value` (one closure type per state type,
/// like [`send`]).
pub fn set<T: Clone + 'static, E>(state: &UseStateHandle<T>, value: T) -> Callback<E> {
    let state = state.clone();
    Callback::from(move |_| state.set(value.clone()))
}

/// `"true"` or `"false"`, for ARIA and `data-` state attributes. Visual states are styled
/// through these attributes rather than modifier classes: a computed `class` goes through
/// Yew's `Classes` set, which costs an index map in the bundle for no gain here.
pub fn flag(on: bool) -> &'static str {
    if on {
        "true"
    } else {
        "false"
    }
}

/// An inline `width` for a bar showing `p` (0 when there is no figure).
pub fn bar_width(p: Option<Percent>) -> String {
    format!("width:{}%", p.unwrap_or_default())
}
