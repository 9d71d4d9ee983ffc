//! clinic-explorer: explore treatment options in South Korea (conditions, therapies, clinics, costs),
//! every fact with its source.
//!
//! The library holds the domain and knows nothing of terminals: [`model`] (plain data types),
//! [`dataset`] (load and validate RON files). Front ends (the command line, the terminal explorer)
//! call the same functions.

pub mod cache;
pub mod chart;
pub mod cli;
pub mod compare;
pub mod config;
pub mod dataset;
pub mod describe;
pub mod error;
pub mod estimate;
pub mod export;
pub mod model;
pub mod money;
pub mod places;
pub mod query;
pub mod safe_file;
pub mod search;
pub mod serve;
pub mod shortlist;
pub mod state;
pub mod text;
pub mod tui;

pub use dataset::Dataset;
pub use error::{Error, Result};
