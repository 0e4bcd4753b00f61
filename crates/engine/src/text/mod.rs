//! User-visible text in the active language. Imports [`crate::model`] only.

pub mod level_names;
pub mod messages;
