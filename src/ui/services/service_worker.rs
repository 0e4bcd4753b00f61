//! Registering the app's service worker (`assets/sw.js`) on its own page and iframe, and
//! switching to a new version only when the person chooses. Inline and custom-element
//! embeds never register one: they run on the host's origin.

use crate::ui::context::Dispatch;
use crate::ui::services::promise::settle;
use crate::ui::state::Action;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

fn sw_container() -> Option<web_sys::ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    // Browsers without service workers (or file://) have no container; nothing to do.
    js_sys::Reflect::has(&navigator, &"serviceWorker".into())
        .ok()
        .filter(|&has| has)?;
    Some(navigator.service_worker())
}

/// Registers the service worker; tells the app when a new version has installed and
/// waits (only when an older version controls this page: the first install is no update).
pub fn register(dispatch: Dispatch) {
    let Some(container) = sw_container() else {
        return;
    };
    settle(&container.register("sw.js"), move |outcome| {
        let Ok(registration) = outcome.dyn_into::<web_sys::ServiceWorkerRegistration>() else {
            return;
        };
        let controlled = || sw_container().and_then(|c| c.controller()).is_some();
        if registration.waiting().is_some() && controlled() {
            dispatch.dispatch(Action::UpdateReady);
        }
        let found = registration.clone();
        let on_update_found = Closure::<dyn Fn()>::new(move || {
            let Some(installing) = found.installing() else {
                return;
            };
            let (watched, dispatch) = (installing.clone(), dispatch.clone());
            let on_state = Closure::<dyn Fn()>::new(move || {
                if watched.state() == web_sys::ServiceWorkerState::Installed && controlled() {
                    dispatch.dispatch(Action::UpdateReady);
                }
            });
            installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            // Lives as long as the page.
            on_state.forget();
        });
        registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
        on_update_found.forget();
    });
}

/// Asks the service worker to keep a language's files for offline use (its own page
/// only; English is always kept). On the first visit the language was fetched before
/// the worker existed, so this is what makes it available offline next time.
pub fn keep_language(code: &'static str) {
    if code == "en" {
        return;
    }
    let Some(container) = sw_container() else {
        return;
    };
    let Ok(ready) = container.ready() else {
        return;
    };
    settle(&ready, move |outcome| {
        let active = outcome
            .dyn_into::<web_sys::ServiceWorkerRegistration>()
            .ok()
            .and_then(|r| r.active());
        if let Some(worker) = active {
            let _ = worker.post_message(&format!("aims:keep {code}").into());
        }
    });
}

/// Switches to the waiting version: it takes over, and the page reloads under it.
pub fn switch_version() {
    let Some(container) = sw_container() else {
        return;
    };
    let reload = Closure::<dyn Fn()>::new(|| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    });
    container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
    reload.forget();
    let Ok(ready) = container.ready() else {
        return;
    };
    settle(&ready, |outcome| {
        let waiting = outcome
            .dyn_into::<web_sys::ServiceWorkerRegistration>()
            .ok()
            .and_then(|r| r.waiting());
        if let Some(worker) = waiting {
            let _ = worker.post_message(&"aims:switch-version".into());
        }
    });
}
