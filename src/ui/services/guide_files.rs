//! Loading the guide on first use, in the active language: from the offline
//! package, where it is inlined as `<script id="aims-data-guide-<code>" type="application/json">`,
//! or else fetched once from `guide/<code>.json` beside the app (or under the embed's
//! `assets` option) and kept for the rest of the visit. The service worker caches the
//! files, so a guide opened once opens offline too (the English one is cached at install).
//! The reports module reads and draws it (`components::on_demand::show_guide`).

use crate::ui::services::i18n::{active, fetch_bytes, inlined, Lang};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Where the guide is.
#[derive(Clone, Debug, PartialEq)]
pub enum GuideState {
    /// Being fetched.
    Loading,
    /// Its file, as fetched (the reports module reads it).
    Ready(Rc<Vec<u8>>),
    /// It could not be loaded (offline before the first visit, or a broken file).
    Failed(String),
}

thread_local! {
    static CACHE: RefCell<Vec<(Lang, Rc<Vec<u8>>)>> = const { RefCell::new(Vec::new()) };
}

fn cached(lang: Lang) -> Option<Rc<Vec<u8>>> {
    CACHE.with(|c| {
        c.borrow()
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, g)| g.clone())
    })
}

/// The guide in the active language: from the cache, or loaded once and then cached.
#[hook]
pub fn use_guide(assets: Option<String>) -> GuideState {
    let lang = active();
    let state = use_state(|| match cached(lang) {
        Some(g) => GuideState::Ready(g),
        None => GuideState::Loading,
    });
    {
        let state = state.clone();
        use_effect_with(lang, move |&lang| {
            if *state != GuideState::Loading {
                return;
            }
            let finish = move |bytes: Result<Vec<u8>, String>| {
                state.set(match bytes {
                    Ok(guide) => {
                        let guide = Rc::new(guide);
                        CACHE.with(|c| c.borrow_mut().push((lang, guide.clone())));
                        GuideState::Ready(guide)
                    }
                    Err(reason) => GuideState::Failed(reason),
                });
            };
            match inlined(&format!("aims-data-guide-{}", lang.code())) {
                Some(text) => finish(Ok(text.into_bytes())),
                None => {
                    let base = assets.unwrap_or_default();
                    fetch_bytes(&format!("{base}guide/{}.json", lang.code()), finish);
                }
            }
        });
    }
    (*state).clone()
}
