//! The embed API: [`mount`] renders the widget inline into a host page's element (in a
//! shadow root, with routes in memory) and returns a [`Widget`] whose `destroy()` removes
//! it; the `<aims-readiness>` custom element (`assets/aims-readiness-element.js`) calls
//! both. Also the deployer's embed policy, which decides whether a framed app may share
//! with its parent's origin.

use crate::config::{self, Config};
use crate::ui::app;
use crate::ui::route;
use crate::ui::services::{promise, records};
use crate::ui::styles::StyleScope;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew_router::history::{AnyHistory, MemoryHistory};

/// A mounted widget, returned by [`mount`].
#[wasm_bindgen]
pub struct Widget {
    /// The app, once its records are open (`records::open`: a few milliseconds).
    handle: Rc<RefCell<Option<yew::AppHandle<app::App>>>>,
    root: Option<web_sys::Element>,
    shadow: web_sys::ShadowRoot,
}

#[wasm_bindgen]
impl Widget {
    /// Removes the widget: its components, its root and its styles. Saved assessments
    /// stay in storage. Calling it twice does nothing more.
    pub fn destroy(&mut self) {
        if let Some(handle) = self.handle.borrow_mut().take() {
            handle.destroy();
        }
        if let Some(root) = self.root.take() {
            root.remove();
            StyleScope::Shadow(&self.shadow).release();
        }
    }
}

/// Mounts the widget inline into `element` of a host page. `options` is an object
/// (`{mode: "quick", theme: "dark", accent: "#0a7", namespace: "acme", share: "event", ...}`);
/// the element's `data-` attributes are read too (the object wins). Returns the
/// [`Widget`], whose `destroy()` removes it again.
#[wasm_bindgen]
pub fn mount(element: web_sys::Element, options: JsValue) -> Result<Widget, JsValue> {
    let pairs = aims_web::mount_options(&element, &options);
    let config = Config::from_options(&pairs, true, false);
    let shadow = match element.shadow_root() {
        Some(existing) => existing,
        None => {
            element.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))?
        }
    };
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    StyleScope::Shadow(&shadow).adopt();
    let root = document.create_element("div")?;
    shadow.append_child(&root)?;
    let start = match config.mode {
        config::Mode::Quick => route::Route::Quick,
        config::Mode::Full => route::Route::Home,
    };
    // The loader hands over from the quick entry with the screen to open (`start`).
    let first = config
        .start
        .clone()
        .filter(|path| <route::Route as yew_router::Routable>::recognize(path).is_some())
        .unwrap_or_else(|| yew_router::Routable::to_path(&start));
    let history = MemoryHistory::with_entries([first]);
    let handle = Rc::new(RefCell::new(None));
    let (slot, place) = (Rc::clone(&handle), root.clone());
    let prefix = config::storage_prefix(&config.namespace);
    let lang = crate::ui::services::i18n::preferred(
        config.lang,
        crate::state::Repository::language(&crate::ui::services::storage::LocalStore::new(
            &config.namespace,
        )),
    );
    records::open(&prefix, &root, lang.code(), move || {
        // Removed before its records were open: nothing to show.
        if !place.is_connected() {
            return;
        }
        let app = yew::Renderer::<app::App>::with_root_and_props(
            place,
            app::AppProps {
                config: Rc::new(config),
                host: Some(element),
                history: Some(AnyHistory::from(history)),
            },
        )
        .render();
        *slot.borrow_mut() = Some(app);
    });
    Ok(Widget {
        handle,
        root: Some(root),
        shadow,
    })
}

/// Reads the deployer's embed policy beside the page: `None` when there is none (404),
/// the text otherwise; any other failure gives an empty text, which allows nobody.
pub fn fetch_embed_policy(done: impl FnOnce(Option<String>) + 'static) {
    let Some(window) = web_sys::window() else {
        done(Some(String::new()));
        return;
    };
    let request = window.fetch_with_str(config::EMBED_POLICY_FILE);
    promise::settle(&request, move |outcome| {
        let Some(response) = outcome.dyn_ref::<web_sys::Response>() else {
            return done(Some(String::new()));
        };
        if response.status() == 404 {
            return done(None);
        }
        match response.text() {
            Ok(text) if response.ok() => promise::settle(&text, move |text| {
                done(Some(text.as_string().unwrap_or_default()))
            }),
            _ => done(Some(String::new())),
        }
    });
}
