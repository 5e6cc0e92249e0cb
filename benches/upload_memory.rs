//! Peak resident memory of an UpdateCode of an N MiB zip through fgs-ureq, as a
//! multiple of the zip's size (see `fgs_benches::upload`).
//!
//! ```text
//! cargo bench -p fgs-benches --bench upload_memory -- --mib 40
//! ```
//!
//! The emulator runs in a child process (this program re-run with `--serve`), so its
//! memory is not counted.

use std::process::ExitCode;

use fgs_benches::program;
use fgs_benches::upload::{USAGE, UploadArgs, run};

fn main() -> ExitCode {
    program::main(USAGE, UploadArgs::parse, run)
}
