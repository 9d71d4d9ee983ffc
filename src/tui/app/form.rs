//! The trip-budget form: sessions, nights and tier for the selected cost range, worked out live with
//! [`crate::estimate::estimate`] in the currency shown.

use super::{App, Overlay};
use crate::error::Result;
use crate::estimate::{self, Estimate, Request};
use crate::model::{Currency, Kind, Tier, Unit};
use crate::tui::action::Action;
use crate::tui::doc::{self, Doc};
use crate::tui::layout;

/// The most sessions the form takes (the estimate refuses more).
pub const MAX_SESSIONS: u32 = 1000;
/// The most nights the form takes (the estimate refuses more).
pub const MAX_NIGHTS: u32 = 3650;
/// Nights when the form opens.
pub const DEFAULT_NIGHTS: u32 = 7;

/// A field of the form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum FormField {
    /// How many sessions (multiplies a per-session price).
    Sessions,
    /// Nights in Korea.
    Nights,
    /// Spending tier for stay, food and transport.
    Tier,
}

impl FormField {
    const ALL: [FormField; 3] = [FormField::Sessions, FormField::Nights, FormField::Tier];
}

/// The form's values, the field with the focus, and how far the budget below is scrolled.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct EstimateForm {
    /// The treatment's cost range id.
    pub cost: String,
    /// Sessions.
    pub sessions: u32,
    /// Nights.
    pub nights: u32,
    /// Tier.
    pub tier: Tier,
    /// The field with the focus.
    pub field: FormField,
    /// The first line of the budget shown.
    pub scroll: usize,
    /// True when the price is per session, so sessions multiply it.
    pub per_session: bool,
    /// True until a digit is typed into the focused field: the first digit replaces the value.
    fresh: bool,
}

impl EstimateForm {
    /// A form for a cost range: one session, seven nights, mid-range.
    pub fn new(cost: &str, unit: Unit) -> EstimateForm {
        EstimateForm {
            cost: cost.to_owned(),
            sessions: 1,
            nights: DEFAULT_NIGHTS,
            tier: Tier::Mid,
            field: FormField::Sessions,
            scroll: 0,
            per_session: matches!(unit, Unit::PerSession | Unit::PerJointPerSession),
            fresh: true,
        }
    }

    /// The request the form stands for, in a currency.
    pub fn request(&self, currency: Currency) -> Request {
        Request {
            cost: self.cost.clone(),
            sessions: self.per_session.then_some(self.sessions),
            nights: self.nights,
            tier: self.tier,
            currency: Some(currency),
        }
    }

    fn step_field(&mut self, by: isize) {
        let i = FormField::ALL
            .iter()
            .position(|f| *f == self.field)
            .unwrap_or(0);
        let n = FormField::ALL.len() as isize;
        self.field = FormField::ALL[(i as isize + by).rem_euclid(n) as usize];
        self.fresh = true;
    }

    fn number(&mut self) -> Option<(&mut u32, u32, u32)> {
        match self.field {
            FormField::Sessions => Some((&mut self.sessions, 1, MAX_SESSIONS)),
            FormField::Nights => Some((&mut self.nights, 0, MAX_NIGHTS)),
            FormField::Tier => None,
        }
    }

    /// Applies an editing action.
    pub(super) fn apply(&mut self, action: Action) {
        const TIERS: [Tier; 3] = [Tier::Budget, Tier::Mid, Tier::Luxury];
        match action {
            Action::NextField => self.step_field(1),
            Action::PrevField => self.step_field(-1),
            Action::Increase | Action::Decrease => {
                let up = action == Action::Increase;
                self.fresh = true;
                if let Some((v, min, max)) = self.number() {
                    *v = if up { *v + 1 } else { v.saturating_sub(1) }.clamp(min, max);
                } else {
                    let i = TIERS.iter().position(|t| *t == self.tier).unwrap_or(1);
                    let j = if up {
                        (i + 1).min(2)
                    } else {
                        i.saturating_sub(1)
                    };
                    self.tier = TIERS[j];
                }
            }
            Action::FormDigit(d) => {
                let fresh = std::mem::replace(&mut self.fresh, false);
                if let Some((v, min, max)) = self.number() {
                    let base = if fresh { 0 } else { *v };
                    let typed = base.saturating_mul(10).saturating_add(u32::from(d));
                    *v = typed.clamp(min, max);
                }
            }
            Action::FormDelete => {
                self.fresh = false;
                if let Some((v, min, _)) = self.number() {
                    *v = (*v / 10).max(min);
                }
            }
            _ => {}
        }
    }
}

impl App {
    /// The budget the form's values give now.
    pub fn form_estimate(&self) -> Option<Result<Estimate>> {
        let f = self.estimate_form()?;
        Some(estimate::estimate(
            &self.data,
            &f.request(self.view.currency),
        ))
    }

    /// The budget as a document for a content width.
    pub fn form_doc(&self, width: u16) -> Doc {
        match self.form_estimate() {
            Some(Ok(e)) => doc::estimate(&e, usize::from(width)),
            _ => Doc::default(),
        }
    }

    /// Lines of the budget shown, and how many there are.
    fn form_view(&self) -> (usize, usize) {
        let (_, results) = layout::form_parts(self.areas().overlay);
        let doc = self.form_doc(results.width);
        (usize::from(results.height), doc.lines.len())
    }

    /// Opens the form for the selected cost range (the Costs tab's selected bar).
    pub(super) fn open_form(&mut self) {
        let cost = (self.focus.kind() == Some(Kind::Cost))
            .then(|| self.selected_cost())
            .flatten();
        let Some(cost) = cost else {
            self.status = Some(
                "e works on a cost range: open the Costs tab (4) and pick a bar with j/k".into(),
            );
            return;
        };
        if matches!(cost.unit, Unit::PerNight | Unit::PerMeal | Unit::PerRide) {
            self.status = Some(
                "That figure is a daily expense; e works out a budget from a treatment's price"
                    .into(),
            );
            return;
        }
        self.overlay = Some(Overlay::Estimate(EstimateForm::new(
            cost.id.as_str(),
            cost.unit,
        )));
    }

    /// The open form, to change it.
    fn form_mut(&mut self) -> Option<&mut EstimateForm> {
        match &mut self.overlay {
            Some(Overlay::Estimate(f)) => Some(f),
            _ => None,
        }
    }

    /// Applies an editing action to the open form.
    pub(super) fn edit_form(&mut self, action: Action) {
        if let Some(f) = self.form_mut() {
            f.apply(action);
        }
        self.clamp_form();
    }

    /// Scrolls the budget below the fields.
    pub(super) fn scroll_form(&mut self, action: Action) {
        let (rows, len) = self.form_view();
        let Some(f) = self.form_mut() else {
            return;
        };
        let max = len.saturating_sub(rows);
        f.scroll = match action {
            Action::Down => f.scroll + 3,
            Action::Up => f.scroll.saturating_sub(3),
            Action::PageDown => f.scroll + rows.max(1),
            Action::PageUp => f.scroll.saturating_sub(rows.max(1)),
            Action::Top => 0,
            Action::Bottom => max,
            _ => f.scroll,
        }
        .min(max);
    }

    /// Keeps the budget's scroll in range.
    pub(super) fn clamp_form(&mut self) {
        if self.estimate_form().is_none() {
            return;
        }
        let (rows, len) = self.form_view();
        if let Some(f) = self.form_mut() {
            f.scroll = f.scroll.min(len.saturating_sub(rows));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_replace_then_append_and_values_stay_in_range() {
        let mut f = EstimateForm::new("x", Unit::PerSession);
        f.apply(Action::FormDigit(3));
        assert_eq!(f.sessions, 3);
        f.apply(Action::FormDigit(0));
        assert_eq!(f.sessions, 30);
        f.apply(Action::FormDelete);
        f.apply(Action::FormDelete);
        assert_eq!(f.sessions, 1, "never below one session");
        f.apply(Action::NextField);
        f.apply(Action::FormDigit(9));
        f.apply(Action::FormDigit(9));
        f.apply(Action::FormDigit(9));
        f.apply(Action::FormDigit(9));
        f.apply(Action::FormDigit(9));
        assert_eq!(f.nights, MAX_NIGHTS);
        f.apply(Action::NextField);
        f.apply(Action::Increase);
        f.apply(Action::Increase);
        assert_eq!(f.tier, Tier::Luxury);
        f.apply(Action::NextField);
        assert_eq!(f.field, FormField::Sessions, "fields wrap around");
        assert_eq!(f.request(Currency::KRW).sessions, Some(1));
    }
}
