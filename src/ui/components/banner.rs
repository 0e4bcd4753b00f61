//! Storage warnings and the notice line (with undo).

use crate::state::StorageError;
use crate::ui::context::{use_app_state, use_dispatch};
use crate::ui::services::download::download_export;
use crate::ui::services::i18n::{msg, tf};
use crate::ui::state::{Action, BACKUP_REMINDER_AFTER};
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
        html! { <button type="button" class="aims-btn aims-btn--small" {onclick}>{ msg::banner_export_now() }</button> }
    });
    html! {
        <>
            if let Some(err) = &state.unsaved {
                <div class="aims-alert aims-alert--error" role="alert">
                    <strong>{ msg::banner_not_saved_title() }</strong>{ " " }
                    { match err { StorageError::Unavailable => msg::banner_unavailable(), StorageError::WriteRefused(_) => msg::banner_full() } }
                    <div class="aims-alert-actions">
                        { export_button }
                        <button type="button" class="aims-btn aims-btn--small aims-btn--ghost" onclick={act(Action::RetrySave)}>{ msg::banner_retry() }</button>
                    </div>
                </div>
            } else if state.storage_unavailable {
                <div class="aims-alert aims-alert--warn" role="status">{ msg::banner_unavailable() }</div>
            } else if state.current.is_some() && state.changes_since_export >= BACKUP_REMINDER_AFTER {
                <div class="aims-alert aims-alert--warn aims-backup" role="status">
                    { tf(msg::banner_backup(), &[("n", &state.changes_since_export.to_string())]) }
                    <div class="aims-alert-actions">
                        { export_button.clone() }
                        <button type="button" class="aims-btn aims-btn--small aims-btn--ghost" onclick={act(Action::RemindLater)}>{ msg::banner_later() }</button>
                    </div>
                </div>
            }
            if state.update_ready {
                <div class="aims-alert aims-update" role="status">
                    { msg::banner_update() }
                    <div class="aims-alert-actions">
                        <button type="button" class="aims-btn aims-btn--small" onclick={Callback::from(|_: MouseEvent| crate::ui::services::service_worker::switch_version())}>{ msg::banner_update_switch() }</button>
                    </div>
                </div>
            }
            <div class="aims-live" aria-live="polite">
                if let Some(n) = &state.notice {
                    <div class="aims-notice" data-error={super::flag(n.is_error())}>
                        <span>{ n.text(crate::ui::services::i18n::catalog(), crate::ui::services::i18n::texts()) }</span>
                        if n.undo() {
                            <button type="button" class="aims-btn aims-btn--small" onclick={act(Action::UndoDelete)}>{ msg::common_undo() }</button>
                        }
                        <button type="button" class="aims-btn aims-btn--small aims-btn--ghost" aria-label={msg::common_dismiss()} onclick={act(Action::DismissNotice)}>{ "×" }</button>
                    </div>
                }
            </div>
        </>
    }
}
