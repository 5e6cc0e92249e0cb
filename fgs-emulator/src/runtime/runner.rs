//! Runs a handler off the async workers, with the function's timeout, and writes the
//! invocation log the way the service does (start and finish lines around the user's).

use std::sync::Arc;
use std::time::{Duration, Instant};

use bytes::Bytes;

use crate::runtime::clock::{now, rfc3339};
use crate::runtime::invocation::{FunctionError, Handler, InvocationContext};

/// What one invocation produced.
#[derive(Debug)]
pub(crate) struct Execution {
    pub result: Result<Vec<u8>, FunctionError>,
    pub log: String,
    pub duration: Duration,
    pub memory_size: u32,
}

impl Execution {
    /// Billed milliseconds: the duration rounded up, at least 1.
    pub(crate) fn billing_ms(&self) -> u128 {
        self.duration.as_micros().div_ceil(1000).max(1)
    }

    /// A plausible, stable memory figure for summaries (MB).
    pub(crate) fn memory_used_mb(&self) -> f64 {
        f64::from(self.memory_size.min(32))
    }
}

/// Runs `handler` on `event`.
pub(crate) async fn execute(
    handler: Arc<dyn Handler>,
    event: Bytes,
    context: InvocationContext,
) -> Execution {
    let context = Arc::new(context);
    let started_at = now();
    let started = Instant::now();
    let task = tokio::task::spawn_blocking({
        let context = Arc::clone(&context);
        move || handler.invoke(&event, &context)
    });
    let result = match tokio::time::timeout(context.timeout, task).await {
        Ok(Ok(result)) => result,
        Ok(Err(join_error)) => Err(FunctionError::new("Panic", panic_message(join_error))),
        Err(_) => Err(FunctionError::new(
            "TimeoutError",
            format!(
                "invocation timed out after {} seconds",
                context.timeout.as_secs()
            ),
        )),
    };
    let duration = started.elapsed();
    let mut execution = Execution {
        result,
        log: String::new(),
        duration,
        memory_size: context.memory_size,
    };
    execution.log = render_log(&context, started_at, &execution);
    crate::runtime::stats::record(&context, &execution);
    execution
}

fn panic_message(error: tokio::task::JoinError) -> String {
    match error.try_into_panic() {
        Ok(payload) => payload
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "the handler panicked".to_owned()),
        Err(_) => "the handler was cancelled".to_owned(),
    }
}

fn render_log(
    context: &InvocationContext,
    started_at: time::OffsetDateTime,
    execution: &Execution,
) -> String {
    let id = context.request_id();
    let mut log = format!(
        "{} Start invoke request '{id}', version: {}\n",
        rfc3339(started_at),
        context.version()
    );
    for line in context.log_lines() {
        log.push_str(&line);
        log.push('\n');
    }
    let outcome = if execution.result.is_ok() {
        "Success"
    } else {
        "Failed"
    };
    log.push_str(&format!(
        "{} Finish invoke request '{id}'(invoke {outcome}), duration: {:.3}ms, billing duration: {}ms, memory used: {:.3}MB, billing memory: {}MB\n",
        rfc3339(now()),
        execution.duration.as_secs_f64() * 1000.0,
        execution.billing_ms(),
        execution.memory_used_mb(),
        context.memory_size(),
    ));
    log
}
