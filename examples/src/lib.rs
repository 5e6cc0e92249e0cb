//! The README demo (`cargo run --example quickstart`): one function taken through every
//! FunctionGraph v2 operation of the registry with the blocking client, each step printed with its
//! request line and key result.
//!
//! [`run`] is the whole demo; the example only chooses where it runs. Against the
//! emulator it starts in-process, every step must succeed. Against a real endpoint the
//! steps are the same, except the one that needs a failing handler (only the emulator
//! can register one), which is skipped with a note; and the demo function is deleted
//! even when a step fails.
//!
//! ```
//! use fgs_emulator::Emulator;
//! use fgs_examples::{self as demo, Target};
//!
//! let emu = Emulator::builder().ak_sk("AK", "SK").start()?;
//! let client = fgs_ureq::Client::new(emu.config());
//! let mut out = Vec::new();
//! let report = demo::run(&client, Target::Emulator(&emu), "hello-demo", &mut out)?;
//! assert!(report.is_complete());
//! let all = demo::operations().len();
//! assert!(String::from_utf8_lossy(&out).ends_with(&format!("{all}/{all} operations OK\n")));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod function_code;
mod report;
mod request_line;
mod step;
mod walk;

use std::io::Write;

use fgs_emulator::Emulator;
use fgs_proto::functions::Delete;
use fgs_proto::registry::Group;
use fgs_proto::{Config, Credentials};

pub use function_code::{FIRST_SOURCE, SECOND_SOURCE, emulated_handler};
pub use report::{Cause, Cleanup, DemoError, Outcome, Report, Step};

use step::{Failure, Walker};

/// The operations the demo walks: every operation of the registry, by its Go SDK name
/// with the package (`function.Create`, `trigger.List`), in registry order. The steps
/// name the operations the same way; the demo test fails naming any the walk misses.
pub fn operations() -> Vec<String> {
    fgs_proto::registry::ALL
        .iter()
        .map(|info| {
            let package = match info.group {
                Group::Triggers => "trigger",
                Group::Dependencies => "dependency",
                Group::Events => "event",
                Group::Scaling => "scaling",
                Group::Tags => "tag",
                Group::Observability => "observability",
                Group::AsyncInvocations => "async",
                Group::Metrics => "metrics",
                Group::Apps => "app",
                Group::Templates => "template",
                Group::Bridge => "bridge",
                Group::VpcEndpoints => "vpc",
                Group::Workflows => "workflow",
                _ => "function",
            };
            // Operations the Go SDK lacks go by their type's name (`dependency.List`).
            let short = info.rust_type.rsplit("::").next().unwrap_or(info.name);
            format!("{package}.{}", info.go.unwrap_or(short))
        })
        .collect()
}

/// Where the demo runs.
#[derive(Debug, Clone, Copy)]
pub enum Target<'e> {
    /// An emulator in this process: handlers can be registered and asynchronous
    /// invocations awaited.
    Emulator(&'e Emulator),
    /// A real FunctionGraph endpoint.
    Service,
}

/// Runs the demo with `client` on a function named `function_name` (package
/// `default`), writing the walk-through to `out`.
///
/// Returns the report when all [`operations`] succeeded. On the first failure it stops,
/// deletes the demo function if it was created, prints what happened, and returns the
/// error (boxed: it carries the report) with the steps that ran.
pub fn run(
    client: &fgs_ureq::Client,
    target: Target<'_>,
    function_name: &str,
    out: &mut dyn Write,
) -> Result<Report, Box<DemoError>> {
    let mut walker = Walker::new(client, out);
    let mut created = None;
    let walked = header(&mut walker, target, function_name)
        .map_err(Failure::from)
        .and_then(|()| walk::walk(&mut walker, &target, function_name, &mut created));
    let failure = match walked {
        Ok(()) => match walker
            .line("")
            .and_then(|()| walker.line(walker.report.summary()))
        {
            Ok(()) if walker.report.is_complete() => return Ok(walker.report),
            Ok(()) => Failure {
                operation: None,
                cause: Cause::Unexpected(format!(
                    "these operations did not run: {:?}",
                    walker.report.missing()
                )),
            },
            Err(e) => Failure::from(e),
        },
        Err(failure) => failure,
    };
    let cleanup = match &created {
        Some(urn) => clean_up(client, urn),
        None => Cleanup::NotNeeded,
    };
    // Best effort: the error returned says it all if the output is broken.
    let _ = report_failure(&mut walker, &failure, &cleanup, created.as_deref());
    Err(Box::new(DemoError {
        operation: failure.operation,
        cause: failure.cause,
        report: walker.report,
        cleanup,
    }))
}

/// What the demo does and where.
fn header(walker: &mut Walker<'_>, target: Target<'_>, function_name: &str) -> std::io::Result<()> {
    let config = walker.client.config().clone();
    let (place, note) = match target {
        Target::Emulator(_) => (
            "fgs-emulator, an in-memory FunctionGraph started inside this process",
            "Set FGS_ENDPOINT or FGS_REGION and credentials to run the same steps against FunctionGraph.",
        ),
        Target::Service => (
            "FunctionGraph, from FGS_ENDPOINT / FGS_REGION",
            "The demo function is deleted at the end, and also if a step fails.",
        ),
    };
    walker.line(format_args!(
        "fgs quickstart: one function through all {} FunctionGraph v2 operations,",
        operations().len()
    ))?;
    walker.line("with the blocking client (fgs-ureq).")?;
    walker.line("")?;
    walker.line(format_args!("  endpoint  {}  ({place})", config.endpoint()))?;
    walker.line(format_args!("  auth      {}", auth(&config)))?;
    walker.line(format_args!("  project   {}", config.project_id()))?;
    walker.line(format_args!(
        "  function  {}:{function_name}",
        walk::PACKAGE
    ))?;
    walker.line("")?;
    walker.line(note)?;
    walker.line("Each step: the operation (Go SDK name), the request line, then → the result.")?;
    walker.line("Paths show the project id as {project_id}, and the function's URN as {urn}.")?;
    walker.line("")
}

fn auth(config: &Config) -> &'static str {
    match config.credentials() {
        Credentials::Token(_) => "IAM token (X-Auth-Token)",
        Credentials::AkSk(keys) if keys.security_token().is_some() => {
            "temporary AK/SK (SDK-HMAC-SHA256 signatures + X-Security-Token)"
        }
        _ => "AK/SK (every request signed with SDK-HMAC-SHA256)",
    }
}

/// Deletes the whole demo function after a failed step.
fn clean_up(client: &fgs_ureq::Client, urn: &str) -> Cleanup {
    match client.send(&Delete::new(urn)) {
        Ok(()) => Cleanup::Deleted,
        // Gone already (the failure may have been its deletion's answer).
        Err(error) if error.is_not_found() => Cleanup::NotNeeded,
        Err(error) => Cleanup::Failed(error),
    }
}

fn report_failure(
    walker: &mut Walker<'_>,
    failure: &Failure,
    cleanup: &Cleanup,
    urn: Option<&str>,
) -> std::io::Result<()> {
    walker.line("")?;
    match failure.operation {
        Some(operation) => walker.line(format_args!("FAILED at {operation}: {}", failure.cause))?,
        None => walker.line(format_args!("FAILED: {}", failure.cause))?,
    }
    match (cleanup, urn) {
        (Cleanup::Deleted, Some(urn)) => {
            walker.line(format_args!(
                "cleanup: deleted {urn} (with its versions, aliases and triggers)"
            ))?;
        }
        (Cleanup::Failed(error), Some(urn)) => {
            walker.line(format_args!(
                "cleanup FAILED: {error}; delete {urn} by hand"
            ))?;
        }
        _ => {}
    }
    walker.line(walker.report.summary())
}

/// Six hex digits from the clock, so that two runs against the same endpoint (and a
/// leftover of an interrupted run) do not share a function name.
pub fn unique_suffix() -> String {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos() ^ (d.as_secs() as u32));
    format!("{:06x}", nanos & 0xff_ffff)
}
