//! The full app's on-demand modules, each loaded the first time a person asks for what
//! it does, then kept for the visit; never part of the first download (docs/size.md):
//!
//! - `aims-seal` (crates/seal): encrypted files in the age format, with their forms;
//! - `aims-reports` (crates/reports): OSCAL, CISO Assistant's CSV files and the audit
//!   pack, opening a pack, and the comparison of two assessments.
//!
//! Where one comes from: the offline package's inert blocks `<name>-glue` and
//! `<name>-wasm` when they are there (a page opened from disk can fetch nothing), or else
//! `<name>.js` beside the app's own glue. The service worker caches both files the first
//! time, so a module used once loads offline too.

use crate::ui::services::i18n::inlined;
use crate::ui::services::promise::settle;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    /// A module's namespace object, before it is told what it is.
    type Module;

    #[wasm_bindgen(method, js_name = default)]
    fn init(this: &Module, options: &JsValue) -> js_sys::Promise;

    /// `aims-seal`: crates/seal/src/web.rs.
    pub type Seal;

    /// Shows the export form in `root` (the audit pack offered too where there is
    /// one): `true` once the encrypted file is downloaded, `false` on Cancel.
    #[wasm_bindgen(method)]
    pub fn seal(
        this: &Seal,
        root: &web_sys::Element,
        plain: &[u8],
        filename: &str,
        lang: &str,
        pack: &JsValue,
        pack_filename: &str,
    ) -> js_sys::Promise;

    /// Shows the form that opens an encrypted file in `root`: its plaintext
    /// (`Uint8Array`), or `null` on Cancel.
    #[wasm_bindgen(method)]
    pub fn unseal(
        this: &Seal,
        root: &web_sys::Element,
        sealed: &[u8],
        name: &str,
        lang: &str,
    ) -> js_sys::Promise;

    /// Shows the lock screen in `root` until the passphrase opens the records
    /// (`services::records`); settles then.
    #[wasm_bindgen(method)]
    pub fn unlock(
        this: &Seal,
        root: &web_sys::Element,
        lang: &str,
        records: &JsValue,
    ) -> js_sys::Promise;

    /// Shows the lock's settings in `root` (set it, or lock now, change the passphrase,
    /// the idle time, remove it): `true` once something changed, `false` on Close.
    #[wasm_bindgen(method, js_name = lockSettings)]
    pub fn lock_settings(
        this: &Seal,
        root: &web_sys::Element,
        lang: &str,
        records: &JsValue,
    ) -> js_sys::Promise;

    /// `aims-reports`: crates/reports/src/lib.rs.
    pub type Reports;

    /// The files of a kind (`oscal`, `ciso`) for an export dated `today`: what
    /// each is, its extension and its bytes, one after the other; throws the reason.
    #[wasm_bindgen(method, catch)]
    pub fn files(
        this: &Reports,
        kind: &str,
        export: &[u8],
        today: &str,
    ) -> Result<js_sys::Array, JsValue>;

    /// Opens an audit pack with every check and keeps its evidence files in the
    /// records' database (`records`), a progress bar in `root`: a promise of its
    /// assessment as an export (alone in an array), rejected with the reason, for the person. Throws the
    /// reason a pack is refused.
    #[wasm_bindgen(method, catch, js_name = openPack)]
    pub fn open_pack(
        this: &Reports,
        root: &web_sys::Element,
        lang: &str,
        records: &JsValue,
        pack: &[u8],
    ) -> Result<js_sys::Promise, JsValue>;
    /// Writes the audit pack of an export dated `today` with the evidence files the
    /// records' database keeps, a progress bar in `root`: a promise of the pack (a
    /// `Blob`) and the words for each file the browser lacks (the pack goes without
    /// it), rejected with the reason, for the person.
    #[wasm_bindgen(method, catch)]
    pub fn pack(
        this: &Reports,
        root: &web_sys::Element,
        lang: &str,
        records: &JsValue,
        export: &[u8],
        today: &str,
    ) -> Result<js_sys::Promise, JsValue>;
    /// Keeps a `File` for an evidence record: a promise of its name, size and SHA-256,
    /// rejected with `none`, `big`, `full` or the browser's words.
    #[wasm_bindgen(method, js_name = keepFile)]
    pub fn keep_file(this: &Reports, records: &JsValue, file: &web_sys::File) -> js_sys::Promise;
    /// Downloads a kept file: a promise of `false` where this browser does not have it.
    #[wasm_bindgen(method, js_name = openFile)]
    pub fn open_file(this: &Reports, records: &JsValue, sha: &str, name: &str) -> js_sys::Promise;
    /// Removes, once a visit, the kept files no assessment refers to.
    #[wasm_bindgen(method)]
    pub fn sweep(this: &Reports, records: &JsValue) -> js_sys::Promise;
    /// Fills the evidence screen's line on space with the browser's figures, and tags
    /// the files the records of `records` do not have.
    #[wasm_bindgen(method)]
    pub fn space(this: &Reports, root: &web_sys::Element, lang: &str, records: &JsValue);
    /// The crosswalks' markup: the catalog's labels in the screen's language, the
    /// assessment's export, the framework and reference chosen.
    #[wasm_bindgen(method, catch)]
    pub fn crosswalks(
        this: &Reports,
        lang: &str,
        labels: Vec<String>,
        export: &[u8],
        framework: &str,
        reference: &str,
    ) -> Result<String, JsValue>;
    /// The guide's page as markup (empty: no such page): the catalog's labels and the
    /// guide's file in the screen's language, the page, the open assessment's export
    /// (empty: none).
    #[wasm_bindgen(method, catch)]
    pub fn guide(
        this: &Reports,
        lang: &str,
        labels: Vec<String>,
        guide: &[u8],
        page: &str,
        export: &[u8],
    ) -> Result<String, JsValue>;
    /// One step of a register screen in `root` (its form read from there): the markup,
    /// then the new export or an empty text.
    #[wasm_bindgen(method, catch)]
    #[allow(clippy::too_many_arguments)]
    pub fn registers(
        this: &Reports,
        root: &web_sys::Element,
        lang: &str,
        export: &[u8],
        today: &str,
        screen: &str,
        action: &str,
        target: &str,
    ) -> Result<js_sys::Array, JsValue>;
    /// A file with registers, read with every check and written back in canonical form
    /// (`crates/reports`); throws its problems, one per line, in English.
    #[wasm_bindgen(method, catch)]
    pub fn canonical(this: &Reports, bytes: &[u8]) -> Result<String, JsValue>;
    /// The comparison's markup: the catalog's labels in the screen's language (items,
    /// groups, documents), the open assessment's export, the other's, the open one's
    /// before any merge choice (empty for a saved one), and how each is named.
    #[wasm_bindgen(method, catch)]
    #[allow(clippy::too_many_arguments)]
    pub fn compare(
        this: &Reports,
        lang: &str,
        labels: Vec<String>,
        mine: &[u8],
        other: &[u8],
        original: &[u8],
        mine_label: &str,
        other_label: &str,
    ) -> Result<String, JsValue>;

    // The language's dynamic `import()`, which resolves a relative address against the
    // importing script: the app's glue, so `./aims-seal.js` is the file beside it
    // wherever the app is served (a folder of a site, an embed's `assets`).
    #[wasm_bindgen(js_name = import)]
    fn import_module(url: &str) -> js_sys::Promise;
}

thread_local! {
    static LOADED: RefCell<Vec<(&'static str, JsValue)>> = const { RefCell::new(Vec::new()) };
}

/// Whether this visit has loaded the module `name` already.
pub fn is_loaded(name: &str) -> bool {
    LOADED.with(|l| l.borrow().iter().any(|(n, _)| *n == name))
}

/// Calls `done` with the module `name` (its namespace, to be cast to [`Seal`] or
/// [`Reports`]), loading it first if this visit has not yet. The error is the browser's
/// reason, for the person to read beside the app's own words.
pub fn with_module(name: &'static str, done: Box<dyn FnOnce(Result<JsValue, String>)>) {
    let loaded = LOADED.with(|l| {
        l.borrow()
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, m)| m.clone())
    });
    if let Some(module) = loaded {
        return done(Ok(module));
    }
    let (url, wasm) = match (
        inlined(&format!("{name}-glue")),
        inlined(&format!("{name}-wasm")),
    ) {
        (Some(glue), Some(wasm)) => match (blob_url(&glue), base64_bytes(&wasm)) {
            (Some(url), Some(bytes)) => (url, JsValue::from(bytes)),
            _ => return done(Err("inline module".into())),
        },
        _ => (format!("./{name}.js"), JsValue::UNDEFINED),
    };
    settle(&import_module(&url), move |module| {
        if !js_sys::Reflect::has(&module, &"default".into()).unwrap_or(false) {
            return done(Err(reason(&module)));
        }
        let options = js_sys::Object::new();
        if !wasm.is_undefined() {
            let _ = js_sys::Reflect::set(&options, &"module_or_path".into(), &wasm);
        }
        settle(
            &module.unchecked_ref::<Module>().init(&options),
            move |outcome| {
                if outcome.is_instance_of::<js_sys::Error>() {
                    return done(Err(reason(&outcome)));
                }
                LOADED.with(|l| l.borrow_mut().push((name, module.clone())));
                done(Ok(module));
            },
        );
    });
}

/// A thrown value's words: an `Error`'s message, a string as it is.
pub fn reason(thrown: &JsValue) -> String {
    match thrown.dyn_ref::<js_sys::Error>() {
        Some(e) => String::from(e.message()),
        None => thrown.as_string().unwrap_or_default(),
    }
}

fn blob_url(text: &str) -> Option<String> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/javascript");
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    web_sys::Url::create_object_url_with_blob(&blob).ok()
}

fn base64_bytes(text: &str) -> Option<js_sys::Uint8Array> {
    let binary = web_sys::window()?.atob(text).ok()?;
    // atob gives one character per byte (U+0000–U+00FF).
    let bytes: Vec<u8> = binary.chars().map(|c| c as u8).collect();
    Some(js_sys::Uint8Array::from(&bytes[..]))
}
