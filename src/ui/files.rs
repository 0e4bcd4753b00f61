//! Reading a file the person picked or dropped, and running the engine's import on it.

use crate::engine::import::MAX_IMPORT_BYTES;
use crate::engine::{import, Assessment, Catalog, ImportError};
use wasm_bindgen_futures::JsFuture;

/// Reads `file` and imports it; the callback gets the file name and the result.
pub fn read_and_import(
    file: web_sys::File,
    done: impl FnOnce(String, Result<Assessment, Vec<ImportError>>) + 'static,
) {
    let name = file.name();
    // Refuse huge files before reading them into memory.
    if file.size() > MAX_IMPORT_BYTES as f64 {
        let kb = (file.size() as u64).div_ceil(1024);
        let message = format!(
            "the file is {kb} KB; the largest accepted is {} KB",
            MAX_IMPORT_BYTES / 1024
        );
        done(
            name,
            Err(vec![ImportError {
                path: String::new(),
                message,
            }]),
        );
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
                message: "the file could not be read".into(),
            }]),
        };
        done(name, result);
    });
}
