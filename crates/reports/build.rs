//! The messages of the screens this module draws (`comparison.*`, `crosswalks.*`, `guidepage.*` and
//! `registers.*` in
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
            prefixes: &["comparison.", "crosswalks.", "registers.", "guidepage."],
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
                "role.ai_provider",
                "role.ai_producer",
                "role.ai_customer",
                "role.ai_partner",
                "role.ai_subject",
                "role.relevant_authority",
                "level.0",
                "level.1",
                "level.2",
                "level.3",
                "level.4",
                "level.5",
                "guide.glossary",
                "guide.clauses",
                "nav.documents",
                "nav.assess",
                "nav.quick",
                "reports.soa",
                "reports.plan",
                "reports.report",
                "reports.results",
            ],
        },
    );
}
