//! The reports under the Results tab: results, Statement of Applicability, action plan,
//! the printable readiness report, crosswalks and comparison, each its own route.

use super::nav::route_link;
use crate::ui::i18n::msg;
use crate::ui::route::{AssessmentScreen, Route};
use yew::prelude::*;
use yew_router::prelude::use_navigator;

/// Props of [`ReportTabs`].
#[derive(Properties, PartialEq)]
pub struct ReportTabsProps {
    /// The open assessment's id.
    pub id: String,
    /// The report on screen.
    pub current: AssessmentScreen,
}

/// Links between the reports (not printed).
#[component]
pub fn ReportTabs(p: &ReportTabsProps) -> Html {
    let navigator = use_navigator();
    let tab = |screen: AssessmentScreen, label: &'static str| {
        let current = screen == p.current;
        html! { <li>{ route_link(&navigator, Route::of(&p.id, screen), "aims-subtab", html! { label }, current) }</li> }
    };
    html! {
        <nav class="aims-subtabs aims-noprint" aria-label={msg::REPORTS_LABEL}>
            <ul>
                { tab(AssessmentScreen::Results, msg::REPORTS_RESULTS) }
                { tab(AssessmentScreen::Soa, msg::REPORTS_SOA) }
                { tab(AssessmentScreen::Plan, msg::REPORTS_PLAN) }
                { tab(AssessmentScreen::Report, msg::REPORTS_REPORT) }
                { tab(AssessmentScreen::Crosswalks, msg::REPORTS_CROSSWALKS) }
                { tab(AssessmentScreen::Compare, msg::REPORTS_COMPARE) }
            </ul>
        </nav>
    }
}
