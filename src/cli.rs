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
mod complete;
mod config;
mod estimate;
mod export;
mod json;
mod list;
mod man;
mod new;
mod output;
mod search;
mod show;
mod tsv;

use crate::config::{Flags, Settings, Theme};
use crate::model::{Currency, Kind, Tier};
use clap::{Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;

/// Explore treatment options in South Korea: conditions, therapies, clinics and costs, each fact with its
/// source. Without a subcommand, opens the explorer. The information is general and not medical advice.
#[derive(Debug, Parser)]
#[command(name = "clinic-explorer", version, about, long_about = None)]
pub struct Cli {
    /// Where the data and settings come from (also accepted after a subcommand).
    #[command(flatten)]
    pub common: Common,

    /// The explorer's colour scheme (also: CLINIC_EXPLORER_THEME, or `theme` in the configuration file).
    #[arg(long, value_enum, ignore_case = true)]
    pub theme: Option<ThemeArg>,

    /// Currency of figures (for the explorer, and for a subcommand that shows figures when given
    /// before it).
    #[command(flatten)]
    pub currency: CurrencyOpt,

    /// Open the explorer in presenter mode: no ids, high contrast, the disclaimer always shown, and
    /// nothing changed but handouts written (p leaves it).
    #[arg(long)]
    pub present: bool,

    /// What to do; without one, the explorer opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The options every command that reads the data or the settings takes.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct Common {
    /// Load the data files from this directory instead of the bundled data
    /// (also: the CLINIC_EXPLORER_DATA environment variable).
    #[arg(long, value_name = "DIR", value_hint = clap::ValueHint::DirPath)]
    pub data: Option<PathBuf>,

    /// Read no configuration file (neither the system-wide nor the per-user one).
    #[arg(long)]
    pub no_config: bool,

    /// Neither read nor write the cache of data directories (also: `cache: false` in the
    /// configuration file). `check` never uses it.
    #[arg(long)]
    pub no_cache: bool,

    /// A layer directory loaded on top of the data; give it more than once for several, in order
    /// (also: CLINIC_EXPLORER_LAYERS, or `layers` in the configuration file).
    #[arg(long = "layer", value_name = "DIR", value_hint = clap::ValueHint::DirPath)]
    pub layers: Vec<PathBuf>,
}

impl Common {
    /// These options, with the ones given before the subcommand filling what this one leaves out.
    fn or(self, top: &Common) -> Common {
        Common {
            data: self.data.or_else(|| top.data.clone()),
            no_config: self.no_config || top.no_config,
            no_cache: self.no_cache || top.no_cache,
            layers: top.layers.iter().chain(&self.layers).cloned().collect(),
        }
    }
}

/// `--currency`, on the commands that show figures.
#[derive(Debug, Clone, Copy, Default, clap::Args)]
pub struct CurrencyOpt {
    /// Show figures in this currency, converted at the dated rate in the data (also:
    /// CLINIC_EXPLORER_CURRENCY, or `currency` in the configuration file).
    #[arg(long, value_enum, ignore_case = true)]
    pub currency: Option<CurrencyArg>,
}

/// Output formats for records and comparisons.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned text that fits the terminal.
    Text,
    /// Markdown.
    #[value(alias = "md")]
    Markdown,
    /// JSON with the data's own field names (the printed form under `display`).
    Json,
}

/// Output formats for lists, search results and budgets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// Aligned text that fits the terminal.
    Text,
    /// JSON with the data's own field names.
    Json,
    /// Tab-separated values: a header line, then one record a line (tab, newline and backslash in a
    /// value written as `\t`, `\n` and `\\`).
    Tsv,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Validate the data files: print counts per kind, or every problem as FILE:LINE:COLUMN: message.
    Check {
        #[command(flatten)]
        common: Common,
    },
    /// Find records by name, alias, abbreviation, district, doctor... typos forgiven.
    Search {
        #[command(flatten)]
        common: Common,
        /// What to look for, e.g. "LPP", "hot comb", "Cheongdam", "keliod".
        query: String,
        /// Only this kind: condition, therapy, clinic, cost or travel.
        #[arg(long, add = complete::kinds())]
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
        #[command(flatten)]
        common: Common,
        #[command(flatten)]
        currency: CurrencyOpt,
        /// condition, therapy, clinic, cost or travel.
        #[arg(add = complete::kinds())]
        kind: String,
        /// The record's id (see `list`).
        #[arg(add = complete::ids())]
        id: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// List the records of a kind, optionally narrowed and sorted.
    List {
        #[command(flatten)]
        common: Common,
        #[command(flatten)]
        currency: CurrencyOpt,
        /// condition, therapy, clinic, cost or travel.
        #[arg(add = complete::kinds())]
        kind: String,
        /// Only records matching this query (the search syntax: words, district:gangnam, offers:prp,
        /// price<5000...); several are combined.
        #[arg(long = "where", value_name = "QUERY", num_args = 1..)]
        where_: Vec<String>,
        /// Sort by: name, evidence, price, price-high, country or district.
        #[arg(long, value_name = "KEY")]
        sort: Option<String>,
        /// Sort in descending order (missing values still last).
        #[arg(long, requires = "sort")]
        desc: bool,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Compare two to four records of one kind attribute by attribute; rows that differ are marked.
    Compare {
        #[command(flatten)]
        common: Common,
        #[command(flatten)]
        currency: CurrencyOpt,
        /// condition, therapy, clinic, cost or travel.
        #[arg(add = complete::kinds())]
        kind: String,
        /// Two to four ids.
        #[arg(required = true, num_args = 2..=4, add = complete::ids())]
        ids: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// A trip budget: a treatment's price, stay, food and local transport, as a range with sources.
    Estimate {
        #[command(flatten)]
        common: Common,
        #[command(flatten)]
        currency: CurrencyOpt,
        /// Id of the treatment's cost range (see `list cost`).
        #[arg(long, value_name = "ID", add = complete::cost_ids())]
        cost: String,
        /// Sessions (multiplies a per-session price).
        #[arg(long, value_name = "N")]
        sessions: Option<u32>,
        /// Nights in Korea.
        #[arg(long, value_name = "N", default_value_t = 7)]
        nights: u32,
        /// Spending tier for stay, food and transport, in the explorer's words.
        #[arg(long, value_enum, ignore_case = true, default_value_t = TierArg::Mid)]
        tier: TierArg,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Write a handout (the shortlist, or a comparison) as Markdown, HTML or JSON: the records, their
    /// comparison, cost ranges, notes, sources, the date and the disclaimer.
    Export {
        #[command(flatten)]
        common: Common,
        #[command(flatten)]
        args: export::Args,
    },
    /// Serve the explorer over SSH: `ssh -p 2222 HOST` opens it, each visitor in a session of
    /// their own (public keys from the authorized keys file; see README "Team server").
    Serve {
        #[command(flatten)]
        common: Common,
        /// Colour scheme for every session (a client's NO_COLOR still wins).
        #[arg(long, value_enum, ignore_case = true)]
        theme: Option<ThemeArg>,
        #[command(flatten)]
        currency: CurrencyOpt,
        #[command(flatten)]
        args: crate::serve::Args,
    },
    /// Show the settings in force and where each comes from: flag, environment, user or system
    /// configuration file, saved explorer state, or default.
    Config {
        #[command(flatten)]
        common: Common,
        /// The theme to report as chosen by flag.
        #[arg(long, value_enum, ignore_case = true)]
        theme: Option<ThemeArg>,
        #[command(flatten)]
        currency: CurrencyOpt,
        /// Print the merged settings (the default).
        #[arg(long)]
        print: bool,
    },
    /// Add a record to a layer of your own: append a commented record with every field of its
    /// kind, the id made from the name, to DIR's file (created if needed), then run `check` with
    /// the layer on top and say what is left to fill in.
    New {
        #[command(flatten)]
        common: Common,
        /// condition, therapy, clinic, cost, travel or source.
        #[arg(value_enum)]
        kind: new::NewKind,
        /// The record's name (a source's title), e.g. "Partner Gangnam Clinic".
        name: String,
        /// The layer directory to write into.
        #[arg(long, value_name = "DIR", value_hint = clap::ValueHint::DirPath)]
        into: PathBuf,
        /// The id, instead of the one made from the name.
        #[arg(long)]
        id: Option<String>,
    },
    /// Print a shell completion script (kinds and ids completed from the data):
    /// `source <(clinic-explorer completions bash)`.
    Completions {
        /// The shell.
        #[arg(value_enum)]
        shell: complete::Shell,
    },
    /// Print the manual page (roff), or write one page per command into a directory.
    Man {
        /// Write `clinic-explorer.1` and a page per subcommand here instead of printing.
        #[arg(long, value_name = "DIR", value_hint = clap::ValueHint::DirPath)]
        dir: Option<PathBuf>,
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
    /// Hotels, casual restaurants (`mid` also accepted).
    #[value(name = "mid-range", alias = "mid", alias = "midrange")]
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

/// Parses the command line and runs it; returns the process exit status. A shell asking for
/// completions (`COMPLETE=bash clinic-explorer -- ...`) is answered and the process exits.
pub fn run() -> ExitCode {
    clap_complete::CompleteEnv::with_factory(<Cli as clap::CommandFactory>::command).complete();
    let cli = Cli::parse();
    let top = cli.common;
    let Some(command) = cli.command else {
        let flags = flags(&top, cli.theme, cli.currency);
        return match settings(&flags, &top).map(|s| remembered(s, flags.no_config)) {
            Ok(settings) => crate::tui::run(&settings.data_source(), &settings, cli.present),
            Err(code) => code,
        };
    };
    let (common, theme, currency) = match &command {
        Command::Completions { shell } => return complete::print(*shell),
        Command::Man { dir } => return man::run(dir.as_deref()),
        Command::Check { common }
        | Command::Search { common, .. }
        | Command::New { common, .. } => (common.clone(), None, CurrencyOpt::default()),
        Command::Export { common, .. } => (common.clone(), None, CurrencyOpt::default()),
        Command::Show {
            common, currency, ..
        }
        | Command::List {
            common, currency, ..
        }
        | Command::Compare {
            common, currency, ..
        }
        | Command::Estimate {
            common, currency, ..
        } => (common.clone(), None, *currency),
        Command::Config {
            common,
            theme,
            currency,
            ..
        }
        | Command::Serve {
            common,
            theme,
            currency,
            ..
        } => (common.clone(), *theme, *currency),
    };
    let currency = CurrencyOpt {
        currency: currency.currency.or(cli.currency.currency),
    };
    let common = common.or(&top);
    let flags = flags(&common, theme, currency);
    let settings = match settings(&flags, &common) {
        // The explorer's remembered choices are its own: scripts get the same output whatever was
        // chosen in it; `config` shows what the explorer would start with.
        Ok(s) if matches!(command, Command::Config { .. }) => remembered(s, flags.no_config),
        Ok(s) => s,
        Err(code) => return code,
    };
    let source = settings.data_source();
    match command {
        Command::Check { .. } => return check::run(&source, &settings.layer_dirs()),
        Command::New {
            kind,
            name,
            into,
            id,
            ..
        } => {
            return new::run(
                &source,
                &settings.layer_dirs(),
                kind,
                &name,
                id.as_deref(),
                &into,
            );
        }
        Command::Serve { args, .. } => return crate::serve::run(&source, &settings, &args),
        Command::Config { .. } => {
            out!("{}", config::print(&settings));
            return ExitCode::SUCCESS;
        }
        _ => {}
    }
    let currency = settings.chosen_currency();
    if let Command::Search {
        query,
        kind,
        limit,
        format,
        ..
    } = &command
    {
        // A search needs only the index, which a warm cache gives without decoding the dataset.
        let loaded =
            crate::cache::load_index(&source, &settings.layer_dirs(), &settings.data_cache());
        let result = match loaded {
            Ok(loaded) => {
                if let Some(note) = &loaded.note {
                    eprintln!("clinic-explorer: {note}");
                }
                let result = parse_kind_opt(kind.as_deref())
                    .and_then(|k| search::run(&loaded.index, query, k, *limit, *format, currency));
                // The process ends next: freeing a large index piece by piece would only cost time.
                std::mem::forget(loaded);
                result
            }
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::from(EXIT_FAILURE);
            }
        };
        return finish(result);
    }
    let loaded =
        match crate::cache::load_layers(&source, &settings.layer_dirs(), &settings.data_cache()) {
            Ok(loaded) => {
                if let Some(note) = &loaded.note {
                    eprintln!("clinic-explorer: {note}");
                }
                loaded
            }
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::from(EXIT_FAILURE);
            }
        };
    let data = &loaded.data;
    let index = || loaded.index();
    let result = match command {
        Command::Check { .. }
        | Command::New { .. }
        | Command::Config { .. }
        | Command::Completions { .. }
        | Command::Man { .. }
        | Command::Serve { .. }
        | Command::Search { .. } => unreachable!("handled above"),
        Command::Export { args, .. } => export::run(data, &args),
        Command::Show {
            kind, id, format, ..
        } => parse_kind(&kind).and_then(|k| show::run(data, index, k, &id, format, currency)),
        Command::List {
            kind,
            where_,
            sort,
            desc,
            format,
            ..
        } => parse_kind(&kind).and_then(|k| {
            let view = list::View {
                query: where_.join(" "),
                sort,
                desc,
            };
            list::run(data, index, k, format, currency, &view)
        }),
        Command::Compare {
            kind, ids, format, ..
        } => parse_kind(&kind).and_then(|k| compare::run(data, k, &ids, format, currency)),
        Command::Estimate {
            cost,
            sessions,
            nights,
            tier,
            format,
            ..
        } => {
            let req = crate::estimate::Request {
                cost,
                sessions,
                nights,
                tier: tier.into(),
                currency,
            };
            estimate::run(data, &req, format)
        }
    };
    // As for a search: the process ends next, so the dataset is not freed piece by piece.
    std::mem::forget(loaded);
    finish(result)
}

/// The exit status of a command, after saying what went wrong.
fn finish(result: Result<(), String>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("clinic-explorer: {}", crate::text::message(&msg));
            ExitCode::from(EXIT_FAILURE)
        }
    }
}

/// The flags that feed the settings.
fn flags(common: &Common, theme: Option<ThemeArg>, currency: CurrencyOpt) -> Flags {
    Flags {
        data_dir: common.data.clone(),
        theme: theme.map(Into::into),
        currency: currency.currency.map(Into::into),
        no_config: common.no_config,
    }
}

/// The settings with the explorer's remembered choices put in where no flag or environment
/// variable chose (unless `--no-config`); a state file that cannot be read is a warning.
fn remembered(mut settings: Settings, no_config: bool) -> Settings {
    if no_config {
        return settings;
    }
    if let Some(path) = crate::state::standard_path() {
        match crate::state::Remembered::load(&path) {
            Ok(r) => r.apply(&mut settings, &path),
            Err(w) => settings.warnings.push(w),
        }
        settings.state_file = Some(path);
    }
    settings
}

/// The merged settings (`--no-cache` applied), or the exit status after saying why there are none.
fn settings(flags: &Flags, common: &Common) -> Result<Settings, ExitCode> {
    let mut settings = Settings::from_process(flags).map_err(|e| {
        eprintln!("{e}");
        if matches!(e, crate::error::Error::Invalid(_)) {
            eprintln!(
                "clinic-explorer: fix the configuration file, or start with --no-config to ignore it"
            );
        }
        ExitCode::from(EXIT_FAILURE)
    })?;
    for l in &common.layers {
        settings.layers.push(crate::config::Setting {
            value: l.clone(),
            origin: crate::config::Origin::Flag("--layer"),
        });
    }
    if common.no_cache {
        settings.cache = crate::config::Setting {
            value: false,
            origin: crate::config::Origin::Flag("--no-cache"),
        };
    }
    Ok(settings)
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
    // The last net: whatever a printer missed is escaped, never written raw.
    let s = crate::text::output(s);
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
