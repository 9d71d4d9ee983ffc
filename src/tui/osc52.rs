//! Copying to the clipboard with OSC 52: the terminal itself sets its clipboard from an escape
//! sequence, so copying works over SSH and on a shared server with no clipboard program. Inside tmux
//! the sequence is sent plainly (tmux takes it with `set-clipboard on`) and once more wrapped for
//! passthrough (reaching the outer terminal with `allow-passthrough on`).

use base64::Engine;
use base64::engine::general_purpose::STANDARD;

/// The most bytes of text copied at once: terminals drop longer sequences (xterm's default limit is
/// around 100 kB of base64), so a longer text is refused rather than cut.
pub const MAX_BYTES: usize = 74_000;

/// Whether to wrap the sequence for tmux, as read from the environment.
pub fn inside_tmux() -> bool {
    std::env::var_os("TMUX").is_some_and(|v| !v.is_empty())
}

/// The bytes that ask the terminal to put `text` on the clipboard (`ESC ] 52 ; c ; BASE64 BEL`),
/// and for tmux the same again wrapped in its passthrough (`ESC P tmux; ... ESC \`, every ESC inside
/// doubled). `None` when the text is too long to send.
pub fn sequence(text: &str, tmux: bool) -> Option<String> {
    if text.len() > MAX_BYTES {
        return None;
    }
    let plain = format!("\u{1b}]52;c;{}\u{7}", STANDARD.encode(text));
    if !tmux {
        return Some(plain);
    }
    let wrapped = format!(
        "\u{1b}Ptmux;{}\u{1b}\\",
        plain.replace('\u{1b}', "\u{1b}\u{1b}")
    );
    Some(format!("{plain}{wrapped}"))
}

/// The text an OSC 52 sequence carries: the inverse of [`sequence`] for its first, plain part.
pub fn decode(bytes: &[u8]) -> Option<String> {
    let s = std::str::from_utf8(bytes).ok()?;
    let start = s.find("\u{1b}]52;c;")? + "\u{1b}]52;c;".len();
    let end = start + s[start..].find('\u{7}')?;
    let raw = STANDARD.decode(&s[start..end]).ok()?;
    String::from_utf8(raw).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sequence_carries_the_text_in_base64() {
        let s = sequence("Keloids — ₩400,000", false).unwrap();
        assert!(
            s.starts_with("\u{1b}]52;c;") && s.ends_with('\u{7}'),
            "{s:?}"
        );
        assert!(!s[1..].contains('\u{1b}'), "one escape only");
        assert_eq!(decode(s.as_bytes()).as_deref(), Some("Keloids — ₩400,000"));
    }

    #[test]
    fn tmux_gets_it_plain_and_wrapped_for_passthrough() {
        let s = sequence("a\nb", true).unwrap();
        let (plain, wrapped) = s.split_at(s.find("\u{1b}Ptmux;").unwrap());
        assert_eq!(decode(plain.as_bytes()).as_deref(), Some("a\nb"));
        assert!(
            wrapped.starts_with("\u{1b}Ptmux;\u{1b}\u{1b}]52;c;"),
            "{wrapped:?}"
        );
        assert!(wrapped.ends_with("\u{7}\u{1b}\\"), "{wrapped:?}");
    }

    #[test]
    fn a_text_too_long_is_refused_not_cut() {
        assert!(sequence(&"x".repeat(MAX_BYTES + 1), false).is_none());
        assert!(sequence(&"x".repeat(MAX_BYTES), false).is_some());
    }
}
