//! The pure ISO/IEC 42001 readiness engine: no web dependency, tested natively with
//! `cargo test`. Its folders are layers, and imports run one way only (checked by
//! `tests/layers.rs`):
//!
//! - [`model`]: the catalog and one organization's answers (assessment, profile, levels,
//!   weights, dates, percentages) and the edits a person makes. Imports no other layer.
//! - [`rules`]: what the answers mean: scoring and verdict, the quick check, merging two
//!   versions. Imports [`model`].
//! - [`text`]: the messages, in the active language, and the names of what the model and
//!   the rules produce. Imports [`model`] and [`rules`].
//! - [`format`]: the files the engine reads and writes (exports, the guide, the catalog's
//!   translations). Imports [`model`] and [`text`] (and what `text` imports).
//! - [`reports`]: documents made from an assessment and its score (Statement of
//!   Applicability, action plan, comparison, crosswalks, OSCAL, CSV). Imports any of the
//!   above.
#![deny(missing_docs)]

/// The product's version (the workspace's, one for the app, the engine and the scorer),
/// shown in the app and recorded in what it exports.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// What made a file: the product and its version, recorded in exports and OSCAL.
pub const GENERATOR: &str = concat!("aims-readiness ", env!("CARGO_PKG_VERSION"));

pub mod format;
pub mod model;
pub mod reports;
pub mod rules;
pub mod text;

pub use format::export::{export, export_compact};
pub use format::import::{import, import_keeping, import_with_notices, ImportError, Imported};
pub use model::assessment::{Answer, Assessment, EditError};
pub use model::catalog::{Catalog, DocumentId, GroupId, ItemId, ItemKind, QuickId};
pub use model::date::{Date, Timestamp};
pub use model::edit::{apply, Edit};
pub use model::level::{MaturityLevel, TargetLevel};
pub use model::percent::Percent;
pub use model::profile::{AdditionalControl, AiRole, ManagementSystem, Profile};
pub use model::weight::Weight;
pub use rules::scoring::{score, Blocker, Score, Stage, Verdict};
