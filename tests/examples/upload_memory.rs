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

use fgs_tests::bench::program;
use fgs_tests::bench::upload::{USAGE, UploadArgs, run};

fn main() -> ExitCode {
    program::main(USAGE, UploadArgs::parse, run)
}
