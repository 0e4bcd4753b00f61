//! Waiting for a browser promise with a plain callback.

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

/// Calls `done` exactly once, with the promise's value or with the reason it failed;
/// the caller tells them apart by type. A plain callback instead of an async task keeps
/// the futures executor out of the bundle.
pub fn settle(promise: &js_sys::Promise, done: impl FnOnce(JsValue) + 'static) {
    settle_boxed(promise, Box::new(done));
}

/// [`settle`] for one type of callback: every call shares one `Closure` instantiation
/// and its JS glue instead of one per call site (about 1 KB of wasm each, measured).
fn settle_boxed(promise: &js_sys::Promise, done: Box<dyn FnOnce(JsValue)>) {
    let settled = Closure::once_into_js(done);
    let settled: &js_sys::Function = settled.unchecked_ref();
    promise.unchecked_ref::<Thenable>().then(settled, settled);
}
