//! A readiness or coverage percentage: 0–100 with one decimal, guaranteed by its type.

use std::fmt;

/// A percentage between 0.0 and 100.0, kept in tenths so that equal figures compare
/// equal and print the same everywhere.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Percent(u16);

impl Percent {
    /// 0 %.
    pub const ZERO: Percent = Percent(0);
    /// 100 %.
    pub const FULL: Percent = Percent(1000);

    /// The percentage for `part / whole` (a fraction 0–1), rounded half up to one decimal.
    /// Values outside 0–1 (and NaN) are clamped, so the result is always in range.
    pub fn from_fraction(fraction: f64) -> Percent {
        let tenths = (fraction * 1000.0).round();
        if tenths.is_nan() || tenths <= 0.0 {
            Percent::ZERO
        } else if tenths >= 1000.0 {
            Percent::FULL
        } else {
            Percent(tenths as u16)
        }
    }

    /// The percentage for `numerator / denominator`, or `None` when the denominator is 0
    /// (a figure over nothing is not 0 % and not 100 %: it does not exist).
    pub fn ratio(numerator: f64, denominator: f64) -> Option<Percent> {
        (denominator > 0.0).then(|| Percent::from_fraction(numerator / denominator))
    }

    /// The percentage for a count of tenths, or `None` above 1000.
    pub fn from_tenths(tenths: u16) -> Option<Percent> {
        (tenths <= 1000).then_some(Percent(tenths))
    }

    /// The value in tenths of a percent (0–1000).
    pub fn tenths(self) -> u16 {
        self.0
    }

    /// The value as a float, e.g. `73.4`.
    pub fn value(self) -> f64 {
        f64::from(self.0) / 10.0
    }
}

impl fmt::Display for Percent {
    /// Prints `73.4`, `100` or `0` (no trailing `.0`), without the `%` sign.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (whole, tenth) = (self.0 / 10, self.0 % 10);
        if tenth == 0 {
            write!(f, "{whole}")
        } else {
            write!(f, "{whole}.{tenth}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_half_up_to_one_decimal() {
        assert_eq!(Percent::from_fraction(2.0 / 3.0).to_string(), "66.7");
        assert_eq!(Percent::from_fraction(0.12345).to_string(), "12.3");
        assert_eq!(Percent::from_fraction(0.00049).to_string(), "0");
        assert_eq!(Percent::from_fraction(1.0).to_string(), "100");
    }

    #[test]
    fn clamps_out_of_range_and_nan() {
        assert_eq!(Percent::from_fraction(-0.5), Percent::ZERO);
        assert_eq!(Percent::from_fraction(7.0), Percent::FULL);
        assert_eq!(Percent::from_fraction(f64::NAN), Percent::ZERO);
    }

    #[test]
    fn ratio_over_nothing_is_none() {
        assert_eq!(Percent::ratio(0.0, 0.0), None);
        assert_eq!(Percent::ratio(1.0, 4.0), Some(Percent(250)));
    }
}
