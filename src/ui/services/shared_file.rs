//! Keeping an assessment in a file the person chooses (the File System Access API of
//! Chromium-based browsers), for example in a folder a team syncs: writing the open
//! assessment into it after each change, and noticing when a colleague's save changed
//! it. What to merge and what to write is the reducer's (`state::SharedFile`); this
//! module only moves text between the file and the app. Nothing goes anywhere but the
//! chosen file.
//!
//! The file's handle lives in this tab's memory: after a reload the person opens the
//! file again (the browser would ask for permission again anyway).

use crate::engine::{export, Assessment, ImportError, Imported};
use crate::ui::services::files::read_and_import;
use crate::ui::services::i18n::catalog;
use crate::ui::services::promise::settle;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

#[wasm_bindgen]
extern "C" {
    /// A `FileSystemFileHandle`. Declared here: web-sys has it only behind an unstable
    /// configuration flag.
    #[derive(Clone)]
    type FileHandle;
    #[wasm_bindgen(method, getter)]
    fn name(this: &FileHandle) -> String;
    #[wasm_bindgen(method, js_name = getFile)]
    fn get_file(this: &FileHandle) -> js_sys::Promise;
    #[wasm_bindgen(method, js_name = createWritable)]
    fn create_writable(this: &FileHandle) -> js_sys::Promise;

    /// A `FileSystemWritableFileStream`.
    type Writable;
    #[wasm_bindgen(method)]
    fn write(this: &Writable, text: &str) -> js_sys::Promise;
    #[wasm_bindgen(method)]
    fn close(this: &Writable) -> js_sys::Promise;

    #[wasm_bindgen(catch, js_name = showSaveFilePicker)]
    fn show_save_file_picker(options: &JsValue) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(catch, js_name = showOpenFilePicker)]
    fn show_open_file_picker(options: &JsValue) -> Result<js_sys::Promise, JsValue>;
}

/// The file this tab keeps an assessment in.
struct Link {
    handle: FileHandle,
    /// The file's modification time when this tab last read it (`None`: just chosen to
    /// be written).
    modified: Option<f64>,
    /// A read or write is under way.
    busy: bool,
}

thread_local! {
    static LINK: RefCell<Option<Link>> = const { RefCell::new(None) };
}

/// Whether this browser can keep an assessment in a file the person chooses.
pub fn supported() -> bool {
    web_sys::window().is_some_and(|w| {
        js_sys::Reflect::has(&w, &"showSaveFilePicker".into()) == Ok(true)
            && js_sys::Reflect::has(&w, &"showOpenFilePicker".into()) == Ok(true)
    })
}

/// Picker options: JSON files, and the name to suggest.
fn picker_options(suggested: Option<&str>) -> JsValue {
    let set = |o: &js_sys::Object, k: &str, v: &JsValue| {
        let _ = js_sys::Reflect::set(o, &k.into(), v);
    };
    let accept = js_sys::Object::new();
    set(
        &accept,
        "application/json",
        &js_sys::Array::of1(&".json".into()),
    );
    let kind = js_sys::Object::new();
    set(&kind, "description", &"AIMS Readiness assessment".into());
    set(&kind, "accept", &accept);
    let options = js_sys::Object::new();
    set(&options, "types", &js_sys::Array::of1(&kind));
    if let Some(name) = suggested {
        set(&options, "suggestedName", &name.into());
    }
    options.into()
}

/// What the browser said when something failed, for the person.
fn reason(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .unwrap_or_default()
}

/// Whether `error` is the person closing the picker (nothing to report).
fn cancelled(error: &JsValue) -> bool {
    error
        .dyn_ref::<js_sys::Error>()
        .is_some_and(|e| e.name() == "AbortError")
}

/// Writes `text` into `handle`; `done` gets why not, if it failed. The stream queues
/// the write, and closing it waits for the write (and fails if the write did).
fn write(handle: &FileHandle, text: String, done: impl FnOnce(Result<(), String>) + 'static) {
    settle(&handle.create_writable(), move |writable| {
        if writable.is_instance_of::<js_sys::Error>() {
            return done(Err(reason(&writable)));
        }
        let writable: Writable = writable.unchecked_into();
        let _ = writable.write(&text);
        settle(&writable.close(), move |closed| {
            done(match closed.is_instance_of::<js_sys::Error>() {
                true => Err(reason(&closed)),
                false => Ok(()),
            })
        })
    });
}

/// Asks for a file to keep the open assessment in. `done` gets the file's name (the
/// next [`sync`] round writes the assessment into it), or why not (`None` when the
/// person closed the picker).
pub fn keep(suggested: String, done: impl FnOnce(Result<String, Option<String>>) + 'static) {
    let promise = match show_save_file_picker(&picker_options(Some(&suggested))) {
        Ok(p) => p,
        Err(e) => return done(Err(Some(reason(&e)))),
    };
    settle(&promise, move |handle| {
        if handle.is_instance_of::<js_sys::Error>() || handle.is_undefined() {
            return done(Err((!cancelled(&handle)).then(|| reason(&handle))));
        }
        let handle: FileHandle = handle.unchecked_into();
        let name = handle.name();
        // No time known: the first round writes without reading what the picked file
        // held (the person chose to replace it).
        link(handle, None);
        done(Ok(name))
    });
}

fn link(handle: FileHandle, modified: Option<f64>) {
    LINK.with(|l| {
        *l.borrow_mut() = Some(Link {
            handle,
            modified,
            busy: false,
        })
    });
}

/// Asks for a shared file to open and reads it; `done` gets its name and what the
/// import made of it (the person closing the picker calls nothing).
pub fn open(done: impl FnOnce(String, Result<Imported, Vec<ImportError>>) + 'static) {
    let promise = match show_open_file_picker(&picker_options(None)) {
        Ok(p) => p,
        Err(_) => return done(String::new(), Err(vec![unreadable()])),
    };
    settle(&promise, move |handles| {
        let Some(handle) = js_sys::Array::is_array(&handles)
            .then(|| js_sys::Array::from(&handles).get(0))
            .filter(|h| !h.is_undefined())
        else {
            if !cancelled(&handles) {
                done(String::new(), Err(vec![unreadable()]));
            }
            return;
        };
        let handle: FileHandle = handle.unchecked_into();
        let kept = handle.clone();
        settle(&handle.get_file(), move |file| {
            let Some(file) = file.dyn_ref::<web_sys::File>().cloned() else {
                return done(kept.name(), Err(vec![unreadable()]));
            };
            let modified = file.last_modified();
            read_and_import(file, move |name, read| {
                let result = read.into_result();
                if result.is_ok() {
                    link(kept, Some(modified));
                }
                done(name, result)
            });
        });
    });
}

fn unreadable() -> ImportError {
    ImportError {
        path: String::new(),
        problem: crate::engine::format::import::Problem::Unreadable,
    }
}

/// Forgets the file (the assessment is no longer kept in it).
pub fn forget() {
    LINK.with(|l| *l.borrow_mut() = None);
}

/// One round of keeping the file and the open assessment in step: when the file changed
/// since this tab last read it, `changed` gets what it holds now (the reducer merges it;
/// what this tab wrote itself comes back unchanged and is let be); otherwise `to_write`,
/// if any, is written and `written` is told. Does nothing while a round is under way.
pub fn sync(
    to_write: Option<Rc<Assessment>>,
    changed: impl FnOnce(Result<Imported, Vec<ImportError>>) + 'static,
    written: impl FnOnce(Result<Rc<Assessment>, String>) + 'static,
) {
    let Some((handle, known)) = LINK.with(|l| {
        let mut link = l.borrow_mut();
        let link = link.as_mut().filter(|link| !link.busy)?;
        link.busy = true;
        Some((link.handle.clone(), link.modified))
    }) else {
        return;
    };
    let finish = |modified: Option<f64>| {
        LINK.with(|l| {
            if let Some(link) = l.borrow_mut().as_mut() {
                link.busy = false;
                link.modified = modified.or(link.modified);
            }
        })
    };
    let writer = handle.clone();
    let write_now = move |a: Rc<Assessment>| {
        write(&writer, export(catalog(), &a), move |result| {
            // The next round reads the file once: what this tab wrote comes back and
            // is let be, and it learns the file's time.
            finish(Some(f64::NAN));
            written(result.map(|()| a))
        })
    };
    let Some(known) = known else {
        return match to_write {
            Some(a) => write_now(a),
            None => finish(None),
        };
    };
    settle(&handle.get_file(), move |file| {
        let Some(file) = file.dyn_ref::<web_sys::File>().cloned() else {
            finish(None);
            return changed(Err(vec![unreadable()]));
        };
        let modified = file.last_modified();
        if modified != known {
            // A colleague's save, a sync client's copy of it, or this tab's own last
            // write: read it first, so nothing of theirs is written over.
            return read_and_import(file, move |_, read| {
                finish(Some(modified));
                changed(read.into_result())
            });
        }
        match to_write {
            Some(a) => write_now(a),
            None => finish(None),
        }
    });
}
