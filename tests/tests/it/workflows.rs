//! Workflows through each adapter against the emulator: a two-step workflow whose
//! second function receives the first one's output (asynchronously, then
//! synchronously in express mode); a switch branch chosen by the input; an execution
//! stopped and retried, its state runs recorded; a callback resuming a waiting
//! execution; bad definitions refused with the service's code; batch delete.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use fgs_emulator::{Emulator, FunctionError, InvocationContext};
use fgs_proto::metrics::{self, GetWorkflowMetrics, ListQuotas, QuotaType};
use fgs_proto::workflows::{
    Action, BatchDelete, Callback, CallbackResult, Create, Definition, ExecutionDetails,
    ExecutionStatus, Get, GetExecution, GetExecutionPage, List, ListExecutions, OnError,
    OperationState, Retry, RetryPolicy, Start, StartSync, State, Stop, SyncStatus, Update,
    WorkflowFunction, WorkflowMode,
};
use fgs_tests::{Connect, echo_function, start};
use serde_json::{Value, json};

fgs_tests::through_both_adapters!(
    two_steps_pass_outputs_on,
    a_switch_branches_on_the_input,
    an_error_handler_retries_then_branches,
    an_execution_stopped_and_retried,
    a_callback_resumes_a_waiting_execution,
    bad_definitions_are_refused,
    batch_delete_removes_workflows
);

/// A handler that reads the event as JSON and answers `f(event)`.
fn json_handler(
    f: impl Fn(Value) -> Result<Value, FunctionError> + Send + Sync + 'static,
) -> impl Fn(&[u8], &InvocationContext) -> Result<Vec<u8>, FunctionError> + Send + Sync + 'static {
    move |event: &[u8], _: &InvocationContext| {
        let event: Value = serde_json::from_slice(event).unwrap_or(Value::Null);
        f(event).map(|out| out.to_string().into_bytes())
    }
}

/// Creates the function `name` and answers its URN.
fn function<S: Connect>(sdk: &S, name: &str) -> String {
    sdk.send(&echo_function(name))
        .expect("Create")
        .func_urn
        .expect("a URN")
}

/// Creates the workflow `definition` and answers its id.
fn create<S: Connect>(sdk: &S, definition: Definition) -> String {
    sdk.send(&Create::new(definition))
        .expect("CreateWorkflow")
        .id
        .expect("an id")
}

/// Starts the workflow `id` on `input` and answers the execution's id.
fn start_execution<S: Connect>(sdk: &S, id: &str, input: Value) -> String {
    sdk.send(&Start::new(id, input))
        .expect("StartWorkflowExecution")
        .execution_id
        .expect("an execution id")
}

/// An operation state `id` calling the workflow function of the same name.
fn call(id: &str) -> OperationState {
    OperationState::operation(id, id, vec![Action::call(id)])
}

/// Waits (up to 10 s) for the execution to satisfy `done`.
fn wait_for<S: Connect>(
    sdk: &S,
    workflow: &str,
    execution: &str,
    done: impl Fn(&ExecutionDetails) -> bool,
) -> ExecutionDetails {
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        let details = sdk
            .send(&GetExecution::new(workflow, execution))
            .expect("ShowWorkflowExecution");
        if done(&details) {
            return details;
        }
        assert!(
            Instant::now() < deadline,
            "{}: the execution never got there: {details:?}",
            sdk.name()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn statuses(details: &ExecutionDetails, node: &str) -> Vec<ExecutionStatus> {
    details
        .node(node)
        .iter()
        .filter_map(|run| run.status().cloned())
        .collect()
}

fn two_step(name: &str, double: &str, inc: &str) -> Definition {
    Definition::new(
        name,
        "double",
        vec![
            WorkflowFunction::new("double", double),
            WorkflowFunction::new("inc", inc),
        ],
        vec![
            call("double").then("inc").into(),
            call("inc").then("done").into(),
            OperationState::end_state("done", "done").into(),
        ],
    )
}

fn arithmetic(emu: &Emulator) {
    emu.register_handler(
        "wf-double",
        json_handler(|e| Ok(json!({"n": e["n"].as_i64().unwrap_or(0) * 2}))),
    );
    emu.register_handler(
        "wf-inc",
        json_handler(|e| Ok(json!({"n": e["n"].as_i64().unwrap_or(0) + 1, "saw": e}))),
    );
}

fn two_steps_pass_outputs_on<S: Connect>() {
    let (emu, sdk) = start::<S>();
    let who = sdk.name();
    arithmetic(&emu);
    let (double, inc) = (function(&sdk, "wf-double"), function(&sdk, "wf-inc"));
    let created = sdk
        .send(&Create::new(two_step("arith", &double, &inc)))
        .expect("CreateWorkflow");
    let id = created.id().expect("an id").to_owned();
    assert_eq!(created.name(), Some("arith"), "{who}");
    assert!(
        created
            .workflow_urn()
            .is_some_and(|u| u.ends_with(":workflow:default:arith:latest")),
        "{who}: {created:?}"
    );

    let started = sdk
        .send(&Start::new(&id, json!({"n": 5})))
        .expect("StartWorkflowExecution");
    let execution = started.execution_id().expect("an execution id").to_owned();
    let details = wait_for(&sdk, &id, &execution, |d| {
        d.status() != Some(&ExecutionStatus::Running)
    });
    assert_eq!(
        details.status(),
        Some(&ExecutionStatus::Success),
        "{who}: {details:?}"
    );
    // The second function received the first one's output.
    assert_eq!(
        details.node("inc")[0].input(),
        Some(&json!({"n": 10})),
        "{who}"
    );
    assert_eq!(
        details.output(),
        Some(&json!({"n": 11, "saw": {"n": 10}})),
        "{who}"
    );
    assert_eq!(details.input(), Some(&json!({"n": 5})), "{who}");
    let order: Vec<_> = details
        .node_execution_details()
        .iter()
        .filter_map(|n| n.node_id())
        .collect();
    assert_eq!(order, ["double", "inc", "done"], "{who}");

    // Synchronous execution needs express mode; it answers the final output.
    let refused = sdk
        .send(&StartSync::new(&id, json!({"n": 1})))
        .expect_err("a NORMAL workflow refuses a synchronous start");
    assert_eq!(refused.code(), Some("FGS.3002"), "{who}");
    let express = two_step("arith", &double, &inc).with_mode(WorkflowMode::Express);
    sdk.send(&Update::new(&id, express))
        .expect("UpdateWorkFlow");
    let outcome = sdk
        .send(&StartSync::new(&id, json!({"n": 20})))
        .expect("StartSyncWorkflowExecution");
    assert_eq!(
        outcome.status(),
        Some(&SyncStatus::Success),
        "{who}: {outcome:?}"
    );
    assert_eq!(
        outcome.output().map(|o| o["n"].clone()),
        Some(json!(41)),
        "{who}"
    );

    // The asynchronous execution is kept; the synchronous (express) one is not.
    let listed = sdk
        .send(&ListExecutions::new(&id))
        .expect("ListWorkflowExecutions");
    let ids: Vec<_> = listed
        .executions()
        .iter()
        .filter_map(|e| e.execution_id())
        .collect();
    assert_eq!(ids, [execution.as_str()], "{who}");
    let failed = sdk
        .send(&ListExecutions::new(&id).status(ExecutionStatus::Fail))
        .expect("ListWorkflowExecutions fail");
    assert!(failed.executions().is_empty(), "{who}");
    let page = sdk
        .send(&GetExecutionPage::new(&id, 0, 10))
        .expect("ShowWorkflowExecutionForPage");
    assert_eq!(page.total(), Some(1), "{who}");
    assert_eq!(
        page.executions()[0].status(),
        Some(&ExecutionStatus::Success),
        "{who}"
    );

    // The definition reads back as sent, and the listing finds the workflow.
    let info = sdk.send(&Get::new(&id)).expect("ShowWorkFlow");
    let definition = info.definition().expect("a definition");
    assert_eq!(definition.mode(), Some(&WorkflowMode::Express), "{who}");
    assert_eq!(definition.states().len(), 3, "{who}");
    let all = sdk
        .send(&List::new().workflow_name("arith"))
        .expect("ListWorkflow");
    assert_eq!(all.total(), Some(1), "{who}");
    assert_eq!(all.workflows()[0].id(), Some(id.as_str()), "{who}");

    // The lazy pagers: offsets computed page after page.
    let second = start_execution(&sdk, &id, json!({"n": 0}));
    wait_for(&sdk, &id, &second, |d| {
        d.status() != Some(&ExecutionStatus::Running)
    });
    let items = sdk
        .all_items(ListExecutions::new(&id).limit(1))
        .expect("ListWorkflowExecutions pages");
    let ids: Vec<_> = items.iter().filter_map(|e| e.execution_id()).collect();
    assert_eq!(
        ids,
        [second.as_str(), execution.as_str()],
        "{who}: newest first"
    );
    let pages = sdk
        .all_pages(GetExecutionPage::new(&id, 0, 1))
        .expect("ShowWorkflowExecutionForPage pages");
    let per_page: Vec<usize> = pages.iter().map(|p| p.executions().len()).collect();
    assert_eq!(per_page, [1, 1], "{who}: two executions, one per page");

    // The workflow metrics count the three executions (the synchronous one too), none
    // failed; the quota counts the one workflow.
    let urn = created.workflow_urn().expect("a URN").to_owned();
    let counted = sdk
        .send(&GetWorkflowMetrics::new(&urn))
        .expect("ShowWorkFlowMetric");
    assert_eq!(metrics::sum(counted.count()), 3.0, "{who}: {counted:?}");
    assert_eq!(
        metrics::sum(counted.fail_count()),
        0.0,
        "{who}: {counted:?}"
    );
    let quotas = sdk.send(&ListQuotas::new()).expect("ListQuotas");
    let workflows = quotas
        .get(&QuotaType::WorkflowNum)
        .expect("fgs_workflow_num");
    assert_eq!(workflows.used(), Some(1), "{who}");
}

fn a_switch_branches_on_the_input<S: Connect>() {
    let (emu, sdk) = start::<S>();
    let who = sdk.name();
    emu.register_handler(
        "wf-review",
        json_handler(|e| Ok(json!({"route": "review", "amount": e["amount"]}))),
    );
    emu.register_handler(
        "wf-approve",
        json_handler(|e| Ok(json!({"route": "approve", "amount": e["amount"]}))),
    );
    let (review, approve) = (function(&sdk, "wf-review"), function(&sdk, "wf-approve"));
    let definition = Definition::new(
        "route",
        "check",
        vec![
            WorkflowFunction::new("review", review),
            WorkflowFunction::new("approve", approve),
        ],
        vec![
            State::Raw(json!({
                "id": "check", "name": "check", "type": "Switch",
                "data_conditions": [{"condition": "$.amount > 100", "transition": "review"}],
                "default_condition": {"transition": "approve"}
            })),
            call("review").ends().into(),
            call("approve").ends().into(),
        ],
    )
    .with_mode(WorkflowMode::Express);
    let id = create(&sdk, definition);
    for (amount, route) in [(150, "review"), (50, "approve"), (100, "approve")] {
        let outcome = sdk
            .send(&StartSync::new(&id, json!({"amount": amount})))
            .expect("StartSyncWorkflowExecution");
        assert_eq!(
            outcome.output(),
            Some(&json!({"route": route, "amount": amount})),
            "{who}: amount {amount}"
        );
    }

    // A kind the emulator cannot run fails the execution, naming the kind.
    let foreach = Definition::new(
        "loop",
        "each",
        vec![],
        vec![State::Raw(
            json!({"id": "each", "type": "Foreach", "end": true}),
        )],
    )
    .with_mode(WorkflowMode::Express);
    let id = create(&sdk, foreach);
    let outcome = sdk
        .send(&StartSync::new(&id, json!({})))
        .expect("StartSyncWorkflowExecution");
    assert_eq!(outcome.status(), Some(&SyncStatus::Fail), "{who}");
    assert_eq!(outcome.errors()[0].node_id(), Some("each"), "{who}");
    assert!(
        outcome.errors()[0]
            .error_message()
            .is_some_and(|m| m.contains("Foreach")),
        "{who}: {outcome:?}"
    );
}

fn an_error_handler_retries_then_branches<S: Connect>() {
    let (emu, sdk) = start::<S>();
    let who = sdk.name();
    emu.register_handler(
        "wf-picky",
        json_handler(|e| match e["amount"].as_i64() {
            Some(n) if n >= 0 => Ok(json!({"ok": n})),
            _ => Err(FunctionError::new("ValueError", "a negative amount")),
        }),
    );
    emu.register_handler("wf-fallback", json_handler(|e| Ok(json!({"fell_back": e}))));
    let (picky, fallback) = (function(&sdk, "wf-picky"), function(&sdk, "wf-fallback"));
    let definition = Definition::new(
        "careful",
        "picky",
        vec![
            WorkflowFunction::new("picky", picky),
            WorkflowFunction::new("fallback", fallback),
        ],
        vec![
            call("picky")
                .on_error(
                    OnError::new("$.errorType == 'ValueError'", "fallback").with_retry("twice"),
                )
                .ends()
                .into(),
            call("fallback").ends().into(),
        ],
    )
    .retry({
        let mut policy = RetryPolicy::new("twice");
        policy.max_attempts = Some(2);
        policy
    });
    let id = create(&sdk, definition);
    let good = start_execution(&sdk, &id, json!({"amount": 3}));
    let done = wait_for(&sdk, &id, &good, |d| {
        d.status() != Some(&ExecutionStatus::Running)
    });
    assert_eq!(done.output(), Some(&json!({"ok": 3})), "{who}");
    assert!(done.node("fallback").is_empty(), "{who}");

    // A failure is retried twice (three runs), then the handler's branch gets the error.
    let bad = start_execution(&sdk, &id, json!({"amount": -1}));
    let done = wait_for(&sdk, &id, &bad, |d| {
        d.status() != Some(&ExecutionStatus::Running)
    });
    assert_eq!(
        done.status(),
        Some(&ExecutionStatus::Success),
        "{who}: {done:?}"
    );
    assert_eq!(
        statuses(&done, "picky"),
        vec![ExecutionStatus::Fail; 3],
        "{who}"
    );
    assert_eq!(
        done.node("picky")[0]
            .error_message()
            .map(|e| e["errorType"].clone()),
        Some(json!("ValueError")),
        "{who}"
    );
    assert_eq!(
        done.output()
            .map(|o| o["fell_back"]["errorMessage"].clone()),
        Some(json!("a negative amount")),
        "{who}"
    );
}

fn an_execution_stopped_and_retried<S: Connect>() {
    let (emu, sdk) = start::<S>();
    let who = sdk.name();
    let open = Arc::new(AtomicBool::new(false));
    let gate = Arc::clone(&open);
    emu.register_handler(
        "wf-gate",
        json_handler(move |e| {
            let deadline = Instant::now() + Duration::from_secs(10);
            while !gate.load(Ordering::SeqCst) && Instant::now() < deadline {
                std::thread::sleep(Duration::from_millis(5));
            }
            Ok(json!({"passed": e}))
        }),
    );
    let urn = function(&sdk, "wf-gate");
    let definition = Definition::new(
        "gated",
        "gate",
        vec![WorkflowFunction::new("gate", urn)],
        vec![call("gate").ends().into()],
    );
    let id = create(&sdk, definition);
    let execution = start_execution(&sdk, &id, json!({"k": 1}));
    wait_for(&sdk, &id, &execution, |d| {
        statuses(d, "gate") == [ExecutionStatus::Running]
    });

    sdk.send(&Stop::new(&id, &execution)).expect("StopWorkFlow");
    let stopped = sdk
        .send(&GetExecution::new(&id, &execution))
        .expect("ShowWorkflowExecution");
    assert_eq!(stopped.status(), Some(&ExecutionStatus::Cancel), "{who}");
    assert_eq!(
        statuses(&stopped, "gate"),
        [ExecutionStatus::Cancel],
        "{who}"
    );
    let cancelled = sdk
        .send(&ListExecutions::new(&id).status(ExecutionStatus::Cancel))
        .expect("ListWorkflowExecutions");
    assert_eq!(cancelled.executions().len(), 1, "{who}");
    let again = sdk
        .send(&Stop::new(&id, &execution))
        .expect_err("a stopped execution cannot be stopped");
    assert_eq!(again.code(), Some("FGS.3002"), "{who}");

    // The stopped function finishing late changes nothing; the retry runs it again.
    open.store(true, Ordering::SeqCst);
    std::thread::sleep(Duration::from_millis(50));
    let still = sdk
        .send(&GetExecution::new(&id, &execution))
        .expect("ShowWorkflowExecution");
    assert_eq!(still.status(), Some(&ExecutionStatus::Cancel), "{who}");
    sdk.send(&Retry::new(&id, &execution))
        .expect("RetryWorkFlow");
    let retried = wait_for(&sdk, &id, &execution, |d| {
        d.status() != Some(&ExecutionStatus::Running)
    });
    assert_eq!(retried.status(), Some(&ExecutionStatus::Success), "{who}");
    assert_eq!(
        statuses(&retried, "gate"),
        [ExecutionStatus::Cancel, ExecutionStatus::Success],
        "{who}"
    );
    assert_eq!(
        retried.output(),
        Some(&json!({"passed": {"k": 1}})),
        "{who}"
    );
    let not_again = sdk
        .send(&Retry::new(&id, &execution))
        .expect_err("a succeeded execution cannot be retried");
    assert_eq!(not_again.code(), Some("FGS.3002"), "{who}");
}

fn a_callback_resumes_a_waiting_execution<S: Connect>() {
    let (emu, sdk) = start::<S>();
    let who = sdk.name();
    emu.register_handler("wf-finish", json_handler(|e| Ok(json!({"finished": e}))));
    let urn = function(&sdk, "wf-finish");
    let definition = Definition::new(
        "approval",
        "wait",
        vec![WorkflowFunction::new("finish", urn)],
        vec![
            State::Raw(
                json!({"id": "wait", "name": "wait", "type": "Event", "transition": "finish"}),
            ),
            call("finish").ends().into(),
        ],
    );
    let id = create(&sdk, definition);
    let execution = start_execution(&sdk, &id, json!({"order": 7}));
    let waiting = wait_for(&sdk, &id, &execution, |d| {
        statuses(d, "wait") == [ExecutionStatus::Running]
    });
    assert_eq!(waiting.status(), Some(&ExecutionStatus::Running), "{who}");
    std::thread::sleep(Duration::from_millis(50));
    assert!(
        sdk.send(&GetExecution::new(&id, &execution))
            .expect("ShowWorkflowExecution")
            .node("finish")
            .is_empty(),
        "{who}: nothing runs before the callback"
    );
    let mut output = serde_json::Map::new();
    output.insert("approved".into(), json!(true));
    let wrong = sdk
        .send(&Callback::new(
            &id,
            &execution,
            "finish",
            CallbackResult::Success,
            output.clone(),
        ))
        .expect_err("the execution does not wait at `finish`");
    assert_eq!(wrong.code(), Some("FGS.3002"), "{who}");
    let resumed = sdk
        .send(&Callback::new(
            &id,
            &execution,
            "wait",
            CallbackResult::Success,
            output,
        ))
        .expect("CreateCallbackWorkflow");
    assert_eq!(resumed.execution_id(), Some(execution.as_str()), "{who}");
    let done = wait_for(&sdk, &id, &execution, |d| {
        d.status() != Some(&ExecutionStatus::Running)
    });
    assert_eq!(done.status(), Some(&ExecutionStatus::Success), "{who}");
    assert_eq!(
        done.node("finish")[0].input(),
        Some(&json!({"approved": true})),
        "{who}"
    );
    assert_eq!(
        done.output(),
        Some(&json!({"finished": {"approved": true}})),
        "{who}"
    );
}

fn bad_definitions_are_refused<S: Connect>() {
    let (_emu, sdk) = start::<S>();
    let who = sdk.name();
    let urn = function(&sdk, "wf-real");
    let missing = urn.replace("wf-real", "wf-missing");
    let good = || {
        Definition::new(
            "checked",
            "a",
            vec![WorkflowFunction::new("a", urn.clone())],
            vec![call("a").ends().into()],
        )
    };
    let cases: Vec<(Definition, &str)> = vec![
        (
            Definition::new(
                "checked",
                "nowhere",
                vec![WorkflowFunction::new("a", urn.clone())],
                vec![call("a").ends().into()],
            ),
            "start state `nowhere` does not exist",
        ),
        (
            Definition::new(
                "checked",
                "a",
                vec![WorkflowFunction::new("a", urn.clone())],
                vec![call("a").then("b").into()],
            ),
            "transitions to `b`, which does not exist",
        ),
        (
            Definition::new("checked", "a", vec![], vec![call("a").ends().into()]),
            "calls `a`, which is not one of the workflow's functions",
        ),
        (
            Definition::new(
                "checked",
                "a",
                vec![WorkflowFunction::new("a", missing)],
                vec![call("a").ends().into()],
            ),
            "does not exist",
        ),
        (
            Definition::new(
                "checked",
                "a",
                vec![WorkflowFunction::new("a", urn.clone())],
                vec![call("a").ends().into(), call("a").ends().into()],
            ),
            "duplicate state id `a`",
        ),
    ];
    for (definition, message) in cases {
        let error = sdk
            .send(&Create::new(definition))
            .expect_err("a bad definition is refused");
        assert_eq!(
            error.status().map(|s| s.as_u16()),
            Some(400),
            "{who}: {error}"
        );
        assert_eq!(error.code(), Some("FGS.3002"), "{who}: {error}");
        assert!(
            error.to_string().contains(message),
            "{who}: `{error}` lacks `{message}`"
        );
    }
    assert!(
        sdk.send(&List::new())
            .expect("ListWorkflow")
            .workflows()
            .is_empty(),
        "{who}: nothing was stored"
    );
    let id = create(&sdk, good());
    let twice = sdk
        .send(&Create::new(good()))
        .expect_err("a second workflow of the same name");
    assert!(
        twice.to_string().contains("already exists"),
        "{who}: {twice}"
    );
    let bad_update = sdk
        .send(&Update::new(
            &id,
            good()
                .retry(RetryPolicy::new("r"))
                .retry(RetryPolicy::new("r")),
        ))
        .expect_err("duplicate retry policy names");
    assert!(
        bad_update
            .to_string()
            .contains("duplicate retry policy name `r`"),
        "{who}: {bad_update}"
    );
    let unknown = sdk
        .send(&Get::new("no-such-workflow"))
        .expect_err("an unknown workflow");
    assert_eq!(unknown.status().map(|s| s.as_u16()), Some(404), "{who}");
    assert_eq!(unknown.code(), Some("FGS.5002"), "{who}");
}

fn batch_delete_removes_workflows<S: Connect>() {
    let (_emu, sdk) = start::<S>();
    let who = sdk.name();
    let urn = function(&sdk, "wf-one");
    let make = |name: &str| {
        sdk.send(&Create::new(Definition::new(
            name,
            "a",
            vec![WorkflowFunction::new("a", urn.clone())],
            vec![call("a").ends().into()],
        )))
        .expect("CreateWorkflow")
    };
    let (first, second) = (make("first"), make("second"));
    let listed = sdk
        .all_items(List::new().limit(1))
        .expect("ListWorkflow pages");
    let names: Vec<_> = listed.iter().filter_map(|w| w.name()).collect();
    assert_eq!(names, ["first", "second"], "{who}: one workflow per page");
    let first_urn = first.workflow_urn().expect("a URN").to_owned();
    let gone = first_urn.replace(":first:", ":never:");
    let out = sdk
        .send(&BatchDelete::new([first_urn.clone(), gone.clone()]))
        .expect("BatchDeleteWorkflows");
    assert_eq!(out.success(), [first_urn.as_str()], "{who}");
    assert_eq!(out.fail()[0].workflow_urn(), Some(gone.as_str()), "{who}");
    let left = sdk.send(&List::new()).expect("ListWorkflow");
    let names: Vec<_> = left.workflows().iter().filter_map(|w| w.name()).collect();
    assert_eq!(names, ["second"], "{who}");
    assert_eq!(left.total(), Some(1), "{who}");
    let deleted = sdk
        .send(&Get::new(first.id().unwrap_or_default()))
        .expect_err("deleted");
    assert_eq!(deleted.code(), Some("FGS.5002"), "{who}");
    assert!(
        sdk.send(&Get::new(second.id().unwrap_or_default())).is_ok(),
        "{who}"
    );
}
