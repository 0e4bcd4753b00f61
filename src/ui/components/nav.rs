//! The top bar: product name, screens, and where the data lives.

use crate::ui::i18n::t;
use crate::ui::state::{Action, Screen};
use yew::prelude::*;

/// Props of [`Nav`].
#[derive(Properties, PartialEq)]
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
#[component]
pub fn Nav(p: &NavProps) -> Html {
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
                    onclick={Callback::from(move |_| on_action.emit(Action::Show(screen)))}>{ t(label) }</button>
            </li>
        }
    };
    html! {
        <header class="aims-top">
            <div class="aims-brand">
                <span class="aims-logo" aria-hidden="true">{ "◆" }</span>
                <span class="aims-brand-name">{ t("app.name") }</span>
                <span class="aims-brand-std">{ t("app.standard") }</span>
            </div>
            if !p.quick_only {
                <nav class="aims-tabs" aria-label={t("nav.label")}>
                    <ul>
                        { tab(Screen::Home, "nav.home", false) }
                        { tab(Screen::Assess, "nav.assess", true) }
                        { tab(Screen::Documents, "nav.documents", true) }
                        { tab(Screen::Results, "nav.results", true) }
                        { tab(Screen::Quick, "nav.quick", false) }
                    </ul>
                </nav>
            }
            if let Some(name) = &p.open {
                <p class="aims-open-name"><span class="aims-muted">{ t("nav.open") }</span>{ " " }<strong>{ name }</strong></p>
            }
        </header>
    }
}
