//! Languages: English is compiled in; German and French are separate files
//! (`i18n/<code>.json`: the messages in key order and the catalog's texts), downloaded
//! only when chosen (inlined in the offline package), then kept for the visit. Numbers
//! and dates go through the browser's `Intl` in the active language.

pub use crate::engine::text::messages::{msg, tf, Texts};

/// The active language's messages, for the engine's outputs that take a language.
pub fn texts() -> Texts {
    Texts::active()
}

use crate::engine::format::value::{parse, Value};
use crate::engine::text::messages::{install, install_plural, translation};
use crate::engine::Catalog;
use crate::ui::services::promise::settle;
use std::cell::{Cell, RefCell};
use wasm_bindgen::{JsCast, JsValue};

pub use crate::engine::text::lang::Lang;

/// A loaded language: its messages and its catalog, kept for the visit.
#[derive(Clone, Copy)]
struct Loaded {
    lang: Lang,
    messages: &'static [&'static str],
    catalog: &'static Catalog,
}

thread_local! {
    static LOADED: RefCell<Vec<Loaded>> = const { RefCell::new(Vec::new()) };
    static ACTIVE: Cell<Lang> = const { Cell::new(Lang::En) };
    static CATALOG: Cell<Option<&'static Catalog>> = const { Cell::new(None) };
}

/// The catalog in the active language (ids, crosswalks and scores are the same in all).
pub fn catalog() -> &'static Catalog {
    CATALOG.with(Cell::get).unwrap_or_else(Catalog::builtin)
}

/// The active language.
pub fn active() -> Lang {
    ACTIVE.with(Cell::get)
}

/// Whether `lang` can be made active without a download.
pub fn is_loaded(lang: Lang) -> bool {
    lang == Lang::En || LOADED.with(|l| l.borrow().iter().any(|x| x.lang == lang))
}

/// Makes a loaded language active (English always is). Returns false if it is not loaded.
pub fn activate(lang: Lang) -> bool {
    let found = LOADED.with(|l| l.borrow().iter().find(|x| x.lang == lang).copied());
    match (lang, found) {
        (Lang::En, _) => {
            install(None);
            CATALOG.with(|c| c.set(None));
        }
        (_, Some(loaded)) => {
            install(Some(loaded.messages));
            CATALOG.with(|c| c.set(Some(loaded.catalog)));
        }
        (_, None) => return false,
    }
    ACTIVE.with(|a| a.set(lang));
    install_plural(plural_category);
    true
}

thread_local! {
    /// `Intl.PluralRules` per language, made once.
    static PLURALS: RefCell<Vec<(Lang, js_sys::Intl::PluralRules)>> = const { RefCell::new(Vec::new()) };
}

/// The plural category of a number (given as text) in the active language, from the
/// browser's `Intl.PluralRules` (`one`, `few`, `many`, `other`, …).
fn plural_category(n: &str) -> &'static str {
    let lang = active();
    let Ok(value) = n.parse::<u32>() else {
        return "other";
    };
    let category = PLURALS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if cache.iter().all(|(l, _)| *l != lang) {
            let locales = js_sys::Array::of1(&lang.code().into());
            cache.push((
                lang,
                js_sys::Intl::PluralRules::new(&locales, &js_sys::Object::new()),
            ));
        }
        cache
            .iter()
            .find(|(l, _)| *l == lang)
            .and_then(|(_, rules)| rules.select(value.into()).as_string())
    });
    match category.as_deref() {
        Some("zero") => "zero",
        Some("one") => "one",
        Some("two") => "two",
        Some("few") => "few",
        Some("many") => "many",
        _ => "other",
    }
}

/// Reads a language file: `{"messages": [...], "catalog": {...}}`.
fn read_language(lang: Lang, bytes: &[u8]) -> Result<Loaded, String> {
    let root =
        parse(bytes).map_err(|e| format!("line {}: {}", e.line, e.message.text(Texts::ENGLISH)))?;
    // The file must list the messages for exactly the keys, in the order, this build
    // compiled English in; anything else (an old cached file) would show wrong texts.
    if root.get("keys").and_then(Value::as_str) != Some(msg::KEYS_HASH) {
        return Err("the language file does not match this version of the app".into());
    }
    let texts: Vec<String> = match root.get("messages") {
        Some(Value::Array(list)) => list
            .iter()
            .map(|v| v.as_str().unwrap_or_default().to_owned())
            .collect(),
        _ => return Err("no messages".into()),
    };
    let messages = translation(texts)?;
    let overlay = root.get("catalog").ok_or("no catalog texts")?;
    let catalog = Catalog::builtin()
        .translated(overlay)
        .map_err(|problems| problems.join("; "))?;
    Ok(Loaded {
        lang,
        messages,
        catalog: Box::leak(Box::new(catalog)),
    })
}

/// The text of an inert `<script id=…>` block the offline package carries, if any.
pub fn inlined(id: &str) -> Option<String> {
    let element = web_sys::window()?.document()?.get_element_by_id(id)?;
    // Only the package's data blocks count, never an element that happens to share the id.
    (element.tag_name() == "SCRIPT")
        .then(|| element.text_content())
        .flatten()
}

/// Fetches a same-origin file as bytes.
pub fn fetch_bytes(url: &str, done: impl FnOnce(Result<Vec<u8>, String>) + 'static) {
    let Some(window) = web_sys::window() else {
        return done(Err("no window".into()));
    };
    let url = url.to_owned();
    settle(&window.fetch_with_str(&url), move |outcome: JsValue| {
        let Ok(response) = outcome.dyn_into::<web_sys::Response>() else {
            return done(Err(format!("{url}: {}", msg::lang_offline())));
        };
        if !response.ok() {
            return done(Err(format!("{url}: HTTP {}", response.status())));
        }
        let Ok(body) = response.array_buffer() else {
            return done(Err(url));
        };
        settle(&body, move |buffer: JsValue| {
            match buffer.dyn_ref::<js_sys::ArrayBuffer>() {
                Some(b) => done(Ok(js_sys::Uint8Array::new(b).to_vec())),
                None => done(Err(url)),
            }
        });
    });
}

thread_local! {
    /// The newest language request: a slower, older one that completes later must not
    /// switch away from what the person chose since.
    static REQUEST: Cell<u32> = const { Cell::new(0) };
}

/// Loads `lang` if needed (from the offline package, or `{assets}i18n/<code>.json`) and
/// makes it active; `done` gets the reason if it could not be loaded (the active
/// language then stays as it was). A request overtaken by a newer one before it
/// completes is dropped: it neither switches nor calls `done`.
pub fn load(lang: Lang, assets: Option<&str>, done: impl FnOnce(Result<(), String>) + 'static) {
    let request = REQUEST.with(|r| {
        r.set(r.get().wrapping_add(1));
        r.get()
    });
    if activate(lang) {
        return done(Ok(()));
    }
    let finish = move |bytes: Result<Vec<u8>, String>| {
        let loaded = bytes.and_then(|b| read_language(lang, &b));
        if let Ok(loaded) = &loaded {
            if !is_loaded(lang) {
                LOADED.with(|l| l.borrow_mut().push(*loaded));
            }
        }
        if REQUEST.with(Cell::get) != request {
            return;
        }
        match loaded {
            Ok(_) => {
                activate(lang);
                done(Ok(()))
            }
            Err(reason) => done(Err(reason)),
        }
    };
    match inlined(&format!("aims-data-lang-{}", lang.code())) {
        Some(text) => finish(Ok(text.into_bytes())),
        None => fetch_bytes(
            &format!("{}i18n/{}.json", assets.unwrap_or_default(), lang.code()),
            finish,
        ),
    }
}

thread_local! {
    /// Set when the person switched language with the menu: the menu, re-created in the
    /// new language, takes focus back once.
    static REFOCUS: Cell<bool> = const { Cell::new(false) };
}

/// Asks the re-created language menu to take focus back.
pub fn refocus_after_switch() {
    REFOCUS.with(|r| r.set(true));
}

/// Whether the language menu should take focus (once).
pub fn take_refocus() -> bool {
    REFOCUS.with(|r| r.replace(false))
}

/// The language to start in ([`Lang::preferred`]), with the browser's preferred
/// languages.
pub fn preferred(fixed: Option<Lang>, saved: Option<String>) -> Lang {
    Lang::preferred(fixed, saved.as_deref(), &aims_web::browser_languages())
}

thread_local! {
    /// `Intl.NumberFormat` per language and number of decimals, made once: building one
    /// is slow.
    static NUMBER: RefCell<Vec<(Lang, u8, js_sys::Function)>> = const { RefCell::new(Vec::new()) };
}

thread_local! {
    /// Percentages already formatted, per language and tenths (a home screen with 200
    /// assessments formats hundreds of them; `Intl` is asked once per value).
    static PERCENTS: RefCell<Vec<(Lang, u16, std::rc::Rc<str>)>> = const { RefCell::new(Vec::new()) };
}

/// A percentage's number as the active language writes it (`73.4` in English, `73,4`
/// in German and French), without the sign.
pub fn percent(p: crate::engine::Percent) -> String {
    let (lang, tenths) = (active(), p.tenths());
    // English is what `Percent` prints itself (`73.4`, `100`); asking Intl for it gave the
    // same text at a cost the 200-assessment home screen noticed.
    if lang == Lang::En {
        return p.to_string();
    }
    let known = PERCENTS.with(|c| {
        c.borrow()
            .iter()
            .find(|(l, t, _)| *l == lang && *t == tenths)
            .map(|(_, _, s)| s.to_string())
    });
    if let Some(text) = known {
        return text;
    }
    let text = format_percent(lang, p);
    PERCENTS.with(|c| c.borrow_mut().push((lang, tenths, text.as_str().into())));
    text
}

/// The percent sign with the space each language puts before it: a plain space in
/// English, a no-break space in German, a narrow no-break space in French (so "52,4 %"
/// never breaks across lines).
pub fn percent_sign() -> &'static str {
    active().percent_sign()
}

fn format_percent(lang: Lang, p: crate::engine::Percent) -> String {
    let decimals = 1u8;
    let format = NUMBER.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some((_, _, f)) = cache.iter().find(|(l, d, _)| *l == lang && *d == decimals) {
            return f.clone();
        }
        let options = js_sys::Object::new();
        let _ = js_sys::Reflect::set(
            &options,
            &"maximumFractionDigits".into(),
            &JsValue::from(decimals),
        );
        let locales = js_sys::Array::of1(&lang.code().into());
        let f = js_sys::Intl::NumberFormat::new(&locales, &options).format();
        cache.push((lang, decimals, f.clone()));
        f
    });
    format
        .call1(&JsValue::NULL, &JsValue::from(p.value()))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| p.to_string())
}
