//! What the benches share: the record counts to run at, the queries typed, quantiles of samples, and
//! the synthetic data generator.

#![allow(dead_code)] // each bench uses part of this

#[allow(dead_code)] // the generator's command-line parts are not used here
#[path = "../../examples/synth.rs"]
pub mod synth;

/// Queries of high selectivity (few hits) and low (many), a typo, and one that matches almost nothing.
pub const QUERIES: [&str; 5] = [
    "stem cell",
    "gangnam",
    "lichen planopilaris",
    "keliod",
    "zq",
];

/// The most hits the explorer's search pane asks for.
pub const LIMIT: usize = 50;

/// Record counts to bench: `BENCH_SIZES=1000,10000`, or `default`.
pub fn sizes(default: &[usize]) -> Vec<usize> {
    std::env::var("BENCH_SIZES")
        .ok()
        .map(|v| v.split(',').filter_map(|s| s.trim().parse().ok()).collect())
        .filter(|v: &Vec<usize>| !v.is_empty())
        .unwrap_or_else(|| default.to_vec())
}

/// Every prefix of a query, as typed: `s`, `st`, `ste`...
pub fn prefixes(query: &str) -> Vec<&str> {
    query
        .char_indices()
        .map(|(i, c)| &query[..i + c.len_utf8()])
        .collect()
}

/// The value at quantile `q` (0..=1) of sorted samples, nearest rank.
pub fn quantile<T: Copy>(sorted: &[T], q: f64) -> T {
    let rank = ((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}
