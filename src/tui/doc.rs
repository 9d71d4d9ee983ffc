//! The text of the detail pane and the help overlay, laid out for a width: lines of spans tagged with
//! a role (the theme turns roles into styles) and, for the detail, which lines are links.
//!
//! Pure: the app uses it to know how far a pane scrolls and where its links are, the panes to draw it.
//! Every string from the data passes through [`text::sanitize`] here, so no control character reaches
//! the terminal and Korean text is in NFC.

mod costs;
mod form;
mod timeline;

pub use costs::{CostView, costs, costs_of, rate_text, savings};
pub use form::estimate;
pub use timeline::timeline;

use super::action::ACTIONS;
use super::keymap::Keymap;
use crate::describe::{DISCLAIMER, Description, Link};
use crate::model::Milestone;
use crate::text;

/// What a span of text is, for styling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Ordinary text.
    Text,
    /// The record's name.
    Title,
    /// Secondary text: kind and id, sources.
    Meta,
    /// A field's label.
    Label,
    /// A section heading.
    Heading,
    /// A link to another record.
    Link,
    /// Somebody's claim.
    Claim,
    /// The medical disclaimer.
    Disclaimer,
    /// Key names in the help.
    Key,
    /// A bar of a chart.
    Bar,
    /// South Korea's bars and marker in the cost chart.
    Korea,
    /// A figure at the end of a bar.
    Figure,
}

/// One line of a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocLine {
    /// The spans, left to right.
    pub spans: Vec<(String, Role)>,
    /// The link this line belongs to, as an index into [`Doc::links`].
    pub link: Option<usize>,
}

impl DocLine {
    /// A line of spans, not part of a link.
    pub fn new(spans: Vec<(String, Role)>) -> DocLine {
        DocLine { spans, link: None }
    }

    fn blank() -> DocLine {
        DocLine {
            spans: Vec::new(),
            link: None,
        }
    }
}

/// A document laid out for a width.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Doc {
    /// The lines.
    pub lines: Vec<DocLine>,
    /// The links, in order, with the first line each one is on.
    pub links: Vec<(usize, Link)>,
}

impl Doc {
    fn push(&mut self, spans: Vec<(String, Role)>) {
        self.lines.push(DocLine { spans, link: None });
    }

    fn blank(&mut self) {
        if self.lines.last().is_some_and(|l| !l.spans.is_empty()) {
            self.lines.push(DocLine::blank());
        }
    }

    /// Wrapped text: the first line starts with `first`, the others with `rest` (both indents).
    fn para(&mut self, first: &str, rest: &str, body: &str, role: Role, width: usize) {
        let body = text::sanitize(body);
        let w = width.saturating_sub(text::width(rest)).max(1);
        for (i, line) in text::wrap(&body, w).into_iter().enumerate() {
            let indent = if i == 0 { first } else { rest };
            self.push(vec![(indent.to_owned(), Role::Text), (line, role)]);
        }
    }

    /// "Label: value", wrapped, with the label styled as a label.
    fn labelled(&mut self, indent: &str, label: &str, value: &str, width: usize) {
        let label = format!("{}: ", text::sanitize(label));
        let body = format!("{label}{}", text::sanitize(value));
        let cont = format!("{indent}  ");
        let w = width.saturating_sub(text::width(&cont)).max(1);
        for (i, line) in text::wrap(&body, w).into_iter().enumerate() {
            if i == 0 && line.starts_with(label.trim_end()) {
                let (head, tail) = line.split_at(label.trim_end().len());
                self.push(vec![
                    (indent.to_owned(), Role::Text),
                    (head.to_owned(), Role::Label),
                    (tail.to_owned(), Role::Text),
                ]);
            } else {
                let ind = if i == 0 { indent } else { cont.as_str() };
                self.push(vec![(ind.to_owned(), Role::Text), (line, Role::Text)]);
            }
        }
    }

    fn heading(&mut self, title: &str) {
        self.blank();
        self.push(vec![(text::sanitize(title), Role::Heading)]);
    }
}

/// How a record is laid out.
#[derive(Debug, Clone, Copy, Default)]
pub struct DetailOptions<'a> {
    /// Presenter mode: no ids, no internal notes.
    pub presenter: bool,
    /// A therapy's timeline, drawn on a time axis after the fields (the "Timeline" field is then
    /// left out: the chart carries the same words).
    pub timeline: Option<&'a [Milestone]>,
}

/// The detail pane's document for a record.
pub fn detail(d: &Description, width: usize) -> Doc {
    detail_with(d, width, DetailOptions::default())
}

/// The detail pane's document for a record, with options.
pub fn detail_with(d: &Description, width: usize, opts: DetailOptions) -> Doc {
    let mut doc = Doc::default();
    append_detail(&mut doc, d, width, opts);
    doc
}

/// Appends a record's layout to a document (the cost chart puts the selected range below it).
pub fn append_detail(doc: &mut Doc, d: &Description, width: usize, opts: DetailOptions) {
    doc.para("", "", &d.name, Role::Title, width);
    if !opts.presenter {
        doc.para("", "", &format!("{} · {}", d.kind, d.id), Role::Meta, width);
    }
    if !d.aliases.is_empty() {
        doc.labelled("", "Also", &d.aliases.join("; "), width);
    }
    doc.blank();
    doc.para("", "", &d.summary, Role::Text, width);
    let timeline = opts.timeline.filter(|t| !t.is_empty());
    let fields: Vec<_> = d
        .fields
        .iter()
        .filter(|f| timeline.is_none() || f.label != "Timeline")
        .collect();
    if !fields.is_empty() {
        doc.blank();
        for f in fields {
            doc.labelled("", &f.label, &f.value, width);
        }
    }
    if let Some(t) = timeline {
        timeline::append(doc, t, width);
    }
    if !d.attributes.is_empty() {
        doc.heading("Attributes");
        for f in &d.attributes {
            doc.labelled("  ", &f.label, &f.value, width);
        }
    }
    for group in &d.links {
        doc.heading(&group.label);
        for link in &group.items {
            let index = doc.links.len();
            doc.links.push((doc.lines.len(), link.clone()));
            let start = doc.lines.len();
            let body = format!("{} ({})", link.name, link.kind);
            doc.para("  → ", "    ", &body, Role::Link, width);
            for line in &mut doc.lines[start..] {
                line.link = Some(index);
            }
        }
    }
    if !d.claims.is_empty() {
        doc.heading("Claims (not verified)");
        for c in &d.claims {
            let claim = format!("Claim ({} says): {}", c.by, c.text);
            doc.para("  ", "    ", &claim, Role::Claim, width);
            doc.para(
                "    ",
                "    ",
                &format!("Source: {}", c.source),
                Role::Meta,
                width,
            );
        }
    }
    if !d.notes.is_empty() {
        doc.heading("Notes");
        for n in &d.notes {
            doc.labelled("  ", &n.label, &n.value, width);
        }
    }
    if !d.sources.is_empty() {
        doc.heading("Sources");
        for s in &d.sources {
            let external = if s.external && !opts.presenter {
                " [outside the seed documents]"
            } else {
                ""
            };
            let line = format!("{} ({}){external}", s.citation, s.section);
            doc.para("  • ", "    ", &line, Role::Meta, width);
        }
    }
}

/// The disclaimer in fewer words, for narrow panes.
pub const SHORT_DISCLAIMER: &str = "General information, not medical advice. Clinic statements are claims. Ask a qualified doctor.";

/// The disclaimer in the fewest words.
pub const SHORTEST_DISCLAIMER: &str = "Not medical advice. Ask a qualified doctor.";

/// The disclaimer footer of every detail pane: the fullest wording that fits in two lines.
pub fn disclaimer(width: usize) -> Vec<String> {
    for text in [DISCLAIMER, SHORT_DISCLAIMER, SHORTEST_DISCLAIMER] {
        let lines = text::wrap(text, width.max(1));
        if lines.len() <= 2 {
            return lines;
        }
    }
    let mut lines = text::wrap(SHORTEST_DISCLAIMER, width.max(1));
    lines.truncate(2);
    lines
}

/// The help overlay's document, generated from the keymap.
pub fn help(keymap: &Keymap, width: usize) -> Doc {
    let mut doc = Doc::default();
    doc.para(
        "",
        "",
        "Keys (Esc or ? closes, j/k scroll)",
        Role::Title,
        width,
    );
    doc.para("", "", DISCLAIMER, Role::Disclaimer, width);
    let sections = keymap.help();
    let key_w = sections
        .iter()
        .flat_map(|s| s.lines.iter().map(|l| text::width(&l.keys)))
        .max()
        .unwrap_or(0)
        .min(width / 3);
    for section in &sections {
        doc.heading(section.title);
        for line in &section.lines {
            let keys = text::pad(&line.keys, key_w);
            let cont = " ".repeat(key_w + 4);
            let w = width.saturating_sub(key_w + 4).max(1);
            for (i, part) in text::wrap(&line.description, w).into_iter().enumerate() {
                let k = if i == 0 {
                    format!("  {keys}  ")
                } else {
                    cont.clone()
                };
                doc.push(vec![(k, Role::Key), (part, Role::Text)]);
            }
        }
    }
    if !keymap.problems().is_empty() {
        doc.heading("Key binding problems (from the keys setting)");
        for p in keymap.problems() {
            doc.para("  ! ", "    ", p, Role::Text, width);
        }
    }
    doc.heading("Action names (for the keys setting)");
    let names: Vec<&str> = ACTIONS.iter().map(|s| s.name).collect();
    doc.para("  ", "  ", &names.join(", "), Role::Text, width);
    doc.heading("Mouse");
    doc.para(
        "  ",
        "    ",
        "click: select a tab, a list row or a search hit",
        Role::Text,
        width,
    );
    doc.para(
        "  ",
        "    ",
        "wheel: scroll the pane under the pointer",
        Role::Text,
        width,
    );
    doc
}
