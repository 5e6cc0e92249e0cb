//! Command-line and environment settings of the `fgs-emulator` binary.

use std::net::SocketAddr;
use std::time::Duration;

use fgs_emulator::{DEFAULT_PROJECT_ID, DEFAULT_REGION, EmulatorBuilder};

pub(crate) const HELP: &str = "\
fgs-emulator — an in-memory Huawei Cloud FunctionGraph v2 service on loopback

USAGE:
    fgs-emulator [OPTIONS]

OPTIONS (each may also come from the environment variable shown; a flag wins):
    --listen ADDR        address to listen on            FGS_EMULATOR_LISTEN
                         (default 127.0.0.1:0, a free port)
    --project-id ID      project id in paths and URNs    FGS_EMULATOR_PROJECT_ID
                         (default 0123456789abcdef0123456789abcdef)
    --region REGION      region in URNs                  FGS_EMULATOR_REGION
                         (default cn-north-4)
    --ak AK              accept requests signed with     FGS_EMULATOR_AK
    --sk SK              this AK/SK (SDK-HMAC-SHA256)    FGS_EMULATOR_SK
    --token TOKEN        accept this X-Auth-Token        FGS_EMULATOR_TOKEN
    --max-skew SECONDS   allowed X-Sdk-Date skew         FGS_EMULATOR_MAX_SKEW
                         (default 900)
    --temporary-credentials SECONDS                      FGS_EMULATOR_TEMPORARY_CREDENTIALS
                         serve ECS metadata and IAM (project list, id-token
                         exchange) on the same address; issued keys last SECONDS
    --async-log N        async invocations kept          FGS_EMULATOR_ASYNC_LOG
                         (default 1000, oldest forgotten first; 64 MiB at most)
    --async-start-delay MS                               FGS_EMULATOR_ASYNC_START_DELAY
                         wait before an async invocation runs (default 0)
    --async-retry-interval MS                            FGS_EMULATOR_ASYNC_RETRY_INTERVAL
                         wait before a failed async attempt is retried (default 0)
    --async-event-limit BYTES                            FGS_EMULATOR_ASYNC_EVENT_LIMIT
                         largest async event (default 262144, 256 KB)
    --log-requests       one line per request on stderr  FGS_EMULATOR_LOG_REQUESTS=1
    -h, --help           print this help
    -V, --version        print the version

With neither AK/SK nor a token every request is accepted; with both, either works.
Prefer the environment for secrets: command lines are visible to other local users.

When ready it prints exactly one line, `listening on http://ADDR`, to stdout, and
to stderr the project id, region and accepted credentials with the settings that
point the fgs SDK, the official Huawei Cloud SDKs and curl at it (a secret key or
token given to it is never printed). `GET /health` answers 200 `{\"status\":\"ok\"}`
without credentials. If ADDR cannot be bound it says so and exits with status 1.
SIGINT or SIGTERM stops it gracefully (exit status 0); SIGHUP clears the record of
asynchronous invocations.
";

/// What the command line asks for.
#[derive(Debug)]
pub(crate) enum Command {
    Run(Box<EmulatorBuilder>, Auth),
    Help,
    Version,
}

/// The credentials the emulator accepts, as the start-up banner describes them: the
/// access key id (not a secret), and only *whether* a secret key or a token was given.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Auth {
    /// The AK of `--ak`, when AK/SK signatures are checked.
    pub(crate) access_key: Option<String>,
    /// Whether `--token` was given.
    pub(crate) token: bool,
    /// The lifetime of issued temporary keys, with `--temporary-credentials`.
    pub(crate) temporary_credentials: Option<Duration>,
}

/// Reads the arguments (without the program name) and the environment through `env`.
pub(crate) fn parse(
    args: impl IntoIterator<Item = String>,
    env: impl Fn(&str) -> Option<String>,
) -> Result<Command, String> {
    let mut flags: Vec<(&'static str, String)> = Vec::new();
    let mut log_requests = false;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((name, value)) if name.starts_with("--") => {
                (name.to_owned(), Some(value.to_owned()))
            }
            _ => (arg.clone(), None),
        };
        let key = match name.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "-V" | "--version" => return Ok(Command::Version),
            "--log-requests" => {
                log_requests = true;
                continue;
            }
            "--listen" => "LISTEN",
            "--project-id" => "PROJECT_ID",
            "--region" => "REGION",
            "--ak" => "AK",
            "--sk" => "SK",
            "--token" => "TOKEN",
            "--max-skew" => "MAX_SKEW",
            "--temporary-credentials" => "TEMPORARY_CREDENTIALS",
            "--async-log" => "ASYNC_LOG",
            "--async-start-delay" => "ASYNC_START_DELAY",
            "--async-retry-interval" => "ASYNC_RETRY_INTERVAL",
            "--async-event-limit" => "ASYNC_EVENT_LIMIT",
            _ => return Err(format!("unknown argument `{arg}` (see --help)")),
        };
        let value = match inline {
            Some(value) => value,
            None => args
                .next()
                .ok_or_else(|| format!("{name} needs a value (see --help)"))?,
        };
        flags.push((key, value));
    }
    let setting = |key: &str| {
        flags
            .iter()
            .rev()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v.clone())
            .or_else(|| env(&format!("FGS_EMULATOR_{key}")))
            .filter(|v| !v.is_empty())
    };
    let mut builder = EmulatorBuilder::default()
        .project_id(setting("PROJECT_ID").unwrap_or_else(|| DEFAULT_PROJECT_ID.to_owned()))
        .region(setting("REGION").unwrap_or_else(|| DEFAULT_REGION.to_owned()))
        .log_requests(log_requests || env("FGS_EMULATOR_LOG_REQUESTS").is_some_and(|v| v == "1"));
    if let Some(listen) = setting("LISTEN") {
        let addr: SocketAddr = listen
            .parse()
            .map_err(|_| format!("--listen `{listen}` is not an address like 127.0.0.1:8080"))?;
        builder = builder.listen(addr);
    }
    if let Some(skew) = setting("MAX_SKEW") {
        let seconds: u64 = skew
            .parse()
            .map_err(|_| format!("--max-skew `{skew}` is not a number of seconds"))?;
        builder = builder.max_skew(Duration::from_secs(seconds));
    }
    let mut auth = Auth::default();
    if let Some(lifetime) = setting("TEMPORARY_CREDENTIALS") {
        let seconds: u64 = lifetime.parse().map_err(|_| {
            format!("--temporary-credentials `{lifetime}` is not a number of seconds")
        })?;
        builder = builder.temporary_credentials(Duration::from_secs(seconds));
        auth.temporary_credentials = Some(Duration::from_secs(seconds));
    }
    if let Some(records) = setting("ASYNC_LOG") {
        let records: usize = records
            .parse()
            .map_err(|_| format!("--async-log `{records}` is not a number of invocations"))?;
        builder = builder.async_log_records(records);
    }
    let number = |key: &str, flag: &str, what: &str| -> Result<Option<u64>, String> {
        setting(key)
            .map(|v| {
                v.parse::<u64>()
                    .map_err(|_| format!("{flag} `{v}` is not a number of {what}"))
            })
            .transpose()
    };
    if let Some(ms) = number("ASYNC_START_DELAY", "--async-start-delay", "milliseconds")? {
        builder = builder.async_start_delay(Duration::from_millis(ms));
    }
    if let Some(ms) = number(
        "ASYNC_RETRY_INTERVAL",
        "--async-retry-interval",
        "milliseconds",
    )? {
        builder = builder.async_retry_interval(Duration::from_millis(ms));
    }
    if let Some(bytes) = number("ASYNC_EVENT_LIMIT", "--async-event-limit", "bytes")? {
        builder = builder.async_event_limit(usize::try_from(bytes).unwrap_or(usize::MAX));
    }
    match (setting("AK"), setting("SK")) {
        (Some(ak), Some(sk)) => {
            auth.access_key = Some(ak.clone());
            builder = builder.ak_sk(ak, sk);
        }
        (None, None) => {}
        (Some(_), None) => return Err("--ak needs --sk (or FGS_EMULATOR_SK)".into()),
        (None, Some(_)) => return Err("--sk needs --ak (or FGS_EMULATOR_AK)".into()),
    }
    if let Some(token) = setting("TOKEN") {
        auth.token = true;
        builder = builder.token(token);
    }
    Ok(Command::Run(Box::new(builder), auth))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn run(args: &[&str], env: &[(&str, &str)]) -> Result<String, String> {
        let env: HashMap<String, String> = env
            .iter()
            .map(|(k, v)| ((*k).into(), (*v).into()))
            .collect();
        match parse(args.iter().map(|s| (*s).to_owned()), |k| {
            env.get(k).cloned()
        })? {
            Command::Run(builder, auth) => Ok(format!("{builder:?} {auth:?}")),
            Command::Help => Ok("help".into()),
            Command::Version => Ok("version".into()),
        }
    }

    #[test]
    fn flags_win_over_the_environment() {
        let debug = run(
            &["--project-id", "p-flag", "--listen=127.0.0.1:9000"],
            &[
                ("FGS_EMULATOR_PROJECT_ID", "p-env"),
                ("FGS_EMULATOR_REGION", "eu-west-101"),
            ],
        )
        .unwrap();
        assert!(debug.contains("\"p-flag\""), "{debug}");
        assert!(debug.contains("eu-west-101"), "{debug}");
        assert!(debug.contains("127.0.0.1:9000"), "{debug}");
    }

    #[test]
    fn credentials_and_errors() {
        let debug = run(&["--ak", "AK1"], &[("FGS_EMULATOR_SK", "SECRET-SK")]).unwrap();
        assert!(
            debug.contains("AK1") && !debug.contains("SECRET-SK"),
            "{debug}"
        );
        assert!(run(&["--ak", "AK1"], &[]).unwrap_err().contains("--sk"));
        assert!(run(&["--listen", "nope"], &[]).is_err());
        assert!(
            run(&["--region"], &[])
                .unwrap_err()
                .contains("needs a value")
        );
        assert!(
            run(&["--bogus"], &[])
                .unwrap_err()
                .contains("unknown argument")
        );
        let debug = run(
            &["--async-start-delay", "250", "--async-retry-interval=10"],
            &[("FGS_EMULATOR_ASYNC_EVENT_LIMIT", "1024")],
        )
        .unwrap();
        assert!(
            debug.contains("start_delay: 250ms")
                && debug.contains("retry_interval: 10ms")
                && debug.contains("max_event_bytes: 1024"),
            "{debug}"
        );
        assert!(
            run(&["--async-retry-interval", "soon"], &[])
                .unwrap_err()
                .contains("milliseconds")
        );
        assert_eq!(run(&["--help"], &[]).unwrap(), "help");
        assert_eq!(run(&["-V"], &[]).unwrap(), "version");
    }
}
