//! Reading a file the person picked or dropped, and running the engine's import on it.

use crate::engine::import::too_large;
use crate::engine::import::Problem;
use crate::engine::{import, Assessment, Catalog, ImportError};
use wasm_bindgen_futures::JsFuture;

/// Reads `file` and imports it; the callback gets the file name and the result.
pub fn read_and_import(
    file: web_sys::File,
    done: impl FnOnce(String, Result<Assessment, Vec<ImportError>>) + 'static,
) {
    let name = file.name();
    // Refuse huge files before reading them into memory.
    if let Some(problem) = too_large(file.size() as usize) {
        done(name, Err(vec![problem]));
        return;
    }
    wasm_bindgen_futures::spawn_local(async move {
        let result = match JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => import(
                Catalog::builtin(),
                &js_sys::Uint8Array::new(&buffer).to_vec(),
            ),
            Err(_) => Err(vec![ImportError {
                path: String::new(),
                problem: Problem::Unreadable,
            }]),
        };
        done(name, result);
    });
}
