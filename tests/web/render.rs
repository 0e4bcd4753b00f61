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
async fn app_renders_the_product_title() {
    let root = mount_app();
    yew::scheduler::flush().await;
    let title = root
        .query_selector("h1")
        .ok()
        .flatten()
        .map(|h| h.text_content().unwrap_or_default());
    assert_eq!(title.as_deref(), Some("AIMS Readiness"));
}
