//! The attempt loop, written once for both clients: build the request, authorize it for
//! each attempt, hand it to the transport with the attempt's limits, let the retry
//! policy decide, sleep through the mode's timer, and trace every step.
//!
//! The loop is an `async fn` over an [`Exchange`]. The async client's exchange awaits
//! its transport and its runtime's timer; the blocking client's answers at once (its
//! transport has already answered when the future is created, its sleep is
//! `thread::sleep`), so `block_on` finishes it in one poll.

use std::future::{Future, poll_fn};
use std::pin::pin;
use std::task::Poll;
use std::time::{Duration, Instant};

use bytes::Bytes;
use fgs_proto::{
    Body, Call, Config, Error, Operation, RetryPolicy, Step, TransportError, TransportErrorKind,
};
use http::{Request, Response};

use crate::credentials::says_expired;
use crate::settings::RequestOptions;
use crate::shared::Shared;
use crate::trace::CallTrace;
use crate::transport::AttemptLimits;

/// What one mode supplies to the loop: sending one request, and pausing between
/// attempts.
pub(crate) trait Exchange {
    /// Sends one authorized request within `limits`.
    fn send(
        &self,
        request: Request<Body>,
        limits: AttemptLimits,
    ) -> impl Future<Output = Result<Response<Bytes>, TransportError>>;

    /// Waits before the next attempt.
    fn sleep(&self, delay: Duration) -> impl Future<Output = ()>;
}

/// Runs one call of `operation`: every attempt, until success or a final error.
///
/// The output comes boxed: a function's configuration is over 2 KB, and returned by
/// value it would be copied through every layer of the loop's futures into memory the
/// wait for the answer has let go cold; the box is moved instead, and the client
/// unboxes it once, into the caller's place.
pub(crate) async fn run<O, X>(
    shared: &Shared,
    exchange: &X,
    operation: &O,
    options: RequestOptions,
) -> Result<Box<O::Output>, Error>
where
    O: Operation + ?Sized,
    X: Exchange,
{
    let trace = CallTrace::new(O::NAME);
    let result = attempts(shared, exchange, operation, options, &trace).await;
    trace.finish(&result);
    result
}

/// The limits of one call: each attempt's, and the deadline of the whole call.
#[derive(Clone, Copy)]
struct Limits {
    attempt: AttemptLimits,
    operation_timeout: Option<Duration>,
    deadline: Option<Instant>,
}

async fn attempts<O, X>(
    shared: &Shared,
    exchange: &X,
    operation: &O,
    options: RequestOptions,
    trace: &CallTrace,
) -> Result<Box<O::Output>, Error>
where
    O: Operation + ?Sized,
    X: Exchange,
{
    let (policy, attempt) = shared.resolve(&options);
    let operation_timeout = options.operation_timeout.or(shared.operation_timeout);
    let limits = Limits {
        attempt,
        operation_timeout,
        // One deadline for the whole call, a credential refresh included.
        deadline: operation_timeout.map(|after| Instant::now() + after),
    };
    let Some(resolver) = &shared.credentials else {
        return call(
            &shared.config,
            shared,
            exchange,
            operation,
            policy,
            limits,
            trace,
        )
        .await;
    };
    let config = resolver.config(exchange, &shared.clock, attempt).await?;
    // The first call's result is matched in a block of its own: it is gone before the
    // retry's await, so the future does not hold an output across it.
    {
        match call(
            &config,
            shared,
            exchange,
            operation,
            policy.clone(),
            limits,
            trace,
        )
        .await
        {
            // The service says the credentials expired (before the client thought
            // they would): refresh them once and send the call again.
            Err(error) if says_expired(&error) => resolver.invalidate(&config),
            result => return result,
        }
    }
    let config = resolver.config(exchange, &shared.clock, attempt).await?;
    call(&config, shared, exchange, operation, policy, limits, trace).await
}

/// Every attempt of one call with `config`'s credentials, within `limits`.
async fn call<O, X>(
    config: &Config,
    shared: &Shared,
    exchange: &X,
    operation: &O,
    policy: RetryPolicy,
    limits: Limits,
    trace: &CallTrace,
) -> Result<Box<O::Output>, Error>
where
    O: Operation + ?Sized,
    X: Exchange,
{
    let Limits {
        attempt: mut limits,
        operation_timeout,
        deadline,
    } = limits;
    let attempt_timeout = limits.timeout;
    let mut call = Call::new(operation, config, policy)?;
    // What the pending retry cost the budget (0: none yet), refunded on success.
    let mut retry_cost = 0;
    loop {
        let remaining = deadline.map(|at| at.saturating_duration_since(Instant::now()));
        if let Some(remaining) = remaining {
            // The transport's own timeout ends the attempt at the deadline.
            limits.timeout = attempt_timeout.min(remaining);
        }
        let request = call.next_request((shared.clock)())?;
        trace.attempt(&request);
        // Latencies are only traced: without tracing no clock is read for them.
        let started = cfg!(feature = "tracing").then(Instant::now);
        let sent = match remaining {
            // A transport that ignores its limits is cut off at the deadline too. The
            // timer is created only when the attempt is pending, so the blocking
            // client's (whose attempt is over when its future is created) never runs.
            Some(remaining) => {
                let timer = async move { exchange.sleep(remaining).await };
                race(exchange.send(request, limits), timer)
                    .await
                    .unwrap_or_else(|| Err(operation_timed_out(operation_timeout)))
            }
            None => exchange.send(request, limits).await,
        };
        // Decided in a block of its own, so that the step (which may hold the
        // output, kilobytes for a function's configuration) is not kept in the future
        // across the sleep's await; the future stays small, and cheap to move.
        let delay = {
            let mut cost = shared.budget.cost(None);
            let step = match sent {
                Ok(response) => {
                    trace.response(response.status(), elapsed(started));
                    call.on_response(response)
                }
                Err(error) => {
                    trace.transport_error(&error, elapsed(started));
                    cost = shared.budget.cost(Some(&error));
                    call.on_transport_error(error)
                }
            };
            match step {
                Step::Done(output) => {
                    shared.budget.on_success(retry_cost);
                    return Ok(Box::new(output));
                }
                Step::Retry(delay) => {
                    let past_deadline = deadline.is_some_and(|at| Instant::now() + delay >= at);
                    if past_deadline || !shared.budget.try_acquire(cost) {
                        return Err(call.give_up().unwrap_or_else(|| {
                            Error::Transport(operation_timed_out(operation_timeout))
                        }));
                    }
                    retry_cost = cost;
                    delay
                }
                Step::Failed(error) => return Err(error),
            }
        };
        trace.retry(delay);
        exchange.sleep(delay).await;
    }
}

/// The time since `started`, zero when it was not read.
fn elapsed(started: Option<Instant>) -> Duration {
    started.map_or(Duration::ZERO, |at| at.elapsed())
}

/// The error of an attempt cut off at the call's deadline.
fn operation_timed_out(after: Option<Duration>) -> TransportError {
    let after = after.unwrap_or_default();
    TransportError::new(
        TransportErrorKind::Timeout,
        true,
        format!("the call did not complete within {after:?} (operation timeout)"),
    )
}

/// `first`'s output, or `None` if `second` completes before it. `first` is polled
/// first, so a future that is ready at once wins without `second` being polled.
async fn race<T>(first: impl Future<Output = T>, second: impl Future<Output = ()>) -> Option<T> {
    let mut first = pin!(first);
    let mut second = pin!(second);
    poll_fn(|cx| {
        if let Poll::Ready(output) = first.as_mut().poll(cx) {
            return Poll::Ready(Some(output));
        }
        if second.as_mut().poll(cx).is_ready() {
            return Poll::Ready(None);
        }
        Poll::Pending
    })
    .await
}

#[cfg(test)]
mod tests {
    use fgs_proto::functions::GetMetadata;
    use fgs_proto::model::Function;
    use fgs_proto::{Credentials, RetryPolicy};

    use super::*;
    use crate::ClientSettings;

    /// An exchange whose every answer is at hand: the blocking client's shape.
    struct Ready;

    impl Exchange for Ready {
        fn send(
            &self,
            _request: Request<Body>,
            _limits: AttemptLimits,
        ) -> impl Future<Output = Result<Response<Bytes>, TransportError>> {
            std::future::ready(Ok(Response::new(Bytes::from_static(b"{}"))))
        }

        fn sleep(&self, _delay: Duration) -> impl Future<Output = ()> {
            std::future::ready(())
        }
    }

    /// The loop's futures are moved whole (into `block_on`, into a task): they must
    /// not carry the output (over 2 KB for a function's configuration) across an
    /// await. Holding it, the GetMetadata future was 6.4 KB.
    #[test]
    fn the_loop_future_is_smaller_than_the_output_it_returns() {
        let config = Config::new("http://127.0.0.1:1", "p1", Credentials::token("T")).unwrap();
        let shared = Shared::new(config, ClientSettings::default(), "test");
        let operation = GetMetadata::new("urn:fss:cn-north-4:p1:function:default:f:latest");
        let output = std::mem::size_of::<Function>();
        let future = run(&shared, &Ready, &operation, RequestOptions::default());
        assert!(
            std::mem::size_of_val(&future) < output,
            "the call's future takes {} bytes, the output {output}",
            std::mem::size_of_val(&future)
        );
        let trace = CallTrace::new(GetMetadata::NAME);
        let limits = Limits {
            attempt: AttemptLimits::default(),
            operation_timeout: None,
            deadline: None,
        };
        let attempts_of_one_config = call(
            &shared.config,
            &shared,
            &Ready,
            &operation,
            RetryPolicy::default(),
            limits,
            &trace,
        );
        assert!(std::mem::size_of_val(&attempts_of_one_config) < output);
        // And the loop still ends with the parsed output.
        let parsed = crate::block_on::block_on(future).unwrap();
        assert_eq!(parsed.func_name, None);
    }
}
