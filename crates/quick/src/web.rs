//! The quick check in a browser: reads the options, the saved answers and the language,
//! renders [`crate::view`] into the page or a shadow root, and handles the visitor's
//! choices with three delegated listeners (change, submit, click). Everything kept goes
//! to the same storage keys as the full app's, so "Continue with the full assessment"
//! carries the answers over.

use crate::view::{self, Act, State};
use aims_engine::reports::quick_summary::{summary, QuickSummary};
use aims_engine::rules::quick::{QuickAnswer, QuickAnswers};
use aims_engine::text::lang::Lang;
use aims_engine::Percent;
use aims_options::{storage_prefix, Config, EmbedPolicy, ShareTarget, EMBED_POLICY_FILE};
use js_sys::{Array, Object, Reflect};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The stylesheet's file beside the build (written by `examples/quick_page.rs`): the
/// full app's stylesheet, minified. `quick.html` carries it inline; every other place
/// fetches it, so the wasm does not carry it a second time.
const STYLES_FILE: &str = "aims-quick.css";

use aims_web::settle;

/// Where the widget lives.
enum Place {
    /// The app's own page (`quick.html`, or `index.html?mode=quick`, also in an iframe):
    /// "Continue" and the guide open the full app at this address.
    Page,
    /// A shadow root on a host page: "Continue" and the guide ask the loader
    /// (`aims-readiness-element.js`) to put the full app in its place.
    Host(web_sys::Element),
}

/// An event listener on the widget's root: the event's name and the handler.
type Listener = (&'static str, Closure<dyn FnMut(web_sys::Event)>);

struct Widget {
    state: RefCell<State>,
    root: web_sys::Element,
    place: Place,
    storage: Option<web_sys::Storage>,
    prefix: String,
    listeners: RefCell<Vec<Listener>>,
}

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// Fetches the stylesheet from `href` (`None`: the page has it already) and hands it to
/// `then`, which renders: nothing shows unstyled. If it cannot be had, the widget
/// renders unstyled rather than not at all.
fn with_styles(href: Option<&str>, then: impl FnOnce(Option<web_sys::CssStyleSheet>) + 'static) {
    let (Some(href), Some(window)) = (href, window()) else {
        return then(None);
    };
    settle(&window.fetch_with_str(href), move |outcome| {
        let text = outcome
            .dyn_ref::<web_sys::Response>()
            .filter(|r| r.ok())
            .and_then(|r| r.text().ok());
        let Some(text) = text else { return then(None) };
        settle(&text, move |css| {
            let sheet = css.as_string().and_then(|css| {
                let sheet = web_sys::CssStyleSheet::new().ok()?;
                sheet.replace_sync(&css).ok()?;
                Some(sheet)
            });
            then(sheet)
        })
    });
}

/// The first question's answer chosen in `quick.html`'s pre-rendered first screen
/// before this build arrived, if any: it is kept, not lost.
fn chosen_before_start(root: &web_sys::Element) -> Option<QuickAnswer> {
    let input = root.query_selector("input:checked").ok()??;
    QuickAnswer::parse(&input.dyn_into::<web_sys::HtmlInputElement>().ok()?.value())
}

/// Starts the quick check on its own page: options from the address, rendered into the
/// page's `[data-aims-app]` element.
#[wasm_bindgen]
pub fn start() -> Result<(), JsValue> {
    let window = window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let root = document
        .query_selector("[data-aims-app]")?
        .ok_or("no [data-aims-app] element")?;
    let params = web_sys::UrlSearchParams::new_with_str(&window.location().search()?)?;
    let mut pairs = Vec::new();
    for entry in js_sys::try_iter(&params)?.into_iter().flatten().flatten() {
        let entry: Array = entry.unchecked_into();
        if let (Some(k), Some(v)) = (entry.get(0).as_string(), entry.get(1).as_string()) {
            pairs.push((k, v));
        }
    }
    let framed = window.parent().ok().flatten().is_some_and(|p| p != window);
    let config = Config::from_options(&pairs, framed, framed);
    // quick.html has the stylesheet inline (and its first screen pre-rendered);
    // `index.html?mode=quick` fetches it.
    let styles = match document.query_selector("style[data-aims-styles]")? {
        Some(_) => None,
        None => Some(STYLES_FILE),
    };
    let carried = chosen_before_start(&root);
    if !on_quick_html() {
        name_the_quick_check_in_the_address(&window);
    }
    let open = move |config: Config| {
        with_styles(styles, move |sheet| {
            if let Some(sheet) = sheet {
                document.set_adopted_style_sheets(&Array::of1(&sheet));
            }
            // The page's widget lives as long as the page.
            std::mem::forget(begin(root, Place::Page, config, carried));
        })
    };
    match config.share.clone() {
        ShareTarget::ParentOrigin(origin) => {
            let request = window.fetch_with_str(EMBED_POLICY_FILE);
            settle(&request, move |outcome| {
                policy_of(outcome, move |policy| {
                    let mut config = config;
                    if !policy.allows(&origin) {
                        config.share = ShareTarget::None;
                    }
                    open(config)
                })
            });
        }
        _ => open(config),
    }
    Ok(())
}

/// The deployer's policy file as fetched (a `Response` or a failure), read with the
/// browser's JSON parser.
fn policy_of(outcome: JsValue, done: impl FnOnce(EmbedPolicy) + 'static) {
    let Some(response) = outcome.dyn_ref::<web_sys::Response>() else {
        return done(EmbedPolicy::Unreadable);
    };
    if response.status() == 404 {
        return done(EmbedPolicy::Absent);
    }
    match response.text() {
        Ok(text) if response.ok() => settle(&text, move |text| {
            let list = text
                .as_string()
                .and_then(|t| js_sys::JSON::parse(&t).ok())
                .and_then(|v| Reflect::get(&v, &"share_origins".into()).ok())
                .filter(Array::is_array)
                .map(|v| {
                    Array::from(&v)
                        .iter()
                        .filter_map(|o| o.as_string())
                        .collect()
                });
            done(list.map_or(EmbedPolicy::Unreadable, EmbedPolicy::Origins))
        }),
        _ => done(EmbedPolicy::Unreadable),
    }
}

/// A mounted quick check, returned by [`mount`].
#[wasm_bindgen]
pub struct QuickWidget {
    /// The widget, once its stylesheet has arrived.
    widget: Rc<RefCell<Option<Rc<Widget>>>>,
    root: web_sys::Element,
    shadow: web_sys::ShadowRoot,
}

#[wasm_bindgen]
impl QuickWidget {
    /// Removes the widget: its listeners, its markup and its stylesheet. Saved answers
    /// stay in storage. Calling it twice does nothing more.
    pub fn destroy(&mut self) {
        if let Some(widget) = self.widget.borrow_mut().take() {
            for (kind, listener) in widget.listeners.borrow_mut().drain(..) {
                let _ = widget
                    .root
                    .remove_event_listener_with_callback(kind, listener.as_ref().unchecked_ref());
            }
        }
        // A root no longer in the page also stops a start still waiting for the styles.
        self.root.remove();
        self.shadow.set_adopted_style_sheets(&Array::new());
    }
}

/// Mounts the quick check into `element` of a host page, in its shadow root. `options`
/// as for the full app's `mount()`; the element's `data-` attributes are read too (the
/// object wins). "Continue" and the guide dispatch `aims:continue` on the element, with
/// the full app's route in `detail.route`, for the loader to put the full app in place.
#[wasm_bindgen]
pub fn mount(element: web_sys::Element, options: JsValue) -> Result<QuickWidget, JsValue> {
    let pairs = aims_web::mount_options(&element, &options);
    let config = Config::from_options(&pairs, true, false);
    let shadow = match element.shadow_root() {
        Some(existing) => existing,
        None => {
            element.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))?
        }
    };
    let document = window().and_then(|w| w.document()).ok_or("no document")?;
    let root = document.create_element("div")?;
    shadow.append_child(&root)?;
    // The loader passes the folder it was served from as `assets`.
    let href = format!("{}{STYLES_FILE}", config.assets.as_deref().unwrap_or(""));
    let slot = Rc::new(RefCell::new(None));
    let (filled, started_root, started_shadow) = (slot.clone(), root.clone(), shadow.clone());
    with_styles(Some(&href), move |sheet| {
        if !started_root.is_connected() {
            return; // destroyed meanwhile
        }
        if let Some(sheet) = sheet {
            started_shadow.set_adopted_style_sheets(&Array::of1(&sheet));
        }
        *filled.borrow_mut() = Some(begin(started_root, Place::Host(element), config, None));
    });
    Ok(QuickWidget {
        widget: slot,
        root,
        shadow,
    })
}

/// Reads what was kept, adds `carried` (an answer to the first question given before
/// the build arrived), renders the first screen and starts listening.
fn begin(
    root: web_sys::Element,
    place: Place,
    config: Config,
    carried: Option<QuickAnswer>,
) -> Rc<Widget> {
    let storage = window().and_then(|w| w.local_storage().ok().flatten());
    let prefix = storage_prefix(&config.namespace);
    let read = |key: &str| {
        storage
            .as_ref()?
            .get_item(&format!("{prefix}{key}"))
            .ok()
            .flatten()
    };
    let answers = read("quick")
        .and_then(|text| js_sys::JSON::parse(&text).ok())
        .and_then(|record| Reflect::get(&record, &"answers".into()).ok())
        .filter(JsValue::is_object)
        .map(|answers| {
            let pairs: Vec<(String, String)> = Object::entries(answers.unchecked_ref())
                .iter()
                .filter_map(|entry| {
                    let entry: Array = entry.unchecked_into();
                    Some((entry.get(0).as_string()?, entry.get(1).as_string()?))
                })
                .collect();
            QuickAnswers::from_pairs(pairs.iter().map(|(q, a)| (q.as_str(), a.as_str())))
        })
        .unwrap_or_default();
    let mut answers = answers;
    let first = aims_engine::model::quick_facts::quick_ids().next();
    let carried = carried.filter(|_| first.is_some_and(|q| answers.get(q).is_none()));
    if let (Some(q), Some(answer)) = (first, carried) {
        answers.set(q, Some(answer));
        if let Some(storage) = &storage {
            let _ = storage.set_item(&format!("{prefix}quick"), &answers.record());
        }
    }
    let lang = preferred(config.lang, read("lang"));
    let mut state = State::new(config, answers, lang);
    if carried.is_some() {
        // Chosen, not yet confirmed with "Next": the first question stays on screen.
        state.step = 0;
    }
    let widget = Rc::new(Widget {
        state: RefCell::new(state),
        root,
        place,
        storage,
        prefix,
        listeners: RefCell::new(Vec::new()),
    });
    for kind in ["change", "submit", "click"] {
        let weak = Rc::downgrade(&widget);
        let listener = Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            if let Some(widget) = weak.upgrade() {
                widget.handle(&event);
            }
        });
        let _ = widget
            .root
            .add_event_listener_with_callback(kind, listener.as_ref().unchecked_ref());
        widget.listeners.borrow_mut().push((kind, listener));
    }
    widget.render();
    // Focus goes to the question (or the option already chosen) after the first frame:
    // focusing forces the page's first style and layout at once, which would hold the
    // first paint back (about 50 ms measured). The service worker is registered then
    // too, on the app's own page.
    let (weak, own_page) = (Rc::downgrade(&widget), matches!(widget.place, Place::Page));
    let focus = carried.map_or("h1".to_owned(), |a| {
        format!("input[value=\"{}\"]", a.as_str())
    });
    let after_first_frame = Closure::once_into_js(move || {
        if let Some(widget) = weak.upgrade() {
            widget.focus(&focus);
        }
        if own_page {
            register_service_worker();
            if !on_quick_html() {
                reload_on_hash_change();
            }
        }
    });
    if let Some(w) = window() {
        let _ = w.request_animation_frame(after_first_frame.unchecked_ref());
    }
    widget
}

/// Registers the app's service worker, which keeps this page for offline use too
/// (scope: its folder). Where there is none (a page opened from disk, an old browser),
/// or it is refused, the check goes on without it.
fn register_service_worker() {
    let Some(navigator) = window().map(|w| w.navigator()) else {
        return;
    };
    if Reflect::has(&navigator, &"serviceWorker".into()) != Ok(true) {
        return;
    }
    settle(&navigator.service_worker().register("sw.js"), |_| {});
}

/// On a page that loads either build, `?mode=quick` with no screen in the address
/// becomes `#/quick` (replaced, not pushed): coming back to this entry later (back from
/// the full app) then loads the quick check again, whichever build is running.
fn name_the_quick_check_in_the_address(window: &web_sys::Window) {
    let hash = window.location().hash().unwrap_or_default();
    if matches!(hash.as_str(), "" | "#") {
        if let Ok(history) = window.history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some("#/quick"));
        }
    }
}

/// Whether this is the quick check's own page, `quick.html`, rather than a page that
/// loads either build (index.html, the offline copy).
fn on_quick_html() -> bool {
    window()
        .and_then(|w| w.location().pathname().ok())
        .is_some_and(|path| path.ends_with("quick.html"))
}

/// On a page that loads either build, the address moving to another screen (back,
/// forward, "Continue", the guide's link) starts the build for that screen: the page
/// loads again and its loader picks.
fn reload_on_hash_change() {
    let Some(window) = window() else { return };
    let reload = Closure::<dyn Fn()>::new(|| {
        if let Some(location) = web_sys::window().map(|w| w.location()) {
            let _ = location.reload();
        }
    });
    let _ = window.add_event_listener_with_callback("hashchange", reload.as_ref().unchecked_ref());
    // Lives as long as the page.
    reload.forget();
}

/// The language to start in ([`Lang::preferred`], the full app's rule; a choice made
/// in either build is kept under the same key), with the browser's preferred languages.
fn preferred(fixed: Option<Lang>, saved: Option<String>) -> Lang {
    Lang::preferred(fixed, saved.as_deref(), &aims_web::browser_languages())
}

/// A percentage as the visitor's language writes numbers (`53.3`, `53,3`).
fn format_percent(lang: Lang, p: Percent) -> String {
    let options = Object::new();
    let _ = Reflect::set(&options, &"maximumFractionDigits".into(), &JsValue::from(1));
    let format =
        js_sys::Intl::NumberFormat::new(&Array::of1(&lang.code().into()), &options).format();
    format
        .call1(&JsValue::NULL, &JsValue::from(p.value()))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| p.to_string())
}

/// The summary as a plain object for `postMessage` or an event's `detail`.
fn summary_object(s: &QuickSummary) -> JsValue {
    let set = |o: &Object, key: &str, value: JsValue| {
        let _ = Reflect::set(o, &key.into(), &value);
    };
    let o = Object::new();
    set(&o, "type", s.kind.into());
    set(&o, "version", s.version.into());
    set(&o, "band", s.band.into());
    set(&o, "percent", s.percent.into());
    set(&o, "low_confidence", s.low_confidence.into());
    let areas = Array::new();
    for area in &s.top_areas {
        let a = Object::new();
        set(&a, "id", area.id.into());
        set(&a, "topic", area.topic.into());
        set(
            &a,
            "items",
            area.items
                .iter()
                .map(|i| JsValue::from(*i))
                .collect::<Array>()
                .into(),
        );
        areas.push(&a);
    }
    set(&o, "top_areas", areas.into());
    o.into()
}

impl Widget {
    fn render(&self) {
        let state = self.state.borrow();
        let lang = state.lang;
        let html = view::render(
            &state,
            &|p| format_percent(lang, p),
            &self.full_app_href("/guide/about"),
        );
        self.root.set_inner_html(&html);
    }

    fn focus(&self, selector: &str) {
        if let Some(el) = self
            .root
            .query_selector(selector)
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = el.focus();
        }
    }

    fn keep(&self, key: &str, value: &str) {
        if let Some(storage) = &self.storage {
            // Storage refused (full, private mode): the visit goes on, nothing is lost on
            // screen; the answers are simply not kept.
            let _ = storage.set_item(&format!("{}{key}", self.prefix), value);
        }
    }

    /// The full app's address for `route` with the same options: beside `quick.html`,
    /// `index.html`; on a page that loads either build (index.html, the offline copy),
    /// the same page, whose loader starts the full app for any screen but the quick
    /// check's.
    fn full_app_href(&self, route: &str) -> String {
        let search = window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default();
        let page = if on_quick_html() { "index.html" } else { "" };
        format!("{page}{search}#{route}")
    }

    /// Opens the full app at `route` in this widget's place.
    fn open_full_app(&self, route: &str) {
        match &self.place {
            // A change of the hash alone reloads the page (see `reload_on_hash_change`).
            Place::Page => {
                if let Some(location) = window().map(|w| w.location()) {
                    let _ = location.assign(&self.full_app_href(route));
                }
            }
            Place::Host(host) => {
                let detail = Object::new();
                let _ = Reflect::set(&detail, &"route".into(), &route.into());
                let init = web_sys::CustomEventInit::new();
                init.set_detail(&detail);
                if let Ok(event) =
                    web_sys::CustomEvent::new_with_event_init_dict("aims:continue", &init)
                {
                    let _ = host.dispatch_event(&event);
                }
            }
        }
    }

    fn share(&self) {
        let state = self.state.borrow();
        let texts = aims_engine::text::quick::quick_texts(state.lang);
        let result = aims_engine::rules::quick::score_quick(&state.answers);
        let payload = summary_object(&summary(&result, |q| texts.question(q).topic));
        match (&state.config.share, &self.place) {
            (ShareTarget::DomEvent, Place::Host(host)) => {
                let init = web_sys::CustomEventInit::new();
                init.set_detail(&payload);
                init.set_bubbles(true);
                init.set_composed(true);
                if let Ok(event) =
                    web_sys::CustomEvent::new_with_event_init_dict("aims:share", &init)
                {
                    let _ = host.dispatch_event(&event);
                }
            }
            (ShareTarget::ParentOrigin(origin), _) => {
                if let Some(w) = window() {
                    if let Ok(Some(parent)) = w.parent() {
                        if parent != w {
                            let _ = parent.post_message(&payload, origin);
                        }
                    }
                }
            }
            _ => {}
        }
    }

    fn handle(&self, event: &web_sys::Event) {
        let Some(target) = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        match event.type_().as_str() {
            "change" => {
                let Some(answer) = target
                    .dyn_ref::<web_sys::HtmlInputElement>()
                    .and_then(|i| QuickAnswer::parse(&i.value()))
                else {
                    return;
                };
                let record = {
                    let mut state = self.state.borrow_mut();
                    let Some(q) = aims_engine::model::quick_facts::quick_ids().nth(state.step)
                    else {
                        return;
                    };
                    state.answers.set(q, Some(answer));
                    state.answers.record()
                };
                self.keep("quick", &record);
                self.render();
                // Arrow keys move through the options: focus stays on the chosen one.
                self.focus(&format!("input[value=\"{}\"]", answer.as_str()));
            }
            "submit" => {
                event.prevent_default();
                {
                    let mut state = self.state.borrow_mut();
                    let answered = aims_engine::model::quick_facts::quick_ids()
                        .nth(state.step)
                        .is_some_and(|q| state.answers.get(q).is_some());
                    if !answered {
                        return;
                    }
                    state.step += 1;
                }
                self.render();
                self.focus("h1");
            }
            _ => self.click(event, &target),
        }
    }

    fn click(&self, event: &web_sys::Event, target: &web_sys::Element) {
        if let Some(code) = target
            .closest("[data-lang]")
            .ok()
            .flatten()
            .and_then(|b| b.get_attribute("data-lang"))
        {
            let Some(lang) = Lang::parse(&code) else {
                return;
            };
            self.state.borrow_mut().lang = lang;
            self.keep("lang", lang.code());
            self.render();
            self.focus(&format!("#aims-lang-{}", lang.code()));
            return;
        }
        let Some(act) = target
            .closest("[data-act]")
            .ok()
            .flatten()
            .and_then(|el| el.get_attribute("data-act"))
            .and_then(|a| Act::parse(&a))
        else {
            return;
        };
        match act {
            Act::Back => {
                {
                    let mut state = self.state.borrow_mut();
                    state.step = state.step.saturating_sub(1);
                }
                self.render();
                self.focus("h1");
            }
            Act::Share => {
                self.share();
                self.state.borrow_mut().shared = true;
                self.render();
                self.focus("[data-act=share]");
            }
            Act::Restart => {
                {
                    let mut state = self.state.borrow_mut();
                    state.answers = QuickAnswers::new();
                    state.step = 0;
                    state.shared = false;
                }
                self.keep("quick", &QuickAnswers::new().record());
                self.render();
                self.focus("h1");
            }
            Act::Continue => self.open_full_app("/quick/continue"),
            Act::Guide => {
                // On its own page the link opens the guide as any link does.
                if let Place::Host(_) = self.place {
                    event.prevent_default();
                    self.open_full_app("/guide/about");
                }
            }
        }
    }
}
