//! The assessment walk: a navigator with each group's progress, filters, a coverage bar,
//! and the item cards. Keys: arrows move between levels (native radio groups);
//! `n` / `p` (or `j` / `k`) move to the next / previous item.

use crate::engine::model::evidence_refs;
use crate::engine::rules::registers::item_links;
use crate::engine::{Assessment, Catalog, GroupId, ItemId, ItemKind, Score};
use crate::ui::components::item_card::ItemCard;
use crate::ui::components::pct;
use crate::ui::route::Route;
use crate::ui::services::i18n::{msg, tf};
use gloo_timers::callback::Timeout;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;
use yew_router::prelude::use_navigator;

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

/// Props of [`Assess`].
#[derive(Properties, PartialEq)]
pub struct AssessProps {
    /// The open assessment.
    pub assessment: Rc<Assessment>,
    /// Its scores.
    pub report: Rc<Score>,
    /// The item the address names, if any: shown, scrolled into view and focused.
    pub item: Option<ItemId>,
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

/// The navigator group an item is listed under.
fn group_of(c: &Catalog, item: ItemId) -> Part {
    let groups = navigator_groups(c);
    let first = groups[0];
    Part::Group(
        groups
            .into_iter()
            .find(|&g| c.item_in_group(item, g))
            .unwrap_or(first),
    )
}

/// Whether `item` is listed with this part and filter.
fn listed(c: &Catalog, a: &Assessment, part: Part, filter: Filter, item: ItemId) -> bool {
    let in_part = match part {
        Part::Group(g) => c.item_in_group(item, g),
        Part::Clauses => c.item(item).kind == ItemKind::Clause,
        Part::AnnexA => c.item(item).kind == ItemKind::Control,
        Part::Everything => true,
    };
    let ans = a.answer(item);
    in_part
        && match filter {
            Filter::All => true,
            Filter::Unanswered => ans.maturity.is_none() && a.in_scope(c, item),
            Filter::BelowTarget => {
                a.in_scope(c, item)
                    && ans
                        .maturity
                        .is_none_or(|m| m.number() < ans.target.number())
            }
        }
}

/// The item card an element sits in, and its catalog item.
fn card_of(el: &web_sys::Element) -> Option<(web_sys::Element, ItemId)> {
    let card = el.closest(".aims-item").ok().flatten()?;
    let item = crate::ui::services::i18n::catalog().find_item(&card.get_attribute("data-item")?)?;
    Some((card, item))
}

/// Moves focus into a card: its chosen level, or its first level.
fn focus_card(card: &web_sys::Element) -> bool {
    let target = card
        .query_selector("input[type=radio]:checked")
        .ok()
        .flatten()
        .or_else(|| card.query_selector("input[type=radio]").ok().flatten())
        .and_then(|f| f.dyn_into::<web_sys::HtmlElement>().ok());
    match target {
        Some(el) => {
            card.scroll_into_view();
            el.focus().is_ok()
        }
        None => false,
    }
}

/// The assessment screen. Its part and filter are its own state. The address follows
/// the item the person works on (replaced, not pushed, so history holds screens and
/// navigator jumps, not every focus move); an address naming another item (a link,
/// back or forward) brings that item into view and focuses it.
#[component]
pub fn Assess(p: &AssessProps) -> Html {
    let c = crate::ui::services::i18n::catalog();
    let groups = navigator_groups(c);
    let part = use_state(|| p.item.map_or(Part::Group(groups[0]), |i| group_of(c, i)));
    let filter = use_state(|| Filter::All);
    let navigator = use_navigator();
    let list_ref = use_node_ref();
    // The item the address names as this screen last saw or set it; a different one
    // arriving in the props came from outside.
    let known = use_mut_ref(|| None::<ItemId>);
    // An item to focus once its card is on screen.
    let pending = use_mut_ref(|| None::<ItemId>);
    // The address follows focus a moment later, off the path of the click: writing
    // history costs the browser several milliseconds (measured 8 ms in Chromium here),
    // which would delay the answer's paint. Dropping the timer cancels it.
    let address_timer = use_mut_ref(|| None::<Timeout>);
    let a = p.assessment.clone();
    let id = a.id.clone();

    {
        let (known, pending, part, filter, a) = (
            known.clone(),
            pending.clone(),
            part.clone(),
            filter.clone(),
            a.clone(),
        );
        use_effect_with(p.item, move |&item| {
            if *known.borrow() != item {
                *known.borrow_mut() = item;
                match item {
                    Some(i) => {
                        if !listed(c, &a, *part, *filter, i) {
                            part.set(group_of(c, i));
                            filter.set(Filter::All);
                        }
                        *pending.borrow_mut() = Some(i);
                    }
                    // Back to the address without an item: the screen as it opens.
                    None => part.set(Part::Group(navigator_groups(c)[0])),
                }
            }
        });
    }
    {
        let (pending, list_ref) = (pending.clone(), list_ref.clone());
        use_effect(move || {
            let Some(item) = *pending.borrow() else {
                return;
            };
            let card = list_ref.cast::<web_sys::Element>().and_then(|list| {
                let selector = format!("[data-item=\"{}\"]", c.item(item).id);
                list.query_selector(&selector).ok().flatten()
            });
            if card.is_some_and(|card| focus_card(&card)) {
                *pending.borrow_mut() = None;
            }
        });
    }

    // What the registers hold about each item, for the links on its card.
    let links = item_links(c, &a.registers);
    let evidence = evidence_refs::by_item(c, &a.registers);
    let aid = AttrValue::from(a.id.clone());
    let visible: Vec<ItemId> = c
        .item_ids()
        .filter(|&i| listed(c, &a, *part, *filter, i))
        .collect();

    // Focus entering a card puts its item in the address (replace: no history entry).
    let onfocusin = {
        let (navigator, known, id, current, timer) = (
            navigator.clone(),
            known.clone(),
            id.clone(),
            p.item,
            address_timer.clone(),
        );
        Callback::from(move |e: FocusEvent| {
            let Some((_, item)) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|el| card_of(&el))
            else {
                return;
            };
            if current != Some(item) {
                *known.borrow_mut() = Some(item);
                let (navigator, route) = (
                    navigator.clone(),
                    Route::AssessItem {
                        id: id.clone(),
                        item: c.item(item).id.clone(),
                    },
                );
                *timer.borrow_mut() = Some(Timeout::new(250, move || {
                    if let Some(n) = &navigator {
                        n.replace(&route);
                    }
                }));
            }
        })
    };

    let onkeydown = Callback::from(move |e: KeyboardEvent| {
        let forward = match e.key().as_str() {
            "n" | "j" => true,
            "p" | "k" => false,
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
        let Some((card, _)) = card_of(&target) else {
            return;
        };
        let next = if forward {
            card.next_element_sibling()
        } else {
            card.previous_element_sibling()
        };
        if next.is_some_and(|n| focus_card(&n)) {
            e.prevent_default();
        }
    });

    let nav_button = |g: GroupId| {
        let figure = p.report.groups[g.index()].figure;
        let group = c.group(g);
        let current = *part == Part::Group(g);
        let onclick = {
            let (part, navigator, known, id, timer) = (
                part.clone(),
                navigator.clone(),
                known.clone(),
                id.clone(),
                address_timer.clone(),
            );
            let first = c.item_ids().find(|&i| c.item_in_group(i, g));
            Callback::from(move |_: MouseEvent| {
                // A pending focus update must not overwrite the jump.
                timer.borrow_mut().take();
                part.set(Part::Group(g));
                // A navigator jump is a history step: Back returns from it.
                if let (Some(n), Some(first)) = (&navigator, first) {
                    *known.borrow_mut() = Some(first);
                    n.push(&Route::AssessItem {
                        id: id.clone(),
                        item: c.item(first).id.clone(),
                    });
                }
            })
        };
        html! {
            <li>
                <button type="button" class="aims-nav-group"
                    aria-current={current.then_some("true")} {onclick}>
                    <span class="aims-nav-id">{ &group.id }</span>
                    <span class="aims-nav-title">{ &group.title }</span>
                    <span class="aims-nav-progress" aria-label={tf(msg::assess_group_progress(), &[("answered", &figure.answered.to_string()), ("total", &figure.in_scope.to_string())])}>
                        { format!("{}/{}", figure.answered, figure.in_scope) }
                    </span>
                    <span class="aims-meter" aria-hidden="true"><span style={crate::ui::components::bar_width(figure.coverage())}></span></span>
                </button>
            </li>
        }
    };
    let part_button = |value: Part, label: &'static str| {
        let part = part.clone();
        let current = *part == value;
        html! { <button type="button" class="aims-chip" aria-pressed={crate::ui::components::flag(current)}
        onclick={crate::ui::components::set(&part, value)}>{ label }</button> }
    };
    let filter_button = |value: Filter, label: &'static str| {
        let filter = filter.clone();
        let current = *filter == value;
        html! { <button type="button" class="aims-chip" aria-pressed={crate::ui::components::flag(current)}
        onclick={crate::ui::components::set(&filter, value)}>{ label }</button> }
    };
    let overall = p.report.overall;
    let heading = match *part {
        Part::Group(g) => c.group(g).label(),
        Part::Clauses => msg::assess_part_clauses().to_owned(),
        Part::AnnexA => msg::assess_part_annex().to_owned(),
        Part::Everything => msg::assess_part_all().to_owned(),
    };
    let (clause_groups, control_groups): (Vec<GroupId>, Vec<GroupId>) = groups
        .iter()
        .partition(|&&g| c.group(g).kind == ItemKind::Clause);

    html! {
        <section class="aims-screen aims-assess" aria-labelledby="aims-assess-title">
            <h1 id="aims-assess-title" class="aims-h1">{ msg::assess_title() }</h1>
            <div class="aims-progress">
                <div class="aims-progress-bar" role="progressbar" aria-valuemin="0" aria-valuemax={overall.in_scope.to_string()}
                    aria-valuenow={overall.answered.to_string()} aria-label={msg::assess_coverage_label()}>
                    <span style={crate::ui::components::bar_width(overall.coverage())}></span>
                </div>
                <p class="aims-progress-text">
                    { tf(msg::assess_coverage(), &[("answered", &overall.answered.to_string()), ("total", &overall.in_scope.to_string()), ("pct", &pct(overall.coverage()))]) }
                    if overall.excluded > 0 { { " · " }{ tf(msg::assess_excluded(), &[("n", &overall.excluded.to_string())]) } }
                </p>
            </div>
            <div class="aims-assess-layout">
                <nav class="aims-navigator" aria-label={msg::assess_navigator()}>
                    <h2 class="aims-nav-heading">{ msg::assess_clauses() }</h2>
                    <ul>{ for clause_groups.into_iter().map(nav_button) }</ul>
                    <h2 class="aims-nav-heading">{ msg::assess_annex() }</h2>
                    <ul>{ for control_groups.into_iter().map(nav_button) }</ul>
                </nav>
                <div class="aims-assess-main">
                    <div class="aims-filters" role="group" aria-label={msg::assess_filters()}>
                        { part_button(Part::Everything, msg::assess_part_all()) }
                        { part_button(Part::Clauses, msg::assess_part_clauses()) }
                        { part_button(Part::AnnexA, msg::assess_part_annex()) }
                        <span class="aims-filter-sep" aria-hidden="true"></span>
                        { filter_button(Filter::All, msg::assess_filter_all()) }
                        { filter_button(Filter::Unanswered, msg::assess_filter_unanswered()) }
                        { filter_button(Filter::BelowTarget, msg::assess_filter_below()) }
                    </div>
                    <h2 class="aims-h2">{ heading }{ " " }<span class="aims-muted">{ tf(msg::assess_showing(), &[("n", &visible.len().to_string())]) }</span></h2>
                    <p class="aims-muted aims-small">{ msg::assess_keys() }</p>
                    if visible.is_empty() { <p class="aims-empty">{ msg::assess_none() }</p> }
                    <div class="aims-items" ref={list_ref} data-many={crate::ui::components::flag(visible.len() > 12)} {onkeydown} {onfocusin}>
                        { for visible.iter().map(|&item| html! {
                            <ItemCard key={item.index()} {item} answer={a.answer(item).clone()} evidence={evidence.get(item.index()).map(|l| l.iter().map(|l| (AttrValue::from(l.id.to_owned()), AttrValue::from(l.title.to_owned()))).collect::<Vec<_>>()).unwrap_or_default()} shared={a.profile.shared_with(c, item)} no_reason={p.report.soa_missing_reasons.contains(&item)}
                                registers={Some((aid.clone(), links.get(item.index()).copied().unwrap_or_default()))} />
                        }) }
                    </div>
                    // What the cards' evidence fields offer to link: every record's title.
                    <datalist id="aims-evidence-titles">{ for evidence_refs::titles(&a.registers).map(|t| html! { <option value={t.to_owned()} /> }) }</datalist>
                </div>
            </div>
        </section>
    }
}
