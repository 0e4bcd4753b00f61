//! Opens the assessment an address names before showing one of its screens: the first
//! render after a reload or a shared link has nothing open yet.

use crate::ui::context::{use_app_state, use_dispatch};
use crate::ui::pages::assess::Assess;
use crate::ui::pages::compare::CompareScreen;
use crate::ui::pages::crosswalks::CrosswalkScreen;
use crate::ui::pages::documents::Documents;
use crate::ui::pages::not_found::{Missing, NotFound};
use crate::ui::pages::plan::PlanScreen;
use crate::ui::pages::profile::ProfileScreen;
use crate::ui::pages::readiness_report::ReadinessReportScreen;
use crate::ui::pages::registers::RegistersScreen;
use crate::ui::pages::results::Results;
use crate::ui::pages::soa::SoaScreen;
use crate::ui::route::AssessmentScreen;
use crate::ui::services::i18n::msg;
use crate::ui::state::Action;
use yew::prelude::*;

/// Props of [`AssessmentGate`].
#[derive(Properties, PartialEq)]
pub struct GateProps {
    /// The assessment the address names.
    pub id: String,
    /// Which of its screens.
    pub screen: AssessmentScreen,
}

/// Shows `screen` of assessment `id`, opening it first, or says why it cannot.
#[component]
pub fn AssessmentGate(p: &GateProps) -> Html {
    let state = use_app_state();
    let dispatch = use_dispatch();
    let open = state.current.clone().filter(|a| a.id == p.id);
    let failed = state.open_failed.clone().filter(|f| f.id == p.id);
    let needs_open = open.is_none() && failed.is_none();
    use_effect_with((p.id.clone(), needs_open), move |(id, needs_open)| {
        if *needs_open {
            dispatch.emit(Action::Open(id.clone()));
        }
    });
    if let Some(f) = failed {
        let missing = if f.missing {
            Missing::Assessment(f.id)
        } else {
            Missing::Unreadable(f.id, f.error.describe(crate::ui::services::i18n::texts()))
        };
        return html! { <NotFound {missing} /> };
    }
    let (Some(assessment), Some(report)) = (open, state.report.clone()) else {
        return html! { <p class="aims-screen aims-muted" role="status">{ msg::app_opening() }</p> };
    };
    match &p.screen {
        AssessmentScreen::Assess(item) => {
            let found = item
                .as_deref()
                .map(|i| crate::ui::services::i18n::catalog().find_item(i));
            match (item, found) {
                (Some(raw), Some(None)) => {
                    html! { <NotFound missing={Missing::Item(p.id.clone(), raw.clone())} /> }
                }
                _ => html! { <Assess {assessment} {report} item={found.flatten()} /> },
            }
        }
        AssessmentScreen::Profile => html! { <ProfileScreen {assessment} /> },
        AssessmentScreen::Documents => html! { <Documents {assessment} /> },
        AssessmentScreen::Register(register) => {
            html! { <RegistersScreen {assessment} register={*register} /> }
        }
        AssessmentScreen::Results => html! { <Results {assessment} {report} /> },
        AssessmentScreen::Soa => html! { <SoaScreen {assessment} /> },
        AssessmentScreen::Plan => html! { <PlanScreen {assessment} {report} /> },
        AssessmentScreen::ReadinessReport => {
            html! { <ReadinessReportScreen {assessment} {report} /> }
        }
        AssessmentScreen::Crosswalks => html! { <CrosswalkScreen {assessment} /> },
        AssessmentScreen::Compare => html! { <CompareScreen {assessment} /> },
    }
}
