//! What `y` copies, as plain text: a record with its fields, claims marked as claims, its sources
//! and the disclaimer; or one figure with what it is, its year and its source. No terminal code:
//! the text goes to the clipboard through [`super::osc52`].

use crate::describe::{DISCLAIMER, Description};

/// Something copied: the text, and a few words for the status line saying what it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Yank {
    /// The plain text.
    pub text: String,
    /// "Keloids (condition)", "the figure $10,000–$20,000".
    pub what: String,
}

/// Each line through the one sanitiser, the line breaks kept: what reaches the clipboard may be
/// pasted into a terminal.
fn clean(text: &str) -> String {
    let mut out: Vec<String> = text.lines().map(crate::text::sanitize).collect();
    out.push(String::new());
    out.join("\n")
}

/// A record as plain text, one fact a line, ending with its sources and the disclaimer.
pub fn record(d: &Description) -> Yank {
    let mut out = Vec::new();
    out.push(format!("{} ({} · {})", d.name, d.kind, d.id));
    if !d.aliases.is_empty() {
        out.push(format!("Also called: {}", d.aliases.join(", ")));
    }
    out.push(String::new());
    out.push(d.summary.clone());
    let facts: Vec<String> = d
        .fields
        .iter()
        .chain(d.attributes.iter())
        .map(|f| format!("{}: {}", f.label, f.value))
        .chain(
            d.links
                .iter()
                .map(|l| format!("{}: {}", l.label, l.names())),
        )
        .chain(d.notes.iter().map(|n| format!("{}: {}", n.label, n.value)))
        .collect();
    if !facts.is_empty() {
        out.push(String::new());
        out.extend(facts);
    }
    if !d.claims.is_empty() {
        out.push(String::new());
        out.push("Claims (their words, not verified facts):".into());
        for c in &d.claims {
            out.push(format!(
                "- Claim by {}: \"{}\" [{}]",
                c.by, c.text, c.source
            ));
        }
    }
    out.push(String::new());
    out.push("Sources:".into());
    for s in &d.sources {
        let ext = if s.external {
            " [outside the seed documents]"
        } else {
            ""
        };
        out.push(format!("- {} — section: {}{ext}", s.citation, s.section));
    }
    out.push(String::new());
    out.push(DISCLAIMER.to_owned());
    let mut text = out.join("\n");
    text.push('\n');
    Yank {
        text: clean(&text),
        what: format!("{} ({}) with its sources", d.name, d.kind),
    }
}

/// One figure as a line: what it is, the figure as shown, and where it comes from.
pub fn figure(what: &str, figure: &str, source: &str) -> Yank {
    let text = if source.is_empty() {
        format!("{what}: {figure}\n")
    } else {
        format!("{what}: {figure} (source: {source})\n")
    };
    Yank {
        text: clean(&text),
        what: format!("the figure {figure}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::describe::{ClaimLine, Field, SourceLine};
    use crate::model::Kind;

    fn keloids() -> Description {
        Description {
            kind: Kind::Condition,
            id: "keloids".into(),
            name: "Keloids".into(),
            aliases: vec!["keloid scar".into()],
            summary: "Scars that grow past the wound.".into(),
            fields: vec![Field {
                label: "Category".into(),
                value: "Scars".into(),
            }],
            attributes: Vec::new(),
            links: Vec::new(),
            claims: vec![ClaimLine {
                by: "the clinic".into(),
                text: "painless".into(),
                source: "Guide".into(),
            }],
            notes: Vec::new(),
            sources: vec![SourceLine {
                id: "guide".into(),
                citation: "Guide, 2025".into(),
                section: "Scars".into(),
                external: false,
            }],
        }
    }

    #[test]
    fn a_record_is_copied_with_claims_as_claims_and_its_sources() {
        let y = record(&keloids());
        let lines: Vec<&str> = y.text.lines().collect();
        assert_eq!(lines[0], "Keloids (condition · keloids)");
        assert!(lines.contains(&"Category: Scars"), "{}", y.text);
        assert!(lines.contains(&"- Claim by the clinic: \"painless\" [Guide]"));
        let sources = lines.iter().position(|l| *l == "Sources:").unwrap();
        assert_eq!(lines[sources + 1], "- Guide, 2025 — section: Scars");
        assert!(y.text.contains("not medical advice"));
        assert_eq!(y.what, "Keloids (condition) with its sources");
    }

    #[test]
    fn a_figure_keeps_its_source() {
        let y = figure("Hair, South Korea (2025)", "$10,000–$20,000", "Guide");
        assert_eq!(
            y.text,
            "Hair, South Korea (2025): $10,000–$20,000 (source: Guide)\n"
        );
        assert_eq!(y.what, "the figure $10,000–$20,000");
    }
}
