//! What the app's on-demand modules do (`services::on_demand`), started from a screen
//! with a place it keeps empty for them: encrypted exports and imports (`aims-seal`
//! draws its forms there) and the files other tools read (`aims-reports`). The place
//! says when a module is loading, or why it could not be loaded.
//!
//! Plain functions rather than components: each kind of Yew state costs the bundle its
//! own copy of Yew's state code, and the modules keep their own.

use crate::engine::Assessment;
use crate::ui::services::clock::today;
use crate::ui::services::download::{download_report_part, export_filename};
use crate::ui::services::i18n::{active, catalog, msg, tf};
use crate::ui::services::on_demand::{is_loaded, reason, with_module, Reports, Seal};
use crate::ui::services::promise::settle;
use wasm_bindgen::{JsCast, JsValue};
use yew::NodeRef;

/// What runs once the modules asked for are loaded: them, in the order asked, and the
/// place.
type Ready = Box<dyn FnOnce(Vec<JsValue>, web_sys::Element)>;

/// Loads the modules `names` in order, saying so in `root` (or why one cannot be), then
/// hands them and the element to `ready`. One boxed callback for every caller: a
/// generic one cost a copy of this per call site.
fn load(root: &NodeRef, names: &'static [&'static str], ready: Ready) {
    if let Some(root) = root.cast::<web_sys::Element>() {
        load_into(root, names, Vec::new(), false, ready);
    }
}

/// `cleared`: the place says "Loading…" (or shows what is done with), to be emptied
/// before `ready`; what a module drew stays otherwise (a register screen's form is read
/// from there).
fn load_into(
    root: web_sys::Element,
    names: &'static [&'static str],
    mut loaded: Vec<JsValue>,
    mut cleared: bool,
    ready: Ready,
) {
    let Some((name, rest)) = names.split_first() else {
        if cleared {
            root.set_text_content(None);
        }
        return ready(loaded, root);
    };
    if !is_loaded(name) {
        root.set_text_content(Some(msg::files_loading()));
        cleared = true;
    }
    with_module(
        name,
        Box::new(move |module| match module {
            Ok(module) => {
                loaded.push(module);
                load_into(root, rest, loaded, cleared, ready)
            }
            Err(why) => say(&root, &why),
        }),
    );
}

/// The first module loaded (every caller asked for at least one).
fn first(modules: &[JsValue]) -> JsValue {
    modules.first().cloned().unwrap_or_default()
}

/// Tells the person in `root` that something could not be done, and why.
fn say(root: &web_sys::Element, why: &str) {
    root.set_text_content(Some(&tf(msg::files_unavailable(), &[("reason", why)])));
}

/// Shows the encrypted-export form for `a` in `root`, the audit pack offered beside
/// the assessment (made by the reports module first, with the evidence files the
/// records of `prefix` keep); `done()` once the file is downloaded (not on Cancel).
pub fn export_sealed(root: &NodeRef, prefix: &str, a: &Assessment, done: impl FnOnce() + 'static) {
    let text = crate::engine::export(catalog(), a);
    let filename = export_filename(&a.name, a.updated.as_str(), "json.age");
    let pack_name = export_filename(
        &format!("{} audit-pack", a.name),
        a.updated.as_str(),
        "zip.age",
    );
    let today = today().to_string();
    let store = records_store(prefix);
    let ready: Ready = Box::new(move |modules, root| {
        let reports = first(&modules).unchecked_into::<Reports>();
        let packing = reports.pack(&root, active().code(), &store, text.as_bytes(), &today);
        let seal = modules
            .get(1)
            .cloned()
            .unwrap_or_default()
            .unchecked_into::<Seal>();
        let offer = move |root: web_sys::Element, pack: JsValue| {
            root.set_text_content(None);
            let promise = seal.seal(
                &root,
                text.as_bytes(),
                &filename,
                active().code(),
                &pack,
                &pack_name,
            );
            settle(&promise, move |downloaded| {
                if downloaded.is_truthy() {
                    done()
                }
            });
        };
        match packing {
            // The pack's bytes, for the seal module to encrypt; without it (a file
            // this browser lacks) the assessment alone is offered.
            Ok(promise) => settle(&promise, move |made| match pack_made(&made) {
                Some((blob, _)) => settle(&blob.array_buffer(), move |bytes| {
                    offer(root, js_sys::Uint8Array::new(&bytes).into())
                }),
                None => offer(root, JsValue::UNDEFINED),
            }),
            Err(_) => offer(root, JsValue::UNDEFINED),
        }
    });
    load(root, &["aims-reports", "aims-seal"], ready);
}

/// What the reports module's `pack` gave: the pack (a `Blob`) and the words for each
/// file it was made without; `None` when it gave the reason it could not be made.
fn pack_made(made: &JsValue) -> Option<(web_sys::Blob, Vec<String>)> {
    let made = made.dyn_ref::<js_sys::Array>()?;
    let blob = made.get(0).dyn_into::<web_sys::Blob>().ok()?;
    Some((
        blob,
        made.iter().skip(1).filter_map(|w| w.as_string()).collect(),
    ))
}

/// The records object of the namespace with storage prefix `prefix` (its evidence
/// files' database), or `undefined` where its records live in localStorage.
fn records_store(prefix: &str) -> JsValue {
    crate::ui::services::records::records(prefix)
        .store()
        .cloned()
        .unwrap_or(JsValue::UNDEFINED)
}

/// What an opened file gives: its name and the export in it.
type Opened = Box<dyn FnOnce(String, Vec<u8>)>;

/// Whether `bytes` are a zip file (an audit pack).
fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// Opens the file `name` that is not a plain export, in `root`: an encrypted file
/// (its passphrase asked for) or an audit pack (checked), or an encrypted pack (both).
/// `done` gets the export inside (not on Cancel, not for a refused pack).
pub fn open_sealed(
    root: &NodeRef,
    prefix: &str,
    name: String,
    bytes: Vec<u8>,
    done: impl FnOnce(String, Vec<u8>) + 'static,
) {
    let done: Opened = Box::new(done);
    let store = records_store(prefix);
    if is_zip(&bytes) {
        return load(root, &["aims-reports"], open_pack(name, bytes, store, done));
    }
    load(
        root,
        &["aims-seal"],
        Box::new(move |modules, root| {
            let promise = first(&modules).unchecked_into::<Seal>().unseal(
                &root,
                &bytes,
                &name,
                active().code(),
            );
            settle(&promise, move |plain| {
                if let Some(plain) = plain.dyn_ref::<js_sys::Uint8Array>() {
                    let plain = plain.to_vec();
                    if is_zip(&plain) {
                        // The passphrase form is done with.
                        load_into(
                            root,
                            &["aims-reports"],
                            Vec::new(),
                            true,
                            open_pack(name, plain, store, done),
                        );
                    } else {
                        done(name, plain);
                    }
                }
            });
        }),
    );
}

/// Opening the audit pack `bytes` (named `name`) with the reports module's checks, once
/// it is loaded, its evidence files kept in the records `store`: `done` gets its
/// assessment as an export to import; a refused pack says why in the place.
fn open_pack(name: String, bytes: Vec<u8>, store: JsValue, done: Opened) -> Ready {
    Box::new(move |modules, root| {
        let reports = first(&modules).unchecked_into::<Reports>();
        match reports.open_pack(&root, active().code(), &store, &bytes) {
            Ok(promise) => settle(&promise, move |opened| {
                match opened
                    .dyn_ref::<js_sys::Array>()
                    .and_then(|a| a.get(0).as_string())
                {
                    Some(export) => {
                        root.set_text_content(None);
                        done(name, export.into_bytes())
                    }
                    None => say(&root, &reason(&opened)),
                }
            }),
            Err(e) => say(&root, &reason(&e)),
        }
    })
}

/// Shows the lock's settings for the records of `prefix` in `root`; `act` gets
/// `Refresh` once they close after the lock was set, changed or removed.
pub fn lock_settings(root: &NodeRef, prefix: &str, act: yew::Callback<crate::ui::state::Action>) {
    let records = crate::ui::services::records::records(prefix);
    let Some(store) = records.store().cloned() else {
        return;
    };
    let ready: Ready = Box::new(move |modules, root| {
        let promise =
            first(&modules)
                .unchecked_into::<Seal>()
                .lock_settings(&root, active().code(), &store);
        settle(&promise, move |done| {
            if done.is_truthy() {
                act.emit(crate::ui::state::Action::Refresh)
            }
        });
    });
    load(root, &["aims-seal"], ready);
}

/// Downloads the files of `kind` for `a` from the reports module: `oscal` (the OSCAL
/// assessment results), `ciso` (CISO Assistant's two files), `pack` (the audit pack,
/// with the evidence files the records of `prefix` keep).
/// English whatever the screen's language, and the bytes `aims-score` writes from the
/// same export (docs/interop.md, docs/audit-pack.md).
pub fn download_files(root: &NodeRef, prefix: &str, a: &Assessment, kind: &'static str) {
    let (export, a) = (crate::engine::export(catalog(), a), a.clone());
    let today = today().to_string();
    let store = records_store(prefix);
    let ready: Ready = Box::new(move |modules, root| {
        let reports = first(&modules).unchecked_into::<Reports>();
        if kind == "pack" {
            // With the evidence files this browser keeps, a progress bar meanwhile.
            return match reports.pack(&root, active().code(), &store, export.as_bytes(), &today) {
                Ok(promise) => settle(&promise, move |made| match pack_made(&made) {
                    Some((blob, without)) => {
                        // What it was made without, said where the bar was.
                        root.set_text_content(Some(&without.join(" ")));
                        download_report_part(&a, "audit-pack", "zip", &blob);
                    }
                    None => say(&root, &reason(&made)),
                }),
                Err(e) => say(&root, &reason(&e)),
            };
        }
        match reports.files(kind, export.as_bytes(), &today) {
            Ok(files) => {
                root.set_text_content(None);
                for file in files.to_vec().chunks(3) {
                    if let [what, extension, bytes] = file {
                        let (what, extension) = (
                            what.as_string().unwrap_or_default(),
                            extension.as_string().unwrap_or_default(),
                        );
                        download_report_part(&a, &what, &extension, bytes);
                    }
                }
            }
            Err(e) => say(&root, &reason(&e)),
        }
    });
    load(root, &["aims-reports"], ready);
}

/// Draws the comparison of the open assessment `mine` with `other` in `root`, through
/// the reports module; `original` (this assessment before any choice) when `other` is a
/// colleague's file, so each difference gets its merge button. The screen answers the
/// buttons (`pages::compare`).
pub fn show_comparison(
    root: &NodeRef,
    mine: &Assessment,
    other: &Assessment,
    original: Option<&Assessment>,
) {
    let c = catalog();
    let labels = labels();
    let exports = [Some(mine), Some(other), original]
        .map(|a| a.map(|a| crate::engine::export(c, a)).unwrap_or_default());
    let label = |a: &Assessment| {
        format!(
            "{} · {}",
            a.name,
            crate::ui::services::clock::local_label(&a.updated)
        )
    };
    let (mine_label, other_label) = (label(mine), label(other));
    let ready: Ready = Box::new(move |modules, root| {
        let [mine, other, original] = &exports;
        match first(&modules).unchecked_into::<Reports>().compare(
            active().code(),
            labels,
            mine.as_bytes(),
            other.as_bytes(),
            original.as_bytes(),
            &mine_label,
            &other_label,
        ) {
            Ok(markup) => root.set_inner_html(&markup),
            Err(e) => say(&root, &reason(&e)),
        }
    });
    load(root, &["aims-reports"], ready);
}

/// The catalog's labels in the screen's language, as the reports module's screens take
/// them ([`crate::engine::Catalog::labels`]).
fn labels() -> Vec<String> {
    catalog().labels()
}

/// Draws the crosswalks of `a` for `framework` and `reference` (as chosen on the screen,
/// `pages::crosswalks`) in `root`, through the reports module.
pub fn show_crosswalks(root: &NodeRef, a: &Assessment, framework: String, reference: String) {
    let (labels, export) = (labels(), crate::engine::export(catalog(), a));
    let ready: Ready = Box::new(move |modules, root| {
        match first(&modules).unchecked_into::<Reports>().crosswalks(
            active().code(),
            labels,
            export.as_bytes(),
            &framework,
            &reference,
        ) {
            Ok(markup) => root.set_inner_html(&markup),
            Err(e) => say(&root, &reason(&e)),
        }
    });
    load(root, &["aims-reports"], ready);
}

/// Draws the guide's page `page` in `root` through the reports module, from the guide's
/// file `guide` in the active language, with `a`'s figures and links when one is open;
/// then brings the element with id `aims-g-<anchor>` into view and focuses it. `missing`
/// runs for a page the guide does not have.
pub fn show_guide(
    root: &NodeRef,
    guide: std::rc::Rc<Vec<u8>>,
    page: String,
    a: Option<&Assessment>,
    anchor: Option<String>,
    missing: yew::Callback<()>,
) {
    let export = a
        .map(|a| crate::engine::export(catalog(), a))
        .unwrap_or_default();
    let labels = labels();
    let ready: Ready = Box::new(move |modules, root| {
        match first(&modules).unchecked_into::<Reports>().guide(
            active().code(),
            labels,
            &guide,
            &page,
            export.as_bytes(),
        ) {
            Ok(markup) if markup.is_empty() => missing.emit(()),
            Ok(markup) => {
                root.set_inner_html(&markup);
                let target = anchor.and_then(|a| {
                    root.query_selector(&format!("[id=\"aims-g-{a}\"]"))
                        .ok()
                        .flatten()
                });
                if let Some(el) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
                    el.scroll_into_view();
                    let _ = el.focus();
                }
            }
            Err(e) => say(&root, &reason(&e)),
        }
    });
    load(root, &["aims-reports"], ready);
}

/// One step of the register screen `screen` of `a` in `root` (its form read from there)
/// through the reports module: what `action` did to `target` (`""` to show it). The
/// module's markup replaces the place's; changed registers (checked there) go to `act`
/// as an edit.
pub fn show_registers(
    root: &NodeRef,
    prefix: &str,
    a: &Assessment,
    screen: &'static str,
    step: (String, String),
    act: yew::Callback<crate::ui::state::Action>,
) {
    // Compact: written straight from the types, without the tree the pretty form is
    // made from (with 2,500 register records, a fifth of a step's time).
    let export = crate::engine::export_compact(catalog(), a);
    let today = today().to_string();
    let store = records_store(prefix);
    let ready: Ready = Box::new(move |modules, root| {
        let (action, target) = step;
        let reports = first(&modules).unchecked_into::<Reports>();
        let result = reports.registers(
            &root,
            active().code(),
            export.as_bytes(),
            &today,
            screen,
            &action,
            &target,
        );
        let (markup, changed) = match result {
            Ok(parts) => (parts.get(0).as_string(), parts.get(1).as_string()),
            Err(e) => return say(&root, &reason(&e)),
        };
        root.set_inner_html(&markup.unwrap_or_default());
        if screen == "evidence" {
            // The browser's figures on space, and files no assessment keeps any more
            // removed (once a visit).
            reports.space(&root, active().code(), &store);
            let _ = reports.sweep(&store);
        }
        let kept = changed
            .filter(|text| !text.is_empty())
            .and_then(|text| crate::engine::import_keeping(catalog(), text.as_bytes()).ok());
        if let Some(imported) = kept {
            let edit = crate::engine::Edit::Registers(Box::new(imported.assessment.registers));
            act.emit(crate::ui::state::Action::Edit(edit));
        }
    });
    load(root, &["aims-reports"], ready);
}

/// What a register screen does next: an action and its target (`pages::registers`).
type Step = Box<dyn FnOnce(String, String)>;

/// Keeps `file` in the browser for the evidence record `id` (the records of `prefix`),
/// through the reports module; then `step` records it (`file`), or says why it could
/// not be kept (`file_refused`).
pub fn keep_evidence_file(
    root: &NodeRef,
    prefix: &str,
    id: String,
    file: web_sys::File,
    step: Step,
) {
    let store = records_store(prefix);
    let ready: Ready = Box::new(move |modules, _| {
        let name = file.name();
        let promise = first(&modules)
            .unchecked_into::<Reports>()
            .keep_file(&store, &file);
        settle(&promise, move |kept| {
            let answer = match kept.dyn_into::<js_sys::Array>() {
                Ok(kept) => ("file", kept),
                Err(why) => (
                    "file_refused",
                    js_sys::Array::of2(&name.into(), &reason(&why).into()),
                ),
            };
            answer.1.unshift(&id.into());
            let target = js_sys::JSON::stringify(&answer.1)
                .map(String::from)
                .unwrap_or_default();
            step(answer.0.into(), target);
        });
    });
    load(root, &["aims-reports"], ready);
}

/// Downloads the file `sha` kept for the evidence record `id` as `name`; where this
/// browser does not have it, `step` says so (`file_refused`).
pub fn open_evidence_file(
    root: &NodeRef,
    prefix: &str,
    id: String,
    sha: String,
    name: String,
    step: Step,
) {
    let store = records_store(prefix);
    let ready: Ready = Box::new(move |modules, _| {
        let promise = first(&modules)
            .unchecked_into::<Reports>()
            .open_file(&store, &sha, &name);
        settle(&promise, move |opened| {
            if opened != JsValue::TRUE {
                let target = js_sys::Array::of3(&id.into(), &name.into(), &"missing".into());
                step(
                    "file_refused".into(),
                    js_sys::JSON::stringify(&target)
                        .map(String::from)
                        .unwrap_or_default(),
                );
            }
        });
    });
    load(root, &["aims-reports"], ready);
}
