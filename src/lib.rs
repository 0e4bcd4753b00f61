//! aims-readiness: an ISO/IEC 42001 readiness assessment that runs entirely in the browser.
//!
//! [`engine`] is the `aims-engine` crate (pure Rust: catalog, scoring, reports, file
//! formats). [`state`] is the app's pure reducer and its store interface, and [`config`]
//! the start-up options; these three compile and test natively. [`ui`] is the Yew
//! single-page app over them and exists only for `wasm32`.
#![deny(missing_docs)]

pub use aims_engine as engine;

pub mod config;
pub mod state;

#[cfg(target_arch = "wasm32")]
pub mod ui;

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    // SAFETY: wasm32-unknown-unknown without atomics runs on one thread.
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };
