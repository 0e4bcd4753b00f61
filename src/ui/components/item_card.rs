//! One item: question, level picker with the item's own hints, target, applicability,
//! notes, evidence, owner and due date.

use super::event_value;
use crate::engine::format::guide::terms;
use crate::engine::model::catalog::{Basis, Crosswalk};
use crate::engine::rules::registers::ItemLinks;
use crate::engine::text::messages::Message;
use crate::engine::{
    Answer, Date, Edit, ItemId, ItemKind, ManagementSystem, MaturityLevel, TargetLevel,
};
use crate::ui::components::nav::{route_link, term_link};
use crate::ui::context::use_dispatch;
use crate::ui::route::Route;
use crate::ui::services::i18n::{msg, tf};
use crate::ui::state::Action;
use std::cell::RefCell;
use yew::prelude::*;

/// Props of [`ItemCard`]: only what it shows, so that a card whose answer did not change
/// compares equal and is not rendered again (edits go through the app's dispatcher,
/// which never changes).
#[derive(Properties, PartialEq)]
pub struct ItemCardProps {
    /// The item.
    pub item: ItemId,
    /// Its answer.
    pub answer: Answer,
    /// The evidence records that support it: (id, title) each.
    #[prop_or_default]
    pub evidence: Vec<(AttrValue, AttrValue)>,
    /// A management system the organization runs that usually covers this item's
    /// process already.
    pub shared: Option<ManagementSystem>,
    /// An applicable control without a reason for its inclusion that counts (the score's
    /// `soa_missing_reasons`: a control that treats a risk has that reason).
    #[prop_or_default]
    pub no_reason: bool,
    /// The open assessment's id and what its registers hold about this item: the risks
    /// it treats and the AI systems in scope (links shown where there are any, with one
    /// to its evidence records; the id also for a new evidence record's link).
    #[prop_or_default]
    pub registers: Option<(AttrValue, ItemLinks)>,
}

thread_local! {
    static RENDERS: RefCell<Vec<u32>> = const { RefCell::new(Vec::new()) };
}

/// How many times the card of `item` has rendered in this page. The browser test that
/// answering one item re-renders no other card reads it.
pub fn renders(item: ItemId) -> u32 {
    RENDERS.with(|r| r.borrow().get(item.index()).copied().unwrap_or(0))
}

fn count_render(item: ItemId) {
    RENDERS.with(|r| {
        let mut r = r.borrow_mut();
        if r.len() <= item.index() {
            r.resize(item.index() + 1, 0);
        }
        r[item.index()] += 1;
    });
}

/// Reasons most inclusions rest on, offered as one-click picks (the text stays editable).
const REASON_PICKS: [Message; 5] = [
    msg::reason_risk,
    msg::reason_legal,
    msg::reason_contract,
    msg::reason_policy,
    msg::reason_practice,
];

/// The reason text after choosing `pick`: the pick alone, or appended to what is there.
fn add_reason(current: &str, pick: &str) -> String {
    let current = current.trim();
    if current.is_empty() {
        pick.to_owned()
    } else if current.contains(pick) {
        current.to_owned()
    } else {
        format!("{current}; {pick}")
    }
}

/// Crosswalk references, those that are our judgement marked with `*`.
fn refs(list: &[Crosswalk]) -> String {
    list.iter()
        .map(|c| match c.basis {
            Basis::Judgement => format!("{}*", c.reference),
            _ => c.reference.clone(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// One item card.
#[component]
pub fn ItemCard(p: &ItemCardProps) -> Html {
    count_render(p.item);
    let on_edit = use_dispatch().reform(Action::Edit);
    let navigator = yew_router::prelude::use_navigator();
    let top_group = crate::ui::services::i18n::catalog()
        .group(crate::ui::services::i18n::catalog().top_group(p.item))
        .id
        .clone();
    let catalog = crate::ui::services::i18n::catalog();
    let item = catalog.item(p.item);
    let a = &p.answer;
    let id = p.item;
    let dom = format!("aims-i{}", id.index());
    let edit = |make: fn(ItemId, String) -> Edit| {
        let cb = on_edit.clone();
        Callback::from(move |e: InputEvent| cb.emit(make(id, event_value(&e))))
    };
    // The hint under the levels: the chosen level's meaning, or, while unanswered, what
    // the audit-ready level looks like for this item.
    let (hint_label, hint_level) = match a.maturity {
        Some(level) => (tf(msg::item_level_n(), &[("n", &level.to_string())]), level),
        None => (
            msg::item_hint_unanswered().to_owned(),
            MaturityLevel::AUDIT_READY,
        ),
    };
    let excluded_ok = a.has_valid_exclusion();
    let lacks_reason = if a.excluded {
        !a.has_reason()
    } else {
        p.no_reason
    };

    let level_option = |level: MaturityLevel| {
        let n = level.number() as usize;
        let checked = a.maturity == Some(level);
        html! {
            <label class="aims-level" data-on={super::flag(checked)} title={item.levels[n].clone()}>
                <input type="radio" name={format!("{dom}-level")} value={n.to_string()} checked={checked}
                    aria-describedby={format!("{dom}-hint")}
                    onchange={super::send(&on_edit, Edit::Maturity(id, Some(level)))} />
                <span class="aims-level-n">{ n }</span>
                <span class="aims-level-name">{ level.name(crate::ui::services::i18n::texts()) }</span>
            </label>
        }
    };

    html! {
        <article class="aims-item" data-excluded={super::flag(excluded_ok)} data-item={item.id.clone()} id={dom.clone()}
            aria-labelledby={format!("{dom}-title")}>
            <header class="aims-item-head">
                <h3 class="aims-item-title" id={format!("{dom}-title")}><span class="aims-item-id">{ &item.id }</span>{ " " }{ &item.title }</h3>
                <span class="aims-tags">
                    if a.maturity.is_none() { <span class="aims-tag aims-tag--todo">{ msg::item_unanswered() }</span> }
                    if a.estimate { <span class="aims-tag aims-tag--estimate">{ msg::item_estimate() }</span> }
                    if excluded_ok { <span class="aims-tag">{ msg::item_excluded() }</span> }
                    if a.excluded && !excluded_ok { <span class="aims-tag aims-tag--error">{ msg::item_soa_defect() }</span> }
                    if p.no_reason { <span class="aims-tag aims-tag--todo">{ msg::item_no_reason() }</span> }
                </span>
            </header>
            <p class="aims-question">{ &item.question }</p>
            if let Some((aid, l)) = p.registers.as_ref().filter(|(_, l)| *l != ItemLinks::default() || !p.evidence.is_empty()) {
                <p class="aims-small aims-item-registers">{ for [
                    (p.evidence.len() as u16, msg::item_reg_evidence(), Route::EvidenceFor { id: aid.to_string(), item: item.id.clone() }),
                    (l.risks, msg::item_reg_risks(), Route::Risks { id: aid.to_string() }),
                    (l.systems, msg::item_reg_systems(), Route::Systems { id: aid.to_string() }),
                ].into_iter().filter(|(n, _, _)| *n > 0).enumerate().map(|(k, (n, text, to))| html! {
                    <>{ if k > 0 { " · " } else { "" } }{ route_link(&navigator, to, "aims-link", html! { tf(text, &[("n", &n.to_string())]) }, false) }</>
                }) }</p>
            }
            <details class="aims-details">
                <summary>{ msg::item_more() }</summary>
                <p>{ &item.explanation }</p>
                <p class="aims-label">{ msg::item_evidence_examples() }</p>
                <ul>{ for item.evidence.iter().map(|e| html! { <li>{ e }</li> }) }</ul>
                <p class="aims-muted aims-small">
                    { msg::item_crosswalks() }{ " " }{ refs(&item.nist_ai_rmf) }
                    if !item.eu_ai_act.is_empty() { { " · " }{ msg::item_eu_ai_act() }{ " " }{ refs(&item.eu_ai_act) } }
                    if let Some(iso) = &item.iso27001 { { " · " }{ msg::item_iso27001() }{ " " }{ iso }{ if iso.starts_with("A.") { "*" } else { "" } } }
                    <br />{ msg::item_judgement_note() }
                </p>
                <p class="aims-small">{ route_link(&navigator, Route::GuideAnchor { page: "clauses".into(), anchor: top_group.clone() }, "aims-link", html! { tf(msg::item_guide(), &[("group", &top_group)]) }, false) }</p>
            </details>
            <fieldset class="aims-levels">
                <legend class="aims-label">{ msg::item_level_legend() }</legend>
                <div class="aims-level-row">{ for MaturityLevel::ALL.into_iter().map(level_option) }</div>
                <p class="aims-hint" id={format!("{dom}-hint")}>
                    <strong>{ hint_label }</strong>{ " " }{ &item.levels[hint_level.number() as usize] }{ term_link(&navigator, terms::MATURITY) }
                </p>
                if a.estimate {
                    <button type="button" class="aims-btn aims-btn--small" onclick={super::send(&on_edit, Edit::ConfirmEstimate(id))}>{ msg::item_confirm_estimate() }</button>
                }
                if a.maturity.is_some() {
                    <button type="button" class="aims-btn aims-btn--small aims-btn--ghost" onclick={super::send(&on_edit, Edit::Maturity(id, None))}>{ msg::item_clear() }</button>
                }
            </fieldset>
            <div class="aims-fields">
                <div class="aims-field">
                    <label class="aims-label" for={format!("{dom}-target")}>{ msg::item_target() }</label>{ term_link(&navigator, terms::TARGET) }
                    <select id={format!("{dom}-target")} class="aims-input"
                        onchange={{ let cb = on_edit.clone(); Callback::from(move |e: Event| {
                            if let Some(tl) = event_value(&e).parse().ok().and_then(TargetLevel::from_number) { cb.emit(Edit::Target(id, tl)) }
                        }) }}>
                        { for TargetLevel::ALL.into_iter().map(|tl| html! { <option value={tl.number().to_string()} selected={tl == a.target}>{ format!("{} – {}", tl.number(), tl.as_maturity().name(crate::ui::services::i18n::texts())) }</option> }) }
                    </select>
                </div>
                <div class="aims-field">
                    <label class="aims-label" for={format!("{dom}-owner")}>{ msg::item_owner() }</label>
                    <input id={format!("{dom}-owner")} class="aims-input" value={a.owner.clone()} maxlength="200" oninput={edit(Edit::Owner)} />
                </div>
                <div class="aims-field">
                    <label class="aims-label" for={format!("{dom}-due")}>{ msg::item_due() }</label>
                    <input id={format!("{dom}-due")} type="date" class="aims-input" value={a.due.map(|d| d.to_string()).unwrap_or_default()}
                        onchange={{ let cb = on_edit.clone(); Callback::from(move |e: Event| cb.emit(Edit::Due(id, Date::parse(&event_value(&e))))) }} />
                </div>
            </div>
            if item.kind == ItemKind::Control {
                <div class="aims-applicability">
                    <label class="aims-switch">
                        <input type="checkbox" role="switch" checked={!a.excluded}
                            onchange={{ let cb = on_edit.clone(); Callback::from(move |e: Event| cb.emit(Edit::Applicable(id, super::event_checked(&e)))) }} />
                        <span>{ if a.excluded { msg::item_not_applicable() } else { msg::item_applicable() } }</span>
                    </label>
                    if let Some(clause) = crate::engine::rules::exclusions::conflicting_clause(catalog, id) {
                        <p class={if a.excluded { "aims-field-error" } else { "aims-hint" }} data-conflict={catalog.item(clause).id.clone()}>
                            { tf(msg::item_exclusion_conflict(), &[("clause", &catalog.item(clause).id)]) }
                        </p>
                    }
                    // Clause 6.1.3: a reason for every decision, inclusion or exclusion (a risk
                    // the control treats is the reason for its inclusion: `no_reason`).
                    <label class="aims-label" for={format!("{dom}-just")}>{ if a.excluded { msg::item_justification() } else { msg::item_reason() } }</label>{ term_link(&navigator, terms::EXCLUSION) }
                    <textarea id={format!("{dom}-just")} class="aims-input" rows="2" maxlength="10000" value={a.justification.clone()}
                        aria-invalid={lacks_reason.then_some("true")} aria-describedby={format!("{dom}-why")} oninput={edit(Edit::Justification)} />
                    if !a.excluded {
                        <div class="aims-picks" role="group" aria-label={msg::item_reason_picks()}>
                            <span class="aims-muted aims-small">{ msg::item_reason_picks() }</span>
                            { for REASON_PICKS.iter().map(|pick| {
                                let pick = pick();
                                let text = add_reason(&a.justification, pick);
                                html! { <button type="button" class="aims-chip aims-chip--small" onclick={super::send(&on_edit, Edit::Justification(id, text))}>{ pick }</button> }
                            }) }
                        </div>
                    }
                    <p class="aims-field-error" id={format!("{dom}-why")} hidden={!lacks_reason}>
                        { if a.excluded { msg::item_justification_needed() } else { msg::item_reason_needed() } }
                    </p>
                </div>
            }
            if let Some(system) = p.shared {
                <div class="aims-reuse">
                    <span class="aims-muted">{ tf(msg::item_shared(), &[("system", crate::ui::pages::profile::system_name(system))]) }</span>
                    <label class="aims-switch">
                        <input type="checkbox" checked={a.reused}
                            onchange={{ let cb = on_edit.clone(); Callback::from(move |e: Event| cb.emit(Edit::Reused(id, super::event_checked(&e)))) }} />
                        <span>{ msg::item_reused() }</span>
                    </label>
                </div>
            }
            <div class="aims-field">
                <label class="aims-label" for={format!("{dom}-notes")}>{ msg::item_notes() }</label>
                <textarea id={format!("{dom}-notes")} class="aims-input" rows="2" maxlength="10000" value={a.notes.clone()} oninput={edit(Edit::Notes)} />
            </div>
            <div class="aims-field">
                <span class="aims-label" id={format!("{dom}-ev")}>{ tf(msg::item_evidence(), &[("n", &p.evidence.len().to_string())]) }</span>{ term_link(&navigator, terms::EVIDENCE) }
                <ul class="aims-evidence" aria-labelledby={format!("{dom}-ev")}>
                    { for p.evidence.iter().map(|(record, title)| {
                        html! { <li><span>{ title }</span>
                            <button type="button" class="aims-btn aims-btn--small aims-btn--ghost" aria-label={tf(msg::item_remove_evidence(), &[("ref", title)])}
                                onclick={super::send(&on_edit, Edit::RemoveEvidence(id, record.to_string()))}>{ "×" }</button></li> }
                    }) }
                </ul>
                <form class="aims-inline-form" onsubmit={{
                    let cb = on_edit.clone();
                    Callback::from(move |e: SubmitEvent| { e.prevent_default(); cb.emit(Edit::AddEvidence(id, super::form_field(&e, "evidence"))); super::reset_form(&e); })
                }}>
                    <label class="aims-sr" for={format!("{dom}-addev")}>{ msg::item_add_evidence_label() }</label>
                    <input id={format!("{dom}-addev")} name="evidence" class="aims-input" maxlength="10000" list="aims-evidence-titles" placeholder={msg::item_add_evidence_placeholder()} />
                    <button type="submit" class="aims-btn aims-btn--small">{ msg::item_add_evidence() }</button>
                </form>
                // Evidence with an owner, dates and a kept file lives in the register.
                if let Some((aid, _)) = &p.registers {
                    <p class="aims-small">{ route_link(&navigator, Route::EvidenceNew { id: aid.to_string(), item: item.id.clone() }, "aims-link", html! { tf(msg::item_reg_new_evidence(), &[("id", &item.id)]) }, false) }</p>
                }
            </div>
        </article>
    }
}
