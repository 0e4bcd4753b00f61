//! Exclusions the role profile suggests: controls whose process does not arise for the
//! organization's AI roles. A suggestion only; the person confirms or declines each.

use crate::model::assessment::Assessment;
use crate::model::catalog::{Catalog, ItemId};

/// Controls whose process only arises for an organization that designs, develops or
/// trains AI systems itself: objectives and processes for responsible development, the
/// design and development record, and data for development and its preparation.
pub const DEVELOPMENT_CONTROLS: [&str; 5] = ["A.6.1.2", "A.6.1.3", "A.6.2.3", "A.7.2", "A.7.6"];

/// Controls the profile suggests excluding: the development controls, for an
/// organization whose roles are known and include neither AI provider nor AI producer,
/// while still applicable and not declined before.
pub fn suggested_exclusions(catalog: &Catalog, assessment: &Assessment) -> Vec<ItemId> {
    let profile = &assessment.profile;
    if profile.roles.is_empty() || profile.builds_ai() {
        return Vec::new();
    }
    DEVELOPMENT_CONTROLS
        .iter()
        .filter_map(|id| catalog.find_item(id))
        .filter(|&i| !assessment.answer(i).excluded && !profile.declined.contains(&i))
        .collect()
}
