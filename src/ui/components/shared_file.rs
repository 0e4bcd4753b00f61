//! Working together through a shared file: the panel that starts and stops keeping the
//! open assessment in a file, and the round that keeps the two in step while it is
//! kept there (after each change, and every few seconds for a colleague's save).

use crate::state::AppState;
use crate::ui::context::StateHandle;
use crate::ui::context::{use_app_state, use_dispatch};
use crate::ui::services::i18n::{msg, tf};
use crate::ui::services::shared_file;
use crate::ui::state::Action;
use std::rc::Rc;
use yew::prelude::*;

/// How often the file is checked for a colleague's save and written after a change.
const CHECK_EVERY_MS: u32 = 1_500;

/// One round of keeping the file and the open assessment in step (see
/// [`shared_file::sync`]), from the state as it is now.
fn round(state: &AppState, act: &Callback<Action>) {
    let Some(link) = &state.shared else {
        shared_file::forget();
        return;
    };
    let (on_read, on_written, file) = (act.clone(), act.clone(), link.file.clone());
    shared_file::sync(
        link.to_write(state.current.as_ref()),
        move |read| on_read.emit(Action::SharedRead(read)),
        move |written| {
            on_written.emit(match written {
                Ok(a) => Action::SharedWritten(a),
                Err(reason) => Action::SharedNotWritten(file, reason),
            })
        },
    );
}

/// Keeps the shared file and the open assessment in step; renders nothing. Lives in
/// the app's frame, so it works whatever screen is open.
#[component]
pub fn SharedFileSync() -> Html {
    let state = use_app_state();
    let act = use_dispatch();
    // The state the timer's next round reads.
    let latest = use_mut_ref(|| None::<StateHandle>);
    *latest.borrow_mut() = Some(state.clone());
    {
        let (latest, act) = (latest.clone(), act.clone());
        use_effect_with((), move |_| {
            let timer = gloo_timers::callback::Interval::new(CHECK_EVERY_MS, move || {
                let state = latest.borrow().clone();
                if let Some(state) = state {
                    round(&state, &act);
                }
            });
            move || drop(timer)
        });
    }
    html! {}
}

/// The Results screen's panel: keep the open assessment in a shared file, or say where
/// it is kept, or (where the browser cannot) what to do instead.
pub fn shared_file_panel(state: &AppState, act: &Callback<Action>) -> Html {
    let body = if !shared_file::supported() {
        html! { <p class="aims-muted">{ msg::shared_unsupported() }</p> }
    } else if let Some(link) = &state.shared {
        let stop = act.reform(|_: MouseEvent| {
            shared_file::forget();
            Action::SharedStop
        });
        html! {
            <>
                <p>{ tf(msg::shared_kept(), &[("file", &link.file)]) }</p>
                <div class="aims-actions"><button type="button" class="aims-btn" onclick={stop}>{ msg::shared_stop() }</button></div>
            </>
        }
    } else {
        let keep = {
            let (current, act) = (state.current.clone(), act.clone());
            Callback::from(move |_: MouseEvent| {
                let Some(a) = current.clone() else { return };
                let suggested = format!(
                    "{}.json",
                    crate::ui::services::download::export_filename(&a.name, "", "")
                        .trim_end_matches(['-', '.'])
                );
                let (act, file) = (act.clone(), suggested.clone());
                shared_file::keep(suggested, move |result| match result {
                    Ok(file) => act.emit(Action::SharedKept(file, a)),
                    Err(Some(why)) => act.emit(Action::SharedNotWritten(file, why)),
                    // The person closed the picker.
                    Err(None) => {}
                });
            })
        };
        html! {
            <>
                <p class="aims-muted">{ msg::shared_intro() }</p>
                <div class="aims-actions"><button type="button" class="aims-btn" onclick={keep}>{ msg::shared_keep() }</button></div>
            </>
        }
    };
    html! {
        <section class="aims-panel aims-shared" aria-labelledby="aims-shared-title">
            <h2 id="aims-shared-title" class="aims-h2">{ msg::shared_title() }</h2>
            { body }
        </section>
    }
}

/// The home screen's "Open a shared file…" (only where the browser can keep files):
/// opens what the file holds, merged with this browser's copy, and keeps it there.
pub fn open_shared_file(
    act: &Callback<Action>,
    navigator: &Option<yew_router::prelude::Navigator>,
) -> Html {
    if !shared_file::supported() {
        return html! {};
    }
    let (act, navigator) = (act.clone(), navigator.clone());
    let open = Callback::from(move |_: MouseEvent| {
        let (act, navigator) = (act.clone(), navigator.clone());
        shared_file::open(move |file, result| match result {
            Ok(imported) => {
                let id = imported.assessment.id.clone();
                act.emit(Action::SharedOpened(file, Rc::new(imported.assessment)));
                if let Some(n) = navigator {
                    n.push(&crate::ui::route::Route::Assess { id });
                }
            }
            Err(problems) => act.emit(Action::Imported(file, Err(problems))),
        });
    });
    html! { <button type="button" class="aims-btn" onclick={open}>{ msg::shared_open() }</button> }
}
