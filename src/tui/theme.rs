//! Styles. With the `NO_COLOR` environment variable set (to anything but an empty string) there is no
//! colour at all, only bold, reverse and underline; otherwise only the 16 basic ANSI colours, which
//! every terminal maps to its own palette (never RGB or the 256-colour table).

use super::doc::Role;
use crate::model::Kind;
use ratatui::style::{Color, Modifier, Style};

/// The styles the panes draw with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// True when colours may be used.
    pub color: bool,
}

impl Theme {
    /// Colours unless `NO_COLOR` is set and not empty.
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme { color: !no_color }
    }

    /// The theme with colours.
    pub const fn colored() -> Theme {
        Theme { color: true }
    }

    /// The theme without colours.
    pub const fn plain() -> Theme {
        Theme { color: false }
    }

    fn fg(self, c: Color) -> Style {
        if self.color {
            Style::new().fg(c)
        } else {
            Style::new()
        }
    }

    /// The style of a document role.
    pub fn role(self, role: Role) -> Style {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        match role {
            Role::Text => Style::new(),
            Role::Title => bold.patch(self.fg(Color::Cyan)),
            Role::Meta => self.fg(Color::DarkGray),
            Role::Label => bold,
            Role::Heading => bold
                .add_modifier(Modifier::UNDERLINED)
                .patch(self.fg(Color::Yellow)),
            Role::Link => self.fg(Color::Blue).add_modifier(Modifier::UNDERLINED),
            Role::Claim => self.fg(Color::Magenta),
            Role::Disclaimer => self.fg(Color::Yellow),
            Role::Key => bold.patch(self.fg(Color::Green)),
        }
    }

    /// A border: highlighted when its pane has the focus.
    pub fn border(self, focused: bool) -> Style {
        match (focused, self.color) {
            (true, true) => Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            (true, false) => Style::new().add_modifier(Modifier::BOLD),
            (false, _) => self.fg(Color::DarkGray),
        }
    }

    /// The selected row of a list, or the selected link.
    pub fn selected(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED)
    }

    /// Letters that matched a search.
    pub fn matched(self) -> Style {
        Style::new()
            .add_modifier(Modifier::BOLD | Modifier::UNDERLINED)
            .patch(self.fg(Color::Yellow))
    }

    /// Secondary text.
    pub fn dim(self) -> Style {
        self.role(Role::Meta)
    }

    /// The badge naming a record's kind.
    pub fn badge(self, kind: Kind) -> Style {
        self.fg(match kind {
            Kind::Condition => Color::Red,
            Kind::Therapy => Color::Green,
            Kind::Clinic => Color::Blue,
            Kind::Cost => Color::Yellow,
            Kind::Travel => Color::Magenta,
        })
        .add_modifier(Modifier::BOLD)
    }

    /// The tab being shown.
    pub fn tab_active(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// A compare row whose values differ.
    pub fn differs(self) -> Style {
        if self.color {
            Style::new().fg(Color::Yellow)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    /// A status message (an answer to the last key).
    pub fn message(self) -> Style {
        Style::new()
            .add_modifier(Modifier::BOLD)
            .patch(self.fg(Color::Yellow))
    }

    /// The mark beside a record marked for comparison.
    pub fn mark(self) -> Style {
        Style::new()
            .add_modifier(Modifier::BOLD)
            .patch(self.fg(Color::Green))
    }
}
