//! What the JSON reports share: the text of a document and its percentages.

use crate::format::value::{to_text, Layout};
use crate::model::decimal::Fixed;
use crate::model::percent::Percent;
use serde::Serialize;

/// `doc` as pretty JSON (two-space indent, `"key": value`) ending with a newline, as a
/// file printed by `aims-score` does.
pub(crate) fn pretty_line(doc: &impl Serialize) -> String {
    to_text(doc, Layout::Pretty)
}

/// A percentage as a number with at most one decimal (`73.4`, `100`), `null` for none.
pub(crate) fn percent(p: Option<Percent>) -> Option<Fixed> {
    p.map(|p| Fixed {
        units: p.tenths().into(),
        decimals: 1,
    })
}
