//! Runs an execution: state after state from where it starts, each operation state's
//! actions through the emulator's function handlers (as a synchronous Invoke runs
//! them), until an end, a failure, a state waiting for a callback, or a Stop.
//!
//! The kinds run: `Operation` (actions one after the other or, with `action_mode:
//! parallel`, at once; error handlers with their retry policies), `Sleep`, `End`;
//! beyond the documented kinds, `Switch` (`data_conditions`: `[{condition,
//! transition|end}]`, `default_condition`) and `Event` (waits for a callback). Any
//! other kind ends the execution as failed, naming the kind.

use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use fgs_proto::workflows::{ActionMode, Definition, OnError, OperationState, State, StateKind};
use http::{HeaderMap, HeaderName, HeaderValue};
use serde_json::{Map, Value, json};

use super::expr::{arguments, condition, filter};
use super::{Execution, Status};
use crate::api::ops::run_function;
use crate::http::site::Target;
use crate::runtime::clock::now;
use crate::shared::Shared;

/// The longest a synchronous (express) execution runs: 5 minutes.
const SYNC_LIMIT: Duration = Duration::from_secs(300);
/// How often a sleeping state looks whether it was stopped.
const SLEEP_TICK: Duration = Duration::from_millis(20);
/// Attempts of a retry policy that does not say (the service's default).
const DEFAULT_ATTEMPTS: i64 = 3;

/// What the execution an engine task runs is and may do.
#[derive(Clone)]
struct Run {
    shared: Arc<Shared>,
    id: String,
    generation: u64,
    definition: Arc<Definition>,
    constants: Arc<Value>,
    headers: Arc<HeaderMap>,
    merge: bool,
    sync: bool,
}

/// Where a state leads.
enum Step {
    /// On to this state (or the end) with this input (or output).
    Next(Option<String>, Value),
    /// Waits for a callback.
    Wait,
    /// The state failed; the execution fails with this message.
    Failed(String),
    /// The execution was stopped, retried or deleted meanwhile.
    Stale,
}

impl Run {
    fn of(shared: &Arc<Shared>, execution: &Execution, sync: bool) -> Run {
        let mut headers = HeaderMap::new();
        for (name, value) in &execution.headers {
            let text = value
                .as_str()
                .map_or_else(|| value.to_string(), str::to_owned);
            if let (Ok(name), Ok(value)) = (
                HeaderName::from_bytes(name.as_bytes()),
                HeaderValue::from_str(&text),
            ) {
                headers.insert(name, value);
            }
        }
        Run {
            shared: Arc::clone(shared),
            id: execution.id.clone(),
            generation: execution.generation,
            constants: Arc::new(Value::Object(
                execution
                    .definition
                    .constants()
                    .cloned()
                    .unwrap_or_default(),
            )),
            definition: Arc::new(execution.definition.clone()),
            headers: Arc::new(headers),
            merge: execution.merge,
            sync,
        }
    }

    fn state(&self, id: &str) -> Option<&State> {
        self.definition.states().iter().find(|s| s.id() == Some(id))
    }

    /// Runs from state `at` on `input` to the end (or a wait, or a stop).
    async fn from(self, mut at: String, mut input: Value) {
        loop {
            let Some(state) = self.state(&at).cloned() else {
                self.fail(&at, format!("the state `{at}` does not exist"));
                return;
            };
            match self.step(&at, &state, input).await {
                Step::Next(Some(next), value) => {
                    at = next;
                    input = value;
                }
                Step::Next(None, output) => {
                    self.shared
                        .workflows
                        .current(&self.id, self.generation, |e| {
                            e.output = Some(output);
                            e.finish(Status::Success, now());
                        });
                    return;
                }
                Step::Failed(message) => {
                    self.fail(&at, message);
                    return;
                }
                Step::Wait | Step::Stale => return,
            }
        }
    }

    fn fail(&self, node: &str, message: String) {
        self.shared
            .workflows
            .current(&self.id, self.generation, |e| {
                e.errors.push((node.to_owned(), message));
                e.finish(Status::Fail, now());
            });
    }

    async fn step(&self, id: &str, state: &State, input: Value) -> Step {
        match state {
            State::Typed(typed) => match typed.kind() {
                Some(StateKind::Operation) => self.operation(id, typed, input).await,
                Some(StateKind::Sleep) => self.sleep(id, typed, input).await,
                Some(StateKind::End) => self.simple(id, typed.name(), input, None),
                _ => Step::Failed(unsupported(state.kind(), id)),
            },
            State::Raw(raw) => match state.kind() {
                Some("Switch") => self.switch(id, raw, input),
                Some("Event") => self.event(id, raw, input),
                other => {
                    let name = raw.get("name").and_then(Value::as_str);
                    if self.begin(id, name, &input).is_none() {
                        return Step::Stale;
                    }
                    let message = unsupported(other, id);
                    self.end(id, Err(&json!({"errorMessage": message})));
                    Step::Failed(message)
                }
            },
            _ => Step::Failed(unsupported(state.kind(), id)),
        }
    }

    fn begin(&self, id: &str, name: Option<&str>, input: &Value) -> Option<()> {
        self.shared.workflows.begin_run(
            &self.id,
            self.generation,
            id,
            name.unwrap_or(id),
            input,
            now(),
        )
    }

    fn end(&self, id: &str, outcome: Result<&Value, &Value>) -> Option<()> {
        self.shared
            .workflows
            .end_run(&self.id, self.generation, id, outcome, now())
    }

    /// A state that passes its input on: an `End` (`next` none) or a branch taken.
    fn simple(&self, id: &str, name: Option<&str>, input: Value, next: Option<String>) -> Step {
        if self.begin(id, name, &input).is_none() || self.end(id, Ok(&input)).is_none() {
            return Step::Stale;
        }
        Step::Next(next, input)
    }

    async fn operation(&self, id: &str, state: &OperationState, input: Value) -> Step {
        let filters = state.state_data_filter();
        let seen = filter(filters.and_then(|f| f.input()), input.clone());
        let mut attempts = 0;
        loop {
            if self.begin(id, state.name(), &input).is_none() {
                return Step::Stale;
            }
            let result = self.actions(state, &seen).await;
            match result {
                Ok(output) => {
                    let output = filter(filters.and_then(|f| f.output()), output);
                    if self.end(id, Ok(&output)).is_none() {
                        return Step::Stale;
                    }
                    return Step::Next(next_of(state), output);
                }
                Err(error) => {
                    if self.end(id, Err(&error)).is_none() {
                        return Step::Stale;
                    }
                    let Some(handler) = self.handler_of(state, &error) else {
                        return Step::Failed(message_of(&error));
                    };
                    attempts += 1;
                    if attempts < self.attempts_of(handler) {
                        continue;
                    }
                    return match handler.transition().filter(|t| !t.is_empty()) {
                        Some(next) => Step::Next(Some(next.to_owned()), error),
                        None => Step::Failed(message_of(&error)),
                    };
                }
            }
        }
    }

    /// The first error handler whose expression matches (an empty one matches any).
    fn handler_of<'s>(&self, state: &'s OperationState, error: &Value) -> Option<&'s OnError> {
        state
            .on_errors()
            .iter()
            .find(|h| match h.error().map(str::trim) {
                None | Some("") | Some("*") => true,
                Some(expression) => condition(expression, error, &self.constants).unwrap_or(false),
            })
    }

    /// How many times a state runs under `handler`: 1 plus its retry policy's attempts
    /// (the emulator does not wait the policy's delay).
    fn attempts_of(&self, handler: &OnError) -> i64 {
        let Some(name) = handler.retry_ref().filter(|r| !r.is_empty()) else {
            return 1;
        };
        let retries = self
            .definition
            .retries()
            .iter()
            .find(|r| r.name() == Some(name))
            .map_or(DEFAULT_ATTEMPTS, |r| {
                r.max_attempts().unwrap_or(DEFAULT_ATTEMPTS)
            });
        1 + retries.clamp(0, 8)
    }

    /// Runs the state's actions: one action answers its output, several an array of
    /// outputs in action order; the first failure (in action order) is the state's.
    async fn actions(&self, state: &OperationState, input: &Value) -> Result<Value, Value> {
        let actions = state.actions();
        let mut outputs = Vec::with_capacity(actions.len());
        if state.action_mode() == Some(&ActionMode::Parallel) && actions.len() > 1 {
            let tasks: Vec<_> = actions
                .iter()
                .map(|action| {
                    let run = self.clone();
                    let call = action.function_ref().cloned().unwrap_or_default();
                    let input = input.clone();
                    tokio::spawn(async move { run.call(&call, &input).await })
                })
                .collect();
            for task in tasks {
                outputs.push(task.await.unwrap_or_else(|_| {
                    Err(json!({"errorMessage": "the action was cancelled"}))
                })?);
            }
        } else {
            for action in actions {
                let call = action.function_ref().cloned().unwrap_or_default();
                outputs.push(self.call(&call, input).await?);
            }
        }
        Ok(match outputs.len() {
            1 => outputs.pop().unwrap_or(Value::Null),
            _ => Value::Array(outputs),
        })
    }

    /// Calls one function: the event is its arguments over the input (the whole input
    /// when it has none; merged into the input with MergeFnParameters).
    async fn call(
        &self,
        call: &fgs_proto::workflows::FunctionRef,
        input: &Value,
    ) -> Result<Value, Value> {
        let name = call.ref_name().unwrap_or_default();
        let urn = self
            .definition
            .functions()
            .iter()
            .find(|f| f.name() == Some(name))
            .and_then(|f| f.operation())
            .ok_or_else(|| json!({"errorMessage": format!("no function is named `{name}`")}))?;
        let mapped = match call.arguments().filter(|a| !a.is_empty()) {
            None => input.clone(),
            Some(args) => arguments(args, input, &self.constants),
        };
        let event = match (self.merge, input, mapped) {
            (true, Value::Object(base), Value::Object(args)) => {
                let mut merged: Map<String, Value> = base.clone();
                merged.extend(args);
                Value::Object(merged)
            }
            (_, _, mapped) => mapped,
        };
        let refused = |status: u16, code: &str, message: String| json!({"errorCode": status, "errorType": code, "errorMessage": message});
        let target = Target::parse(urn, &self.shared.site)
            .map_err(|e| refused(e.status.as_u16(), e.code, e.message))?;
        let request_id = uuid::Uuid::new_v4().to_string();
        let body = Bytes::from(serde_json::to_vec(&event).unwrap_or_default());
        let execution = run_function(
            &self.shared,
            &target,
            &self.headers,
            &request_id,
            None,
            body,
        )
        .await
        .map_err(|e| refused(e.status.as_u16(), e.code, e.message))?;
        match execution.result {
            Ok(output) => Ok(serde_json::from_slice(&output)
                .unwrap_or_else(|_| Value::String(String::from_utf8_lossy(&output).into_owned()))),
            // A function error is status 500 in the invocation's v1 envelope.
            Err(error) => Err(json!({
                "errorCode": 500,
                "errorType": error.error_type(),
                "errorMessage": error.message(),
            })),
        }
    }

    async fn sleep(&self, id: &str, state: &OperationState, input: Value) -> Step {
        if self.begin(id, state.name(), &input).is_none() {
            return Step::Stale;
        }
        let millis = u64::try_from(state.duration().unwrap_or(0)).unwrap_or(0) * 1000;
        let until = tokio::time::Instant::now() + Duration::from_millis(millis);
        while tokio::time::Instant::now() < until {
            tokio::time::sleep(SLEEP_TICK.min(until - tokio::time::Instant::now())).await;
            if self
                .shared
                .workflows
                .current(&self.id, self.generation, |_| ())
                .is_none()
            {
                return Step::Stale;
            }
        }
        if self.end(id, Ok(&input)).is_none() {
            return Step::Stale;
        }
        Step::Next(next_of(state), input)
    }

    /// `Switch`: the first of `data_conditions` that holds, else `default_condition`.
    fn switch(&self, id: &str, raw: &Value, input: Value) -> Step {
        let name = raw.get("name").and_then(Value::as_str);
        let conditions = raw.get("data_conditions").and_then(Value::as_array);
        let mut chosen = None;
        for branch in conditions.into_iter().flatten() {
            let text = branch
                .get("condition")
                .and_then(Value::as_str)
                .unwrap_or("");
            match condition(text, &input, &self.constants) {
                Ok(true) => {
                    chosen = Some(branch);
                    break;
                }
                Ok(false) => {}
                Err(why) => return Step::Failed(format!("switch state `{id}`: {why}")),
            }
        }
        let Some(branch) = chosen.or_else(|| raw.get("default_condition")) else {
            return Step::Failed(format!(
                "no condition of switch state `{id}` holds and it has no default_condition"
            ));
        };
        self.simple(id, name, input, target_of(branch))
    }

    /// `Event`: waits for CreateCallbackWorkflow naming this state.
    fn event(&self, id: &str, raw: &Value, input: Value) -> Step {
        if self.sync {
            return Step::Failed(format!(
                "state `{id}` (Event) waits for a callback, which a synchronous execution cannot receive"
            ));
        }
        let name = raw.get("name").and_then(Value::as_str);
        if self.begin(id, name, &input).is_none() {
            return Step::Stale;
        }
        match self
            .shared
            .workflows
            .current(&self.id, self.generation, |e| {
                e.waiting = Some(id.to_owned());
            }) {
            Some(()) => Step::Wait,
            None => Step::Stale,
        }
    }
}

/// Where an `Operation` or `Sleep` state goes: nowhere if it ends.
fn next_of(state: &OperationState) -> Option<String> {
    match state.end() {
        Some(true) => None,
        _ => state
            .transition()
            .filter(|t| !t.is_empty())
            .map(str::to_owned),
    }
}

/// Where a branch (or a raw state) goes: nowhere if it ends.
pub(super) fn target_of(branch: &Value) -> Option<String> {
    if branch.get("end").and_then(Value::as_bool) == Some(true) {
        return None;
    }
    branch
        .get("transition")
        .and_then(Value::as_str)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
}

fn unsupported(kind: Option<&str>, id: &str) -> String {
    format!(
        "the emulator cannot run state `{id}` of kind `{}`",
        kind.unwrap_or("(none)")
    )
}

fn message_of(error: &Value) -> String {
    match error.get("errorMessage").and_then(Value::as_str) {
        Some(message) => match error.get("errorType").and_then(Value::as_str) {
            Some(kind) => format!("{kind}: {message}"),
            None => message.to_owned(),
        },
        None => error.to_string(),
    }
}

/// Starts the execution `id` (of the current generation) at state `at` on `input`, in
/// the background.
pub(crate) fn spawn(shared: &Arc<Shared>, id: &str, at: String, input: Value) {
    let run = {
        let store = shared.workflows.lock();
        store.executions.get(id).map(|e| Run::of(shared, e, false))
    };
    if let Some(run) = run {
        tokio::spawn(run.from(at, input));
    }
}

/// Resumes the execution `id` after its `Event` state `state` got a callback: on to
/// where the state leads with `output`, or the end.
pub(crate) fn resume(shared: &Arc<Shared>, id: &str, state: &str, output: Value) {
    let next = {
        let store = shared.workflows.lock();
        store.executions.get(id).and_then(|e| {
            let raw = e
                .definition
                .states()
                .iter()
                .find(|s| s.id() == Some(state))
                .and_then(|s| match s {
                    State::Raw(raw) => Some(raw.clone()),
                    _ => None,
                })?;
            Some(target_of(&raw))
        })
    };
    match next {
        Some(Some(at)) => spawn(shared, id, at, output),
        Some(None) => {
            let mut store = shared.workflows.lock();
            if let Some(e) = store.executions.get_mut(id) {
                e.output = Some(output);
                e.finish(Status::Success, now());
            }
        }
        None => {}
    }
}

/// Runs the execution `id` to its end here (a synchronous start), at most 5 minutes.
pub(crate) async fn run_sync(shared: &Arc<Shared>, id: &str) {
    let run = {
        let store = shared.workflows.lock();
        store.executions.get(id).map(|e| {
            (
                Run::of(shared, e, true),
                e.definition.start().unwrap_or_default().to_owned(),
                e.input.clone(),
            )
        })
    };
    let Some((run, start, input)) = run else {
        return;
    };
    if tokio::time::timeout(SYNC_LIMIT, run.from(start, input))
        .await
        .is_err()
    {
        let mut store = shared.workflows.lock();
        if let Some(e) = store.executions.get_mut(id) {
            e.finish(Status::Timeout, now());
        }
    }
}
