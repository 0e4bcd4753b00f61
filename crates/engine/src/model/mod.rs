//! The domain: the catalog and one organization's answers. Imports no other layer.

pub mod assessment;
pub mod catalog;
pub mod catalog_data;
pub mod date;
pub mod decimal;
pub mod edit;
pub mod evidence_refs;
pub mod level;
pub mod percent;
pub mod profile;
pub mod quick_facts;
pub mod registers;
pub mod substance;
pub mod system_names;
pub mod weight;
