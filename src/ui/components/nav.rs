//! The top bar: product name, screens, and where the data lives.

use crate::ui::i18n::msg;
use crate::ui::state::{Action, Screen};
use yew::prelude::*;

/// What [`nav`] shows.
pub struct NavProps {
    /// The screen shown.
    pub screen: Screen,
    /// Name of the open assessment, if any.
    pub open: Option<String>,
    /// Hide the full-app tabs (quick-only embed).
    pub quick_only: bool,
    /// Dispatch.
    pub on_action: Callback<Action>,
}

/// The top bar.
pub fn nav(p: &NavProps) -> Html {
    let tab = |screen: Screen, label: &'static str, needs_open: bool| {
        if needs_open && p.open.is_none() {
            return html! {};
        }
        let on_action = p.on_action.clone();
        let current = p.screen == screen;
        html! {
            <li>
                <button type="button" class="aims-tab"
                    aria-current={current.then_some("page")}
                    onclick={super::send(&on_action, Action::Show(screen))}>{ label }</button>
            </li>
        }
    };
    html! {
        <header class="aims-top">
            <div class="aims-brand">
                <span class="aims-logo" aria-hidden="true">{ "◆" }</span>
                <span class="aims-brand-name">{ msg::APP_NAME }</span>
                <span class="aims-brand-std">{ msg::APP_STANDARD }</span>
            </div>
            if !p.quick_only {
                <nav class="aims-tabs" aria-label={msg::NAV_LABEL}>
                    <ul>
                        { tab(Screen::Home, msg::NAV_HOME, false) }
                        { tab(Screen::Assess, msg::NAV_ASSESS, true) }
                        { tab(Screen::Documents, msg::NAV_DOCUMENTS, true) }
                        { tab(Screen::Results, msg::NAV_RESULTS, true) }
                        { tab(Screen::Quick, msg::NAV_QUICK, false) }
                    </ul>
                </nav>
            }
            if let Some(name) = &p.open {
                <p class="aims-open-name"><span class="aims-muted">{ msg::NAV_OPEN }</span>{ " " }<strong>{ name }</strong></p>
            }
        </header>
    }
}
