//! A one-line text field that edits like a shell's (readline's emacs keys): a cursor moved by
//! Left/Right and Ctrl-A/Ctrl-E, Ctrl-U and Ctrl-K to cut before or after it, Ctrl-W to cut the
//! word before it (back to a space), Alt-Backspace to cut the word before it (back to a non-letter),
//! Delete; and a history of past entries walked with Up/Down or Ctrl-P/Ctrl-N, which keeps what was
//! being typed to come back to.

/// One edit of a line: what the keys for the field mean, before any key is bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Edit {
    /// Insert a character at the cursor.
    Insert(char),
    /// Delete the character before the cursor (Backspace).
    Backspace,
    /// Delete the character under the cursor (Delete, Ctrl-D).
    Delete,
    /// One character left.
    Left,
    /// One character right.
    Right,
    /// To the start (Ctrl-A, Home).
    Home,
    /// To the end (Ctrl-E, End).
    End,
    /// Cut from the start to the cursor (Ctrl-U).
    KillToStart,
    /// Cut from the cursor to the end (Ctrl-K).
    KillToEnd,
    /// Cut the word before the cursor, back to whitespace (Ctrl-W).
    KillWord,
    /// Cut the word before the cursor, back to a character that is not a letter or digit
    /// (Alt-Backspace).
    KillAlnumWord,
    /// One word left (Alt-B).
    WordLeft,
    /// One word right (Alt-F).
    WordRight,
}

/// A line and its cursor, counted in characters.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct LineEdit {
    text: String,
    /// Characters before the cursor.
    cursor: usize,
    /// The longest line kept, in characters (0: no limit).
    max: usize,
}

impl LineEdit {
    /// An empty line that keeps at most `max` characters (0 for no limit).
    pub fn with_max(max: usize) -> LineEdit {
        LineEdit {
            max,
            ..LineEdit::default()
        }
    }

    /// The text.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Characters before the cursor.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// The text before the cursor and from it on, for drawing the cursor between them.
    pub fn split(&self) -> (&str, &str) {
        self.text.split_at(self.byte(self.cursor))
    }

    /// Replaces the text, the cursor at its end.
    pub fn set(&mut self, text: &str) {
        self.text = text
            .chars()
            .filter(|c| !c.is_control())
            .take(if self.max == 0 { usize::MAX } else { self.max })
            .collect();
        self.cursor = self.len();
    }

    fn len(&self) -> usize {
        self.text.chars().count()
    }

    /// The byte offset of character `i`.
    fn byte(&self, i: usize) -> usize {
        self.text
            .char_indices()
            .nth(i)
            .map_or(self.text.len(), |(b, _)| b)
    }

    /// Removes characters `from..to`.
    fn cut(&mut self, from: usize, to: usize) -> bool {
        if from >= to {
            return false;
        }
        let (a, b) = (self.byte(from), self.byte(to));
        self.text.replace_range(a..b, "");
        self.cursor = from;
        true
    }

    /// Where the word before the cursor starts: back over separators, then over word characters.
    fn word_start(&self, is_word: impl Fn(char) -> bool) -> usize {
        let chars: Vec<char> = self.text.chars().collect();
        let mut i = self.cursor;
        while i > 0 && !is_word(chars[i - 1]) {
            i -= 1;
        }
        while i > 0 && is_word(chars[i - 1]) {
            i -= 1;
        }
        i
    }

    /// Where the word after the cursor ends.
    fn word_end(&self) -> usize {
        let chars: Vec<char> = self.text.chars().collect();
        let mut i = self.cursor;
        while i < chars.len() && !chars[i].is_alphanumeric() {
            i += 1;
        }
        while i < chars.len() && chars[i].is_alphanumeric() {
            i += 1;
        }
        i
    }

    /// Applies an edit; true when the text changed (a cursor move alone returns false).
    pub fn apply(&mut self, edit: Edit) -> bool {
        let len = self.len();
        match edit {
            Edit::Insert(c) => {
                if c.is_control() || (self.max > 0 && len >= self.max) {
                    return false;
                }
                let at = self.byte(self.cursor);
                self.text.insert(at, c);
                self.cursor += 1;
                true
            }
            Edit::Backspace => self.cursor > 0 && self.cut(self.cursor - 1, self.cursor),
            Edit::Delete => self.cut(self.cursor, (self.cursor + 1).min(len)),
            Edit::Left => {
                self.cursor = self.cursor.saturating_sub(1);
                false
            }
            Edit::Right => {
                self.cursor = (self.cursor + 1).min(len);
                false
            }
            Edit::Home => {
                self.cursor = 0;
                false
            }
            Edit::End => {
                self.cursor = len;
                false
            }
            Edit::KillToStart => self.cut(0, self.cursor),
            Edit::KillToEnd => self.cut(self.cursor, len),
            Edit::KillWord => self.cut(self.word_start(|c| !c.is_whitespace()), self.cursor),
            Edit::KillAlnumWord => self.cut(self.word_start(char::is_alphanumeric), self.cursor),
            Edit::WordLeft => {
                self.cursor = self.word_start(char::is_alphanumeric);
                false
            }
            Edit::WordRight => {
                self.cursor = self.word_end();
                false
            }
        }
    }
}

/// Past entries, oldest first, and where a walk through them is.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct History {
    entries: Vec<String>,
    /// The entry shown while walking, or `None` when on the line being typed.
    at: Option<usize>,
    /// What was being typed when the walk began.
    draft: String,
    max: usize,
}

impl History {
    /// A history that keeps the newest `max` entries.
    pub fn with_max(max: usize) -> History {
        History {
            max,
            ..History::default()
        }
    }

    /// The entries, oldest first.
    pub fn entries(&self) -> &[String] {
        &self.entries
    }

    /// True while an older entry is shown instead of the line being typed.
    pub fn walking(&self) -> bool {
        self.at.is_some()
    }

    /// Keeps an entry (not a blank one, nor the same as the newest), and ends any walk.
    pub fn push(&mut self, entry: &str) {
        self.at = None;
        let entry = entry.trim();
        if entry.is_empty() || self.entries.last().is_some_and(|e| e == entry) {
            return;
        }
        self.entries.retain(|e| e != entry);
        self.entries.push(entry.to_owned());
        let over = self.entries.len().saturating_sub(self.max.max(1));
        self.entries.drain(..over);
    }

    /// Ends a walk (the line was edited, or the field closed).
    pub fn stop(&mut self) {
        self.at = None;
    }

    /// One entry older, given the line as it is; the text to show, or `None` at the oldest.
    pub fn older(&mut self, line: &str) -> Option<String> {
        let next = match self.at {
            None if self.entries.is_empty() => return None,
            None => {
                self.draft = line.to_owned();
                self.entries.len() - 1
            }
            Some(0) => return None,
            Some(i) => i - 1,
        };
        self.at = Some(next);
        Some(self.entries[next].clone())
    }

    /// One entry newer; past the newest, the line that was being typed. `None` when not walking.
    pub fn newer(&mut self) -> Option<String> {
        let i = self.at?;
        if i + 1 < self.entries.len() {
            self.at = Some(i + 1);
            Some(self.entries[i + 1].clone())
        } else {
            self.at = None;
            Some(std::mem::take(&mut self.draft))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str) -> LineEdit {
        let mut l = LineEdit::default();
        l.set(text);
        l
    }

    #[test]
    fn inserts_at_the_cursor_and_moves_by_characters_not_bytes() {
        let mut l = line("강남 clinic");
        l.apply(Edit::Home);
        l.apply(Edit::Right);
        assert!(l.apply(Edit::Insert('x')));
        assert_eq!(l.text(), "강x남 clinic");
        assert_eq!(l.split(), ("강x", "남 clinic"));
        l.apply(Edit::End);
        assert!(l.apply(Edit::Backspace));
        assert_eq!(l.text(), "강x남 clini");
        assert!(
            !l.apply(Edit::Delete),
            "nothing under the cursor at the end"
        );
        l.apply(Edit::Home);
        assert!(!l.apply(Edit::Backspace));
        assert!(l.apply(Edit::Delete));
        assert_eq!(l.text(), "x남 clini");
    }

    #[test]
    fn cuts_like_a_shell() {
        let mut l = line("stem-cell hair loss");
        assert!(l.apply(Edit::KillAlnumWord));
        assert_eq!(l.text(), "stem-cell hair ");
        assert!(l.apply(Edit::KillWord));
        assert_eq!(l.text(), "stem-cell ");
        assert!(l.apply(Edit::KillAlnumWord));
        assert_eq!(l.text(), "stem-");
        let mut l = line("stem-cell hair");
        assert!(l.apply(Edit::KillWord));
        assert_eq!(l.text(), "stem-cell ");
        assert!(
            l.apply(Edit::KillWord),
            "back over the space, then the word"
        );
        assert_eq!(l.text(), "");
        let mut l = line("keloid scar");
        l.apply(Edit::WordLeft);
        assert_eq!(l.cursor(), 7);
        assert!(l.apply(Edit::KillToStart));
        assert_eq!((l.text(), l.cursor()), ("scar", 0));
        l.apply(Edit::WordRight);
        assert_eq!(l.cursor(), 4);
        l.apply(Edit::Home);
        assert!(l.apply(Edit::KillToEnd));
        assert_eq!(l.text(), "");
    }

    #[test]
    fn keeps_to_its_length_and_refuses_controls() {
        let mut l = LineEdit::with_max(3);
        for c in "abcd".chars() {
            l.apply(Edit::Insert(c));
        }
        assert_eq!(l.text(), "abc");
        assert!(!l.apply(Edit::Insert('\u{1b}')));
        l.set("x\u{7}yzw");
        assert_eq!((l.text(), l.cursor()), ("xyz", 3));
    }

    #[test]
    fn history_walks_back_and_returns_to_the_draft() {
        let mut h = History::with_max(3);
        for q in ["lpp", "keloid", " ", "keloid", "knee", "hair"] {
            h.push(q);
        }
        assert_eq!(
            h.entries(),
            ["keloid", "knee", "hair"],
            "blank and repeats skipped, oldest dropped"
        );
        assert_eq!(h.newer(), None, "not walking yet");
        assert_eq!(h.older("sc").as_deref(), Some("hair"));
        assert!(h.walking());
        assert_eq!(h.older("hair").as_deref(), Some("knee"));
        assert_eq!(h.older("knee").as_deref(), Some("keloid"));
        assert_eq!(h.older("keloid"), None, "the oldest stays");
        assert_eq!(h.newer().as_deref(), Some("knee"));
        assert_eq!(h.newer().as_deref(), Some("hair"));
        assert_eq!(h.newer().as_deref(), Some("sc"), "back to what was typed");
        assert!(!h.walking());
        h.push("knee");
        assert_eq!(
            h.entries(),
            ["keloid", "hair", "knee"],
            "a reused entry moves to the end"
        );
    }
}
