//! The app root: holds the state, provides it, themes the widget and routes. Each screen
//! is a component of its own under `components/` that keeps its own UI state.

use crate::config::{Config, Theme};
use crate::ui::components::banner::Banner;
use crate::ui::components::gate::AssessmentGate;
use crate::ui::components::nav::Nav;
use crate::ui::context::{Dispatch, Host, StateHandle};
use crate::ui::pages::guide::GuideScreen;
use crate::ui::pages::home::Home;
use crate::ui::pages::not_found::{Missing, NotFound};
use crate::ui::pages::quick::{Quick, QuickContinue};
use crate::ui::route::Route;
use crate::ui::services::i18n::{msg, tf};
use crate::ui::services::records;
use crate::ui::services::storage::LocalStore;
use crate::ui::state::{Action, UiState};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::history::AnyHistory;
use yew_router::prelude::*;

/// Props of [`App`].
#[derive(Properties, PartialEq, Default, Clone)]
pub struct AppProps {
    /// Start-up options.
    #[prop_or_default]
    pub config: Rc<Config>,
    /// The host element inline embeds dispatch share events on.
    #[prop_or_default]
    pub host: Option<web_sys::Element>,
    /// Where the routes live. `None`: the URL's hash (the app's own page and the iframe).
    /// Inline and custom-element embeds pass an in-memory history, so the host page's
    /// address and history stay untouched; tests do the same.
    #[prop_or_default]
    pub history: Option<AnyHistory>,
}

/// The root component. Its namespace's records are opened first (`records::open`, by
/// the page's start and by `mount`); where they were not (tests), it uses localStorage.
#[component]
pub fn App(props: &AppProps) -> Html {
    let config = props.config.clone();
    let state = use_reducer(move || {
        let store = Rc::new(LocalStore::new(&config.namespace));
        UiState::load(config, crate::ui::services::i18n::active(), store)
    });
    let host = Host(props.host.clone());
    use_storage_events(state.dispatcher());
    {
        // Refusals that arrive after a save (a full database) and other tabs' changes
        // (read into this tab's copy first); and, once, what opening moved.
        let dispatch = state.dispatcher();
        let prefix = crate::config::storage_prefix(&props.config.namespace);
        use_effect_with((), move |()| {
            let (refused, changed) = (dispatch.clone(), dispatch.clone());
            records::listen(
                &prefix,
                move |e| refused.dispatch(Action::StoreRefused(e)),
                move || changed.dispatch(Action::Refresh),
            );
            let moved = records::records(&prefix).take_moved();
            if moved > 0 {
                dispatch.dispatch(Action::StoreMoved(moved));
            }
        });
    }
    // Only the app's own page and its iframe: an embed runs on the host's origin.
    let own_page = props.history.is_none();
    {
        let dispatch = state.dispatcher();
        use_effect_with(own_page, move |&own_page| {
            if own_page {
                crate::ui::services::service_worker::register(dispatch);
            }
        });
        // The language on screen is kept for offline use (its own page only).
        use_effect_with((own_page, state.lang), |&(own_page, lang)| {
            if own_page {
                crate::ui::services::service_worker::keep_language(lang.code());
            }
        });
    }
    let c = &state.config;
    let theme = match c.theme {
        Theme::Auto => "auto",
        Theme::Light => "light",
        Theme::Dark => "dark",
    };
    let style = c.accent.as_ref().map(|a| {
        format!(
            "--aims-accent:{a};--aims-on-accent:{}",
            crate::config::text_on(a)
        )
    });
    let embedded = crate::ui::components::flag(c.embedded);
    // The language: an embed that starts before its language is loaded switches as soon
    // as it is (the app's own page loads it before the first render).
    {
        let (dispatch, config, store) = (state.dispatcher(), state.config.clone(), state.store());
        use_effect_with((), move |_| {
            let wanted = crate::ui::services::i18n::preferred(config.lang, store.language());
            if wanted != crate::ui::services::i18n::active() {
                crate::ui::services::i18n::load(wanted, config.assets.as_deref(), move |result| {
                    if result.is_ok() {
                        dispatch.dispatch(Action::Language(wanted, false));
                    }
                });
            }
        });
    }
    let lang = state.lang.code();
    // Keyed by the language: a switch renders every screen again in the new language;
    // the route (in the address or the in-memory history) and every answer stay.
    let shell = html! {
        <div class="aims-app" key={lang} {lang} data-theme={theme} data-embedded={embedded} {style}>
            { skip_link() }
            <Nav />
            <Banner />
            <crate::ui::components::shared_file::SharedFileSync />
            <main id="aims-main" class="aims-main" tabindex="-1"><Switch<Route> render={switch} /></main>
            <footer class="aims-footer">
                { msg::app_footer() }{ " " }
                <span class="aims-version">{ tf(msg::app_version(), &[("version", aims_engine::VERSION)]) }</span>
            </footer>
        </div>
    };
    let routed = match &props.history {
        Some(history) => html! { <Router history={history.clone()}>{ shell }</Router> },
        None => html! { <HashRouter>{ shell }</HashRouter> },
    };
    html! {
        <ContextProvider<Dispatch> context={state.dispatcher()}>
            <ContextProvider<StateHandle> context={state}>
                <ContextProvider<Host> context={host}>{ routed }</ContextProvider<Host>>
            </ContextProvider<StateHandle>>
        </ContextProvider<Dispatch>>
    }
}

/// The screen for a route.
fn switch(route: Route) -> Html {
    match route {
        Route::Home => html! { <Home /> },
        Route::Quick => html! { <Quick /> },
        Route::QuickContinue => html! { <QuickContinue /> },
        Route::NotFound => html! { <NotFound missing={Missing::Page} /> },
        Route::Guide => html! { <GuideScreen page="about" /> },
        Route::GuidePage { page } => html! { <GuideScreen {page} /> },
        Route::GuideAnchor { page, anchor } => {
            html! { <GuideScreen {page} anchor={Some(anchor)} /> }
        }
        other => match other.assessment() {
            Some((id, screen)) => html! { <AssessmentGate id={id.to_owned()} {screen} /> },
            None => html! { <NotFound missing={Missing::Page} /> },
        },
    }
}

/// "Skip to content": moves focus to the main region. A plain `href="#aims-main"`
/// would be read as a route by the hash router.
fn skip_link() -> Html {
    let onclick = Callback::from(|e: MouseEvent| {
        e.prevent_default();
        let main = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|a| a.closest(".aims-app").ok().flatten())
            .and_then(|app| app.query_selector("#aims-main").ok().flatten())
            .and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(main) = main {
            let _ = main.focus();
        }
    });
    html! { <a class="aims-skip" href="#aims-main" {onclick}>{ msg::app_skip() }</a> }
}

/// Another tab (or window) of this origin changed browser storage: the list of saved
/// assessments is read again, so it never shows what another tab deleted or misses
/// what it created. The browser fires `storage` only in the other tabs, never in the one
/// that wrote.
#[hook]
fn use_storage_events(dispatch: Dispatch) {
    use_effect_with((), move |_| {
        let listener = web_sys::window().map(|window| {
            let on_storage = wasm_bindgen::closure::Closure::<dyn Fn()>::new(move || {
                dispatch.dispatch(Action::Refresh)
            });
            let _ = window
                .add_event_listener_with_callback("storage", on_storage.as_ref().unchecked_ref());
            (window, on_storage)
        });
        move || {
            if let Some((window, on_storage)) = listener {
                let _ = window.remove_event_listener_with_callback(
                    "storage",
                    on_storage.as_ref().unchecked_ref(),
                );
            }
        }
    });
}
