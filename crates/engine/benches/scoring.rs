//! Scoring benchmark (divan): `cargo bench --bench scoring`.
//! The budget is under 20 µs for a full 70-item assessment; figures go to docs/performance.md.

use aims_engine::model::evidence_refs;
use aims_engine::{export, import, score, Assessment, Catalog, Date, MaturityLevel, Timestamp};
use std::hint::black_box;

fn main() {
    divan::main();
}

/// A fully answered assessment with evidence on every other item.
fn full() -> Assessment {
    let c = Catalog::builtin();
    let created =
        Timestamp::parse("2026-11-29T08:00:00Z").unwrap_or_else(|| Timestamp::from_unix_seconds(0));
    let mut a = Assessment::new(c, "bench".into(), "Bench".into(), created);
    for (n, i) in c.item_ids().enumerate() {
        let _ = a.update(c, i, |ans| {
            ans.maturity = MaturityLevel::from_number((n % 6) as u64);
        });
        if n % 2 == 0 {
            let _ = evidence_refs::link(c, &mut a.registers, "bench", i, "policy.pdf");
        }
    }
    a
}

/// The day the benchmarks score on.
fn today() -> Date {
    Date::parse("2026-12-07").unwrap_or(Date::EPOCH)
}

/// A record id: a version-4 UUID made from a number.
fn uuid(n: usize) -> String {
    format!("00000000-0000-4000-8000-{n:012x}")
}

/// The large registers: 50 AI systems, 500 risks, 2,000 evidence records, as
/// the JSON an assessment keeps.
fn with_large_registers() -> Assessment {
    use serde_json::json;
    let mut a = full();
    let systems = (0..50)
        .map(|n| {
            json!({"id": uuid(n), "name": format!("System {n}"), "in_scope": true,
                "impact_assessment": {"approval": if n % 2 == 0 {
                    json!({"by": "Jo Smith", "on": "2026-12-01"}) } else { json!(null) }}})
        })
        .collect();
    let controls = ["A.6.2.4", "A.5.2", "A.9.2", "A.7.4"];
    let risks = (0..500)
        .map(|n| {
            json!({"id": uuid(1000 + n), "title": format!("Risk {n}"),
                "likelihood": 1 + n % 5, "consequence": 1 + n / 5 % 5,
                "treatment": "modify", "controls": [controls[n % 4]], "own_controls": [],
                "acceptance": if n % 3 == 0 { json!(null) } else {
                    json!({"by": "Jo Smith", "on": "2026-12-01"}) },
                "closed": false})
        })
        .collect();
    let evidence = (0..2000)
        .map(|n| {
            json!({"id": uuid(10_000 + n), "title": format!("Evidence {n}"),
                "location": "records/evidence.pdf",
                "review_by": if n % 2 == 0 { "2026-06-30" } else { "2027-06-30" },
                "supports": [c_id(n)]})
        })
        .collect();
    a.registers.0 = [
        Some(serde_json::Value::Array(systems)),
        Some(json!({"likelihoods": 5, "consequences": 5, "acceptance": 6})),
        Some(serde_json::Value::Array(risks)),
        Some(serde_json::Value::Array(evidence)),
    ];
    a
}

/// The id of the `n`th item (round the catalog).
fn c_id(n: usize) -> String {
    let c = Catalog::builtin();
    let items: Vec<_> = c.item_ids().collect();
    c.item(items[n % items.len()]).id.clone()
}

#[divan::bench]
fn score_full_assessment(bencher: divan::Bencher) {
    let c = Catalog::builtin();
    let a = full();
    bencher.bench(|| score(black_box(c), black_box(&a), today()));
}

/// Re-scoring with the registers of 50 systems, 500 risks and 2,000 evidence records:
/// what the app does after every edit (the budget: 2 ms in the browser).
#[divan::bench]
fn score_with_large_registers(bencher: divan::Bencher) {
    let c = Catalog::builtin();
    let a = with_large_registers();
    bencher.bench(|| score(black_box(c), black_box(&a), today()));
}

#[divan::bench]
fn export_full_assessment(bencher: divan::Bencher) {
    let c = Catalog::builtin();
    let a = full();
    bencher.bench(|| export(black_box(c), black_box(&a)));
}

#[divan::bench]
fn import_full_assessment(bencher: divan::Bencher) {
    let c = Catalog::builtin();
    let json = export(c, &full());
    bencher.bench(|| import(black_box(c), black_box(json.as_bytes())));
}
