//! Home: saved assessments, start a new one, import.

use crate::engine::{ImportError, Timestamp};
use crate::state::Entry;
use crate::ui::components::on_demand::{lock_settings, open_sealed};
use crate::ui::components::{event_value, form_field, pct, reset_form, send, set};
use crate::ui::context::{use_app_state, use_dispatch};
use crate::ui::route::Route;
use crate::ui::services::clock::{local_label, new_id};
use crate::ui::services::download::{download, download_export};
use crate::ui::services::files::{import_bytes, read_and_import, Read};
use crate::ui::services::i18n::{msg, tf};
use crate::ui::state::{Action, ImportState, Resolution};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::prelude::{use_navigator, Link};

/// The single-file offline copy the release build writes beside the page.
const OFFLINE_PACKAGE: &str = "aims-readiness-offline.html";

/// How many saved assessments are shown before "Show more".
const PAGE: usize = 20;

/// Home: its rename, delete confirmation, drag state, page size and filter are its own
/// state, so they reset whenever the person leaves the screen. The new-assessment and
/// rename fields are plain (uncontrolled) inputs read when their form is submitted.
#[component]
pub fn Home() -> Html {
    let state = use_app_state();
    let act = use_dispatch();
    let navigator = use_navigator();
    let renaming = use_state(|| None::<String>);
    let confirming = use_state(|| None::<String>);
    let confirming_all = use_state(|| false);
    let dragging = use_state(|| false);
    // An encrypted file's passphrase form (the on-demand module's) goes here.
    let sealed = use_node_ref();
    // The lock's settings (the same module's) go here.
    let lock_place = use_node_ref();
    let prefix = crate::config::storage_prefix(&state.config.namespace);
    let lock = crate::ui::services::records::records(&prefix).locked();
    // Long lists render a page at a time (a home screen with 200 assessments must open
    // fast), with a filter to find one by name or organization.
    let shown = use_state(|| PAGE);
    let filter = use_state(String::new);
    let entries = &state.entries;
    // The single-file copy is offered on the app's own page, not in embeds and not in
    // the copy itself (opened from disk).
    let offer_offline = !state.config.embedded
        && web_sys::window()
            .and_then(|w| w.location().protocol().ok())
            .is_some_and(|p| p != "file:");
    // ASCII case folding: full Unicode lowercasing would add its tables to the bundle,
    // and a byte-window compare avoids the general substring searcher.
    let needle = filter.trim().as_bytes();
    let has = |hay: &str| {
        hay.as_bytes()
            .windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle))
    };
    let matching: Vec<&Entry> = entries
        .iter()
        .filter(|e| match e {
            Entry::Saved(s) => needle.is_empty() || has(&s.name) || has(&s.organization),
            Entry::Broken { .. } => needle.is_empty(),
        })
        .collect();
    let on_export = {
        let (store, done) = (state.store(), act.clone());
        Callback::from(move |id: String| {
            match store.load(crate::ui::services::i18n::catalog(), &id) {
                Ok(a) => download_export(&a, &done),
                Err(_) => {
                    // A broken entry can still be downloaded as it is stored, to rescue by hand.
                    if let Some(raw) = store.load_raw(&id) {
                        download(&format!("{id}-unreadable.json"), "application/json", &raw);
                    }
                }
            }
        })
    };

    let on_create = {
        let (act, navigator) = (act.clone(), navigator.clone());
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            let id = new_id();
            act.emit(Action::Create {
                id: id.clone(),
                name: form_field(&e, "name"),
                organization: form_field(&e, "organization"),
            });
            reset_form(&e);
            // A new assessment starts with its scope and AI roles.
            if let Some(n) = &navigator {
                n.push(&Route::Profile { id });
            }
        })
    };
    let import_files = {
        let (act, sealed, prefix) = (act.clone(), sealed.clone(), prefix.clone());
        Rc::new(move |files: Option<web_sys::FileList>| {
            let Some(file) = files.and_then(|f| f.get(0)) else {
                return;
            };
            let (act, sealed, prefix) = (act.clone(), sealed.clone(), prefix.clone());
            read_and_import(file, move |name, read| match read {
                Read::Imported(result) => act.emit(Action::Imported(name, *result)),
                Read::Sealed(bytes) => {
                    act.emit(Action::DismissImport);
                    open_sealed(&sealed, &prefix, name, bytes, move |name, plain| {
                        import_bytes(
                            plain,
                            Box::new(move |result| act.emit(Action::Imported(name, result))),
                        )
                    });
                }
            });
        })
    };
    let on_pick = {
        let import_files = import_files.clone();
        Callback::from(move |e: Event| {
            let input = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
            import_files(input.as_ref().and_then(|i| i.files()));
            if let Some(i) = input {
                i.set_value("");
            }
        })
    };
    let on_drop = {
        let (import_files, dragging) = (import_files.clone(), dragging.clone());
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            import_files(e.data_transfer().and_then(|d| d.files()));
        })
    };
    let on_drag_over = {
        let dragging = dragging.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(true);
        })
    };
    let on_drag_leave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };

    let row = |entry: &Entry| -> Html {
        match entry {
            Entry::Broken { id, error } => {
                html! {
                    <li class="aims-card aims-card--broken" key={id.clone()}>
                        <div class="aims-card-main">
                            <h3 class="aims-card-title">{ msg::home_broken_title() }</h3>
                            <p class="aims-muted">{ tf(msg::home_broken_detail(), &[("id", id), ("reason", &error.describe(crate::ui::services::i18n::texts()))]) }</p>
                        </div>
                        <div class="aims-card-actions">
                            <button type="button" class="aims-btn aims-btn--small aims-btn--ghost"
                                onclick={send(&on_export, id.clone())}>{ msg::home_export_raw() }</button>
                            <button type="button" class="aims-btn aims-btn--small aims-btn--danger"
                                onclick={send(&act, Action::Delete(id.clone()))}>{ msg::home_delete() }</button>
                        </div>
                    </li>
                }
            }
            Entry::Saved(s) => {
                let id = s.id.clone();
                let click = |a: Action| send(&act, a);
                let updated = Timestamp::parse(&s.updated)
                    .map(|ts| local_label(&ts))
                    .unwrap_or_default();
                let coverage =
                    crate::engine::Percent::ratio(f64::from(s.answered), f64::from(s.in_scope));
                let is_renaming = renaming.as_deref() == Some(id.as_str());
                let is_confirming = confirming.as_deref() == Some(id.as_str());
                let title = if s.name.is_empty() {
                    msg::home_untitled().to_owned()
                } else {
                    s.name.clone()
                };
                html! {
                    <li class="aims-card" key={id.clone()}>
                        <div class="aims-card-main">
                            if is_renaming {
                                <form class="aims-inline-form" onsubmit={{
                                    let (act, renaming, id) = (act.clone(), renaming.clone(), id.clone());
                                    Callback::from(move |e: SubmitEvent| {
                                        e.prevent_default();
                                        act.emit(Action::Rename(id.clone(), form_field(&e, "name")));
                                        renaming.set(None);
                                    })
                                }}>
                                    <label class="aims-sr" for={format!("rename-{id}")}>{ msg::home_rename_label() }</label>
                                    <input id={format!("rename-{id}")} name="name" class="aims-input" value={s.name.clone()} maxlength="200" required=true />
                                    <button type="submit" class="aims-btn aims-btn--small">{ msg::common_save() }</button>
                                    <button type="button" class="aims-btn aims-btn--small aims-btn--ghost" onclick={set(&renaming, None)}>{ msg::common_cancel() }</button>
                                </form>
                            } else {
                                <h3 class="aims-card-title">
                                    <Link<Route> classes="aims-link" to={Route::Assess { id: id.clone() }}>{ title.clone() }</Link<Route>>
                                </h3>
                            }
                            <p class="aims-muted">{ &s.organization }{ if s.organization.is_empty() { "" } else { " · " } }{ tf(msg::home_updated(), &[("when", &updated)]) }</p>
                            <p class="aims-card-figures">
                                <span class="aims-figure-inline"><strong>{ pct(Some(s.conformity())) }</strong>{ " " }{ tf(msg::home_ready(), &[("n", &s.conforming.to_string()), ("total", &s.in_scope.to_string())]) }</span>
                                <span class="aims-figure-inline">{ tf(msg::home_coverage(), &[("pct", &pct(coverage)), ("answered", &s.answered.to_string()), ("total", &s.in_scope.to_string())]) }</span>
                            </p>
                        </div>
                        <div class="aims-card-actions">
                            if is_confirming {
                                <span class="aims-confirm" role="group" aria-label={msg::home_confirm_delete()}>
                                    <span>{ tf(msg::home_confirm_delete_named(), &[("name", &title)]) }</span>
                                    <button type="button" class="aims-btn aims-btn--small aims-btn--danger"
                                        onclick={{ let (act, c, id) = (act.clone(), confirming.clone(), id.clone()); Callback::from(move |_| { c.set(None); act.emit(Action::Delete(id.clone())) }) }}>{ msg::home_delete_confirm() }</button>
                                    <button type="button" class="aims-btn aims-btn--small aims-btn--ghost" onclick={set(&confirming, None)}>{ msg::common_cancel() }</button>
                                </span>
                            } else {
                                <Link<Route> classes="aims-btn aims-btn--small" to={Route::Assess { id: id.clone() }}>{ msg::home_open() }</Link<Route>>
                                <button type="button" class="aims-btn aims-btn--small aims-btn--ghost"
                                    onclick={set(&renaming, Some(id.clone()))}>{ msg::home_rename() }</button>
                                <button type="button" class="aims-btn aims-btn--small aims-btn--ghost" onclick={click(Action::Duplicate(id.clone()))}>{ msg::home_duplicate() }</button>
                                <button type="button" class="aims-btn aims-btn--small aims-btn--ghost"
                                    onclick={send(&on_export, id.clone())}>{ msg::home_export() }</button>
                                <button type="button" class="aims-btn aims-btn--small aims-btn--ghost aims-btn--danger-text"
                                    onclick={set(&confirming, Some(id.clone()))}>{ msg::home_delete() }</button>
                            }
                        </div>
                    </li>
                }
            }
        }
    };

    html! {
        <section class="aims-screen" aria-labelledby="aims-home-title">
            <h1 id="aims-home-title" class="aims-h1">{ msg::home_title() }</h1>
            <p class="aims-lead">{ msg::home_lead() }{ " " }{ crate::ui::components::nav::route_link(&navigator, Route::GuidePage { page: "about".into() }, "aims-link", html! { msg::home_guide() }, false) }</p>
            <div class="aims-grid-2">
                <form class="aims-panel" onsubmit={on_create}>
                    <h2 class="aims-h2">{ msg::home_new_title() }</h2>
                    <label class="aims-label" for="aims-new-name">{ msg::home_new_name() }</label>
                    <input id="aims-new-name" name="name" class="aims-input" maxlength="200" placeholder={msg::home_new_name_placeholder()} />
                    <label class="aims-label" for="aims-new-org">{ msg::home_new_org() }</label>
                    <input id="aims-new-org" name="organization" class="aims-input" maxlength="200" />
                    <button type="submit" class="aims-btn aims-btn--primary">{ msg::home_new_start() }</button>
                </form>
                <div class="aims-panel aims-drop" data-active={crate::ui::components::flag(*dragging)}
                    ondrop={on_drop} ondragover={on_drag_over} ondragleave={on_drag_leave}>
                    <h2 class="aims-h2">{ msg::home_import_title() }</h2>
                    <p class="aims-muted">{ msg::home_import_help() }</p>
                    <div class="aims-actions">
                        <label class="aims-btn aims-file">
                            { msg::home_import_pick() }
                            <input type="file" accept="application/json,.json,.age,.zip" class="aims-sr" onchange={on_pick} data-testid="import-file" />
                        </label>
                        { crate::ui::components::shared_file::open_shared_file(&act, &navigator) }
                    </div>
                    <div ref={sealed}></div>
                    { import_panel(&state.import, &act) }
                </div>
            </div>
            <h2 class="aims-h2">{ tf(msg::home_saved_title(), &[("n", &entries.len().to_string())]) }</h2>
            if entries.is_empty() {
                <p class="aims-empty">{ msg::home_empty() }</p>
            } else {
                if entries.len() > PAGE {
                    <div class="aims-field aims-search">
                        <label class="aims-label" for="aims-filter">{ msg::home_filter() }</label>
                        <input id="aims-filter" type="search" class="aims-input" value={(*filter).clone()}
                            oninput={{ let (f, s) = (filter.clone(), shown.clone()); Callback::from(move |e: InputEvent| { f.set(event_value(&e)); s.set(PAGE); }) }} />
                    </div>
                }
                <ul class="aims-cards">{ for matching.iter().take(*shown).map(|e| row(e)) }</ul>
                if matching.len() > *shown {
                    <button type="button" class="aims-btn" onclick={{ let s = shown.clone(); Callback::from(move |_| s.set(*s + PAGE)) }}>
                        { tf(msg::home_show_more(), &[("shown", &shown.to_string()), ("total", &matching.len().to_string())]) }
                    </button>
                }
            }
            <p class="aims-privacy">{ msg::home_privacy() }</p>
            if offer_offline {
                <p class="aims-offline aims-small">
                    <a class="aims-btn aims-btn--small" href={OFFLINE_PACKAGE} download="">{ msg::home_offline() }</a>
                    { " " }<span class="aims-muted">{ msg::home_offline_help() }</span>
                </p>
            }
            <section class="aims-panel aims-data" aria-labelledby="aims-data-title">
                <h2 class="aims-h2" id="aims-data-title">{ msg::home_data_title() }</h2>
                if *confirming_all {
                    <div class="aims-alert aims-alert--warn" role="alertdialog" aria-labelledby="aims-delete-all-what">
                        <p id="aims-delete-all-what"><strong>{ msg::home_delete_all_confirm() }</strong></p>
                        <ul class="aims-problems">
                            <li>{ tf(msg::home_delete_all_assessments(), &[("n", &entries.len().to_string()), ("names", &saved_names(entries))]) }</li>
                            <li>{ msg::home_delete_all_quick() }</li>
                            <li>{ msg::home_delete_all_files() }</li>
                        </ul>
                        <p class="aims-small">{ msg::home_delete_all_hint() }</p>
                        <div class="aims-alert-actions">
                            <button type="button" class="aims-btn aims-btn--small aims-btn--danger"
                                onclick={{ let (act, c) = (act.clone(), confirming_all.clone()); Callback::from(move |_| { c.set(false); act.emit(Action::DeleteAll) }) }}>{ msg::home_delete_all_yes() }</button>
                            <button type="button" class="aims-btn aims-btn--small aims-btn--ghost" onclick={set(&confirming_all, false)}>{ msg::common_cancel() }</button>
                        </div>
                    </div>
                } else {
                    <div class="aims-actions">
                        // The lock on the browser's copy (docs/security.md): where the
                        // records are in the database, and not in an embed (off there).
                        if lock.is_some() && !state.config.embedded {
                            <button type="button" class="aims-btn aims-btn--small aims-btn--ghost"
                                onclick={{ let (place, act) = (lock_place.clone(), act.clone()); Callback::from(move |_| lock_settings(&place, &prefix, act.clone())) }}>{ msg::home_lock() }</button>
                        }
                        <button type="button" class="aims-btn aims-btn--small aims-btn--ghost aims-btn--danger-text" onclick={set(&confirming_all, true)}>{ msg::home_delete_all() }</button>
                    </div>
                }
                <div ref={lock_place} aria-live="polite"></div>
            </section>
        </section>
    }
}

/// The names of the saved assessments, for the delete-all confirmation.
fn saved_names(entries: &[Entry]) -> String {
    let names: Vec<&str> = entries
        .iter()
        .map(|e| match e {
            Entry::Saved(s) if s.name.is_empty() => msg::home_untitled(),
            Entry::Saved(s) => s.name.as_str(),
            Entry::Broken { id, .. } => id.as_str(),
        })
        .collect();
    names.join(", ")
}

fn import_panel(state: &ImportState, act: &Callback<Action>) -> Html {
    let click = |a: Action| send(act, a);
    match state {
        ImportState::Idle => html! {},
        ImportState::Failed(file, problems) => html! {
            <div class="aims-alert aims-alert--error" role="alert">
                <p><strong>{ tf(msg::import_failed(), &[("file", file)]) }</strong></p>
                <p>{ msg::import_nothing_changed() }</p>
                <ul class="aims-problems">{ for problems.iter().take(50).map(|e| html! { <li>{ describe(e) }</li> }) }</ul>
                if problems.len() > 50 { <p>{ tf(msg::import_more(), &[("n", &(problems.len() - 50).to_string())]) }</p> }
                <button type="button" class="aims-btn aims-btn--small" onclick={click(Action::DismissImport)}>{ msg::common_dismiss() }</button>
            </div>
        },
        ImportState::Conflict(a) => html! {
            <div class="aims-alert aims-alert--warn" role="alertdialog" aria-labelledby="aims-conflict-title">
                <p id="aims-conflict-title"><strong>{ tf(msg::import_conflict(), &[("name", &a.name)]) }</strong></p>
                <div class="aims-alert-actions">
                    <button type="button" class="aims-btn aims-btn--small" onclick={click(Action::Resolve(Resolution::Replace))}>{ msg::import_replace() }</button>
                    <button type="button" class="aims-btn aims-btn--small" onclick={click(Action::Resolve(Resolution::KeepBoth))}>{ msg::import_keep_both() }</button>
                    <button type="button" class="aims-btn aims-btn--small aims-btn--ghost" onclick={click(Action::Resolve(Resolution::Cancel))}>{ msg::common_cancel() }</button>
                </div>
            </div>
        },
    }
}

/// An import problem in words a person understands: the item's title instead of a bare path.
fn describe(e: &ImportError) -> String {
    let catalog = crate::ui::services::i18n::catalog();
    let texts = crate::ui::services::i18n::texts();
    let item = e.path.strip_prefix("assessment.items.").and_then(|rest| {
        catalog.item_ids().find(|&i| {
            rest.starts_with(&format!("{}.", catalog.item(i).id)) || rest == catalog.item(i).id
        })
    });
    match item {
        Some(i) => format!(
            "{} {} — {}",
            catalog.item(i).id,
            catalog.item(i).title,
            e.describe(texts)
        ),
        None if e.path.is_empty() => tf(
            msg::import_whole_file(),
            &[("problem", &e.problem.describe(texts))],
        ),
        None => e.describe(texts),
    }
}
