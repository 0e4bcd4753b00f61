//! The pure scoring engine: no web dependency, tested natively with `cargo test`.
//!
//! - [`catalog`]: the ISO/IEC 42001 items, groups, documents and quick-check questions.
//! - [`assessment`]: one organization's answers.
//! - [`profile`]: its AI roles, scope and controls of its own.
//! - [`scoring`]: readiness figures, verdict, blockers and gaps.
//! - [`export`] / [`import`]: the versioned JSON format.
#![deny(missing_docs)]

pub mod assessment;
pub mod catalog;
pub mod compare;
pub mod crosswalk;
pub mod csv;
pub mod date;
pub mod edit;
pub mod export;
pub mod guide;
pub mod import;
pub mod json;
pub mod level;
pub mod merge;
pub mod messages;
pub mod oscal;
pub mod percent;
pub mod plan;
pub mod profile;
pub mod quick;
pub mod report_json;
pub mod scoring;
pub mod soa;
pub mod sort;
pub mod weight;

pub use assessment::{Answer, Assessment, EditError};
pub use catalog::{Catalog, DocumentId, GroupId, ItemId, ItemKind, QuickId};
pub use date::{Date, Timestamp};
pub use edit::{apply, Edit};
pub use export::{export, export_compact};
pub use import::{import, import_with_notices, ImportError, Imported};
pub use level::{MaturityLevel, TargetLevel};
pub use percent::Percent;
pub use profile::{AdditionalControl, AiRole, ManagementSystem, Profile};
pub use scoring::{score, Blocker, Report, Stage, Verdict};
pub use weight::Weight;
