//! What the app's on-demand modules do (`services::on_demand`), started from a screen
//! with a place it keeps empty for them: encrypted exports and imports (`aims-seal`
//! draws its forms there) and the files other tools read (`aims-reports`). The place
//! says when a module is loading, or why it could not be loaded.
//!
//! Plain functions rather than components: each kind of Yew state costs the bundle its
//! own copy of Yew's state code, and the modules keep their own.

use crate::engine::Assessment;
use crate::ui::services::clock::today;
use crate::ui::services::download::{download_report, export_filename};
use crate::ui::services::i18n::{active, catalog, msg, tf};
use crate::ui::services::on_demand::{reason, with_module, Reports, Seal};
use crate::ui::services::promise::settle;
use wasm_bindgen::{JsCast, JsValue};
use yew::NodeRef;

/// Loads the module `name`, saying so in `root` (or why it cannot), then hands it and
/// the element to `ready`.
fn load(
    root: &NodeRef,
    name: &'static str,
    ready: impl FnOnce(JsValue, web_sys::Element) + 'static,
) {
    let Some(root) = root.cast::<web_sys::Element>() else {
        return;
    };
    root.set_text_content(Some(msg::files_loading()));
    with_module(
        name,
        Box::new(move |loaded| match loaded {
            Ok(module) => {
                root.set_text_content(None);
                ready(module, root)
            }
            Err(why) => say(&root, &why),
        }),
    );
}

/// Tells the person in `root` that something could not be done, and why.
fn say(root: &web_sys::Element, why: &str) {
    root.set_text_content(Some(&tf(msg::files_unavailable(), &[("reason", why)])));
}

/// Shows the encrypted-export form for `a` in `root`; `done()` once the file is
/// downloaded (not on Cancel).
pub fn export_sealed(root: &NodeRef, a: &Assessment, done: impl FnOnce() + 'static) {
    let text = crate::engine::export(catalog(), a);
    let filename = export_filename(&a.name, a.updated.as_str(), "json.age");
    load(root, "aims-seal", move |module, root| {
        let promise = module.unchecked_into::<Seal>().seal(
            &root,
            text.as_bytes(),
            &filename,
            active().code(),
        );
        settle(&promise, move |downloaded| {
            if downloaded.is_truthy() {
                done()
            }
        });
    });
}

/// Shows the form that opens the encrypted file `name` in `root`; `done` gets its
/// plaintext once the passphrase opens it (not on Cancel).
pub fn open_sealed(
    root: &NodeRef,
    name: String,
    bytes: Vec<u8>,
    done: impl FnOnce(String, Vec<u8>) + 'static,
) {
    load(root, "aims-seal", move |module, root| {
        let promise = module
            .unchecked_into::<Seal>()
            .unseal(&root, &bytes, &name, active().code());
        settle(&promise, move |plain| {
            if let Some(plain) = plain.dyn_ref::<js_sys::Uint8Array>() {
                done(name, plain.to_vec());
            }
        });
    });
}

/// Shows the lock's settings for the records of `prefix` in `root`; `act` gets
/// `Refresh` once they close after the lock was set, changed or removed.
pub fn lock_settings(root: &NodeRef, prefix: &str, act: yew::Callback<crate::ui::state::Action>) {
    let records = crate::ui::services::records::records(prefix);
    let Some(store) = records.store().cloned() else {
        return;
    };
    load(root, "aims-seal", move |module, root| {
        let promise = module
            .unchecked_into::<Seal>()
            .lock_settings(&root, active().code(), &store);
        settle(&promise, move |done| {
            if done.is_truthy() {
                act.emit(crate::ui::state::Action::Refresh)
            }
        });
    });
}

/// Downloads the OSCAL assessment results for `a` (English whatever the screen's
/// language, titles included, so the document is the one `aims-score oscal` writes).
pub fn download_oscal(root: &NodeRef, a: &Assessment) {
    let (export, a) = (crate::engine::export(catalog(), a), a.clone());
    load(root, "aims-reports", move |module, root| {
        match module.unchecked_into::<Reports>().oscal(export.as_bytes()) {
            Ok(text) => download_report(&a, "oscal", "json", &text),
            Err(e) => say(&root, &reason(&e)),
        }
    });
}

/// Downloads CISO Assistant's two files for `a` (English, with the English catalog,
/// like `aims-score ciso-assistant`: the same bytes from both, docs/interop.md).
pub fn download_ciso(root: &NodeRef, a: &Assessment) {
    let (export, a) = (crate::engine::export(catalog(), a), a.clone());
    let today = today().to_string();
    load(root, "aims-reports", move |module, root| {
        match module
            .unchecked_into::<Reports>()
            .ciso_assistant(export.as_bytes(), &today)
        {
            Ok(files) => {
                for (kind, text) in ["ciso-assistant-audit", "ciso-assistant-plan"]
                    .iter()
                    .zip(&files)
                {
                    download_report(&a, kind, "csv", text);
                }
            }
            Err(e) => say(&root, &reason(&e)),
        }
    });
}
