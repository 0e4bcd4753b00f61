//! Storage warnings and the notice line (with undo).

use crate::ui::i18n::msg;
use crate::ui::state::{Action, Notice};
use crate::ui::storage::StorageError;
use yew::prelude::*;

/// What [`banner`] shows.
pub struct BannerProps {
    /// The open assessment could not be saved.
    pub unsaved: Option<StorageError>,
    /// Storage cannot be used at all.
    pub unavailable: bool,
    /// The last notice.
    pub notice: Option<Notice>,
    /// Offer an export of the open assessment.
    pub on_export: Option<Callback<()>>,
    /// Dispatch.
    pub on_action: Callback<Action>,
}

/// Storage warnings and the notice line.
pub fn banner(p: &BannerProps) -> Html {
    let act = |a: Action| super::send(&p.on_action, a);
    let export_button = p.on_export.clone().map(|cb| {
        html! { <button type="button" class="aims-btn aims-btn--small" onclick={super::send(&cb, ())}>{ msg::BANNER_EXPORT_NOW }</button> }
    });
    html! {
        <>
            if let Some(err) = &p.unsaved {
                <div class="aims-alert aims-alert--error" role="alert">
                    <strong>{ msg::BANNER_NOT_SAVED_TITLE }</strong>{ " " }
                    { match err { StorageError::Unavailable => msg::BANNER_UNAVAILABLE, StorageError::WriteRefused(_) => msg::BANNER_FULL } }
                    <div class="aims-alert-actions">
                        { export_button.clone() }
                        <button type="button" class="aims-btn aims-btn--small aims-btn--ghost" onclick={act(Action::RetrySave)}>{ msg::BANNER_RETRY }</button>
                    </div>
                </div>
            } else if p.unavailable {
                <div class="aims-alert aims-alert--warn" role="status">{ msg::BANNER_UNAVAILABLE }</div>
            }
            <div class="aims-live" aria-live="polite">
                if let Some(n) = &p.notice {
                    <div class="aims-notice" data-error={super::flag(n.error)}>
                        <span>{ &n.text }</span>
                        if n.undo {
                            <button type="button" class="aims-btn aims-btn--small" onclick={act(Action::UndoDelete)}>{ msg::COMMON_UNDO }</button>
                        }
                        <button type="button" class="aims-btn aims-btn--small aims-btn--ghost" aria-label={msg::COMMON_DISMISS} onclick={act(Action::DismissNotice)}>{ "×" }</button>
                    </div>
                }
            </div>
        </>
    }
}
