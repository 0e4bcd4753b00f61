//! The module's entry points for the app, each drawing its form into an element the
//! app gives it and settling a promise when the person is done: `seal` (export
//! encrypted: `true` once the file is downloaded, `false` on Cancel), `unseal` (open
//! an encrypted file: its plaintext, or `null` on Cancel), `unlock` (the lock screen:
//! settles once the passphrase has opened the app's records) and `lockSettings` (set,
//! change or remove the lock: `true` on Close when something changed). Nothing is
//! thrown: every failure is shown in the form, where the person can try again.
//!
//! The lock's cryptography is WebCrypto, called from `lock.js` beside this file.

use crate::{
    check, export_form, failure, lock_outcome, open_form, settings_form, texts, unlock_form,
    SealMessages, Settings, IDLE_DEFAULT,
};
use std::cell::{Cell, RefCell};
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(module = "/src/lock.js")]
extern "C" {
    #[wasm_bindgen(js_name = lockUnlock)]
    fn lock_unlock(records: &JsValue, passphrase: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = lockSet)]
    fn lock_set(records: &JsValue, passphrase: &str, idle: u32) -> js_sys::Promise;
    #[wasm_bindgen(js_name = lockChange)]
    fn lock_change(records: &JsValue, current: &str, next: &str, idle: u32) -> js_sys::Promise;
    #[wasm_bindgen(js_name = lockRemove)]
    fn lock_remove(records: &JsValue, current: &str) -> js_sys::Promise;
    #[wasm_bindgen(js_name = lockIdle)]
    fn lock_idle(records: &JsValue, idle: u32) -> js_sys::Promise;
    #[wasm_bindgen(js_name = lockNow)]
    fn lock_now(records: &JsValue);
    #[wasm_bindgen(js_name = lockMinutes)]
    fn lock_minutes(records: &JsValue) -> u32;
    #[wasm_bindgen(js_name = lockForget)]
    fn lock_forget(records: &JsValue) -> js_sys::Promise;
    #[wasm_bindgen(js_name = lockAssessments)]
    fn lock_assessments(records: &JsValue) -> Vec<String>;
    #[wasm_bindgen(js_name = lockCount)]
    fn lock_count(records: &JsValue) -> usize;
}

/// What a submitted form's work ends in: `Some(value)` settles the app's promise with
/// it, `None` keeps the form (its work redrew it), `Err` shows the words in it.
type Outcome = Result<Option<JsValue>, String>;

/// A submitted form's work, run after the "working" line has had a frame to show.
type Work = Pin<Box<dyn Future<Output = Outcome>>>;

/// Waits for a promise of the lock's JavaScript; its value, or its reason as text.
async fn wait(promise: js_sys::Promise) -> JsValue {
    JsFuture::from(promise).await.unwrap_or_else(|e| e)
}

/// The event a new form sends the one it replaces in the same element.
const REPLACE: &str = "aims:replace";

/// A listener on the form's element.
type Listener = Closure<dyn FnMut(web_sys::Event)>;

/// One form in the page: its element, its messages, how to settle the app's promise,
/// and its listeners (kept alive until it settles, then dropped with the form).
struct Form {
    root: web_sys::Element,
    m: &'static SealMessages,
    resolve: js_sys::Function,
    listeners: Vec<(&'static str, Listener)>,
}

type Shared = Rc<RefCell<Option<Form>>>;

impl Form {
    fn find(&self, selector: &str) -> Option<web_sys::Element> {
        self.root.query_selector(selector).ok().flatten()
    }

    /// The value of the field `id`: a text or passphrase field, or a choice (the idle
    /// time's `<select>`).
    fn value(&self, id: &str) -> String {
        let Some(field) = self.find(&format!("#{id}")) else {
            return String::new();
        };
        match field.dyn_into::<web_sys::HtmlInputElement>() {
            Ok(input) => input.value(),
            Err(field) => field
                .dyn_into::<web_sys::HtmlSelectElement>()
                .map(|select| select.value())
                .unwrap_or_default(),
        }
    }

    fn say(&self, selector: &str, text: &str, alert: bool) {
        if let Some(e) = self.find(selector) {
            e.set_text_content(Some(text));
            let _ = e.set_attribute(
                "class",
                if alert {
                    "aims-alert aims-alert--error"
                } else {
                    "aims-small"
                },
            );
        }
    }

    /// Puts the keyboard in the form's first passphrase field (or first field).
    fn focus(&self) {
        if let Some(first) = self
            .find("input[type=password]")
            .or_else(|| self.find("input"))
            .and_then(|i| i.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = first.focus();
        }
    }

    fn enable(&self, on: bool) {
        if let Some(b) = self
            .find("button[type=submit]")
            .and_then(|b| b.dyn_into::<web_sys::HtmlButtonElement>().ok())
        {
            b.set_disabled(!on);
        }
    }
}

/// A field's value in the form that is showing.
fn value(shared: &Shared, id: &str) -> String {
    shared
        .borrow()
        .as_ref()
        .map(|f| f.value(id))
        .unwrap_or_default()
}

/// Draws `markup` in the form's element (its listeners stay) and puts the focus in its
/// first field.
fn redraw(shared: &Shared, markup: &str) {
    if let Some(form) = shared.borrow().as_ref() {
        form.root.set_inner_html(markup);
        form.focus();
    }
}

/// Ends the form: removes its listeners and settles the app's promise with `value`.
fn finish(shared: &Shared, value: &JsValue) {
    if let Some(form) = shared.borrow_mut().take() {
        for (kind, listener) in &form.listeners {
            let _ = form
                .root
                .remove_event_listener_with_callback(kind, listener.as_ref().unchecked_ref());
        }
        form.root.set_inner_html("");
        let _ = form.resolve.call1(&JsValue::NULL, value);
    }
}

/// Draws `markup` into `root` and wires it: `input` runs `on_input`, submitting runs
/// `on_submit`'s work after the "working" line has had a frame to show (the key
/// derivation holds the page for a second or so), a button with `data-aims-act` runs
/// `on_act` with its act (`cancel` settles with `cancelled`).
fn open(
    root: web_sys::Element,
    m: &'static SealMessages,
    markup: String,
    on_input: impl Fn(&Shared) + 'static,
    on_submit: impl Fn(&Shared) -> Work + 'static,
    on_act: impl Fn(&Shared, &str, &web_sys::Element) + 'static,
    cancelled: impl Fn() -> JsValue + 'static,
) -> js_sys::Promise {
    // A form already in `root` (the person picked another file, or pressed the button
    // again) gives way: it settles as cancelled and takes its listeners with it.
    if let Ok(replace) = web_sys::Event::new(REPLACE) {
        let _ = root.dispatch_event(&replace);
    }
    root.set_inner_html(&markup);
    let mut resolve = None;
    let promise = js_sys::Promise::new(&mut |ok, _| resolve = Some(ok));
    let Some(resolve) = resolve else {
        return promise;
    };
    let shared: Shared = Rc::new(RefCell::new(None));
    let (on_submit, on_input) = (Rc::new(on_submit), Rc::new(on_input));
    let input = {
        let (shared, on_input) = (shared.clone(), on_input.clone());
        Listener::new(move |_| on_input(&shared))
    };
    let submit = {
        let shared = shared.clone();
        Listener::new(move |e: web_sys::Event| {
            e.prevent_default();
            if let Some(form) = shared.borrow().as_ref() {
                form.enable(false);
                form.say("[data-aims-status]", form.m.seal_working, false);
            }
            let (shared, on_submit, on_input) =
                (shared.clone(), on_submit.clone(), on_input.clone());
            let later = Closure::once_into_js(move || {
                wasm_bindgen_futures::spawn_local(async move {
                    match on_submit(&shared).await {
                        Ok(Some(value)) => finish(&shared, &value),
                        Ok(None) => {}
                        Err(words) => {
                            if let Some(form) = shared.borrow().as_ref() {
                                form.say("[data-aims-status]", &words, true);
                                form.enable(true);
                            }
                            on_input(&shared);
                        }
                    }
                })
            });
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
                    later.unchecked_ref(),
                    30,
                );
            }
        })
    };
    let cancelled = Rc::new(cancelled);
    let click = {
        let (shared, cancelled) = (shared.clone(), cancelled.clone());
        Listener::new(move |e: web_sys::Event| {
            let target = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
            let Some((target, act)) =
                target.and_then(|t| Some((t.clone(), t.get_attribute("data-aims-act")?)))
            else {
                return;
            };
            if act == "cancel" {
                finish(&shared, &cancelled());
            } else {
                on_act(&shared, &act, &target);
            }
        })
    };
    let replaced = {
        let (shared, cancelled) = (shared.clone(), cancelled.clone());
        Listener::new(move |_| finish(&shared, &cancelled()))
    };
    let listeners = vec![
        ("input", input),
        ("submit", submit),
        ("click", click),
        (REPLACE, replaced),
    ];
    for (kind, listener) in &listeners {
        let _ = root.add_event_listener_with_callback(kind, listener.as_ref().unchecked_ref());
    }
    let form = Form {
        root,
        m,
        resolve,
        listeners,
    };
    form.focus();
    *shared.borrow_mut() = Some(form);
    promise
}

/// The export form's and the new-passphrase fields' check: strength, mismatch, and
/// whether the form may be submitted.
fn check_new(shared: &Shared) {
    if let Some(form) = shared.borrow().as_ref() {
        let (strength, mismatch, ok) = check(
            form.m,
            &form.value("aims-seal-pass"),
            &form.value("aims-seal-again"),
        );
        form.say("[data-aims-strength]", &strength, false);
        form.say("[data-aims-mismatch]", &mismatch, false);
        form.enable(ok);
    }
}

/// Enables the submit button once the field `id` holds something.
fn check_filled(shared: &Shared, id: &str) {
    if let Some(form) = shared.borrow().as_ref() {
        form.enable(!form.value(id).is_empty());
    }
}

/// Shows the export form in `root`; encrypts `plain` (or, where the person chooses it,
/// the audit pack `pack`) with the passphrase given and downloads it as `filename` (or
/// `pack_filename`). Settles with `true` once downloaded, `false` on Cancel.
#[wasm_bindgen]
pub fn seal(
    root: web_sys::Element,
    plain: Vec<u8>,
    filename: String,
    lang: &str,
    pack: Option<Vec<u8>>,
    pack_filename: String,
) -> js_sys::Promise {
    let m = texts(lang);
    let with_pack = pack.is_some();
    let (plain, pack) = (Rc::new(plain), Rc::new(pack));
    open(
        root,
        m,
        export_form(m, with_pack),
        check_new,
        move |shared| {
            let (passphrase, again) = (
                value(shared, "aims-seal-pass"),
                value(shared, "aims-seal-again"),
            );
            let chosen = shared
                .borrow()
                .as_ref()
                .and_then(|f| f.find("#aims-seal-pack:checked"))
                .is_some();
            let (plain, pack) = (plain.clone(), pack.clone());
            let name = if chosen { &pack_filename } else { &filename }.clone();
            Box::pin(async move {
                if !check(m, &passphrase, &again).2 {
                    return Err(m.seal_mismatch.into());
                }
                let bytes = match pack.as_ref() {
                    Some(pack) if chosen => pack,
                    _ => &*plain,
                };
                let sealed = aims_crypt::encrypt(bytes, &passphrase).map_err(|e| failure(m, &e))?;
                download(&name, &sealed)
                    .ok_or_else(|| m.seal_failed.replace("{reason}", "download"))?;
                Ok(Some(JsValue::TRUE))
            })
        },
        |_, _, _| {},
        || JsValue::FALSE,
    )
}

/// Shows the form that opens the encrypted file `name` in `root`. Settles with the
/// plaintext (a `Uint8Array`) once the passphrase opens it, `null` on Cancel.
#[wasm_bindgen]
pub fn unseal(root: web_sys::Element, sealed: Vec<u8>, name: &str, lang: &str) -> js_sys::Promise {
    let m = texts(lang);
    let sealed = Rc::new(sealed);
    open(
        root,
        m,
        open_form(m, name),
        |shared| check_filled(shared, "aims-open-pass"),
        move |shared| {
            let (passphrase, sealed) = (value(shared, "aims-open-pass"), sealed.clone());
            Box::pin(async move {
                let plain =
                    aims_crypt::decrypt(&sealed, &passphrase).map_err(|e| failure(m, &e))?;
                Ok(Some(js_sys::Uint8Array::from(&plain[..]).into()))
            })
        },
        |_, _, _| {},
        || JsValue::NULL,
    )
}

/// Shows the lock screen in `root` for the app's `records` (src/ui/services/records.rs)
/// and settles once the passphrase has opened them. A wrong passphrase says so; a lost
/// one is explained, with the way out (delete the locked data: the page starts again).
#[wasm_bindgen]
pub fn unlock(root: web_sys::Element, lang: &str, records: JsValue) -> js_sys::Promise {
    let m = texts(lang);
    let forget = records.clone();
    open(
        root,
        m,
        unlock_form(m, lang, lock_count(&records)),
        |shared| check_filled(shared, "aims-lock-pass"),
        move |shared| {
            let opened = lock_unlock(&records, &value(shared, "aims-lock-pass"));
            Box::pin(async move {
                match wait(opened).await.as_bool() {
                    Some(true) => Ok(Some(JsValue::TRUE)),
                    _ => Err(m.seal_unlock_wrong.into()),
                }
            })
        },
        move |shared, act, button| match act {
            // Two presses: the first asks, the second deletes.
            "forget" => {
                let _ = button.set_attribute("data-aims-act", "forget-yes");
                button.set_text_content(Some(m.seal_forget_yes));
            }
            "forget-yes" => {
                let (forget, shared) = (forget.clone(), shared.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let outcome = wait(lock_forget(&forget))
                        .await
                        .as_string()
                        .unwrap_or_default();
                    if let (Some(words), Some(form)) =
                        (lock_outcome(m, &outcome), shared.borrow().as_ref())
                    {
                        form.say("[data-aims-status]", &words, true);
                    }
                });
            }
            _ => {}
        },
        || JsValue::FALSE,
    )
}

/// Shows the lock's settings in `root` for the app's `records`: set the lock (after the
/// warning and the offered export), or lock now, the idle time, change the passphrase,
/// remove the lock. Settles on Close: `true` when the lock was set, changed or removed.
#[wasm_bindgen(js_name = lockSettings)]
pub fn lock_settings(root: web_sys::Element, lang: &str, records: JsValue) -> js_sys::Promise {
    let m = texts(lang);
    let part = Rc::new(Cell::new(if lock_minutes(&records) > 0 {
        Settings::On
    } else {
        Settings::Off
    }));
    let changed = Rc::new(Cell::new(false));
    let draw = {
        let records = records.clone();
        move |part: Settings| {
            let minutes = match lock_minutes(&records) {
                0 => IDLE_DEFAULT,
                n => n,
            };
            settings_form(m, part, minutes, lock_count(&records))
        }
    };
    let draw = Rc::new(draw);
    let markup = draw(part.get());
    let (input_records, act_records) = (records.clone(), records.clone());
    let (input_part, act_part, act_draw) = (part.clone(), part.clone(), draw.clone());
    let closed = changed.clone();
    open(
        root,
        m,
        markup,
        move |shared| match input_part.get() {
            Settings::Off => check_new(shared),
            Settings::Change => {
                check_new(shared);
                if value(shared, "aims-lock-current").is_empty() {
                    if let Some(form) = shared.borrow().as_ref() {
                        form.enable(false);
                    }
                }
            }
            Settings::Remove => check_filled(shared, "aims-lock-current"),
            Settings::On => {
                // The idle time is kept as soon as it is chosen.
                let minutes = value(shared, "aims-lock-idle")
                    .parse()
                    .unwrap_or(IDLE_DEFAULT);
                let (records, shared) = (input_records.clone(), shared.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let outcome = wait(lock_idle(&records, minutes))
                        .await
                        .as_string()
                        .unwrap_or_default();
                    let words = lock_outcome(m, &outcome)
                        .unwrap_or_else(|| m.seal_done_idle.replace("{n}", &minutes.to_string()));
                    if let Some(form) = shared.borrow().as_ref() {
                        form.say("[data-aims-status]", &words, !outcome.is_empty());
                    }
                });
            }
        },
        move |shared| {
            let (records, part, draw, changed) =
                (records.clone(), part.clone(), draw.clone(), changed.clone());
            let next = value(shared, "aims-seal-pass");
            let current = value(shared, "aims-lock-current");
            let idle = value(shared, "aims-lock-idle")
                .parse()
                .unwrap_or(IDLE_DEFAULT);
            let minutes = match lock_minutes(&records) {
                0 => idle,
                n => n,
            };
            let shared = shared.clone();
            Box::pin(async move {
                let (work, done, after) = match part.get() {
                    Settings::Off => (
                        lock_set(&records, &next, idle),
                        m.seal_done_set,
                        Settings::On,
                    ),
                    Settings::Change => (
                        lock_change(&records, &current, &next, minutes),
                        m.seal_done_change,
                        Settings::On,
                    ),
                    Settings::Remove => (
                        lock_remove(&records, &current),
                        m.seal_done_remove,
                        Settings::Off,
                    ),
                    Settings::On => return Ok(None),
                };
                let outcome = wait(work).await.as_string().unwrap_or_default();
                if let Some(words) = lock_outcome(m, &outcome) {
                    return Err(words);
                }
                changed.set(true);
                part.set(after);
                redraw(&shared, &draw(after));
                if let Some(form) = shared.borrow().as_ref() {
                    form.say("[data-aims-status]", done, false);
                }
                Ok(None)
            })
        },
        move |shared, act, _| {
            let show = |p: Settings| {
                act_part.set(p);
                redraw(shared, &act_draw(p));
            };
            match act {
                "lock" => lock_now(&act_records),
                "change" => show(Settings::Change),
                "remove" => show(Settings::Remove),
                "back" => show(Settings::On),
                "export" => {
                    for file in lock_assessments(&act_records).chunks(2) {
                        if let [name, text] = file {
                            download(name, text.as_bytes());
                        }
                    }
                }
                _ => {}
            }
        },
        move || JsValue::from_bool(closed.get()),
    )
}

/// Offers `bytes` as a download named `filename`.
fn download(filename: &str, bytes: &[u8]) -> Option<()> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/octet-stream");
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let document = web_sys::window()?.document()?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.click();
    let _ = web_sys::Url::revoke_object_url(&url);
    Some(())
}
