//! What the JSON reports share: the text of a document and its percentages.

use crate::model::decimal::Fixed;
use crate::model::percent::Percent;
use serde::Serialize;

/// `doc` as pretty JSON (two-space indent, `"key": value`) ending with a newline, as a
/// file printed by `aims-score` does.
pub(crate) fn pretty_line(doc: &impl Serialize) -> String {
    // Only a failing `Serialize` impl could make this fail, and the reports hold
    // strings, booleans, integers and `Fixed` numbers, whose text always parses.
    let mut out = serde_json::to_string_pretty(doc).unwrap_or_default();
    out.push('\n');
    out
}

/// A percentage as a number with at most one decimal (`73.4`, `100`), `null` for none.
pub(crate) fn percent(p: Option<Percent>) -> Option<Fixed> {
    p.map(|p| Fixed {
        units: p.tenths().into(),
        decimals: 1,
    })
}
