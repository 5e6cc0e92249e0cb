//! Invoke and AsyncInvoke.

use std::sync::{Arc, Mutex};
use std::time::Duration;

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use bytes::Bytes;
use fgs_proto::Qualifier;
use http::{HeaderMap, StatusCode};
use serde_json::{Value, json};

use super::{Request, function_mut};
use crate::api::api_error::{ApiError, code};
use crate::api::validate::function::check_memory_value;
use crate::http::reply::{APPLICATION_JSON, Reply};
use crate::http::site::Target;
use crate::runtime::async_log::{AsyncInvocation, AsyncStatus};
use crate::runtime::async_run::{self, AsyncPolicy, Delivery, Job};
use crate::runtime::invocation::{InvocationContext, parse_user_data};
use crate::runtime::runner::{Execution, execute};
use crate::runtime::state::LATEST;
use crate::shared::Shared;

/// How much of the log `X-Cff-Log-Type: tail` returns.
const LOG_TAIL_BYTES: usize = 4 * 1024;
/// `X-Func-Err-Code` of a failed invocation (the service's exact values are unknown;
/// any non-zero value means "function error").
const FUNCTION_ERROR_CODE: &str = "1";

/// The invocation headers a request sent.
#[derive(Debug, Clone, Copy)]
struct Options {
    /// `X-CFF-Request-Version: v1` (JSON envelope) rather than `v0` (raw result).
    v1: bool,
    /// `X-Cff-Log-Type: tail`.
    tail: bool,
    /// `X-Cff-Instance-Memory`.
    memory: Option<u32>,
}

impl Options {
    fn from_headers(headers: &HeaderMap) -> Result<Options, ApiError> {
        let text = |name: &str| {
            headers
                .get(name)
                .map(|v| v.to_str().map(str::trim).unwrap_or("\u{fffd}"))
        };
        let v1 = match text("x-cff-request-version") {
            None => false,
            Some(v) if v.eq_ignore_ascii_case("v0") => false,
            Some(v) if v.eq_ignore_ascii_case("v1") => true,
            Some(other) => {
                return Err(ApiError::invalid(
                    "X-CFF-Request-Version",
                    format!("`{other}` is not v0 or v1"),
                ));
            }
        };
        let tail = text("x-cff-log-type").is_some_and(|v| v.eq_ignore_ascii_case("tail"));
        let memory = match text("x-cff-instance-memory") {
            None => None,
            Some(v) => {
                let memory = v.parse::<i64>().map_err(|_| {
                    ApiError::bad_request(
                        code::MEMORY,
                        format!("X-Cff-Instance-Memory `{v}` is not a number"),
                    )
                })?;
                check_memory_value(memory, true)?;
                u32::try_from(memory).ok()
            }
        };
        Ok(Options { v1, tail, memory })
    }
}

/// The largest event of a synchronous invocation: 6 MB, the service's limit.
pub(crate) const MAX_SYNC_EVENT: usize = 6 * 1024 * 1024;

/// An event above the service's limit for this kind of invocation is refused with 413,
/// as the service refuses it; the SDK sends whatever it is given.
fn check_event_size(body: &[u8], limit: usize, kind: &str) -> Result<(), ApiError> {
    if body.len() <= limit {
        return Ok(());
    }
    Err(ApiError::too_large(
        code::BODY_TOO_LARGE,
        format!(
            "the event of {} bytes is above the {} limit of {kind} invocation",
            body.len(),
            if limit > 0 && limit.is_multiple_of(1024 * 1024) {
                format!("{} MB", limit / (1024 * 1024))
            } else if limit > 0 && limit.is_multiple_of(1024) {
                format!("{} KB", limit / 1024)
            } else {
                format!("{limit} bytes")
            }
        ),
    ))
}

/// The event must be JSON (any value); an empty body is an empty event.
fn check_event(body: &[u8]) -> Result<(), ApiError> {
    if body.is_empty() || serde_json::from_slice::<Value>(body).is_ok() {
        Ok(())
    } else {
        Err(ApiError::bad_request(
            code::BAD_BODY,
            "the event (request body) must be JSON",
        ))
    }
}

/// Resolves the version to run (an alias picks by its rules and weights) and builds the
/// handler's context.
fn prepare(
    shared: &Shared,
    target: &Target,
    headers: &HeaderMap,
    request_id: &str,
    memory: Option<u32>,
    is_async: bool,
) -> Result<InvocationContext, ApiError> {
    let mut state = shared.state();
    let stats = Arc::clone(&state.stats);
    let function = function_mut(&mut state, target)?;
    // Maximum instances 0 disables the function: every invocation is refused (and
    // counted as refused).
    if super::scaling::max_instances(function) == 0 {
        stats.rejected(
            &function.package,
            &function.name,
            crate::runtime::clock::now(),
        );
        return Err(ApiError::new(
            StatusCode::TOO_MANY_REQUESTS,
            code::TOO_MANY_REQUESTS,
            "the function's maximum instances is 0: it takes no invocations",
        ));
    }
    let (version, alias) = match &target.qualifier {
        None => (LATEST.to_owned(), None),
        Some(Qualifier::Version(v)) => (v.clone(), None),
        Some(Qualifier::Alias(a)) => {
            let alias = function
                .alias_mut(a)
                .ok_or_else(|| ApiError::alias_not_found(a))?;
            (alias.pick_version(headers), Some(a.clone()))
        }
    };
    let record = function
        .version(&version)
        .ok_or_else(|| ApiError::version_not_found(&version))?;
    let memory_size = memory
        .or_else(|| {
            record
                .int("memory_size")
                .and_then(|m| u32::try_from(m).ok())
        })
        .unwrap_or(128);
    let timeout = record
        .int("timeout")
        .and_then(|t| u64::try_from(t).ok())
        .unwrap_or(3);
    Ok(InvocationContext {
        request_id: request_id.to_owned(),
        package: function.package.clone(),
        function_name: function.name.clone(),
        version,
        alias,
        memory_size,
        timeout: Duration::from_secs(timeout),
        user_data: parse_user_data(record.text("user_data")),
        is_async,
        log: Mutex::new(Vec::new()),
        stats: Some(stats),
    })
}

/// `POST /functions/{urn}/invocations`.
pub(crate) async fn sync(
    shared: &Arc<Shared>,
    target: Target,
    request: Request<'_>,
) -> Result<Reply, ApiError> {
    let options = Options::from_headers(request.headers)?;
    check_event_size(&request.body, MAX_SYNC_EVENT, "a synchronous")?;
    check_event(&request.body)?;
    let execution = run_function(
        shared,
        &target,
        request.headers,
        request.request_id,
        options.memory,
        request.body,
    )
    .await?;
    Ok(sync_reply(request.request_id, &execution, options))
}

/// Runs the function `target` on `event` as a synchronous invocation: the version (or
/// the alias's pick) resolved, the function's memory (or `memory`) and timeout, its
/// handler. Invoke and the emulator's workflow states both call functions this way.
pub(crate) async fn run_function(
    shared: &Arc<Shared>,
    target: &Target,
    headers: &HeaderMap,
    request_id: &str,
    memory: Option<u32>,
    event: bytes::Bytes,
) -> Result<Execution, ApiError> {
    let context = prepare(shared, target, headers, request_id, memory, false)?;
    let handler = shared.handler(&context.function_name);
    Ok(execute(handler, event, context).await)
}

fn sync_reply(request_id: &str, execution: &Execution, options: Options) -> Reply {
    let log = options.tail.then(|| {
        let bytes = execution.log.as_bytes();
        BASE64.encode(&bytes[bytes.len().saturating_sub(LOG_TAIL_BYTES)..])
    });
    let error_body = execution.result.as_ref().err().map(|e| e.body());
    let reply = if options.v1 {
        let result = match (&execution.result, &error_body) {
            (Ok(output), _) => String::from_utf8_lossy(output).into_owned(),
            (Err(_), Some(body)) => body.to_string(),
            (Err(e), None) => e.to_string(),
        };
        Reply::ok(&json!({
            "request_id": request_id,
            "result": result,
            "log": log.clone().unwrap_or_default(),
            "status": if execution.result.is_ok() { 200 } else { 500 },
        }))
    } else {
        match (&execution.result, &error_body) {
            (Ok(output), _) => {
                let content_type = if serde_json::from_slice::<Value>(output).is_ok() {
                    APPLICATION_JSON
                } else {
                    "text/plain; charset=utf-8"
                };
                Reply::bytes(StatusCode::OK, content_type, output.clone())
            }
            (_, Some(body)) => Reply::ok(body),
            (Err(e), None) => Reply::ok(&json!(e.to_string())),
        }
    };
    let summary = json!({
        "duration": (execution.duration.as_secs_f64() * 1_000_000.0).round() / 1000.0,
        "billingDuration": execution.billing_ms(),
        "memorySize": execution.memory_size,
        "memoryUsed": execution.memory_used_mb(),
    });
    let failed = execution.result.is_err();
    let reply = reply
        .header("x-cff-request-id", request_id)
        .header("x-cff-invoke-summary", &summary.to_string())
        .header(
            "x-cff-billing-duration",
            &execution.billing_ms().to_string(),
        )
        .header(
            "x-cff-response-version",
            if options.v1 { "v1" } else { "v0" },
        )
        .header(
            "x-func-err-code",
            if failed { FUNCTION_ERROR_CODE } else { "0" },
        )
        .header("x-is-func-err", if failed { "true" } else { "false" });
    match log {
        Some(log) => reply.header("x-cff-function-log", &log),
        None => reply,
    }
}

/// `POST /functions/{urn}/invocations-async` → 202 `{"request_id": ...}`; the handler
/// runs in the background as the function's async configuration says, and its record
/// goes to the async log.
pub(crate) fn start_async(
    shared: &Arc<Shared>,
    target: Target,
    request: Request<'_>,
) -> Result<Reply, ApiError> {
    let options = Options::from_headers(request.headers)?;
    check_event_size(
        &request.body,
        shared.async_settings.max_event_bytes,
        "an asynchronous",
    )?;
    check_event(&request.body)?;
    accept(
        shared,
        &target,
        request.headers,
        request.body,
        request.request_id,
        options.memory,
        0,
    )?;
    Ok(Reply::json(
        StatusCode::ACCEPTED,
        &json!({ "request_id": request.request_id }),
    ))
}

/// Records an asynchronous invocation of `target` (WAIT) and starts its run; when the
/// run ends with a delivery, the destination function is invoked the same way.
fn accept(
    shared: &Arc<Shared>,
    target: &Target,
    headers: &HeaderMap,
    event: Bytes,
    request_id: &str,
    memory: Option<u32>,
    hops: u32,
) -> Result<(), ApiError> {
    let context = prepare(shared, target, headers, request_id, memory, true)?;
    let qualifier = target.qualifier_or_latest();
    let policy = {
        let state = shared.state();
        let function = super::function(&state, target)?;
        AsyncPolicy::of(
            function
                .async_configs
                .iter()
                .find(|c| c.qualifier == qualifier),
        )
    };
    let accepted_at = shared.clock.now();
    shared.async_log.start(AsyncInvocation {
        request_id: request_id.to_owned(),
        package: context.package.clone(),
        function_name: context.function_name.clone(),
        qualifier: target.qualifier.as_ref().map(Qualifier::to_string),
        version: context.version.clone(),
        event: event.to_vec(),
        status: AsyncStatus::Pending,
        log: String::new(),
        attempts: 0,
        accepted_at: accepted_at.into(),
        finished_at: None,
    });
    let job = Job {
        function_urn: shared.site.qualified_urn(
            &context.package,
            &context.function_name,
            &qualifier,
        ),
        context,
        event,
        policy,
        accepted_at,
        hops,
    };
    let shared = Arc::clone(shared);
    tokio::spawn(async move {
        if let Some(delivery) = async_run::run(&shared, job).await {
            deliver(&shared, delivery);
        }
    });
    Ok(())
}

/// Invokes a destination function asynchronously with an outcome's record; a
/// destination that cannot be invoked (gone, malformed) is noted in the source's log.
fn deliver(shared: &Arc<Shared>, delivery: Delivery) {
    let request_id = uuid::Uuid::new_v4().to_string();
    let event = Bytes::from(delivery.event.to_string());
    let sent = Target::parse(&delivery.function_urn, &shared.site).and_then(|target| {
        accept(
            shared,
            &target,
            &HeaderMap::new(),
            event,
            &request_id,
            None,
            delivery.hops,
        )
    });
    let line = match sent {
        Ok(()) => format!(
            "destination {} invoked, request '{request_id}'\n",
            delivery.function_urn
        ),
        Err(e) => format!(
            "destination {} not invoked: {}\n",
            delivery.function_urn, e.message
        ),
    };
    shared
        .async_log
        .update(&delivery.source, |r| r.log.push_str(&line));
}
