//! Cost ranges, the exchange rate they are converted with, and percentage figures (savings, deposit).

use super::{Id, Kind, SourceRef, impl_record};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Currency a figure is given in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Currency {
    /// United States dollar.
    USD,
    /// South Korean won.
    KRW,
}

impl Currency {
    /// The symbol people read: `$` or `₩`.
    pub fn symbol(self) -> &'static str {
        match self {
            Currency::USD => "$",
            Currency::KRW => "₩",
        }
    }
    /// The ISO code.
    pub fn code(self) -> &'static str {
        match self {
            Currency::USD => "USD",
            Currency::KRW => "KRW",
        }
    }
}

impl fmt::Display for Currency {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// What one figure pays for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Unit {
    /// One treatment session.
    PerSession,
    /// One joint, one session.
    PerJointPerSession,
    /// A full course of treatment. No document in the bundled data prices a full course, so its
    /// ranges do not use it; it stays for data that does.
    FullCourse,
    /// One treatment or package, however many sessions it takes.
    PerTreatment,
    /// One night of accommodation.
    PerNight,
    /// One meal.
    PerMeal,
    /// One ride or trip in town.
    PerRide,
    /// One day.
    PerDay,
}

impl Unit {
    /// A label for people: "per session".
    pub fn label(self) -> &'static str {
        match self {
            Unit::PerSession => "per session",
            Unit::PerJointPerSession => "per joint per session",
            Unit::FullCourse => "full course",
            Unit::PerTreatment => "per treatment",
            Unit::PerNight => "per night",
            Unit::PerMeal => "per meal",
            Unit::PerRide => "per ride",
            Unit::PerDay => "per day",
        }
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.label())
    }
}

/// A spending tier for stay and daily expenses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Tier {
    /// Hostels, public transport, street food.
    Budget,
    /// Hotels, taxis now and then, casual restaurants.
    Mid,
    /// Luxury hotels, taxis, fine dining.
    Luxury,
}

impl Tier {
    /// A label for people.
    pub fn label(self) -> &'static str {
        match self {
            Tier::Budget => "budget",
            Tier::Mid => "mid-range",
            Tier::Luxury => "luxury",
        }
    }
}

/// How the source words a figure. "From", "over", "+" and "as low as" leave the top open; a range
/// with both bounds and `Plus` ("$15,000–$40,000+") has a stated upper figure that may be exceeded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Qualifier {
    /// "from $X".
    From,
    /// "may start around $X": a starting figure that is itself approximate.
    FromAbout,
    /// "$X+", or with both bounds "$X–$Y+" (the upper figure may be exceeded).
    Plus,
    /// "more than $X", "exceeds $X".
    Over,
    /// "as low as $X".
    AsLowAs,
    /// "on average".
    Average,
    /// "up to $X".
    UpTo,
    /// "near $X": an approximation.
    Near,
    /// "about $X", "roughly $X": an approximation.
    About,
}

impl Qualifier {
    /// The source's own word for the figure, as shown beside it.
    pub fn word(self) -> &'static str {
        match self {
            Qualifier::From => "from",
            Qualifier::FromAbout => "from about",
            Qualifier::Plus => "+",
            Qualifier::Over => "over",
            Qualifier::AsLowAs => "as low as",
            Qualifier::Average => "on average",
            Qualifier::UpTo => "up to",
            Qualifier::Near => "near",
            Qualifier::About => "about",
        }
    }
}

/// True when a figure's top is open: a lower bound with no upper one ("from", "over", "+", "as low
/// as"), or a range marked `Plus` whose stated upper figure may be exceeded ("$15,000–$40,000+").
pub fn open_above(min: Option<u64>, max: Option<u64>, qualifier: Option<Qualifier>) -> bool {
    (min.is_some() && max.is_none()) || qualifier == Some(Qualifier::Plus)
}

/// What is wrong with a figure's shape, if anything: a qualifier that does not fit the bounds given
/// ("as low as" with an upper bound, "up to" with a lower one...). Used by `check`.
pub fn shape_problem(
    min: Option<u64>,
    max: Option<u64>,
    qualifier: Option<Qualifier>,
) -> Option<String> {
    use Qualifier::*;
    let ok = match (qualifier, min, max) {
        // No bounds at all is reported on its own by `check`.
        (_, None, None) => true,
        (Some(From | FromAbout | Over | AsLowAs), Some(_), None) => true,
        (Some(From | FromAbout | Over | AsLowAs), _, _) => false,
        (Some(UpTo), None, Some(_)) => true,
        (Some(UpTo), _, _) => false,
        (Some(Plus), Some(_), _) => true,
        (Some(Average | Near | About), Some(_), Some(_)) => true,
        (Some(_), _, _) => false,
        (None, _, _) => true,
    };
    (!ok).then(|| {
        let q = qualifier.map_or("no qualifier".to_owned(), |q| format!("`{q:?}`"));
        format!(
            "{q} does not fit these bounds: From, FromAbout, Over and AsLowAs take `min` only; UpTo \
             takes `max` only; Plus takes `min` (and `max` for \"$X–$Y+\"); Average, Near and About \
             take both (equal for a single figure)"
        )
    })
}

/// A group of cost ranges that cover the same thing, shown together on one chart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CostGroup {
    /// Stable id.
    pub id: Id,
    /// What the group covers ("Stem-cell therapy for hair loss").
    pub name: String,
}

/// A price range for one thing in one country, as a source gives it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CostRange {
    /// Stable id: slug of the name.
    pub id: Id,
    /// Says what and where: "Stem-cell therapy for hair loss, South Korea, full course".
    pub name: String,
    /// Other names.
    #[serde(default)]
    pub aliases: Vec<String>,
    /// What the figure includes, in the project's own words.
    pub summary: String,
    /// The group it is charted in (an id from `groups`).
    pub group: Id,
    /// The therapies it prices, where it prices specific ones.
    #[serde(default)]
    pub therapies: Vec<Id>,
    /// Country or region ("South Korea", "Mexico/Turkey/Thailand").
    pub country: String,
    /// Lower bound in whole units of the currency; absent when the source gives only an upper one.
    #[serde(default)]
    pub min: Option<u64>,
    /// Upper bound; absent when the source gives an open-ended figure ("from", "+", "as low as").
    #[serde(default)]
    pub max: Option<u64>,
    /// How the source words the figure, when not a plain range.
    #[serde(default)]
    pub qualifier: Option<Qualifier>,
    /// Currency as given by the source.
    pub currency: Currency,
    /// What one figure pays for.
    pub unit: Unit,
    /// Year the figure applies to (the source's date, or the year it names).
    pub year: u16,
    /// Spending tier, for stay and daily expenses.
    #[serde(default)]
    pub tier: Option<Tier>,
    /// Other cost ranges that give a different figure for the same thing (another source, or the same
    /// article's text against its table); both are kept and each shows the other.
    #[serde(default)]
    pub disagrees_with: Vec<Id>,
    /// Where the figure comes from.
    pub sources: Vec<SourceRef>,
}

impl_record!(CostRange, Kind::Cost);

impl CostRange {
    /// True when the source leaves the top open ("from", "over", "+", "as low as"), including a range
    /// whose stated upper figure may be exceeded ("$15,000–$40,000+").
    pub fn open_above(&self) -> bool {
        open_above(self.min, self.max, self.qualifier)
    }
}

/// A dated exchange rate, as implied or stated by a source.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExchangeRate {
    /// Stable id.
    pub id: Id,
    /// Won per US dollar.
    pub krw_per_usd: f64,
    /// When it applies (the source's date).
    pub date: String,
    /// How it was derived ("₩14,500,000 given for $10,000").
    pub derivation: String,
    /// Where it comes from.
    pub sources: Vec<SourceRef>,
}

/// What a percentage figure is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PercentageKind {
    /// Saving compared with another country.
    Savings,
    /// Deposit due up front.
    Deposit,
    /// A tax or refund.
    Tax,
}

/// A percentage figure: a saving, a deposit, a tax.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Percentage {
    /// Stable id.
    pub id: Id,
    /// What it is: "Saving in South Korea compared with the US".
    pub name: String,
    /// What sort of figure.
    pub kind: PercentageKind,
    /// Lower bound, in percent.
    pub min: f64,
    /// Upper bound, in percent; absent for a single figure.
    #[serde(default)]
    pub max: Option<f64>,
    /// What it applies to, and any caveat (e.g. "ended 31 December 2025").
    pub note: String,
    /// The cost ranges it compares (Korea's and the other country's), so `show` on either gives it:
    /// only where the source says which figures it compares. A saving the source gives without saying
    /// (the scarring-alopecia article's) leaves this empty and is shown on that source's South Korea
    /// ranges, said not to be tied to them.
    #[serde(default)]
    pub costs: Vec<Id>,
    /// Where it comes from.
    pub sources: Vec<SourceRef>,
}

/// Everything in `costs.ron`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct Costs {
    /// Exchange rates used to show figures in the other currency.
    pub exchange_rates: Vec<ExchangeRate>,
    /// Groups the ranges are charted in.
    pub groups: Vec<CostGroup>,
    /// The cost ranges.
    pub ranges: Vec<CostRange>,
    /// Savings, deposits and taxes.
    #[serde(default)]
    pub percentages: Vec<Percentage>,
}
