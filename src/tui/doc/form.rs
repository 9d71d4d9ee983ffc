//! The trip budget under the form's fields: each line's amount, how it was worked out and its source;
//! the total, the deposit, the visa, the assumptions and the rate, from [`crate::estimate::estimate`].

use super::{Doc, Role};
use crate::estimate::{Estimate, Line, span_text};
use crate::text;

fn amount(l: &Line, e: &Estimate) -> String {
    let s = span_text(l.min, l.max, e.currency);
    if l.converted {
        super::costs::approx(&s, e.currency)
    } else {
        s
    }
}

/// The estimate as a document for a content width.
pub fn estimate(e: &Estimate, width: usize) -> Doc {
    let mut doc = Doc::default();
    doc.para("", "", &e.cost_name, Role::Title, width);
    let label_w = e
        .lines
        .iter()
        .chain(&e.deposit)
        .map(|l| text::width(&l.item))
        .max()
        .unwrap_or(0)
        .max(5)
        + 2;
    let line = |doc: &mut Doc, l: &Line| {
        doc.push(vec![
            (text::pad(&text::sanitize(&l.item), label_w), Role::Label),
            (amount(l, e), Role::Figure),
        ]);
        doc.para("    ", "    ", &l.basis, Role::Text, width);
        if !l.source.is_empty() {
            doc.para(
                "    ",
                "      ",
                &format!("Source: {}", l.source),
                Role::Meta,
                width,
            );
        }
    };
    for l in &e.lines {
        line(&mut doc, l);
    }
    doc.blank();
    let mut total = span_text(e.total_min, e.total_max, e.currency);
    if e.rate.is_some() {
        total = super::costs::approx(&total, e.currency);
    }
    let open = if e.total_max.is_none() {
        " (open-ended: a figure has no upper bound)"
    } else {
        ""
    };
    doc.push(vec![
        (text::pad("Total", label_w), Role::Heading),
        (format!("{total}{open}"), Role::Figure),
    ]);
    if let Some(d) = &e.deposit {
        doc.blank();
        line(&mut doc, d);
    }
    doc.heading("Visa");
    match &e.visa {
        Some(v) => {
            doc.para(
                "  ",
                "    ",
                &format!("{}: {}", v.name, v.covers),
                Role::Text,
                width,
            );
            if !v.source.is_empty() {
                doc.para(
                    "    ",
                    "      ",
                    &format!("Source: {}", v.source),
                    Role::Meta,
                    width,
                );
            }
        }
        None => doc.para(
            "  ",
            "    ",
            "The data names no visa for this stay.",
            Role::Text,
            width,
        ),
    }
    doc.heading("Assumptions");
    for a in &e.assumptions {
        doc.para("  • ", "    ", a, Role::Text, width);
    }
    doc.blank();
    let mut money = format!("Figures in {}.", e.currency);
    if let Some(r) = &e.rate {
        money.push_str(&format!(
            " ≈ converted at {}.",
            super::costs::rate_text(r.krw_per_usd, &r.date)
        ));
    }
    doc.para("", "", &money, Role::Meta, width);
    doc
}
