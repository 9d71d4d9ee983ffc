//! Styles, in three schemes (dark, light, high contrast) of the 16 basic ANSI colours only, which every
//! terminal maps to its own palette (never RGB or the 256-colour table). Without colour (`NO_COLOR`
//! set to anything but an empty string, which wins over any scheme) only bold, reverse, underline
//! and italic remain.

use super::doc::Role;
use crate::config::Theme as Scheme;
use crate::model::Kind;
use ratatui::style::{Color, Modifier, Style};

/// The styles the panes draw with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Theme {
    /// True when colours may be used.
    pub color: bool,
    /// The colour scheme.
    pub scheme: Scheme,
}

/// The colours of a scheme, by use.
struct Palette {
    title: Color,
    meta: Color,
    heading: Color,
    link: Color,
    claim: Color,
    warn: Color,
    key: Color,
    focus: Color,
    mark: Color,
    korea: Color,
    bar: Color,
}

const DARK: Palette = Palette {
    title: Color::Cyan,
    meta: Color::DarkGray,
    heading: Color::Yellow,
    link: Color::Blue,
    claim: Color::Magenta,
    warn: Color::Yellow,
    key: Color::Green,
    focus: Color::Cyan,
    mark: Color::Green,
    korea: Color::Cyan,
    bar: Color::Gray,
};

const LIGHT: Palette = Palette {
    title: Color::Blue,
    meta: Color::DarkGray,
    heading: Color::Magenta,
    link: Color::Blue,
    claim: Color::Magenta,
    warn: Color::Red,
    key: Color::Green,
    focus: Color::Blue,
    mark: Color::Green,
    korea: Color::Blue,
    bar: Color::DarkGray,
};

const HIGH_CONTRAST: Palette = Palette {
    title: Color::White,
    meta: Color::Gray,
    heading: Color::LightYellow,
    link: Color::LightCyan,
    claim: Color::LightMagenta,
    warn: Color::LightYellow,
    key: Color::LightGreen,
    focus: Color::White,
    mark: Color::LightGreen,
    korea: Color::LightCyan,
    bar: Color::White,
};

impl Theme {
    /// Colours unless `NO_COLOR` is set and not empty; the dark scheme.
    pub fn from_env() -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme::new(Scheme::Dark, no_color)
    }

    /// A scheme, with colours unless `no_color`.
    pub const fn new(scheme: Scheme, no_color: bool) -> Theme {
        Theme {
            color: !no_color,
            scheme,
        }
    }

    /// The dark theme with colours.
    pub const fn colored() -> Theme {
        Theme::new(Scheme::Dark, false)
    }

    /// The theme without colours.
    pub const fn plain() -> Theme {
        Theme::new(Scheme::Dark, true)
    }

    /// The same theme in high contrast (presenter mode); still without colours if it had none.
    pub const fn high_contrast(self) -> Theme {
        Theme {
            color: self.color,
            scheme: Scheme::HighContrast,
        }
    }

    fn palette(self) -> &'static Palette {
        match self.scheme {
            Scheme::Dark => &DARK,
            Scheme::Light => &LIGHT,
            Scheme::HighContrast => &HIGH_CONTRAST,
        }
    }

    fn contrast(self) -> bool {
        self.scheme == Scheme::HighContrast
    }

    fn fg(self, pick: fn(&Palette) -> Color) -> Style {
        if self.color {
            Style::new().fg(pick(self.palette()))
        } else {
            Style::new()
        }
    }

    /// The style of a document role.
    pub fn role(self, role: Role) -> Style {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        match role {
            Role::Text => Style::new(),
            Role::Title => bold.patch(self.fg(|p| p.title)),
            Role::Meta => self.fg(|p| p.meta),
            Role::Label => bold,
            Role::Heading => bold
                .add_modifier(Modifier::UNDERLINED)
                .patch(self.fg(|p| p.heading)),
            Role::Link => self.fg(|p| p.link).add_modifier(Modifier::UNDERLINED),
            Role::Claim => self.fg(|p| p.claim),
            Role::Disclaimer if self.color => {
                let s = self.fg(|p| p.warn);
                if self.contrast() { s.patch(bold) } else { s }
            }
            Role::Disclaimer => Style::new().add_modifier(Modifier::ITALIC),
            Role::Key => bold.patch(self.fg(|p| p.key)),
            Role::Bar => self.fg(|p| p.bar),
            Role::Korea => bold.patch(self.fg(|p| p.korea)),
            Role::Figure => bold,
        }
    }

    /// A border: highlighted when its pane has the focus.
    pub fn border(self, focused: bool) -> Style {
        match (focused, self.color) {
            (true, true) => self.fg(|p| p.focus).add_modifier(Modifier::BOLD),
            (true, false) => Style::new().add_modifier(Modifier::BOLD),
            (false, _) => self.fg(|p| p.meta),
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
            .patch(self.fg(|p| p.warn))
    }

    /// Secondary text.
    pub fn dim(self) -> Style {
        self.role(Role::Meta)
    }

    /// The badge naming a record's kind.
    pub fn badge(self, kind: Kind) -> Style {
        let style = if !self.color {
            Style::new()
        } else {
            let c = match (kind, self.contrast()) {
                (Kind::Condition, false) => Color::Red,
                (Kind::Therapy, false) => Color::Green,
                (Kind::Clinic, false) => Color::Blue,
                (Kind::Cost, false) => Color::Yellow,
                (Kind::Travel, false) => Color::Magenta,
                (Kind::Condition, true) => Color::LightRed,
                (Kind::Therapy, true) => Color::LightGreen,
                (Kind::Clinic, true) => Color::LightCyan,
                (Kind::Cost, true) => Color::LightYellow,
                (Kind::Travel, true) => Color::LightMagenta,
            };
            let c = if self.scheme == Scheme::Light && kind == Kind::Cost {
                Color::Red
            } else {
                c
            };
            Style::new().fg(c)
        };
        style.add_modifier(Modifier::BOLD)
    }

    /// The tab being shown.
    pub fn tab_active(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    /// A compare row whose values differ.
    pub fn differs(self) -> Style {
        if self.color {
            self.fg(|p| p.warn)
        } else {
            Style::new().add_modifier(Modifier::BOLD)
        }
    }

    /// Every other compare row: a faint background where colours are used and the scheme has one
    /// that stays faint; nothing otherwise (the attribute names then mark the rows).
    pub fn stripe(self) -> Style {
        match (self.color, self.scheme) {
            (true, Scheme::Dark) => Style::new().bg(Color::Black),
            (true, Scheme::Light) => Style::new().bg(Color::White),
            _ => Style::new(),
        }
    }

    /// A status message (an answer to the last key).
    pub fn message(self) -> Style {
        Style::new()
            .add_modifier(Modifier::BOLD)
            .patch(self.fg(|p| p.warn))
    }

    /// The mark beside a record marked for comparison or kept on the shortlist.
    pub fn mark(self) -> Style {
        Style::new()
            .add_modifier(Modifier::BOLD)
            .patch(self.fg(|p| p.mark))
    }
}
