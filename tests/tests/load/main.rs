//! Load: the emulator under 32 concurrent clients — 16 blocking (fgs-ureq, one thread
//! each) and 16 async tasks (fgs-hyper, on one runtime) — running mixed operations, each
//! client on functions of its own. Afterwards the emulator's state (its snapshot, and a
//! paged List through the SDK) must equal what the clients did: no function, version,
//! alias or trigger lost or extra. Retries are off, so any 5xx would surface as an
//! error; there must be none. `--nocapture` prints throughput and p50/p99/max latency.
//!
//! The CI variant runs 2 048 operations (about a second); the full 20 000 is
//! `#[ignore]`d: `cargo test -p fgs-tests --test load -- --ignored --nocapture`.

mod script;

use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

use fgs_emulator::{Emulator, Snapshot};
use fgs_proto::functions::List;
use fgs_proto::{Config, Credentials, RetryPolicy};
use script::{ClientRun, FunctionModel, script};

const ACCESS_KEY: &str = "LOADTESTAK0000000001";
const SECRET_KEY: &str = "load-test-secret-key";
const TOKEN: &str = "load-test-token";
/// Blocking clients, and as many async tasks.
const CLIENTS_PER_KIND: usize = 16;
const TIMEOUT: Duration = Duration::from_secs(30);

/// p-th percentile (0–100) of sorted latencies.
fn percentile(sorted: &[Duration], p: usize) -> Duration {
    if sorted.is_empty() {
        return Duration::ZERO;
    }
    sorted[(sorted.len() * p / 100).min(sorted.len() - 1)]
}

fn millis(d: Duration) -> String {
    format!("{:.1}ms", d.as_secs_f64() * 1000.0)
}

fn config(emu: &Emulator, signed: bool) -> Config {
    let credentials = if signed {
        Credentials::ak_sk(ACCESS_KEY, SECRET_KEY)
    } else {
        Credentials::token(TOKEN)
    };
    Config::new(emu.endpoint(), emu.project_id(), credentials).expect("config")
}

/// Runs `total` operations (rounded up to a multiple of 32) split over the 32 clients,
/// and audits the result.
fn load(total: usize) {
    let emu = Emulator::builder()
        .ak_sk(ACCESS_KEY, SECRET_KEY)
        .token(TOKEN)
        .start()
        .expect("emulator");
    let per_client = total.div_ceil(2 * CLIENTS_PER_KIND);
    let urn_base = format!(
        "{}:",
        emu.function_urn("default", "x").trim_end_matches(":x")
    );
    let started = Instant::now();

    // 16 async tasks on one runtime, sharing a client (and its pool) per credential kind.
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let async_clients = [true, false].map(|signed| {
        let builder = fgs_hyper::Client::builder(config(&emu, signed))
            .retry_policy(RetryPolicy::none())
            .timeout(TIMEOUT);
        runtime.block_on(async { builder.build() }).expect("client")
    });
    let tasks: Vec<_> = (0..CLIENTS_PER_KIND)
        .map(|n| {
            let client = async_clients[n % 2].clone();
            runtime.spawn(script(
                client,
                urn_base.clone(),
                format!("a{n:02}"),
                per_client,
            ))
        })
        .collect();

    // 16 blocking clients, one thread each.
    let threads: Vec<_> = (0..CLIENTS_PER_KIND)
        .map(|n| {
            let client = fgs_ureq::Client::builder(config(&emu, n % 2 == 0))
                .retry_policy(RetryPolicy::none())
                .timeout(TIMEOUT)
                .build()
                .expect("client");
            let urn_base = urn_base.clone();
            std::thread::spawn(move || {
                let driver = tokio::runtime::Builder::new_current_thread()
                    .build()
                    .expect("driver");
                driver.block_on(script(client, urn_base, format!("b{n:02}"), per_client))
            })
        })
        .collect();

    let blocking: Vec<ClientRun> = threads
        .into_iter()
        .map(|t| t.join().expect("thread"))
        .collect();
    let asynchronous: Vec<ClientRun> = runtime
        .block_on(async {
            let mut runs = Vec::new();
            for task in tasks {
                runs.push(task.await);
            }
            runs
        })
        .into_iter()
        .map(|r| r.expect("task"))
        .collect();
    let wall = started.elapsed();

    // --- Figures ---
    let latencies = |runs: &[ClientRun]| {
        let mut all: Vec<Duration> = runs
            .iter()
            .flat_map(|r| r.latencies.iter().copied())
            .collect();
        all.sort();
        all
    };
    let (blocking_latencies, async_latencies) = (latencies(&blocking), latencies(&asynchronous));
    let mut all_latencies: Vec<Duration> = blocking_latencies
        .iter()
        .chain(&async_latencies)
        .copied()
        .collect();
    all_latencies.sort();
    let ops = all_latencies.len();
    let errors: Vec<&String> = blocking
        .iter()
        .chain(&asynchronous)
        .flat_map(|r| &r.errors)
        .collect();
    let server_errors = errors.iter().filter(|e| e.contains(": [5")).count();
    let line = |label: &str, l: &[Duration]| {
        println!(
            "[load] {label:<8} {:>6} ops  p50 {:>8}  p99 {:>8}  max {:>8}",
            l.len(),
            millis(percentile(l, 50)),
            millis(percentile(l, 99)),
            millis(l.last().copied().unwrap_or_default())
        );
    };
    println!(
        "[load] {ops} operations by {} clients ({CLIENTS_PER_KIND} blocking threads + {CLIENTS_PER_KIND} async tasks) in {:.2}s = {:.0} ops/s; {} errors, {server_errors} 5xx",
        2 * CLIENTS_PER_KIND,
        wall.as_secs_f64(),
        ops as f64 / wall.as_secs_f64(),
        errors.len()
    );
    line("all", &all_latencies);
    line("blocking", &blocking_latencies);
    line("async", &async_latencies);

    assert_eq!(ops, per_client * 2 * CLIENTS_PER_KIND, "operations run");
    assert_eq!(server_errors, 0, "5xx answers");
    assert!(
        errors.is_empty(),
        "{} errors, e.g.:\n{}",
        errors.len(),
        errors
            .iter()
            .take(10)
            .map(|e| e.as_str())
            .collect::<Vec<_>>()
            .join("\n")
    );

    // --- Audit: the emulator holds exactly what the clients did ---
    let expected: BTreeMap<String, FunctionModel> = blocking
        .iter()
        .chain(&asynchronous)
        .flat_map(|r| r.functions.clone())
        .collect();
    let snapshot = emu.snapshot();
    let actual = models(&snapshot);
    let totals = |m: &BTreeMap<String, FunctionModel>| {
        (
            m.len(),
            m.values().map(|f| f.versions.len()).sum::<usize>(),
            m.values().map(|f| f.aliases.len()).sum::<usize>(),
            m.values().map(|f| f.triggers.len()).sum::<usize>(),
        )
    };
    let (functions, versions, aliases, triggers) = totals(&expected);
    println!(
        "[load] state: {functions} functions, {versions} versions, {aliases} aliases, {triggers} triggers"
    );
    assert_eq!(
        totals(&actual),
        totals(&expected),
        "(functions, versions, aliases, triggers)"
    );
    for (name, model) in &expected {
        assert_eq!(actual.get(name), Some(model), "{name}");
    }
    assert_eq!(actual.len(), expected.len(), "no extra function");

    // The same set through a paged List (100 per page) via the SDK.
    let lister = fgs_ureq::Client::new(config(&emu, true));
    let listed: Vec<String> = lister
        .pages(List::new().maxitems(100))
        .items()
        .map(|f| f.expect("a page").func_name.unwrap_or_default())
        .collect();
    assert_eq!(listed.len(), expected.len(), "listed once each");
    let listed: BTreeSet<String> = listed.into_iter().collect();
    assert_eq!(listed, expected.keys().cloned().collect::<BTreeSet<_>>());
}

/// The snapshot in the clients' terms.
fn models(snapshot: &Snapshot) -> BTreeMap<String, FunctionModel> {
    snapshot
        .functions
        .iter()
        .map(|f| {
            let model = FunctionModel {
                versions: f.versions.iter().map(|v| v.name.clone()).collect(),
                aliases: f
                    .aliases
                    .iter()
                    .map(|a| (a.name.clone(), a.version.clone()))
                    .collect(),
                triggers: f.triggers.iter().map(|t| t.trigger_id.clone()).collect(),
            };
            (f.name.clone(), model)
        })
        .collect()
}

#[test]
fn load_2048_mixed_operations_from_32_clients() {
    load(2_048);
}

#[test]
#[ignore = "the full run: 20 000 operations, about 5 s; run with --ignored"]
fn load_20000_mixed_operations_from_32_clients() {
    load(20_000);
}
