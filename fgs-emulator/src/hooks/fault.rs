//! Fault injection: make the next requests fail, stall or lose their connection.

use std::sync::Mutex;
use std::time::Duration;

use bytes::Bytes;
use http::StatusCode;

use crate::api::routes::Route;

/// A fault for the next matching requests (see [`Emulator::inject`](crate::Emulator::inject)).
///
/// A fault applies after the request has been read in full and before it is
/// authenticated or processed. Faults are consumed in the order injected; each matching
/// request uses up one of the first pending fault's `times`.
///
/// ```
/// use std::time::Duration;
/// use fgs_emulator::{Fault, Route};
///
/// // Twice: 503 with `Retry-After: 1` on GetMetadata.
/// let busy = Fault::status(503).retry_after_secs(1).times(2).on(Route::of::<fgs_proto::functions::GetMetadata>());
/// // Once, on any request: wait 200 ms, then close the connection without answering.
/// let reset = Fault::drop_connection().after(Duration::from_millis(200));
/// // Three times: answer normally, but only after 2 s.
/// let slow = Fault::delay(Duration::from_secs(2)).times(3);
/// # let _ = (busy, reset, slow);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fault {
    route: Route,
    times: u32,
    delay: Duration,
    action: FaultAction,
}

/// What a fault does once its delay has passed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum FaultAction {
    /// Answer with this status, body and `Retry-After`.
    Respond {
        status: StatusCode,
        body: Option<Bytes>,
        retry_after: Option<String>,
    },
    /// Close the connection without answering.
    DropConnection,
    /// Process the request normally.
    Proceed,
}

impl Fault {
    fn with(action: FaultAction) -> Self {
        Fault {
            route: Route::Any,
            times: 1,
            delay: Duration::ZERO,
            action,
        }
    }

    /// Answer with `status` and the FSS-style body
    /// `{"error_code":"FSS.0{status}","error_msg":"injected fault"}`. A number that is not
    /// an HTTP status becomes 500.
    pub fn status(status: u16) -> Self {
        Fault::with(FaultAction::Respond {
            status: StatusCode::from_u16(status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR),
            body: None,
            retry_after: None,
        })
    }

    /// Close the connection without answering (after reading the request).
    pub fn drop_connection() -> Self {
        Fault::with(FaultAction::DropConnection)
    }

    /// Answer normally, but only after `delay`.
    pub fn delay(delay: Duration) -> Self {
        Fault::with(FaultAction::Proceed).after(delay)
    }

    /// Only requests to this operation (default: [`Route::Any`]).
    pub fn on(mut self, route: Route) -> Self {
        self.route = route;
        self
    }

    /// Apply to this many requests (default 1).
    pub fn times(mut self, times: u32) -> Self {
        self.times = times;
        self
    }

    /// Wait this long before acting.
    pub fn after(mut self, delay: Duration) -> Self {
        self.delay = delay;
        self
    }

    /// The answer body of a [`Fault::status`] fault (sent with
    /// `Content-Type: application/json`). Ignored by other faults.
    pub fn body(mut self, body: impl Into<Vec<u8>>) -> Self {
        if let FaultAction::Respond { body: slot, .. } = &mut self.action {
            *slot = Some(Bytes::from(body.into()));
        }
        self
    }

    /// The `Retry-After` header value of a [`Fault::status`] fault, as sent (seconds or
    /// an HTTP date). Ignored by other faults.
    pub fn retry_after(mut self, value: impl Into<String>) -> Self {
        if let FaultAction::Respond { retry_after, .. } = &mut self.action {
            *retry_after = Some(value.into());
        }
        self
    }

    /// `Retry-After: {seconds}`.
    pub fn retry_after_secs(self, seconds: u64) -> Self {
        self.retry_after(seconds.to_string())
    }
}

/// A fault that fired for one request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Fired {
    pub delay: Duration,
    pub action: FaultAction,
}

/// Pending faults, shared by all connections.
#[derive(Debug, Default)]
pub(crate) struct FaultQueue {
    faults: Mutex<Vec<Fault>>,
}

impl FaultQueue {
    pub(crate) fn push(&self, fault: Fault) {
        if fault.times > 0 {
            self.lock().push(fault);
        }
    }

    /// Uses up one application of the first fault that matches `route`.
    pub(crate) fn take(&self, route: Option<Route>) -> Option<Fired> {
        let mut faults = self.lock();
        let index = faults.iter().position(|f| f.route.matches(route))?;
        let fault = &mut faults[index];
        let fired = Fired {
            delay: fault.delay,
            action: fault.action.clone(),
        };
        fault.times -= 1;
        if fault.times == 0 {
            faults.remove(index);
        }
        Some(fired)
    }

    pub(crate) fn clear(&self) {
        self.lock().clear();
    }

    /// How many applications are left across all faults.
    pub(crate) fn pending(&self) -> u64 {
        self.lock().iter().map(|f| u64::from(f.times)).sum()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Fault>> {
        self.faults.lock().unwrap_or_else(|p| p.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn consumed_in_order_per_route() {
        let queue = FaultQueue::default();
        queue.push(
            Fault::status(503)
                .times(2)
                .on(Route::of::<fgs_proto::functions::GetMetadata>()),
        );
        queue.push(Fault::drop_connection());
        queue.push(Fault::status(500).times(0));
        assert_eq!(queue.pending(), 3);
        // A List request skips the GetMetadata fault and takes the catch-all one.
        assert_eq!(
            queue
                .take(Some(Route::of::<fgs_proto::functions::List>()))
                .unwrap()
                .action,
            FaultAction::DropConnection
        );
        for _ in 0..2 {
            let fired = queue
                .take(Some(Route::of::<fgs_proto::functions::GetMetadata>()))
                .unwrap();
            assert!(matches!(fired.action, FaultAction::Respond { status, .. } if status == 503));
        }
        assert_eq!(
            queue.take(Some(Route::of::<fgs_proto::functions::GetMetadata>())),
            None
        );
        assert_eq!(queue.pending(), 0);
    }

    #[test]
    fn builders() {
        let f = Fault::status(429)
            .retry_after_secs(3)
            .body("x")
            .after(Duration::from_millis(5));
        assert_eq!(
            f.action,
            FaultAction::Respond {
                status: StatusCode::TOO_MANY_REQUESTS,
                body: Some(Bytes::from_static(b"x")),
                retry_after: Some("3".into())
            }
        );
        assert_eq!(f.delay, Duration::from_millis(5));
        assert!(
            matches!(Fault::status(7).action, FaultAction::Respond { status, .. } if status == 500)
        );
        let d = Fault::delay(Duration::from_secs(1)).retry_after("ignored");
        assert_eq!(
            (d.action, d.delay),
            (FaultAction::Proceed, Duration::from_secs(1))
        );
    }
}
