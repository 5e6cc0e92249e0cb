//! The workflow definition (the API's `WorkflowCreateBody`) and its parts.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use crate::model::macros::{accessors, model, open_enum};

open_enum! {
    /// A workflow's mode (`mode`).
    pub enum WorkflowMode {
        /// Standard: long tasks, execution history kept, asynchronous starts only.
        Normal = "NORMAL",
        /// Express: executions under 5 minutes, no history kept, synchronous and
        /// asynchronous starts.
        Express = "EXPRESS",
    }
}

open_enum! {
    /// The execution log level of an express workflow.
    pub enum LogLevel {
        /// Every state's log.
        All = "ALL",
        /// The logs of failed states only.
        Error = "ERROR",
        /// No log.
        None = "NONE",
    }
}

open_enum! {
    /// The kind of a state (`type`) this SDK version types.
    pub enum StateKind {
        /// Calls functions (its `actions`).
        Operation = "Operation",
        /// Waits `duration` seconds.
        Sleep = "Sleep",
        /// Ends the workflow.
        End = "End",
    }
}

open_enum! {
    /// How an operation state runs its actions.
    pub enum ActionMode {
        /// One after the other (the default).
        Sequential = "sequential",
        /// All at once.
        Parallel = "parallel",
    }
}

open_enum! {
    /// How an action calls its function.
    pub enum InvokeMode {
        /// Synchronously, the only mode the service supports.
        Synchronize = "synchronize",
    }
}

open_enum! {
    /// The kind of a workflow trigger.
    pub enum TriggerKind {
        /// A timer.
        FlowTimer = "FLOWTIMER",
        /// An SMN topic.
        Smn = "SMN",
        /// API Gateway (shared).
        Apig = "APIG",
        /// API Gateway (dedicated).
        ApigDedicated = "APIG_DE",
        /// OBS bucket events.
        Obs = "OBS",
    }
}

model! {
    /// Settings of an express workflow (`express_config`).
    pub struct ExpressConfig {
        /// Which states' logs are kept.
        pub log_level: Option<LogLevel>,
    }
}

accessors!(ExpressConfig { ref log_level: LogLevel });

impl ExpressConfig {
    /// Keeps the logs `log_level` says.
    pub fn new(log_level: LogLevel) -> Self {
        ExpressConfig {
            log_level: Some(log_level),
            ..Default::default()
        }
    }
}

model! {
    /// A function the workflow calls, by the name its actions use (the API's `Function`).
    pub struct WorkflowFunction {
        /// Free-form attributes of the caller's choosing.
        pub metadata: Option<Map<String, Value>>,
        /// The name actions refer to (`ref_name`), unique in the workflow.
        pub name: Option<String>,
        /// The function's URN.
        pub operation: Option<String>,
    }
}

accessors!(WorkflowFunction { str name, str operation, ref metadata: Map<String, Value> });

impl WorkflowFunction {
    /// The function `urn`, called `name` in the workflow.
    pub fn new(name: impl Into<String>, urn: impl Into<String>) -> Self {
        WorkflowFunction {
            name: Some(name.into()),
            operation: Some(urn.into()),
            ..Default::default()
        }
    }
}

model! {
    /// A call of a workflow function (the API's `FunctionRef`).
    pub struct FunctionRef {
        /// The function's input: a JSON object whose values are JSONPath expressions
        /// over the state's input (`$.a.b`), constants (`'text'`, numbers, booleans) or
        /// paths into the workflow's constants (`$CONST.a`), alternatives separated by
        /// ` | `.
        pub arguments: Option<Map<String, Value>>,
        /// How the function is called.
        pub invoke_mode: Option<InvokeMode>,
        /// The [`WorkflowFunction`] called, by name.
        pub ref_name: Option<String>,
    }
}

accessors!(FunctionRef {
    str ref_name,
    ref arguments: Map<String, Value>,
    ref invoke_mode: InvokeMode,
});

model! {
    /// One action of an operation state.
    pub struct Action {
        /// The function it calls.
        pub function_ref: Option<FunctionRef>,
    }
}

accessors!(Action { ref function_ref: FunctionRef });

impl Action {
    /// Calls the workflow function `ref_name` with no arguments.
    pub fn call(ref_name: impl Into<String>) -> Self {
        Action::call_with(ref_name, Map::new())
    }

    /// Calls the workflow function `ref_name` with `arguments` (see
    /// [`FunctionRef::arguments`]).
    pub fn call_with(ref_name: impl Into<String>, arguments: Map<String, Value>) -> Self {
        Action {
            function_ref: Some(FunctionRef {
                arguments: Some(arguments),
                ref_name: Some(ref_name.into()),
                ..Default::default()
            }),
            ..Default::default()
        }
    }
}

model! {
    /// What happens when a state fails (the API's `OnError`).
    pub struct OnError {
        /// Which errors this handles: an expression over the error (e.g.
        /// `$.errorCode == 500`).
        pub error: Option<String>,
        /// The [`RetryPolicy`] to apply first, by name.
        pub retry_ref: Option<String>,
        /// The state to go to.
        pub transition: Option<String>,
    }
}

accessors!(OnError { str error, str retry_ref, str transition });

impl OnError {
    /// Goes to the state `transition` on the errors `error` matches.
    pub fn new(error: impl Into<String>, transition: impl Into<String>) -> Self {
        OnError {
            error: Some(error.into()),
            transition: Some(transition.into()),
            ..Default::default()
        }
    }

    /// Applies the retry policy `name` before going on.
    pub fn with_retry(mut self, name: impl Into<String>) -> Self {
        self.retry_ref = Some(name.into());
        self
    }
}

model! {
    /// A retry policy (the API's `Retry`).
    pub struct RetryPolicy {
        /// Seconds between attempts (default 1, 1 to 30).
        pub delay: Option<i64>,
        /// Attempts at most (default 3, 1 to 8).
        pub max_attempts: Option<i64>,
        /// Its name, unique in the workflow.
        pub name: Option<String>,
    }
}

accessors!(RetryPolicy { str name, copy delay: i64, copy max_attempts: i64 });

impl RetryPolicy {
    /// The policy `name` with the service's defaults.
    pub fn new(name: impl Into<String>) -> Self {
        RetryPolicy {
            name: Some(name.into()),
            ..Default::default()
        }
    }
}

model! {
    /// JSONPath filters of a state's input and output.
    pub struct StateDataFilter {
        /// What of the input the state sees.
        pub input: Option<String>,
        /// What of the output the next state sees.
        pub output: Option<String>,
    }
}

accessors!(StateDataFilter { str input, str output });

model! {
    /// A state of a documented kind (the API's `OperationState`, which serves the
    /// `Sleep` and `End` kinds too).
    pub struct OperationState {
        /// How the actions run (default sequential).
        pub action_mode: Option<ActionMode>,
        /// The functions it calls (1 to 10 for `Operation`, none otherwise).
        pub actions: Option<Vec<Action>>,
        /// Seconds a `Sleep` state waits.
        pub duration: Option<i64>,
        /// Whether the workflow ends after it.
        pub end: Option<bool>,
        /// Its id, unique in the workflow (transitions name it).
        pub id: Option<String>,
        /// Its name.
        pub name: Option<String>,
        /// What happens when it fails.
        pub on_errors: Option<Vec<OnError>>,
        /// Filters of its input and output.
        pub state_data_filter: Option<StateDataFilter>,
        /// The id of the next state (empty for an end).
        pub transition: Option<String>,
        /// Its kind.
        #[wire = "type"]
        pub kind: Option<StateKind>,
    }
}

accessors!(OperationState {
    str id,
    str name,
    str transition,
    copy end: bool,
    copy duration: i64,
    ref kind: StateKind,
    ref action_mode: ActionMode,
    slice actions: Action,
    slice on_errors: OnError,
    ref state_data_filter: StateDataFilter,
});

impl OperationState {
    /// A state of `kind` with every field the API requires set: no actions, not an end,
    /// an empty transition.
    fn of(kind: StateKind, id: impl Into<String>, name: impl Into<String>) -> Self {
        OperationState {
            actions: Some(Vec::new()),
            end: Some(false),
            id: Some(id.into()),
            name: Some(name.into()),
            transition: Some(String::new()),
            kind: Some(kind),
            ..Default::default()
        }
    }

    /// An `Operation` state calling `actions`; say where it goes with
    /// [`then`](Self::then) or [`ends`](Self::ends).
    pub fn operation(id: impl Into<String>, name: impl Into<String>, actions: Vec<Action>) -> Self {
        OperationState {
            actions: Some(actions),
            ..OperationState::of(StateKind::Operation, id, name)
        }
    }

    /// A `Sleep` state waiting `seconds`.
    pub fn sleep(id: impl Into<String>, name: impl Into<String>, seconds: i64) -> Self {
        OperationState {
            duration: Some(seconds),
            ..OperationState::of(StateKind::Sleep, id, name)
        }
    }

    /// An `End` state.
    pub fn end_state(id: impl Into<String>, name: impl Into<String>) -> Self {
        OperationState::of(StateKind::End, id, name).ends()
    }

    /// Goes to the state `id` next.
    pub fn then(mut self, id: impl Into<String>) -> Self {
        self.transition = Some(id.into());
        self.end = Some(false);
        self
    }

    /// Ends the workflow after this state.
    pub fn ends(mut self) -> Self {
        self.end = Some(true);
        self.transition = Some(String::new());
        self
    }

    /// Runs the actions in parallel.
    pub fn parallel(mut self) -> Self {
        self.action_mode = Some(ActionMode::Parallel);
        self
    }

    /// Adds an error handler.
    pub fn on_error(mut self, on_error: OnError) -> Self {
        self.on_errors.get_or_insert_with(Vec::new).push(on_error);
        self
    }

    /// Filters the input and output.
    pub fn filter(mut self, input: impl Into<String>, output: impl Into<String>) -> Self {
        self.state_data_filter = Some(StateDataFilter {
            input: Some(input.into()),
            output: Some(output.into()),
            ..Default::default()
        });
        self
    }
}

/// A state of a definition: typed for the kinds this SDK version knows, raw JSON for
/// the others (kept exactly, so they are sent back as the service gave them).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum State {
    /// A state of a documented [`StateKind`] (boxed: it is much larger than raw JSON).
    Typed(Box<OperationState>),
    /// A state of a kind this SDK version does not type (its `type` is not one of
    /// [`StateKind::KNOWN`]), or that is not an object.
    Raw(Value),
}

impl State {
    /// The typed state, if its kind is a documented one.
    pub fn typed(&self) -> Option<&OperationState> {
        match self {
            State::Typed(state) => Some(state),
            State::Raw(_) => None,
        }
    }

    /// The state's id, whatever its kind.
    pub fn id(&self) -> Option<&str> {
        match self {
            State::Typed(state) => state.id(),
            State::Raw(value) => value.get("id").and_then(Value::as_str),
        }
    }

    /// The state's kind as sent (`type`), whatever it is.
    pub fn kind(&self) -> Option<&str> {
        match self {
            State::Typed(state) => state.kind.as_ref().map(StateKind::as_str),
            State::Raw(value) => value.get("type").and_then(Value::as_str),
        }
    }
}

impl From<OperationState> for State {
    fn from(state: OperationState) -> Self {
        State::Typed(Box::new(state))
    }
}

impl Serialize for State {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            State::Typed(state) => state.serialize(serializer),
            State::Raw(value) => value.serialize(serializer),
        }
    }
}

impl<'de> Deserialize<'de> for State {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        let known = value
            .get("type")
            .and_then(Value::as_str)
            .is_some_and(|kind| StateKind::KNOWN.contains(&kind));
        if known {
            OperationState::deserialize(value)
                .map(|state| State::Typed(Box::new(state)))
                .map_err(serde::de::Error::custom)
        } else {
            Ok(State::Raw(value))
        }
    }
}

model! {
    /// The OBS settings of a workflow trigger.
    pub struct ObsTriggerConfig {
        /// The bucket.
        pub bucket: Option<String>,
        /// The events (`ObjectCreated:Put`, …).
        pub events: Option<Vec<String>>,
        /// The object name prefix.
        pub prefix: Option<String>,
        /// The object name suffix.
        pub suffix: Option<String>,
    }
}

accessors!(ObsTriggerConfig { str bucket, str prefix, str suffix, slice events: String });

impl ObsTriggerConfig {
    /// The `events` on objects of `bucket` named `prefix…suffix`.
    pub fn new<E: Into<String>>(
        bucket: impl Into<String>,
        events: impl IntoIterator<Item = E>,
        prefix: impl Into<String>,
        suffix: impl Into<String>,
    ) -> Self {
        ObsTriggerConfig {
            bucket: Some(bucket.into()),
            events: Some(events.into_iter().map(Into::into).collect()),
            prefix: Some(prefix.into()),
            suffix: Some(suffix.into()),
            ..Default::default()
        }
    }
}

model! {
    /// A trigger that starts the workflow (the API's `Trigger`).
    pub struct WorkflowTrigger {
        /// Whether it is enabled (default true).
        pub enabled: Option<bool>,
        /// The OBS settings, for an OBS trigger.
        pub trigger_config: Option<ObsTriggerConfig>,
        /// Its name.
        pub trigger_name: Option<String>,
        /// Its kind.
        pub trigger_type: Option<TriggerKind>,
    }
}

accessors!(WorkflowTrigger {
    copy enabled: bool,
    ref trigger_config: ObsTriggerConfig,
    str trigger_name,
    ref trigger_type: TriggerKind,
});

impl WorkflowTrigger {
    /// An enabled trigger `name` of `kind`.
    pub fn new(name: impl Into<String>, kind: TriggerKind) -> Self {
        WorkflowTrigger {
            trigger_name: Some(name.into()),
            trigger_type: Some(kind),
            ..Default::default()
        }
    }
}

model! {
    /// A workflow definition: the body of [`Create`](super::Create) and
    /// [`Update`](super::Update), and the `definition` [`Get`](super::Get) answers.
    pub struct Definition {
        /// Constants the arguments refer to (`$CONST…`).
        pub constants: Option<Map<String, Value>>,
        /// Its description.
        pub description: Option<String>,
        /// Whether executions answer a stream.
        pub enable_stream_response: Option<bool>,
        /// The enterprise project.
        pub enterprise_project_id: Option<String>,
        /// Express settings (for [`WorkflowMode::Express`]).
        pub express_config: Option<ExpressConfig>,
        /// The functions its actions call.
        pub functions: Option<Vec<WorkflowFunction>>,
        /// Its mode (default [`WorkflowMode::Normal`]).
        pub mode: Option<WorkflowMode>,
        /// Its name.
        pub name: Option<String>,
        /// Retry policies its error handlers refer to.
        pub retries: Option<Vec<RetryPolicy>>,
        /// The id of the first state.
        pub start: Option<String>,
        /// Its states.
        pub states: Option<Vec<State>>,
        /// The triggers that start it.
        pub triggers: Option<Vec<WorkflowTrigger>>,
    }
}

accessors!(Definition {
    str name,
    str start,
    str description,
    str enterprise_project_id,
    copy enable_stream_response: bool,
    ref constants: Map<String, Value>,
    ref express_config: ExpressConfig,
    ref mode: WorkflowMode,
    slice functions: WorkflowFunction,
    slice retries: RetryPolicy,
    slice states: State,
    slice triggers: WorkflowTrigger,
});

impl Definition {
    /// The workflow `name` that starts at the state `start`, calling `functions` from
    /// `states`; no constants and no retry policies yet (both are sent, as the API
    /// requires them).
    pub fn new(
        name: impl Into<String>,
        start: impl Into<String>,
        functions: Vec<WorkflowFunction>,
        states: Vec<State>,
    ) -> Self {
        Definition {
            constants: Some(Map::new()),
            functions: Some(functions),
            name: Some(name.into()),
            retries: Some(Vec::new()),
            start: Some(start.into()),
            states: Some(states),
            ..Default::default()
        }
    }

    /// Sets the mode.
    pub fn with_mode(mut self, mode: WorkflowMode) -> Self {
        self.mode = Some(mode);
        self
    }

    /// Sets the description.
    pub fn with_description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Adds a retry policy.
    pub fn retry(mut self, policy: RetryPolicy) -> Self {
        self.retries.get_or_insert_with(Vec::new).push(policy);
        self
    }

    /// Sets a constant.
    pub fn constant(mut self, key: impl Into<String>, value: impl Into<Value>) -> Self {
        self.constants
            .get_or_insert_with(Map::new)
            .insert(key.into(), value.into());
        self
    }

    /// Adds a trigger.
    pub fn trigger(mut self, trigger: WorkflowTrigger) -> Self {
        self.triggers.get_or_insert_with(Vec::new).push(trigger);
        self
    }
}
