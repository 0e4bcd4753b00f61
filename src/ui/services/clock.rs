//! Time and fresh ids from the browser.

use crate::engine::Timestamp;

/// Now, as a UTC timestamp.
pub fn now() -> Timestamp {
    let iso: String = js_sys::Date::new_0().to_iso_string().into();
    Timestamp::parse(&iso).unwrap_or_else(|| Timestamp::from_unix_seconds(0))
}

/// A fresh assessment id: `a-` and a random (version-4) uuid, 122 random bits from
/// `crypto.getRandomValues` (which, unlike `crypto.randomUUID`, needs no secure context).
pub fn new_id() -> String {
    format!("a-{}", uuid::Uuid::new_v4())
}

/// A local-time label for a timestamp in the active language, e.g. "Nov 29, 2026,
/// 8:15 AM" or "29.11.2026, 08:15".
pub fn local_label(ts: &Timestamp) -> String {
    format_with(Style::DateTime, ts.as_str())
}

/// A calendar date in the active language, e.g. "Mar 31, 2027" or "31.03.2027".
pub fn date_label(date: crate::engine::Date) -> String {
    format_with(Style::Date, &date.to_string())
}

/// Which `Intl.DateTimeFormat` a label uses.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    /// Date and time, in the person's time zone.
    DateTime,
    /// A calendar date (read as UTC midnight, so shown as UTC: no time-zone shift).
    Date,
}

fn format_with(style: Style, iso: &str) -> String {
    use crate::ui::services::i18n::{active, Lang};
    thread_local! {
        // Building an Intl.DateTimeFormat is slow (a home screen with 200 rows spent most
        // of its time here), so one formatter per language and style is made once.
        static FORMAT: std::cell::RefCell<Vec<(Lang, Style, js_sys::Function)>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let lang = active();
    let format = FORMAT.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some((_, _, f)) = cache.iter().find(|(l, s, _)| *l == lang && *s == style) {
            return f.clone();
        }
        let options = js_sys::Object::new();
        let pairs: &[(&str, &str)] = match style {
            Style::DateTime => &[("dateStyle", "medium"), ("timeStyle", "short")],
            Style::Date => &[("dateStyle", "medium"), ("timeZone", "UTC")],
        };
        for (key, value) in pairs {
            let _ = js_sys::Reflect::set(&options, &(*key).into(), &(*value).into());
        }
        let locales = js_sys::Array::of1(&lang.code().into());
        let f = js_sys::Intl::DateTimeFormat::new(&locales, &options).format();
        cache.push((lang, style, f.clone()));
        f
    });
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_str(iso));
    format
        .call1(&wasm_bindgen::JsValue::NULL, &date)
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| iso.to_owned())
}

/// Today in the person's time zone (overdue dates are judged by their calendar).
pub fn today() -> crate::engine::Date {
    crate::engine::Date::parse(&aims_web::today_text()).unwrap_or(crate::engine::Date::EPOCH)
}
