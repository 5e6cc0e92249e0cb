//! The workflow operations: definitions validated and stored; executions recorded
//! with every state's runs and run by the workflow engine through the function
//! handlers; Stop, Retry and Callback acting on a running (or ended) execution.
//!
//! Errors use the codes the workflow API documents: 400 `FGS.3002` (invalid
//! parameters, including every refused definition) and 404 `FGS.5002` (no such
//! workflow or execution).

use std::sync::Arc;

use fgs_proto::workflows::{Definition, WorkflowMode};
use http::{HeaderMap, StatusCode};
use serde_json::{Map, Value, json};
use time::macros::format_description;
use time::{Duration, OffsetDateTime, PrimitiveDateTime};

use super::Request;
use crate::api::api_error::ApiError;
use crate::api::routes::query_pairs;
use crate::http::reply::{APPLICATION_JSON, Reply};
use crate::http::site::Target;
use crate::runtime::clock::now;
use crate::runtime::workflow::{self, Execution, Flow, Status, format_time};
use crate::shared::Shared;

/// The service's code for invalid parameters.
const INVALID: &str = "FGS.3002";
/// The service's code for a workflow (or execution) that does not exist.
const NOT_FOUND: &str = "FGS.5002";
/// Who the emulator says created workflows and executions.
const CREATED_BY: &str = "emulator";
/// The default and largest page of ListWorkflow and ListWorkflowExecutions.
const MAX_PAGE: usize = 200;
/// The largest page of ShowWorkflowExecutionForPage.
const MAX_HISTORY_PAGE: usize = 100;
/// How far back (or on) the execution listings look by default: 3 days.
const WINDOW: Duration = Duration::days(3);

/// The operations this module serves, by registry name.
const OPERATIONS: [&str; 13] = [
    "CreateWorkflow",
    "ListWorkflows",
    "GetWorkflow",
    "UpdateWorkflow",
    "BatchDeleteWorkflows",
    "StartWorkflowExecution",
    "StartSyncWorkflowExecution",
    "ListWorkflowExecutions",
    "GetWorkflowExecution",
    "GetWorkflowExecutionPage",
    "RetryWorkflowExecution",
    "StopWorkflowExecution",
    "CallbackWorkflow",
];

/// Whether `name` is a workflow operation this module serves.
pub(super) fn serves(name: &str) -> bool {
    OPERATIONS.contains(&name)
}

fn invalid(message: impl Into<String>) -> ApiError {
    ApiError::bad_request(INVALID, message)
}

fn no_workflow(id: &str) -> ApiError {
    ApiError::not_found(NOT_FOUND, format!("Function flow not found: `{id}`"))
}

fn no_execution(id: &str) -> ApiError {
    ApiError::not_found(
        NOT_FOUND,
        format!("Function flow execution not found: `{id}`"),
    )
}

/// Runs the workflow operation a request routed to.
pub(super) async fn serve(shared: &Arc<Shared>, request: Request<'_>) -> Result<Reply, ApiError> {
    let param = |name: &str| request.matched.param(name).unwrap_or_default().to_owned();
    let query = query_pairs(request.query);
    let body = &request.body[..];
    match request.matched.operation.name {
        "CreateWorkflow" => create(shared, body),
        "ListWorkflows" => list(shared, &query),
        "GetWorkflow" => get(shared, &param("workflow_id")),
        "UpdateWorkflow" => update(shared, &param("workflow_id"), body),
        "BatchDeleteWorkflows" => batch_delete(shared, body),
        "StartWorkflowExecution" => start(shared, &param("workflow_id"), request.headers, body),
        "StartSyncWorkflowExecution" => start_sync(shared, &param("workflow_id"), body).await,
        "ListWorkflowExecutions" => list_executions(shared, &param("workflow_id"), &query),
        "GetWorkflowExecution" => {
            get_execution(shared, &param("workflow_id"), &param("execution_id"))
        }
        "GetWorkflowExecutionPage" => history(shared, &param("workflow_id"), &query),
        "RetryWorkflowExecution" => retry(shared, &param("workflow_id"), &param("execution_id")),
        "StopWorkflowExecution" => stop(shared, &param("workflow_id"), &param("execution_id")),
        "CallbackWorkflow" => callback(shared, &param("workflow_id"), request.headers, body),
        other => Err(ApiError::new(
            StatusCode::NOT_IMPLEMENTED,
            INVALID,
            format!("{other} is not a workflow operation"),
        )),
    }
}

/// A 200 without a body.
fn empty_ok() -> Reply {
    Reply::bytes(StatusCode::OK, APPLICATION_JSON, Vec::new())
}

/// Reads and checks a definition: the JSON as sent and its typed reading.
fn definition(shared: &Shared, body: &[u8]) -> Result<(Value, Definition), ApiError> {
    let raw: Value = serde_json::from_slice(body)
        .map_err(|e| invalid(format!("the body is not a workflow definition: {e}")))?;
    let definition: Definition = serde_json::from_value(raw.clone())
        .map_err(|e| invalid(format!("invalid workflow definition: {e}")))?;
    let exists = |urn: &str| -> Result<bool, String> {
        let target = Target::parse(urn, &shared.site).map_err(|e| e.message)?;
        Ok(shared.state().get(&target.package, &target.name).is_some())
    };
    workflow::validate(&definition, exists).map_err(invalid)?;
    Ok((raw, definition))
}

fn workflow_urn(shared: &Shared, name: &str) -> String {
    format!(
        "urn:fss:{}:{}:workflow:default:{name}:latest",
        shared.site.region, shared.site.project_id
    )
}

fn create(shared: &Arc<Shared>, body: &[u8]) -> Result<Reply, ApiError> {
    let (raw, definition) = definition(shared, body)?;
    let mut store = shared.workflows.lock();
    let name = definition.name().unwrap_or_default().to_owned();
    if store.flow_by_name(&name).is_some() {
        return Err(invalid(format!("the workflow `{name}` already exists")));
    }
    let time = now();
    let flow = Flow {
        id: uuid::Uuid::new_v4().to_string(),
        urn: workflow_urn(shared, &name),
        created: time,
        updated: time,
        raw,
        definition,
        seq: store.next_seq(),
    };
    let reply = Reply::json(StatusCode::CREATED, &flow.summary(CREATED_BY));
    store.flows.insert(flow.id.clone(), flow);
    shared.workflows.report_count(&store);
    Ok(reply)
}

fn update(shared: &Arc<Shared>, id: &str, body: &[u8]) -> Result<Reply, ApiError> {
    let (raw, definition) = definition(shared, body)?;
    let mut store = shared.workflows.lock();
    let name = definition.name().unwrap_or_default().to_owned();
    if store
        .flow_by_name(&name)
        .is_some_and(|other| other.id != id)
    {
        return Err(invalid(format!("the workflow `{name}` already exists")));
    }
    let urn = workflow_urn(shared, &name);
    let flow = store.flows.get_mut(id).ok_or_else(|| no_workflow(id))?;
    flow.raw = raw;
    flow.definition = definition;
    flow.urn = urn;
    flow.updated = now();
    Ok(Reply::ok(&flow.summary(CREATED_BY)))
}

fn get(shared: &Arc<Shared>, id: &str) -> Result<Reply, ApiError> {
    let store = shared.workflows.lock();
    let flow = store.flows.get(id).ok_or_else(|| no_workflow(id))?;
    Ok(Reply::ok(&json!({
        "id": flow.id,
        "workflow_urn": flow.urn,
        "created_by": CREATED_BY,
        "created_time": format_time(flow.created),
        "updated_time": format_time(flow.updated),
        "definition": flow.raw,
    })))
}

/// A non-negative number from the query (`offset` below 0 reads as 0, as the service
/// does); `None` when absent.
fn number(query: &[(String, String)], key: &str) -> Result<Option<i64>, ApiError> {
    match query.iter().find(|(k, _)| k == key) {
        None => Ok(None),
        Some((_, v)) => v
            .trim()
            .parse::<i64>()
            .map(Some)
            .map_err(|_| invalid(format!("`{key}` must be a number, not `{v}`"))),
    }
}

fn text<'q>(query: &'q [(String, String)], key: &str) -> Option<&'q str> {
    query
        .iter()
        .find(|(k, v)| k == key && !v.is_empty())
        .map(|(_, v)| v.as_str())
}

/// The `offset`/`limit` window of a listing (limit above `max` reads as `max`).
fn window(query: &[(String, String)], max: usize) -> Result<(usize, usize), ApiError> {
    let offset = number(query, "offset")?.unwrap_or(0).max(0);
    let limit = number(query, "limit")?.map_or(max, |l| usize::try_from(l.max(0)).unwrap_or(max));
    Ok((
        usize::try_from(offset).unwrap_or(usize::MAX),
        limit.min(max),
    ))
}

fn list(shared: &Arc<Shared>, query: &[(String, String)]) -> Result<Reply, ApiError> {
    let (offset, limit) = window(query, MAX_PAGE)?;
    let name = text(query, "workflow_name");
    let mode = text(query, "mode").map(WorkflowMode::from);
    let project = text(query, "enterprise_project");
    let store = shared.workflows.lock();
    let mut flows: Vec<&Flow> = store
        .flows
        .values()
        .filter(|f| name.is_none_or(|n| f.name() == n))
        .filter(|f| {
            mode.as_ref()
                .is_none_or(|m| f.definition.mode().unwrap_or(&WorkflowMode::Normal) == m)
        })
        .filter(|f| {
            project.is_none_or(|p| f.definition.enterprise_project_id().unwrap_or("0") == p)
        })
        .collect();
    flows.sort_by_key(|f| f.seq);
    let total = flows.len();
    let page: Vec<Value> = flows
        .into_iter()
        .skip(offset)
        .take(limit)
        .map(|f| f.summary(CREATED_BY))
        .collect();
    Ok(Reply::ok(&json!({
        "workflows": page,
        "size": page.len(),
        "total": total,
    })))
}

fn batch_delete(shared: &Arc<Shared>, body: &[u8]) -> Result<Reply, ApiError> {
    let body: Value =
        serde_json::from_slice(body).map_err(|e| invalid(format!("the body is not JSON: {e}")))?;
    let urns = body
        .get("workflow_urns")
        .and_then(Value::as_array)
        .ok_or_else(|| invalid("missing required parameter `workflow_urns`"))?;
    let mut store = shared.workflows.lock();
    let (mut success, mut fail) = (Vec::new(), Vec::new());
    for urn in urns {
        let urn = urn.as_str().unwrap_or_default();
        match store
            .flows
            .values()
            .find(|f| f.urn == urn)
            .map(|f| f.id.clone())
        {
            Some(id) => {
                store.flows.remove(&id);
                shared.workflows.report_count(&store);
                // Its executions go too; a running one's engine stops at its next step.
                store.executions.retain(|_, e| e.workflow_id != id);
                success.push(json!(urn));
            }
            None => fail.push(json!({
                "workflow_urn": urn,
                "error_detail": "Function flow not found.",
            })),
        }
    }
    Ok(Reply::ok(&json!({ "success": success, "fail": fail })))
}

/// Reads a FlowExecuteBody: its `input` (an object) and `headers`.
fn execute_body(body: &[u8]) -> Result<(Value, Map<String, Value>), ApiError> {
    let body: Value =
        serde_json::from_slice(body).map_err(|e| invalid(format!("the body is not JSON: {e}")))?;
    let input = match body.get("input") {
        Some(input @ Value::Object(_)) => input.clone(),
        Some(_) => return Err(invalid("`input` must be a JSON object")),
        None => return Err(invalid("missing required parameter `input`")),
    };
    let headers = match body.get("headers") {
        None | Some(Value::Null) => Map::new(),
        Some(Value::Object(h)) => h.clone(),
        Some(_) => return Err(invalid("`headers` must be a JSON object")),
    };
    Ok((input, headers))
}

/// Records a new execution of the workflow `workflow_id`; its id and start state.
fn record(
    shared: &Shared,
    workflow_id: &str,
    id: Option<&str>,
    input: Value,
    headers: Map<String, Value>,
    merge: bool,
    sync: bool,
) -> Result<(String, String), ApiError> {
    let mut store = shared.workflows.lock();
    let flow = store
        .flows
        .get(workflow_id)
        .ok_or_else(|| no_workflow(workflow_id))?;
    if sync && flow.definition.mode() != Some(&WorkflowMode::Express) {
        return Err(invalid(
            "a synchronous execution needs an EXPRESS workflow; NORMAL workflows start asynchronously",
        ));
    }
    let id = match id {
        Some(id) if store.executions.contains_key(id) => {
            return Err(invalid(format!("the execution `{id}` already exists")));
        }
        Some(id) => id.to_owned(),
        None => uuid::Uuid::new_v4().to_string(),
    };
    let (definition, urn) = (flow.definition.clone(), flow.urn.clone());
    let start = definition.start().unwrap_or_default().to_owned();
    let time = now();
    let seq = store.next_seq();
    store.executions.insert(
        id.clone(),
        Execution {
            id: id.clone(),
            workflow_id: workflow_id.to_owned(),
            workflow_urn: urn,
            definition,
            input,
            headers,
            merge,
            status: Status::Running,
            begin: time,
            end: None,
            updated: time,
            output: None,
            errors: Vec::new(),
            nodes: Vec::new(),
            waiting: None,
            generation: 0,
            listed: !sync,
            seq,
        },
    );
    if let Some(execution) = store.executions.get(&id) {
        shared.workflows.report(execution);
    }
    Ok((id, start))
}

fn header<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|v| !v.is_empty())
}

fn start(
    shared: &Arc<Shared>,
    workflow_id: &str,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<Reply, ApiError> {
    let (input, function_headers) = execute_body(body)?;
    let merge = header(headers, "x-workflowrun-mergefnparameters")
        .is_some_and(|v| v.eq_ignore_ascii_case("true"));
    let run_id = header(headers, "x-workflowrun-id");
    let (id, at) = record(
        shared,
        workflow_id,
        run_id,
        input.clone(),
        function_headers,
        merge,
        false,
    )?;
    workflow::spawn(shared, &id, at, input);
    Ok(Reply::ok(&json!({ "execution_id": id })))
}

async fn start_sync(
    shared: &Arc<Shared>,
    workflow_id: &str,
    body: &[u8],
) -> Result<Reply, ApiError> {
    let (input, function_headers) = execute_body(body)?;
    let (id, _) = record(
        shared,
        workflow_id,
        None,
        input,
        function_headers,
        false,
        true,
    )?;
    workflow::run_sync(shared, &id).await;
    // Synchronous (express) executions are not kept.
    let execution = shared
        .workflows
        .lock()
        .executions
        .remove(&id)
        .ok_or_else(|| no_execution(&id))?;
    let errors: Vec<Value> = execution
        .errors
        .iter()
        .map(|(node, message)| {
            let run = execution
                .nodes
                .iter()
                .find(|n| &n.id == node)
                .and_then(|n| n.runs.last());
            json!({
                "node_id": node,
                "error_message": message,
                "begin_time": run.map(|r| format_time(r.begin)).unwrap_or_default(),
                "end_time": run.and_then(|r| r.end).map(format_time).unwrap_or_default(),
            })
        })
        .collect();
    let status = match execution.status {
        Status::Success => "success",
        Status::Timeout => "timeout",
        _ => "fail",
    };
    Ok(Reply::ok(&json!({
        "execution_id": execution.id,
        "status": status,
        "output": if status == "success" { execution.output.clone().unwrap_or(Value::Null) } else { Value::Null },
        "errors": errors,
        "begin_time": format_time(execution.begin),
        "end_time": execution.end.map(format_time).unwrap_or_default(),
    })))
}

/// A listing's time bound: `YYYY-MM-DD hh:mm:ss` or RFC 3339, UTC.
fn time_bound(query: &[(String, String)], key: &str) -> Result<Option<OffsetDateTime>, ApiError> {
    let Some(value) = text(query, key) else {
        return Ok(None);
    };
    let plain = format_description!("[year]-[month]-[day] [hour]:[minute]:[second]");
    PrimitiveDateTime::parse(value, plain)
        .map(PrimitiveDateTime::assume_utc)
        .or_else(|_| OffsetDateTime::parse(value, &time::format_description::well_known::Rfc3339))
        .map(Some)
        .map_err(|_| {
            invalid(format!(
                "`{key}` must be a UTC time (`YYYY-MM-DD hh:mm:ss`), not `{value}`"
            ))
        })
}

/// The executions of `workflow_id` whose start is in the query's window (3 days by
/// default), newest first.
fn executions_in<'s>(
    store: &'s workflow::Store,
    workflow_id: &str,
    query: &[(String, String)],
) -> Result<Vec<&'s Execution>, ApiError> {
    if !store.flows.contains_key(workflow_id) {
        return Err(no_workflow(workflow_id));
    }
    let (from, to) = match (
        time_bound(query, "start_time")?,
        time_bound(query, "end_time")?,
    ) {
        (Some(from), Some(to)) => (from, to),
        (Some(from), None) => (from, from + WINDOW),
        (None, Some(to)) => (to - WINDOW, to),
        (None, None) => (now() - WINDOW, now() + Duration::seconds(1)),
    };
    let mut executions: Vec<&Execution> = store
        .executions
        .values()
        .filter(|e| e.workflow_id == workflow_id && e.listed)
        // Whole seconds: the bounds are written without fractions.
        .filter(|e| {
            let begin = e.begin.replace_nanosecond(0).unwrap_or(e.begin);
            begin >= from && begin <= to
        })
        .collect();
    executions.sort_by_key(|e| std::cmp::Reverse(e.seq));
    Ok(executions)
}

fn list_executions(
    shared: &Arc<Shared>,
    workflow_id: &str,
    query: &[(String, String)],
) -> Result<Reply, ApiError> {
    let (offset, limit) = window(query, MAX_PAGE)?;
    let status = text(query, "status");
    if let Some(status) = status
        && !["success", "fail", "running", "timeout", "cancel"].contains(&status)
    {
        return Err(invalid(format!("unknown execution status `{status}`")));
    }
    let store = shared.workflows.lock();
    let page: Vec<Value> = executions_in(&store, workflow_id, query)?
        .into_iter()
        .filter(|e| status.is_none_or(|s| e.status.as_str() == s))
        .skip(offset)
        .take(limit)
        .map(|e| e.brief(CREATED_BY))
        .collect();
    Ok(Reply::ok(&json!({ "executions": page })))
}

fn history(
    shared: &Arc<Shared>,
    workflow_id: &str,
    query: &[(String, String)],
) -> Result<Reply, ApiError> {
    let offset =
        number(query, "offset")?.ok_or_else(|| invalid("missing required parameter `offset`"))?;
    let limit =
        number(query, "limit")?.ok_or_else(|| invalid("missing required parameter `limit`"))?;
    if offset < 0 {
        return Err(invalid("`offset` must be 0 or more"));
    }
    if !(1..=i64::try_from(MAX_HISTORY_PAGE).unwrap_or(100)).contains(&limit) {
        return Err(invalid("`limit` must be 1 to 100"));
    }
    let store = shared.workflows.lock();
    let executions = executions_in(&store, workflow_id, query)?;
    let total = executions.len();
    let page: Vec<Value> = executions
        .into_iter()
        .skip(usize::try_from(offset).unwrap_or(usize::MAX))
        .take(usize::try_from(limit).unwrap_or(MAX_HISTORY_PAGE))
        .map(|e| e.brief(CREATED_BY))
        .collect();
    Ok(Reply::ok(&json!({
        "executions": page,
        "size": page.len(),
        "total": total,
    })))
}

/// The execution `id` of the workflow `workflow_id`, for a change.
fn execution_mut<'s>(
    store: &'s mut workflow::Store,
    workflow_id: &str,
    id: &str,
) -> Result<&'s mut Execution, ApiError> {
    if !store.flows.contains_key(workflow_id) {
        return Err(no_workflow(workflow_id));
    }
    store
        .executions
        .get_mut(id)
        .filter(|e| e.workflow_id == workflow_id)
        .ok_or_else(|| no_execution(id))
}

fn get_execution(shared: &Arc<Shared>, workflow_id: &str, id: &str) -> Result<Reply, ApiError> {
    let mut store = shared.workflows.lock();
    let execution = execution_mut(&mut store, workflow_id, id)?;
    Ok(Reply::ok(&execution.details(CREATED_BY)))
}

fn stop(shared: &Arc<Shared>, workflow_id: &str, id: &str) -> Result<Reply, ApiError> {
    let mut store = shared.workflows.lock();
    let execution = execution_mut(&mut store, workflow_id, id)?;
    if execution.status != Status::Running {
        return Err(invalid(format!(
            "the execution `{id}` is not running (it is {})",
            execution.status.as_str()
        )));
    }
    execution.generation += 1;
    execution.finish(Status::Cancel, now());
    shared.workflows.report(execution);
    Ok(empty_ok())
}

fn retry(shared: &Arc<Shared>, workflow_id: &str, id: &str) -> Result<Reply, ApiError> {
    let (at, input) = {
        let mut store = shared.workflows.lock();
        let execution = execution_mut(&mut store, workflow_id, id)?;
        if !matches!(
            execution.status,
            Status::Fail | Status::Cancel | Status::Timeout
        ) {
            return Err(invalid(format!(
                "only a failed or stopped execution can be retried; `{id}` is {}",
                execution.status.as_str()
            )));
        }
        let resume = execution.resume_point();
        execution.generation += 1;
        execution.status = Status::Running;
        execution.end = None;
        execution.output = None;
        execution.errors.clear();
        execution.updated = now();
        shared.workflows.report(execution);
        resume
    };
    workflow::spawn(shared, id, at, input);
    Ok(empty_ok())
}

fn callback(
    shared: &Arc<Shared>,
    workflow_id: &str,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<Reply, ApiError> {
    let run_id = header(headers, "x-workflow-run-id")
        .ok_or_else(|| invalid("missing required header `X-Workflow-Run-Id`"))?;
    let state_id = header(headers, "x-workflow-state-id")
        .ok_or_else(|| invalid("missing required header `X-Workflow-State-Id`"))?;
    let body: Value =
        serde_json::from_slice(body).map_err(|e| invalid(format!("the body is not JSON: {e}")))?;
    let succeeded = match body.get("result").and_then(Value::as_str) {
        Some("success") => true,
        Some("fail") => false,
        Some(other) => {
            return Err(invalid(format!(
                "`result` must be success or fail, not `{other}`"
            )));
        }
        None => return Err(invalid("missing required parameter `result`")),
    };
    let output = match body.get("output") {
        Some(output @ Value::Object(_)) => output.clone(),
        Some(_) => return Err(invalid("`output` must be a JSON object")),
        None => return Err(invalid("missing required parameter `output`")),
    };
    {
        let mut store = shared.workflows.lock();
        let execution = execution_mut(&mut store, workflow_id, run_id)?;
        if execution.status != Status::Running || execution.waiting.as_deref() != Some(state_id) {
            return Err(invalid(format!(
                "the execution `{run_id}` is not waiting for a callback at state `{state_id}`"
            )));
        }
        execution.waiting = None;
        let time = now();
        execution.updated = time;
        let run = execution
            .nodes
            .iter_mut()
            .find(|n| n.id == state_id)
            .and_then(|n| n.runs.last_mut());
        if let Some(run) = run {
            run.end = Some(time);
            if succeeded {
                run.status = Status::Success;
                run.output = Some(output.clone());
            } else {
                run.status = Status::Fail;
                run.error = Some(
                    json!({ "errorMessage": body.get("error").cloned().unwrap_or(Value::Null) }),
                );
            }
        }
        if !succeeded {
            let message = body
                .get("error")
                .and_then(Value::as_str)
                .unwrap_or("the callback reported a failure")
                .to_owned();
            execution.errors.push((state_id.to_owned(), message));
            execution.finish(Status::Fail, time);
            shared.workflows.report(execution);
        }
    }
    if succeeded {
        workflow::resume(shared, run_id, state_id, output);
    }
    Ok(Reply::ok(&json!({ "execution_id": run_id })))
}
