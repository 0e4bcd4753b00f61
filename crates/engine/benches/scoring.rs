//! Scoring benchmark (divan): `cargo bench --bench scoring`.
//! The budget is under 20 µs for a full 70-item assessment; figures go to docs/performance.md.

use aims_engine::{export, import, score, Assessment, Catalog, MaturityLevel, Timestamp};
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
            if n % 2 == 0 {
                ans.evidence.push("policy.pdf".into());
            }
        });
    }
    a
}

#[divan::bench]
fn score_full_assessment(bencher: divan::Bencher) {
    let c = Catalog::builtin();
    let a = full();
    bencher.bench(|| score(black_box(c), black_box(&a)));
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
