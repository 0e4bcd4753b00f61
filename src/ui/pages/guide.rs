//! The guidance pages: about the standard, how it relates to other
//! frameworks (linked to the items through the crosswalks), the certification journey
//! (with this tool's outputs at each step), the glossary, and an explainer per clause and
//! control group. The text is loaded on first open (`services::guide_files`); everything
//! is a route.
//!
//! This screen keeps the page menu and the file's loading; the page itself is drawn by
//! the reports module (crates/reports/src/guide.rs), and its links are followed here with
//! the router, so they work in embeds too (docs/size.md).

use crate::engine::text::messages::Message;
use crate::ui::components::nav::route_link;
use crate::ui::components::on_demand::show_guide;
use crate::ui::context::use_app_state;
use crate::ui::route::Route;
use crate::ui::services::guide_files::{use_guide, GuideState};
use crate::ui::services::i18n::{msg, tf};
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::prelude::use_navigator;
use yew_router::Routable;

/// Props of [`GuideScreen`].
#[derive(Properties, PartialEq)]
pub struct GuideProps {
    /// `about`, `frameworks`, `certification`, `glossary` or `clauses`.
    #[prop_or_else(|| "about".into())]
    pub page: AttrValue,
    /// A term, group or section to bring into view.
    #[prop_or_default]
    pub anchor: Option<String>,
}

/// The pages, in menu order.
const PAGES: [(&str, Message); 5] = [
    ("about", msg::guide_about),
    ("frameworks", msg::guide_frameworks),
    ("certification", msg::guide_certification),
    ("clauses", msg::guide_clauses),
    ("glossary", msg::guide_glossary),
];

/// The guidance screen.
#[component]
pub fn GuideScreen(p: &GuideProps) -> Html {
    let state = use_app_state();
    let guide = use_guide(state.config.assets.clone());
    let navigator = use_navigator();
    let missing = use_state(|| false);
    let place = use_node_ref();
    let known = PAGES.iter().any(|(id, _)| p.page == *id);
    {
        let (place, missing) = (place.clone(), missing.clone());
        let open = state.current.clone();
        use_effect_with(
            (p.page.clone(), p.anchor.clone(), guide.clone(), open),
            move |(page, anchor, guide, open)| {
                missing.set(false);
                // What another page drew goes; this one is drawn when its file is there.
                if let Some(el) = place.cast::<web_sys::Element>() {
                    el.set_inner_html("");
                }
                if let (true, GuideState::Ready(file)) = (known, guide) {
                    let anchor = anchor.as_deref().map(clean_id);
                    let missing = Callback::from(move |()| missing.set(true));
                    show_guide(
                        &place,
                        file.clone(),
                        page.to_string(),
                        open.as_deref(),
                        anchor,
                        missing,
                    );
                }
            },
        );
    }
    // The page's links (`href="#/…"`) go through the router: in an embed the routes are
    // in memory, not in the host page's address.
    let on_click = {
        let navigator = navigator.clone();
        Callback::from(move |e: MouseEvent| {
            let link = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|t| t.closest("a[href^='#/']").ok().flatten());
            let route = link
                .and_then(|l| l.get_attribute("href"))
                .and_then(|h| Route::recognize(&h[1..]));
            if let (Some(route), Some(nav)) = (route, navigator.as_ref()) {
                if e.meta_key() || e.ctrl_key() || e.shift_key() || e.alt_key() {
                    return;
                }
                e.prevent_default();
                nav.push(&route);
            }
        })
    };
    let menu = html! {
        <nav class="aims-subtabs" aria-label={msg::guide_label()}>
            <ul>{ for PAGES.iter().map(|(id, label)| html! {
                <li>{ route_link(&navigator, Route::GuidePage { page: (*id).into() }, "aims-subtab", html! { label() }, p.page == *id) }</li>
            }) }</ul>
        </nav>
    };
    let body = match &guide {
        _ if !known || *missing => {
            html! { <crate::ui::pages::not_found::NotFound missing={crate::ui::pages::not_found::Missing::Page} /> }
        }
        GuideState::Loading => {
            html! { <p class="aims-muted" role="status">{ msg::guide_loading() }</p> }
        }
        GuideState::Failed(reason) => {
            html! { <p class="aims-alert" role="alert">{ tf(msg::guide_failed(), &[("reason", reason)]) }</p> }
        }
        GuideState::Ready(_) => html! {},
    };
    html! {
        <div class="aims-screen aims-guide">
            { menu }
            { body }
            <div ref={place} class="aims-guide-body" onclick={on_click} />
        </div>
    }
}

/// Ids in the guide are kebab-case words and dotted group numbers; anything else (from
/// an address) is dropped so it cannot break the selector.
fn clean_id(id: &str) -> String {
    id.chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '.')
        .collect()
}
