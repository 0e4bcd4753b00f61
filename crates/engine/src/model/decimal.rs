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
