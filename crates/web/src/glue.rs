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

/// The options a host page gives `mount(element, options)`: the element's `data-`
/// attributes, then the object's entries (so the object wins); text and booleans as
/// text, anything else empty.
pub fn mount_options(element: &web_sys::Element, options: &JsValue) -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    let attributes = element.attributes();
    for i in 0..attributes.length() {
        if let Some(attr) = attributes.item(i) {
            if let Some(name) = attr.name().strip_prefix("data-") {
                pairs.push((name.to_owned(), attr.value()));
            }
        }
    }
    if let Some(object) = options.dyn_ref::<js_sys::Object>() {
        for entry in js_sys::Object::entries(object).iter() {
            let entry: js_sys::Array = entry.unchecked_into();
            let (Some(key), value) = (entry.get(0).as_string(), entry.get(1)) else {
                continue;
            };
            let value = value
                .as_string()
                .or_else(|| value.as_bool().map(|b| b.to_string()))
                .unwrap_or_default();
            pairs.push((key, value));
        }
    }
    pairs
}

/// The browser's preferred languages, as tags (`de-CH`), most preferred first.
pub fn browser_languages() -> Vec<String> {
    web_sys::window()
        .map(|w| w.navigator().languages())
        .into_iter()
        .flat_map(|list| list.iter().collect::<Vec<_>>())
        .filter_map(|v| v.as_string())
        .collect()
}

/// Today in the person's calendar (their time zone), `YYYY-MM-DD`: the day overdue
/// dates and review-by dates are judged by, the same in the app and its modules.
pub fn today_text() -> String {
    let d = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    )
}
