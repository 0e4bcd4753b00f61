//! The "not found" screen: an address that names no page, no saved assessment or no
//! catalog item. Always says which, and always offers a way on.

use crate::ui::route::Route;
use crate::ui::services::i18n::{msg, tf};
use yew::prelude::*;
use yew_router::prelude::Link;

/// What the address named that does not exist.
#[derive(Clone, Debug, PartialEq)]
pub enum Missing {
    /// No route matches.
    Page,
    /// No assessment is saved under this id.
    Assessment(String),
    /// An assessment is saved under this id but cannot be read (id, reason).
    Unreadable(String, String),
    /// The assessment exists; the item id is not in the catalog (assessment id, item).
    Item(String, String),
}

/// Props of [`NotFound`].
#[derive(Properties, PartialEq)]
pub struct NotFoundProps {
    /// What is missing.
    pub missing: Missing,
}

/// The not-found screen.
#[component]
pub fn NotFound(p: &NotFoundProps) -> Html {
    let text = match &p.missing {
        Missing::Page => msg::missing_page().to_owned(),
        Missing::Assessment(id) => tf(msg::missing_assessment(), &[("id", id)]),
        Missing::Unreadable(id, reason) => {
            tf(msg::missing_unreadable(), &[("id", id), ("reason", reason)])
        }
        Missing::Item(_, item) => tf(msg::missing_item(), &[("item", item)]),
    };
    html! {
        <section class="aims-screen aims-missing" aria-labelledby="aims-missing-title">
            <h1 id="aims-missing-title" class="aims-h1">{ msg::missing_title() }</h1>
            <p class="aims-lead">{ text }</p>
            <div class="aims-actions">
                if let Missing::Item(id, _) = &p.missing {
                    <Link<Route> classes="aims-btn aims-btn--primary" to={Route::Assess { id: id.clone() }}>{ msg::missing_assess() }</Link<Route>>
                }
                <Link<Route> classes="aims-btn" to={Route::Home}>{ msg::missing_home() }</Link<Route>>
            </div>
        </section>
    }
}
