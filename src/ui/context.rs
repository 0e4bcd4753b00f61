//! What `App` provides to the screens: the state and a dispatcher.
//!
//! The state and the dispatcher are two contexts on purpose. The dispatcher never
//! changes, so a component that only sends actions (every `ItemCard`) subscribes to it
//! without being re-rendered by every change of the state; only components that show
//! state read [`use_app_state`].

use crate::ui::state::{Action, UiState};
use yew::prelude::*;

/// The element a vendor mounted the widget on (inline and custom-element embeds), which
/// share events are dispatched on; `None` on the app's own page.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Host(pub Option<web_sys::Element>);

/// The state handle (changes with every action).
pub type StateHandle = UseReducerHandle<UiState>;

/// Sends actions to the reducer; equal to itself for the app's whole life.
pub type Dispatch = UseReducerDispatcher<UiState>;

/// The app state. Every screen is rendered inside `App`'s providers, so a missing
/// context is a programming error, never something input can cause.
#[hook]
pub fn use_app_state() -> StateHandle {
    use_context::<StateHandle>().unwrap_or_else(|| unreachable!("App provides the state"))
}

/// The host element, if the widget is mounted on a host page.
#[hook]
pub fn use_host() -> Option<web_sys::Element> {
    use_context::<Host>().and_then(|h| h.0)
}

/// A callback that dispatches actions; stable across renders.
#[hook]
pub fn use_dispatch() -> Callback<Action> {
    let dispatch = use_context::<Dispatch>();
    use_memo(dispatch, |d| {
        let d = d.clone();
        Callback::from(move |a: Action| {
            if let Some(d) = &d {
                d.dispatch(a)
            }
        })
    })
    .as_ref()
    .clone()
}
