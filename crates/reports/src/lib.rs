//! The full app's on-demand module for files other tools read (`aims-reports.js`,
//! `aims-reports_bg.wasm`): OSCAL assessment results, CISO Assistant's two CSV files and
//! the audit pack (crates/pack), opening a pack for import, checking a file's registers
//! ([`canonical`]), and the bodies of the comparison and crosswalks screens
//! ([`compare`], [`crosswalks`]). Loaded the first time a person asks for one of them: their
//! writers (serde types for OSCAL, the CSV tables, zip and SHA-256) and the comparison
//! stay out of the app's first download (docs/size.md).
//!
//! The app hands over the assessment's export (format 3), which this module reads with
//! the engine's importer, so every file is exactly what `aims-score oscal`,
//! `aims-score ciso-assistant` and `aims-score pack` write from the same export.
#![deny(missing_docs)]

use aims_engine::reports::{ciso_assistant, oscal};
use aims_engine::text::messages::Texts;
use aims_engine::{export, import, score, Assessment, Catalog, Date};

pub mod compare;
pub mod crosswalks;
pub mod guide;
mod impact;
pub mod kept_files;
pub mod registers;
mod words;

/// The export the app handed over did not read back (a bug, never the person's doing),
/// or a date that is not one: the reason, in English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unreadable(pub String);

fn read(export: &[u8]) -> Result<Assessment, Unreadable> {
    import(Catalog::builtin(), export).map_err(|problems| first_problem(&problems))
}

/// [`read`] for an export the app kept: its registers were checked when they came in
/// (each change checked by the engine's reader, `registers::canonical`), so they are
/// taken as they are; with 2,000 evidence records this halves a register screen's step.
fn read_kept(export: &[u8]) -> Result<Assessment, Unreadable> {
    aims_engine::import_keeping(Catalog::builtin(), export)
        .map(|imported| imported.assessment)
        .map_err(|problems| first_problem(&problems))
}

/// The first of an import's problems, in English.
fn first_problem(problems: &[aims_engine::ImportError]) -> Unreadable {
    Unreadable(
        problems
            .first()
            .map(|p| p.describe(Texts::ENGLISH))
            .unwrap_or_default(),
    )
}

fn day(today: &str) -> Result<Date, Unreadable> {
    Date::parse(today).ok_or_else(|| Unreadable(format!("date {today}")))
}

/// One file to download: what it is (for its name), its extension, its bytes.
pub type File = (&'static str, &'static str, Vec<u8>);

/// The files of `kind` for an export, dated `today` (`YYYY-MM-DD`), all in English as
/// the native scorer writes them:
///
/// - `oscal`: the OSCAL assessment results (`aims-score oscal`);
/// - `ciso`: CISO Assistant's audit and applied-controls files (`aims-score
///   ciso-assistant`, without and with `--plan`).
///
/// The audit pack, with the browser's evidence files, is written piece by piece
/// ([`kept_files::pack_plan`]).
pub fn files(kind: &str, export: &[u8], today: &str) -> Result<Vec<File>, Unreadable> {
    let catalog = Catalog::builtin();
    let a = read(export)?;
    Ok(match kind {
        "oscal" => vec![(
            "oscal",
            "json",
            oscal::assessment_results(catalog, &a).into_bytes(),
        )],
        "ciso" => {
            let report = score(catalog, &a, day(today)?);
            vec![
                (
                    "ciso-assistant-audit",
                    "csv",
                    ciso_assistant::audit_csv(catalog, &a, Texts::ENGLISH).into_bytes(),
                ),
                (
                    "ciso-assistant-plan",
                    "csv",
                    ciso_assistant::applied_controls_csv(
                        catalog,
                        &a,
                        &report,
                        day(today)?,
                        Texts::ENGLISH,
                    )
                    .into_bytes(),
                ),
            ]
        }
        other => return Err(Unreadable(format!("no files of kind {other}"))),
    })
}

/// A file the app's own importer refused only for holding registers (its build does not
/// read them): read here with every check, registers included, and written back in
/// canonical form for the app to keep as they are (`aims_engine::import_keeping`).
/// Refused: each problem with its path, one per line, in English.
pub fn canonical(bytes: &[u8]) -> Result<String, Unreadable> {
    let catalog = Catalog::builtin();
    import(catalog, bytes)
        .map(|a| export(catalog, &a))
        .map_err(|problems| {
            Unreadable(
                problems
                    .iter()
                    .map(|p| p.to_string())
                    .collect::<Vec<_>>()
                    .join("\n"),
            )
        })
}

#[cfg(target_arch = "wasm32")]
mod browser_files;
#[cfg(target_arch = "wasm32")]
mod web {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    fn thrown(e: crate::Unreadable) -> JsValue {
        JsValue::from_str(&e.0)
    }

    /// Today in the person's calendar, as the app's clock gives it.
    fn today() -> aims_engine::Date {
        aims_engine::Date::parse(&aims_web::today_text()).unwrap_or(aims_engine::Date::EPOCH)
    }

    /// See [`crate::files`]: for each file, what it is, its extension and its bytes (a
    /// `Uint8Array`), one after the other; throws the reason as text.
    #[wasm_bindgen]
    pub fn files(kind: &str, export: &[u8], today: &str) -> Result<Vec<JsValue>, JsValue> {
        let files = crate::files(kind, export, today).map_err(thrown)?;
        Ok(files
            .into_iter()
            .flat_map(|(what, extension, bytes)| {
                [
                    JsValue::from_str(what),
                    JsValue::from_str(extension),
                    js_sys::Uint8Array::from(&bytes[..]).into(),
                ]
            })
            .collect())
    }

    /// The crosswalks' markup ([`crate::crosswalks::markup`]); throws the reason as
    /// text.
    #[wasm_bindgen]
    pub fn crosswalks(
        lang: &str,
        labels: Vec<String>,
        export: &[u8],
        framework: &str,
        reference: &str,
    ) -> Result<String, JsValue> {
        crate::crosswalks::markup(&crate::crosswalks::Request {
            lang: aims_engine::text::lang::Lang::parse(lang).unwrap_or_default(),
            labels: &labels,
            export,
            framework,
            reference,
            today: today(),
        })
        .map_err(thrown)
    }

    /// See [`crate::guide::markup`]: the guide's page `page` as markup (`""` for a page
    /// the guide does not have); `export` empty when no assessment is open.
    #[wasm_bindgen]
    pub fn guide(
        lang: &str,
        labels: Vec<String>,
        guide: &[u8],
        page: &str,
        export: &[u8],
    ) -> Result<String, JsValue> {
        crate::guide::markup(&crate::guide::Request {
            lang: aims_engine::text::lang::Lang::parse(lang).unwrap_or_default(),
            labels: &labels,
            guide,
            page,
            export,
            today: today(),
        })
        .map(Option::unwrap_or_default)
        .map_err(thrown)
    }

    /// The fields of the form in `root`, as `name`, `value` (a checkbox only when ticked).
    fn form_fields(root: &web_sys::Element) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let Ok(nodes) = root.query_selector_all("form [name]") else {
            return out;
        };
        for i in 0..nodes.length() {
            let Some(node) = nodes.item(i) else { continue };
            if let Some(input) = node.dyn_ref::<web_sys::HtmlInputElement>() {
                if input.type_() != "checkbox" || input.checked() {
                    out.push((input.name(), input.value()));
                }
            } else if let Some(select) = node.dyn_ref::<web_sys::HtmlSelectElement>() {
                out.push((select.name(), select.value()));
            } else if let Some(text) = node.dyn_ref::<web_sys::HtmlTextAreaElement>() {
                out.push((text.name(), text.value()));
            }
        }
        out
    }

    thread_local! {
        /// The export the last register step read, and what it read: moving between
        /// the register screens hands the same export again, and reading it (2,500
        /// records, every check) was most of a step's time.
        static LAST_READ: std::cell::RefCell<Option<(Vec<u8>, Read)>> =
            const { std::cell::RefCell::new(None) };
    }

    /// An export read: the assessment and its registers in their types.
    type Read = (
        aims_engine::Assessment,
        aims_engine::model::registers::Registers,
    );

    /// `then` on what `export` reads as, read again only when it is not the export the
    /// last step read.
    fn on_read<T>(
        export: &[u8],
        then: impl FnOnce(&Read) -> Result<T, crate::Unreadable>,
    ) -> Result<T, crate::Unreadable> {
        LAST_READ.with(|last| {
            let mut last = last.borrow_mut();
            match last.as_ref() {
                Some((bytes, read)) if bytes == export => then(read),
                _ => {
                    let a = crate::read_kept(export)?;
                    let registers = aims_engine::format::registers::open(
                        aims_engine::Catalog::builtin(),
                        &a.registers,
                    );
                    let read = (a, registers);
                    let out = then(&read);
                    *last = Some((export.to_vec(), read));
                    out
                }
            }
        })
    }

    /// One step of a register screen ([`crate::registers::step`]), the form read from
    /// `root`: the markup, then the new export or an empty text; throws the reason.
    #[wasm_bindgen]
    pub fn registers(
        root: &web_sys::Element,
        lang: &str,
        export: &[u8],
        today: &str,
        screen: &str,
        action: &str,
        target: &str,
    ) -> Result<Vec<JsValue>, JsValue> {
        use crate::registers::{step_on_read, Request, Screen};
        let today = crate::day(today).map_err(thrown)?;
        let screen = Screen::parse(screen).unwrap_or(Screen::Systems);
        let form = form_fields(root);
        let new_id = uuid::Uuid::new_v4().to_string();
        let request = Request {
            lang: aims_engine::text::lang::Lang::parse(lang).unwrap_or_default(),
            export,
            today,
            screen,
            action,
            target,
            form: &form,
            new_id: &new_id,
        };
        let response = on_read(export, |(a, registers)| {
            step_on_read(&request, a, registers)
        })
        .map_err(thrown)?;
        Ok(vec![
            JsValue::from_str(&response.markup),
            JsValue::from_str(&response.export.unwrap_or_default()),
        ])
    }

    /// See [`crate::canonical`]; throws the problems as text.
    #[wasm_bindgen]
    pub fn canonical(bytes: &[u8]) -> Result<String, JsValue> {
        crate::canonical(bytes).map_err(thrown)
    }

    /// The comparison's markup ([`crate::compare::markup`]); `original` empty when the
    /// other is a saved assessment, not a file; throws the reason as text.
    #[wasm_bindgen]
    pub fn compare(
        lang: &str,
        labels: Vec<String>,
        mine: &[u8],
        other: &[u8],
        original: &[u8],
        mine_label: &str,
        other_label: &str,
    ) -> Result<String, JsValue> {
        crate::compare::markup(&crate::compare::Request {
            lang: aims_engine::text::lang::Lang::parse(lang).unwrap_or_default(),
            labels: &labels,
            mine,
            other,
            original: (!original.is_empty()).then_some(original),
            mine_label,
            other_label,
            today: today(),
        })
        .map_err(thrown)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aims_engine::text::lang::Lang;

    const FIXTURE: &[u8] = include_bytes!("../../../tests/fixtures/assessment-v3.json");

    fn fixture() -> Assessment {
        import(Catalog::builtin(), FIXTURE).expect("the fixture imports")
    }

    fn only(kind: &str) -> Vec<Vec<u8>> {
        files(kind, FIXTURE, "2026-12-07")
            .expect("files")
            .into_iter()
            .map(|(_, _, bytes)| bytes)
            .collect()
    }

    #[test]
    fn the_files_are_the_engines_and_the_packs_for_the_same_assessment() {
        let (catalog, a) = (Catalog::builtin(), fixture());
        let today = Date::parse("2026-12-07").expect("a date");
        assert_eq!(
            only("oscal"),
            [oscal::assessment_results(catalog, &a).into_bytes()]
        );
        let report = score(catalog, &a, today);
        assert_eq!(
            only("ciso"),
            [
                ciso_assistant::audit_csv(catalog, &a, Texts::ENGLISH).into_bytes(),
                ciso_assistant::applied_controls_csv(catalog, &a, &report, today, Texts::ENGLISH)
                    .into_bytes()
            ]
        );
        // The browser's pack, without files: the one `aims-score pack` writes.
        let plan = kept_files::pack_plan(FIXTURE, "2026-12-07", Lang::En).expect("a plan");
        let mut pack = plan.head;
        pack.extend(plan.writer.finish().expect("finished"));
        assert_eq!(
            pack,
            aims_pack::build(catalog, &a, today, &[]).expect("a pack")
        );
    }

    #[test]
    fn a_pack_opens_to_its_assessments_export_and_a_hostile_one_says_why_not() {
        let today = Date::parse("2026-12-07").expect("a date");
        let pack = aims_pack::build(Catalog::builtin(), &fixture(), today, &[]).expect("a pack");
        let open_pack = |bytes: &[u8]| kept_files::restore_plan(bytes, Lang::En).map(|p| p.export);
        assert_eq!(
            open_pack(&pack).expect("opens"),
            export(Catalog::builtin(), &fixture())
        );
        let mut changed = pack.clone();
        let at = changed.len() / 2;
        changed[at] ^= 0x55;
        assert!(open_pack(&changed).is_err());
        let refused = open_pack(b"not a zip").expect_err("refused");
        assert!(
            refused.0.starts_with("this is not a zip file"),
            "{refused:?}"
        );
    }

    #[test]
    fn a_file_with_registers_is_checked_and_written_back_in_canonical_form() {
        let with = include_str!("../../../tests/fixtures/assessment-v3-registers.json");
        assert_eq!(canonical(with.as_bytes()).expect("reads"), with);
        // Not canonical: reordered keys come back in the format's order.
        let mut doc: serde_json::Value = serde_json::from_str(with).expect("JSON");
        let risks = doc["assessment"]
            .as_object_mut()
            .and_then(|a| a.remove("risks"))
            .expect("risks");
        doc["assessment"]["risks"] = risks;
        assert_eq!(canonical(doc.to_string().as_bytes()).expect("reads"), with);
        doc["assessment"]["risks"][0]["likelihood"] = serde_json::json!(9);
        let refused = canonical(doc.to_string().as_bytes()).expect_err("refused");
        assert_eq!(
            refused.0,
            "assessment.risks[0].likelihood: 9 is not a whole number from 1 to 5"
        );
    }

    #[test]
    fn a_broken_export_date_or_kind_is_an_error_not_a_panic() {
        assert!(files("oscal", b"{", "2026-12-07").is_err());
        assert!(files("oscal", b"", "2026-12-07").is_err());
        assert_eq!(
            files("ciso", FIXTURE, "yesterday").expect_err("refused"),
            Unreadable("date yesterday".into())
        );
        assert!(files("spreadsheet", FIXTURE, "2026-12-07").is_err());
    }
}
