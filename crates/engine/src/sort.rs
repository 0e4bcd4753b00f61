//! One small sort for the whole crate.
//!
//! The standard library's sorts are fast, but every call site with its own comparison
//! closure instantiates the full pattern-defeating quicksort (partitioning, small-sort
//! networks, heapsort fallback): about 1.5 KB of wasm per call site. The lists this crate
//! sorts are short (15 quick questions, at most 70 gaps, a few hundred messages or saved
//! assessments), where an insertion sort is as fast in practice and a tenth of the code.

use std::cmp::Ordering;

/// Sorts `items` in place by `compare`, stably. Quadratic in the worst case: meant for
/// lists of up to a few thousand elements, which is every list this crate sorts.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    for unsorted in 1..items.len() {
        let mut at = unsorted;
        while at > 0 && compare(&items[at - 1], &items[at]) == Ordering::Greater {
            items.swap(at - 1, at);
            at -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::sort_by;

    #[test]
    fn sorts_like_the_standard_library_and_keeps_equal_elements_in_order() {
        let mut seed = 12345_u32;
        for len in 0..60 {
            let mut items: Vec<(u8, usize)> = (0..len)
                .map(|i| {
                    seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    ((seed >> 16) as u8 % 7, i)
                })
                .collect();
            let mut expected = items.clone();
            expected.sort_by_key(|item| item.0);
            sort_by(&mut items, |a, b| a.0.cmp(&b.0));
            assert_eq!(items, expected, "length {len}");
        }
    }
}
