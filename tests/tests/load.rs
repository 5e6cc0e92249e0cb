//! Load: the emulator under 32 concurrent clients — 16 blocking (fgs-ureq, one thread
//! each) and 16 async tasks (fgs-hyper, on one runtime) — running mixed operations, each
//! client on functions of its own. Afterwards the emulator's state (its snapshot, and a
//! paged List through the SDK) must equal what the clients did: no function, version,
//! alias or trigger lost or extra. Retries are off, so any 5xx would surface as an
//! error; there must be none. `--nocapture` prints throughput and p50/p99/max latency.
//!
//! The CI variant runs 2 048 operations (about a second); the full 20 000 is
//! `#[ignore]`d: `cargo test -p fgs-tests --test load -- --ignored --nocapture`.

mod hardening;

use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

use fgs_emulator::{Emulator, Snapshot};
use fgs_proto::functions::{
    Code, Create, CreateAlias, CreateVersion, Delete, DeleteAlias, GetMetadata, Invoke, List,
    UpdateAlias, UpdateCode, UpdateMetadata,
};
use fgs_proto::model::{Runtime, TimerEventData};
use fgs_proto::{Config, Credentials, Error, Operation, RetryPolicy, triggers};

const ACCESS_KEY: &str = "LOADTESTAK0000000001";
const SECRET_KEY: &str = "load-test-secret-key";
const TOKEN: &str = "load-test-token";
/// Blocking clients, and as many async tasks.
const CLIENTS_PER_KIND: usize = 16;
const TIMEOUT: Duration = Duration::from_secs(30);

/// A client of either adapter, as the script sees it.
trait LoadClient {
    /// Sends one operation (no retries).
    async fn call<O: Operation + Sync>(&self, operation: &O) -> Result<O::Output, Error>;
}

impl LoadClient for fgs_ureq::Client {
    /// Blocks the thread: each blocking client has a thread of its own.
    async fn call<O: Operation + Sync>(&self, operation: &O) -> Result<O::Output, Error> {
        self.send(operation)
    }
}

impl LoadClient for fgs_hyper::Client {
    async fn call<O: Operation + Sync>(&self, operation: &O) -> Result<O::Output, Error> {
        self.send(operation).await
    }
}

/// What one function should look like afterwards, as the client that owns it saw it.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
struct FunctionModel {
    versions: Vec<String>,
    aliases: BTreeMap<String, String>,
    triggers: BTreeSet<String>,
}

/// What one client did.
#[derive(Default)]
struct ClientRun {
    /// The functions it left behind, by name.
    functions: BTreeMap<String, FunctionModel>,
    latencies: Vec<Duration>,
    errors: Vec<String>,
}

impl ClientRun {
    /// Sends `op`, timing it; `Some(output)` on success, the error recorded otherwise.
    async fn step<C: LoadClient, O: Operation + Sync>(
        &mut self,
        client: &C,
        what: &str,
        op: &O,
    ) -> Option<O::Output> {
        let started = Instant::now();
        let result = client.call(op).await;
        self.latencies.push(started.elapsed());
        match result {
            Ok(output) => Some(output),
            Err(error) => {
                let status = error.status().map_or(0, |s| s.as_u16());
                self.errors.push(format!("{what}: [{status}] {error}"));
                None
            }
        }
    }
}

/// The lifecycle of one function, one operation per step: create, update code, update
/// config, publish v1, alias `live` → v1, invoke through `live`, two TIMER triggers,
/// delete one, publish v2, move `live` → v2, alias `canary`, delete `canary`, read the
/// config back, and — for every fourth function — delete it.
const STEPS_PER_FUNCTION: usize = 15;

/// Runs `ops` operations over functions `{prefix}-f0`, `{prefix}-f1`, ...: creates,
/// updates, versions, aliases, invocations, triggers and deletes.
async fn script<C: LoadClient>(
    client: C,
    urn_base: String,
    prefix: String,
    ops: usize,
) -> ClientRun {
    let mut run = ClientRun::default();
    let mut index = 0;
    // Each operation sent leaves one latency sample: that is the count.
    'functions: while run.latencies.len() < ops {
        let name = format!("{prefix}-f{index}");
        let urn = format!("{urn_base}{name}");
        let mut model = FunctionModel::default();
        let mut trigger_ids = Vec::new();
        for step in 0..STEPS_PER_FUNCTION {
            if run.latencies.len() == ops {
                run.functions.insert(name, model);
                break 'functions;
            }
            let what = format!("{name} step {step}");
            match step {
                0 => {
                    let code =
                        Code::inline_source(format!("def handler(e, c):\n    return {index}\n"));
                    let op = Create::new(
                        &name,
                        "default",
                        Runtime::Python39,
                        "index.handler",
                        128,
                        30,
                        code,
                    );
                    if run.step(&client, &what, &op).await.is_none() {
                        continue 'functions;
                    }
                }
                1 => {
                    let code = Code::inline_source(format!(
                        "def handler(e, c):\n    return e  # {index}\n"
                    ));
                    run.step(&client, &what, &UpdateCode::new(&urn, code)).await;
                }
                2 => {
                    let op = UpdateMetadata::new(
                        &urn,
                        &name,
                        Runtime::Python39,
                        "index.handler",
                        256,
                        30,
                    );
                    run.step(&client, &what, &op).await;
                }
                3 | 9 => {
                    let version = if step == 3 { "v1" } else { "v2" };
                    let op = CreateVersion::new(&urn).version(version);
                    if run.step(&client, &what, &op).await.is_some() {
                        model.versions.push(version.to_owned());
                    }
                }
                4 | 11 => {
                    let alias = if step == 4 { "live" } else { "canary" };
                    if run
                        .step(&client, &what, &CreateAlias::new(&urn, alias, "v1"))
                        .await
                        .is_some()
                    {
                        model.aliases.insert(alias.to_owned(), "v1".to_owned());
                    }
                }
                5 => {
                    let event = format!(r#"{{"client":"{prefix}","i":{index}}}"#);
                    let op =
                        Invoke::new(format!("{urn}:!live")).raw_event(event.clone().into_bytes());
                    if let Some(output) = run.step(&client, &what, &op).await
                        && output.result() != event.as_bytes()
                    {
                        run.errors
                            .push(format!("{what}: echoed {:?}", output.result_text()));
                    }
                }
                6 | 7 => {
                    let timer = format!("t{index}-{step}");
                    let op = triggers::Create::new(&urn, TimerEventData::rate(timer, "5m"));
                    if let Some(trigger) = run.step(&client, &what, &op).await {
                        let id = trigger.trigger_id.unwrap_or_default();
                        model.triggers.insert(id.clone());
                        trigger_ids.push(id);
                    }
                }
                8 => {
                    let Some(id) = trigger_ids.pop() else {
                        continue;
                    };
                    if run
                        .step(&client, &what, &triggers::Delete::new(&urn, "TIMER", &id))
                        .await
                        .is_some()
                    {
                        model.triggers.remove(&id);
                    }
                }
                10 => {
                    let op = UpdateAlias::new(&urn, "live", "v2");
                    let updated = run.step(&client, &what, &op).await.is_some();
                    if updated {
                        model.aliases.insert("live".to_owned(), "v2".to_owned());
                    }
                }
                12 => {
                    let op = DeleteAlias::new(&urn, "canary");
                    let deleted = run.step(&client, &what, &op).await.is_some();
                    if deleted {
                        model.aliases.remove("canary");
                    }
                }
                13 => {
                    if let Some(function) = run.step(&client, &what, &GetMetadata::new(&urn)).await
                        && function.memory_size != Some(256)
                    {
                        run.errors
                            .push(format!("{what}: memory {:?}", function.memory_size));
                    }
                }
                _ if index % 4 == 3 => {
                    let deleted = run.step(&client, &what, &Delete::new(&urn)).await.is_some();
                    if deleted {
                        index += 1;
                        continue 'functions;
                    }
                }
                _ => {}
            }
        }
        run.functions.insert(name, model);
        index += 1;
    }
    run
}

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
