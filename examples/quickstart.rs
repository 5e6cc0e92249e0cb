//! The README demo: one function through every FunctionGraph v2 operation of fgs's
//! registry with the blocking client (fgs-ureq), each step printed with its request line
//! and result.
//!
//! ```text
//! cargo run --example quickstart                      # against an emulator in this process
//! FGS_REGION=cn-north-4 HUAWEICLOUD_SDK_PROJECT_ID=... HUAWEICLOUD_SDK_AK=... \
//!   HUAWEICLOUD_SDK_SK=... cargo run --example quickstart -- --prefix my-demo
//! ```
//!
//! With neither `FGS_ENDPOINT` nor `FGS_REGION` set it needs no configuration and no
//! network: it starts fgs-emulator on a loopback port, with AK/SK authentication on.
//! Otherwise it runs against that endpoint with the credentials from the environment
//! (see `Config::from_env`), on a function named `{prefix}-{6 hex digits}` that it
//! deletes at the end, and also when a step fails. Exits with status 1 on any failure.

use std::process::ExitCode;

use fgs_emulator::Emulator;
use fgs_examples::{self as demo, Target};

const USAGE: &str = "usage: quickstart [--prefix NAME]

Walks every FunctionGraph v2 operation fgs has with fgs-ureq, on the in-process emulator,
or on the endpoint FGS_ENDPOINT / FGS_REGION names (credentials from
HUAWEICLOUD_SDK_AK, _SK, _PROJECT_ID or FGS_AUTH_TOKEN).

  --prefix NAME   start of the demo function's name (default fgs-quickstart)";

fn main() -> ExitCode {
    let prefix = match prefix_from_args(std::env::args().skip(1)) {
        Ok(Some(prefix)) => prefix,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("{message}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let function_name = format!("{prefix}-{}", demo::unique_suffix());
    let mut stdout = std::io::stdout();
    let remote = ["FGS_ENDPOINT", "FGS_REGION"]
        .iter()
        .any(|key| std::env::var(key).is_ok_and(|v| !v.is_empty()));
    let result = if remote {
        let client = match fgs_ureq::Client::from_env() {
            Ok(client) => client,
            Err(error) => {
                eprintln!("error: cannot configure the client from the environment: {error}");
                return ExitCode::FAILURE;
            }
        };
        demo::run(&client, Target::Service, &function_name, &mut stdout)
    } else {
        let emulator = match Emulator::builder()
            .ak_sk("QUICKSTARTACCESSKEY0", "quickstart-secret-key")
            .start()
        {
            Ok(emulator) => emulator,
            Err(error) => {
                eprintln!("error: cannot start the emulator: {error}");
                return ExitCode::FAILURE;
            }
        };
        let client = fgs_ureq::Client::new(emulator.config());
        demo::run(
            &client,
            Target::Emulator(&emulator),
            &function_name,
            &mut stdout,
        )
    };
    match result {
        Ok(_) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

/// The `--prefix` value (default `fgs-quickstart`), or `None` for `--help`.
fn prefix_from_args(mut args: impl Iterator<Item = String>) -> Result<Option<String>, String> {
    let mut prefix = "fgs-quickstart".to_owned();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "--prefix" => prefix = args.next().ok_or("--prefix needs a value")?,
            other => match other.strip_prefix("--prefix=") {
                Some(value) => prefix = value.to_owned(),
                None => return Err(format!("unknown argument `{other}`")),
            },
        }
    }
    if prefix.is_empty() {
        return Err("--prefix must not be empty".into());
    }
    Ok(Some(prefix))
}
