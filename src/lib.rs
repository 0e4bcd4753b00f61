//! aims-readiness: an ISO/IEC 42001 readiness assessment that runs entirely in the browser.
//!
//! [`engine`] is pure Rust (catalog, scoring, export/import) and compiles and tests
//! natively; [`ui`] is the Yew single-page app and exists only for `wasm32`.
#![deny(missing_docs)]

pub mod engine;

#[cfg(target_arch = "wasm32")]
pub mod ui;
