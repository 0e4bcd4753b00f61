//! The app's routes. The standalone page and the iframe keep them in the URL's hash
//! (`#/a/<id>/results`), so reload, back/forward and links to one item work from any
//! static host without server rewrites; inline and custom-element embeds keep them in
//! memory so the host page's URL and history are never touched (see [`crate::ui::app`]).

use yew_router::prelude::*;

/// Every screen the app can show, with what it needs from the address.
#[derive(Routable, Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// Saved assessments, new, import.
    #[at("/")]
    Home,
    /// The quick readiness check.
    #[at("/quick")]
    Quick,
    /// Continues from the quick check into a new full assessment with the saved
    /// answers as estimates, then shows it: where the quick entry (a build of its own)
    /// hands over to the full app.
    #[at("/quick/continue")]
    QuickContinue,
    /// The organization's AI roles, AI systems in scope, existing management systems,
    /// suggested exclusions and controls of its own.
    #[at("/a/:id/profile")]
    Profile {
        /// Assessment id.
        id: String,
    },
    /// Walk the items of an assessment.
    #[at("/a/:id/assess")]
    Assess {
        /// Assessment id.
        id: String,
    },
    /// Walk the items of an assessment, with one item in view and focused.
    #[at("/a/:id/assess/:item")]
    AssessItem {
        /// Assessment id.
        id: String,
        /// Catalog id of the item, e.g. `A.6.2.4`.
        item: String,
    },
    /// The AI system register of an assessment.
    #[at("/a/:id/systems")]
    Systems {
        /// Assessment id.
        id: String,
    },
    /// The risk criteria and the AI risk register of an assessment.
    #[at("/a/:id/risks")]
    Risks {
        /// Assessment id.
        id: String,
    },
    /// The evidence register of an assessment.
    #[at("/a/:id/evidence")]
    Evidence {
        /// Assessment id.
        id: String,
    },
    /// The evidence register with a new record's form, supporting one item (an item
    /// card's link).
    #[at("/a/:id/evidence/:item/new")]
    EvidenceNew {
        /// Assessment id.
        id: String,
        /// The item's display id (`A.7.4`).
        item: String,
    },
    /// The evidence register showing the records that support one item (an item card's
    /// link).
    #[at("/a/:id/evidence/:item")]
    EvidenceFor {
        /// Assessment id.
        id: String,
        /// The item's display id (`A.7.4`).
        item: String,
    },
    /// The mandatory documents checklist of an assessment.
    #[at("/a/:id/documents")]
    Documents {
        /// Assessment id.
        id: String,
    },
    /// Figures, verdict, chart and gaps of an assessment.
    #[at("/a/:id/results")]
    Results {
        /// Assessment id.
        id: String,
    },
    /// The Statement of Applicability of an assessment.
    #[at("/a/:id/soa")]
    Soa {
        /// Assessment id.
        id: String,
    },
    /// The action plan of an assessment.
    #[at("/a/:id/plan")]
    Plan {
        /// Assessment id.
        id: String,
    },
    /// The printable readiness report of an assessment.
    #[at("/a/:id/report")]
    ReadinessReport {
        /// Assessment id.
        id: String,
    },
    /// Crosswalks from other frameworks back to the items of an assessment.
    #[at("/a/:id/crosswalks")]
    Crosswalks {
        /// Assessment id.
        id: String,
    },
    /// An assessment beside another (progress over time, or a colleague's file).
    #[at("/a/:id/compare")]
    Compare {
        /// Assessment id.
        id: String,
    },
    /// The guidance: about the standard (the first page).
    #[at("/guide")]
    Guide,
    /// A guidance page: `about`, `frameworks`, `certification`, `glossary`, `clauses`.
    #[at("/guide/:page")]
    GuidePage {
        /// Page id.
        page: String,
    },
    /// A place on a guidance page: a glossary term, a group's explainer, a section.
    #[at("/guide/:page/:anchor")]
    GuideAnchor {
        /// Page id.
        page: String,
        /// Term, group or section id.
        anchor: String,
    },
    /// Any address the app does not know.
    #[not_found]
    #[at("/not-found")]
    NotFound,
}

/// The screens that show one assessment (the part of a [`Route`] after its id).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AssessmentScreen {
    /// Scope and AI roles.
    Profile,
    /// The items, optionally with one in view.
    Assess(Option<String>),
    /// The documents checklist.
    Documents,
    /// One of the registers.
    Register(Register),
    /// The results.
    Results,
    /// The Statement of Applicability.
    Soa,
    /// The action plan.
    Plan,
    /// The printable readiness report.
    ReadinessReport,
    /// Crosswalks from other frameworks.
    Crosswalks,
    /// Comparison with another assessment.
    Compare,
}

/// The registers, each a screen (drawn by the reports module).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Register {
    /// The AI systems.
    Systems,
    /// The risk criteria and the risks.
    Risks,
    /// The evidence records.
    Evidence,
}

impl Register {
    /// The screen's name in addresses and for the module.
    pub fn key(self) -> &'static str {
        match self {
            Register::Systems => "systems",
            Register::Risks => "risks",
            Register::Evidence => "evidence",
        }
    }

    /// The screen a name means.
    pub fn parse(key: &str) -> Option<Register> {
        [Register::Systems, Register::Risks, Register::Evidence]
            .into_iter()
            .find(|r| r.key() == key)
    }
}

impl AssessmentScreen {
    /// Whether the screen is one of the reports grouped under the Results tab.
    pub fn is_report(&self) -> bool {
        matches!(
            self,
            AssessmentScreen::Results
                | AssessmentScreen::Soa
                | AssessmentScreen::Plan
                | AssessmentScreen::ReadinessReport
                | AssessmentScreen::Crosswalks
                | AssessmentScreen::Compare
        )
    }
}

impl Route {
    /// The guidance route to a glossary term.
    pub fn term(id: &str) -> Route {
        Route::GuideAnchor {
            page: "glossary".into(),
            anchor: id.into(),
        }
    }

    /// The assessment id and screen, for routes that show one assessment.
    pub fn assessment(&self) -> Option<(&str, AssessmentScreen)> {
        match self {
            Route::Profile { id } => Some((id, AssessmentScreen::Profile)),
            Route::Assess { id } => Some((id, AssessmentScreen::Assess(None))),
            Route::AssessItem { id, item } => {
                Some((id, AssessmentScreen::Assess(Some(item.clone()))))
            }
            Route::Documents { id } => Some((id, AssessmentScreen::Documents)),
            Route::Systems { id } => Some((id, AssessmentScreen::Register(Register::Systems))),
            Route::Risks { id } => Some((id, AssessmentScreen::Register(Register::Risks))),
            Route::Evidence { id }
            | Route::EvidenceFor { id, .. }
            | Route::EvidenceNew { id, .. } => {
                Some((id, AssessmentScreen::Register(Register::Evidence)))
            }
            Route::Results { id } => Some((id, AssessmentScreen::Results)),
            Route::Soa { id } => Some((id, AssessmentScreen::Soa)),
            Route::Plan { id } => Some((id, AssessmentScreen::Plan)),
            Route::ReadinessReport { id } => Some((id, AssessmentScreen::ReadinessReport)),
            Route::Crosswalks { id } => Some((id, AssessmentScreen::Crosswalks)),
            Route::Compare { id } => Some((id, AssessmentScreen::Compare)),
            Route::Home
            | Route::Quick
            | Route::QuickContinue
            | Route::NotFound
            | Route::Guide
            | Route::GuidePage { .. }
            | Route::GuideAnchor { .. } => None,
        }
    }

    /// The route of `screen` for assessment `id` (the inverse of [`Route::assessment`]).
    pub fn of(id: &str, screen: AssessmentScreen) -> Route {
        let id = id.to_owned();
        match screen {
            AssessmentScreen::Profile => Route::Profile { id },
            AssessmentScreen::Assess(None) => Route::Assess { id },
            AssessmentScreen::Assess(Some(item)) => Route::AssessItem { id, item },
            AssessmentScreen::Documents => Route::Documents { id },
            AssessmentScreen::Register(Register::Systems) => Route::Systems { id },
            AssessmentScreen::Register(Register::Risks) => Route::Risks { id },
            AssessmentScreen::Register(Register::Evidence) => Route::Evidence { id },
            AssessmentScreen::Results => Route::Results { id },
            AssessmentScreen::Soa => Route::Soa { id },
            AssessmentScreen::Plan => Route::Plan { id },
            AssessmentScreen::ReadinessReport => Route::ReadinessReport { id },
            AssessmentScreen::Crosswalks => Route::Crosswalks { id },
            AssessmentScreen::Compare => Route::Compare { id },
        }
    }
}
