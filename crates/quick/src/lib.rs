//! The quick readiness check as a build of its own (`quick.html`, and `?mode=quick` in
//! the iframe, `mount()` and `<aims-readiness>`): 15 questions, an indicative band and
//! three areas to work on, in three languages, themed and embeddable like the full app,
//! for a fraction of its size. No Yew and no catalog: it renders with `web-sys` from
//! the engine's catalog-free quick-check tables and scores with the engine's own code.
//!
//! [`view`] makes the markup from the state (pure Rust, tested natively); `page` (native
//! only) makes `quick.html` with its first screen pre-rendered; the browser wiring
//! exists only for `wasm32`.
#![deny(missing_docs)]

pub mod view;

#[cfg(not(target_arch = "wasm32"))]
pub mod page;

/// The build script's stylesheet subset, tested here (build scripts have no tests).
#[cfg(test)]
#[path = "../../../build/css_subset.rs"]
#[allow(dead_code)]
mod css_subset;

#[cfg(target_arch = "wasm32")]
mod web;

#[cfg(target_arch = "wasm32")]
pub use web::{mount, start, QuickWidget};

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    // SAFETY: wasm32-unknown-unknown without atomics runs on one thread.
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };
