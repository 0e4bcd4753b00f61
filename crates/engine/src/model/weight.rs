//! An item's weight in the weighted means: above 0 and at most 100, kept in hundredths so
//! it is exact in storage and exports (no floating-point text ever round-trips).

use crate::model::decimal::format_fixed;
use std::fmt;

/// How much one item counts relative to the others (default 1).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Weight(u32);

impl Weight {
    /// The largest weight accepted, in hundredths (100.00). A cap keeps one item from
    /// drowning all others by typo.
    pub const MAX_HUNDREDTHS: u32 = 10_000;

    /// The weight for a count of hundredths (150 = 1.5), or `None` unless 0.01–100.
    pub fn from_hundredths(hundredths: u64) -> Option<Weight> {
        let h = u32::try_from(hundredths).ok()?;
        (1..=Self::MAX_HUNDREDTHS).contains(&h).then_some(Weight(h))
    }

    /// The weight in hundredths.
    pub fn hundredths(self) -> u32 {
        self.0
    }

    /// The weight as a number for arithmetic.
    pub fn value(self) -> f64 {
        f64::from(self.0) / 100.0
    }
}

impl Default for Weight {
    fn default() -> Self {
        Weight(100)
    }
}

impl fmt::Display for Weight {
    /// `1`, `1.5`, `0.25`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&format_fixed(u64::from(self.0), 2))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_only_one_hundredth_to_one_hundred() {
        assert!(Weight::from_hundredths(1).is_some());
        assert!(Weight::from_hundredths(10_000).is_some());
        assert!(Weight::from_hundredths(0).is_none());
        assert!(Weight::from_hundredths(10_001).is_none());
        assert!(Weight::from_hundredths(u64::MAX).is_none());
        assert_eq!(Weight::default().value(), 1.0);
        assert_eq!(
            Weight::from_hundredths(150)
                .map(|w| w.to_string())
                .as_deref(),
            Some("1.5")
        );
    }
}
