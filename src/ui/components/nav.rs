//! The top bar: product name, screens (links, so they work with the keyboard, open in a
//! new tab and show in history), and the open assessment.

use crate::ui::config::Mode;
use crate::ui::context::use_app_state;
use crate::ui::i18n::{msg, Lang};
use crate::ui::route::{AssessmentScreen, Route};
use crate::ui::state::Action;
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
    let href = match navigator {
        Some(n) if n.kind() == NavigatorKind::Hash => format!("#{path}"),
        _ => path,
    };
    let navigator = navigator.clone();
    let onclick = Callback::from(move |e: MouseEvent| {
        if e.meta_key() || e.ctrl_key() || e.shift_key() || e.alt_key() {
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

/// The language menu: loads the chosen language (once) and switches to it; the screen
/// and every answer stay.
#[component]
fn LanguageMenu() -> Html {
    let state = use_app_state();
    let dispatch = crate::ui::context::use_dispatch();
    let loading = use_state(|| false);
    let onchange = {
        let (loading, assets) = (loading.clone(), state.config.assets.clone());
        Callback::from(move |e: Event| {
            let Some(lang) = Lang::parse(&super::event_value(&e)) else {
                return;
            };
            let (dispatch, done) = (dispatch.clone(), loading.clone());
            loading.set(true);
            crate::ui::i18n::load(lang, assets.as_deref(), move |result| {
                done.set(false);
                dispatch.emit(match result {
                    Ok(()) => Action::Language(lang, true),
                    Err(reason) => Action::LanguageFailed(reason),
                });
            });
        })
    };
    html! {
        <div class="aims-lang">
            <label class="aims-sr" for="aims-lang">{ msg::lang_label() }</label>
            <select id="aims-lang" class="aims-lang-select" {onchange} disabled={*loading} aria-busy={super::flag(*loading)}>
                { for Lang::ALL.into_iter().map(|l| html! {
                    <option value={l.code()} selected={l == state.lang} lang={l.code()}>{ l.name() }</option>
                }) }
            </select>
            if *loading {
                <span class="aims-sr" role="status">{ msg::lang_loading() }</span>
            }
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
                    <ul>
                        { tab(Route::Home, msg::nav_home(), route == Route::Home) }
                        { assessment_tab(AssessmentScreen::Profile, msg::nav_profile()) }
                        { assessment_tab(AssessmentScreen::Assess(None), msg::nav_assess()) }
                        { assessment_tab(AssessmentScreen::Documents, msg::nav_documents()) }
                        { assessment_tab(AssessmentScreen::Results, msg::nav_results()) }
                        { tab(Route::Quick, msg::nav_quick(), route == Route::Quick) }
                        { tab(Route::GuidePage { page: "about".into() }, msg::nav_guide(), matches!(route, Route::Guide | Route::GuidePage { .. } | Route::GuideAnchor { .. })) }
                    </ul>
                </nav>
            }
            if state.config.lang.is_none() {
                <LanguageMenu />
            }
            if let Some((_, name)) = &open {
                <p class="aims-open-name"><span class="aims-muted">{ msg::nav_open() }</span>{ " " }<strong>{ name }</strong></p>
            }
        </header>
    }
}
