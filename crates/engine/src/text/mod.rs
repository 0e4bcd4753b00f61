//! User-visible text in the active language: messages and the names of what the model
//! and the rules produce. Imports [`crate::model`] and [`crate::rules`].

pub mod field_names;
pub mod lang;
pub mod level_names;
pub mod markup;
pub mod messages;
pub mod quick;
