//! Request snapshots of the workflow operations beyond the minimal ones (which
//! `registry.rs` snapshots from the fixtures): every field set, signed with AK/SK at a
//! fixed time. BatchDeleteWorkflows is a DELETE with a body; Retry and Stop send an
//! empty body.

mod common;

use common::fixtures::{EXECUTION_ID, URN, WORKFLOW_ID};
use common::{aksk_config, render};
use fgs_proto::workflows::{
    Action, Callback, CallbackResult, Create, Definition, ExecutionStatus, ExpressConfig,
    GetExecution, GetExecutionPage, List, ListExecutions, LogLevel, ObsTriggerConfig, OnError,
    OperationState, RetryPolicy, Start, StartSync, State, TriggerKind, Update, WorkflowFunction,
    WorkflowMode, WorkflowTrigger,
};
use serde_json::json;

/// A definition with every field of every part set, and a state of a kind this SDK
/// does not type (kept raw).
fn full_definition() -> Definition {
    let mut arguments = serde_json::Map::new();
    arguments.insert("size".into(), json!("$.size | $CONST.default_size"));
    let mut function = WorkflowFunction::new("resize", URN);
    function.metadata = Some(json!({"category": "image"}).as_object().cloned().unwrap());
    let mut action = Action::call_with("resize", arguments);
    if let Some(call) = action.function_ref.as_mut() {
        call.invoke_mode = Some(fgs_proto::workflows::InvokeMode::Synchronize);
    }
    let mut trigger = WorkflowTrigger::new("on-upload", TriggerKind::Obs);
    trigger.enabled = Some(true);
    trigger.trigger_config = Some(ObsTriggerConfig::new(
        "images",
        ["ObjectCreated:Put"],
        "in/",
        ".png",
    ));
    let mut retry = RetryPolicy::new("twice");
    retry.delay = Some(2);
    retry.max_attempts = Some(2);
    let mut definition = Definition::new(
        "resize-flow",
        "resize",
        vec![function],
        vec![
            OperationState::operation("resize", "resize", vec![action])
                .parallel()
                .filter("$", "$.body")
                .on_error(OnError::new("$.errorCode == 500", "pause").with_retry("twice"))
                .then("pause")
                .into(),
            OperationState::sleep("pause", "pause", 5)
                .then("done")
                .into(),
            OperationState::end_state("done", "done").into(),
            State::Raw(json!({"id": "later", "type": "Switch", "conditions": []})),
        ],
    )
    .with_mode(WorkflowMode::Express)
    .with_description("resize-images")
    .retry(retry)
    .constant("default_size", 64)
    .trigger(trigger);
    definition.enable_stream_response = Some(false);
    definition.enterprise_project_id = Some("0".into());
    definition.express_config = Some(ExpressConfig::new(LogLevel::Error));
    definition
}

#[test]
fn create_all_fields() {
    insta::assert_snapshot!(render(&Create::new(full_definition()), &aksk_config()));
}

#[test]
fn update_all_fields() {
    let op = Update::new(WORKFLOW_ID, full_definition());
    insta::assert_snapshot!(render(&op, &aksk_config()));
}

#[test]
fn list_all_fields() {
    let op = List::new()
        .workflow_name("resize-flow")
        .limit(20)
        .offset(40)
        .enterprise_project("0")
        .mode(WorkflowMode::Normal);
    insta::assert_snapshot!(render(&op, &aksk_config()));
}

#[test]
fn start_all_fields() {
    let op = Start::new(WORKFLOW_ID, json!({"size": 3}))
        .function_header("x-trace", "t-1")
        .create_time("2024-01-15T08:30:00Z")
        .run_id("run-1")
        .merge_fn_parameters(true);
    insta::assert_snapshot!(render(&op, &aksk_config()));
}

#[test]
fn start_sync_all_fields() {
    let op = StartSync::new(WORKFLOW_ID, json!({"size": 3})).function_header("x-trace", "t-1");
    insta::assert_snapshot!(render(&op, &aksk_config()));
}

#[test]
fn list_executions_all_fields() {
    let op = ListExecutions::new(WORKFLOW_ID)
        .status(ExecutionStatus::Success)
        .start_time("2024-01-12T08:30:00Z")
        .end_time("2024-01-15T08:30:00Z")
        .limit(50)
        .offset(100);
    insta::assert_snapshot!(render(&op, &aksk_config()));
}

#[test]
fn get_execution_all_fields() {
    let op = GetExecution::new(WORKFLOW_ID, EXECUTION_ID).full_history(true);
    insta::assert_snapshot!(render(&op, &aksk_config()));
}

#[test]
fn get_execution_page_all_fields() {
    let op = GetExecutionPage::new(WORKFLOW_ID, 20, 10)
        .start_time("2024-01-12 08:30:00")
        .end_time("2024-01-15 08:30:00");
    insta::assert_snapshot!(render(&op, &aksk_config()));
}

#[test]
fn callback_all_fields() {
    let op = Callback::new(
        WORKFLOW_ID,
        EXECUTION_ID,
        "approval",
        CallbackResult::Fail,
        serde_json::Map::new(),
    )
    .error("rejected");
    insta::assert_snapshot!(render(&op, &aksk_config()));
}

#[test]
fn a_non_object_input_and_bad_header_values_are_refused_before_sending() {
    let err = Start::new(WORKFLOW_ID, json!([1])).request(&aksk_config());
    assert!(err.unwrap_err().to_string().contains("input"));
    let err = Start::new(WORKFLOW_ID, json!({}))
        .run_id("a\nb")
        .request(&aksk_config());
    assert!(err.unwrap_err().to_string().contains("x-workflowrun-id"));
    let err = Callback::new(
        WORKFLOW_ID,
        "e\r1",
        "s",
        CallbackResult::Success,
        serde_json::Map::new(),
    )
    .request(&aksk_config());
    assert!(err.unwrap_err().to_string().contains("run_id"));
}

use fgs_proto::Operation as _;
