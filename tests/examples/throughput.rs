//! Calls per second and CPU per call of fgs-ureq and fgs-hyper, each against a raw
//! client that sends the same bytes (see `fgs_tests::bench::throughput`).
//!
//! ```text
//! cargo run --release -p fgs-tests --example throughput                      # GetMetadata, AK/SK, all clients
//! cargo run --release -p fgs-tests --example throughput -- --op invoke --server child
//! cargo run --release -p fgs-tests --example throughput -- --help
//! ```
//!
//! Against a separately started emulator (client CPU only, two terminals):
//!
//! ```text
//! FGS_EMULATOR_AK=FGSBENCHACCESSKEY001 FGS_EMULATOR_SK=fgs-bench-secret-key-0123456789abcdef \
//!   cargo run --release -p fgs-emulator -- --listen 127.0.0.1:8080
//! HUAWEICLOUD_SDK_PROJECT_ID=0123456789abcdef0123456789abcdef \
//!   HUAWEICLOUD_SDK_AK=FGSBENCHACCESSKEY001 HUAWEICLOUD_SDK_SK=fgs-bench-secret-key-0123456789abcdef \
//!   cargo run --release -p fgs-tests --example throughput -- --endpoint http://127.0.0.1:8080
//! ```

use std::process::ExitCode;

use fgs_tests::bench::child::{self, SERVE_FLAG};
use fgs_tests::bench::throughput::{Args, USAGE, run};

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
    let args = match Args::parse(args) {
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
