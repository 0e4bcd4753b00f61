//! The files the engine reads and writes. Imports [`crate::model`] and [`crate::text`].

pub mod catalog_overlay;
pub mod export;
pub mod guide;
pub mod import;
#[cfg(feature = "registers")]
pub mod registers;
pub mod v1;
pub mod v2;
pub mod v3;
pub mod value;
