//! Loading the guide (issue 15) on first use: from the offline package, where it is
//! inlined as `<script id="aims-guide-en" type="application/json">`, or else fetched
//! once from `guide/en.json` beside the app (or under the embed's `assets` option) and
//! kept for the rest of the visit. The service worker caches the file, so it opens
//! offline too.

use crate::engine::guide::{parse, Guide};
use crate::ui::promise::settle;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

/// Where the guide is.
#[derive(Clone, Debug, PartialEq)]
pub enum GuideState {
    /// Being fetched.
    Loading,
    /// Read and checked.
    Ready(Rc<Guide>),
    /// It could not be loaded (offline before the first visit, or a broken file).
    Failed(String),
}

thread_local! {
    static CACHE: RefCell<Option<Rc<Guide>>> = const { RefCell::new(None) };
}

fn inlined() -> Option<String> {
    let doc = web_sys::window()?.document()?;
    doc.get_element_by_id("aims-guide-en")?.text_content()
}

fn fetch(url: &str, done: impl FnOnce(Result<Vec<u8>, String>) + 'static) {
    let Some(window) = web_sys::window() else {
        return done(Err("no window".into()));
    };
    let url = url.to_owned();
    settle(&window.fetch_with_str(&url), move |outcome: JsValue| {
        let Ok(response) = outcome.dyn_into::<web_sys::Response>() else {
            return done(Err(format!("{url}: the network is not reachable")));
        };
        if !response.ok() {
            return done(Err(format!("{url}: HTTP {}", response.status())));
        }
        let Ok(body) = response.array_buffer() else {
            return done(Err(format!("{url}: unreadable")));
        };
        settle(&body, move |buffer: JsValue| {
            match buffer.dyn_ref::<js_sys::ArrayBuffer>() {
                Some(b) => done(Ok(js_sys::Uint8Array::new(b).to_vec())),
                None => done(Err(format!("{url}: unreadable"))),
            }
        });
    });
}

/// The guide: from the cache, or loaded once and then cached.
#[hook]
pub fn use_guide(assets: Option<String>) -> GuideState {
    let state = use_state(|| match CACHE.with(|c| c.borrow().clone()) {
        Some(g) => GuideState::Ready(g),
        None => GuideState::Loading,
    });
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            if *state != GuideState::Loading {
                return;
            }
            let finish = move |bytes: Result<Vec<u8>, String>| {
                let result = bytes.and_then(|b| parse(&b));
                state.set(match result {
                    Ok(guide) => {
                        let guide = Rc::new(guide);
                        CACHE.with(|c| *c.borrow_mut() = Some(guide.clone()));
                        GuideState::Ready(guide)
                    }
                    Err(reason) => GuideState::Failed(reason),
                });
            };
            match inlined() {
                Some(text) => finish(Ok(text.into_bytes())),
                None => {
                    let base = assets.unwrap_or_default();
                    fetch(&format!("{base}guide/en.json"), finish);
                }
            }
        });
    }
    (*state).clone()
}
