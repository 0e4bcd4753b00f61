//! The full app's on-demand module for files other tools read (`aims-reports.js`,
//! `aims-reports_bg.wasm`): OSCAL assessment results and CISO Assistant's two CSV
//! files. Loaded the first time a person asks for one of them: their writers (serde
//! types for OSCAL, the CSV tables) were 9 KB gzip of the app's first download, for a
//! button most people never press (docs/size.md).
//!
//! The app hands over the assessment's export (format 3), which this module reads with
//! the engine's importer, so every file is exactly what `aims-score oscal` and
//! `aims-score ciso-assistant` write from the same export.
#![deny(missing_docs)]

use aims_engine::reports::{ciso_assistant, oscal};
use aims_engine::text::messages::Texts;
use aims_engine::{import, score, Assessment, Catalog, Date};

/// The export the app handed over did not read back (a bug, never the person's doing):
/// the importer's first problem, in English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable(pub String);

fn read(export: &[u8]) -> Result<Assessment, Unreadable> {
    import(Catalog::builtin(), export).map_err(|problems| {
        Unreadable(
            problems
                .first()
                .map(|p| p.describe(Texts::ENGLISH))
                .unwrap_or_default(),
        )
    })
}

/// The OSCAL assessment-results document for an export (English, as `aims-score oscal`).
pub fn oscal(export: &[u8]) -> Result<String, Unreadable> {
    Ok(oscal::assessment_results(
        Catalog::builtin(),
        &read(export)?,
    ))
}

/// CISO Assistant's audit and applied-controls CSV files for an export, the plan dated
/// `today` (`YYYY-MM-DD`; English, as `aims-score ciso-assistant`).
pub fn ciso_assistant(export: &[u8], today: &str) -> Result<[String; 2], Unreadable> {
    let catalog = Catalog::builtin();
    let a = read(export)?;
    let today = Date::parse(today).ok_or_else(|| Unreadable(format!("date {today}")))?;
    let report = score(catalog, &a);
    Ok([
        ciso_assistant::audit_csv(catalog, &a, Texts::ENGLISH),
        ciso_assistant::applied_controls_csv(catalog, &a, &report, today, Texts::ENGLISH),
    ])
}

#[cfg(target_arch = "wasm32")]
mod web {
    use wasm_bindgen::prelude::*;

    fn thrown(e: crate::Unreadable) -> JsValue {
        JsValue::from_str(&e.0)
    }

    /// See [`crate::oscal`]; throws the reason as text.
    #[wasm_bindgen]
    pub fn oscal(export: &[u8]) -> Result<String, JsValue> {
        crate::oscal(export).map_err(thrown)
    }

    /// See [`crate::ciso_assistant`]: the audit file, then the applied controls; throws
    /// the reason as text.
    #[wasm_bindgen(js_name = cisoAssistant)]
    pub fn ciso_assistant(export: &[u8], today: &str) -> Result<Vec<String>, JsValue> {
        crate::ciso_assistant(export, today)
            .map(Vec::from)
            .map_err(thrown)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const FIXTURE: &[u8] = include_bytes!("../../../tests/fixtures/assessment-v3.json");

    #[test]
    fn the_files_are_the_engines_for_the_same_assessment() {
        let catalog = Catalog::builtin();
        let a = import(catalog, FIXTURE).unwrap();
        assert_eq!(
            oscal(FIXTURE).unwrap(),
            oscal::assessment_results(catalog, &a)
        );
        let today = Date::parse("2026-12-07").unwrap();
        let [audit, plan] = ciso_assistant(FIXTURE, "2026-12-07").unwrap();
        assert_eq!(
            audit,
            ciso_assistant::audit_csv(catalog, &a, Texts::ENGLISH)
        );
        let report = score(catalog, &a);
        assert_eq!(
            plan,
            ciso_assistant::applied_controls_csv(catalog, &a, &report, today, Texts::ENGLISH)
        );
    }

    #[test]
    fn a_broken_export_or_date_is_an_error_not_a_panic() {
        assert!(oscal(b"{").is_err());
        assert!(oscal(b"").is_err());
        assert_eq!(
            ciso_assistant(FIXTURE, "yesterday").unwrap_err(),
            Unreadable("date yesterday".into())
        );
    }
}
