//! The assessment walk: a navigator with each group's progress, filters, a coverage bar,
//! and the item cards. Keys: arrows move between levels (native radio groups);
//! `n` / `p` (or `j` / `k`) move to the next / previous item.

use super::item_card::ItemCard;
use super::pct;
use crate::engine::{Assessment, Catalog, Edit, GroupId, ItemId, ItemKind, Report};
use crate::ui::i18n::{msg, tf};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Which items are listed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Filter {
    All,
    Unanswered,
    BelowTarget,
}

/// Which part of the standard is listed.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    Group(GroupId),
    Clauses,
    AnnexA,
    Everything,
}

/// What [`assess`] shows.
pub struct AssessProps {
    /// The open assessment.
    pub assessment: Rc<Assessment>,
    /// Its scores.
    pub report: Rc<Report>,
    /// Send an edit.
    pub on_edit: Callback<Edit>,
}

/// The groups shown in the navigator: clauses, then control objectives with A.6 split.
fn navigator_groups(c: &Catalog) -> Vec<GroupId> {
    c.top_groups()
        .flat_map(|g| {
            let subs: Vec<GroupId> = c.subgroups(g).collect();
            if subs.is_empty() {
                vec![g]
            } else {
                subs
            }
        })
        .collect()
}

/// The assessment screen's own state: which part of the catalog and which filter.
///
/// The root component keeps it (see [`use_assess_ui`]), so that this screen is a view
/// function rather than a component of its own (each component type costs bundle size),
/// and the choice survives a visit to another screen.
pub struct AssessUi {
    part: UseStateHandle<Part>,
    filter: UseStateHandle<Filter>,
}

/// The state behind [`assess`], for the root component to hold.
#[hook]
pub fn use_assess_ui() -> AssessUi {
    AssessUi {
        part: use_state(|| Part::Group(navigator_groups(Catalog::builtin())[0])),
        filter: use_state(|| Filter::All),
    }
}

/// The assessment screen.
pub fn assess(p: &AssessProps, ui: &AssessUi) -> Html {
    let c = Catalog::builtin();
    let groups = navigator_groups(c);
    let (part, filter) = (ui.part.clone(), ui.filter.clone());
    let a = &p.assessment;

    let visible: Vec<ItemId> = c
        .item_ids()
        .filter(|&i| match *part {
            Part::Group(g) => c.item_in_group(i, g),
            Part::Clauses => c.item(i).kind == ItemKind::Clause,
            Part::AnnexA => c.item(i).kind == ItemKind::Control,
            Part::Everything => true,
        })
        .filter(|&i| {
            let ans = a.answer(i);
            match *filter {
                Filter::All => true,
                Filter::Unanswered => ans.maturity.is_none() && a.in_scope(c, i),
                Filter::BelowTarget => {
                    a.in_scope(c, i)
                        && ans
                            .maturity
                            .is_none_or(|m| m.number() < ans.target.number())
                }
            }
        })
        .collect();

    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        let step: i32 = match e.key().as_str() {
            "n" | "j" => 1,
            "p" | "k" => -1,
            _ => return,
        };
        if e.ctrl_key() || e.meta_key() || e.alt_key() {
            return;
        }
        let Some(target) = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        // Letters typed into text fields are text, not navigation.
        if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>() {
            if !matches!(input.type_().as_str(), "radio" | "checkbox") {
                return;
            }
        } else if target.tag_name() == "TEXTAREA" || target.tag_name() == "SELECT" {
            return;
        }
        let current = target
            .closest(".aims-item")
            .ok()
            .flatten()
            .and_then(|card| card.get_attribute("data-index"))
            .and_then(|i| i.parse::<i32>().ok())
            .unwrap_or(-1);
        let Some(list) = target.closest(".aims-items").ok().flatten() else {
            return;
        };
        let next = current + step;
        let selector = format!("[data-index=\"{next}\"]");
        let Some(card) = list.query_selector(&selector).ok().flatten() else {
            return;
        };
        let focus = card
            .query_selector("input[type=radio]:checked")
            .ok()
            .flatten()
            .or_else(|| card.query_selector("input[type=radio]").ok().flatten());
        if let Some(el) = focus.and_then(|f| f.dyn_into::<web_sys::HtmlElement>().ok()) {
            e.prevent_default();
            let _ = el.focus();
            card.scroll_into_view();
        }
    });

    let nav_button = |g: GroupId| {
        let figure = p.report.groups[g.index()].figure;
        let group = c.group(g);
        let current = *part == Part::Group(g);
        let part = part.clone();
        html! {
            <li>
                <button type="button" class="aims-nav-group"
                    aria-current={current.then_some("true")} onclick={super::set(&part, Part::Group(g))}>
                    <span class="aims-nav-id">{ &group.id }</span>
                    <span class="aims-nav-title">{ &group.title }</span>
                    <span class="aims-nav-progress" aria-label={tf(msg::ASSESS_GROUP_PROGRESS, &[("answered", &figure.answered.to_string()), ("total", &figure.in_scope.to_string())])}>
                        { format!("{}/{}", figure.answered, figure.in_scope) }
                    </span>
                    <span class="aims-meter" aria-hidden="true"><span style={super::bar_width(figure.coverage())}></span></span>
                </button>
            </li>
        }
    };
    let part_button = |value: Part, label: &'static str| {
        let part = part.clone();
        let current = *part == value;
        html! { <button type="button" class="aims-chip" aria-pressed={super::flag(current)}
        onclick={super::set(&part, value)}>{ label }</button> }
    };
    let filter_button = |value: Filter, label: &'static str| {
        let filter = filter.clone();
        let current = *filter == value;
        html! { <button type="button" class="aims-chip" aria-pressed={super::flag(current)}
        onclick={super::set(&filter, value)}>{ label }</button> }
    };
    let overall = p.report.overall;
    let heading = match *part {
        Part::Group(g) => format!("{} {}", c.group(g).id, c.group(g).title),
        Part::Clauses => msg::ASSESS_PART_CLAUSES.to_owned(),
        Part::AnnexA => msg::ASSESS_PART_ANNEX.to_owned(),
        Part::Everything => msg::ASSESS_PART_ALL.to_owned(),
    };
    let (clause_groups, control_groups): (Vec<GroupId>, Vec<GroupId>) = groups
        .iter()
        .partition(|&&g| c.group(g).kind == ItemKind::Clause);

    html! {
        <section class="aims-screen aims-assess" aria-labelledby="aims-assess-title">
            <h1 id="aims-assess-title" class="aims-h1">{ msg::ASSESS_TITLE }</h1>
            <div class="aims-progress">
                <div class="aims-progress-bar" role="progressbar" aria-valuemin="0" aria-valuemax={overall.in_scope.to_string()}
                    aria-valuenow={overall.answered.to_string()} aria-label={msg::ASSESS_COVERAGE_LABEL}>
                    <span style={super::bar_width(overall.coverage())}></span>
                </div>
                <p class="aims-progress-text">
                    { tf(msg::ASSESS_COVERAGE, &[("answered", &overall.answered.to_string()), ("total", &overall.in_scope.to_string()), ("pct", &pct(overall.coverage()))]) }
                    if overall.excluded > 0 { { " · " }{ tf(msg::ASSESS_EXCLUDED, &[("n", &overall.excluded.to_string())]) } }
                </p>
            </div>
            <div class="aims-assess-layout">
                <nav class="aims-navigator" aria-label={msg::ASSESS_NAVIGATOR}>
                    <h2 class="aims-nav-heading">{ msg::ASSESS_CLAUSES }</h2>
                    <ul>{ for clause_groups.into_iter().map(nav_button) }</ul>
                    <h2 class="aims-nav-heading">{ msg::ASSESS_ANNEX }</h2>
                    <ul>{ for control_groups.into_iter().map(nav_button) }</ul>
                </nav>
                <div class="aims-assess-main">
                    <div class="aims-filters" role="group" aria-label={msg::ASSESS_FILTERS}>
                        { part_button(Part::Everything, msg::ASSESS_PART_ALL) }
                        { part_button(Part::Clauses, msg::ASSESS_PART_CLAUSES) }
                        { part_button(Part::AnnexA, msg::ASSESS_PART_ANNEX) }
                        <span class="aims-filter-sep" aria-hidden="true"></span>
                        { filter_button(Filter::All, msg::ASSESS_FILTER_ALL) }
                        { filter_button(Filter::Unanswered, msg::ASSESS_FILTER_UNANSWERED) }
                        { filter_button(Filter::BelowTarget, msg::ASSESS_FILTER_BELOW) }
                    </div>
                    <h2 class="aims-h2">{ heading }{ " " }<span class="aims-muted">{ tf(msg::ASSESS_SHOWING, &[("n", &visible.len().to_string())]) }</span></h2>
                    <p class="aims-muted aims-small">{ msg::ASSESS_KEYS }</p>
                    <div class="aims-items" {onkeydown}>
                        if visible.is_empty() { <p class="aims-empty">{ msg::ASSESS_NONE }</p> }
                        { for visible.iter().enumerate().map(|(index, &item)| html! {
                            <ItemCard key={item.index()} {item} {index} answer={a.answer(item).clone()} on_edit={p.on_edit.clone()} />
                        }) }
                    </div>
                </div>
            </div>
        </section>
    }
}
