//! The quick readiness check: one question per step, then an indicative result.

use super::pct;
use crate::engine::quick::{score_quick, Band, QuickAnswer, QuickAnswers, QuickResult};
use crate::engine::Catalog;
use crate::ui::i18n::{msg, tf};
use crate::ui::state::Action;
use yew::prelude::*;

/// What [`quick`] shows.
pub struct QuickProps {
    /// Answers so far.
    pub answers: QuickAnswers,
    /// Vendor call to action (text, link).
    pub cta: Option<(String, String)>,
    /// Whether a share target is configured (otherwise no share button).
    pub can_share: bool,
    /// Share the summary with the host page.
    pub on_share: Callback<QuickResult>,
    /// Dispatch.
    pub on_action: Callback<Action>,
}

const ANSWER_KEYS: [(QuickAnswer, &str); 4] = [
    (QuickAnswer::Yes, msg::QUICK_YES),
    (QuickAnswer::Partly, msg::QUICK_PARTLY),
    (QuickAnswer::No, msg::QUICK_NO),
    (QuickAnswer::NotSure, msg::QUICK_NOT_SURE),
];

/// The band's display name.
pub fn band_label(band: Band) -> &'static str {
    match band {
        Band::GettingStarted => msg::BAND_GETTING_STARTED,
        Band::FoundationsInProgress => msg::BAND_FOUNDATIONS,
        Band::MostElementsInPlace => msg::BAND_MOST,
        Band::GapAssessmentWorthwhile => msg::BAND_GAP_ASSESSMENT,
    }
}

/// The quick check's own state, held by the root component (see [`use_quick_ui`]) so
/// that [`quick`] is a view function.
pub struct QuickUi {
    /// The question shown; the number of questions means the result.
    step: UseStateHandle<usize>,
    /// The summary was shared.
    shared: UseStateHandle<bool>,
    /// The heading that takes focus when the step changes.
    heading_ref: NodeRef,
}

/// The state behind [`quick`], for the root component to hold. It starts at the first
/// unanswered question; whenever the screen is shown or the step changes, focus moves to
/// the heading so keyboard and screen-reader users follow.
#[hook]
pub fn use_quick_ui(answers: &QuickAnswers, visible: bool) -> QuickUi {
    let c = Catalog::builtin();
    let step = use_state(|| {
        c.quick_ids()
            .position(|q| answers.get(q).is_none())
            .unwrap_or(c.quick_ids().len())
    });
    let shared = use_state(|| false);
    let heading_ref = use_node_ref();
    {
        let heading_ref = heading_ref.clone();
        use_effect_with((*step, visible), move |_| {
            if let Some(h) = heading_ref.cast::<web_sys::HtmlElement>() {
                let _ = h.focus();
            }
        });
    }
    QuickUi {
        step,
        shared,
        heading_ref,
    }
}

/// The quick check.
pub fn quick(p: &QuickProps, ui: &QuickUi) -> Html {
    let c = Catalog::builtin();
    let total = c.quick_ids().len();
    let (step, shared, heading_ref) = (ui.step.clone(), ui.shared.clone(), ui.heading_ref.clone());

    if *step >= total {
        let result = score_quick(c, &p.answers);
        let share = {
            let (cb, r, shared) = (p.on_share.clone(), result.clone(), shared.clone());
            Callback::from(move |_| {
                cb.emit(r.clone());
                shared.set(true);
            })
        };
        let act = |a: Action| super::send(&p.on_action, a);
        let restart = {
            let (cb, step, shared) = (p.on_action.clone(), step.clone(), shared.clone());
            Callback::from(move |_| {
                cb.emit(Action::QuickReset);
                shared.set(false);
                step.set(0);
            })
        };
        return html! {
            <section class="aims-screen aims-quick" aria-labelledby="aims-quick-result">
                <h1 id="aims-quick-result" class="aims-h1" tabindex="-1" ref={heading_ref}>{ msg::QUICK_RESULT_TITLE }</h1>
                <div class="aims-band" data-band={result.band.as_str()}>
                    <p class="aims-band-label">{ msg::QUICK_INDICATIVE }</p>
                    <p class="aims-band-value">{ band_label(result.band) }</p>
                    <p class="aims-band-pct">{ tf(msg::QUICK_POINTS, &[("pct", &pct(Some(result.percent))), ("points", &result.points.to_string()), ("max", &result.max_points.to_string())]) }</p>
                </div>
                <p class="aims-rule">{ msg::QUICK_DISCLAIMER }</p>
                if result.capped_by_foundation { <p class="aims-alert aims-alert--warn">{ msg::QUICK_CAPPED }</p> }
                if result.low_confidence { <p class="aims-alert aims-alert--warn">{ msg::QUICK_LOW_CONFIDENCE }</p> }
                <h2 class="aims-h2">{ msg::QUICK_FOCUS_TITLE }</h2>
                if result.focus.is_empty() { <p>{ msg::QUICK_FOCUS_NONE }</p> }
                <ol class="aims-focus">
                    { for result.focus.iter().map(|&q| {
                        let question = c.quick(q);
                        let areas: Vec<&str> = c.quick_items(q).iter().map(|&i| c.item(i).id.as_str()).collect();
                        html! { <li>
                            <p class="aims-focus-topic">{ &question.topic }</p>
                            <p class="aims-muted aims-small">{ tf(msg::QUICK_COVERS, &[("ids", &areas.join(", "))]) }</p>
                            <p>{ &question.next_step }</p>
                        </li> }
                    }) }
                </ol>
                <h2 class="aims-h2">{ msg::QUICK_NEXT_TITLE }</h2>
                <div class="aims-actions">
                    <button type="button" class="aims-btn aims-btn--primary" onclick={act(Action::QuickContinue)}>{ msg::QUICK_CONTINUE }</button>
                    if let Some((text, href)) = &p.cta {
                        <a class="aims-btn" href={href.clone()} target="_top" rel="noopener">{ text }</a>
                    }
                    if p.can_share {
                        <button type="button" class="aims-btn" onclick={share} disabled={*shared}>{ if *shared { msg::QUICK_SHARED } else { msg::QUICK_SHARE } }</button>
                    }
                    <button type="button" class="aims-btn aims-btn--ghost" onclick={restart}>{ msg::QUICK_RESTART }</button>
                </div>
                if p.can_share { <p class="aims-muted aims-small">{ msg::QUICK_SHARE_NOTE }</p> }
            </section>
        };
    }

    let Some(q) = c.quick_ids().nth(*step) else {
        return html! {};
    };
    let question = c.quick(q);
    let chosen = p.answers.get(q);
    let go = |to: usize| super::set(&step, to);
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
            <p class="aims-muted">{ tf(msg::QUICK_STEP, &[("n", &(*step + 1).to_string()), ("total", &total.to_string())]) }</p>
            <div class="aims-progress-bar" role="progressbar" aria-valuemin="0" aria-valuemax={total.to_string()} aria-valuenow={p.answers.answered().to_string()} aria-label={msg::QUICK_PROGRESS}>
                <span style={format!("width:{}%", p.answers.answered() * 100 / total.max(1))}></span>
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
                                <label class="aims-option" data-on={super::flag(chosen == Some(answer))}>
                                    <input type="radio" name={dom.clone()} value={answer.as_str()} checked={chosen == Some(answer)}
                                        onchange={super::send(&p.on_action, Action::Quick(q, answer))} />
                                    <span>{ key }</span>
                                </label>
                            }
                        }) }
                    </div>
                </fieldset>
                <div class="aims-actions">
                    if *step > 0 { <button type="button" class="aims-btn aims-btn--ghost" onclick={go(*step - 1)}>{ msg::QUICK_BACK }</button> }
                    <button type="submit" class="aims-btn aims-btn--primary" disabled={chosen.is_none()}>
                        { if *step + 1 == total { msg::QUICK_SEE_RESULT } else { msg::QUICK_NEXT } }
                    </button>
                </div>
            </form>
            <p class="aims-muted aims-small">{ msg::QUICK_PRIVACY }</p>
        </section>
    }
}
