//! Edit distance for the typos fuzzy matching cannot forgive ("keliod", "planopilarsi").
//! Kept rather than `strsim::osa_distance`: that one has no bound to stop at and allocates per call,
//! and measured 3 to 6 times slower over 50,000 vocabulary words (the typo table runs per keystroke).

/// Optimal-string-alignment distance (insertions, deletions, substitutions and adjacent swaps), or
/// `bound + 1` as soon as it must exceed `bound`. Words longer than 48 letters count as different.
pub(super) fn osa(a: &[char], b: &[char], bound: usize) -> usize {
    const MAX: usize = 48;
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > bound {
        return bound + 1;
    }
    if n > MAX || m > MAX {
        return if a == b { 0 } else { bound + 1 };
    }
    // Rolling rows: two back (for swaps), previous, current.
    let mut prev2 = [0usize; MAX + 1];
    let mut prev = [0usize; MAX + 1];
    let mut cur = [0usize; MAX + 1];
    for (j, cell) in prev.iter_mut().enumerate().take(m + 1) {
        *cell = j;
    }
    for i in 1..=n {
        cur[0] = i;
        let mut row_min = i;
        for j in 1..=m {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(prev2[j - 2] + 1);
            }
            cur[j] = v;
            row_min = row_min.min(v);
        }
        if row_min > bound {
            return bound + 1;
        }
        std::mem::swap(&mut prev2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[m]
}

/// The number of edits forgiven in a word of this many letters.
pub(super) fn allowed_typos(len: usize) -> usize {
    match len {
        0..=3 => 0,
        4..=7 => 1,
        _ => 2,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn osa_counts_a_swap_as_one_edit() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert_eq!(osa(&c("keliod"), &c("keloid"), 5), 1);
        assert_eq!(osa(&c("alopcia"), &c("alopecia"), 5), 1);
        assert_eq!(osa(&c("planopilarsi"), &c("planopilaris"), 5), 1);
        assert_eq!(osa(&c("abc"), &c("xyz"), 5), 3);
        assert_eq!(
            osa(&c("abcdef"), &c("uvwxyz"), 1),
            2,
            "stops early past the bound"
        );
        assert_eq!(osa(&c("ca"), &c("abc"), 5), 3);
        assert_eq!(osa(&c("kitten"), &c("sitting"), 9), 3);
    }
}
