//! `serve`'s command-line options, and the limits they set.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::time::Duration;

/// `clinic-explorer serve`: the explorer over SSH, each visitor in a session of their own.
#[derive(Debug, Clone, clap::Args)]
pub struct Args {
    /// Address and port to listen on. Only this machine can connect unless you choose another
    /// address (e.g. 0.0.0.0:2222).
    #[arg(long, value_name = "ADDR:PORT", default_value = "127.0.0.1:2222")]
    pub listen: SocketAddr,
    /// Public keys allowed in, one per line as OpenSSH writes them (default: ~/.ssh/authorized_keys).
    /// Re-read when it changes.
    #[arg(long, value_name = "FILE")]
    pub authorized_keys: Option<PathBuf>,
    /// The server's private host key (default: host_key in the state directory; made on first start).
    #[arg(long, value_name = "FILE")]
    pub host_key: Option<PathBuf>,
    /// Where the host key and each key's shortlist are kept (default:
    /// $XDG_STATE_HOME/clinic-explorer/serve, else ~/.local/state/clinic-explorer/serve).
    #[arg(long, value_name = "DIR")]
    pub state_dir: Option<PathBuf>,
    /// Let visitors without a listed key in, to a read-only presenter session.
    #[arg(long)]
    pub allow_anonymous: bool,
    /// The most sessions at once.
    #[arg(long, value_name = "N", default_value_t = 32)]
    pub max_sessions: usize,
    /// The most sessions at once for one key.
    #[arg(long, value_name = "N", default_value_t = 4)]
    pub max_per_key: usize,
    /// The most connections that have not logged in yet.
    #[arg(long, value_name = "N", default_value_t = 16)]
    pub max_unauthenticated: usize,
    /// A session with no keystroke for this long ends (warned a minute before): 90s, 30m, 2h.
    #[arg(long, value_name = "DUR", default_value = "30m", value_parser = parse_duration)]
    pub idle_timeout: Duration,
    /// A connection must log in within this.
    #[arg(long, value_name = "DUR", default_value = "30s", value_parser = parse_duration)]
    pub login_timeout: Duration,
    /// No session lasts longer than this, busy or not.
    #[arg(long, value_name = "DUR", default_value = "12h", value_parser = parse_duration)]
    pub max_session_time: Duration,
}

/// Parses `90`, `90s`, `500ms`, `30m`, `2h`: a whole number and a unit (seconds without one).
pub fn parse_duration(s: &str) -> Result<Duration, String> {
    let s = s.trim();
    let split = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let (digits, unit) = s.split_at(split);
    let n: u64 = digits
        .parse()
        .map_err(|_| format!("`{s}` is not a duration; write a number and a unit: 90s, 30m, 2h"))?;
    let d = match unit {
        "ms" => Duration::from_millis(n),
        "" | "s" => Duration::from_secs(n),
        "m" => Duration::from_secs(n.saturating_mul(60)),
        "h" => Duration::from_secs(n.saturating_mul(3600)),
        _ => return Err(format!("`{s}`: the unit must be ms, s, m or h")),
    };
    if d.is_zero() {
        return Err("a duration of zero would end every session at once".into());
    }
    Ok(d)
}

/// The smallest and largest window a session draws for; a client asking for 0x0 gets 80x24.
pub fn clamp_size(cols: u32, rows: u32) -> (u16, u16) {
    if cols == 0 || rows == 0 {
        return (80, 24);
    }
    let c = cols.clamp(10, 500) as u16;
    let r = rows.clamp(4, 200) as u16;
    (c, r)
}

/// The longest TERM kept from a pty request.
pub const MAX_TERM: usize = 64;

/// A TERM value from a client: printable ASCII only, at most [`MAX_TERM`] bytes.
pub fn clean_term(term: &str) -> String {
    term.chars()
        .filter(|c| c.is_ascii_graphic())
        .take(MAX_TERM)
        .collect()
}

/// Whether a client's terminal shows colours, from its TERM: not for an empty TERM, `dumb`, or the
/// monochrome DEC terminals (`vt52`, `vt100`, `vt220`...). The explorer draws with the 16 basic ANSI
/// colours only, so a TERM that says more (`xterm-256color`, `*-direct`) is drawn in those 16 too.
pub fn term_has_colours(term: &str) -> bool {
    let term = term.to_ascii_lowercase();
    let mono = term.is_empty()
        || term == "dumb"
        || term.starts_with("vt5")
        || term.starts_with("vt1")
        || term.starts_with("vt2")
        || term.starts_with("vt3");
    !mono
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::Parser;

    #[derive(Debug, Parser)]
    struct Cli {
        #[command(flatten)]
        args: Args,
    }

    #[test]
    fn defaults_are_local_and_modest() {
        let a = Cli::try_parse_from(["serve"]).unwrap().args;
        assert_eq!(
            a.listen,
            "127.0.0.1:2222".parse().unwrap(),
            "only this machine"
        );
        assert_eq!(a.authorized_keys, None, "~/.ssh/authorized_keys, see paths");
        assert_eq!(a.host_key, None, "in the state directory, see paths");
        assert!(!a.allow_anonymous);
        assert_eq!(a.max_sessions, 32);
        assert_eq!(a.max_per_key, 4);
        assert_eq!(a.max_unauthenticated, 16);
        assert_eq!(a.idle_timeout, Duration::from_secs(30 * 60));
        assert_eq!(a.login_timeout, Duration::from_secs(30));
        assert_eq!(a.max_session_time, Duration::from_secs(12 * 3600));
        let a = Cli::try_parse_from([
            "serve",
            "--listen",
            "0.0.0.0:2200",
            "--allow-anonymous",
            "--max-sessions",
            "5",
            "--idle-timeout",
            "90s",
        ])
        .unwrap()
        .args;
        assert_eq!(a.listen.port(), 2200);
        assert!(a.allow_anonymous);
        assert_eq!(a.max_sessions, 5);
        assert_eq!(a.idle_timeout, Duration::from_secs(90));
        assert!(Cli::try_parse_from(["serve", "--idle-timeout", "0"]).is_err());
    }

    #[test]
    fn colours_unless_the_term_has_none() {
        for term in [
            "xterm",
            "xterm-256color",
            "screen",
            "tmux-256color",
            "linux",
            "alacritty",
        ] {
            assert!(term_has_colours(term), "{term}");
        }
        for term in ["", "dumb", "vt100", "VT220", "vt52"] {
            assert!(!term_has_colours(term), "{term:?}");
        }
    }

    #[test]
    fn durations_with_units() {
        assert_eq!(parse_duration("90"), Ok(Duration::from_secs(90)));
        assert_eq!(parse_duration("90s"), Ok(Duration::from_secs(90)));
        assert_eq!(parse_duration("500ms"), Ok(Duration::from_millis(500)));
        assert_eq!(parse_duration("30m"), Ok(Duration::from_secs(1800)));
        assert_eq!(parse_duration("2h"), Ok(Duration::from_secs(7200)));
        assert!(parse_duration("2d").unwrap_err().contains("unit"));
        assert!(
            parse_duration("soon")
                .unwrap_err()
                .contains("not a duration")
        );
        assert!(parse_duration("0s").is_err());
    }

    #[test]
    fn sizes_are_clamped() {
        assert_eq!(clamp_size(0, 0), (80, 24));
        assert_eq!(clamp_size(120, 0), (80, 24));
        assert_eq!(clamp_size(100_000, 100_000), (500, 200));
        assert_eq!(clamp_size(80, 24), (80, 24));
        assert_eq!(clamp_size(1, 1), (10, 4));
    }

    #[test]
    fn term_is_capped_and_printable() {
        assert_eq!(clean_term("xterm-256color"), "xterm-256color");
        assert_eq!(clean_term("x\x1b[2Jterm"), "x[2Jterm");
        assert_eq!(clean_term(&"a".repeat(1000)).len(), MAX_TERM);
    }
}
