//! The comparison's messages (`comparison.*` in `assets/i18n/<code>.json`, and the few
//! it shares with the app), compiled into `OUT_DIR/comparison_texts.rs`: one
//! `ComparisonMessages` per language, in `Lang::ALL` order (crates/msgtables).

fn main() {
    aims_msgtables::write(
        "../..",
        &aims_msgtables::Table {
            file: "comparison_texts.rs",
            name: "ComparisonMessages",
            array: "COMPARISON_TEXTS",
            prefix: "comparison.",
            shared: &[
                "common.na",
                "item.unanswered",
                "item.excluded",
                "docs.present",
                "docs.missing",
                "results.overall",
                "results.maturity",
                "level.0",
                "level.1",
                "level.2",
                "level.3",
                "level.4",
                "level.5",
            ],
        },
    );
}
