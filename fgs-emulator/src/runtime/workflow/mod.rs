//! Workflows (function flows): the definitions, their executions with every state's
//! runs, and the engine that runs them through the function handlers.
//!
//! The store is its own lock, apart from the function state: an execution's engine
//! reads and writes it between steps and never holds it while a function runs.

mod engine;
mod expr;
mod stats;
mod validate;

use std::collections::BTreeMap;
use std::sync::{Mutex, MutexGuard};

use fgs_proto::workflows::Definition;
use serde_json::{Map, Value, json};
use time::OffsetDateTime;
use time::format_description::BorrowedFormatItem;
use time::macros::format_description;

pub(crate) use engine::{resume, run_sync, spawn};
// The statistics operations read executions through this type.
#[allow(unused_imports)]
pub(crate) use stats::ExecutionCounts;
pub(crate) use validate::validate;

/// `yyyy-MM-ddTHH:mm:ssZ`, the workflow operations' time format.
const TIME: &[BorrowedFormatItem<'static>] =
    format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]Z");

/// A time as the workflow operations write it.
pub(crate) fn format_time(time: OffsetDateTime) -> String {
    time.format(TIME).unwrap_or_default()
}

/// Epoch milliseconds (the state runs' times).
fn millis(time: OffsetDateTime) -> i64 {
    i64::try_from(time.unix_timestamp_nanos() / 1_000_000).unwrap_or(i64::MAX)
}

/// An execution's status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Status {
    Running,
    Success,
    Fail,
    Cancel,
    Timeout,
}

impl Status {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Status::Running => "running",
            Status::Success => "success",
            Status::Fail => "fail",
            Status::Cancel => "cancel",
            Status::Timeout => "timeout",
        }
    }
}

/// A stored workflow.
#[derive(Debug, Clone)]
pub(crate) struct Flow {
    pub id: String,
    pub urn: String,
    pub created: OffsetDateTime,
    pub updated: OffsetDateTime,
    /// The definition as sent (answered back unchanged).
    pub raw: Value,
    /// The definition, read.
    pub definition: Definition,
    /// Creation order, for stable listings.
    pub seq: u64,
}

impl Flow {
    pub(crate) fn name(&self) -> &str {
        self.definition.name().unwrap_or_default()
    }

    /// `WorkflowSimpleInfo`.
    pub(crate) fn summary(&self, created_by: &str) -> Value {
        json!({
            "id": self.id,
            "name": self.name(),
            "description": self.definition.description().unwrap_or_default(),
            "created_by": created_by,
            "created_time": format_time(self.created),
            "updated_time": format_time(self.updated),
            "workflow_urn": self.urn,
            "enable_stream_response": self.definition.enable_stream_response().unwrap_or(false),
        })
    }
}

/// One run of a state.
#[derive(Debug, Clone)]
pub(crate) struct NodeRun {
    pub begin: OffsetDateTime,
    pub end: Option<OffsetDateTime>,
    pub status: Status,
    pub input: Value,
    pub output: Option<Value>,
    pub error: Option<Value>,
    pub request_id: String,
}

/// A state's runs in an execution.
#[derive(Debug, Clone)]
pub(crate) struct Node {
    pub id: String,
    pub name: String,
    pub execution_id: String,
    pub runs: Vec<NodeRun>,
}

/// An execution.
#[derive(Debug, Clone)]
pub(crate) struct Execution {
    pub id: String,
    pub workflow_id: String,
    pub workflow_urn: String,
    /// The definition it runs (a later Update does not change a running execution).
    pub definition: Definition,
    pub input: Value,
    pub headers: Map<String, Value>,
    /// `X-WorkflowRun-MergeFnParameters: true`.
    pub merge: bool,
    pub status: Status,
    pub begin: OffsetDateTime,
    pub end: Option<OffsetDateTime>,
    pub updated: OffsetDateTime,
    pub output: Option<Value>,
    /// `(state id, message)` of the failure.
    pub errors: Vec<(String, String)>,
    pub nodes: Vec<Node>,
    /// The state it waits at for a callback.
    pub waiting: Option<String>,
    /// Bumped by Stop and Retry: an engine task of an older generation stops at its
    /// next step without writing.
    pub generation: u64,
    /// Whether listings show it (synchronous express executions are not kept).
    pub listed: bool,
    pub seq: u64,
}

impl Execution {
    /// `FlowExecutionBrief`.
    pub(crate) fn brief(&self, created_by: &str) -> Value {
        json!({
            "execution_id": self.id,
            "workflow_id": self.workflow_id,
            "workflow_urn": self.workflow_urn,
            "status": self.status.as_str(),
            "created_by": created_by,
            "begin_time": format_time(self.begin),
            "end_time": self.end.map(format_time).unwrap_or_default(),
            "last_update_time": format_time(self.updated),
        })
    }

    /// `ExecutionDetails`.
    pub(crate) fn details(&self, created_by: &str) -> Value {
        let mut details = self.brief(created_by);
        let nodes: Vec<Value> = self
            .nodes
            .iter()
            .map(|node| {
                let runs: Vec<Value> = node
                    .runs
                    .iter()
                    .map(|run| {
                        json!({
                            "begin_time": millis(run.begin),
                            "end_time": run.end.map(millis).unwrap_or(0),
                            "status": run.status.as_str(),
                            "input": run.input,
                            "output": run.output.clone().unwrap_or(Value::Null),
                            "error_message": run.error.clone().unwrap_or(Value::Null),
                            "request_id": run.request_id,
                        })
                    })
                    .collect();
                json!({
                    "execution_id": node.execution_id,
                    "node_id": node.id,
                    "node_name": node.name,
                    "executions": runs,
                })
            })
            .collect();
        if let Value::Object(map) = &mut details {
            map.insert("input".into(), self.input.clone());
            map.insert("headers".into(), Value::Object(self.headers.clone()));
            map.insert("output".into(), self.output.clone().unwrap_or(Value::Null));
            map.insert("node_execution_details".into(), Value::Array(nodes));
        }
        details
    }

    /// The node `id`, created on its first run.
    fn node_mut(&mut self, id: &str, name: &str) -> &mut Node {
        let at = match self.nodes.iter().position(|n| n.id == id) {
            Some(at) => at,
            None => {
                self.nodes.push(Node {
                    id: id.to_owned(),
                    name: name.to_owned(),
                    execution_id: uuid::Uuid::new_v4().to_string(),
                    runs: Vec::new(),
                });
                self.nodes.len() - 1
            }
        };
        &mut self.nodes[at]
    }

    /// Ends the execution (and a state run still running) with `status`.
    pub(crate) fn finish(&mut self, status: Status, now: OffsetDateTime) {
        self.status = status;
        self.end = Some(now);
        self.updated = now;
        self.waiting = None;
        for node in &mut self.nodes {
            for run in &mut node.runs {
                if run.status == Status::Running {
                    run.status = if status == Status::Running {
                        Status::Running
                    } else {
                        status
                    };
                    run.end = Some(now);
                }
            }
        }
    }

    /// Where a retry starts: the last state run that failed or was stopped, with its
    /// input; the start state when none did.
    pub(crate) fn resume_point(&self) -> (String, Value) {
        self.nodes
            .iter()
            .flat_map(|node| node.runs.iter().map(move |run| (node, run)))
            .filter(|(_, run)| {
                matches!(run.status, Status::Fail | Status::Cancel | Status::Timeout)
            })
            .max_by_key(|(_, run)| run.begin)
            .map(|(node, run)| (node.id.clone(), run.input.clone()))
            .unwrap_or_else(|| {
                (
                    self.definition.start().unwrap_or_default().to_owned(),
                    self.input.clone(),
                )
            })
    }
}

#[derive(Debug, Default)]
pub(crate) struct Store {
    pub flows: BTreeMap<String, Flow>,
    pub executions: BTreeMap<String, Execution>,
    next_seq: u64,
}

impl Store {
    pub(crate) fn next_seq(&mut self) -> u64 {
        self.next_seq += 1;
        self.next_seq
    }

    pub(crate) fn flow_by_name(&self, name: &str) -> Option<&Flow> {
        self.flows.values().find(|f| f.name() == name)
    }
}

/// The workflows of one emulator.
#[derive(Debug, Default)]
pub(crate) struct Workflows {
    store: Mutex<Store>,
    /// Where executions are reported for the workflow metrics.
    stats: std::sync::Arc<crate::runtime::stats::Stats>,
}

impl Workflows {
    /// Workflows whose executions are reported to `stats` as they start and end.
    pub(crate) fn reporting_to(stats: std::sync::Arc<crate::runtime::stats::Stats>) -> Self {
        Workflows {
            store: Mutex::default(),
            stats,
        }
    }

    /// The store. A panic while it was locked leaves records whole (each change is a
    /// field assignment), so a poisoned lock is still usable.
    pub(crate) fn lock(&self) -> MutexGuard<'_, Store> {
        self.store.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Runs `change` on the execution `id` if it is still of `generation` and
    /// running; `None` when it was stopped, retried, deleted or has ended.
    fn current<T>(
        &self,
        id: &str,
        generation: u64,
        change: impl FnOnce(&mut Execution) -> T,
    ) -> Option<T> {
        let mut store = self.lock();
        let execution = store.executions.get_mut(id)?;
        if execution.generation != generation || execution.status != Status::Running {
            return None;
        }
        let changed = change(execution);
        self.report(execution);
        Some(changed)
    }

    /// Records the start of a run of state `node` (`name`) on `input`.
    fn begin_run(
        &self,
        id: &str,
        generation: u64,
        node: &str,
        name: &str,
        input: &Value,
        now: OffsetDateTime,
    ) -> Option<()> {
        self.current(id, generation, |execution| {
            execution.updated = now;
            execution.node_mut(node, name).runs.push(NodeRun {
                begin: now,
                end: None,
                status: Status::Running,
                input: input.clone(),
                output: None,
                error: None,
                request_id: uuid::Uuid::new_v4().to_string(),
            });
        })
    }

    /// Ends the last run of state `node`.
    fn end_run(
        &self,
        id: &str,
        generation: u64,
        node: &str,
        outcome: Result<&Value, &Value>,
        now: OffsetDateTime,
    ) -> Option<()> {
        self.current(id, generation, |execution| {
            execution.updated = now;
            if let Some(run) = execution
                .nodes
                .iter_mut()
                .find(|n| n.id == node)
                .and_then(|n| n.runs.last_mut())
            {
                run.end = Some(now);
                match outcome {
                    Ok(output) => {
                        run.status = Status::Success;
                        run.output = Some(output.clone());
                    }
                    Err(error) => {
                        run.status = Status::Fail;
                        run.error = Some(error.clone());
                    }
                }
            }
        })
    }
}
