//! The reports under the Results tab: results, Statement of Applicability, action plan,
//! the printable readiness report, crosswalks and comparison, each its own route.

use crate::ui::components::nav::route_link;
use crate::ui::route::{AssessmentScreen, Route};
use crate::ui::services::i18n::msg;
use yew::prelude::*;
use yew_router::prelude::use_navigator;

/// Props of [`ResultTabs`].
#[derive(Properties, PartialEq)]
pub struct ResultTabsProps {
    /// The open assessment's id.
    pub id: String,
    /// The report on screen.
    pub current: AssessmentScreen,
}

/// Links between the reports (not printed).
#[component]
pub fn ResultTabs(p: &ResultTabsProps) -> Html {
    let navigator = use_navigator();
    let tab = |screen: AssessmentScreen, label: &'static str| {
        let current = screen == p.current;
        html! { <li>{ route_link(&navigator, Route::of(&p.id, screen), "aims-subtab", html! { label }, current) }</li> }
    };
    html! {
        <nav class="aims-subtabs aims-noprint" aria-label={msg::reports_label()}>
            <ul>
                { tab(AssessmentScreen::Results, msg::reports_results()) }
                { tab(AssessmentScreen::Soa, msg::reports_soa()) }
                { tab(AssessmentScreen::Plan, msg::reports_plan()) }
                { tab(AssessmentScreen::ReadinessReport, msg::reports_report()) }
                { tab(AssessmentScreen::Crosswalks, msg::reports_crosswalks()) }
                { tab(AssessmentScreen::Compare, msg::reports_compare()) }
            </ul>
        </nav>
    }
}
