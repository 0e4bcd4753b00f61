use aims_readiness::state::Repository;
use aims_readiness::ui::app::{App, AppProps};
use wasm_bindgen_test::wasm_bindgen_test;
use yew_router::history::{AnyHistory, MemoryHistory};

/// Mounts the app into a fresh element and returns that element.
pub fn mount_app() -> web_sys::Element {
    mount_app_with(AppProps::default())
}

/// An in-memory history starting at `path`, so tests never touch the test page's URL
/// (and several mounted apps do not follow each other's routes).
pub fn history_at(path: &str) -> AnyHistory {
    AnyHistory::from(MemoryHistory::with_entries([path.to_owned()]))
}

/// Mounts the app with these props into a fresh element and returns that element.
/// Without a history in the props it starts at `/` in memory.
pub fn mount_app_with(mut props: AppProps) -> web_sys::Element {
    if props.history.is_none() {
        props.history = Some(history_at("/"));
    }
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let root = document.create_element("div").expect("a div");
    document
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("appended");
    yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    root
}

#[wasm_bindgen_test]
async fn app_renders_the_product_name_and_home_screen() {
    let root = mount_app();
    yew::scheduler::flush().await;
    let text = |sel: &str| {
        root.query_selector(sel)
            .ok()
            .flatten()
            .and_then(|e| e.text_content())
    };
    assert_eq!(text(".aims-brand-name").as_deref(), Some("AIMS Readiness"));
    assert_eq!(text("h1").as_deref(), Some("Your assessments"));
}

#[wasm_bindgen_test]
fn accent_options_pick_readable_text_and_refuse_unsafe_values() {
    use aims_readiness::config::{
        is_hex_colour, is_origin, is_safe_link, text_on, Config, ShareTarget,
    };
    assert_eq!(text_on("#ffa94d"), "#11151d", "dark text on a light orange");
    assert_eq!(text_on("#fff"), "#11151d");
    assert_eq!(
        text_on("#3b5bdb"),
        "#ffffff",
        "white text on the default blue"
    );
    assert_eq!(text_on("#0b7285"), "#ffffff");
    assert!(
        is_hex_colour("#0b7285")
            && !is_hex_colour("red;background:url(x)")
            && !is_hex_colour("#12345")
    );
    assert!(is_safe_link("/contact") && is_safe_link("https://a.example/x"));
    assert!(
        !is_safe_link("javascript:alert(1)")
            && !is_safe_link("//evil.example")
            && !is_safe_link("data:text/html,x")
    );
    assert!(is_origin("https://portal.example.com") && is_origin("http://127.0.0.1:8080"));
    assert!(
        !is_origin("*")
            && !is_origin("https://portal.example.com/path")
            && !is_origin("portal.example.com")
    );
    let opts = |pairs: &[(&'static str, &str)], iframe: bool| {
        let owned: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_options(&owned, true, iframe)
    };
    assert_eq!(
        opts(&[("share-origin", "https://p.example")], true).share,
        ShareTarget::ParentOrigin("https://p.example".into())
    );
    assert_eq!(
        opts(&[("share-origin", "*")], true).share,
        ShareTarget::None,
        "never a wildcard"
    );
    assert_eq!(
        opts(&[("share-origin", "https://p.example")], false).share,
        ShareTarget::None,
        "inline cannot post to a parent"
    );
    assert_eq!(
        opts(&[("share", "event")], false).share,
        ShareTarget::DomEvent
    );
    assert_eq!(opts(&[("accent", "url(x)")], false).accent, None);

    use aims_readiness::config::embed_policy;
    let policy_allows = |text: Option<&str>, origin: &str| embed_policy(text).allows(origin);
    let policy = r#"{"share_origins": ["https://portal.acme.example"]}"#;
    assert!(
        policy_allows(None, "https://any.example"),
        "no policy file: as given"
    );
    assert!(policy_allows(Some(policy), "https://portal.acme.example"));
    assert!(
        !policy_allows(Some(policy), "https://evil.example"),
        "not listed"
    );
    assert!(!policy_allows(
        Some(policy),
        "https://portal.acme.example.evil.example"
    ));
    assert!(
        !policy_allows(Some(""), "https://portal.acme.example"),
        "unreadable: nobody"
    );
    assert!(!policy_allows(
        Some(r#"{"share_origins": "https://portal.acme.example"}"#),
        "https://portal.acme.example"
    ));
}

/// Sets the home filter's text the way typing does (an `input` event that bubbles to
/// Yew's listener) and returns how many saved assessments are listed after it.
async fn filter_to(root: &web_sys::Element, text: &str) -> u32 {
    use wasm_bindgen::JsCast;
    let input: web_sys::HtmlInputElement = root
        .query_selector("#aims-filter")
        .ok()
        .flatten()
        .expect("the filter shows above 20 saved assessments")
        .unchecked_into();
    input.set_value(text);
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    let event = web_sys::CustomEvent::new_with_event_init_dict("input", &init).expect("event");
    input.dispatch_event(&event).expect("dispatched");
    yew::scheduler::flush().await;
    root.query_selector_all(".aims-cards > li")
        .map(|l| l.length())
        .unwrap_or(0)
}

#[wasm_bindgen_test]
async fn home_filter_matches_name_or_organization_ignoring_ascii_case() {
    use aims_readiness::config::Config;
    use aims_readiness::engine::Catalog;
    let store = crate::storage::fresh("t-filter");
    for k in 0..24 {
        let mut a = crate::storage::sample(&format!("f{k}"), &format!("Review {k}"));
        a.organization = if k == 7 {
            "Ölmühle Analytics GmbH".into()
        } else {
            "Example Ltd".into()
        };
        store.save(Catalog::builtin(), &a).expect("saved");
    }
    let root = mount_app_with(AppProps {
        config: std::rc::Rc::new(Config {
            namespace: "t-filter".into(),
            ..Config::default()
        }),
        ..AppProps::default()
    });
    yew::scheduler::flush().await;
    assert_eq!(filter_to(&root, "").await, 20, "the first page of 24");
    assert_eq!(filter_to(&root, "analytics").await, 1, "by organization");
    assert_eq!(
        filter_to(&root, "ÖLMÜHLE").await,
        0,
        "only ASCII letters fold"
    );
    assert_eq!(
        filter_to(&root, "Ölmühle").await,
        1,
        "exact non-ASCII text matches"
    );
    assert_eq!(
        filter_to(&root, " REVIEW 1 ").await,
        11,
        "1 and 10–19, trimmed"
    );
    assert_eq!(filter_to(&root, "nothing like it").await, 0);
}
