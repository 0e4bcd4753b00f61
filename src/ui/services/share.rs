//! Sending the quick-check summary to the host page, only when the visitor presses the
//! share button and only to the configured target. The payload never holds answers.

use crate::config::ShareTarget;
use crate::engine::reports::quick_summary::summary;
use crate::engine::rules::quick::QuickResult;
use wasm_bindgen::JsCast;

/// Sends the summary to `target` (from `host`, the mount element, for DOM events).
/// Returns whether anything was sent.
pub fn send(target: &ShareTarget, host: Option<&web_sys::Element>, result: &QuickResult) -> bool {
    let c = crate::ui::services::i18n::catalog();
    let Ok(payload) = serde_wasm_bindgen::to_value(&summary(result, |q| c.quick(q).topic.as_str()))
    else {
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
