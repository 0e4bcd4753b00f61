//! Property tests for the scoring model and the export format.
#![cfg(not(target_arch = "wasm32"))]

mod common;
use aims_engine::model::evidence_refs;
use aims_engine::{
    export, import, score, Assessment, Date, ItemKind, MaturityLevel, Percent, Score, TargetLevel,
    Weight,
};
use common::*;
use proptest::prelude::*;

#[derive(Debug, Clone)]
struct ItemSpec {
    maturity: Option<u8>,
    target: u8,
    weight: u64,
    excluded: bool,
    justified: bool,
    evidence: bool,
    notes: String,
    due: Option<(u16, u8, u8)>,
}

fn item_spec() -> impl Strategy<Value = ItemSpec> {
    (
        proptest::option::of(0u8..=5),
        3u8..=5,
        prop_oneof![Just(100u64), 1u64..=10_000],
        any::<bool>(),
        any::<bool>(),
        any::<bool>(),
        "[a-zA-Z0-9 é\"\\\\\n]{0,12}",
        proptest::option::of((1990u16..2100, 1u8..=12, 1u8..=28)),
    )
        .prop_map(
            |(maturity, target, weight, excluded, justified, evidence, notes, due)| ItemSpec {
                maturity,
                target,
                weight,
                excluded,
                justified,
                evidence,
                notes,
                due,
            },
        )
}

fn build(specs: &[ItemSpec], docs: &[bool]) -> Assessment {
    let c = catalog();
    let mut a = blank();
    for (i, spec) in c.item_ids().zip(specs) {
        let clause = c.item(i).kind == ItemKind::Clause;
        a.update(c, i, |ans| {
            ans.maturity = spec
                .maturity
                .and_then(|m| MaturityLevel::from_number(m.into()));
            ans.target = TargetLevel::from_number(spec.target.into()).unwrap_or_default();
            ans.weight = Weight::from_hundredths(spec.weight).unwrap_or_default();
            ans.excluded = spec.excluded && !clause;
            ans.justification = if spec.justified {
                "Treats an assessed AI risk".into()
            } else {
                String::new()
            };
            ans.notes = spec.notes.clone();
            ans.due = spec
                .due
                .and_then(|(y, m, d)| Date::parse(&format!("{y:04}-{m:02}-{d:02}")));
        })
        .expect("valid edit");
        if spec.evidence {
            evidence_refs::link(c, &mut a.registers, "p", i, "ref").expect("room");
        }
    }
    for (d, &present) in c.document_ids().zip(docs) {
        a.set_document(d, present);
    }
    a
}

/// Every figure: the certification figures, target progress and coverage.
fn figures(r: &Score) -> Vec<Option<Percent>> {
    let mut all = certification(r);
    all.extend([r.overall.target_progress, r.overall.coverage()]);
    all.extend(r.groups.iter().map(|g| g.figure.target_progress));
    all
}

/// The certification figures only: conformity, maturity and evidenced maturity,
/// everywhere.
fn certification(r: &Score) -> Vec<Option<Percent>> {
    let mut all = Vec::new();
    for f in [r.overall, r.clauses, r.annex_a]
        .into_iter()
        .chain(r.groups.iter().map(|g| g.figure))
    {
        all.extend([f.conformity, f.maturity, f.evidenced]);
    }
    all
}

/// `a` with the item at `index` one level higher (unanswered becomes level 0).
fn raise_one(a: &Assessment, index: usize) -> Assessment {
    let c = catalog();
    let item = c.item_ids().nth(index).expect("index < 70");
    let mut raised = a.clone();
    raised
        .update(c, item, |ans| {
            ans.maturity = Some(ans.maturity.map_or(MaturityLevel::L0, MaturityLevel::up))
        })
        .expect("edit");
    raised
}

fn assessment() -> impl Strategy<Value = (Vec<ItemSpec>, Vec<bool>)> {
    (
        proptest::collection::vec(item_spec(), 70),
        proptest::collection::vec(any::<bool>(), catalog().document_count()),
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn every_percentage_stays_within_0_and_100((specs, docs) in assessment()) {
        let r = score(catalog(), &build(&specs, &docs), today());
        for p in figures(&r).into_iter().flatten() {
            prop_assert!(p.value() >= 0.0 && p.value() <= 100.0);
        }
    }

    #[test]
    fn raising_one_maturity_never_lowers_any_figure((specs, docs) in assessment(), index in 0usize..70) {
        let before = build(&specs, &docs);
        let after = raise_one(&before, index);
        let c = catalog();
        let (rb, ra) = (score(c, &before, today()), score(c, &after, today()));
        for (b, a) in figures(&rb).into_iter().zip(figures(&ra)) {
            prop_assert!(a >= b, "{b:?} -> {a:?}");
        }
    }

    #[test]
    fn raising_one_maturity_never_lowers_the_verdict((specs, docs) in assessment(), index in 0usize..70) {
        let before = build(&specs, &docs);
        let after = raise_one(&before, index);
        prop_assert!(score(catalog(), &after, today()).verdict >= score(catalog(), &before, today()).verdict);
    }

    #[test]
    fn certification_readiness_never_depends_on_target_or_weight(
        (specs, docs) in assessment(),
        targets in proptest::collection::vec(3u64..=5, 70),
        weights in proptest::collection::vec(1u64..=10_000, 70),
    ) {
        let before = build(&specs, &docs);
        let c = catalog();
        let mut after = before.clone();
        for ((i, t), w) in c.item_ids().zip(targets).zip(weights) {
            after.update(c, i, |a| {
                a.target = TargetLevel::from_number(t).unwrap_or_default();
                a.weight = Weight::from_hundredths(w).unwrap_or_default();
            }).expect("edit");
        }
        let (rb, ra) = (score(c, &before, today()), score(c, &after, today()));
        prop_assert_eq!(certification(&rb), certification(&ra));
        prop_assert_eq!(rb.verdict, ra.verdict);
    }

    #[test]
    fn excluding_a_control_with_justification_never_changes_clause_readiness(
        (specs, docs) in assessment(), index in 32usize..70
    ) {
        let before = build(&specs, &docs);
        let c = catalog();
        let item = c.item_ids().nth(index).expect("a control");
        let mut after = before.clone();
        after.update(c, item, |a| { a.excluded = true; a.justification = "We have no such activity at all".into(); }).expect("edit");
        let (rb, ra) = (score(c, &before, today()), score(c, &after, today()));
        prop_assert_eq!(rb.clauses, ra.clauses);
    }

    #[test]
    fn excluding_controls_never_beats_answering_them_at_level_3_with_evidence(
        (specs, docs) in assessment(), chosen in proptest::collection::vec(any::<bool>(), 38)
    ) {
        // The same controls excluded with a reason, or kept in scope at level 3 with
        // evidence (and what they build on at level 3 too): leaving a control out must
        // never give a higher conformity than doing the work would.
        let c = catalog();
        let base = build(&specs, &docs);
        let controls: Vec<_> = c.item_ids().filter(|&i| c.item(i).kind == ItemKind::Control).collect();
        let picked: Vec<_> = controls.iter().zip(&chosen).filter(|(_, &on)| on).map(|(&i, _)| i).collect();
        let (mut excluded, mut answered) = (base.clone(), base.clone());
        for &i in &picked {
            excluded.update(c, i, |a| { a.excluded = true; a.justification = REASON.into(); }).expect("edit");
            let bases: Vec<_> = aims_engine::rules::basis::basis_of(c, i).collect();
            for j in std::iter::once(i).chain(bases) {
                answered.update(c, j, |a| {
                    a.excluded = false;
                    a.estimate = false;
                    a.maturity = Some(a.maturity.map_or(MaturityLevel::L3, |l| l.max(MaturityLevel::L3)));
                    a.justification = REASON.into();
                }).expect("edit");
                evidence_refs::link(c, &mut answered.registers, "p", j, "EVID-1").expect("room");
            }
        }
        let (re, ra) = (score(c, &excluded, today()), score(c, &answered, today()));
        for (e, a) in [(re.overall, ra.overall), (re.annex_a, ra.annex_a)] {
            prop_assert!(e.conformity.map_or(0.0, |p| p.value()) <= a.conformity.map_or(0.0, |p| p.value()) + 1e-9,
                "{:?} excluded > {:?} answered", e.conformity, a.conformity);
        }
    }

    #[test]
    fn export_import_export_is_byte_identical((specs, docs) in assessment()) {
        let c = catalog();
        let first = export(c, &build(&specs, &docs));
        let imported = import(c, first.as_bytes()).map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
        let again = export(c, &imported);
        let differing = first.lines().zip(again.lines()).find(|(a, b)| a != b);
        prop_assert!(first == again, "first differing line: {differing:?}");
    }

    #[test]
    fn import_never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = import(catalog(), &bytes);
    }

    #[test]
    fn import_never_panics_on_mutated_exports((specs, docs) in assessment(), cut in 0usize..4000, byte in any::<u8>()) {
        let mut text = export(catalog(), &build(&specs, &docs)).into_bytes();
        let at = cut % text.len();
        text[at] = byte;
        let _ = import(catalog(), &text);
    }
}
