//! The messages of the screens this module draws (`comparison.*` and `crosswalks.*` in
//! `assets/i18n/<code>.json`, and the few they share with the app), compiled into
//! `OUT_DIR/screen_texts.rs`: one `ScreenMessages` per language, in `Lang::ALL` order
//! (crates/msgtables).

fn main() {
    aims_msgtables::write(
        "../..",
        &aims_msgtables::Table {
            file: "screen_texts.rs",
            name: "ScreenMessages",
            array: "SCREEN_TEXTS",
            prefixes: &["comparison.", "crosswalks."],
            shared: &[
                "common.na",
                "item.unanswered",
                "item.excluded",
                "docs.present",
                "docs.missing",
                "results.overall",
                "results.maturity",
                "results.conforming",
                "results.over",
                "results.gap_item",
                "results.gap_current",
                "soa.yes",
                "soa.no",
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
