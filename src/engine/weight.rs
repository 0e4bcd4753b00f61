//! An item's weight in the weighted means: a finite number above 0 and at most 100.

/// How much one item counts relative to the others (default 1).
#[derive(Clone, Copy, Debug, PartialEq, PartialOrd)]
pub struct Weight(f64);

impl Weight {
    /// The largest weight accepted; a cap keeps one item from drowning all others by
    /// typo (a weight of 1e300 would make every other answer irrelevant).
    pub const MAX: f64 = 100.0;

    /// The weight for `value`, or `None` unless `0 < value <= 100`.
    pub fn new(value: f64) -> Option<Weight> {
        (value.is_finite() && value > 0.0 && value <= Self::MAX).then_some(Weight(value))
    }

    /// The weight as a number.
    pub fn value(self) -> f64 {
        self.0
    }
}

impl Default for Weight {
    fn default() -> Self {
        Weight(1.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_only_positive_finite_up_to_max() {
        assert!(Weight::new(0.5).is_some());
        assert!(Weight::new(100.0).is_some());
        assert!(Weight::new(0.0).is_none());
        assert!(Weight::new(-1.0).is_none());
        assert!(Weight::new(100.5).is_none());
        assert!(Weight::new(f64::NAN).is_none());
        assert!(Weight::new(f64::INFINITY).is_none());
        assert_eq!(Weight::default().value(), 1.0);
    }
}
