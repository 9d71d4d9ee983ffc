//! Each case is parsed whole and split in two at every position (as packets may cut it), and must
//! give the same events every time.

use super::*;

fn key(code: KeyCode, mods: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new(code, mods))
}

fn ch(c: char) -> Event {
    key(KeyCode::Char(c), KeyModifiers::NONE)
}

/// The events of `bytes` fed in two packets cut at `at`, then a flush as after a pause.
fn split_at(bytes: &[u8], at: usize) -> Vec<Event> {
    let mut input = Input::new();
    let mut out = input.feed(&bytes[..at]);
    out.extend(input.feed(&bytes[at..]));
    out.extend(input.flush());
    out
}

/// Asserts that every way of cutting `bytes` in two, and one packet per byte, give `expected`.
fn check(bytes: &[u8], expected: &[Event]) {
    for at in 0..=bytes.len() {
        assert_eq!(
            split_at(bytes, at),
            expected,
            "{bytes:?} cut after {at} bytes"
        );
    }
    let mut input = Input::new();
    let mut out = Vec::new();
    for b in bytes {
        out.extend(input.feed(&[*b]));
    }
    out.extend(input.flush());
    assert_eq!(out, expected, "{bytes:?} a byte at a time");
}

#[test]
fn esc_alone_waits_for_the_pause_then_is_the_esc_key() {
    let mut input = Input::new();
    assert_eq!(input.feed(b"\x1b"), [], "held: it may start a sequence");
    assert_eq!(input.flush(), [key(KeyCode::Esc, KeyModifiers::NONE)]);
    assert_eq!(input.flush(), [], "given once");
    assert_eq!(input.feed(b"j"), [ch('j')], "the next key stands alone");
    check(b"\x1b", &[key(KeyCode::Esc, KeyModifiers::NONE)]);
}

#[test]
fn esc_then_a_letter_in_one_burst_is_alt() {
    check(b"\x1bj", &[key(KeyCode::Char('j'), KeyModifiers::ALT)]);
    check(b"\x1bq", &[key(KeyCode::Char('q'), KeyModifiers::ALT)]);
}

#[test]
fn arrows_in_both_encodings() {
    let arrows = [
        (b'A', KeyCode::Up),
        (b'B', KeyCode::Down),
        (b'C', KeyCode::Right),
        (b'D', KeyCode::Left),
    ];
    for (last, code) in arrows {
        let want = [key(code, KeyModifiers::NONE)];
        check(&[0x1b, b'[', last], &want);
        check(&[0x1b, b'O', last], &want);
    }
    check(b"\x1b[1;5C", &[key(KeyCode::Right, KeyModifiers::CONTROL)]);
    check(b"\x1b[1;2A", &[key(KeyCode::Up, KeyModifiers::SHIFT)]);
}

#[test]
fn function_and_editing_keys() {
    check(b"\x1bOP", &[key(KeyCode::F(1), KeyModifiers::NONE)]);
    check(b"\x1bOS", &[key(KeyCode::F(4), KeyModifiers::NONE)]);
    check(b"\x1b[15~", &[key(KeyCode::F(5), KeyModifiers::NONE)]);
    check(b"\x1b[24~", &[key(KeyCode::F(12), KeyModifiers::NONE)]);
    check(b"\x1b[5~", &[key(KeyCode::PageUp, KeyModifiers::NONE)]);
    check(b"\x1b[3~", &[key(KeyCode::Delete, KeyModifiers::NONE)]);
    check(b"\x1b[H", &[key(KeyCode::Home, KeyModifiers::NONE)]);
    check(b"\x1b[Z", &[key(KeyCode::BackTab, KeyModifiers::SHIFT)]);
}

#[test]
fn control_keys_enter_tab_backspace() {
    check(b"\x03", &[key(KeyCode::Char('c'), KeyModifiers::CONTROL)]);
    check(b"\r", &[key(KeyCode::Enter, KeyModifiers::NONE)]);
    check(b"\t", &[key(KeyCode::Tab, KeyModifiers::NONE)]);
    check(b"\x7f", &[key(KeyCode::Backspace, KeyModifiers::NONE)]);
}

fn mouse(kind: MouseEventKind, column: u16, row: u16) -> Event {
    Event::Mouse(MouseEvent {
        kind,
        column,
        row,
        modifiers: KeyModifiers::NONE,
    })
}

#[test]
fn sgr_mouse_press_release_and_wheel() {
    check(
        b"\x1b[<0;10;5M",
        &[mouse(MouseEventKind::Down(MouseButton::Left), 9, 4)],
    );
    check(
        b"\x1b[<0;10;5m",
        &[mouse(MouseEventKind::Up(MouseButton::Left), 9, 4)],
    );
    check(
        b"\x1b[<65;3;120M",
        &[mouse(MouseEventKind::ScrollDown, 2, 119)],
    );
    check(b"\x1b[<64;1;1M", &[mouse(MouseEventKind::ScrollUp, 0, 0)]);
}

#[test]
fn bracketed_paste_types_its_text_without_controls() {
    check(
        b"\x1b[200~hair loss\x1b[201~",
        &"hair loss".chars().map(ch).collect::<Vec<_>>(),
    );
    check(
        b"\x1b[200~a\nb\x07c\x1b[201~",
        &[ch('a'), ch(' '), ch('b'), ch('c')],
    );
    check(b"\x1b[200~\x1b[201~", &[]);
    let long = [b"\x1b[200~".as_slice(), &[b'x'; 2000], b"\x1b[201~"].concat();
    assert_eq!(split_at(&long, 700).len(), MAX_PASTE);
}

#[test]
fn utf8_cut_anywhere() {
    check("한".as_bytes(), &[ch('한')]);
    check("é".as_bytes(), &[ch('é')]);
    check("😀".as_bytes(), &[ch('😀')]);
    check("강남구".as_bytes(), &[ch('강'), ch('남'), ch('구')]);
}

#[test]
fn several_events_in_one_packet() {
    check(
        b"jk\x1b[B/ab\x1bOA",
        &[
            ch('j'),
            ch('k'),
            key(KeyCode::Down, KeyModifiers::NONE),
            ch('/'),
            ch('a'),
            ch('b'),
            key(KeyCode::Up, KeyModifiers::NONE),
        ],
    );
}

#[test]
fn a_sequence_that_never_ends_is_thrown_away_and_parsing_goes_on() {
    let mut input = Input::new();
    assert_eq!(input.feed(b"\x1b[200~"), []);
    let chunk = [b'a'; 1000];
    let mut fed = 6;
    while fed <= MAX_HELD {
        assert_eq!(input.feed(&chunk), [], "still inside the paste");
        fed += chunk.len();
    }
    assert_eq!(input.feed(b"j"), [ch('j')], "the parser starts afresh");
}

#[test]
fn alt_with_capitals_backspace_and_enter() {
    check(b"\x1bB", &[key(KeyCode::Char('B'), KeyModifiers::ALT)]);
    check(b"\x1b\x7f", &[key(KeyCode::Backspace, KeyModifiers::ALT)]);
    check(b"\x1b\r", &[key(KeyCode::Enter, KeyModifiers::ALT)]);
    check(b"\x1b/", &[key(KeyCode::Char('/'), KeyModifiers::ALT)]);
}

#[test]
fn home_and_end_in_every_encoding() {
    for bytes in [b"\x1b[H".as_slice(), b"\x1bOH", b"\x1b[1~"] {
        check(bytes, &[key(KeyCode::Home, KeyModifiers::NONE)]);
    }
    for bytes in [b"\x1b[F".as_slice(), b"\x1bOF", b"\x1b[4~"] {
        check(bytes, &[key(KeyCode::End, KeyModifiers::NONE)]);
    }
    check(b"\x1b[6~", &[key(KeyCode::PageDown, KeyModifiers::NONE)]);
}

#[test]
fn function_keys_with_modifiers() {
    check(b"\x1b[1;5P", &[key(KeyCode::F(1), KeyModifiers::CONTROL)]);
    check(b"\x1b[1;2Q", &[key(KeyCode::F(2), KeyModifiers::SHIFT)]);
    check(b"\x1b[17;3~", &[key(KeyCode::F(6), KeyModifiers::ALT)]);
}

#[test]
fn sgr_mouse_drag_right_button_and_modifiers() {
    check(
        b"\x1b[<32;4;2M",
        &[mouse(MouseEventKind::Drag(MouseButton::Left), 3, 1)],
    );
    check(
        b"\x1b[<2;500;200M",
        &[mouse(MouseEventKind::Down(MouseButton::Right), 499, 199)],
    );
    check(
        b"\x1b[<4;1;1M",
        &[Event::Mouse(MouseEvent {
            kind: MouseEventKind::Down(MouseButton::Left),
            column: 0,
            row: 0,
            modifiers: KeyModifiers::SHIFT,
        })],
    );
}

#[test]
fn a_paste_of_korean_cut_anywhere() {
    check(
        "\x1b[200~강남 clinic\x1b[201~".as_bytes(),
        &"강남 clinic".chars().map(ch).collect::<Vec<_>>(),
    );
}

#[test]
fn keys_and_characters_around_sequences() {
    check(
        b"a\x1b[Ab",
        &[ch('a'), key(KeyCode::Up, KeyModifiers::NONE), ch('b')],
    );
    check(
        "é\x1b[<0;2;2M한".as_bytes(),
        &[
            ch('é'),
            mouse(MouseEventKind::Down(MouseButton::Left), 1, 1),
            ch('한'),
        ],
    );
}
