//! Overlap of sorted sets (term ids, word hashes, stems): the merge walk shared by every Dice or
//! weighted-overlap score in the engine.

use std::cmp::Ordering;

/// Calls `on_common` for every element in both sorted, deduplicated slices, in order. On sorted
/// slices with repeats it visits their multiset intersection (an element as often as both hold it).
pub(crate) fn for_each_common<T: Ord>(x: &[T], y: &[T], mut on_common: impl FnMut(&T)) {
    let (mut i, mut j) = (0, 0);
    while i < x.len() && j < y.len() {
        match x[i].cmp(&y[j]) {
            Ordering::Less => i += 1,
            Ordering::Greater => j += 1,
            Ordering::Equal => {
                on_common(&x[i]);
                i += 1;
                j += 1;
            }
        }
    }
}

/// How many elements two sorted, deduplicated slices share.
pub(crate) fn common_count<T: Ord>(x: &[T], y: &[T]) -> usize {
    let mut n = 0;
    for_each_common(x, y, |_| n += 1);
    n
}

/// Dice coefficient `2·|x∩y| / (|x| + |y|)` of two sorted, deduplicated slices; `empty` when
/// both are empty.
pub(crate) fn dice<T: Ord>(x: &[T], y: &[T], empty: f32) -> f32 {
    if x.is_empty() && y.is_empty() {
        return empty;
    }
    (2 * common_count(x, y)) as f32 / (x.len() + y.len()) as f32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dice_of_sorted_sets() {
        assert_eq!(common_count(&[1, 3, 5, 7], &[2, 3, 7, 9]), 2);
        assert_eq!(dice(&[1, 3, 5, 7], &[2, 3, 7, 9], 0.0), 0.5);
        assert_eq!(dice::<u32>(&[], &[], 1.0), 1.0);
        let mut sum = 0;
        for_each_common(&[1, 2, 3], &[2, 3, 4], |&v| sum += v);
        assert_eq!(sum, 5);
    }
}
