//! The app root: owns the state, themes the widget, routes between screens.

use super::components::assess::{assess, use_assess_ui, AssessProps};
use super::components::banner::{banner, BannerProps};
use super::components::documents::{documents, DocumentsProps};
use super::components::home::{home, use_home_ui, HomeProps};
use super::components::nav::{nav, NavProps};
use super::components::quick::{quick, use_quick_ui, QuickProps};
use super::components::results::{results, ResultsProps};
use super::config::{Config, Mode, Theme};
use super::download::{download, download_export};
use super::i18n::msg;
use super::share;
use super::state::{Action, AppState, Screen};
use crate::engine::quick::QuickResult;
use crate::engine::Catalog;
use std::rc::Rc;
use yew::prelude::*;

/// Props of [`App`].
#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// Start-up options.
    #[prop_or_default]
    pub config: Rc<Config>,
    /// The host element inline embeds dispatch share events on.
    #[prop_or_default]
    pub host: Option<web_sys::Element>,
}

/// The root component.
#[component]
pub fn App(props: &AppProps) -> Html {
    let config = props.config.clone();
    let state = use_reducer(move || AppState::load((*config).clone()));
    let dispatch = {
        let state = state.clone();
        Callback::from(move |a: Action| state.dispatch(a))
    };
    let on_edit = dispatch.reform(Action::Edit);
    // The screens' own state lives here so that the screens are view functions.
    let assess_ui = use_assess_ui();
    let home_ui = use_home_ui(state.screen == Screen::Home);
    let quick_ui = use_quick_ui(&state.quick, state.screen == Screen::Quick);

    let export_current = {
        let current = state.current.clone();
        current.map(|a| {
            Callback::from(move |_: ()| {
                download_export(&a);
            })
        })
    };
    let export_saved = {
        let state = state.clone();
        Callback::from(
            move |id: String| match state.store.load(Catalog::builtin(), &id) {
                Ok(a) => {
                    download_export(&a);
                }
                Err(_) => {
                    // A broken entry can still be downloaded as it is stored, to rescue by hand.
                    if let Some(raw) = state.store.load_raw(&id) {
                        download(&format!("{id}-unreadable.json"), "application/json", &raw);
                    }
                }
            },
        )
    };
    let on_share = {
        let (target, host) = (state.config.share.clone(), props.host.clone());
        Callback::from(move |r: QuickResult| {
            share::send(&target, host.as_ref(), &r);
        })
    };

    let c = &state.config;
    let theme = match c.theme {
        Theme::Auto => "auto",
        Theme::Light => "light",
        Theme::Dark => "dark",
    };
    let style = c.accent.as_ref().map(|a| {
        format!(
            "--aims-accent:{a};--aims-on-accent:{}",
            super::config::text_on(a)
        )
    });
    // A quick-only embed shows no tabs until the visitor continues into a full assessment.
    let quick_only = c.mode == Mode::Quick && c.embedded && state.current.is_none();
    let cta = c.cta_text.clone().zip(c.cta_href.clone());

    let screen = match (state.screen, state.current.clone(), state.report.clone()) {
        (Screen::Quick, _, _) => {
            let props = QuickProps {
                answers: state.quick.clone(),
                cta,
                can_share: c.share != super::config::ShareTarget::None,
                on_share,
                on_action: dispatch.clone(),
            };
            quick(&props, &quick_ui)
        }
        (Screen::Assess, Some(a), Some(r)) => {
            let props = AssessProps {
                assessment: a,
                report: r,
                on_edit: on_edit.clone(),
            };
            assess(&props, &assess_ui)
        }
        (Screen::Documents, Some(a), _) => documents(&DocumentsProps {
            assessment: a,
            on_edit: on_edit.clone(),
        }),
        (Screen::Results, Some(a), Some(r)) => results(&ResultsProps {
            assessment: a,
            report: r,
            on_export: export_current.clone().unwrap_or_default(),
        }),
        _ => {
            let props = HomeProps {
                entries: state.entries.clone(),
                import: state.import.clone(),
                on_export: export_saved,
                on_action: dispatch.clone(),
            };
            home(&props, &home_ui)
        }
    };

    html! {
        <div class="aims-app" data-theme={theme} data-embedded={super::components::flag(c.embedded)} {style}>
            <a class="aims-skip" href="#aims-main">{ msg::APP_SKIP }</a>
            { nav(&NavProps { screen: state.screen, open: state.current.as_ref().map(|a| a.name.clone()), quick_only, on_action: dispatch.clone() }) }
            { banner(&BannerProps { unsaved: state.unsaved.clone(), unavailable: state.storage_unavailable, notice: state.notice.clone(),
                on_export: export_current, on_action: dispatch.clone() }) }
            <main id="aims-main" class="aims-main">{ screen }</main>
            <footer class="aims-footer">{ msg::APP_FOOTER }</footer>
        </div>
    }
}
