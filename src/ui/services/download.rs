//! Saving a file to the person's computer (export) without any server.

use crate::ui::state::Action;
use wasm_bindgen::JsCast;

/// Offers `text` as a download named `filename`. Returns `false` if the browser refused.
pub fn download(filename: &str, mime: &str, text: &str) -> bool {
    download_part(filename, mime, &wasm_bindgen::JsValue::from_str(text))
}

/// Offers `part` (a string, or bytes as a `Uint8Array`) as a download named `filename`.
pub fn download_part(filename: &str, mime: &str, part: &wasm_bindgen::JsValue) -> bool {
    let attempt = || -> Option<()> {
        let parts = js_sys::Array::of1(part);
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
        let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
        let document = web_sys::window()?.document()?;
        let anchor: web_sys::HtmlAnchorElement =
            document.create_element("a").ok()?.dyn_into().ok()?;
        anchor.set_href(&url);
        anchor.set_download(filename);
        anchor.click();
        let _ = web_sys::Url::revoke_object_url(&url);
        Some(())
    };
    attempt().is_some()
}

/// Offers an assessment as its export file and, once the download has started, tells
/// the app (the backup reminder counts changes since the last export).
pub fn download_export(a: &crate::engine::Assessment, dispatch: &yew::Callback<Action>) {
    let text = crate::engine::export(crate::ui::services::i18n::catalog(), a);
    let name = export_filename(&a.name, a.updated.as_str(), "json");
    if download(&name, "application/json", &text) {
        dispatch.emit(Action::Exported);
    }
}

/// Offers a report of an assessment (`kind`: `soa`, `action-plan`, `oscal`) as a
/// download named after the assessment, the report and the date.
pub fn download_report(a: &crate::engine::Assessment, kind: &str, extension: &str, text: &str) {
    download_report_part(a, kind, extension, &wasm_bindgen::JsValue::from_str(text));
}

/// [`download_report`] for a part that may be bytes (an audit pack).
pub fn download_report_part(
    a: &crate::engine::Assessment,
    kind: &str,
    extension: &str,
    part: &wasm_bindgen::JsValue,
) {
    let name = export_filename(&format!("{} {kind}", a.name), a.updated.as_str(), extension);
    let mime = match extension {
        "csv" => "text/csv;charset=utf-8",
        "zip" => "application/zip",
        _ => "application/json",
    };
    download_part(&name, mime, part);
}

/// A file name for an export: the assessment's name made safe, plus the date and the
/// extension.
pub fn export_filename(name: &str, date: &str, extension: &str) -> String {
    let safe: String = name
        .chars()
        // ASCII letters and digits lowercased, other ASCII (spaces, slashes, dots) a dash,
        // anything else (ü, é, 日) kept: no Unicode tables in the bundle for a file name.
        .map(|c| {
            if c.is_ascii_alphanumeric() || !c.is_ascii() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let stem = if safe.is_empty() {
        "assessment".to_owned()
    } else {
        safe
    };
    format!("{stem}-{}.{extension}", date.get(..10).unwrap_or(date))
}
