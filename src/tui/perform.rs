//! The app's effects performed on this machine: the shortlist loaded at start and saved to its
//! store, the clock read, handouts checked for and written to disk. The app asks
//! ([`crate::tui::app::Effect`]); [`Performer::perform`] does it and answers with an
//! [`Outcome`], which [`settle`] feeds back to the app. Another front end may perform them its own
//! way (or tests not at all, asserting the effects asked for).

use super::app::{App, Effect, Outcome, Saved};
use super::osc52;
use super::setup::Setup;
use crate::export::Format;
use crate::shortlist::{Store, Timestamp};
use std::io::{self, Write};
use std::path::PathBuf;

/// Performs effects: keeps the shortlist's store, where the remembered choices go, and the
/// terminal's output for what is asked of the terminal itself (the clipboard, the mouse).
#[derive(Default)]
pub struct Performer {
    store: Option<Store>,
    state: Option<PathBuf>,
    terminal: Option<Box<dyn Write + Send>>,
}

impl std::fmt::Debug for Performer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Performer")
            .field("store", &self.store)
            .field("state", &self.state)
            .field("terminal", &self.terminal.is_some())
            .finish()
    }
}

impl Performer {
    /// Takes the setup's store and loads the shortlist from it into the setup; what needs saying (a
    /// file moved aside, a failure) is added to the setup's notices. Without a store the shortlist
    /// lives in memory only.
    pub fn open(setup: &mut Setup) -> Performer {
        let store = setup.store.take();
        if let Some(s) = &store {
            match s.load() {
                Ok(outcome) => {
                    if let Some(to) = &outcome.moved_aside {
                        setup.notices.push(format!(
                            "The shortlist file could not be read ({}); it was kept as {} and the \
                             shortlist starts empty",
                            outcome.problem.as_deref().unwrap_or("unknown problem"),
                            to.display()
                        ));
                    }
                    setup.shortlist = outcome.shortlist;
                }
                Err(e) => setup
                    .notices
                    .push(format!("The shortlist could not be loaded: {e}")),
            }
        }
        Performer {
            store,
            state: setup.state_file.take(),
            terminal: None,
        }
    }

    /// Sends what is asked of the terminal (OSC 52 for the clipboard, mouse capture) to `out`: the
    /// local terminal's standard output, or a remote session's channel.
    pub fn with_terminal(mut self, out: Box<dyn Write + Send>) -> Performer {
        self.terminal = Some(out);
        self
    }

    /// Writes bytes to the terminal, or says why they could not go.
    fn send_to_terminal(
        &mut self,
        write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> Result<(), String> {
        let out = self
            .terminal
            .as_mut()
            .ok_or("there is no terminal to send it to")?;
        write(out.as_mut())
            .and_then(|()| out.flush())
            .map_err(|e| e.to_string())
    }

    /// Where the shortlist is kept, if anywhere.
    pub fn store(&self) -> Option<&Store> {
        self.store.as_ref()
    }

    /// Does what an effect asks and says how it went.
    pub fn perform(&mut self, effect: Effect) -> Outcome {
        match effect {
            Effect::SaveShortlist(mut list) => Outcome::Saved(match &mut self.store {
                None => Ok(Saved {
                    list: None,
                    moved_aside: None,
                }),
                Some(store) => match store.save(&mut list) {
                    Ok(outcome) => Ok(Saved {
                        list: Some(list),
                        moved_aside: outcome.moved_aside,
                    }),
                    Err(e) => Err(e.to_string()),
                },
            }),
            Effect::ReadClock => Outcome::Now(Timestamp::now()),
            Effect::Copy(text) => {
                Outcome::Terminal(match osc52::sequence(&text, osc52::inside_tmux()) {
                    None => Err(format!(
                        "too long for the clipboard ({} bytes; terminals take about {})",
                        text.len(),
                        osc52::MAX_BYTES
                    )),
                    Some(seq) => self.send_to_terminal(|out| out.write_all(seq.as_bytes())),
                })
            }
            Effect::Mouse(capture) => {
                use crossterm::Command;
                let mut seq = String::new();
                let written = if capture {
                    crossterm::event::EnableMouseCapture.write_ansi(&mut seq)
                } else {
                    crossterm::event::DisableMouseCapture.write_ansi(&mut seq)
                };
                Outcome::Terminal(match written {
                    Ok(()) => self.send_to_terminal(|out| out.write_all(seq.as_bytes())),
                    Err(e) => Err(e.to_string()),
                })
            }
            Effect::Remember(choices) => Outcome::Remembered(match &self.state {
                None => Ok(()),
                Some(path) => choices.save(path).map_err(|e| {
                    format!(
                        "{}: {e}",
                        crate::text::sanitize(&path.display().to_string())
                    )
                }),
            }),
            Effect::FreeName {
                dir,
                stem,
                extension,
                handout,
            } => {
                let name = (1..)
                    .map(|n| match n {
                        1 => format!("{stem}.{extension}"),
                        n => format!("{stem}-{n}.{extension}"),
                    })
                    .find(|name| !dir.join(name).exists())
                    .unwrap_or_default();
                Outcome::Named { name, handout }
            }
            Effect::CheckFile { path, handout } => {
                let exists = path.exists();
                Outcome::Checked {
                    path,
                    handout,
                    exists,
                }
            }
            Effect::WriteHandout {
                path,
                handout,
                overwrite,
            } => {
                let result = handout
                    .write_to(&path, Format::Html, overwrite)
                    .map_err(|e| e.to_string());
                Outcome::Written { path, result }
            }
        }
    }
}

/// Performs the effects the app has asked for and feeds their outcomes back, until it asks for no
/// more; true when an outcome changed the screen.
pub fn settle(app: &mut App, performer: &mut Performer) -> bool {
    let mut changed = false;
    loop {
        let effects = app.take_effects();
        if effects.is_empty() {
            return changed;
        }
        for effect in effects {
            changed |= app.update(performer.perform(effect));
        }
    }
}
