//! The costs view's list: one row per cost group, with South Korea's figure in the currency shown
//! (the chart itself is the detail document, [`crate::tui::doc::costs`]).

use crate::text;
use crate::tui::app::App;

/// A list row's cost group (through the list's filters and sort): its name and South Korea's
/// figure; no record stands behind it.
pub fn group_row(app: &App, row: usize) -> Option<(String, String, Option<String>)> {
    let index = app.row_target(crate::model::Kind::Cost, row)?;
    let g = crate::chart::group_at(app.data(), index)?;
    Some((
        text::sanitize(&g.name),
        text::sanitize(&app.group_attribute(index)),
        None,
    ))
}
