//! Stable names for the actions a key can be bound to, as the `keys` setting writes them
//! (`"ctrl-n": "next-tab"`). Names are kebab-case; snake_case is read too.

use super::{Action, Tab};
use crate::model::Kind;

/// Every action a key can be bound to, with its name, in the order the help lists them.
pub const BINDABLE: &[(&str, Action)] = &[
    ("quit", Action::Quit),
    ("help", Action::Help),
    ("close", Action::Close),
    ("next-tab", Action::NextTab),
    ("prev-tab", Action::PrevTab),
    (
        "show-conditions",
        Action::ShowTab(Tab::Records(Kind::Condition)),
    ),
    (
        "show-therapies",
        Action::ShowTab(Tab::Records(Kind::Therapy)),
    ),
    ("show-clinics", Action::ShowTab(Tab::Records(Kind::Clinic))),
    ("show-costs", Action::ShowTab(Tab::Records(Kind::Cost))),
    ("show-travel", Action::ShowTab(Tab::Records(Kind::Travel))),
    ("show-compare", Action::ShowTab(Tab::Compare)),
    ("show-shortlist", Action::ShowTab(Tab::Shortlist)),
    ("focus-list", Action::FocusList),
    ("focus-detail", Action::FocusDetail),
    ("up", Action::Up),
    ("down", Action::Down),
    ("page-up", Action::PageUp),
    ("page-down", Action::PageDown),
    ("top", Action::Top),
    ("bottom", Action::Bottom),
    ("column-left", Action::ColumnLeft),
    ("column-right", Action::ColumnRight),
    ("follow-link", Action::FollowLink),
    ("back", Action::Back),
    ("search", Action::OpenSearch),
    ("search-delete", Action::SearchDelete),
    ("open-hit", Action::OpenHit),
    ("mark", Action::ToggleMark),
    ("compare", Action::OpenCompare),
    ("clear-marks", Action::ClearMarks),
    ("currency", Action::ToggleCurrency),
    ("estimate", Action::Estimate),
    ("shortlist", Action::ToggleShortlist),
    ("note", Action::EditNote),
    ("export", Action::Export),
    ("presenter", Action::TogglePresenter),
    ("next-field", Action::NextField),
    ("prev-field", Action::PrevField),
    ("increase", Action::Increase),
    ("decrease", Action::Decrease),
    ("form-delete", Action::FormDelete),
    ("note-delete", Action::NoteDelete),
    ("save-note", Action::SaveNote),
    ("confirm", Action::Confirm),
    ("open-entry", Action::OpenEntry),
    ("remove-entry", Action::RemoveEntry),
    ("move-entry-up", Action::MoveEntryUp),
    ("move-entry-down", Action::MoveEntryDown),
];

impl Action {
    /// The action's name in the `keys` setting; `None` for actions no key can be bound to (typing,
    /// mouse clicks, resizes).
    pub fn name(self) -> Option<&'static str> {
        BINDABLE.iter().find(|(_, a)| *a == self).map(|(n, _)| *n)
    }

    /// The action a name stands for: `next-tab`, `next_tab` or `Next-Tab`.
    pub fn from_name(name: &str) -> Option<Action> {
        let folded = name.trim().to_ascii_lowercase().replace('_', "-");
        BINDABLE.iter().find(|(n, _)| *n == folded).map(|(_, a)| *a)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_read_back_and_are_unique() {
        for (name, action) in BINDABLE {
            assert_eq!(Action::from_name(name), Some(*action));
            assert_eq!(action.name(), Some(*name));
        }
        assert_eq!(Action::from_name("NEXT_TAB"), Some(Action::NextTab));
        assert_eq!(Action::from_name("halp"), None);
        assert_eq!(Action::SearchInput('a').name(), None);
    }
}
