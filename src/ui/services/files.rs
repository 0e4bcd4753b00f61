//! Reading a file the person picked or dropped, and running the engine's import on it.

use crate::engine::format::import::too_large;
use crate::engine::format::import::Problem;
use crate::engine::{import_keeping, import_with_notices, ImportError, Imported};
use crate::ui::services::i18n::catalog;
use crate::ui::services::on_demand::{reason, with_module, Reports};
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

/// What an import gives: the assessment, or every problem.
pub type Outcome = Result<Imported, Vec<ImportError>>;

/// Imports an export's bytes. A file refused only for holding registers (this build
/// does not read them) is read by the reports module, loaded the first time, with every
/// check; what it accepts is kept as it wrote it (`import_keeping`), so nothing in the
/// file is lost.
pub fn import_bytes(bytes: Vec<u8>, done: Box<dyn FnOnce(Outcome)>) {
    let result = import_with_notices(catalog(), &bytes);
    let only_registers = matches!(&result, Err(problems)
        if problems.iter().all(|p| p.problem == Problem::RegistersNotOpened));
    if !only_registers {
        return done(result);
    }
    with_module(
        "aims-reports",
        Box::new(move |module| {
            let canonical = module.and_then(|m| {
                m.unchecked_into::<Reports>()
                    .canonical(&bytes)
                    .map_err(|e| reason(&e))
            });
            done(match canonical {
                Ok(text) => import_keeping(catalog(), text.as_bytes()),
                Err(why) => Err(vec![ImportError {
                    path: String::new(),
                    problem: Problem::RegistersRefused(why),
                }]),
            })
        }),
    );
}

/// Reads `file` and imports it ([`import_bytes`]), unless it is encrypted or a pack;
/// the callback gets the file name and what it was.
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
        let Some(buffer) = outcome.dyn_ref::<js_sys::ArrayBuffer>() else {
            let unreadable = ImportError {
                path: String::new(),
                problem: Problem::Unreadable,
            };
            return done(name, Read::Imported(Box::new(Err(vec![unreadable]))));
        };
        let bytes = js_sys::Uint8Array::new(buffer).to_vec();
        if is_sealed(&bytes) || bytes.starts_with(b"PK\x03\x04") {
            return done(name, Read::Sealed(bytes));
        }
        import_bytes(
            bytes,
            Box::new(move |result| done(name, Read::Imported(Box::new(result)))),
        );
    });
}
