//! What the quick check shows, as HTML text made from its state: pure Rust, tested
//! natively. The same markup and classes as the full app's quick-check screen, so one
//! stylesheet themes both. Every text from outside the program (messages are ours, the
//! call to action is the host's) is escaped.

use aims_engine::model::quick_facts::{facts, quick_ids, QUICK_FACTS};
use aims_engine::rules::quick::{score_quick, Band, QuickAnswer, QuickAnswers};
use aims_engine::text::lang::Lang;
use aims_engine::text::messages::Texts;
use aims_engine::text::quick::{quick_texts, QuickMessages};
use aims_engine::Percent;
use aims_options::{Config, ShareTarget, Theme};
use std::fmt::Write;

/// Everything the screen depends on.
#[derive(Clone, Debug, PartialEq)]
pub struct State {
    /// The start-up options.
    pub config: Config,
    /// The answers so far (kept in storage under the namespace).
    pub answers: QuickAnswers,
    /// The question shown (`0..15`), or the number of questions for the result.
    pub step: usize,
    /// The language on screen.
    pub lang: Lang,
    /// Whether the summary was shared (the button then says so and is disabled).
    pub shared: bool,
}

impl State {
    /// A visit starting with `answers`: at the first unanswered question, or at the
    /// result when every question has an answer.
    pub fn new(config: Config, answers: QuickAnswers, lang: Lang) -> State {
        let step = answers
            .first_unanswered()
            .map_or(QUICK_FACTS.len(), |q| q.index());
        State {
            config,
            answers,
            step,
            lang,
            shared: false,
        }
    }

    /// Whether the result is on screen.
    pub fn at_result(&self) -> bool {
        self.step >= QUICK_FACTS.len()
    }
}

/// What a control in the markup does (its `data-act`), read back by the event handlers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Act {
    /// The previous question.
    Back,
    /// Send the summary to the host.
    Share,
    /// Answer again from the first question.
    Restart,
    /// Into the full assessment, answers as estimates.
    Continue,
    /// The guide's page about the standard (in the full app).
    Guide,
}

impl Act {
    const ALL: [Act; 5] = [
        Act::Back,
        Act::Share,
        Act::Restart,
        Act::Continue,
        Act::Guide,
    ];

    /// The value of `data-act`.
    pub fn as_str(self) -> &'static str {
        match self {
            Act::Back => "back",
            Act::Share => "share",
            Act::Restart => "restart",
            Act::Continue => "continue",
            Act::Guide => "guide",
        }
    }

    /// The act a `data-act` value names.
    pub fn parse(value: &str) -> Option<Act> {
        Act::ALL.into_iter().find(|a| a.as_str() == value)
    }
}

pub use aims_engine::text::markup::escape;

fn tf(text: &str, args: &[(&str, &str)]) -> String {
    escape(&Texts::ENGLISH.tf(text, args))
}

fn flag(on: bool) -> &'static str {
    if on {
        "true"
    } else {
        "false"
    }
}

/// The band's name.
pub fn band_label(m: &QuickMessages, band: Band) -> &'static str {
    match band {
        Band::GettingStarted => m.band_getting_started,
        Band::FoundationsInProgress => m.band_foundations,
        Band::MostElementsInPlace => m.band_most,
        Band::GapAssessmentWorthwhile => m.band_gap_assessment,
    }
}

/// The whole widget: the app's frame (brand, language menu, footer) around the question
/// or the result. `percent` formats a percentage in the language on screen; `guide` is
/// the address of the guide's page about the standard.
pub fn render(state: &State, percent: &dyn Fn(Percent) -> String, guide: &str) -> String {
    let texts = quick_texts(state.lang);
    let m = &texts.messages;
    let c = &state.config;
    let theme = match c.theme {
        Theme::Auto => "auto",
        Theme::Light => "light",
        Theme::Dark => "dark",
    };
    let mut out = format!(
        "<div class=\"aims-app\" lang=\"{}\" data-theme=\"{theme}\" data-embedded=\"{}\"",
        state.lang.code(),
        flag(c.embedded)
    );
    if let Some(accent) = &c.accent {
        // Checked to be #rgb or #rrggbb by the options.
        let _ = write!(
            out,
            " style=\"--aims-accent:{accent};--aims-on-accent:{}\"",
            aims_options::text_on(accent)
        );
    }
    let _ = write!(
        out,
        "><header class=\"aims-top\"><div class=\"aims-brand\"><span class=\"aims-logo\" aria-hidden=\"true\">◆</span><span class=\"aims-brand-name\">{}</span><span class=\"aims-brand-std\">{}</span></div>",
        escape(m.app_name),
        escape(m.app_standard)
    );
    if c.lang.is_none() {
        let _ = write!(
            out,
            "<div class=\"aims-lang\" role=\"group\" aria-label=\"{}\">",
            escape(m.lang_label)
        );
        for l in Lang::ALL {
            let _ = write!(
                out,
                "<button type=\"button\" id=\"aims-lang-{0}\" class=\"aims-lang-btn\" lang=\"{0}\" data-lang=\"{0}\" aria-pressed=\"{1}\">{2}</button>",
                l.code(),
                flag(l == state.lang),
                l.name()
            );
        }
        out.push_str("</div>");
    }
    out.push_str("</header><main id=\"aims-main\" class=\"aims-main\" tabindex=\"-1\">");
    if state.at_result() {
        result(&mut out, state, m, percent, guide);
    } else {
        question(&mut out, state, m);
    }
    let _ = write!(
        out,
        "</main><footer class=\"aims-footer\">{} <span class=\"aims-version\">{}</span></footer></div>",
        escape(m.app_footer),
        tf(m.app_version, &[("version", aims_engine::VERSION)])
    );
    out
}

fn question(out: &mut String, state: &State, m: &QuickMessages) {
    let total = QUICK_FACTS.len();
    let Some(q) = quick_ids().nth(state.step) else {
        return;
    };
    let text = quick_texts(state.lang).question(q);
    let dom = format!("aims-q-{}", facts(q).id);
    let chosen = state.answers.get(q);
    let answered = state.answers.answered();
    let _ = write!(
        out,
        "<section class=\"aims-screen aims-quick\" aria-labelledby=\"{dom}\"><p class=\"aims-muted\">{}</p>",
        tf(m.quick_step, &[("n", &(state.step + 1).to_string()), ("total", &total.to_string())])
    );
    let _ = write!(
        out,
        "<div class=\"aims-progress-bar\" role=\"progressbar\" aria-valuemin=\"0\" aria-valuemax=\"{total}\" aria-valuenow=\"{answered}\" aria-label=\"{}\"><span style=\"width:{}%\"></span></div>",
        escape(m.quick_progress),
        answered * 100 / total.max(1)
    );
    let _ = write!(
        out,
        "<form class=\"aims-quick-form\"><fieldset class=\"aims-quick-fieldset\"><legend><span class=\"aims-quick-topic\">{}</span><h1 id=\"{dom}\" class=\"aims-h1 aims-quick-question\" tabindex=\"-1\">{}</h1></legend><p class=\"aims-muted\">{}</p><div class=\"aims-quick-options\">",
        escape(text.topic),
        escape(text.question),
        escape(text.help)
    );
    for (answer, label) in [
        (QuickAnswer::Yes, m.quick_yes),
        (QuickAnswer::Partly, m.quick_partly),
        (QuickAnswer::No, m.quick_no),
        (QuickAnswer::NotSure, m.quick_not_sure),
    ] {
        let on = chosen == Some(answer);
        let _ = write!(
            out,
            "<label class=\"aims-option\" data-on=\"{}\"><input type=\"radio\" name=\"{dom}\" value=\"{}\"{}><span>{}</span></label>",
            flag(on),
            answer.as_str(),
            if on { " checked" } else { "" },
            escape(label)
        );
    }
    out.push_str("</div></fieldset><div class=\"aims-actions\">");
    if state.step > 0 {
        let _ = write!(
            out,
            "<button type=\"button\" class=\"aims-btn aims-btn--ghost\" data-act=\"back\">{}</button>",
            escape(m.quick_back)
        );
    }
    let next = if state.step + 1 == total {
        m.quick_see_result
    } else {
        m.quick_next
    };
    let _ = write!(
        out,
        "<button type=\"submit\" class=\"aims-btn aims-btn--primary\"{}>{}</button></div></form><p class=\"aims-muted aims-small\">{}</p></section>",
        if chosen.is_none() { " disabled" } else { "" },
        escape(next),
        escape(m.quick_privacy)
    );
}

fn result(
    out: &mut String,
    state: &State,
    m: &QuickMessages,
    percent: &dyn Fn(Percent) -> String,
    guide: &str,
) {
    let r = score_quick(&state.answers);
    let texts = quick_texts(state.lang);
    let _ = write!(
        out,
        "<section class=\"aims-screen aims-quick\" aria-labelledby=\"aims-quick-result\"><h1 id=\"aims-quick-result\" class=\"aims-h1\" tabindex=\"-1\">{}</h1>",
        escape(m.quick_result_title)
    );
    let _ = write!(
        out,
        "<div class=\"aims-band\" data-band=\"{}\"><p class=\"aims-band-label\">{}</p><p class=\"aims-band-value\">{}</p><p class=\"aims-band-pct\">{}</p><p><a class=\"aims-link aims-guide-cta\" href=\"{}\" data-act=\"guide\">{}</a></p></div>",
        r.band.as_str(),
        escape(m.quick_indicative),
        escape(band_label(m, r.band)),
        tf(
            m.quick_points,
            &[
                ("pct", &format!("{}{}", percent(r.percent), state.lang.percent_sign())),
                ("points", &r.points.to_string()),
                ("max", &r.max_points.to_string()),
            ]
        ),
        escape(guide),
        escape(m.quick_what_it_means)
    );
    let _ = write!(
        out,
        "<p class=\"aims-rule\">{}</p>",
        escape(m.quick_disclaimer)
    );
    for (on, text) in [
        (r.capped_by_foundation, m.quick_capped),
        (r.low_confidence, m.quick_low_confidence),
    ] {
        if on {
            let _ = write!(
                out,
                "<p class=\"aims-alert aims-alert--warn\">{}</p>",
                escape(text)
            );
        }
    }
    let _ = write!(
        out,
        "<h2 class=\"aims-h2\">{}</h2>",
        escape(m.quick_focus_title)
    );
    if r.focus.is_empty() {
        let _ = write!(out, "<p>{}</p>", escape(m.quick_focus_none));
    }
    out.push_str("<ol class=\"aims-focus\">");
    for &q in &r.focus {
        let text = texts.question(q);
        let _ = write!(
            out,
            "<li><p class=\"aims-focus-topic\">{}</p><p class=\"aims-muted aims-small\">{}</p><p>{}</p></li>",
            escape(text.topic),
            tf(m.quick_covers, &[("ids", &facts(q).items.join(", "))]),
            escape(text.next_step)
        );
    }
    let _ = write!(
        out,
        "</ol><h2 class=\"aims-h2\">{}</h2><p class=\"aims-small\">{}</p><div class=\"aims-actions\"><button type=\"button\" class=\"aims-btn aims-btn--primary\" data-act=\"continue\">{}</button>",
        escape(m.quick_next_title),
        escape(m.quick_continue_note),
        escape(m.quick_continue)
    );
    let c = &state.config;
    if let (Some(text), Some(href)) = (&c.cta_text, &c.cta_href) {
        let _ = write!(
            out,
            "<a class=\"aims-btn\" href=\"{}\" target=\"_top\" rel=\"noopener\">{}</a>",
            escape(href),
            escape(text)
        );
    }
    let can_share = c.share != ShareTarget::None;
    if can_share {
        let _ = write!(
            out,
            "<button type=\"button\" class=\"aims-btn\" data-act=\"share\"{}>{}</button>",
            if state.shared { " disabled" } else { "" },
            escape(if state.shared {
                m.quick_shared
            } else {
                m.quick_share
            })
        );
    }
    let _ = write!(
        out,
        "<button type=\"button\" class=\"aims-btn aims-btn--ghost\" data-act=\"restart\">{}</button></div>",
        escape(m.quick_restart)
    );
    if can_share {
        let _ = write!(
            out,
            "<p class=\"aims-muted aims-small\">{}</p>",
            escape(m.quick_share_note)
        );
    }
    out.push_str("</section>");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plain(p: Percent) -> String {
        p.to_string()
    }

    fn state(config: Config) -> State {
        State::new(config, QuickAnswers::new(), Lang::En)
    }

    #[test]
    fn a_first_visit_starts_at_question_one_with_next_disabled() {
        let html = render(&state(Config::default()), &plain, "index.html#/guide/about");
        assert!(html.contains("Question 1 of 15"), "{html}");
        assert!(html.contains("id=\"aims-q-q01\""));
        assert!(html.contains("type=\"submit\" class=\"aims-btn aims-btn--primary\" disabled"));
        assert!(
            !html.contains("data-act=\"back\""),
            "no back on the first question"
        );
    }

    #[test]
    fn every_answer_leads_to_the_result_with_three_areas_and_no_share_button() {
        let mut s = state(Config::default());
        for q in quick_ids() {
            s.answers.set(q, Some(QuickAnswer::Partly));
        }
        let s = State::new(s.config, s.answers, Lang::De);
        assert!(s.at_result());
        let html = render(&s, &plain, "g");
        assert!(html.contains("data-band=\"foundations_in_progress\""));
        assert!(html.contains("50\u{a0}% (15 von 30"), "{html}");
        assert_eq!(html.matches("aims-focus-topic").count(), 3);
        assert!(!html.contains("data-act=\"share\""));
    }

    #[test]
    fn the_hosts_texts_are_escaped_and_share_appears_once_configured() {
        let options: Vec<(String, String)> = [
            ("cta-text", "<b>Book</b> & \"go\""),
            ("cta-href", "/contact?a=1&b=2"),
            ("share", "event"),
        ]
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
        let mut answers = QuickAnswers::new();
        for q in quick_ids() {
            answers.set(q, Some(QuickAnswer::Yes));
        }
        let s = State::new(
            Config::from_options(&options, true, false),
            answers,
            Lang::En,
        );
        let html = render(&s, &plain, "g");
        assert!(
            html.contains("&lt;b&gt;Book&lt;/b&gt; &amp; &quot;go&quot;"),
            "{html}"
        );
        assert!(html.contains("href=\"/contact?a=1&amp;b=2\""));
        assert!(html.contains("data-act=\"share\""));
        assert!(!html.contains("<b>"));
    }

    #[test]
    fn acts_read_back_what_the_markup_writes() {
        for act in Act::ALL {
            assert_eq!(Act::parse(act.as_str()), Some(act));
        }
        assert_eq!(Act::parse("delete"), None);
    }
}
