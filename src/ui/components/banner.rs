//! Storage warnings and the notice line (with undo).

use crate::ui::context::{use_app_state, use_dispatch};
use crate::ui::download::download_export;
use crate::ui::i18n::{msg, tf};
use crate::ui::state::{Action, BACKUP_REMINDER_AFTER};
use crate::ui::storage::StorageError;
use yew::prelude::*;

/// Storage warnings and the notice line.
#[component]
pub fn Banner() -> Html {
    let state = use_app_state();
    let dispatch = use_dispatch();
    let act = |a: Action| super::send(&dispatch, a);
    let export_button = state.current.clone().map(|a| {
        let done = dispatch.clone();
        let onclick = Callback::from(move |_: MouseEvent| download_export(&a, &done));
        html! { <button type="button" class="aims-btn aims-btn--small" {onclick}>{ msg::BANNER_EXPORT_NOW }</button> }
    });
    html! {
        <>
            if let Some(err) = &state.unsaved {
                <div class="aims-alert aims-alert--error" role="alert">
                    <strong>{ msg::BANNER_NOT_SAVED_TITLE }</strong>{ " " }
                    { match err { StorageError::Unavailable => msg::BANNER_UNAVAILABLE, StorageError::WriteRefused(_) => msg::BANNER_FULL } }
                    <div class="aims-alert-actions">
                        { export_button }
                        <button type="button" class="aims-btn aims-btn--small aims-btn--ghost" onclick={act(Action::RetrySave)}>{ msg::BANNER_RETRY }</button>
                    </div>
                </div>
            } else if state.storage_unavailable {
                <div class="aims-alert aims-alert--warn" role="status">{ msg::BANNER_UNAVAILABLE }</div>
            } else if state.current.is_some() && state.changes_since_export >= BACKUP_REMINDER_AFTER {
                <div class="aims-alert aims-alert--warn aims-backup" role="status">
                    { tf(msg::BANNER_BACKUP, &[("n", &state.changes_since_export.to_string())]) }
                    <div class="aims-alert-actions">
                        { export_button.clone() }
                        <button type="button" class="aims-btn aims-btn--small aims-btn--ghost" onclick={act(Action::RemindLater)}>{ msg::BANNER_LATER }</button>
                    </div>
                </div>
            }
            if state.update_ready {
                <div class="aims-alert aims-update" role="status">
                    { msg::BANNER_UPDATE }
                    <div class="aims-alert-actions">
                        <button type="button" class="aims-btn aims-btn--small" onclick={Callback::from(|_: MouseEvent| crate::ui::service_worker::switch_version())}>{ msg::BANNER_UPDATE_SWITCH }</button>
                    </div>
                </div>
            }
            <div class="aims-live" aria-live="polite">
                if let Some(n) = &state.notice {
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
