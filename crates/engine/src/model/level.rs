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

/// The level an organization aims for on one item: 3–5. Level 3 is the audit bar, so a
/// target below it cannot be expressed (it would let an unfinished requirement look
/// done); version-1 files with targets 1 or 2 import with those targets raised to 3
/// (see [`TargetLevel::from_v1_number`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum TargetLevel {
    /// Target level 3, the default and the audit bar: defined, documented and operating.
    #[default]
    T3 = 3,
    /// Target level 4.
    T4 = 4,
    /// Target level 5.
    T5 = 5,
}

impl TargetLevel {
    /// Every target, lowest first.
    pub const ALL: [TargetLevel; 3] = [Self::T3, Self::T4, Self::T5];

    /// The target for a number 3–5, or `None` outside that range.
    pub fn from_number(n: u64) -> Option<Self> {
        Self::ALL
            .get(usize::try_from(n).ok()?.checked_sub(3)?)
            .copied()
    }

    /// A target as version-1 files may hold it (1–5): 1 and 2 read as 3, and the second
    /// value says the target was raised. `None` outside 1–5.
    pub fn from_v1_number(n: u64) -> Option<(Self, bool)> {
        match n {
            1 | 2 => Some((Self::T3, true)),
            _ => Self::from_number(n).map(|t| (t, false)),
        }
    }

    /// The target as its number 3–5.
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
    fn targets_are_three_to_five() {
        for n in [0, 1, 2, 6] {
            assert_eq!(TargetLevel::from_number(n), None, "{n}");
        }
        assert_eq!(TargetLevel::from_number(4), Some(TargetLevel::T4));
        assert_eq!(TargetLevel::default().number(), 3);
    }

    #[test]
    fn version_1_targets_below_three_read_as_three() {
        assert_eq!(
            TargetLevel::from_v1_number(1),
            Some((TargetLevel::T3, true))
        );
        assert_eq!(
            TargetLevel::from_v1_number(2),
            Some((TargetLevel::T3, true))
        );
        assert_eq!(
            TargetLevel::from_v1_number(3),
            Some((TargetLevel::T3, false))
        );
        assert_eq!(
            TargetLevel::from_v1_number(5),
            Some((TargetLevel::T5, false))
        );
        assert_eq!(TargetLevel::from_v1_number(0), None);
        assert_eq!(TargetLevel::from_v1_number(6), None);
    }

    #[test]
    fn up_and_down_saturate() {
        assert_eq!(MaturityLevel::L5.up(), MaturityLevel::L5);
        assert_eq!(MaturityLevel::L0.down(), MaturityLevel::L0);
        assert_eq!(MaturityLevel::L2.up(), MaturityLevel::L3);
    }
}
