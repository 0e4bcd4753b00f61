//! The module's two entry points for the app, each drawing its form into an element the
//! app gives it and settling a promise when the person is done: `seal` (export
//! encrypted: `true` once the file is downloaded, `false` on Cancel) and `unseal` (open
//! an encrypted file: its plaintext, or `null` on Cancel). Nothing is thrown: every
//! failure is shown in the form, where the person can try again.

use crate::{check, export_form, failure, open_form, texts, SealMessages};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

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

    fn value(&self, id: &str) -> String {
        self.find(&format!("#{id}"))
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
            .map(|i| i.value())
            .unwrap_or_default()
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

    fn enable(&self, on: bool) {
        if let Some(b) = self
            .find("button[type=submit]")
            .and_then(|b| b.dyn_into::<web_sys::HtmlButtonElement>().ok())
        {
            b.set_disabled(!on);
        }
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
/// `on_submit` after the "working" line has had a frame to show (the key derivation
/// holds the page for a second or so), Cancel settles with `false`/`null`.
fn open(
    root: web_sys::Element,
    lang: &str,
    markup: impl FnOnce(&'static SealMessages) -> String,
    on_input: fn(&Form),
    on_submit: impl Fn(&Form) -> Result<JsValue, String> + 'static,
    cancelled: JsValue,
) -> js_sys::Promise {
    // A form already in `root` (the person picked another file, or pressed the button
    // again) gives way: it settles as cancelled and takes its listeners with it.
    if let Ok(replace) = web_sys::Event::new(REPLACE) {
        let _ = root.dispatch_event(&replace);
    }
    let m = texts(lang);
    root.set_inner_html(&markup(m));
    let mut resolve = None;
    let promise = js_sys::Promise::new(&mut |ok, _| resolve = Some(ok));
    let Some(resolve) = resolve else {
        return promise;
    };
    let shared: Shared = Rc::new(RefCell::new(None));
    let on_submit = Rc::new(on_submit);
    let input = {
        let shared = shared.clone();
        Listener::new(move |_| {
            if let Some(form) = shared.borrow().as_ref() {
                on_input(form);
            }
        })
    };
    let submit = {
        let shared = shared.clone();
        Listener::new(move |e: web_sys::Event| {
            e.prevent_default();
            if let Some(form) = shared.borrow().as_ref() {
                form.enable(false);
                form.say("[data-aims-status]", form.m.seal_working, false);
            }
            let (shared, on_submit) = (shared.clone(), on_submit.clone());
            let later = Closure::once_into_js(move || {
                let outcome = shared.borrow().as_ref().map(|form| on_submit(form));
                match outcome {
                    Some(Ok(value)) => finish(&shared, &value),
                    Some(Err(words)) => {
                        if let Some(form) = shared.borrow().as_ref() {
                            form.say("[data-aims-status]", &words, true);
                            form.enable(true);
                            on_input(form);
                        }
                    }
                    None => {}
                }
            });
            if let Some(w) = web_sys::window() {
                let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
                    later.unchecked_ref(),
                    30,
                );
            }
        })
    };
    let click = {
        let (shared, cancelled) = (shared.clone(), cancelled.clone());
        Listener::new(move |e: web_sys::Event| {
            let on_cancel = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|t| t.has_attribute("data-aims-cancel"));
            if on_cancel {
                finish(&shared, &cancelled);
            }
        })
    };
    let replaced = {
        let (shared, cancelled) = (shared.clone(), cancelled.clone());
        Listener::new(move |_| finish(&shared, &cancelled))
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
    if let Some(first) = form
        .find("input")
        .and_then(|i| i.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = first.focus();
    }
    *shared.borrow_mut() = Some(form);
    promise
}

/// Shows the export form in `root`; encrypts `plain` with the passphrase given and
/// downloads it as `filename`. Settles with `true` once downloaded, `false` on Cancel.
#[wasm_bindgen]
pub fn seal(
    root: web_sys::Element,
    plain: Vec<u8>,
    filename: String,
    lang: &str,
) -> js_sys::Promise {
    open(
        root,
        lang,
        export_form,
        |form| {
            let (strength, mismatch, ok) = check(
                form.m,
                &form.value("aims-seal-pass"),
                &form.value("aims-seal-again"),
            );
            form.say("[data-aims-strength]", &strength, false);
            form.say("[data-aims-mismatch]", &mismatch, false);
            form.enable(ok);
        },
        move |form| {
            let passphrase = form.value("aims-seal-pass");
            if !check(form.m, &passphrase, &form.value("aims-seal-again")).2 {
                return Err(form.m.seal_mismatch.into());
            }
            let sealed =
                aims_crypt::encrypt(&plain, &passphrase).map_err(|e| failure(form.m, &e))?;
            download(&filename, &sealed)
                .ok_or_else(|| form.m.seal_failed.replace("{reason}", "download"))?;
            Ok(JsValue::TRUE)
        },
        JsValue::FALSE,
    )
}

/// Shows the form that opens the encrypted file `name` in `root`. Settles with the
/// plaintext (a `Uint8Array`) once the passphrase opens it, `null` on Cancel.
#[wasm_bindgen]
pub fn unseal(root: web_sys::Element, sealed: Vec<u8>, name: &str, lang: &str) -> js_sys::Promise {
    open(
        root,
        lang,
        |m| open_form(m, name),
        |form| form.enable(!form.value("aims-open-pass").is_empty()),
        move |form| {
            let plain = aims_crypt::decrypt(&sealed, &form.value("aims-open-pass"))
                .map_err(|e| failure(form.m, &e))?;
            Ok(js_sys::Uint8Array::from(&plain[..]).into())
        },
        JsValue::NULL,
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
