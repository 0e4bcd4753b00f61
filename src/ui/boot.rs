//! Start-up on the app's own page (`index.html`, also inside an iframe): options from
//! the URL query, the language loaded before the first render, the deployer's embed
//! policy asked when the page is to share with its parent, then the app rendered with
//! routes in the URL hash. On a host page the module does nothing by itself (the host
//! calls [`crate::ui::embed::mount`]).

use crate::config::{self, Config};
use crate::state::Repository;
use crate::ui::app;
use crate::ui::embed::fetch_embed_policy;
use crate::ui::services::{i18n, records, storage};
use crate::ui::styles::StyleScope;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Entry point when the module loads: renders into the app's own page, and does nothing
/// on a host page (which calls [`mount`] itself).
#[wasm_bindgen(start)]
pub fn start() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(root) = document.query_selector("[data-aims-app]").ok().flatten() else {
        return;
    };
    let config = config_from_url();
    root.set_inner_html(""); // the "Loading…" placeholder
    StyleScope::Page(&document).adopt();
    guard_hash();
    // A quick-check page opened without an address starts at the quick check.
    if config.mode == config::Mode::Quick {
        start_at_quick_check();
    }
    // The language is loaded before the first render, so a German or French visitor
    // never sees English first (English needs no download; a failed download leaves it).
    // The records are opened before anything reads them (the browser's database,
    // services::records); the language is read from localStorage meanwhile.
    let saved = storage::LocalStore::new(&config.namespace).language();
    let lang = i18n::preferred(config.lang, saved);
    let prefix = crate::config::storage_prefix(&config.namespace);
    records::open(&prefix, &root.clone(), lang.code(), move || {
        i18n::load(lang, None, move |_| render_when_allowed(root, config))
    });
}

/// Renders the page, after the deployer's policy has decided whether a host origin
/// may receive anything (in a frame that is to share with one).
fn render_when_allowed(root: web_sys::Element, config: Config) {
    match config.share.clone() {
        config::ShareTarget::ParentOrigin(origin) => fetch_embed_policy(move |policy| {
            let mut config = config;
            if !config::embed_policy(policy.as_deref()).allows(&origin) {
                config.share = config::ShareTarget::None;
            }
            render_page(root, config);
        }),
        _ => render_page(root, config),
    }
}

fn render_page(root: web_sys::Element, config: Config) {
    yew::Renderer::<app::App>::with_root_and_props(
        root,
        app::AppProps {
            config: Rc::new(config),
            host: None,
            history: None,
        },
    )
    .render();
}

/// The hash router only understands hashes that start with `#/`; one typed or linked
/// by hand (`#results`) would stop it. Such a hash is turned into the not-found route
/// before the router's own listener (registered after this one) reads it.
fn guard_hash() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let fix = Closure::<dyn Fn()>::new(|| {
        let Some(window) = web_sys::window() else {
            return;
        };
        let hash = window.location().hash().unwrap_or_default();
        if !hash.is_empty() && !hash.starts_with("#/") {
            if let Ok(history) = window.history() {
                let _ = history.replace_state_with_url(&JsValue::NULL, "", Some("#/not-found"));
            }
        }
    });
    let _ = window.add_event_listener_with_callback("popstate", fix.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    fix.forget();
}

/// Puts `#/quick` in the address when it has no route yet (before the router reads it).
fn start_at_quick_check() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let hash = window.location().hash().unwrap_or_default();
    if matches!(hash.as_str(), "" | "#") {
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some("#/quick"));
        }
    }
}

/// Options from the page's query string (`?mode=quick&theme=dark&share-origin=…`).
/// Share-to-parent is only possible when the page really is in a frame.
fn config_from_url() -> Config {
    let Some(window) = web_sys::window() else {
        return Config::default();
    };
    let search = window.location().search().unwrap_or_default();
    let framed = window.parent().ok().flatten().is_some_and(|p| p != window);
    let params = web_sys::UrlSearchParams::new_with_str(&search).ok();
    let names = [
        "mode",
        "namespace",
        "theme",
        "accent",
        "cta-text",
        "cta-href",
        "share-origin",
        "lang",
    ];
    let pairs: Vec<(String, String)> = names
        .iter()
        .filter_map(|&n| Some((n.to_owned(), params.as_ref()?.get(n)?)))
        .collect();
    Config::from_options(&pairs, framed, framed)
}
