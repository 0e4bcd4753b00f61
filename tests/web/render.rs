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
