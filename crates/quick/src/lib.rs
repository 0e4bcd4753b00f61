//! The quick readiness check as a build of its own (`quick.html`, and `?mode=quick` in
//! the iframe, `mount()` and `<aims-readiness>`): 15 questions, an indicative band and
//! three areas to work on, in three languages, themed and embeddable like the full app,
//! for a fraction of its size. No Yew and no catalog: it renders with `web-sys` from
//! the engine's catalog-free quick-check tables and scores with the engine's own code.
//!
//! [`view`] makes the markup from the state (pure Rust, tested natively); the browser
//! wiring exists only for `wasm32`.
#![deny(missing_docs)]

pub mod view;

#[cfg(target_arch = "wasm32")]
mod web;

#[cfg(target_arch = "wasm32")]
pub use web::{mount, start, QuickWidget};

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static ALLOCATOR: lol_alloc::AssumeSingleThreaded<lol_alloc::FreeListAllocator> =
    // SAFETY: wasm32-unknown-unknown without atomics runs on one thread.
    unsafe { lol_alloc::AssumeSingleThreaded::new(lol_alloc::FreeListAllocator::new()) };
