//! The server's log: one line each on standard error, with the time in UTC. Values from clients pass
//! the sanitiser; keystrokes are never logged.

use crate::shortlist::Timestamp;
use std::io::Write;

/// Writes one log line.
pub fn line(message: &str) {
    let text = crate::text::sanitize(message);
    let _ = writeln!(
        std::io::stderr(),
        "{} clinic-explorer serve: {text}",
        Timestamp::now().rfc3339()
    );
}
