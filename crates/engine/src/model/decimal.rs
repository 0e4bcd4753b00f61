//! Fixed-point numbers as text: weights (hundredths), percentages (tenths) and exported
//! numbers are kept as whole units and written without floating-point rounding.

/// `units` × 10^-decimals without trailing zeros: (150, 2) → `1.5`, (300, 2) → `3`.
pub fn format_fixed(units: u64, decimals: u32) -> String {
    let scale = 10u64.pow(decimals);
    let (whole, mut fraction) = (units / scale, units % scale);
    if fraction == 0 {
        return whole.to_string();
    }
    let mut width = decimals as usize;
    while fraction % 10 == 0 {
        fraction /= 10;
        width -= 1;
    }
    format!("{whole}.{fraction:0width$}")
}

/// A fixed-point number for serde: `units` × 10^-decimals, serialized as a JSON number
/// whose text is that of [`format_fixed`] with a minus sign when negative (-25, 1 →
/// `-2.5`). serde_json's `arbitrary_precision` writes a `Number` exactly as it was
/// parsed, so the value never passes through floating point.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fixed {
    /// The value in units of 10^-decimals.
    pub units: i64,
    /// How many decimals a unit has.
    pub decimals: u32,
}

impl std::fmt::Display for Fixed {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let sign = if self.units < 0 { "-" } else { "" };
        let digits = format_fixed(self.units.unsigned_abs(), self.decimals);
        write!(f, "{sign}{digits}")
    }
}

impl serde::Serialize for Fixed {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let number: serde_json::Number = self
            .to_string()
            .parse()
            .map_err(serde::ser::Error::custom)?;
        number.serialize(serializer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_serializes_as_the_exact_number() {
        let json = |units, decimals| serde_json::to_string(&Fixed { units, decimals }).ok();
        assert_eq!(json(150, 2).as_deref(), Some("1.5"));
        assert_eq!(json(300, 2).as_deref(), Some("3"));
        assert_eq!(json(5, 2).as_deref(), Some("0.05"));
        assert_eq!(json(734, 1).as_deref(), Some("73.4"));
        assert_eq!(json(-25, 1).as_deref(), Some("-2.5"));
        assert_eq!(json(0, 1).as_deref(), Some("0"));
    }
}
