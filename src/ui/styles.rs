//! The widget's stylesheet: one constructable sheet adopted by the app's page and by
//! every shadow root the widget is mounted in.

use wasm_bindgen::JsValue;

/// The widget's stylesheet, embedded so an inline mount can put it in its shadow root.
pub const STYLES: &str = include_str!(concat!(env!("OUT_DIR"), "/styles.min.css"));

thread_local! {
    /// The stylesheet as one constructable sheet, shared by the page and every shadow
    /// root. Adopted sheets are not inline `<style>` elements, so neither the app's own
    /// Content-Security-Policy nor a host page's needs `'unsafe-inline'` for them.
    static SHEET: Option<web_sys::CssStyleSheet> = {
        let sheet = web_sys::CssStyleSheet::new().ok();
        sheet.filter(|s| s.replace_sync(STYLES).is_ok())
    };
}

/// Where the stylesheet is adopted.
pub enum StyleScope<'a> {
    /// The app's own page.
    Page(&'a web_sys::Document),
    /// A shadow root on a host page.
    Shadow(&'a web_sys::ShadowRoot),
}

impl StyleScope<'_> {
    fn sheets(&self) -> js_sys::Array {
        match self {
            StyleScope::Page(d) => d.adopted_style_sheets(),
            StyleScope::Shadow(s) => s.adopted_style_sheets(),
        }
    }

    fn set_sheets(&self, sheets: &js_sys::Array) {
        match self {
            StyleScope::Page(d) => d.set_adopted_style_sheets(sheets),
            StyleScope::Shadow(s) => s.set_adopted_style_sheets(sheets),
        }
    }

    /// Adopts the widget's sheet here (once).
    pub fn adopt(&self) {
        SHEET.with(|sheet| {
            let Some(sheet) = sheet else { return };
            let sheets = self.sheets();
            if !sheets.includes(sheet, 0) {
                sheets.push(sheet);
                self.set_sheets(&sheets);
            }
        });
    }

    /// Gives the widget's sheet up again.
    pub fn release(&self) {
        SHEET.with(|sheet| {
            let Some(sheet) = sheet else { return };
            let sheet: &JsValue = sheet.as_ref();
            let kept = self.sheets().filter(&mut |s, _, _| s != *sheet);
            self.set_sheets(&kept);
        });
    }
}
