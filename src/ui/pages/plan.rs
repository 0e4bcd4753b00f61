//! The action plan: every task between the assessment and certification (and toward
//! the organization's own targets), grouped by clause or by control objective, with the
//! owner and due date editable in place and overdue dates flagged against today.

use crate::engine::reports::plan::{self, group_of, Grouping, Step, When};
use crate::engine::{Assessment, Date, Edit, Score};
use crate::ui::components::nav::route_link;
use crate::ui::components::result_tabs::ResultTabs;
use crate::ui::components::{event_value, set};
use crate::ui::context::use_dispatch;
use crate::ui::pages::results::print;
use crate::ui::route::{AssessmentScreen, Route};
use crate::ui::services::i18n::{msg, tf};
use crate::ui::state::Action;
use std::rc::Rc;
use yew::prelude::*;
use yew_router::prelude::use_navigator;

/// Props of [`PlanScreen`].
#[derive(Properties, PartialEq)]
pub struct PlanProps {
    /// The open assessment.
    pub assessment: Rc<Assessment>,
    /// Its scores.
    pub report: Rc<Score>,
}

/// The action plan screen.
#[component]
pub fn PlanScreen(p: &PlanProps) -> Html {
    let c = crate::ui::services::i18n::catalog();
    let act = use_dispatch();
    let navigator = use_navigator();
    let grouping = use_state(Grouping::default);
    let today = crate::ui::services::clock::today();
    let a = &p.assessment;
    let tasks = plan::plan(c, a, &p.report, today);
    let count = |w: When| tasks.iter().filter(|t| t.when == w).count().to_string();
    let overdue = tasks.iter().filter(|t| t.overdue).count();
    let on_csv = {
        let (a, r) = (a.clone(), p.report.clone());
        Callback::from(move |_: MouseEvent| {
            crate::ui::services::download::download_report(
                &a,
                "action-plan",
                "csv",
                &plan::csv(
                    crate::ui::services::i18n::catalog(),
                    &a,
                    &r,
                    today,
                    crate::ui::services::i18n::texts(),
                ),
            );
        })
    };
    // Groups in catalog order, each with its tasks in plan order.
    // Tasks about the management system as a whole (its scope, the organization's own
    // controls) come first, in a group of their own.
    let mut groups: Vec<_> = c.group_ids().map(|g| (g, Vec::new())).collect();
    let mut general = Vec::new();
    for (rank, t) in tasks.iter().enumerate() {
        match group_of(c, t, *grouping) {
            Some(g) => groups[g.index()].1.push((rank, t)),
            None => general.push((rank, t)),
        }
    }
    let row = |&(rank, t): &(usize, &Step)| {
        let when_class = match t.when {
            When::BeforeStage1 => "aims-tag aims-tag--error",
            When::BeforeStage2 => "aims-tag aims-tag--todo",
            When::TowardTarget => "aims-tag",
        };
        let Some(item) = t.item else {
            return html! {
                <li class="aims-plan-task">
                    <div class="aims-plan-head">
                        <span class={when_class}>{ t.when.words(crate::ui::services::i18n::texts()) }</span>
                    </div>
                    <p class="aims-plan-text">{ t.words(c, crate::ui::services::i18n::texts()) }</p>
                </li>
            };
        };
        let it = c.item(item);
        // The rank keeps ids unique when an item has two tasks of one kind (two documents).
        let dom = format!("aims-plan-{rank}");
        let link = route_link(
            &navigator,
            Route::AssessItem {
                id: a.id.clone(),
                item: it.id.clone(),
            },
            "aims-link",
            html! { it.label() },
            false,
        );
        html! {
            <li class="aims-plan-task" data-overdue={crate::ui::components::flag(t.overdue)}>
                <div class="aims-plan-head">
                    <span class={when_class}>{ t.when.words(crate::ui::services::i18n::texts()) }</span>
                    { link }
                    if t.overdue {
                        <span class="aims-tag aims-tag--error">{ msg::plan_overdue() }</span>
                    }
                </div>
                <p class="aims-plan-text">{ t.words(c, crate::ui::services::i18n::texts()) }</p>
                <div class="aims-plan-fields">
                    <label for={format!("{dom}-owner")}>{ msg::item_owner() }</label>
                    <input id={format!("{dom}-owner")} class="aims-input" value={t.owner.to_owned()} maxlength="200"
                        onchange={act.reform(move |e: Event| Action::Edit(Edit::Owner(item, event_value(&e).trim().to_owned())))} />
                    <label for={format!("{dom}-due")}>{ msg::item_due() }</label>
                    <input id={format!("{dom}-due")} type="date" class="aims-input" value={t.due.map(|d| d.to_string()).unwrap_or_default()}
                        onchange={act.reform(move |e: Event| Action::Edit(Edit::Due(item, Date::parse(&event_value(&e)))))} />
                </div>
            </li>
        }
    };
    html! {
        <section class="aims-screen aims-plan" aria-labelledby="aims-plan-title">
            <ResultTabs id={a.id.clone()} current={AssessmentScreen::Plan} />
            <div class="aims-screen-head">
                <h1 id="aims-plan-title" class="aims-h1">{ msg::plan_title() }</h1>
                <div class="aims-actions aims-noprint">
                    <button type="button" class="aims-btn" onclick={on_csv}>{ msg::plan_csv() }</button>
                    <button type="button" class="aims-btn" onclick={print()}>{ msg::soa_print() }</button>
                </div>
            </div>
            <p class="aims-lead">{ tf(msg::plan_summary(), &[
                ("n", &tasks.len().to_string()),
                ("stage1", &count(When::BeforeStage1)),
                ("stage2", &count(When::BeforeStage2)),
                ("target", &count(When::TowardTarget)),
                ("overdue", &overdue.to_string()),
                ("today", &crate::ui::services::clock::date_label(today)),
            ]) }</p>
            <fieldset class="aims-segmented aims-noprint">
                <legend class="aims-sr">{ msg::plan_group_by() }</legend>
                <span aria-hidden="true">{ msg::plan_group_by() }</span>
                { for [(Grouping::Clause, msg::plan_by_clause()), (Grouping::Objective, msg::plan_by_objective())].into_iter().map(|(g, label)| html! {
                    <label class="aims-option aims-option--inline" data-on={crate::ui::components::flag(*grouping == g)}>
                        <input type="radio" name="aims-plan-grouping" checked={*grouping == g} onchange={set(&grouping, g)} />
                        { label }
                    </label>
                }) }
            </fieldset>
            if tasks.is_empty() {
                <p class="aims-empty">{ msg::plan_empty() }</p>
            }
            if !general.is_empty() {
                <section class="aims-plan-group" aria-label={msg::plan_general()}>
                    <h2 class="aims-h2">{ msg::plan_general() }<span class="aims-muted aims-small">{ format!(" · {}", general.len()) }</span></h2>
                    <ul class="aims-plan-list">{ for general.iter().map(row) }</ul>
                </section>
            }
            { for groups.iter().filter(|(_, list)| !list.is_empty()).map(|(g, list)| {
                let group = c.group(*g);
                html! {
                    <section class="aims-plan-group" aria-label={group.label()}>
                        <h2 class="aims-h2">{ group.label() }<span class="aims-muted aims-small">{ format!(" · {}", list.len()) }</span></h2>
                        <ul class="aims-plan-list">{ for list.iter().map(row) }</ul>
                    </section>
                }
            }) }
        </section>
    }
}
