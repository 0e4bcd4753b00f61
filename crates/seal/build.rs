//! The module's messages (`seal.*` in `assets/i18n/<code>.json`), compiled into tables
//! in `OUT_DIR/seal_texts.rs`: one `SealMessages` per language, in `Lang::ALL` order
//! (crates/msgtables).

fn main() {
    aims_msgtables::write(
        "../..",
        &aims_msgtables::Table {
            file: "seal_texts.rs",
            name: "SealMessages",
            array: "SEAL_TEXTS",
            prefixes: &["seal."],
            shared: &[],
        },
    );
}
