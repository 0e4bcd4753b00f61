//! The Yew single-page app. Compiled only for `wasm32`; every figure it shows comes
//! from [`crate::engine`].
//!
//! Ways to start (docs/embedding.md):
//! - the app's own page (`index.html` has an element with `data-aims-app`): options
//!   come from the URL query, so an iframe can pass them; routes live in the URL hash;
//! - inline on a host page: the host calls [`mount`] with an element and options;
//!   the widget renders inside a shadow root with its own styles, and its routes live
//!   in memory, so the host page's address and history are never touched;
//! - the `<aims-readiness>` custom element (`assets/aims-readiness-element.js`), which
//!   calls [`mount`] and [`Widget::destroy`] as it is added, changed and removed.

pub mod app;
pub mod clock;
pub mod components;
pub mod config;
pub mod context;
pub mod download;
pub mod files;
pub mod guide;
pub mod i18n;
pub mod promise;
pub mod route;
pub mod service_worker;
pub mod share;
pub mod state;
pub mod storage;

use config::Config;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew_router::history::{AnyHistory, MemoryHistory};

/// The widget's stylesheet, embedded so an inline mount can put it in its shadow root.
pub const STYLES: &str = include_str!(concat!(env!("OUT_DIR"), "/styles.min.css"));

thread_local! {
    /// The stylesheet as one constructable sheet, shared by the page and every shadow
    /// root. Adopted sheets are not inline `<style>` elements, so neither the app's own
    /// Content-Security-Policy nor a host page's needs `'unsafe-inline'` for them.
    static SHEET: Option<web_sys::CssStyleSheet> = {
        let sheet = web_sys::CssStyleSheet::new().ok();
        sheet.filter(|s| s.replace_sync(STYLES).is_ok())
    };
}

/// Where the stylesheet is adopted.
enum StyleScope<'a> {
    Page(&'a web_sys::Document),
    Shadow(&'a web_sys::ShadowRoot),
}

impl StyleScope<'_> {
    fn sheets(&self) -> js_sys::Array {
        match self {
            StyleScope::Page(d) => d.adopted_style_sheets(),
            StyleScope::Shadow(s) => s.adopted_style_sheets(),
        }
    }

    fn set_sheets(&self, sheets: &js_sys::Array) {
        match self {
            StyleScope::Page(d) => d.set_adopted_style_sheets(sheets),
            StyleScope::Shadow(s) => s.set_adopted_style_sheets(sheets),
        }
    }

    /// Adopts the widget's sheet here (once).
    fn adopt(&self) {
        SHEET.with(|sheet| {
            let Some(sheet) = sheet else { return };
            let sheets = self.sheets();
            if !sheets.includes(sheet, 0) {
                sheets.push(sheet);
                self.set_sheets(&sheets);
            }
        });
    }

    /// Gives the widget's sheet up again.
    fn release(&self) {
        SHEET.with(|sheet| {
            let Some(sheet) = sheet else { return };
            let sheet: &JsValue = sheet.as_ref();
            let kept = self.sheets().filter(&mut |s, _, _| s != *sheet);
            self.set_sheets(&kept);
        });
    }
}

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
    let saved = storage::Store::new(&config.namespace).language();
    let lang = i18n::preferred(config.lang, saved);
    i18n::load(lang, None, move |_| render_when_allowed(root, config));
}

/// Renders the page, after the deployer's policy has decided whether a host origin
/// may receive anything (in a frame that is to share with one).
fn render_when_allowed(root: web_sys::Element, config: Config) {
    match config.share.clone() {
        config::ShareTarget::ParentOrigin(origin) => fetch_embed_policy(move |policy| {
            let mut config = config;
            if !config::policy_allows(policy.as_deref(), &origin) {
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

/// Reads the deployer's embed policy beside the page: `None` when there is none (404),
/// the text otherwise; any other failure gives an empty text, which allows nobody.
fn fetch_embed_policy(done: impl FnOnce(Option<String>) + 'static) {
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

/// A mounted widget, returned by [`mount`].
#[wasm_bindgen]
pub struct Widget {
    handle: Option<yew::AppHandle<app::App>>,
    root: Option<web_sys::Element>,
    shadow: web_sys::ShadowRoot,
}

#[wasm_bindgen]
impl Widget {
    /// Removes the widget: its components, its root and its styles. Saved assessments
    /// stay in storage. Calling it twice does nothing more.
    pub fn destroy(&mut self) {
        if let Some(handle) = self.handle.take() {
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
    let mut pairs: Vec<(String, String)> = Vec::new();
    let attributes = element.attributes();
    for i in 0..attributes.length() {
        if let Some(attr) = attributes.item(i) {
            if let Some(name) = attr.name().strip_prefix("data-") {
                pairs.push((name.to_owned(), attr.value()));
            }
        }
    }
    if let Some(object) = options.dyn_ref::<js_sys::Object>() {
        for entry in js_sys::Object::entries(object).iter() {
            let entry: js_sys::Array = entry.unchecked_into();
            let (Some(key), value) = (entry.get(0).as_string(), entry.get(1)) else {
                continue;
            };
            let value = value
                .as_string()
                .or_else(|| value.as_bool().map(|b| b.to_string()))
                .unwrap_or_default();
            pairs.push((key, value));
        }
    }
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
    let history = MemoryHistory::with_entries([yew_router::Routable::to_path(&start)]);
    let handle = yew::Renderer::<app::App>::with_root_and_props(
        root.clone(),
        app::AppProps {
            config: Rc::new(config),
            host: Some(element),
            history: Some(AnyHistory::from(history)),
        },
    )
    .render();
    Ok(Widget {
        handle: Some(handle),
        root: Some(root),
        shadow,
    })
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
