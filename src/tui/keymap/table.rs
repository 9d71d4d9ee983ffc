//! The default bindings: one row per action and context, with every key that does it.

use super::{Context, Key, number_tab};
use crate::tui::action::{Action, Tab};
use crossterm::event::KeyCode;

const UP: Key = Key::plain(KeyCode::Up);
const DOWN: Key = Key::plain(KeyCode::Down);
const LEFT: Key = Key::plain(KeyCode::Left);
const RIGHT: Key = Key::plain(KeyCode::Right);
const ENTER: Key = Key::plain(KeyCode::Enter);
const ESC: Key = Key::plain(KeyCode::Esc);
const HOME: Key = Key::plain(KeyCode::Home);
const END: Key = Key::plain(KeyCode::End);
const PAGE_UP: Key = Key::plain(KeyCode::PageUp);
const PAGE_DOWN: Key = Key::plain(KeyCode::PageDown);
const BACKSPACE: Key = Key::plain(KeyCode::Backspace);
const DELETE: Key = Key::plain(KeyCode::Delete);
const TAB: Key = Key::plain(KeyCode::Tab);
const BACK_TAB: Key = Key::plain(KeyCode::BackTab);

/// `(context, keys, action)`, in the order the help overlay lists them.
pub(super) const TABLE: &[(Context, &[Key], Action)] = &[
    (Context::Always, &[Key::ctrl('c')], Action::Quit),
    (Context::Global, &[Key::char('q')], Action::Quit),
    (Context::Global, &[Key::char('?')], Action::Help),
    (Context::Global, &[ESC], Action::Close),
    (Context::Global, &[TAB], Action::NextTab),
    (Context::Global, &[BACK_TAB], Action::PrevTab),
    (
        Context::Global,
        &[Key::char('1')],
        Action::ShowTab(number_tab(1)),
    ),
    (
        Context::Global,
        &[Key::char('2')],
        Action::ShowTab(number_tab(2)),
    ),
    (
        Context::Global,
        &[Key::char('3')],
        Action::ShowTab(number_tab(3)),
    ),
    (
        Context::Global,
        &[Key::char('4')],
        Action::ShowTab(number_tab(4)),
    ),
    (
        Context::Global,
        &[Key::char('5')],
        Action::ShowTab(number_tab(5)),
    ),
    (
        Context::Global,
        &[Key::char('6')],
        Action::ShowTab(number_tab(6)),
    ),
    (Context::Global, &[Key::char('j'), DOWN], Action::Down),
    (Context::Global, &[Key::char('k'), UP], Action::Up),
    (Context::Global, &[PAGE_DOWN], Action::PageDown),
    (Context::Global, &[PAGE_UP], Action::PageUp),
    (Context::Global, &[Key::char('g'), HOME], Action::Top),
    (Context::Global, &[Key::char('G'), END], Action::Bottom),
    (Context::Global, &[Key::char('/')], Action::OpenSearch),
    (Context::Global, &[Key::char(' ')], Action::ToggleMark),
    (Context::Global, &[Key::char('c')], Action::OpenCompare),
    (Context::Global, &[Key::char('x')], Action::ClearMarks),
    (Context::Global, &[BACKSPACE], Action::Back),
    (Context::Global, &[Key::char('$')], Action::ToggleCurrency),
    (Context::Global, &[Key::char('e')], Action::Estimate),
    (Context::Global, &[Key::char('b')], Action::ToggleShortlist),
    (Context::Global, &[Key::char('n')], Action::EditNote),
    (
        Context::Global,
        &[Key::char('s')],
        Action::ShowTab(Tab::Shortlist),
    ),
    (Context::Global, &[Key::char('E')], Action::Export),
    (Context::Global, &[Key::char('p')], Action::TogglePresenter),
    (
        Context::List,
        &[Key::char('l'), RIGHT, ENTER],
        Action::FocusDetail,
    ),
    (Context::Detail, &[Key::char('h'), LEFT], Action::FocusList),
    (Context::Detail, &[ENTER], Action::FollowLink),
    (
        Context::Compare,
        &[Key::char('h'), LEFT],
        Action::ColumnLeft,
    ),
    (
        Context::Compare,
        &[Key::char('l'), RIGHT],
        Action::ColumnRight,
    ),
    (Context::Shortlist, &[ENTER], Action::OpenEntry),
    (
        Context::Shortlist,
        &[Key::char('d'), DELETE],
        Action::RemoveEntry,
    ),
    (
        Context::Shortlist,
        &[Key::char('K'), Key::shift(KeyCode::Up)],
        Action::MoveEntryUp,
    ),
    (
        Context::Shortlist,
        &[Key::char('J'), Key::shift(KeyCode::Down)],
        Action::MoveEntryDown,
    ),
    (Context::Search, &[ENTER], Action::OpenHit),
    (Context::Search, &[DOWN, Key::ctrl('n')], Action::Down),
    (Context::Search, &[UP, Key::ctrl('p')], Action::Up),
    (Context::Search, &[PAGE_DOWN], Action::PageDown),
    (Context::Search, &[PAGE_UP], Action::PageUp),
    (Context::Search, &[BACKSPACE], Action::SearchDelete),
    (Context::Search, &[ESC], Action::Close),
    (Context::Form, &[TAB, DOWN], Action::NextField),
    (Context::Form, &[BACK_TAB, UP], Action::PrevField),
    (Context::Form, &[RIGHT, Key::char('+')], Action::Increase),
    (Context::Form, &[LEFT, Key::char('-')], Action::Decrease),
    (Context::Form, &[BACKSPACE], Action::FormDelete),
    (
        Context::Form,
        &[PAGE_DOWN, Key::char(' ')],
        Action::PageDown,
    ),
    (Context::Form, &[PAGE_UP], Action::PageUp),
    (Context::Form, &[Key::char('$')], Action::ToggleCurrency),
    (Context::Form, &[ESC], Action::Close),
    (Context::Note, &[ENTER], Action::SaveNote),
    (Context::Note, &[BACKSPACE], Action::NoteDelete),
    (Context::Note, &[ESC], Action::Close),
    (
        Context::Confirm,
        &[Key::char('y'), Key::char('Y')],
        Action::Confirm,
    ),
    (
        Context::Confirm,
        &[Key::char('n'), Key::char('N'), ESC],
        Action::Close,
    ),
    (Context::Help, &[Key::char('?'), ESC], Action::Close),
    (Context::Help, &[Key::char('q')], Action::Quit),
    (Context::Help, &[Key::char('j'), DOWN], Action::Down),
    (Context::Help, &[Key::char('k'), UP], Action::Up),
    (
        Context::Help,
        &[PAGE_DOWN, Key::char(' ')],
        Action::PageDown,
    ),
    (Context::Help, &[PAGE_UP], Action::PageUp),
    (Context::Help, &[Key::char('g'), HOME], Action::Top),
    (Context::Help, &[Key::char('G'), END], Action::Bottom),
];
