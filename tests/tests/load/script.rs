//! One load client's work: the operations it sends, timed, and the model of the state
//! it leaves behind. Written once for both adapters (a blocking client runs it on a
//! current-thread driver of its own).

use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

use fgs_proto::code::Code;
use fgs_proto::functions::{
    Create, CreateAlias, CreateVersion, Delete, DeleteAlias, GetMetadata, Invoke, UpdateAlias,
    UpdateCode, UpdateMetadata,
};
use fgs_proto::model::{Runtime, TimerEventData};
use fgs_proto::{Error, Operation, triggers};

/// A client of either adapter, as the script sees it.
pub(crate) trait LoadClient {
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
pub(crate) struct FunctionModel {
    pub(crate) versions: Vec<String>,
    pub(crate) aliases: BTreeMap<String, String>,
    pub(crate) triggers: BTreeSet<String>,
}

/// What one client did.
#[derive(Default)]
pub(crate) struct ClientRun {
    /// The functions it left behind, by name.
    pub(crate) functions: BTreeMap<String, FunctionModel>,
    pub(crate) latencies: Vec<Duration>,
    pub(crate) errors: Vec<String>,
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
pub(crate) const STEPS_PER_FUNCTION: usize = 15;

/// Runs `ops` operations over functions `{prefix}-f0`, `{prefix}-f1`, ...: creates,
/// updates, versions, aliases, invocations, triggers and deletes.
pub(crate) async fn script<C: LoadClient>(
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
                        fgs_proto::functions::FunctionConfig::new(
                            Runtime::Python39,
                            "index.handler",
                            fgs_proto::model::MemorySize::mb(128),
                            std::time::Duration::from_secs(30),
                        ),
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
                        fgs_proto::functions::FunctionConfig::new(
                            Runtime::Python39,
                            "index.handler",
                            fgs_proto::model::MemorySize::mb(256),
                            std::time::Duration::from_secs(30),
                        ),
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
