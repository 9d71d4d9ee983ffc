//! `clinic-explorer estimate`: a trip budget from a cost range.

use super::ListFormat;
use super::output::{columns, label_lines, table};
use crate::dataset::Dataset;
use crate::describe::DISCLAIMER;
use crate::estimate::{Estimate, Request, amount_text, estimate, total_text};
use crate::text::wrap;

/// Prints the budget, or the reason there is none.
pub fn run(data: &Dataset, req: &Request, format: ListFormat) -> Result<(), String> {
    let e = estimate(data, req).map_err(|e| e.to_string())?;
    match format {
        ListFormat::Json => outln!("{}", serde_json::to_string_pretty(&e).expect("serialises")),
        ListFormat::Text => out!("{}", text(&e, columns())),
        ListFormat::Tsv => out!("{}", super::tsv::estimate(&e)),
    }
    Ok(())
}

/// The budget as text.
pub fn text(e: &Estimate, width: usize) -> String {
    let mut out = Vec::new();
    out.extend(wrap(
        &crate::text::sanitize(&format!(
            "Trip budget: {} — {} session{}, {} nights, {}",
            e.cost_name,
            e.sessions,
            if e.sessions == 1 { "" } else { "s" },
            e.nights,
            e.tier.label()
        )),
        width,
    ));
    out.push(String::new());
    let conv = |c: bool| if c { " (converted)" } else { "" };
    let row = |l: &crate::estimate::Line| {
        vec![
            l.item.clone(),
            format!("{}{}", amount_text(l, e.currency), conv(l.converted)),
            l.basis.clone(),
        ]
    };
    let sum = |label: &str, min: u64, max: Option<u64>, how: String| {
        vec![label.to_owned(), total_text(min, max, e.currency), how]
    };
    let mut rows: Vec<Vec<String>> = Vec::new();
    if let Some(t) = e.lines.first() {
        rows.push(row(t));
    }
    for l in e.lines.iter().skip(1) {
        rows.push(row(l));
    }
    if e.lines.len() > 1 {
        rows.push(sum(
            "Stay subtotal",
            e.stay.min,
            e.stay.max,
            "accommodation, food and local transport".into(),
        ));
    }
    let mut beside: Vec<String> = e.open_items.iter().chain(&e.may_exceed).cloned().collect();
    if e.total_max.is_none() {
        beside.push("the treatment's price has no upper figure".into());
    }
    rows.push(sum(
        "Total",
        e.total_min,
        e.total_max,
        format!(
            "treatment + stay{}",
            beside.iter().map(|b| format!("; {b}")).collect::<String>()
        ),
    ));
    if let Some(d) = &e.deposit {
        rows.push(row(d));
    }
    let header = ["Item", "Amount", "How"].map(String::from);
    out.extend(table(&header, &rows, &[], width));
    if let Some(r) = &e.rate {
        out.push(String::new());
        out.extend(wrap(
            &format!(
                "Converted at ₩{} per $1 (dated {}, rate `{}` in the data).",
                r.krw_per_usd, r.date, r.id
            ),
            width,
        ));
    }
    out.push(String::new());
    let mut facts: Vec<(String, String)> = Vec::new();
    if let Some(v) = &e.visa {
        facts.push((
            "Visa".into(),
            format!("{} ({}) — {}", v.name, v.covers, v.source),
        ));
    }
    for a in &e.assumptions {
        facts.push(("Assumes".into(), a.clone()));
    }
    out.extend(label_lines(&facts, width));
    out.push(String::new());
    out.push("Sources".into());
    for l in e.lines.iter().chain(e.deposit.iter()) {
        out.extend(wrap(
            &crate::text::sanitize(&format!("- {}: {}", l.item, l.source)),
            width,
        ));
    }
    out.push(String::new());
    out.extend(wrap(DISCLAIMER, width));
    let mut s = out.join("\n");
    s.push('\n');
    s
}
