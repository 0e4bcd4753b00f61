//! Reading a file the person picked or dropped, and running the engine's import on it.

use crate::engine::format::import::too_large;
use crate::engine::format::import::Problem;
use crate::engine::{import_with_notices, ImportError, Imported};
use crate::ui::services::promise::settle;
use wasm_bindgen::{JsCast, JsValue};

/// Reads `file` and imports it; the callback gets the file name and the result.
pub fn read_and_import(
    file: web_sys::File,
    done: impl FnOnce(String, Result<Imported, Vec<ImportError>>) + 'static,
) {
    let name = file.name();
    // Refuse huge files before reading them into memory.
    if let Some(problem) = too_large(file.size() as usize) {
        done(name, Err(vec![problem]));
        return;
    }
    // One callback for both outcomes of the read: the bytes, or the reason the browser
    // could not read the file.
    settle(&file.array_buffer(), move |outcome: JsValue| {
        let result = match outcome.dyn_ref::<js_sys::ArrayBuffer>() {
            Some(buffer) => import_with_notices(
                crate::ui::services::i18n::catalog(),
                &js_sys::Uint8Array::new(buffer).to_vec(),
            ),
            None => Err(vec![ImportError {
                path: String::new(),
                problem: Problem::Unreadable,
            }]),
        };
        done(name, result);
    });
}
