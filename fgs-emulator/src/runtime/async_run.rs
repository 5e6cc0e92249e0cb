//! Runs accepted asynchronous invocations as the function's async configuration says:
//! waits for the start, retries a failing handler up to `max_async_retry_attempts`
//! times while the event is younger than `max_async_event_age_in_seconds`, moves the
//! record's status (WAIT → RUNNING → SUCCESS / FAIL / DISCARD), and says which
//! destination function gets the outcome, with the record the service sends:
//!
//! ```json
//! {"timestamp": "…", "request_context": {"request_id": "…", "function_urn": "…",
//!   "condition": "", "approximate_invoke_count": 1}, "request_payload": "…",
//!   "response_context": {"status_code": 200, "function_error": ""},
//!   "response_payload": "…"}
//! ```
//!
//! Waits are measured on the emulator's [`Clock`](crate::runtime::clock::Clock), so a
//! test that moves it ahead ends them at once.

use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use serde_json::{Value, json};
use time::OffsetDateTime;

use crate::runtime::async_log::AsyncStatus;
use crate::runtime::clock::rfc3339;
use crate::runtime::invocation::InvocationContext;
use crate::runtime::runner::{Execution, execute};
use crate::runtime::state::AsyncConfigRecord;
use crate::shared::Shared;

/// The largest event of an asynchronous invocation by default: 256 KB, the service's
/// limit.
pub(crate) const DEFAULT_MAX_ASYNC_EVENT: usize = 256 * 1024;
/// How old an event may grow without a configuration (and when a configuration leaves
/// it out): 3 600 s, the service's default.
pub(crate) const DEFAULT_MAX_EVENT_AGE: Duration = Duration::from_secs(3600);
/// Retries when a configuration leaves `max_async_retry_attempts` out: 1, the
/// service's default. Without any configuration a failed invocation is not retried, as
/// the service documents ("by default, FunctionGraph does not retry").
pub(crate) const DEFAULT_MAX_RETRIES: u32 = 1;
/// How many destination hops an outcome may travel: a destination's own outcome is
/// sent on to its destinations up to this depth, so that two functions naming each
/// other (which the service warns against) do not call each other forever.
pub(crate) const MAX_DESTINATION_HOPS: u32 = 4;

/// How the emulator paces asynchronous invocations (see the builder).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct AsyncSettings {
    /// How long an accepted invocation waits before its first attempt.
    pub start_delay: Duration,
    /// How long a failed attempt waits before its retry.
    pub retry_interval: Duration,
    /// The largest event accepted.
    pub max_event_bytes: usize,
}

impl Default for AsyncSettings {
    fn default() -> Self {
        AsyncSettings {
            start_delay: Duration::ZERO,
            retry_interval: Duration::ZERO,
            max_event_bytes: DEFAULT_MAX_ASYNC_EVENT,
        }
    }
}

/// What governs one invocation: its retries, its age and where its outcome goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct AsyncPolicy {
    pub max_retries: u32,
    pub max_age: Duration,
    /// The URN of the function that gets successes.
    pub on_success: Option<String>,
    /// The URN of the function that gets failures and discards.
    pub on_failure: Option<String>,
}

impl AsyncPolicy {
    /// The policy of a version or alias with `config` (or none).
    pub(crate) fn of(config: Option<&AsyncConfigRecord>) -> Self {
        let Some(config) = config else {
            return AsyncPolicy {
                max_retries: 0,
                max_age: DEFAULT_MAX_EVENT_AGE,
                on_success: None,
                on_failure: None,
            };
        };
        let function = |key: &str| {
            let destination = config.destinations.as_ref()?.get(key)?;
            if destination.get("destination")?.as_str()? != "FunctionGraph" {
                return None;
            }
            function_destination(destination.get("param")?.as_str()?)
        };
        AsyncPolicy {
            max_retries: config.max_retries,
            max_age: config.max_age,
            on_success: function("on_success"),
            on_failure: function("on_failure"),
        }
    }
}

/// The `func_urn` of a FunctionGraph destination's `param` (a JSON object as text).
pub(crate) fn function_destination(param: &str) -> Option<String> {
    let param: Value = serde_json::from_str(param).ok()?;
    Some(param.get("func_urn")?.as_str()?.to_owned())
}

/// One accepted invocation.
pub(crate) struct Job {
    pub context: InvocationContext,
    pub event: Bytes,
    pub policy: AsyncPolicy,
    /// When it was accepted (the emulator's clock).
    pub accepted_at: OffsetDateTime,
    /// The invoked URN with its qualifier (`…:latest` when unqualified).
    pub function_urn: String,
    /// How many destination hops brought the event here (0: a client's AsyncInvoke).
    pub hops: u32,
}

/// An outcome to send to a destination function.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Delivery {
    /// The request that produced it.
    pub source: String,
    /// The destination function.
    pub function_urn: String,
    /// The record, the destination's event.
    pub event: Value,
    /// The hops of the delivered invocation.
    pub hops: u32,
}

/// Runs `job` to its end; the delivery its outcome calls for, if any. A cancelled
/// invocation ends without one.
pub(crate) async fn run(shared: &Arc<Shared>, job: Job) -> Option<Delivery> {
    let id = job.context.request_id.clone();
    let settings = shared.async_settings;
    if !wait_until(shared, job.accepted_at + settings.start_delay, &id).await {
        return None;
    }
    let handler = shared.handler(&job.context.function_name);
    let mut attempts = 0_u32;
    let mut first_start: Option<OffsetDateTime> = None;
    let mut last: Option<Execution> = None;
    loop {
        let now = shared.clock.now();
        let age: Duration = (now - job.accepted_at).try_into().unwrap_or_default();
        if age > job.policy.max_age {
            finish(shared, &id, AsyncStatus::Discarded)?;
            let started = first_start.unwrap_or(job.accepted_at);
            return delivery(
                &job,
                job.policy.on_failure.as_ref(),
                envelope(&job, "EventAgeExceeded", attempts, last.as_ref(), started),
            );
        }
        let started = shared.async_log.update(&id, |r| {
            if r.status == AsyncStatus::Cancelled {
                return false;
            }
            r.status = AsyncStatus::Running;
            r.attempts += 1;
            true
        });
        if started == Some(false) {
            return None;
        }
        let started_at = *first_start.get_or_insert(now);
        let execution = execute(Arc::clone(&handler), job.event.clone(), job.context.fresh()).await;
        attempts += 1;
        // Taken before the log shows the attempt's end, so that a test which moves the
        // clock once it sees that end also moves it past the retry's due time.
        let ended = shared.clock.now();
        shared
            .async_log
            .update(&id, |r| r.log.push_str(&execution.log));
        match &execution.result {
            Ok(output) => {
                finish(shared, &id, AsyncStatus::Succeeded(output.clone()))?;
                return delivery(
                    &job,
                    job.policy.on_success.as_ref(),
                    envelope(&job, "", attempts, Some(&execution), started_at),
                );
            }
            Err(_) if attempts <= job.policy.max_retries => {
                last = Some(execution);
                let due = ended + settings.retry_interval;
                if !wait_until(shared, due, &id).await {
                    return None;
                }
            }
            Err(error) => {
                finish(shared, &id, AsyncStatus::Failed(error.clone()))?;
                return delivery(
                    &job,
                    job.policy.on_failure.as_ref(),
                    envelope(
                        &job,
                        "RetriesExhausted",
                        attempts,
                        Some(&execution),
                        started_at,
                    ),
                );
            }
        }
    }
}

/// Ends the record with `status`; `None` if it was cancelled meanwhile (its outcome is
/// dropped). A record the bounded log forgot still counts as ended.
fn finish(shared: &Shared, request_id: &str, status: AsyncStatus) -> Option<()> {
    let now = shared.clock.now();
    let ended = shared.async_log.update(request_id, |r| {
        if r.status == AsyncStatus::Cancelled {
            return false;
        }
        r.status = status;
        r.finished_at = Some(now.into());
        true
    });
    (ended != Some(false)).then_some(())
}

fn delivery(job: &Job, destination: Option<&String>, event: Value) -> Option<Delivery> {
    let function_urn = destination?.clone();
    (job.hops < MAX_DESTINATION_HOPS).then(|| Delivery {
        source: job.context.request_id.clone(),
        function_urn,
        event,
        hops: job.hops + 1,
    })
}

/// The record a destination gets. `condition` is empty on success,
/// `RetriesExhausted` when the last attempt failed, `EventAgeExceeded` when the event
/// grew too old. `status_code` is 200 when the handler ran (a function error is in
/// `function_error`, its type, and in `response_payload`, the error body), 0 when it
/// never ran.
fn envelope(
    job: &Job,
    condition: &str,
    attempts: u32,
    last: Option<&Execution>,
    started: OffsetDateTime,
) -> Value {
    let (status_code, function_error, payload) = match last.map(|e| &e.result) {
        None => (0, String::new(), String::new()),
        Some(Ok(output)) => (
            200,
            String::new(),
            String::from_utf8_lossy(output).into_owned(),
        ),
        Some(Err(error)) => (200, error.error_type().to_owned(), error.body().to_string()),
    };
    json!({
        "timestamp": rfc3339(started),
        "request_context": {
            "request_id": job.context.request_id,
            "function_urn": job.function_urn,
            "condition": condition,
            "approximate_invoke_count": attempts,
        },
        "request_payload": String::from_utf8_lossy(&job.event),
        "response_context": {
            "status_code": status_code,
            "function_error": function_error,
        },
        "response_payload": payload,
    })
}

/// Waits until the emulator's clock reaches `due`; `false` if the invocation was
/// cancelled first. Wakes early when the clock moves or an invocation is cancelled.
async fn wait_until(shared: &Shared, due: OffsetDateTime, request_id: &str) -> bool {
    loop {
        let woken = shared.async_log.wake.notified();
        tokio::pin!(woken);
        // Registered before the checks, so a wake between them is not missed.
        woken.as_mut().enable();
        if shared.async_log.is_cancelled(request_id) {
            return false;
        }
        let left: Duration = (due - shared.clock.now()).try_into().unwrap_or_default();
        if left.is_zero() {
            return true;
        }
        tokio::select! {
            () = tokio::time::sleep(left) => {}
            () = &mut woken => {}
        }
    }
}
