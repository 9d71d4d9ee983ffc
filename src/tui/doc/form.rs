//! The trip budget under the form's fields. The sums come first, so the total shows without
//! scrolling at 80x24: the treatment, the stay and the total, with any open-ended or open-topped
//! figure named beside it; then each line's amount, how it was worked out and its source; the deposit,
//! the visa, the assumptions and the rate, from [`crate::estimate::estimate`].

use super::{Doc, Role};
use crate::estimate::{Estimate, Line, Subtotal, amount_text, total_text};
use crate::text;

fn marked(s: String, converted: bool, e: &Estimate) -> String {
    if converted {
        super::costs::approx(&s, e.currency)
    } else {
        s
    }
}

fn amount(l: &Line, e: &Estimate) -> String {
    marked(amount_text(l, e.currency), l.converted, e)
}

fn subtotal(s: &Subtotal, e: &Estimate) -> String {
    marked(total_text(s.min, s.max, e.currency), e.rate.is_some(), e)
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
    let sum = |doc: &mut Doc, label: &str, figure: String, role: Role| {
        doc.push(vec![
            (text::pad(label, label_w), role),
            (figure, Role::Figure),
        ]);
    };
    // The treatment in its source's words ("$15,000–$40,000+"); the stay and total as sums.
    let treatment = e
        .lines
        .first()
        .map_or_else(|| subtotal(&e.treatment, e), |t| amount(t, e));
    sum(&mut doc, "Treatment", treatment, Role::Label);
    if e.lines.len() > 1 {
        sum(&mut doc, "Stay", subtotal(&e.stay, e), Role::Label);
    }
    let total = Subtotal {
        min: e.total_min,
        max: e.total_max,
    };
    sum(&mut doc, "Total", subtotal(&total, e), Role::Heading);
    for n in e.open_items.iter().chain(&e.may_exceed) {
        doc.para("  ", "    ", n, Role::Text, width);
    }
    if e.total_max.is_none() {
        doc.para(
            "  ",
            "    ",
            "The treatment's price has no upper figure, so neither has the total.",
            Role::Text,
            width,
        );
    }
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
    if let Some(d) = &e.deposit {
        let figure = amount(d, e);
        let beside = " (part of the treatment)";
        if label_w + text::width(&figure) + text::width(beside) <= width {
            doc.push(vec![
                (text::pad(&text::sanitize(&d.item), label_w), Role::Label),
                (figure, Role::Figure),
                (beside.into(), Role::Meta),
            ]);
        } else {
            doc.push(vec![
                (text::pad(&text::sanitize(&d.item), label_w), Role::Label),
                (figure, Role::Figure),
            ]);
            doc.para("    ", "    ", "part of the treatment", Role::Meta, width);
        }
    }
    doc.heading("How it adds up");
    for l in &e.lines {
        line(&mut doc, l);
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::{DataSource, Dataset};
    use crate::estimate::{Request, estimate as work_out};
    use crate::model::Tier;

    fn lines(doc: &Doc) -> Vec<String> {
        doc.lines
            .iter()
            .map(|l| l.spans.iter().map(|(s, _)| s.as_str()).collect())
            .collect()
    }

    /// At 80x24 the form shows 17 lines of budget under its fields: the treatment, the stay and the
    /// total (with an open-ended line named) come within the first of them.
    #[test]
    fn the_total_comes_before_the_lines_so_it_shows_without_scrolling() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/data");
        let data = Dataset::load(&DataSource::Dir(dir)).unwrap();
        let req = Request {
            cost: "hair-korea".into(),
            sessions: None,
            nights: 3,
            tier: Tier::Luxury,
            currency: None,
        };
        let e = work_out(&data, &req).unwrap();
        let l = lines(&estimate(&e, 78));
        let at = |prefix: &str| l.iter().position(|s| s.starts_with(prefix)).unwrap();
        assert!(at("Treatment") < at("Stay") && at("Stay") < at("Total"));
        assert!(at("Total") < 6, "{l:#?}");
        assert!(l[at("Total")].contains("$10,704–$20,796"), "{l:#?}");
        assert!(l[at("Total") + 1].contains("open-ended: at least $200 a night"));
        assert!(at("How it adds up") > at("Total"));
    }
}
