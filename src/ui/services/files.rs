//! Reading a file the person picked or dropped, and running the engine's import on it.

use crate::engine::format::import::too_large;
use crate::engine::format::import::Problem;
use crate::engine::{import_with_notices, ImportError, Imported};
use crate::ui::services::promise::settle;
use wasm_bindgen::{JsCast, JsValue};

/// What a picked file turned out to be.
pub enum Read {
    /// An export, imported (or why not); boxed, as an assessment is large beside bytes.
    Imported(Box<Result<Imported, Vec<ImportError>>>),
    /// An encrypted (age) file or an audit pack (zip): its bytes, for a module to open
    /// (`components::on_demand::open_sealed`).
    Sealed(Vec<u8>),
}

impl Read {
    /// The import's outcome for places that take exports only (compare, the shared
    /// file): an encrypted file is read as what it is, not JSON.
    pub fn into_result(self) -> Result<Imported, Vec<ImportError>> {
        match self {
            Read::Imported(result) => *result,
            Read::Sealed(bytes) => {
                import_with_notices(crate::ui::services::i18n::catalog(), &bytes)
            }
        }
    }
}

/// Whether `bytes` are an age file, binary or armored (the same test as `crates/crypt`,
/// without loading it).
fn is_sealed(bytes: &[u8]) -> bool {
    bytes.starts_with(b"age-encryption.org/v1\n")
        || bytes
            .trim_ascii_start()
            .starts_with(b"-----BEGIN AGE ENCRYPTED FILE-----")
}

/// Reads `file` and imports it, unless it is encrypted; the callback gets the file name
/// and what it was.
pub fn read_and_import(file: web_sys::File, done: impl FnOnce(String, Read) + 'static) {
    let name = file.name();
    // Refuse huge files before reading them into memory.
    if let Some(problem) = too_large(file.size() as usize) {
        done(name, Read::Imported(Box::new(Err(vec![problem]))));
        return;
    }
    // One callback for both outcomes of the read: the bytes, or the reason the browser
    // could not read the file.
    settle(&file.array_buffer(), move |outcome: JsValue| {
        let read = match outcome.dyn_ref::<js_sys::ArrayBuffer>() {
            Some(buffer) => {
                let bytes = js_sys::Uint8Array::new(buffer).to_vec();
                if is_sealed(&bytes) || bytes.starts_with(b"PK\x03\x04") {
                    Read::Sealed(bytes)
                } else {
                    Read::Imported(Box::new(import_with_notices(
                        crate::ui::services::i18n::catalog(),
                        &bytes,
                    )))
                }
            }
            None => Read::Imported(Box::new(Err(vec![ImportError {
                path: String::new(),
                problem: Problem::Unreadable,
            }]))),
        };
        done(name, read);
    });
}
