//! The command line: subcommands that answer the explorer's questions for scripts and shells.
//!
//! Exit status: 0 on success (a search without matches included), 1 for invalid data or an unknown
//! kind or id, 2 for a usage error.

/// Prints to stdout like `print!`, but a closed pipe (`clinic-explorer list cost | head`) ends the
/// process quietly, with the status a shell gives for SIGPIPE, instead of panicking.
macro_rules! out {
    ($($t:tt)*) => { $crate::cli::write_stdout(&format!($($t)*)) };
}

/// `println!` with the same care as [`out!`].
macro_rules! outln {
    () => { $crate::cli::write_stdout("\n") };
    ($($t:tt)*) => { $crate::cli::write_stdout(&format!("{}\n", format_args!($($t)*))) };
}

mod check;
mod compare;
mod config;
mod estimate;
mod export;
mod list;
mod output;
mod search;
mod show;

use crate::config::{Flags, Settings, Theme};
use crate::dataset::Dataset;
use crate::model::{Currency, Kind, Tier};
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

/// Explore treatment options in South Korea: conditions, therapies, clinics and costs, each fact with its
/// source. Without a subcommand, opens the explorer. The information is general and not medical advice.
#[derive(Debug, Parser)]
#[command(name = "clinic-explorer", version, about, long_about = None)]
pub struct Cli {
    /// Load the data files from this directory instead of the bundled data
    /// (also: the CLINIC_EXPLORER_DATA environment variable).
    #[arg(long, global = true, value_name = "DIR")]
    pub data: Option<PathBuf>,

    /// Colour scheme (also: CLINIC_EXPLORER_THEME, or `theme` in the configuration file).
    #[arg(long, global = true, value_enum, ignore_case = true)]
    pub theme: Option<ThemeArg>,

    /// Show figures in this currency, converted at the dated rate in the data (also:
    /// CLINIC_EXPLORER_CURRENCY, or `currency` in the configuration file).
    #[arg(long, global = true, value_enum, ignore_case = true)]
    pub currency: Option<CurrencyArg>,

    /// Read no configuration file (neither the system-wide nor the per-user one).
    #[arg(long, global = true)]
    pub no_config: bool,

    /// Open the explorer in presenter mode: no ids, high contrast, the disclaimer always shown, and
    /// nothing changed (p leaves it).
    #[arg(long, global = true)]
    pub present: bool,

    /// What to do; without one, the explorer opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// Output formats for records and comparisons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned text that fits the terminal.
    Text,
    /// Markdown.
    Markdown,
    /// JSON.
    Json,
}

/// Output formats for lists and search results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// Aligned text that fits the terminal.
    Text,
    /// JSON.
    Json,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate the data files: print counts per kind, or every problem as FILE:LINE:COLUMN: message.
    Check,
    /// Find records by name, alias, abbreviation, district, doctor... typos forgiven.
    Search {
        /// What to look for, e.g. "LPP", "hot comb", "Cheongdam", "keliod".
        query: String,
        /// Only this kind: condition, therapy, clinic, cost or travel.
        #[arg(long)]
        kind: Option<String>,
        /// At most this many results.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Show one record: its fields, linked records by name, claims marked as claims, and sources.
    Show {
        /// condition, therapy, clinic, cost or travel.
        kind: String,
        /// The record's id (see `list`).
        id: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// List every record of a kind.
    List {
        /// condition, therapy, clinic, cost or travel.
        kind: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Compare two to four records of one kind attribute by attribute; rows that differ are marked.
    Compare {
        /// condition, therapy, clinic, cost or travel.
        kind: String,
        /// Two to four ids.
        #[arg(required = true, num_args = 2..=4)]
        ids: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// A trip budget: a treatment's price, stay, food and local transport, as a range with sources.
    Estimate {
        /// Id of the treatment's cost range (see `list cost`).
        #[arg(long, value_name = "ID")]
        cost: String,
        /// Sessions (multiplies a per-session price).
        #[arg(long, value_name = "N")]
        sessions: Option<u32>,
        /// Nights in Korea.
        #[arg(long, value_name = "N", default_value_t = 7)]
        nights: u32,
        /// Spending tier for stay, food and transport.
        #[arg(long, value_enum, ignore_case = true, default_value_t = TierArg::Mid)]
        tier: TierArg,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Write a handout (the shortlist, or a comparison) as Markdown, HTML or JSON: the records, their
    /// comparison, cost ranges, notes, sources, the date and the disclaimer.
    Export(export::Args),
    /// Show the settings in force and where each comes from: flag, environment, user or system
    /// configuration file, or default.
    Config {
        /// Print the merged settings (the default).
        #[arg(long)]
        print: bool,
    },
}

/// `--theme` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ThemeArg {
    /// Light text on a dark background.
    Dark,
    /// Dark text on a light background.
    Light,
    /// Maximum contrast.
    HighContrast,
}

impl From<ThemeArg> for Theme {
    fn from(t: ThemeArg) -> Theme {
        match t {
            ThemeArg::Dark => Theme::Dark,
            ThemeArg::Light => Theme::Light,
            ThemeArg::HighContrast => Theme::HighContrast,
        }
    }
}

/// `--tier` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TierArg {
    /// Hostels, public transport, street food.
    Budget,
    /// Hotels, casual restaurants.
    Mid,
    /// Luxury hotels, fine dining.
    Luxury,
}

impl From<TierArg> for Tier {
    fn from(t: TierArg) -> Tier {
        match t {
            TierArg::Budget => Tier::Budget,
            TierArg::Mid => Tier::Mid,
            TierArg::Luxury => Tier::Luxury,
        }
    }
}

/// `--currency` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
#[value(rename_all = "UPPER")]
pub enum CurrencyArg {
    /// US dollars.
    Usd,
    /// Korean won.
    Krw,
}

impl From<CurrencyArg> for Currency {
    fn from(c: CurrencyArg) -> Currency {
        match c {
            CurrencyArg::Usd => Currency::USD,
            CurrencyArg::Krw => Currency::KRW,
        }
    }
}

/// Exit status for invalid data or an unknown kind or id.
pub const EXIT_FAILURE: u8 = 1;
/// Exit status for a usage error.
pub const EXIT_USAGE: u8 = 2;

/// Parses the command line and runs it; returns the process exit status.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let flags = Flags {
        data_dir: cli.data.clone(),
        theme: cli.theme.map(Into::into),
        currency: cli.currency.map(Into::into),
        no_config: cli.no_config,
    };
    let settings = match Settings::from_process(&flags) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            if matches!(e, crate::error::Error::Invalid(_)) {
                eprintln!(
                    "clinic-explorer: fix the configuration file, or start with --no-config to ignore it"
                );
            }
            return ExitCode::from(EXIT_FAILURE);
        }
    };
    let source = settings.data_source();
    let Some(command) = cli.command else {
        return crate::tui::run(&source, &settings, cli.present);
    };
    match command {
        Command::Check => return check::run(&source),
        Command::Config { print: _ } => {
            out!("{}", config::print(&settings));
            return ExitCode::SUCCESS;
        }
        _ => {}
    }
    let data = match Dataset::load(&source) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(EXIT_FAILURE);
        }
    };
    let currency = settings.chosen_currency();
    let result = match command {
        Command::Check | Command::Config { .. } => unreachable!("handled above"),
        Command::Export(args) => export::run(&data, &args),
        Command::Search {
            query,
            kind,
            limit,
            format,
        } => parse_kind_opt(kind.as_deref()).map(|k| search::run(&data, &query, k, limit, format)),
        Command::Show { kind, id, format } => {
            parse_kind(&kind).and_then(|k| show::run(&data, k, &id, format, currency))
        }
        Command::List { kind, format } => {
            parse_kind(&kind).map(|k| list::run(&data, k, format, currency))
        }
        Command::Compare { kind, ids, format } => {
            parse_kind(&kind).and_then(|k| compare::run(&data, k, &ids, format, currency))
        }
        Command::Estimate {
            cost,
            sessions,
            nights,
            tier,
            format,
        } => {
            let req = crate::estimate::Request {
                cost,
                sessions,
                nights,
                tier: tier.into(),
                currency: settings.chosen_currency(),
            };
            estimate::run(&data, &req, format)
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("clinic-explorer: {msg}");
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

/// Parses a kind name, or explains which kinds exist.
fn parse_kind(s: &str) -> Result<Kind, String> {
    Kind::parse(s).ok_or_else(|| {
        let names = Kind::ALL.map(Kind::as_str);
        let hint = crate::text::closest(s, names, 1);
        let hint = hint
            .first()
            .map(|h| format!("did you mean `{h}`? "))
            .unwrap_or_default();
        format!(
            "unknown kind `{}`; {hint}kinds are: {}",
            crate::text::sanitize(s),
            names.join(", ")
        )
    })
}

fn parse_kind_opt(s: Option<&str>) -> Result<Option<Kind>, String> {
    s.map(parse_kind).transpose()
}

/// Writes to stdout; on a closed pipe exits with status 141 (128 + SIGPIPE) as shell tools do, on any
/// other error says so and exits 1.
pub(crate) fn write_stdout(s: &str) {
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout.write_all(s.as_bytes()).and_then(|()| stdout.flush()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(141);
        }
        let _ = writeln!(
            std::io::stderr(),
            "clinic-explorer: cannot write the output: {e}"
        );
        std::process::exit(1);
    }
}
