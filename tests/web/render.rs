use aims_readiness::ui::app::App;
use wasm_bindgen_test::wasm_bindgen_test;

/// Mounts the app into a fresh element and returns that element.
pub fn mount_app() -> web_sys::Element {
    let document = web_sys::window()
        .and_then(|w| w.document())
        .expect("a document");
    let root = document.create_element("div").expect("a div");
    document
        .body()
        .expect("a body")
        .append_child(&root)
        .expect("appended");
    yew::Renderer::<App>::with_root(root.clone()).render();
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
    use aims_readiness::ui::config::{
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
}
