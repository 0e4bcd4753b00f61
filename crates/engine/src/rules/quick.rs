//! The quick readiness check: 15 plain-language questions, each standing for a set of
//! catalog items, scored into an indicative band (docs/quick-check.md). Scoring needs
//! only the questions' facts ([`crate::model::quick_facts`]), not the catalog, so the
//! quick entry scores with this same code while carrying none of the catalog.

use crate::model::assessment::Assessment;
use crate::model::catalog::{Catalog, QuickId};
use crate::model::level::MaturityLevel;
use crate::model::percent::Percent;
use crate::model::quick_facts::{facts, quick_ids, QUICK_FACTS};

/// A visitor's answer to one quick-check question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum QuickAnswer {
    /// "Yes, and we can show it".
    Yes,
    /// "Partly".
    Partly,
    /// "No".
    No,
    /// "Not sure": scores like "No" and lowers confidence.
    NotSure,
}

impl QuickAnswer {
    /// Every answer, in the order shown.
    pub const ALL: [QuickAnswer; 4] = [Self::Yes, Self::Partly, Self::No, Self::NotSure];

    /// Points: 2 for yes, 1 for partly, 0 otherwise.
    pub fn points(self) -> u32 {
        match self {
            QuickAnswer::Yes => 2,
            QuickAnswer::Partly => 1,
            QuickAnswer::No | QuickAnswer::NotSure => 0,
        }
    }

    /// The starting estimate carried into the full assessment (`None` = leave unanswered).
    pub fn estimate(self) -> Option<MaturityLevel> {
        match self {
            QuickAnswer::Yes => Some(MaturityLevel::L3),
            QuickAnswer::Partly => Some(MaturityLevel::L2),
            QuickAnswer::No => Some(MaturityLevel::L0),
            QuickAnswer::NotSure => None,
        }
    }

    /// Stable name used in storage (`yes`, `partly`, `no`, `not_sure`).
    pub fn as_str(self) -> &'static str {
        match self {
            QuickAnswer::Yes => "yes",
            QuickAnswer::Partly => "partly",
            QuickAnswer::No => "no",
            QuickAnswer::NotSure => "not_sure",
        }
    }

    /// The answer for a stored name.
    pub fn parse(name: &str) -> Option<QuickAnswer> {
        Self::ALL.into_iter().find(|a| a.as_str() == name)
    }
}

/// The indicative band of a quick-check result. Never "ready" or "certified": a quick
/// check only points to the next step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Band {
    /// Under a third of the points.
    GettingStarted,
    /// Foundations are being laid (also the cap when a foundation topic is missing).
    FoundationsInProgress,
    /// Most elements are in place.
    MostElementsInPlace,
    /// Worth a formal gap assessment.
    GapAssessmentWorthwhile,
}

impl Band {
    /// Stable name used in events and messages.
    pub fn as_str(self) -> &'static str {
        match self {
            Band::GettingStarted => "getting_started",
            Band::FoundationsInProgress => "foundations_in_progress",
            Band::MostElementsInPlace => "most_elements_in_place",
            Band::GapAssessmentWorthwhile => "gap_assessment_worthwhile",
        }
    }
}

/// The answers given so far, one slot per quick question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuickAnswers(Vec<Option<QuickAnswer>>);

impl Default for QuickAnswers {
    fn default() -> Self {
        QuickAnswers(vec![None; QUICK_FACTS.len()])
    }
}

impl QuickAnswers {
    /// No answers yet.
    pub fn new() -> QuickAnswers {
        QuickAnswers::default()
    }

    /// Answers read from a stored record's `(question id, answer name)` pairs; pairs
    /// this version does not know are skipped.
    pub fn from_pairs<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> QuickAnswers {
        let mut answers = QuickAnswers::new();
        for (id, name) in pairs {
            if let (Some(i), Some(a)) = (
                QUICK_FACTS.iter().position(|f| f.id == id),
                QuickAnswer::parse(name),
            ) {
                answers.0[i] = Some(a);
            }
        }
        answers
    }

    /// The record both builds keep in browser storage (`aims.<ns>.v1.quick`), so the
    /// answers carry over from the quick entry into the full app:
    /// `{"version":1,"answers":{"q01":"yes",…}}`. Written here, not by a JSON library:
    /// ids and answer names are fixed tokens with nothing to escape.
    pub fn record(&self) -> String {
        let answers: Vec<String> = quick_ids()
            .filter_map(|q| Some(format!("\"{}\":\"{}\"", facts(q).id, self.get(q)?.as_str())))
            .collect();
        format!("{{\"version\":1,\"answers\":{{{}}}}}", answers.join(","))
    }

    /// The first question without an answer, if any.
    pub fn first_unanswered(&self) -> Option<QuickId> {
        quick_ids().find(|&q| self.get(q).is_none())
    }

    /// The answer to one question.
    pub fn get(&self, q: QuickId) -> Option<QuickAnswer> {
        self.0.get(q.index()).copied().flatten()
    }

    /// Records (or clears) an answer.
    pub fn set(&mut self, q: QuickId, answer: Option<QuickAnswer>) {
        if let Some(slot) = self.0.get_mut(q.index()) {
            *slot = answer;
        }
    }

    /// How many questions have an answer.
    pub fn answered(&self) -> usize {
        self.0.iter().flatten().count()
    }

    /// Whether every question has an answer.
    pub fn complete(&self) -> bool {
        self.0.iter().all(Option::is_some)
    }
}

/// The quick-check result.
#[derive(Clone, Debug, PartialEq)]
pub struct QuickResult {
    /// Points scored (2 / 1 / 0 per answer).
    pub points: u32,
    /// The most points possible.
    pub max_points: u32,
    /// points / max_points.
    pub percent: Percent,
    /// The indicative band (after the foundation cap).
    pub band: Band,
    /// The band was lowered because a foundation topic is missing.
    pub capped_by_foundation: bool,
    /// Four or more "Not sure" answers: the result says little.
    pub low_confidence: bool,
    /// The three weakest topics, weakest first (foundations first among equals).
    pub focus: Vec<QuickId>,
}

/// "Not sure" answers from which the result is marked low-confidence.
const LOW_CONFIDENCE_NOT_SURE: usize = 4;

/// Scores quick-check answers (unanswered questions count as 0 points).
pub fn score_quick(answers: &QuickAnswers) -> QuickResult {
    let questions: Vec<QuickId> = quick_ids().collect();
    let points: u32 = questions
        .iter()
        .filter_map(|&q| answers.get(q))
        .map(QuickAnswer::points)
        .sum();
    let max_points = 2 * questions.len() as u32;
    let fraction = if max_points == 0 {
        0.0
    } else {
        f64::from(points) / f64::from(max_points)
    };
    // Band edges for 15 questions (30 points): 0–9, 10–18, 19–25, 26–30, as fractions.
    let raw_band = match fraction {
        f if f >= 26.0 / 30.0 => Band::GapAssessmentWorthwhile,
        f if f >= 19.0 / 30.0 => Band::MostElementsInPlace,
        f if f >= 10.0 / 30.0 => Band::FoundationsInProgress,
        _ => Band::GettingStarted,
    };
    let foundation_missing = questions
        .iter()
        .any(|&q| facts(q).foundation && answers.get(q).is_none_or(|a| a.points() == 0));
    let band = if foundation_missing {
        raw_band.min(Band::FoundationsInProgress)
    } else {
        raw_band
    };
    let not_sure = questions
        .iter()
        .filter(|&&q| answers.get(q) == Some(QuickAnswer::NotSure))
        .count();

    let mut weakest: Vec<QuickId> = questions
        .iter()
        .copied()
        .filter(|&q| answers.get(q).is_none_or(|a| a != QuickAnswer::Yes))
        .collect();
    // Lowest points first; among equals foundations first, then question order.
    let rank = |q: QuickId| {
        let pts = answers.get(q).map_or(0, QuickAnswer::points);
        (pts, !facts(q).foundation, q)
    };
    // Every rank differs (it ends with the question), so an unstable sort orders them
    // as a stable one would, and keeps the larger stable sort out of the quick entry.
    weakest.sort_unstable_by_key(|&a| rank(a));
    weakest.truncate(3);

    QuickResult {
        points,
        max_points,
        percent: Percent::from_fraction(fraction),
        band,
        capped_by_foundation: band < raw_band,
        low_confidence: not_sure >= LOW_CONFIDENCE_NOT_SURE,
        focus: weakest,
    }
}

/// Carries quick-check answers into a full assessment as starting estimates on the
/// mapped items. Items that already have a confirmed level are left alone; an item
/// mapped by several questions takes the lowest estimate (the cautious reading).
pub fn carry_over(catalog: &Catalog, answers: &QuickAnswers, assessment: &mut Assessment) {
    for item in catalog.item_ids() {
        let existing = assessment.answer(item);
        if existing.maturity.is_some() && !existing.estimate {
            continue;
        }
        let estimate = catalog
            .quick_ids()
            .filter(|&q| catalog.quick_items(q).contains(&item))
            .filter_map(|q| answers.get(q)?.estimate())
            .min();
        if let Some(level) = estimate {
            // Estimates never exclude anything, so this edit cannot be refused.
            let _ = assessment.update(catalog, item, |a| {
                a.maturity = Some(level);
                a.estimate = true;
            });
        }
    }
}
