//! The throughput program (`cargo bench -p fgs-benches --bench throughput`):
//! calls per second and process CPU per call of fgs-ureq and fgs-hyper, each against
//! a raw client that sends the same bytes ([`floor`]).
//!
//! A run creates the functions its operation needs, warms every client up (connections
//! open, caches filled), then has the clients take turns — A B C, B C A, … — for
//! `--rounds` rounds of `--n` calls each, so that drift of the machine's speed hits
//! them alike, counts the threads each client starts per call over a few hundred more
//! calls ([`crate::threads`]), and prints the totals and the SDK/floor ratios
//! ([`Report`]). Nothing is asserted about the figures: the program fails only when a
//! call fails.
//!
//! ```
//! use fgs_benches::{self as bench, Auth};
//! use fgs_benches::throughput::{Args, ClientKind, Op, run_against};
//!
//! let emu = bench::emulator_builder().start()?;
//! let args = Args { op: Op::Invoke, n: 5, rounds: 2, ..Args::default() };
//! let mut out = Vec::new();
//! let report = run_against(&bench::config(emu.endpoint(), Auth::AkSk)?, &args, &mut out)?;
//! assert_eq!(report.sample(ClientKind::RawHyper).map(|s| s.calls), Some(10));
//! assert_eq!(report.ratios().len(), 3);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod args;
mod clients;
pub mod floor;
mod report;
mod sample;
pub mod tcp;
mod workload;

use std::io::Write;
use std::sync::Arc;

use fgs_emulator::Emulator;
use fgs_proto::{Config, Operation};

pub use args::{Args, ClientKind, Op, Server, USAGE};
pub use report::{Ratio, Report};
pub use sample::Sample;
pub use workload::{INVOKE_EVENT, LIST_FUNCTIONS};

use super::child::ChildEmulator;
use clients::{Driver, driver};
use workload::{Fixture, Workload};

/// Untimed calls per client before the first round (at least one per connection).
const WARM_UP_CALLS: usize = 200;
/// Untimed calls per client after the rounds, counting the threads they start.
const THREAD_PROBE_CALLS: usize = 300;

/// Runs the benchmark `args` describe, printing to `out`: against `--endpoint`, or an
/// emulator started for it (in this process or a child process).
pub fn run(args: &Args, out: &mut dyn Write) -> Result<Report, String> {
    // Whichever emulator is started lives until the run ends.
    let mut _in_process: Option<Emulator> = None;
    let mut _child: Option<ChildEmulator> = None;
    let (config, server) = match (&args.endpoint, args.server) {
        (Some(endpoint), _) => {
            let config = super::config_from_env(endpoint, args.auth, |key| std::env::var(key).ok())
                .map_err(|e| format!("cannot configure the client: {e}"))?;
            (
                config,
                format!("{endpoint}: cpu_us_per_call is this process's alone"),
            )
        }
        (None, Server::InProcess) => {
            let emulator = super::emulator_builder()
                .start()
                .map_err(|e| format!("cannot start the emulator: {e}"))?;
            let config =
                super::config(emulator.endpoint(), args.auth).map_err(|e| e.to_string())?;
            _in_process = Some(emulator);
            let note = "fgs-emulator in this process: cpu_us_per_call includes the server's \
                        CPU (--server child measures the client alone)";
            (config, note.to_owned())
        }
        (None, Server::Child) => {
            let child = ChildEmulator::spawn()
                .map_err(|e| format!("cannot start the child emulator: {e}"))?;
            let config = super::config(child.endpoint(), args.auth).map_err(|e| e.to_string())?;
            let note = format!(
                "fgs-emulator in child process {}: cpu_us_per_call is the client's alone",
                child.id()
            );
            _child = Some(child);
            (config, note)
        }
    };
    writeln!(out, "# server: {server}").map_err(|e| e.to_string())?;
    run_against(&config, args, out)
}

/// Runs the benchmark against the service `config` points at (`args.endpoint` and
/// `args.server` are not looked at), printing to `out`.
pub fn run_against(config: &Config, args: &Args, out: &mut dyn Write) -> Result<Report, String> {
    let io = |e: std::io::Error| e.to_string();
    let setup = fgs_ureq::Client::new(config.clone());
    let mut fixture = Fixture::set_up(args.op, &setup, &fgs_testkit::unique_suffix())
        .map_err(|e| format!("cannot create the benchmark functions: {e}"))?;
    let result = match fixture.workload.clone() {
        Workload::GetMetadata(op) => measure(op, config, args, out),
        Workload::List(op) => measure(op, config, args, out),
        Workload::Invoke(op) => measure(op, config, args, out),
    };
    let left = fixture.tear_down(&setup);
    if left > 0 {
        writeln!(
            out,
            "# warning: {left} benchmark function(s) could not be deleted"
        )
        .map_err(io)?;
    }
    result
}

/// Warms the clients up, then times them in turns.
fn measure<O>(
    operation: O,
    config: &Config,
    args: &Args,
    out: &mut dyn Write,
) -> Result<Report, String>
where
    O: Operation + Send + Sync + 'static,
    O::Output: Send,
{
    let io = |e: std::io::Error| e.to_string();
    let operation = Arc::new(operation);
    let runtime = if args.clients.iter().any(|c| c.is_async()) {
        // As many workers as the machine has cores, as `#[tokio::main]` would.
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()
            .map_err(|e| format!("cannot start a tokio runtime: {e}"))?;
        Some(Arc::new(runtime))
    } else {
        None
    };
    let drivers = args
        .clients
        .iter()
        .map(|&kind| {
            driver(
                kind,
                Arc::clone(&operation),
                config,
                runtime.as_ref(),
                args.concurrency_of(kind),
            )
        })
        .collect::<Result<Vec<Driver>, String>>()?;

    let concurrency: Vec<String> = drivers
        .iter()
        .map(|d| format!("{}={}", d.kind.name(), d.concurrency))
        .collect();
    writeln!(
        out,
        "# op={} auth={} calls per client: {} per round x {} rounds, clients taking turns; \
         concurrency {}",
        args.op.name(),
        args.auth.name(),
        args.n,
        args.rounds,
        concurrency.join(" "),
    )
    .map_err(io)?;

    for driver in &drivers {
        driver
            .run(WARM_UP_CALLS.min(args.n).max(driver.concurrency))
            .map_err(|e| format!("{} failed while warming up: {e}", driver.kind.name()))?;
    }
    let mut rounds = vec![Vec::with_capacity(args.rounds); drivers.len()];
    for round in 0..args.rounds {
        for index in turn_order(drivers.len(), round) {
            let driver = &drivers[index];
            let sample = Sample::take(args.n, |n| driver.run(n))
                .map_err(|e| format!("{} failed: {e}", driver.kind.name()))?;
            rounds[index].push(sample);
        }
    }
    let mut threads_per_call = Vec::new();
    let probe = THREAD_PROBE_CALLS.min(args.n);
    for driver in &drivers {
        // Not where there is no /proc (the figure is then absent).
        if let Ok((result, started)) = crate::threads::started_during(|| driver.run(probe)) {
            result.map_err(|e| format!("{} failed: {e}", driver.kind.name()))?;
            let started = started.saturating_sub(driver.fan_out_threads(probe));
            threads_per_call.push((driver.kind, started as f64 / probe as f64));
        }
    }
    let report = Report {
        op: args.op,
        results: args.clients.iter().copied().zip(rounds).collect(),
        threads_per_call,
    };
    for line in report.lines() {
        writeln!(out, "{line}").map_err(io)?;
    }
    Ok(report)
}

/// The order in which `clients` clients take their turn in round `round`: the list
/// rotated by one place per round (A B C, B C A, C A B, …), so that over the rounds
/// each client runs in every position equally often — right after each of the others,
/// whose leftovers (the async clients' 32 connections, a busy runtime) would otherwise
/// always slow down the same one.
fn turn_order(clients: usize, round: usize) -> impl Iterator<Item = usize> {
    (0..clients).map(move |i| (i + round) % clients.max(1))
}

#[cfg(test)]
mod tests {
    use super::turn_order;

    #[test]
    fn the_order_rotates_by_one_place_per_round() {
        let order = |clients, round| turn_order(clients, round).collect::<Vec<_>>();
        assert_eq!(order(5, 0), [0, 1, 2, 3, 4]);
        assert_eq!(order(5, 1), [1, 2, 3, 4, 0]);
        assert_eq!(order(5, 5), [0, 1, 2, 3, 4]);
        assert_eq!(order(1, 3), [0]);
    }
}
