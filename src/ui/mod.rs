//! The Yew single-page app. Compiled only for `wasm32`; every figure it shows comes
//! from [`crate::engine`].

pub mod app;

use wasm_bindgen::prelude::wasm_bindgen;

/// Entry point: mounts the app into the page's body when the module loads.
#[wasm_bindgen(start)]
pub fn start() {
    yew::Renderer::<app::App>::new().render();
}
