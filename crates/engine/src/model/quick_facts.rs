//! The quick check's questions as facts, without the 70-item catalog: each question's
//! id, the catalog items it stands for and whether it is a foundation. Generated from the
//! catalog file by `build.rs`, so the quick entry (a build of its own, `crates/quick`)
//! scores exactly as the full app does while carrying none of the catalog.

use crate::model::catalog::QuickId;

/// One quick-check question's facts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct QuickFacts {
    /// Stable id, e.g. `q01`.
    pub id: &'static str,
    /// Ids of the catalog items the question stands for.
    pub items: &'static [&'static str],
    /// A foundation topic: missing, it caps the band.
    pub foundation: bool,
}

/// Every question, in the order asked.
pub static QUICK_FACTS: &[QuickFacts] = &include!(concat!(env!("OUT_DIR"), "/quick_facts.rs"));

/// Every question's id, in the order asked.
pub fn quick_ids() -> impl ExactSizeIterator<Item = QuickId> + Clone {
    (0..QUICK_FACTS.len()).map(QuickId::at)
}

/// The facts of question `q`.
pub fn facts(q: QuickId) -> &'static QuickFacts {
    &QUICK_FACTS[q.index()]
}
