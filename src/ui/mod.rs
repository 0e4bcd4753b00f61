//! The Yew single-page app. Compiled only for `wasm32`; every figure it shows comes
//! from [`crate::engine`].
//!
//! Ways to start (docs/embedding.md):
//! - the app's own page (`index.html` has an element with `data-aims-app`): options
//!   come from the URL query, so an iframe can pass them; routes live in the URL hash;
//! - inline on a host page: the host calls [`embed::mount`] with an element and options;
//!   the widget renders inside a shadow root with its own styles, and its routes live
//!   in memory, so the host page's address and history are never touched;
//! - the `<aims-readiness>` custom element (`assets/aims-readiness-element.js`), which
//!   calls [`embed::mount`] and [`embed::Widget::destroy`] as it is added, changed and
//!   removed.
//!
//! Laid out by role: [`boot`] and [`embed`] start the app; [`app`] provides the state
//! and routes to [`pages`] (one per route), which are built from [`components`];
//! [`state`] holds the reducer; [`services`] is everything that talks to the browser
//! (storage, files, languages, the service worker, the clock).

pub mod app;
pub mod boot;
pub mod components;
pub mod context;
pub mod embed;
pub mod pages;
pub mod route;
pub mod services;
pub mod state;
pub mod styles;

pub use embed::{mount, Widget};
