//! The quick readiness check: one question per step, then an indicative result.

use crate::config::ShareTarget;
use crate::engine::rules::quick::{score_quick, Band, QuickAnswer};
use crate::engine::text::messages::Message;
use crate::ui::components::pct;
use crate::ui::context::{use_app_state, use_dispatch, use_host};
use crate::ui::route::Route;
use crate::ui::services::clock::new_id;
use crate::ui::services::i18n::{msg, tf};
use crate::ui::services::share;
use crate::ui::state::Action;
use yew::prelude::*;
use yew_router::prelude::use_navigator;

const ANSWER_KEYS: [(QuickAnswer, Message); 4] = [
    (QuickAnswer::Yes, msg::quick_yes),
    (QuickAnswer::Partly, msg::quick_partly),
    (QuickAnswer::No, msg::quick_no),
    (QuickAnswer::NotSure, msg::quick_not_sure),
];

/// The band's display name.
pub fn band_label(band: Band) -> &'static str {
    match band {
        Band::GettingStarted => msg::band_getting_started(),
        Band::FoundationsInProgress => msg::band_foundations(),
        Band::MostElementsInPlace => msg::band_most(),
        Band::GapAssessmentWorthwhile => msg::band_gap_assessment(),
    }
}

/// The hand-over from the quick entry: a new full assessment from the saved quick-check
/// answers (as estimates), opened in place of this address, so "back" does not come
/// here again.
#[component]
pub fn QuickContinue() -> Html {
    let act = use_dispatch();
    let navigator = use_navigator();
    use_effect_with((), move |_| {
        let id = new_id();
        act.emit(Action::QuickContinue(id.clone()));
        if let Some(n) = &navigator {
            n.replace(&Route::Assess { id });
        }
    });
    html! {}
}

/// The quick check. The step shown and whether the summary was shared are its own
/// state; it starts at the first unanswered question, and whenever the step changes
/// focus moves to the heading so keyboard and screen-reader users follow.
#[component]
pub fn Quick() -> Html {
    let c = crate::ui::services::i18n::catalog();
    let total = c.quick_ids().len();
    let state = use_app_state();
    let act = use_dispatch();
    let host = use_host();
    let navigator = use_navigator();
    let answers = &state.quick;
    let step = use_state(|| {
        c.quick_ids()
            .position(|q| answers.get(q).is_none())
            .unwrap_or(total)
    });
    let shared = use_state(|| false);
    let heading_ref = use_node_ref();
    {
        let heading_ref = heading_ref.clone();
        use_effect_with(*step, move |_| {
            if let Some(h) = heading_ref.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    let config = &state.config;
    let cta = config.cta_text.clone().zip(config.cta_href.clone());
    let can_share = config.share != ShareTarget::None;

    if *step >= total {
        let result = score_quick(answers);
        let share = {
            let (target, r, shared) = (config.share.clone(), result.clone(), shared.clone());
            Callback::from(move |_| {
                share::send(&target, host.as_ref(), &r);
                shared.set(true);
            })
        };
        let continue_full = {
            let (act, navigator) = (act.clone(), navigator.clone());
            Callback::from(move |_: MouseEvent| {
                let id = new_id();
                act.emit(Action::QuickContinue(id.clone()));
                if let Some(n) = &navigator {
                    n.push(&Route::Assess { id });
                }
            })
        };
        let restart = {
            let (cb, step, shared) = (act.clone(), step.clone(), shared.clone());
            Callback::from(move |_| {
                cb.emit(Action::QuickReset);
                shared.set(false);
                step.set(0);
            })
        };
        return html! {
            <section class="aims-screen aims-quick" aria-labelledby="aims-quick-result">
                <h1 id="aims-quick-result" class="aims-h1" tabindex="-1" ref={heading_ref}>{ msg::quick_result_title() }</h1>
                <div class="aims-band" data-band={result.band.as_str()}>
                    <p class="aims-band-label">{ msg::quick_indicative() }</p>
                    <p class="aims-band-value">{ band_label(result.band) }</p>
                    <p class="aims-band-pct">{ tf(msg::quick_points(), &[("pct", &pct(Some(result.percent))), ("points", &result.points.to_string()), ("max", &result.max_points.to_string())]) }</p>
                    <p>{ crate::ui::components::nav::route_link(&navigator, Route::GuidePage { page: "about".into() }, "aims-link aims-guide-cta", html! { msg::quick_what_it_means() }, false) }</p>
                </div>
                <p class="aims-rule">{ msg::quick_disclaimer() }</p>
                if result.capped_by_foundation { <p class="aims-alert aims-alert--warn">{ msg::quick_capped() }</p> }
                if result.low_confidence { <p class="aims-alert aims-alert--warn">{ msg::quick_low_confidence() }</p> }
                <h2 class="aims-h2">{ msg::quick_focus_title() }</h2>
                if result.focus.is_empty() { <p>{ msg::quick_focus_none() }</p> }
                <ol class="aims-focus">
                    { for result.focus.iter().map(|&q| {
                        let question = c.quick(q);
                        let areas: Vec<&str> = c.quick_items(q).iter().map(|&i| c.item(i).id.as_str()).collect();
                        html! { <li>
                            <p class="aims-focus-topic">{ &question.topic }</p>
                            <p class="aims-muted aims-small">{ tf(msg::quick_covers(), &[("ids", &areas.join(", "))]) }</p>
                            <p>{ &question.next_step }</p>
                        </li> }
                    }) }
                </ol>
                <h2 class="aims-h2">{ msg::quick_next_title() }</h2>
                <p class="aims-small">{ msg::quick_continue_note() }</p>
                <div class="aims-actions">
                    <button type="button" class="aims-btn aims-btn--primary" onclick={continue_full}>{ msg::quick_continue() }</button>
                    if let Some((text, href)) = &cta {
                        <a class="aims-btn" href={href.clone()} target="_top" rel="noopener">{ text }</a>
                    }
                    if can_share {
                        <button type="button" class="aims-btn" onclick={share} disabled={*shared}>{ if *shared { msg::quick_shared() } else { msg::quick_share() } }</button>
                    }
                    <button type="button" class="aims-btn aims-btn--ghost" onclick={restart}>{ msg::quick_restart() }</button>
                </div>
                if can_share { <p class="aims-muted aims-small">{ msg::quick_share_note() }</p> }
            </section>
        };
    }

    let Some(q) = c.quick_ids().nth(*step) else {
        return html! {};
    };
    let question = c.quick(q);
    let chosen = answers.get(q);
    let go = |to: usize| crate::ui::components::set(&step, to);
    let on_submit = {
        let step = step.clone();
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            if chosen.is_some() {
                step.set(*step + 1);
            }
        })
    };
    let dom = format!("aims-q-{}", question.id);
    html! {
        <section class="aims-screen aims-quick" aria-labelledby={dom.clone()}>
            <p class="aims-muted">{ tf(msg::quick_step(), &[("n", &(*step + 1).to_string()), ("total", &total.to_string())]) }</p>
            <div class="aims-progress-bar" role="progressbar" aria-valuemin="0" aria-valuemax={total.to_string()} aria-valuenow={answers.answered().to_string()} aria-label={msg::quick_progress()}>
                <span style={format!("width:{}%", answers.answered() * 100 / total.max(1))}></span>
            </div>
            <form class="aims-quick-form" onsubmit={on_submit}>
                <fieldset class="aims-quick-fieldset">
                    <legend>
                        <span class="aims-quick-topic">{ &question.topic }</span>
                        <h1 id={dom.clone()} class="aims-h1 aims-quick-question" tabindex="-1" ref={heading_ref}>{ &question.question }</h1>
                    </legend>
                    <p class="aims-muted">{ &question.help }</p>
                    <div class="aims-quick-options">
                        { for ANSWER_KEYS.iter().map(|&(answer, key)| {
                            html! {
                                <label class="aims-option" data-on={crate::ui::components::flag(chosen == Some(answer))}>
                                    <input type="radio" name={dom.clone()} value={answer.as_str()} checked={chosen == Some(answer)}
                                        onchange={crate::ui::components::send(&act, Action::Quick(q, answer))} />
                                    <span>{ key() }</span>
                                </label>
                            }
                        }) }
                    </div>
                </fieldset>
                <div class="aims-actions">
                    if *step > 0 { <button type="button" class="aims-btn aims-btn--ghost" onclick={go(*step - 1)}>{ msg::quick_back() }</button> }
                    <button type="submit" class="aims-btn aims-btn--primary" disabled={chosen.is_none()}>
                        { if *step + 1 == total { msg::quick_see_result() } else { msg::quick_next() } }
                    </button>
                </div>
            </form>
            <p class="aims-muted aims-small">{ msg::quick_privacy() }</p>
        </section>
    }
}
