//! Exclusions: the ones the role profile suggests (controls whose process does not arise
//! for the organization's AI roles; a suggestion only, the person confirms or declines
//! each) and the ones that would leave a mandatory clause without the control that
//! carries it out.

use crate::model::assessment::Assessment;
use crate::model::catalog::{Catalog, ItemId};

/// Controls whose process only arises for an organization that designs, develops or
/// trains AI systems itself: objectives and processes for responsible development, the
/// design and development record, and data for development and its preparation.
pub const DEVELOPMENT_CONTROLS: [&str; 5] = ["A.6.1.2", "A.6.1.3", "A.6.2.3", "A.7.2", "A.7.6"];

/// Controls through which an organization carries out a clause it can never exclude,
/// with that clause: the AI policy (5.2), roles and responsibilities (5.3) and the AI
/// system impact assessment (6.1.4). Excluding one of them leaves the clause without
/// its means, which an auditor raises as a nonconformity.
pub const CLAUSE_CONTROLS: [(&str, &str); 4] = [
    ("A.2.2", "5.2"),
    ("A.3.2", "5.3"),
    ("A.5.2", "6.1.4"),
    ("A.5.3", "6.1.4"),
];

/// The clause requirement a control carries out, if excluding it conflicts with one.
pub fn conflicting_clause(catalog: &Catalog, control: ItemId) -> Option<ItemId> {
    let id = catalog.item(control).id.as_str();
    CLAUSE_CONTROLS
        .iter()
        .find(|(c, _)| *c == id)
        .and_then(|(_, clause)| catalog.find_item(clause))
}

/// Controls the profile suggests excluding: the development controls, for an
/// organization that only uses AI (an AI customer and neither provider, producer nor
/// partner), while still applicable and not declined before.
pub fn suggested_exclusions(catalog: &Catalog, assessment: &Assessment) -> Vec<ItemId> {
    let profile = &assessment.profile;
    if !profile.only_uses_ai() {
        return Vec::new();
    }
    DEVELOPMENT_CONTROLS
        .iter()
        .filter_map(|id| catalog.find_item(id))
        .filter(|&i| !assessment.answer(i).excluded && !profile.declined.contains(&i))
        .collect()
}
