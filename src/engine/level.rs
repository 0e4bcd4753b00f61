//! Maturity and target levels. A level is an enum, never a bare number, so that an
//! out-of-range value cannot exist once it has been parsed.

use std::fmt;

/// How far an item is implemented, on the product's 0–5 scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum MaturityLevel {
    /// Nothing in place.
    L0,
    /// Done ad hoc, depending on individuals.
    L1,
    /// Partly implemented, or only planned.
    L2,
    /// Defined, documented and operating: what an auditor needs to see.
    L3,
    /// Measured and monitored, with records.
    L4,
    /// Continually improved.
    L5,
}

impl MaturityLevel {
    /// Every level, lowest first.
    pub const ALL: [MaturityLevel; 6] =
        [Self::L0, Self::L1, Self::L2, Self::L3, Self::L4, Self::L5];

    /// The level an auditor expects to see for certification.
    pub const AUDIT_READY: MaturityLevel = MaturityLevel::L3;

    /// The level for a number 0–5, or `None` outside that range.
    pub fn from_number(n: u64) -> Option<Self> {
        Self::ALL.get(usize::try_from(n).ok()?).copied()
    }

    /// The level as its number 0–5.
    pub fn number(self) -> u8 {
        self as u8
    }

    /// The next level up, saturating at 5.
    pub fn up(self) -> Self {
        Self::ALL[(self.number() as usize + 1).min(5)]
    }

    /// The next level down, saturating at 0.
    pub fn down(self) -> Self {
        Self::ALL[(self.number() as usize).saturating_sub(1)]
    }
}

impl fmt::Display for MaturityLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.number())
    }
}

/// The level an organization aims for on one item: 1–5 (a target of 0 would make
/// every item trivially complete, so it cannot be expressed).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum TargetLevel {
    /// Target level 1.
    T1 = 1,
    /// Target level 2.
    T2 = 2,
    /// Target level 3, the default: defined, documented and operating.
    #[default]
    T3 = 3,
    /// Target level 4.
    T4 = 4,
    /// Target level 5.
    T5 = 5,
}

impl TargetLevel {
    /// Every target, lowest first.
    pub const ALL: [TargetLevel; 5] = [Self::T1, Self::T2, Self::T3, Self::T4, Self::T5];

    /// The target for a number 1–5, or `None` outside that range.
    pub fn from_number(n: u64) -> Option<Self> {
        Self::ALL
            .get(usize::try_from(n).ok()?.checked_sub(1)?)
            .copied()
    }

    /// The target as its number 1–5.
    pub fn number(self) -> u8 {
        self as u8
    }

    /// The maturity level that meets this target exactly.
    pub fn as_maturity(self) -> MaturityLevel {
        MaturityLevel::ALL[self.number() as usize]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maturity_numbers_round_trip_and_reject_out_of_range() {
        for n in 0..=5u64 {
            assert_eq!(
                MaturityLevel::from_number(n).map(|l| l.number() as u64),
                Some(n)
            );
        }
        assert_eq!(MaturityLevel::from_number(6), None);
        assert_eq!(MaturityLevel::from_number(u64::MAX), None);
    }

    #[test]
    fn target_rejects_zero_and_six() {
        assert_eq!(TargetLevel::from_number(0), None);
        assert_eq!(TargetLevel::from_number(6), None);
        assert_eq!(TargetLevel::from_number(4), Some(TargetLevel::T4));
        assert_eq!(TargetLevel::default().number(), 3);
    }

    #[test]
    fn up_and_down_saturate() {
        assert_eq!(MaturityLevel::L5.up(), MaturityLevel::L5);
        assert_eq!(MaturityLevel::L0.down(), MaturityLevel::L0);
        assert_eq!(MaturityLevel::L2.up(), MaturityLevel::L3);
    }
}
