//! Sending the quick-check summary to the host page, only when the visitor presses the
//! share button and only to the configured target. The payload never holds answers.

use crate::config::ShareTarget;
use crate::engine::rules::quick::QuickResult;
use serde::Serialize;
use wasm_bindgen::JsCast;

/// The summary a host receives (docs/embedding.md): band, percentage, top areas.
#[derive(Serialize)]
pub struct ShareSummary {
    /// Always `aims-readiness/quick-summary`.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// Payload version.
    pub version: u32,
    /// Band id, e.g. `foundations_in_progress`.
    pub band: &'static str,
    /// Indicative percentage, 0–100 with one decimal.
    pub percent: f64,
    /// Whether many answers were "Not sure".
    pub low_confidence: bool,
    /// The three topics to work on first.
    pub top_areas: Vec<Area>,
}

/// One area to work on.
#[derive(Serialize)]
pub struct Area {
    /// Quick-check topic id.
    pub id: String,
    /// Topic name.
    pub topic: String,
    /// ISO/IEC 42001 ids the topic covers.
    pub items: Vec<String>,
}

/// Builds the summary for a result.
pub fn summary(result: &QuickResult) -> ShareSummary {
    let c = crate::ui::services::i18n::catalog();
    ShareSummary {
        kind: "aims-readiness/quick-summary",
        version: 1,
        band: result.band.as_str(),
        percent: result.percent.value(),
        low_confidence: result.low_confidence,
        top_areas: result
            .focus
            .iter()
            .map(|&q| Area {
                id: c.quick(q).id.clone(),
                topic: c.quick(q).topic.clone(),
                items: c
                    .quick_items(q)
                    .iter()
                    .map(|&i| c.item(i).id.clone())
                    .collect(),
            })
            .collect(),
    }
}

/// Sends the summary to `target` (from `host`, the mount element, for DOM events).
/// Returns whether anything was sent.
pub fn send(target: &ShareTarget, host: Option<&web_sys::Element>, result: &QuickResult) -> bool {
    let Ok(payload) = serde_wasm_bindgen::to_value(&summary(result)) else {
        return false;
    };
    match target {
        ShareTarget::None => false,
        ShareTarget::DomEvent => {
            let Some(host) = host else { return false };
            let init = web_sys::CustomEventInit::new();
            init.set_detail(&payload);
            init.set_bubbles(true);
            init.set_composed(true);
            web_sys::CustomEvent::new_with_event_init_dict("aims:share", &init)
                .ok()
                .and_then(|event| host.dispatch_event(event.unchecked_ref()).ok())
                .is_some()
        }
        ShareTarget::ParentOrigin(origin) => {
            let Some(window) = web_sys::window() else {
                return false;
            };
            match window.parent() {
                Ok(Some(parent)) if parent != window => {
                    parent.post_message(&payload, origin).is_ok()
                }
                _ => false,
            }
        }
    }
}
