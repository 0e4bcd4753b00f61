//! Browser glue the full app and the quick entry share, so each exists once: waiting for
//! a promise with a plain callback, the options a host page passes to `mount()`, the
//! browser's preferred languages, and today in the person's calendar. Only for wasm32.
#![deny(missing_docs)]

#[cfg(target_arch = "wasm32")]
mod glue;

#[cfg(target_arch = "wasm32")]
pub use glue::{browser_languages, mount_options, settle, today_text};
