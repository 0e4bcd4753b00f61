//! Routes, the not-found screen, deep links to an item, and the promise that answering
//! one item re-renders no other item's card (with all 70 on screen).

use crate::render::{history_at, mount_app_with};
use aims_readiness::config::Config;
use aims_readiness::engine::Catalog;
use aims_readiness::state::Repository;
use aims_readiness::ui::app::AppProps;
use aims_readiness::ui::components::item_card::renders;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::wasm_bindgen_test;

/// Mounts the app in namespace `ns` (emptied first, with one saved assessment `a1`) at
/// `path`.
async fn mount_at(ns: &str, path: &str) -> web_sys::Element {
    let store = crate::storage::fresh(ns);
    store
        .save(Catalog::builtin(), &crate::storage::sample("a1", "Routed"))
        .expect("saved");
    let root = mount_app_with(AppProps {
        config: Rc::new(Config {
            namespace: ns.into(),
            ..Config::default()
        }),
        history: Some(history_at(path)),
        ..AppProps::default()
    });
    // The gate opens the assessment in an effect, then renders the screen.
    for _ in 0..3 {
        yew::scheduler::flush().await;
    }
    root
}

fn text(root: &web_sys::Element, selector: &str) -> String {
    root.query_selector(selector)
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn each_screen_has_its_address() {
    let root = mount_at("t-routes", "/a/a1/results").await;
    assert_eq!(text(&root, "h1"), "Results");
    let root = mount_at("t-routes", "/a/a1/documents").await;
    assert_eq!(text(&root, "h1"), "Mandatory documents");
    let root = mount_at("t-routes", "/a/a1/assess").await;
    assert_eq!(text(&root, "h1"), "Assess");
}

/// Mounts the app at `/quick` on a host element; with `take`, the host's loader takes
/// the hand-over (as `aims-readiness-element.js` does). Returns the app's root and
/// whether the hand-over was asked for.
async fn quick_route_on_host(take: bool) -> (web_sys::Element, bool) {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let host = document.create_element("div").expect("a div");
    let asked = Rc::new(std::cell::Cell::new(false));
    let seen = asked.clone();
    let listener =
        wasm_bindgen::closure::Closure::<dyn Fn(web_sys::Event)>::new(move |e: web_sys::Event| {
            seen.set(true);
            if take {
                e.prevent_default();
            }
        });
    host.add_event_listener_with_callback("aims:quick", listener.as_ref().unchecked_ref())
        .expect("listening");
    listener.forget();
    let root = mount_app_with(AppProps {
        config: Rc::new(Config {
            namespace: "t-quick-route".into(),
            ..Config::default()
        }),
        history: Some(history_at("/quick")),
        host: Some(host),
    });
    for _ in 0..3 {
        yew::scheduler::flush().await;
    }
    (root, asked.get())
}

#[wasm_bindgen_test]
async fn the_quick_check_route_hands_over_to_the_quick_build() {
    let (root, asked) = quick_route_on_host(true).await;
    assert!(asked, "the loader is asked for the quick build");
    assert!(text(&root, "main").contains("Opening the quick check"));
    // Without a loader that takes it (the full app's own mount()), a link to the quick
    // check's own page.
    let (root, asked) = quick_route_on_host(false).await;
    assert!(asked);
    let link = root
        .query_selector("a[href='quick.html'][target=_blank]")
        .ok()
        .flatten()
        .expect("a link to the quick check's page");
    assert!(link.text_content().unwrap_or_default().contains("new tab"));
}

#[wasm_bindgen_test]
async fn unknown_addresses_say_what_is_missing_and_offer_a_way_home() {
    let root = mount_at("t-missing-routes", "/a/nobody/results").await;
    assert_eq!(text(&root, "h1"), "Not found");
    assert!(text(&root, ".aims-lead").contains("“nobody”"));
    assert!(root.query_selector("a[href='/']").ok().flatten().is_some());
    let root = mount_at("t-missing-routes", "/a/a1/assess/A.2.9").await;
    assert_eq!(text(&root, "h1"), "Not found");
    assert!(text(&root, ".aims-lead").contains("“A.2.9”"));
    let root = mount_at("t-missing-routes", "/somewhere/else").await;
    assert_eq!(text(&root, "h1"), "Not found");
}

#[wasm_bindgen_test]
async fn a_deep_link_shows_and_focuses_its_item() {
    let root = mount_at("t-deep", "/a/a1/assess/A.6.2.4").await;
    let focused = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .and_then(|e| e.closest(".aims-item").ok().flatten())
        .and_then(|card| card.get_attribute("data-item"));
    assert_eq!(focused.as_deref(), Some("A.6.2.4"));
    assert!(
        text(&root, "h2.aims-h2").starts_with("A.6.2"),
        "its group is listed"
    );
}

#[wasm_bindgen_test]
async fn answering_one_item_re_renders_no_other_card() {
    let c = Catalog::builtin();
    let root = mount_at("t-renders", "/a/a1/assess").await;
    let everything: web_sys::HtmlElement = root
        .query_selector(".aims-chip")
        .ok()
        .flatten()
        .expect("the first chip is Everything")
        .unchecked_into();
    everything.click();
    yew::scheduler::flush().await;
    let cards = root
        .query_selector_all(".aims-item")
        .map(|l| l.length())
        .unwrap_or(0);
    assert_eq!(cards, 70, "all items on screen");
    let before: Vec<u32> = c.item_ids().map(renders).collect();
    let chosen = c.find_item("8.2").expect("8.2");
    let radio: web_sys::HtmlElement = root
        .query_selector("[data-item='8.2'] input[type=radio][value='4']")
        .ok()
        .flatten()
        .expect("8.2's level 4")
        .unchecked_into();
    radio.click();
    yew::scheduler::flush().await;
    let after: Vec<u32> = c.item_ids().map(renders).collect();
    for (i, (b, a)) in c.item_ids().zip(before.iter().zip(&after)) {
        if i == chosen {
            assert!(a > b, "the answered card re-renders");
        } else {
            assert_eq!(a, b, "{} re-rendered", c.item(i).id);
        }
    }
    assert!(text(&root, ".aims-progress-text").starts_with("2 of 70"));
}
