//! Evidence files in the browser: kept, downloaded, written into the audit pack and
//! restored from one (the bytes handled by `files.js` beside this file, with the app's
//! records object; the pack's checks are crates/pack's, here as everywhere).
//!
//! The pack is written piece by piece ([`PackWriter`]): each evidence file is read from
//! the browser and given to this module 4 MB at a time only to be checked (size,
//! SHA-256) and to get its zip header, the page answering between pieces; the file is
//! handed on as it was, and the pack is a `Blob` of those pieces. So the module's memory
//! grows by a piece, not by a file or the pack.

use crate::{kept_files, Unreadable};
use aims_engine::text::lang::Lang;
use aims_engine::text::markup::escape;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/files.js")]
extern "C" {
    #[wasm_bindgen(js_name = filesKeep)]
    fn keep_file_js(records: &JsValue, file: &JsValue) -> js_sys::Promise;
    #[wasm_bindgen(js_name = filesOpen)]
    fn open_file_js(records: &JsValue, sha: &str, name: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = filesSpace)]
    fn space_js(
        root: &web_sys::Element,
        place: &web_sys::Element,
        records: &JsValue,
        words: Vec<String>,
    );
    #[wasm_bindgen(js_name = filesSweep)]
    fn sweep_js(records: &JsValue) -> js_sys::Promise;
    #[wasm_bindgen(js_name = filesPack)]
    fn pack_blob(
        records: &JsValue,
        writer: PackWriter,
        wanted: Vec<String>,
        bar: &web_sys::Element,
    ) -> js_sys::Promise;
    #[wasm_bindgen(js_name = filesRestore)]
    fn restore_js(
        records: &JsValue,
        files: Vec<JsValue>,
        bar: &web_sys::Element,
        export: &str,
        failed: Vec<String>,
    ) -> js_sys::Promise;
}

fn thrown(e: impl std::fmt::Display) -> JsValue {
    JsValue::from_str(&e.to_string())
}

fn lang_of(lang: &str) -> Lang {
    Lang::parse(lang).unwrap_or_default()
}

/// Keeps the `File` `file` for an evidence record: its name, size and SHA-256 once kept;
/// rejects with `none`, `big`, `full` or the browser's words.
#[wasm_bindgen(js_name = keepFile)]
pub fn keep_file(records: &JsValue, file: &JsValue) -> js_sys::Promise {
    keep_file_js(records, file)
}

/// Downloads the kept file `sha` as `name`: `false` where this browser does not have it.
#[wasm_bindgen(js_name = openFile)]
pub fn open_file(records: &JsValue, sha: &str, name: &str) -> js_sys::Promise {
    open_file_js(records, sha, name)
}

/// Removes, once a visit, the kept files no assessment refers to any more.
#[wasm_bindgen]
pub fn sweep(records: &JsValue) -> js_sys::Promise {
    sweep_js(records)
}

/// Fills the evidence screen's line on space (`#aims-ev-space` in `root`, which names
/// the files the records keep) with the total of those this browser has and what it
/// says of its quota, and tags each file shown that it does not have.
#[wasm_bindgen]
pub fn space(root: &web_sys::Element, lang: &str, records: &JsValue) {
    let Ok(Some(place)) = root.query_selector("#aims-ev-space") else {
        return;
    };
    let words = kept_files::space_words(lang_of(lang))
        .map(String::from)
        .to_vec();
    space_js(root, &place, records, words);
}

/// Draws a progress bar under `heading` in `root`: the bar.
fn progress(root: &web_sys::Element, heading: &str) -> Result<web_sys::Element, JsValue> {
    root.set_inner_html(&format!(
        "<p role=\"status\"><label>{}<br><progress value=\"0\" max=\"1\"></progress></label></p>",
        escape(heading)
    ));
    root.query_selector("progress")?
        .ok_or_else(|| JsValue::from_str("no progress bar"))
}

/// The audit pack being written: crates/pack's [`aims_pack::Writer`], with the bytes
/// it started with until they are taken, and the evidence file being given in pieces.
#[wasm_bindgen]
pub struct PackWriter {
    writer: Option<aims_pack::Writer<'static>>,
    head: Vec<u8>,
    incoming: Option<aims_pack::Incoming>,
}

#[wasm_bindgen]
impl PackWriter {
    /// The pack's first bytes (once).
    pub fn head(&mut self) -> Vec<u8> {
        std::mem::take(&mut self.head)
    }

    /// Starts the file of the evidence record `record`; throws the reason it cannot go
    /// in.
    pub fn begin(&mut self, record: &str) -> Result<(), JsValue> {
        let writer = self.writer.as_ref().ok_or("the pack is finished")?;
        self.incoming = Some(writer.begin(record).map_err(thrown)?);
        Ok(())
    }

    /// The started file's next bytes.
    pub fn update(&mut self, bytes: &[u8]) {
        if let Some(incoming) = self.incoming.as_mut() {
            incoming.update(bytes);
        }
    }

    /// Ends the started file: the header to write before its bytes; throws the reason
    /// it is not its record's file.
    pub fn end(&mut self) -> Result<Vec<u8>, JsValue> {
        let writer = self.writer.as_mut().ok_or("the pack is finished")?;
        let incoming = self.incoming.take().ok_or("no file was started")?;
        writer.end(incoming).map_err(thrown)
    }

    /// The pack's last bytes.
    pub fn finish(&mut self) -> Result<Vec<u8>, JsValue> {
        let writer = self.writer.take().ok_or("the pack is finished")?;
        writer.finish().map_err(thrown)
    }
}

/// Writes the audit pack of the assessment `export` as of `today` with every evidence
/// file the browser keeps for it, a progress bar in `root`: a promise of the pack (a
/// `Blob`) followed by the words for each file this browser does not have (the pack
/// goes without it), rejected with the reason for the person.
#[wasm_bindgen]
pub fn pack(
    root: &web_sys::Element,
    lang: &str,
    records: &JsValue,
    export: &[u8],
    today: &str,
) -> Result<js_sys::Promise, JsValue> {
    let plan = kept_files::pack_plan(export, today, lang_of(lang))
        .map_err(|Unreadable(why)| thrown(why))?;
    let bar = progress(root, &plan.heading)?;
    let writer = PackWriter {
        writer: Some(plan.writer),
        head: plan.head,
        incoming: None,
    };
    Ok(pack_blob(records, writer, plan.wanted, &bar))
}

/// Opens the audit pack `bytes` with every check (crates/pack) and keeps its evidence
/// files in the browser, a progress bar in `root`: a promise of its assessment as an
/// export to import (alone in an array), rejected with the reason for the person. Nothing is imported
/// unless every file is kept.
#[wasm_bindgen(js_name = openPack)]
pub fn open_pack(
    root: &web_sys::Element,
    lang: &str,
    records: &JsValue,
    bytes: &[u8],
) -> Result<js_sys::Promise, JsValue> {
    let plan =
        kept_files::restore_plan(bytes, lang_of(lang)).map_err(|Unreadable(why)| thrown(why))?;
    let files: Vec<JsValue> = plan
        .files
        .iter()
        .flat_map(|(sha, data)| {
            [
                JsValue::from_str(sha),
                js_sys::Uint8Array::from(&data[..]).into(),
            ]
        })
        .collect();
    let bar = progress(root, &plan.heading)?;
    Ok(restore_js(
        records,
        files,
        &bar,
        &plan.export,
        plan.failed.to_vec(),
    ))
}
