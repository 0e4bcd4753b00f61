//! Time and fresh ids from the browser.

use crate::engine::Timestamp;

/// Now, as a UTC timestamp.
pub fn now() -> Timestamp {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    Timestamp::parse(&iso).unwrap_or_else(|| Timestamp::from_unix_seconds(0))
}

/// A fresh, practically unique assessment id (time plus randomness; no secure context
/// needed, unlike `crypto.randomUUID`).
pub fn new_id() -> String {
    let millis = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    format!("a-{millis:x}-{random:08x}")
}

/// A local-time label for a timestamp, e.g. "29 Nov 2026, 08:15".
pub fn local_label(ts: &Timestamp) -> String {
    thread_local! {
        // Building an Intl.DateTimeFormat is slow (a home screen with 200 rows spent most
        // of its time here), so one formatter is made once and reused.
        static FORMAT: js_sys::Function = {
            let options = js_sys::Object::new();
            for (key, value) in [("dateStyle", "medium"), ("timeStyle", "short")] {
                let _ = js_sys::Reflect::set(&options, &key.into(), &value.into());
            }
            js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &options).format()
        };
    }
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(ts.as_str()));
    FORMAT.with(|f| {
        f.call1(&wasm_bindgen::JsValue::NULL, &date)
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    })
}

/// Today in the person's time zone (overdue dates are judged by their calendar).
pub fn today() -> crate::engine::Date {
    let d = js_sys::Date::new_0();
    let text = format!(
        "{:04}-{:02}-{:02}",
        d.get_full_year(),
        d.get_month() + 1,
        d.get_date()
    );
    crate::engine::Date::parse(&text).unwrap_or(crate::engine::Date::EPOCH)
}
