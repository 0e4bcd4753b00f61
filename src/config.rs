//! The start-up options (crates/options, shared with the quick entry) and how this
//! build reads the deployer's policy file.

pub use aims_options::*;

/// The deployer's policy file (`aims-embed.json`) as read with the engine's JSON
/// reader: `None` when none is deployed.
pub fn embed_policy(text: Option<&str>) -> EmbedPolicy {
    let Some(text) = text else {
        return EmbedPolicy::Absent;
    };
    let Ok(root) = crate::engine::format::value::parse(text.as_bytes()) else {
        return EmbedPolicy::Unreadable;
    };
    match root.get("share_origins") {
        Some(crate::engine::format::value::Value::Array(list)) => EmbedPolicy::Origins(
            list.iter()
                .filter_map(|v| v.as_str().map(str::to_owned))
                .collect(),
        ),
        _ => EmbedPolicy::Unreadable,
    }
}
