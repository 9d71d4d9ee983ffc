//! Budgets worked out by hand against the fixture data.

use super::*;
use crate::dataset::DataSource;

fn fixture() -> Dataset {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/data");
    Dataset::load(&DataSource::Dir(dir)).expect("fixture is valid")
}

/// The fixture with `tests/fixtures/money/costs.ron` in place of its costs: an open-topped range
/// ($15,000–$40,000+), an approximation (near $7,500), a knee price and an open-ended taxi fare ($3+).
fn money_fixture() -> Dataset {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let files = crate::dataset::FILES
        .iter()
        .map(|f| {
            let dir = if *f == "costs.ron" { "money" } else { "data" };
            std::fs::read(root.join(dir).join(f)).unwrap()
        })
        .collect();
    Dataset::from_bytes(files).expect("money fixture is valid")
}

fn req(
    cost: &str,
    sessions: Option<u32>,
    nights: u32,
    tier: Tier,
    currency: Option<Currency>,
) -> Request {
    Request {
        cost: cost.into(),
        sessions,
        nights,
        tier,
        currency,
    }
}

fn line<'a>(e: &'a Estimate, item: &str) -> &'a Line {
    e.lines.iter().find(|l| l.item == item).unwrap()
}

/// $10,000–$20,000 full course; 7 nights at $70–$150; 3 meals x 8 days at $8–$15; transport has no
/// mid-range figure, so the budget one ($1–$2) x 2 rides x 8 days.
#[test]
fn a_week_mid_range_worked_by_hand() {
    let e = estimate(&fixture(), &req("hair-korea", None, 7, Tier::Mid, None)).unwrap();
    assert_eq!(e.currency, Currency::USD);
    assert_eq!(e.days, 8);
    assert_eq!(
        (line(&e, "Treatment").min, line(&e, "Treatment").max),
        (10_000, Some(20_000))
    );
    assert_eq!(
        (line(&e, "Accommodation").min, line(&e, "Accommodation").max),
        (490, Some(1_050))
    );
    assert_eq!(
        (line(&e, "Food").min, line(&e, "Food").max),
        (192, Some(360))
    );
    assert_eq!(
        (
            line(&e, "Local transport").min,
            line(&e, "Local transport").max
        ),
        (16, Some(32))
    );
    assert_eq!((e.treatment.min, e.treatment.max), (10_000, Some(20_000)));
    // Stay: 490 + 192 + 16 = 698; 1,050 + 360 + 32 = 1,442.
    assert_eq!((e.stay.min, e.stay.max), (698, Some(1_442)));
    assert_eq!((e.total_min, e.total_max), (10_698, Some(21_442)));
    assert!(e.open_items.is_empty() && e.may_exceed.is_empty());
    let d = e.deposit.as_ref().unwrap();
    assert_eq!((d.min, d.max), (1_000, Some(2_000)));
    assert!(
        e.assumptions
            .iter()
            .any(|a| a.contains("no mid-range figure per ride")),
        "{:?}",
        e.assumptions
    );
    assert_eq!(e.visa.unwrap().id, "c-3-3-visa");
    assert!(e.rate.is_none(), "nothing was converted");
}

/// Luxury hotel "$200+" a night is open-ended: it counts with its stated $200 and is named beside
/// the total, which keeps the treatment's upper figure.
#[test]
fn an_open_ended_stay_line_is_named_beside_the_total() {
    let e = estimate(&fixture(), &req("hair-korea", None, 3, Tier::Luxury, None)).unwrap();
    let hotel = line(&e, "Accommodation");
    assert_eq!((hotel.min, hotel.max, hotel.open), (600, None, true));
    assert_eq!(amount_text(hotel, e.currency), "$600+");
    // Food: no luxury figure, mid $8–$15 x 3 x 4 days; transport: budget $1–$2 x 2 x 4 days.
    assert_eq!(
        (line(&e, "Food").min, line(&e, "Food").max),
        (96, Some(180))
    );
    assert_eq!(
        (
            line(&e, "Local transport").min,
            line(&e, "Local transport").max
        ),
        (8, Some(16))
    );
    // Stay: 600 + 96 + 8 = 704; 600 + 180 + 16 = 796. Total: 10,704–20,796.
    assert_eq!((e.stay.min, e.stay.max), (704, Some(796)));
    assert_eq!((e.total_min, e.total_max), (10_704, Some(20_796)));
    assert_eq!(
        e.open_items,
        ["Accommodation (Seoul) open-ended: at least $200 a night"]
    );
}

/// One knee, seven nights, mid-range: $8,000–$25,000; hotel $70–$150 x 7 = $490–$1,050; meals
/// $8–$15 x 3 x 8 days = $192–$360; taxis "$3+" x 2 x 8 days = $48, open-ended. Stay $730–$1,458;
/// total $8,730–$26,458, with the taxi fares named rather than the total turned open.
#[test]
fn one_knee_seven_nights_with_open_ended_taxis() {
    let e = estimate(
        &money_fixture(),
        &req("knee-korea", None, 7, Tier::Mid, None),
    )
    .unwrap();
    assert_eq!((e.treatment.min, e.treatment.max), (8_000, Some(25_000)));
    let taxi = line(&e, "Local transport");
    assert_eq!((taxi.min, taxi.max, taxi.open), (48, None, true));
    assert_eq!((e.stay.min, e.stay.max), (730, Some(1_458)));
    assert_eq!((e.total_min, e.total_max), (8_730, Some(26_458)));
    assert_eq!(
        e.open_items,
        ["Local transport (taxi) open-ended: at least $3 a ride"]
    );
    assert_eq!(
        total_text(e.total_min, e.total_max, e.currency),
        "$8,730–$26,458"
    );
}

/// "$15,000–$40,000+" per session x 2 sessions = $30,000–$80,000, the stated upper figure used and
/// said to be exceedable. Budget tier falls back to the mid hotel ($70–$150 x 3 = $210–$450), meals
/// $8–$15 x 3 x 4 = $96–$180, public transport $1–$2 x 2 x 4 = $8–$16: stay $314–$646, total
/// $30,314–$80,646.
#[test]
fn an_open_topped_treatment_uses_its_upper_figure_and_says_it_may_be_exceeded() {
    let e = estimate(
        &money_fixture(),
        &req("spine-korea", Some(2), 3, Tier::Budget, None),
    )
    .unwrap();
    let t = line(&e, "Treatment");
    assert_eq!((t.min, t.max, t.open), (30_000, Some(80_000), true));
    assert_eq!(amount_text(t, e.currency), "$30,000–$80,000+");
    assert_eq!((e.stay.min, e.stay.max), (314, Some(646)));
    assert_eq!((e.total_min, e.total_max), (30_314, Some(80_646)));
    assert!(e.open_items.is_empty());
    assert_eq!(e.may_exceed.len(), 1);
    assert!(
        e.may_exceed[0].contains("$15,000–$40,000+ per session")
            && e.may_exceed[0].contains("$40,000 a session")
            && e.may_exceed[0].contains("may be exceeded"),
        "{:?}",
        e.may_exceed
    );
    let d = e.deposit.as_ref().unwrap();
    assert_eq!((d.min, d.max, d.open), (3_000, Some(8_000), true));
}

/// An approximation keeps its word on the treatment line: "near $7,500".
#[test]
fn an_approximate_treatment_keeps_near() {
    let e = estimate(
        &money_fixture(),
        &req("hair-australia", None, 0, Tier::Mid, None),
    )
    .unwrap();
    assert_eq!(amount_text(&e.lines[0], e.currency), "near $7,500");
    assert_eq!(
        (e.total_min, e.total_max),
        (7_500 + 24 + 6, Some(7_500 + 45 + 6))
    );
}

/// ₩400,000–₩2,500,000 per session x 3 = ₩1,200,000–₩7,500,000, at 1450 won a dollar $828–$5,172.
#[test]
fn a_krw_figure_shown_in_usd() {
    let e = estimate(
        &fixture(),
        &req(
            "scar-korea-krw",
            Some(3),
            2,
            Tier::Budget,
            Some(Currency::USD),
        ),
    )
    .unwrap();
    let t = line(&e, "Treatment");
    assert_eq!((t.min, t.max, t.converted), (828, Some(5_172), true));
    assert_eq!(
        (line(&e, "Accommodation").min, line(&e, "Accommodation").max),
        (140, Some(300))
    );
    assert_eq!(
        (line(&e, "Food").min, line(&e, "Food").max),
        (72, Some(135))
    );
    assert_eq!(
        (
            line(&e, "Local transport").min,
            line(&e, "Local transport").max
        ),
        (6, Some(12))
    );
    // Stay: 140 + 72 + 6 = 218; 300 + 135 + 12 = 447.
    assert_eq!((e.stay.min, e.stay.max), (218, Some(447)));
    assert_eq!((e.total_min, e.total_max), (1_046, Some(5_619)));
    let rate = e.rate.unwrap();
    assert_eq!((rate.id.as_str(), rate.krw_per_usd), ("test-rate", 1450.0));
}

#[test]
fn a_long_stay_needs_the_longer_visa_or_says_none() {
    let data = fixture();
    assert_eq!(visa_for(&data, 90).unwrap().id, "c-3-3-visa");
    assert!(visa_for(&data, 91).is_none());
}

#[test]
fn an_unknown_cost_names_the_closest() {
    let err = estimate(&fixture(), &req("hair-kore", None, 7, Tier::Mid, None)).unwrap_err();
    assert!(err.to_string().contains("did you mean hair-korea"), "{err}");
}
