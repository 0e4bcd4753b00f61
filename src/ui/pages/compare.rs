//! Progress over time and a colleague's file: the open assessment beside another saved
//! one or an imported export, overall and per group with the difference in points, item
//! by item up / down / unchanged / newly answered, documents gained or lost. With a
//! file, each differing item can take the colleague's answer or keep this one: nothing
//! changes without that choice, and each choice can be taken back while the file is open.

use crate::engine::reports::compare::{compare, delta, Change, Comparison};
use crate::engine::rules::merge::{differing_documents, differing_items};
use crate::engine::rules::scoring::Figure;
use crate::engine::{Assessment, Edit, ItemId};
use crate::state::Entry;
use crate::ui::components::result_tabs::ResultTabs;
use crate::ui::components::{event_value, pct, send};
use crate::ui::context::{use_app_state, use_dispatch};
use crate::ui::route::AssessmentScreen;
use crate::ui::services::files::read_and_import;
use crate::ui::services::i18n::{msg, tf};
use crate::ui::state::Action;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Props of [`CompareScreen`].
#[derive(Properties, PartialEq)]
pub struct CompareProps {
    /// The open assessment.
    pub assessment: Rc<Assessment>,
}

/// What the open assessment is compared with.
#[derive(Clone, PartialEq)]
enum Other {
    /// Nothing chosen yet.
    None,
    /// Another saved assessment.
    Saved(Rc<Assessment>),
    /// A colleague's export, and the open assessment's answers before any choice.
    File(Rc<Assessment>, Rc<Assessment>),
    /// The choice could not be read.
    Failed(String),
}

/// "+4.2 points", "−3 points", "±0", or "n/a".
fn points(d: Option<i32>) -> String {
    match d {
        None => msg::common_na().to_owned(),
        Some(0) => "±0".to_owned(),
        Some(d) => {
            let sign = if d > 0 { "+" } else { "−" };
            let text = crate::engine::model::decimal::format_fixed(u64::from(d.unsigned_abs()), 1);
            tf(msg::compare_points(), &[("n", &format!("{sign}{text}"))])
        }
    }
}

/// A figure in a comparison cell: conformity with its "conforming/in scope" count, so a
/// change of scope shows, and maturity beneath.
fn figure(f: &Figure) -> Html {
    html! {
        <>
            { pct(f.conformity) }
            <span class="aims-muted aims-small">{ format!(" · {}/{}", f.conforming, f.in_scope) }</span>
            <br />
            <span class="aims-muted aims-small">{ tf(msg::results_maturity(), &[("pct", &pct(f.maturity))]) }</span>
        </>
    }
}

/// The controls newly excluded or included, and a plain warning when a higher figure
/// comes from a smaller scope.
fn scope_changes(cmp: &Comparison) -> Html {
    let c = crate::ui::services::i18n::catalog();
    let list = |items: Vec<ItemId>| {
        items
            .iter()
            .map(|&i| c.item(i).id.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let excluded: Vec<ItemId> = cmp.newly_excluded().collect();
    let included: Vec<ItemId> = cmp.newly_included().collect();
    html! {
        <section class="aims-compare-scope" aria-labelledby="aims-compare-scope">
            <h2 class="aims-h2" id="aims-compare-scope">{ msg::compare_scope_title() }</h2>
            if cmp.higher_from_smaller_scope() {
                <p class="aims-alert aims-alert--warn" role="note">{ tf(msg::compare_smaller_scope(), &[("old", &cmp.old.overall.in_scope.to_string()), ("new", &cmp.new.overall.in_scope.to_string())]) }</p>
            }
            if excluded.is_empty() && included.is_empty() {
                <p>{ msg::compare_scope_same() }</p>
            }
            if !excluded.is_empty() {
                <p>{ tf(msg::compare_newly_excluded(), &[("list", &list(excluded))]) }</p>
            }
            if !included.is_empty() {
                <p>{ tf(msg::compare_newly_included(), &[("list", &list(included))]) }</p>
            }
        </section>
    }
}

fn change_words(c: Change) -> &'static str {
    match c {
        Change::Up => msg::compare_up(),
        Change::Down => msg::compare_down(),
        Change::Unchanged => msg::compare_unchanged(),
        Change::NewlyAnswered => msg::compare_new(),
        Change::NoLongerAnswered => msg::compare_gone(),
        Change::NotAnswered => msg::compare_not_answered(),
    }
}

/// The comparison screen.
#[component]
pub fn CompareScreen(p: &CompareProps) -> Html {
    let c = crate::ui::services::i18n::catalog();
    let state = use_app_state();
    let act = use_dispatch();
    let other = use_state(|| Other::None);
    let mine = &p.assessment;
    let on_saved = {
        let (other, store) = (other.clone(), state.store());
        Callback::from(move |e: Event| {
            let id = event_value(&e);
            other.set(match id.as_str() {
                "" => Other::None,
                id => match store.load(crate::ui::services::i18n::catalog(), id) {
                    Ok(a) => Other::Saved(Rc::new(a)),
                    Err(e) => Other::Failed(e.describe(crate::ui::services::i18n::texts())),
                },
            });
        })
    };
    let on_file = {
        let (other, mine) = (other.clone(), mine.clone());
        Callback::from(move |e: Event| {
            let file = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
                .and_then(|i| i.files())
                .and_then(|f| f.get(0));
            let Some(file) = file else { return };
            let (other, mine) = (other.clone(), mine.clone());
            read_and_import(file, move |name, read| {
                other.set(match read.into_result() {
                    Ok(imported) => Other::File(Rc::new(imported.assessment), mine),
                    Err(problems) => Other::Failed(format!(
                        "{name}: {}",
                        problems
                            .first()
                            .map(|p| p.describe(crate::ui::services::i18n::texts()))
                            .unwrap_or_default()
                    )),
                });
            });
        })
    };
    let choices: Vec<Html> = state
        .entries
        .iter()
        .filter_map(|e| match e {
            Entry::Saved(s) if s.id != mine.id => Some(html! {
                <option value={s.id.clone()}>{ format!("{} · {}", s.name, s.updated.get(..10).unwrap_or(&s.updated)) }</option>
            }),
            _ => None,
        })
        .collect();
    let picker = html! {
        <div class="aims-grid-2 aims-noprint">
            <div class="aims-field">
                <label for="aims-compare-saved">{ msg::compare_saved() }</label>
                <select id="aims-compare-saved" class="aims-input" onchange={on_saved} disabled={choices.is_empty()}>
                    <option value="">{ if choices.is_empty() { msg::compare_none_saved() } else { msg::compare_pick() } }</option>
                    { for choices }
                </select>
            </div>
            <div class="aims-field">
                <label for="aims-compare-file">{ msg::compare_file() }</label>
                <input id="aims-compare-file" type="file" accept=".json,application/json" class="aims-input" onchange={on_file} />
                <p class="aims-small aims-muted">{ msg::compare_file_help() }</p>
            </div>
        </div>
    };
    let body = match &*other {
        Other::None => html! { <p class="aims-empty">{ msg::compare_empty() }</p> },
        Other::Failed(reason) => {
            html! { <p class="aims-alert" role="alert">{ tf(msg::compare_failed(), &[("reason", reason)]) }</p> }
        }
        Other::Saved(o) | Other::File(o, _) => {
            // Older on the left, so a positive difference is progress.
            let (old, new) = if o.updated <= mine.updated {
                (&**o, &**mine)
            } else {
                (&**mine, &**o)
            };
            let cmp = compare(c, old, new);
            let label = |a: &Assessment| {
                format!(
                    "{} · {}",
                    a.name,
                    crate::ui::services::clock::local_label(&a.updated)
                )
            };
            let [up, down, same, newly, gone, not] = cmp.counts();
            let merge = match &*other {
                Other::File(theirs, original) => merge_panel(mine, theirs, original, &act),
                _ => html! {},
            };
            html! {
                <>
                    <p class="aims-lead">{ tf(msg::compare_summary(), &[("old", &label(old)), ("new", &label(new))]) }</p>
                    <div class="aims-table-wrap">
                        <table class="aims-table aims-table--stack">
                            <thead><tr><th scope="col">{ msg::compare_group() }</th><th scope="col">{ msg::compare_before() }</th><th scope="col">{ msg::compare_after() }</th><th scope="col">{ msg::compare_delta() }</th></tr></thead>
                            <tbody>
                                <tr class="aims-compare-overall">
                                    <th scope="row" data-label={msg::compare_group()}>{ msg::results_overall() }</th>
                                    <td data-label={msg::compare_before()}>{ figure(&cmp.old.overall) }</td>
                                    <td data-label={msg::compare_after()}>{ figure(&cmp.new.overall) }</td>
                                    <td data-label={msg::compare_delta()}>{ points(delta(cmp.old.overall.conformity, cmp.new.overall.conformity)) }</td>
                                </tr>
                                { for cmp.old.groups.iter().zip(&cmp.new.groups).filter(|(g, _)| c.group_parent(g.group).is_none()).map(|(o, n)| {
                                    let g = c.group(o.group);
                                    html! { <tr>
                                        <th scope="row" data-label={msg::compare_group()}>{ g.label() }</th>
                                        <td data-label={msg::compare_before()}>{ figure(&o.figure) }</td>
                                        <td data-label={msg::compare_after()}>{ figure(&n.figure) }</td>
                                        <td data-label={msg::compare_delta()}>{ points(delta(o.figure.conformity, n.figure.conformity)) }</td>
                                    </tr> }
                                }) }
                            </tbody>
                        </table>
                    </div>
                    <p class="aims-rule">{ msg::compare_rule() }</p>
                    { scope_changes(&cmp) }
                    <h2 class="aims-h2">{ msg::compare_items() }</h2>
                    <p>{ tf(msg::compare_counts(), &[("up", &up.to_string()), ("down", &down.to_string()), ("same", &same.to_string()), ("newly", &newly.to_string()), ("gone", &gone.to_string()), ("not", &not.to_string())]) }</p>
                    <details class="aims-details">
                        <summary>{ msg::compare_show_items() }</summary>
                        <ul class="aims-compare-items">{ for cmp.items.iter().filter(|i| !matches!(i.change, Change::Unchanged | Change::NotAnswered)).map(|i| html! {
                            <li data-change={i.change.key()}>
                                <strong>{ c.item(i.item).label() }</strong>
                                { format!(" · {}: {} → {}", change_words(i.change), i.old.map_or("–".to_owned(), |l| l.to_string()), i.new.map_or("–".to_owned(), |l| l.to_string())) }
                            </li>
                        }) }</ul>
                    </details>
                    <h2 class="aims-h2">{ msg::compare_documents() }</h2>
                    <p>{ tf(msg::compare_docs_counts(), &[("gained", &cmp.documents_gained.len().to_string()), ("lost", &cmp.documents_lost.len().to_string())]) }</p>
                    <ul class="aims-compare-items">
                        { for cmp.documents_gained.iter().map(|&d| html! { <li data-change="up">{ tf(msg::compare_doc_gained(), &[("doc", &c.document(d).title)]) }</li> }) }
                        { for cmp.documents_lost.iter().map(|&d| html! { <li data-change="down">{ tf(msg::compare_doc_lost(), &[("doc", &c.document(d).title)]) }</li> }) }
                    </ul>
                    { merge }
                </>
            }
        }
    };
    html! {
        <section class="aims-screen aims-compare" aria-labelledby="aims-compare-title">
            <ResultTabs id={mine.id.clone()} current={AssessmentScreen::Compare} />
            <h1 id="aims-compare-title" class="aims-h1">{ msg::compare_title() }</h1>
            <p class="aims-lead">{ msg::compare_lead() }</p>
            { picker }
            { body }
        </section>
    }
}

/// Per differing item: this assessment's answer, the colleague's, and a choice.
fn merge_panel(
    mine: &Assessment,
    theirs: &Assessment,
    original: &Assessment,
    act: &Callback<Action>,
) -> Html {
    let c = crate::ui::services::i18n::catalog();
    // Items where the file differs from what this assessment had before any choice, so
    // a taken answer stays listed (and can be taken back).
    let items: Vec<ItemId> = differing_items(c, original, theirs);
    let docs = differing_documents(c, original, theirs);
    let level = |a: &Assessment, i: ItemId| {
        let ans = a.answer(i);
        let lvl = ans.maturity.map_or_else(
            || msg::item_unanswered().to_owned(),
            |l| format!("{l} · {}", l.name(crate::ui::services::i18n::texts())),
        );
        let extra = [
            (!ans.evidence.is_empty()).then(|| {
                tf(
                    msg::compare_evidence_n(),
                    &[("n", &ans.evidence.len().to_string())],
                )
            }),
            (!ans.owner.is_empty()).then(|| ans.owner.clone()),
            ans.excluded.then(|| msg::item_excluded().to_owned()),
        ];
        let extra: Vec<String> = extra.into_iter().flatten().collect();
        if extra.is_empty() {
            lvl
        } else {
            format!("{lvl} · {}", extra.join(" · "))
        }
    };
    html! {
        <section class="aims-panel aims-merge" aria-labelledby="aims-merge-title">
            <h2 id="aims-merge-title" class="aims-h2">{ tf(msg::compare_merge_title(), &[("n", &(items.len() + docs.len()).to_string())]) }</h2>
            <p>{ msg::compare_merge_lead() }</p>
            if items.is_empty() && docs.is_empty() {
                <p class="aims-empty">{ msg::compare_merge_none() }</p>
            }
            <ul class="aims-merge-list">
                { for items.iter().map(|&i| {
                    let taken = mine.answer(i) == theirs.answer(i);
                    let it = c.item(i);
                    html! {
                        <li class="aims-merge-row" data-taken={crate::ui::components::flag(taken)}>
                            <p><strong>{ it.label() }</strong></p>
                            <p class="aims-small">{ tf(msg::compare_mine(), &[("v", &level(original, i))]) }</p>
                            <p class="aims-small">{ tf(msg::compare_theirs(), &[("v", &level(theirs, i))]) }</p>
                            if taken {
                                <button type="button" class="aims-btn aims-btn--small" onclick={send(act, Action::Edit(Edit::Answer(i, Box::new(original.answer(i).clone()))))}>{ msg::compare_keep_mine() }</button>
                            } else {
                                <button type="button" class="aims-btn aims-btn--small" onclick={send(act, Action::Edit(Edit::Answer(i, Box::new(theirs.answer(i).clone()))))}>{ msg::compare_take_theirs() }</button>
                            }
                        </li>
                    }
                }) }
                { for docs.iter().map(|&d| {
                    let taken = mine.document_present(d) == theirs.document_present(d);
                    let yes_no = |b: bool| if b { msg::docs_present() } else { msg::docs_missing() };
                    html! {
                        <li class="aims-merge-row" data-taken={crate::ui::components::flag(taken)}>
                            <p><strong>{ &c.document(d).title }</strong></p>
                            <p class="aims-small">{ tf(msg::compare_mine(), &[("v", yes_no(original.document_present(d)))]) }</p>
                            <p class="aims-small">{ tf(msg::compare_theirs(), &[("v", yes_no(theirs.document_present(d)))]) }</p>
                            <button type="button" class="aims-btn aims-btn--small" onclick={send(act, Action::Edit(Edit::Document(d, if taken { original.document_present(d) } else { theirs.document_present(d) })))}>{ if taken { msg::compare_keep_mine() } else { msg::compare_take_theirs() } }</button>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
