//! Documents made from an assessment and its score. Imports any other layer.

pub mod ciso_assistant;
pub mod compare;
pub mod crosswalk;
pub mod csv;
mod json_out;
pub mod oscal;
pub mod plan;
pub mod quick_summary;
#[cfg(feature = "registers")]
pub mod registers_csv;
pub mod score_json;
pub mod soa;
