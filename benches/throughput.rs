//! Calls per second and CPU per call of fgs-ureq and fgs-hyper, each against a raw
//! client that sends the same bytes (see `fgs_benches::throughput`).
//!
//! ```text
//! cargo bench -p fgs-benches --bench throughput                      # GetMetadata, AK/SK, all clients
//! cargo bench -p fgs-benches --bench throughput -- --op invoke --server child
//! cargo bench -p fgs-benches --bench throughput -- --help
//! ```
//!
//! Against a separately started emulator (client CPU only, two terminals):
//!
//! ```text
//! FGS_EMULATOR_AK=FGSBENCHACCESSKEY001 FGS_EMULATOR_SK=fgs-bench-secret-key-0123456789abcdef \
//!   cargo run --release -p fgs-emulator -- --listen 127.0.0.1:8080
//! HUAWEICLOUD_SDK_PROJECT_ID=0123456789abcdef0123456789abcdef \
//!   HUAWEICLOUD_SDK_AK=FGSBENCHACCESSKEY001 HUAWEICLOUD_SDK_SK=fgs-bench-secret-key-0123456789abcdef \
//!   cargo bench -p fgs-benches --bench throughput -- --endpoint http://127.0.0.1:8080
//! ```

use std::process::ExitCode;

use fgs_benches::program;
use fgs_benches::throughput::{Args, USAGE, run};

fn main() -> ExitCode {
    program::main(USAGE, Args::parse, run)
}
