//! The `main` both benchmark programs share: serve the emulator when re-run as the
//! child (`--serve`), else parse the arguments, print the usage on `--help`, and run.

use std::io::Write;
use std::process::ExitCode;

use super::child::{self, SERVE_FLAG};

/// Runs a benchmark program with `parse`d arguments; exit status 2 for bad arguments,
/// 1 when the run fails.
pub fn main<A, R>(
    usage: &str,
    parse: impl FnOnce(Vec<String>) -> Result<Option<A>, String>,
    run: impl FnOnce(&A, &mut dyn Write) -> Result<R, String>,
) -> ExitCode {
    // `cargo bench` passes `--bench` to every bench program; it means nothing here.
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|arg| arg != "--bench")
        .collect();
    if args.first().map(String::as_str) == Some(SERVE_FLAG) {
        return match child::serve() {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("error: the emulator failed: {error}");
                ExitCode::FAILURE
            }
        };
    }
    let args = match parse(args) {
        Ok(Some(args)) => args,
        Ok(None) => {
            println!("{usage}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("{message}\n\n{usage}");
            return ExitCode::from(2);
        }
    };
    match run(&args, &mut std::io::stdout()) {
        Ok(_) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}
