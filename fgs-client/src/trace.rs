//! Call tracing for transports: one span per call, events per attempt and per retry.
//!
//! With the `tracing` feature, [`CallTrace`] opens an `fgs.call` span (fields
//! `operation`, `method`, `path`, `attempt`) and emits events under it: `fgs.attempt`
//! when a request is handed to the transport, `fgs.response` (status, latency) or
//! `fgs.transport_error` (kind, latency, message) when it comes back, `fgs.retry` with the
//! delay, and `fgs.failed` with the final error. Without the feature every method is an
//! empty inline function, so transports call them unconditionally.
//!
//! Nothing secret is recorded: no header is logged (the `Authorization`, `X-Auth-Token`
//! and `X-Security-Token` values never reach a subscriber), only the method, the URI path
//! and what the service or transport said. Latencies are measured by the transport and
//! passed in; this module reads no clock.

use std::sync::atomic::{AtomicU32, Ordering};
use std::time::Duration;

use http::{Request, StatusCode};

use fgs_proto::{Error, TransportError};

/// The trace of one call. Create it before the first attempt, report each step.
///
/// ```
/// use std::time::Duration;
/// use fgs_client::trace::CallTrace;
///
/// let trace = CallTrace::new("GetMetadata");
/// let request = http::Request::get("http://127.0.0.1/v2/p/fgs/functions/f/config").body(())?;
/// trace.attempt(&request);
/// trace.response(http::StatusCode::SERVICE_UNAVAILABLE, Duration::from_millis(12));
/// trace.retry(Duration::from_millis(200));
/// assert_eq!(trace.attempts(), 1);
/// # Ok::<(), http::Error>(())
/// ```
#[derive(Debug)]
pub struct CallTrace {
    #[cfg(feature = "tracing")]
    span: tracing::Span,
    // Atomic rather than `Cell` so that `&CallTrace` is `Send`: async transports hold it
    // across `.await`s in futures that must be `Send`.
    attempt: AtomicU32,
}

impl CallTrace {
    /// Opens the trace of a call of `operation` (an [`Operation::NAME`](fgs_proto::Operation::NAME)).
    #[inline]
    pub fn new(operation: &'static str) -> Self {
        #[cfg(not(feature = "tracing"))]
        let _ = operation;
        CallTrace {
            #[cfg(feature = "tracing")]
            span: tracing::info_span!(
                "fgs.call",
                operation,
                method = tracing::field::Empty,
                path = tracing::field::Empty,
                attempt = 0u32,
            ),
            attempt: AtomicU32::new(0),
        }
    }

    /// The `fgs.call` span, to parent events of your own.
    #[cfg(feature = "tracing")]
    pub fn span(&self) -> &tracing::Span {
        &self.span
    }

    /// Attempts reported so far.
    pub fn attempts(&self) -> u32 {
        self.attempt.load(Ordering::Relaxed)
    }

    /// A request is about to be sent.
    #[inline]
    pub fn attempt<B>(&self, request: &Request<B>) {
        let _attempt = self.attempt.fetch_add(1, Ordering::Relaxed) + 1;
        #[cfg(feature = "tracing")]
        {
            let attempt = _attempt;
            let method = request.method().as_str();
            let path = request.uri().path();
            self.span.record("method", method);
            self.span.record("path", path);
            self.span.record("attempt", attempt);
            tracing::debug!(parent: &self.span, attempt, method, path, "fgs.attempt");
        }
        #[cfg(not(feature = "tracing"))]
        let _ = request;
    }

    /// The attempt got a response with `status` after `latency`.
    #[inline]
    pub fn response(&self, status: StatusCode, latency: Duration) {
        #[cfg(feature = "tracing")]
        tracing::info!(
            parent: &self.span,
            attempt = self.attempts(),
            status = status.as_u16(),
            latency_ms = millis(latency),
            "fgs.response"
        );
        #[cfg(not(feature = "tracing"))]
        let _ = (status, latency);
    }

    /// The attempt failed in the transport after `latency`.
    #[inline]
    pub fn transport_error(&self, error: &TransportError, latency: Duration) {
        #[cfg(feature = "tracing")]
        tracing::warn!(
            parent: &self.span,
            attempt = self.attempts(),
            kind = ?error.kind(),
            request_sent = error.request_sent(),
            latency_ms = millis(latency),
            error = %error,
            "fgs.transport_error"
        );
        #[cfg(not(feature = "tracing"))]
        let _ = (error, latency);
    }

    /// The call will be retried after `delay`.
    #[inline]
    pub fn retry(&self, delay: Duration) {
        #[cfg(feature = "tracing")]
        tracing::info!(
            parent: &self.span,
            attempt = self.attempts(),
            delay_ms = millis(delay),
            "fgs.retry"
        );
        #[cfg(not(feature = "tracing"))]
        let _ = delay;
    }

    /// The call ended; reports the error if it failed.
    #[inline]
    pub fn finish<T>(&self, result: &Result<T, Error>) {
        #[cfg(feature = "tracing")]
        match result {
            Ok(_) => tracing::debug!(parent: &self.span, attempts = self.attempts(), "fgs.done"),
            Err(error) => tracing::warn!(
                parent: &self.span,
                attempts = self.attempts(),
                status = error.status().map(|s| s.as_u16()),
                code = error.code(),
                request_id = error.request_id(),
                error = %error,
                "fgs.failed"
            ),
        }
        #[cfg(not(feature = "tracing"))]
        let _ = result;
    }
}

#[cfg(feature = "tracing")]
fn millis(duration: Duration) -> u64 {
    u64::try_from(duration.as_millis()).unwrap_or(u64::MAX)
}
