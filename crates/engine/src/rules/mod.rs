//! What the answers mean: scoring and verdict, the quick check, merging. Imports
//! [`crate::model`] only.

pub mod basis;
pub mod exclusions;
pub mod merge;
pub mod quick;
pub mod registers;
pub mod scoring;
