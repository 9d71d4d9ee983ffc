//! Words that do not narrow a search, and words that name a kind of record.

use crate::model::Kind;

/// Words ignored unless quoted: they occur in questions but say nothing about which record is meant.
pub const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "any", "are", "at", "be", "best", "by", "can", "do", "does", "for", "from",
    "get", "good", "have", "how", "i", "in", "is", "it", "me", "much", "my", "near", "need", "of",
    "on", "or", "some", "than", "the", "there", "to", "versus", "vs", "what", "where", "which",
    "who", "why", "will", "with", "you", "your",
];

/// Words that steer the ranking towards a kind ("cost" puts cost ranges first) without filtering.
pub const KIND_WORDS: &[(&str, Kind)] = &[
    ("cost", Kind::Cost),
    ("costs", Kind::Cost),
    ("price", Kind::Cost),
    ("prices", Kind::Cost),
    ("pricing", Kind::Cost),
    ("fee", Kind::Cost),
    ("fees", Kind::Cost),
    ("cheap", Kind::Cost),
    ("cheapest", Kind::Cost),
    ("expensive", Kind::Cost),
    ("budget", Kind::Cost),
    ("clinic", Kind::Clinic),
    ("clinics", Kind::Clinic),
    ("hospital", Kind::Clinic),
    ("hospitals", Kind::Clinic),
    ("doctor", Kind::Clinic),
    ("doctors", Kind::Clinic),
    ("dr", Kind::Clinic),
    ("treatment", Kind::Therapy),
    ("treatments", Kind::Therapy),
    ("therapy", Kind::Therapy),
    ("therapies", Kind::Therapy),
    ("option", Kind::Therapy),
    ("options", Kind::Therapy),
    ("proven", Kind::Therapy),
    ("evidence", Kind::Therapy),
    ("effective", Kind::Therapy),
    ("work", Kind::Therapy),
    ("works", Kind::Therapy),
    ("visa", Kind::Travel),
    ("visas", Kind::Travel),
    ("stay", Kind::Travel),
    ("documents", Kind::Travel),
    ("number", Kind::Travel),
    ("phone", Kind::Travel),
];

/// True for a word ignored unless quoted.
pub fn is_stop_word(folded: &str) -> bool {
    STOP_WORDS.binary_search(&folded).is_ok()
}

/// The kind a word names, if any.
pub fn kind_word(folded: &str) -> Option<Kind> {
    KIND_WORDS
        .iter()
        .find(|(w, _)| *w == folded)
        .map(|&(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_stop_word("the") && is_stop_word("is") && !is_stop_word("scar"));
        assert_eq!(kind_word("price"), Some(Kind::Cost));
        assert_eq!(kind_word("dr"), Some(Kind::Clinic));
        assert_eq!(kind_word("keloid"), None);
    }
}
