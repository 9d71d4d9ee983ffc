//! The `clinic-explorer` binary: parse the command line and dispatch.

fn main() -> std::process::ExitCode {
    clinic_explorer::cli::run()
}
