//! The quick-check summary a host page receives when the visitor presses "Share this
//! summary" (docs/embedding.md): the band, the percentage and the three areas to work on
//! first, never an answer. One function for both builds (the full app and the quick
//! entry), so both send the same payload.

use crate::model::catalog::QuickId;
use crate::model::quick_facts::facts;
use crate::rules::quick::QuickResult;
use serde::Serialize;

/// The summary, as the host receives it (serialized as is).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct QuickSummary<'a> {
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
    pub top_areas: Vec<Area<'a>>,
}

/// One area to work on.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Area<'a> {
    /// Quick-check topic id.
    pub id: &'static str,
    /// Topic name, in the visitor's language.
    pub topic: &'a str,
    /// ISO/IEC 42001 ids the topic covers.
    pub items: &'static [&'static str],
}

/// The summary of `result`; `topic` names a question's topic in the visitor's language
/// (each build has its texts: the full app its catalog, the quick entry its own tables).
pub fn summary<'a>(result: &QuickResult, topic: impl Fn(QuickId) -> &'a str) -> QuickSummary<'a> {
    QuickSummary {
        kind: "aims-readiness/quick-summary",
        version: 1,
        band: result.band.as_str(),
        percent: result.percent.value(),
        low_confidence: result.low_confidence,
        top_areas: result
            .focus
            .iter()
            .map(|&q| Area {
                id: facts(q).id,
                topic: topic(q),
                items: facts(q).items,
            })
            .collect(),
    }
}
