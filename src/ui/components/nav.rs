//! The top bar: product name, screens (links, so they work with the keyboard, open in a
//! new tab and show in history), and the open assessment.

use crate::config::Mode;
use crate::ui::context::use_app_state;
use crate::ui::route::{AssessmentScreen, Register, Route};
use crate::ui::services::i18n::{msg, Lang};
use crate::ui::state::Action;
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::navigator::NavigatorKind;
use yew_router::prelude::{use_navigator, use_route, Navigator};
use yew_router::Routable;

/// A link to a route inside the app: a real `href` (keyboard, new tab, history) with
/// `aria-current` on the link itself, which yew-router's `Link` cannot carry. A click
/// with a modifier key is left to the browser; any other click navigates in place.
pub fn route_link(
    navigator: &Option<Navigator>,
    to: Route,
    class: &'static str,
    content: Html,
    current: bool,
) -> Html {
    let path = to.to_path();
    let hash = navigator
        .as_ref()
        .is_some_and(|n| n.kind() == NavigatorKind::Hash);
    let href = if hash { format!("#{path}") } else { path };
    let navigator = navigator.clone();
    let onclick = Callback::from(move |e: MouseEvent| {
        // A modified click opens the address in a new tab, which only means something
        // when the route is in the page's address (an embed's routes are in memory: its
        // path would be the host site's).
        if hash && (e.meta_key() || e.ctrl_key() || e.shift_key() || e.alt_key()) {
            return;
        }
        e.prevent_default();
        if let Some(n) = &navigator {
            n.push(&to);
        }
    });
    html! {
        <a {class} {href} {onclick} aria-current={current.then_some("page")}>{ content }</a>
    }
}

/// A small "?" link to a glossary term (left out of print).
pub fn term_link(navigator: &Option<Navigator>, term: &'static str) -> Html {
    let content = html! { <><span aria-hidden="true">{ "?" }</span><span class="aims-sr">{ msg::guide_explain() }</span></> };
    html! { <span class="aims-noprint">{ " " }{ route_link(navigator, Route::term(term), "aims-term-link", content, false) }</span> }
}

/// The language menu: a button per language, in its own language. Pressing one loads it
/// (once) and switches; the screen and every answer stay, and focus comes back to the
/// pressed button after the app has re-rendered in the new language. Buttons rather
/// than a `<select>`: a select fires `change` on every arrow key in some browsers, which
/// would download and switch languages while the person is only moving through them.
#[component]
fn LanguageMenu() -> Html {
    let state = use_app_state();
    let dispatch = crate::ui::context::use_dispatch();
    let loading = use_state(|| None::<Lang>);
    let menu = use_node_ref();
    {
        let menu = menu.clone();
        use_effect_with((), move |_| {
            if crate::ui::services::i18n::take_refocus() {
                let pressed = menu
                    .cast::<web_sys::Element>()
                    .and_then(|m| m.query_selector("[aria-pressed=true]").ok().flatten())
                    .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok());
                if let Some(button) = pressed {
                    let _ = button.focus();
                }
            }
        });
    }
    let choose = |lang: Lang| {
        let (dispatch, loading, assets) = (
            dispatch.clone(),
            loading.clone(),
            state.config.assets.clone(),
        );
        let current = state.lang;
        Callback::from(move |_: MouseEvent| {
            if lang == current || loading.is_some() {
                return;
            }
            loading.set(Some(lang));
            let (dispatch, done) = (dispatch.clone(), loading.clone());
            crate::ui::services::i18n::load(lang, assets.as_deref(), move |result| {
                done.set(None);
                dispatch.emit(match result {
                    Ok(()) => {
                        crate::ui::services::i18n::refocus_after_switch();
                        Action::Language(lang, true)
                    }
                    Err(reason) => Action::LanguageFailed(reason),
                });
            });
        })
    };
    html! {
        <div class="aims-lang" role="group" aria-label={msg::lang_label()} ref={menu}>
            { for Lang::ALL.into_iter().map(|l| html! {
                <button type="button" id={format!("aims-lang-{}", l.code())} class="aims-lang-btn" lang={l.code()}
                    aria-pressed={super::flag(l == state.lang)} aria-busy={super::flag(*loading == Some(l))}
                    onclick={choose(l)}>{ l.name() }</button>
            }) }
            <span class="aims-sr" role="status">{ if loading.is_some() { msg::lang_loading() } else { "" } }</span>
        </div>
    }
}

/// The top bar.
#[component]
pub fn Nav() -> Html {
    let state = use_app_state();
    let route = use_route::<Route>().unwrap_or(Route::Home);
    let open = state
        .current
        .as_ref()
        .map(|a| (a.id.clone(), a.name.clone()));
    let on_screen = route.assessment().map(|(_, screen)| screen);
    // A quick-only embed shows no tabs until the visitor continues into a full assessment.
    let quick_only = state.config.mode == Mode::Quick && state.config.embedded && open.is_none();
    let navigator = use_navigator();
    let tabs = use_node_ref();
    let prefix = crate::config::storage_prefix(&state.config.namespace);
    let records = crate::ui::services::records::records(&prefix);
    {
        let tabs = tabs.clone();
        use_effect_with(route.clone(), move |_| {
            // On a phone the tab bar scrolls sideways: bring the current screen's tab into
            // the middle of it (the list is its tabs' offset parent there, styles.css).
            let list = tabs.cast::<web_sys::HtmlElement>();
            let current = list
                .as_ref()
                .and_then(|l| l.query_selector("[aria-current]").ok().flatten())
                .and_then(|c| c.dyn_into::<web_sys::HtmlElement>().ok());
            if let (Some(list), Some(current)) = (list, current) {
                let middle =
                    current.offset_left() - (list.client_width() - current.offset_width()) / 2;
                list.set_scroll_left(middle.max(0));
            }
        });
    }
    let tab = |to: Route, label: &'static str, current: bool| {
        html! { <li>{ route_link(&navigator, to, "aims-tab", html! { label }, current) }</li> }
    };
    let assessment_tab = |screen: AssessmentScreen, label: &'static str| {
        let Some((id, _)) = &open else {
            return html! {};
        };
        let current = match (&on_screen, &screen) {
            (Some(AssessmentScreen::Assess(_)), AssessmentScreen::Assess(_)) => true,
            (Some(a), AssessmentScreen::Results) => a.is_report(),
            (Some(AssessmentScreen::Register(_)), AssessmentScreen::Register(_)) => true,
            (Some(a), b) => a == b,
            (None, _) => false,
        };
        tab(Route::of(id, screen), label, current)
    };
    html! {
        <header class="aims-top">
            <div class="aims-brand">
                <span class="aims-logo" aria-hidden="true">{ "◆" }</span>
                <span class="aims-brand-name">{ msg::app_name() }</span>
                <span class="aims-brand-std">{ msg::app_standard() }</span>
            </div>
            if !quick_only {
                <nav class="aims-tabs" aria-label={msg::nav_label()}>
                    <ul ref={tabs}>
                        { tab(Route::Home, msg::nav_home(), route == Route::Home) }
                        { assessment_tab(AssessmentScreen::Profile, msg::nav_profile()) }
                        { assessment_tab(AssessmentScreen::Assess(None), msg::nav_assess()) }
                        { assessment_tab(AssessmentScreen::Documents, msg::nav_documents()) }
                        { assessment_tab(AssessmentScreen::Register(Register::Systems), msg::nav_registers()) }
                        { assessment_tab(AssessmentScreen::Results, msg::nav_results()) }
                        { tab(Route::Quick, msg::nav_quick(), route == Route::Quick) }
                        { tab(Route::GuidePage { page: "about".into() }, msg::nav_guide(), matches!(route, Route::Guide | Route::GuidePage { .. } | Route::GuideAnchor { .. })) }
                    </ul>
                </nav>
            }
            if state.config.lang.is_none() {
                <LanguageMenu />
            }
            // Pressed, it locks every tab (the records' own click listener does it:
            // services::records).
            if records.locked() == Some(true) {
                <button type="button" class="aims-btn aims-btn--small aims-btn--ghost" data-aims-lock-now={prefix}>{ msg::nav_lock() }</button>
            }
            if let Some((_, name)) = &open {
                <p class="aims-open-name"><span class="aims-muted">{ msg::nav_open() }</span>{ " " }<strong>{ name }</strong></p>
            }
        </header>
    }
}
