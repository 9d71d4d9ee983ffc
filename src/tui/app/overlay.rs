//! What is open on top of the panes, each with the state it needs: opening one is one assignment
//! (`app.overlay = Some(Overlay::Help { scroll: 0 })`), closing it is one (`app.overlay = None`), and
//! every question about overlays (which keys, which mouse pane, how it is laid out, what closing
//! says) is one `match` here.

use super::export::{NameEdit, Pending};
use super::{EstimateForm, FacetPanel, NoteEdit, SearchPane};
use crate::tui::action::Pane;
use crate::tui::keymap::Context;
use std::hash::{Hash, Hasher};

/// What is open on top of the panes, with its state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// Search as you type: the query, its hits and the selected hit.
    Search(SearchPane),
    /// The keys, scrolled this many lines.
    Help {
        /// The first line shown.
        scroll: usize,
    },
    /// The trip-budget form.
    Estimate(EstimateForm),
    /// Writing a note on a shortlist entry.
    Note(NoteEdit),
    /// The handout's file name, offered and editable; the handout waits for Enter.
    Name(NameEdit),
    /// Replace an existing file? The handout waits for the answer.
    Confirm(Pending),
    /// Saving the shortlist failed: the whole message, until dismissed; when `quitting`, q was
    /// pressed with these changes unsaved, and the question is whether to save again, quit without
    /// them, or stay.
    Unsaved {
        /// Why the last save failed, in full.
        error: String,
        /// True when the question came from quitting.
        quitting: bool,
    },
    /// The facet panel: a tab's facet values with counts, to narrow its list.
    Facets(FacetPanel),
}

impl Overlay {
    /// Where its keys are read.
    pub fn context(&self) -> Context {
        match self {
            Overlay::Search(_) => Context::Search,
            Overlay::Help { .. } => Context::Help,
            Overlay::Estimate(_) => Context::Form,
            Overlay::Note(_) | Overlay::Name(_) => Context::Note,
            Overlay::Confirm(_) => Context::Confirm,
            Overlay::Unsaved { .. } => Context::Unsaved,
            Overlay::Facets(_) => Context::Facets,
        }
    }

    /// The pane the mouse wheel scrolls while it is open (it takes every mouse event); `None` for
    /// the one-line prompts, which do not scroll.
    pub fn pane(&self) -> Option<Pane> {
        match self {
            Overlay::Search(_) => Some(Pane::Search),
            Overlay::Help { .. } => Some(Pane::Help),
            Overlay::Estimate(_) => Some(Pane::Form),
            Overlay::Note(_)
            | Overlay::Name(_)
            | Overlay::Confirm(_)
            | Overlay::Unsaved { .. }
            | Overlay::Facets(_) => None,
        }
    }

    /// True for a one-line question or text input, drawn at the bottom over the panes; the others
    /// cover the panes.
    pub fn is_prompt(&self) -> bool {
        match self {
            Overlay::Note(_) | Overlay::Name(_) | Overlay::Confirm(_) => true,
            Overlay::Search(_)
            | Overlay::Help { .. }
            | Overlay::Estimate(_)
            | Overlay::Unsaved { .. }
            | Overlay::Facets(_) => false,
        }
    }

    /// What the status bar says when it is closed without an answer, if anything.
    pub(super) fn closed(&self) -> Option<String> {
        match self {
            Overlay::Note(_) => Some("Note left as it was".into()),
            Overlay::Name(_) => Some("No handout written".into()),
            Overlay::Confirm(p) => Some(format!(
                "Nothing written; {} was left as it was",
                super::export::shown(&p.path)
            )),
            Overlay::Unsaved { .. } => Some(
                "The shortlist's changes are not saved yet: the next change tries again, q asks"
                    .into(),
            ),
            Overlay::Search(_)
            | Overlay::Help { .. }
            | Overlay::Estimate(_)
            | Overlay::Facets(_) => None,
        }
    }

    /// Hashes what it shows, for the app's redraw check.
    pub(super) fn fingerprint(&self, h: &mut impl Hasher) {
        std::mem::discriminant(self).hash(h);
        match self {
            Overlay::Search(s) => s.fingerprint(h),
            Overlay::Help { scroll } => scroll.hash(h),
            Overlay::Estimate(f) => f.hash(h),
            Overlay::Note(n) => n.hash(h),
            Overlay::Name(n) => n.text.hash(h),
            Overlay::Confirm(p) => p.path.hash(h),
            Overlay::Unsaved { error, quitting } => (error, quitting).hash(h),
            Overlay::Facets(p) => p.hash(h),
        }
    }
}
