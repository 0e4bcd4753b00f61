//! Reading a file the person picked or dropped, and running the engine's import on it.

use crate::engine::import::too_large;
use crate::engine::import::Problem;
use crate::engine::{import_with_notices, Catalog, ImportError, Imported};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

#[wasm_bindgen]
extern "C" {
    /// A promise seen through `then(onFulfilled, onRejected)` with plain functions, so one
    /// self-freeing `Closure::once_into_js` can serve both (js-sys's `then2` wants two
    /// closures, and only one of them would ever be freed).
    type Thenable;
    #[wasm_bindgen(method)]
    fn then(this: &Thenable, on_fulfilled: &js_sys::Function, on_rejected: &js_sys::Function);
}

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
    // One callback for both outcomes of the read: it is called exactly once, with the
    // bytes or with the reason the browser could not read the file. A plain promise
    // callback instead of an async task keeps the futures executor out of the bundle.
    let settled = Closure::once_into_js(move |outcome: JsValue| {
        let result = match outcome.dyn_ref::<js_sys::ArrayBuffer>() {
            Some(buffer) => import_with_notices(
                Catalog::builtin(),
                &js_sys::Uint8Array::new(buffer).to_vec(),
            ),
            None => Err(vec![ImportError {
                path: String::new(),
                problem: Problem::Unreadable,
            }]),
        };
        done(name, result);
    });
    let settled: &js_sys::Function = settled.unchecked_ref();
    file.array_buffer()
        .unchecked_ref::<Thenable>()
        .then(settled, settled);
}
