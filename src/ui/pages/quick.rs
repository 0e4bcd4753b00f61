//! The quick readiness check's routes in the full app: the hand-over to the quick
//! build (`#/quick`) and back from it (`#/quick/continue`).

use crate::ui::context::{use_app_state, use_dispatch, use_host};
use crate::ui::route::Route;
use crate::ui::services::clock::new_id;
use crate::ui::services::i18n::msg;
use crate::ui::state::Action;
use yew::prelude::*;
use yew_router::prelude::use_navigator;

/// The hand-over from the quick entry: a new full assessment from the saved quick-check
/// answers (as estimates), opened in place of this address, so "back" does not come
/// here again.
#[component]
pub fn QuickContinue() -> Html {
    let act = use_dispatch();
    let navigator = use_navigator();
    use_effect_with((), move |_| {
        let id = new_id();
        act.emit(Action::QuickContinue(id.clone()));
        if let Some(n) = &navigator {
            n.replace(&Route::Assess { id });
        }
    });
    html! {}
}

/// The quick check lives in its own small build (`crates/quick`), so this route hands
/// over to it. On the app's own page, in an iframe and in the offline copy the page is
/// loaded again: its loader starts the quick build for `#/quick`. Embedded on a host
/// page, the loader (`aims-readiness-element.js`) takes the `aims:quick` event and puts
/// the quick build in this widget's place; without that loader (the full app's own
/// `mount()`), a link opens the quick check's own page.
#[component]
pub fn Quick() -> Html {
    let host = use_host();
    let assets = use_app_state().config.assets.clone().unwrap_or_default();
    let handed_over = use_state(|| true);
    {
        let handed_over = handed_over.clone();
        use_effect_with((), move |_| match host {
            None => {
                if let Some(location) = web_sys::window().map(|w| w.location()) {
                    let _ = location.reload();
                }
            }
            Some(host) => {
                let init = web_sys::CustomEventInit::new();
                init.set_cancelable(true);
                // `dispatch_event` is false when a listener took the event.
                let taken = web_sys::CustomEvent::new_with_event_init_dict("aims:quick", &init)
                    .and_then(|event| host.dispatch_event(&event))
                    .is_ok_and(|not_taken| !not_taken);
                handed_over.set(taken);
            }
        });
    }
    if *handed_over {
        return html! { <p class="aims-muted">{ msg::nav_quick_loading() }</p> };
    }
    html! {
        <section class="aims-screen">
            <h1 class="aims-h1">{ msg::nav_quick() }</h1>
            <p><a class="aims-link" href={format!("{assets}quick.html")} target="_blank" rel="noopener">{ msg::nav_quick_page() }</a></p>
        </section>
    }
}
