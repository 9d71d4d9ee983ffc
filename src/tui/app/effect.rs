//! What [`App::update`] asks of the world outside, as values: save the shortlist, read the clock,
//! ask whether a file exists, write a handout. `update` never touches the disk or the clock; it
//! queues [`Effect`]s, which whoever runs the app takes ([`App::take_effects`]), performs (the local
//! explorer: [`crate::tui::perform::Performer`]) and answers with an [`Outcome`], fed back through
//! `update` like an action. Tests assert the effect asked for without a disk, or perform it.

use super::App;
use crate::export::Handout;
use crate::shortlist::{Shortlist, Timestamp};
use crate::tui::action::Action;
use std::path::PathBuf;

/// Something to do outside the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    /// Save the shortlist, merged with what the file holds now; answered by [`Outcome::Saved`].
    SaveShortlist(Shortlist),
    /// Read the clock, to date a handout; answered by [`Outcome::Now`].
    ReadClock,
    /// Does a handout's file exist already? Answered by [`Outcome::Checked`].
    CheckFile {
        /// The file.
        path: PathBuf,
        /// The handout that would go there.
        handout: Box<Handout>,
    },
    /// Find a file name in `dir` that is free: `STEM.EXT`, else `STEM-2.EXT`, `STEM-3.EXT`...;
    /// answered by [`Outcome::Named`].
    FreeName {
        /// Where the file would go.
        dir: PathBuf,
        /// The name before its number and extension.
        stem: String,
        /// The extension, without the dot.
        extension: &'static str,
        /// The handout that would go there.
        handout: Box<Handout>,
    },
    /// Put text on the terminal's clipboard (OSC 52); answered by [`Outcome::Terminal`].
    Copy(String),
    /// Capture the mouse (`true`) or leave it to the terminal's own selection; answered by
    /// [`Outcome::Terminal`].
    Mouse(bool),
    /// Keep the currency and theme chosen for the next start; answered by [`Outcome::Remembered`].
    Remember(crate::state::Remembered),
    /// Write a handout (as HTML); answered by [`Outcome::Written`].
    WriteHandout {
        /// The file.
        path: PathBuf,
        /// The handout.
        handout: Box<Handout>,
        /// Replace the file if it exists.
        overwrite: bool,
    },
}

/// How an [`Effect`] went, fed back to the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The shortlist was saved (the list merged with the file's, which becomes the app's), or not.
    Saved(Result<Saved, String>),
    /// The time now.
    Now(Timestamp),
    /// Whether a handout's file exists.
    Checked {
        /// The file.
        path: PathBuf,
        /// The handout that would go there.
        handout: Box<Handout>,
        /// True when something is there already.
        exists: bool,
    },
    /// A free file name (the file name only, no directory).
    Named {
        /// The name.
        name: String,
        /// The handout that would go there.
        handout: Box<Handout>,
    },
    /// What was asked of the terminal was sent, or why not.
    Terminal(Result<(), String>),
    /// The choices were kept, or why not.
    Remembered(Result<(), String>),
    /// A handout was written, or why not.
    Written {
        /// The file.
        path: PathBuf,
        /// `Err` says what went wrong.
        result: Result<(), String>,
    },
}

/// A shortlist saved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Saved {
    /// The list as saved: this app's changes merged with others' (`None` when it is kept nowhere
    /// but in memory, so nothing changed).
    pub list: Option<Shortlist>,
    /// Where an unreadable shortlist file was moved to before writing, if one was.
    pub moved_aside: Option<PathBuf>,
}

/// What [`App::update`] takes: a user's action, or the outcome of an effect it asked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Message {
    /// Something the user did (or the terminal told).
    Action(Action),
    /// How an effect went.
    Outcome(Outcome),
}

impl From<Action> for Message {
    fn from(action: Action) -> Message {
        Message::Action(action)
    }
}

impl From<Outcome> for Message {
    fn from(outcome: Outcome) -> Message {
        Message::Outcome(outcome)
    }
}

impl App {
    /// The effects asked for since the last call, oldest first; whoever runs the app performs them
    /// and feeds each outcome back through [`App::update`].
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// Asks for an effect.
    pub(super) fn ask(&mut self, effect: Effect) {
        self.effects.push(effect);
    }

    /// Applies an effect's outcome.
    pub(super) fn receive(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Saved(result) => self.shortlist_saved(result),
            Outcome::Now(now) => self.export_at(now),
            Outcome::Checked {
                path,
                handout,
                exists,
            } => self.export_checked(path, handout, exists),
            Outcome::Written { path, result } => self.export_written(&path, result),
            Outcome::Named { name, handout } => self.export_named(name, handout),
            Outcome::Terminal(result) => self.terminal_answered(result),
            Outcome::Remembered(result) => self.remembered(result),
        }
    }
}
