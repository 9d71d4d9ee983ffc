//! Where the keyboard is: the pane with the focus (what is open on top is an [`super::Overlay`]).

use crate::model::Kind;
use crate::tui::action::Tab;

/// Which pane has the keyboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Focus {
    /// The list of a kind's records (of cost groups on the Costs tab).
    List(Kind),
    /// The detail of the selected record of a kind (the cost chart on the Costs tab).
    Detail(Kind),
    /// The compare view.
    Compare,
    /// The shortlist view.
    Shortlist,
}

impl Focus {
    /// The kind of records shown, unless comparing or in the shortlist.
    pub fn kind(self) -> Option<Kind> {
        match self {
            Focus::List(k) | Focus::Detail(k) => Some(k),
            Focus::Compare | Focus::Shortlist => None,
        }
    }

    /// The tab shown.
    pub fn tab(self) -> Tab {
        match self {
            Focus::List(k) | Focus::Detail(k) => Tab::Records(k),
            Focus::Compare => Tab::Compare,
            Focus::Shortlist => Tab::Shortlist,
        }
    }
}
