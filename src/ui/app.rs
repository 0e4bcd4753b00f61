//! The app root.

use yew::prelude::*;

/// The root component.
#[component]
pub fn App() -> Html {
    html! {
        <main class="aims-app">
            <header class="aims-header">
                <h1 class="aims-title">{ "AIMS Readiness" }</h1>
                <p class="aims-subtitle">{ "ISO/IEC 42001 readiness assessment that never leaves your browser" }</p>
            </header>
        </main>
    }
}
