//! Browser tests (wasm-bindgen-test in headless Chromium):
//! `cargo test --target wasm32-unknown-unknown --test web`.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::wasm_bindgen_test_configure;

wasm_bindgen_test_configure!(run_in_browser);

mod fill;
mod render;
mod routes;
mod storage;
