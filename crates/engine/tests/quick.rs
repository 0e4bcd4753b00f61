//! Quick-check scoring and carry-over into the full assessment (docs/quick-check.md).
#![cfg(not(target_arch = "wasm32"))]

mod common;
use aims_engine::rules::quick::{carry_over, score_quick, Band, QuickAnswer, QuickAnswers};
use common::*;

fn all(answer: QuickAnswer) -> QuickAnswers {
    let mut a = QuickAnswers::new(catalog());
    for q in catalog().quick_ids() {
        a.set(q, Some(answer));
    }
    a
}

fn q(id: &str) -> aims_engine::QuickId {
    catalog().find_quick(id).expect("quick id")
}

#[test]
fn bands_follow_the_documented_point_edges() {
    // 15 questions, 30 points. Yes = 2, Partly = 1.
    let r = score_quick(catalog(), &all(QuickAnswer::Yes));
    assert_eq!(
        (r.points, r.max_points, r.percent.to_string()),
        (30, 30, "100".into())
    );
    assert_eq!(r.band, Band::GapAssessmentWorthwhile);
    let r = score_quick(catalog(), &all(QuickAnswer::Partly));
    assert_eq!((r.points, r.band), (15, Band::FoundationsInProgress));
    assert_eq!(r.percent.to_string(), "50");
    let r = score_quick(catalog(), &all(QuickAnswer::No));
    assert_eq!((r.points, r.band), (0, Band::GettingStarted));

    // 13 yes + 2 partly = 28 → top band; 9 yes + 1 partly = 19 → most elements.
    let mut a = all(QuickAnswer::Yes);
    a.set(q("q14"), Some(QuickAnswer::Partly));
    a.set(q("q15"), Some(QuickAnswer::Partly));
    assert_eq!(
        score_quick(catalog(), &a).band,
        Band::GapAssessmentWorthwhile
    );
    let mut a = all(QuickAnswer::No);
    for id in [
        "q01", "q02", "q03", "q04", "q05", "q06", "q07", "q08", "q09",
    ] {
        a.set(q(id), Some(QuickAnswer::Yes));
    }
    a.set(q("q10"), Some(QuickAnswer::Partly));
    let r = score_quick(catalog(), &a);
    assert_eq!((r.points, r.band), (19, Band::MostElementsInPlace));
}

#[test]
fn a_missing_foundation_caps_the_band() {
    let mut a = all(QuickAnswer::Yes);
    a.set(q("q05"), Some(QuickAnswer::No)); // no AI risk assessment
    let r = score_quick(catalog(), &a);
    assert_eq!(r.points, 28);
    assert_eq!(r.band, Band::FoundationsInProgress);
    assert!(r.capped_by_foundation);
    assert_eq!(r.focus[0], q("q05"));
}

#[test]
fn many_not_sure_answers_mark_low_confidence() {
    let mut a = all(QuickAnswer::Yes);
    for id in ["q10", "q11", "q12"] {
        a.set(q(id), Some(QuickAnswer::NotSure));
    }
    assert!(!score_quick(catalog(), &a).low_confidence);
    a.set(q("q13"), Some(QuickAnswer::NotSure));
    assert!(score_quick(catalog(), &a).low_confidence);
}

#[test]
fn focus_is_the_three_weakest_topics_with_foundations_first() {
    let mut a = all(QuickAnswer::Yes);
    a.set(q("q12"), Some(QuickAnswer::Partly));
    a.set(q("q09"), Some(QuickAnswer::No));
    a.set(q("q03"), Some(QuickAnswer::NotSure));
    a.set(q("q14"), Some(QuickAnswer::No));
    let r = score_quick(catalog(), &a);
    // 0-point topics: q03 (foundation), q09, q14; q12 (1 point) is fourth.
    assert_eq!(r.focus, vec![q("q03"), q("q09"), q("q14")]);
}

#[test]
fn carry_over_sets_cautious_estimates_and_keeps_confirmed_answers() {
    let mut answers = all(QuickAnswer::Yes);
    answers.set(q("q01"), Some(QuickAnswer::Partly));
    answers.set(q("q07"), Some(QuickAnswer::NotSure));
    let mut a = blank();
    set(&mut a, "4.4", 5); // confirmed by a person: untouched
    carry_over(catalog(), &answers, &mut a);
    let scope = a.answer(item("4.3"));
    assert_eq!(
        (scope.maturity, scope.estimate),
        (Some(level(2)), true),
        "q01 partly → level 2 estimate"
    );
    assert_eq!(
        (
            a.answer(item("4.4")).maturity,
            a.answer(item("4.4")).estimate
        ),
        (Some(level(5)), false)
    );
    for i in catalog().quick_items(q("q07")) {
        let mapped_elsewhere = catalog()
            .quick_ids()
            .any(|o| o != q("q07") && catalog().quick_items(o).contains(i));
        if !mapped_elsewhere {
            assert_eq!(
                a.answer(*i).maturity,
                None,
                "not sure leaves {} unanswered",
                catalog().item(*i).id
            );
        }
    }
    // Every mapped item got an estimate or was left alone; nothing unmapped changed.
    let mapped: Vec<_> = catalog()
        .quick_ids()
        .flat_map(|x| catalog().quick_items(x).to_vec())
        .collect();
    for i in catalog().item_ids().filter(|i| !mapped.contains(i)) {
        assert_eq!(a.answer(i).maturity, None);
    }
}
