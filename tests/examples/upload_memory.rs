//! Peak resident memory of an UpdateCode of an N MiB zip through fgs-ureq, as a
//! multiple of the zip's size (see `fgs_tests::bench::upload`).
//!
//! ```text
//! cargo run --release -p fgs-tests --example upload_memory -- --mib 40
//! ```
//!
//! The emulator runs in a child process (this program re-run with `--serve`), so its
//! memory is not counted.

use std::process::ExitCode;

use fgs_tests::bench::child::{self, SERVE_FLAG};
use fgs_tests::bench::upload::{USAGE, UploadArgs, run};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some(SERVE_FLAG) {
        return match child::serve() {
            Ok(()) => ExitCode::SUCCESS,
            Err(error) => {
                eprintln!("error: the emulator failed: {error}");
                ExitCode::FAILURE
            }
        };
    }
    let args = match UploadArgs::parse(args) {
        Ok(Some(args)) => args,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("{message}\n\n{USAGE}");
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
