//! Cheap tests that rule a field out before fuzzy matching: a query can match it only if its letters
//! occur in order, close enough together. They never rule out a field that would match; they only
//! spare the fuzzy matcher most of the work.

/// True when `needle` occurs in `hay` in order, not necessarily together.
pub(super) fn subsequence(hay: &str, needle: &[char]) -> bool {
    let mut rest = hay;
    for &c in needle {
        match rest.find(c) {
            Some(i) => rest = &rest[i + c.len_utf8()..],
            None => return false,
        }
    }
    true
}

/// True when `needle` occurs in `hay` in order within a stretch of at most `span` characters.
/// `ascii` says `hay` is ASCII, so bytes are characters. Works on bytes: UTF-8 never finds a
/// character's bytes inside another's.
pub(super) fn within(hay: &str, needle: &[char], span: usize, ascii: bool) -> bool {
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    let bytes = hay.as_bytes();
    let mut encoded = [[0u8; 4]; 64];
    let mut lens = [0usize; 64];
    if rest.len() > encoded.len() {
        return subsequence(hay, needle);
    }
    for (k, c) in rest.iter().enumerate() {
        lens[k] = c.encode_utf8(&mut encoded[k]).len();
    }
    // A stretch of `span` characters is at most `span` bytes in ASCII, 4 x `span` otherwise.
    let limit = if ascii { span } else { 4 * span };
    let mut from = 0;
    while let Some(i) = hay[from..].find(first) {
        let start = from + i;
        let window = &bytes[start..(start + limit).min(bytes.len())];
        let mut at = first.len_utf8();
        let complete = rest.iter().enumerate().all(|(k, _)| {
            let pat = &encoded[k][..lens[k]];
            match find_bytes(&window[at.min(window.len())..], pat) {
                Some(j) => {
                    at += j + pat.len();
                    true
                }
                None => false,
            }
        });
        if complete && (ascii || window[..at].iter().filter(|&&b| b & 0xC0 != 0x80).count() <= span)
        {
            return true;
        }
        from = start + first.len_utf8();
    }
    false
}

/// Where `pat` first occurs in `hay`.
fn find_bytes(hay: &[u8], pat: &[u8]) -> Option<usize> {
    match pat {
        [b] => hay.iter().position(|x| x == b),
        _ => hay.windows(pat.len()).position(|w| w == pat),
    }
}

/// The longest stretch a fuzzy match of a query of `len` characters may cover (see `score::tight`).
pub(super) fn max_span(len: usize) -> usize {
    len + 2 + len / 4
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cheap_tests_never_rule_out_a_match() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert!(subsequence("stem cell", &c("scl")));
        assert!(!subsequence("stem cell", &c("lc")));
        assert!(within("systemic", &c("stem"), 4, true));
        assert!(!within("s t e m", &c("stem"), 6, true));
        assert!(within("s t e m", &c("stem"), 7, true));
        assert!(within("가 나 다", &c("가나"), 3, false));
        assert!(!within("가 나 다", &c("가다"), 4, false));
        assert!(within("a st xstem", &c("stem"), 4, true), "a later start");
    }
}
