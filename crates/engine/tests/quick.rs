//! Quick-check scoring and carry-over into the full assessment (docs/quick-check.md).
#![cfg(not(target_arch = "wasm32"))]

mod common;
use aims_engine::rules::quick::{carry_over, score_quick, Band, QuickAnswer, QuickAnswers};
use common::*;

fn all(answer: QuickAnswer) -> QuickAnswers {
    let mut a = QuickAnswers::new();
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
    let r = score_quick(&all(QuickAnswer::Yes));
    assert_eq!(
        (r.points, r.max_points, r.percent.to_string()),
        (30, 30, "100".into())
    );
    assert_eq!(r.band, Band::GapAssessmentWorthwhile);
    let r = score_quick(&all(QuickAnswer::Partly));
    assert_eq!((r.points, r.band), (15, Band::FoundationsInProgress));
    assert_eq!(r.percent.to_string(), "50");
    let r = score_quick(&all(QuickAnswer::No));
    assert_eq!((r.points, r.band), (0, Band::GettingStarted));

    // 13 yes + 2 partly = 28 → top band; 9 yes + 1 partly = 19 → most elements.
    let mut a = all(QuickAnswer::Yes);
    a.set(q("q14"), Some(QuickAnswer::Partly));
    a.set(q("q15"), Some(QuickAnswer::Partly));
    assert_eq!(score_quick(&a).band, Band::GapAssessmentWorthwhile);
    let mut a = all(QuickAnswer::No);
    for id in [
        "q01", "q02", "q03", "q04", "q05", "q06", "q07", "q08", "q09",
    ] {
        a.set(q(id), Some(QuickAnswer::Yes));
    }
    a.set(q("q10"), Some(QuickAnswer::Partly));
    let r = score_quick(&a);
    assert_eq!((r.points, r.band), (19, Band::MostElementsInPlace));
}

#[test]
fn a_missing_foundation_caps_the_band() {
    let mut a = all(QuickAnswer::Yes);
    a.set(q("q05"), Some(QuickAnswer::No)); // no AI risk assessment
    let r = score_quick(&a);
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
    assert!(!score_quick(&a).low_confidence);
    a.set(q("q13"), Some(QuickAnswer::NotSure));
    assert!(score_quick(&a).low_confidence);
}

#[test]
fn focus_is_the_three_weakest_topics_with_foundations_first() {
    let mut a = all(QuickAnswer::Yes);
    a.set(q("q12"), Some(QuickAnswer::Partly));
    a.set(q("q09"), Some(QuickAnswer::No));
    a.set(q("q03"), Some(QuickAnswer::NotSure));
    a.set(q("q14"), Some(QuickAnswer::No));
    let r = score_quick(&a);
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

/// The quick entry's tables (no catalog) are the catalog's quick check, fact by fact.
#[test]
fn the_catalog_free_facts_are_the_catalogs_questions() {
    use aims_engine::model::quick_facts::{facts, quick_ids, QUICK_FACTS};
    let c = catalog();
    assert_eq!(QUICK_FACTS.len(), c.quick_ids().len());
    assert_eq!(
        quick_ids().collect::<Vec<_>>(),
        c.quick_ids().collect::<Vec<_>>()
    );
    for q in c.quick_ids() {
        let (fact, question) = (facts(q), c.quick(q));
        assert_eq!(fact.id, question.id);
        assert_eq!(fact.foundation, question.foundation, "{}", question.id);
        let items: Vec<&str> = c
            .quick_items(q)
            .iter()
            .map(|&i| c.item(i).id.as_str())
            .collect();
        assert_eq!(fact.items, items.as_slice(), "{}", question.id);
    }
}

/// Each language's quick-check texts are that language's catalog texts and messages.
#[test]
fn the_catalog_free_texts_are_each_languages_catalog_and_messages() {
    use aims_engine::format::value::{parse, Value};
    use aims_engine::text::lang::Lang;
    use aims_engine::text::quick::quick_texts;
    let c = catalog();
    for lang in Lang::ALL {
        let texts = quick_texts(lang);
        let messages_file = format!("../../assets/i18n/{}.json", lang.code());
        let messages = parse(&std::fs::read(&messages_file).expect("read")).expect("json");
        let message = |key: &str| match messages.get(key) {
            Some(Value::String(s)) => s.clone(),
            _ => panic!("{messages_file}: {key}"),
        };
        assert_eq!(texts.messages.quick_step, message("quick.step"));
        assert_eq!(texts.messages.quick_see_result, message("quick.see_result"));
        assert_eq!(
            texts.messages.band_gap_assessment,
            message("band.gap_assessment")
        );
        assert_eq!(texts.messages.lang_label, message("lang.label"));
        let translation = (lang != Lang::En).then(|| {
            let file = format!("../../assets/catalog/iso42001.{}.json", lang.code());
            parse(&std::fs::read(&file).expect("read")).expect("json")
        });
        for q in c.quick_ids() {
            let text = texts.question(q);
            let id = &c.quick(q).id;
            let want = |field: &str, english: &str| match &translation {
                None => english.to_owned(),
                Some(t) => match t
                    .get("quick")
                    .and_then(|x| x.get(id))
                    .and_then(|x| x.get(field))
                {
                    Some(Value::String(s)) => s.clone(),
                    _ => panic!("{}: quick {id} {field}", lang.code()),
                },
            };
            let question = c.quick(q);
            assert_eq!(text.topic, want("topic", &question.topic), "{id}");
            assert_eq!(text.question, want("question", &question.question), "{id}");
            assert_eq!(text.help, want("help", &question.help), "{id}");
            assert_eq!(
                text.next_step,
                want("next_step", &question.next_step),
                "{id}"
            );
        }
    }
}

/// The share payload names only the band, the percentage and the three focus areas.
#[test]
fn the_summary_carries_the_band_percentage_and_areas_in_the_visitors_language() {
    use aims_engine::reports::quick_summary::summary;
    use aims_engine::text::lang::Lang;
    let mut a = all(QuickAnswer::Partly);
    let first = catalog().quick_ids().next().expect("q01");
    a.set(first, Some(QuickAnswer::No));
    let r = score_quick(&a);
    let texts = aims_engine::text::quick::quick_texts(Lang::De);
    let s = summary(&r, |q| texts.question(q).topic);
    assert_eq!(s.kind, "aims-readiness/quick-summary");
    assert_eq!(s.band, r.band.as_str());
    assert_eq!(s.percent, r.percent.value());
    assert_eq!(s.top_areas.len(), 3);
    assert_eq!(s.top_areas[0].id, "q01");
    assert_eq!(
        s.top_areas[0].topic,
        "KI-Inventar und Anwendungsbereich des Managementsystems"
    );
    assert_eq!(s.top_areas[0].items, ["4.3", "4.4", "A.4.2"]);
}
