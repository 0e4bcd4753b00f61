//! Crosswalks both ways. The catalog maps each item to NIST AI RMF subcategories, EU AI
//! Act provisions and an ISO/IEC 27001:2022 clause or control; this module answers the
//! reverse question: for an article, an AI RMF function or category, or a 27001 clause,
//! which items cover it (and on what basis), so the app can show how ready they are.

use crate::model::catalog::{Basis, Catalog, ItemId};

/// A framework the catalog maps to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Framework {
    /// NIST AI 100-1, AI RMF 1.0.
    NistAiRmf,
    /// Regulation (EU) 2024/1689.
    EuAiAct,
    /// ISO/IEC 27001:2022.
    Iso27001,
}

impl Framework {
    /// Every framework, in display order.
    pub const ALL: [Framework; 3] = [
        Framework::EuAiAct,
        Framework::NistAiRmf,
        Framework::Iso27001,
    ];

    /// A stable name for addresses and JSON.
    pub fn key(self) -> &'static str {
        match self {
            Framework::NistAiRmf => "nist-ai-rmf",
            Framework::EuAiAct => "eu-ai-act",
            Framework::Iso27001 => "iso27001",
        }
    }

    /// The framework for a key.
    pub fn parse(key: &str) -> Option<Framework> {
        Framework::ALL.into_iter().find(|f| f.key() == key)
    }
}

/// One mapping of an item: the exact reference and its basis.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mapping<'a> {
    /// The reference as the catalog writes it (`GOVERN 1.2`, `Art. 9(2)(a)`, `A.5.24`).
    pub reference: &'a str,
    /// Where the mapping comes from.
    pub basis: Basis,
}

/// The mappings of one item to one framework.
pub fn mappings(catalog: &Catalog, item: ItemId, framework: Framework) -> Vec<Mapping<'_>> {
    let it = catalog.item(item);
    let list = match framework {
        Framework::NistAiRmf => &it.nist_ai_rmf,
        Framework::EuAiAct => &it.eu_ai_act,
        Framework::Iso27001 => {
            // Clauses 4–10 share number and purpose by the harmonized structure; a
            // pairing with a 27001 Annex A control is our judgement.
            return it
                .iso27001
                .iter()
                .map(|r| Mapping {
                    reference: r,
                    basis: if r.starts_with("A.") {
                        Basis::Judgement
                    } else {
                        Basis::Structural
                    },
                })
                .collect();
        }
    };
    list.iter()
        .map(|c| Mapping {
            reference: &c.reference,
            basis: c.basis,
        })
        .collect()
}

/// The broader references a reference belongs to, itself included: `GOVERN 1.2` is
/// within `GOVERN 1` and `GOVERN`; `Art. 9(2)(a)` within `Art. 9(2)` and `Art. 9`; a 27001 id only itself.
pub fn parents(framework: Framework, reference: &str) -> Vec<String> {
    match framework {
        Framework::NistAiRmf => {
            let mut out = Vec::new();
            if let Some((function, number)) = reference.split_once(' ') {
                out.push(function.to_owned());
                if let Some((category, _)) = number.split_once('.') {
                    out.push(format!("{function} {category}"));
                }
            }
            out.push(reference.to_owned());
            out.dedup();
            out
        }
        Framework::EuAiAct => {
            // `Art. 17(1)(a)` is within `Art. 17(1)` and `Art. 17`.
            let mut out: Vec<String> = reference
                .match_indices('(')
                .map(|(at, _)| reference[..at].trim().to_owned())
                .collect();
            out.push(reference.to_owned());
            out
        }
        Framework::Iso27001 => vec![reference.to_owned()],
    }
}

/// Every reference a person can pick for a framework, broad ones too (`GOVERN`,
/// `GOVERN 1`, `GOVERN 1.2`; `Art. 9`, `Art. 9(2)`), in natural order.
pub fn references(catalog: &Catalog, framework: Framework) -> Vec<String> {
    let mut refs: Vec<String> = Vec::new();
    for item in catalog.item_ids() {
        for m in mappings(catalog, item, framework) {
            for r in parents(framework, m.reference) {
                if !refs.contains(&r) {
                    refs.push(r);
                }
            }
        }
    }
    // The key ends with the reference itself and the references are distinct: a total
    // order, so the sort need not be stable.
    refs.sort_unstable_by_key(|r| natural_key(framework, r));
    refs
}

/// A sort key that orders `Art. 9` before `Art. 10`, `GOVERN` before `MAP`, and `4.1`
/// before `A.5.1`.
fn natural_key(framework: Framework, reference: &str) -> (u8, Vec<u32>, String) {
    let rank = match framework {
        Framework::NistAiRmf => ["GOVERN", "MAP", "MEASURE", "MANAGE"]
            .iter()
            .position(|f| reference.starts_with(f))
            .map_or(9, |p| p as u8),
        Framework::EuAiAct => u8::from(reference.starts_with("Annex")),
        Framework::Iso27001 => u8::from(reference.starts_with("A.")),
    };
    let numbers = reference
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|n| n.parse().ok())
        .collect();
    (rank, numbers, reference.to_owned())
}

/// The items that cover `reference` (or a narrower reference within it), with the
/// narrowest mapping's basis: `Published` or `Structural` when any of the item's
/// mappings within it is, `Judgement` otherwise. Catalog order.
pub fn covering(catalog: &Catalog, framework: Framework, reference: &str) -> Vec<(ItemId, Basis)> {
    catalog
        .item_ids()
        .filter_map(|item| {
            let within: Vec<Basis> = mappings(catalog, item, framework)
                .into_iter()
                .filter(|m| {
                    parents(framework, m.reference)
                        .iter()
                        .any(|p| p == reference)
                })
                .map(|m| m.basis)
                .collect();
            let basis = within
                .iter()
                .copied()
                .find(|&b| b != Basis::Judgement)
                .or(within.first().copied())?;
            Some((item, basis))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parents_of_references() {
        assert_eq!(
            parents(Framework::NistAiRmf, "GOVERN 1.2"),
            ["GOVERN", "GOVERN 1", "GOVERN 1.2"]
        );
        assert_eq!(
            parents(Framework::EuAiAct, "Art. 9(2)(a)"),
            ["Art. 9", "Art. 9(2)", "Art. 9(2)(a)"]
        );
        assert_eq!(parents(Framework::EuAiAct, "Annex IV"), ["Annex IV"]);
        assert_eq!(parents(Framework::Iso27001, "A.5.1"), ["A.5.1"]);
    }
}
