//! Which requirements build on which. A claim that a dependent requirement is
//! implemented means little while the requirement it rests on is not: risks cannot be
//! assessed "against the criteria" when there are none, and a management review cannot
//! weigh monitoring trends that nobody measures. The scoring rules refuse such a claim
//! its conformity and name the basis.

use crate::model::catalog::{Catalog, ItemId};

/// (dependent, basis) pairs, by item id: the dependent conforms only once its basis is
/// at level 3 or above.
pub const BASIS: [(&str, &str); 10] = [
    ("6.1.2", "6.1.1"),
    ("6.1.3", "6.1.2"),
    ("6.1.4", "6.1.1"),
    ("8.2", "6.1.2"),
    ("8.3", "6.1.3"),
    ("8.4", "6.1.4"),
    ("9.2.2", "9.2.1"),
    ("9.3.2", "9.1"),
    ("9.3.3", "9.3.1"),
    ("A.5.3", "A.5.2"),
];

/// The items `item` builds on, in table order.
pub fn basis_of(catalog: &Catalog, item: ItemId) -> impl Iterator<Item = ItemId> + '_ {
    let id = catalog.item(item).id.as_str();
    BASIS
        .iter()
        .filter(move |(dependent, _)| *dependent == id)
        .filter_map(|(_, basis)| catalog.find_item(basis))
}
