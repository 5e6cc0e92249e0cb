//! The attempt loop, written once for both clients: build the request, authorize it for
//! each attempt, hand it to the transport with the attempt's limits, let the retry
//! policy decide, sleep through the mode's timer, and trace every step.
//!
//! The loop is an `async fn` over an [`Exchange`]. The async client's exchange awaits
//! its transport and its runtime's timer; the blocking client's answers at once (its
//! transport has already answered when the future is created, its sleep is
//! `thread::sleep`), so `block_on` finishes it in one poll.

use std::future::Future;
use std::time::{Duration, Instant};

use bytes::Bytes;
use fgs_proto::{Body, Call, Config, Error, Operation, RetryPolicy, Step, TransportError};
use http::{Request, Response};

use crate::credentials::says_expired;
use crate::settings::RequestOptions;
use crate::shared::Shared;
use crate::trace::CallTrace;
use crate::transport::AttemptLimits;

/// What one mode supplies to the loop: sending one request, and pausing between
/// attempts.
pub(crate) trait Exchange {
    /// Sends one authorized request.
    fn send(
        &self,
        request: Request<Body>,
    ) -> impl Future<Output = Result<Response<Bytes>, TransportError>>;

    /// Waits before the next attempt.
    fn sleep(&self, delay: Duration) -> impl Future<Output = ()>;
}

/// Runs one call of `operation`: every attempt, until success or a final error.
pub(crate) async fn run<O, X>(
    shared: &Shared,
    exchange: &X,
    operation: &O,
    options: RequestOptions,
) -> Result<O::Output, Error>
where
    O: Operation + ?Sized,
    X: Exchange,
{
    let trace = CallTrace::new(O::NAME);
    let result = attempts(shared, exchange, operation, options, &trace).await;
    trace.finish(&result);
    result
}

async fn attempts<O, X>(
    shared: &Shared,
    exchange: &X,
    operation: &O,
    options: RequestOptions,
    trace: &CallTrace,
) -> Result<O::Output, Error>
where
    O: Operation + ?Sized,
    X: Exchange,
{
    let (policy, limits) = shared.resolve(options);
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
    let config = resolver.config(exchange, &shared.clock, limits).await?;
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
        // The service says the credentials expired (before the client thought they
        // would): refresh them once and send the call again.
        Err(error) if says_expired(&error) => {
            resolver.invalidate(&config);
            let config = resolver.config(exchange, &shared.clock, limits).await?;
            call(&config, shared, exchange, operation, policy, limits, trace).await
        }
        result => result,
    }
}

/// Every attempt of one call with `config`'s credentials.
async fn call<O, X>(
    config: &Config,
    shared: &Shared,
    exchange: &X,
    operation: &O,
    policy: RetryPolicy,
    limits: AttemptLimits,
    trace: &CallTrace,
) -> Result<O::Output, Error>
where
    O: Operation + ?Sized,
    X: Exchange,
{
    let mut call = Call::new(operation, config, policy)?;
    loop {
        let mut request = call.next_request((shared.clock)())?;
        request.extensions_mut().insert(limits);
        trace.attempt(&request);
        let started = Instant::now();
        let step = match exchange.send(request).await {
            Ok(response) => {
                trace.response(response.status(), started.elapsed());
                call.on_response(response)
            }
            Err(error) => {
                trace.transport_error(&error, started.elapsed());
                call.on_transport_error(error)
            }
        };
        match step {
            Step::Done(output) => return Ok(output),
            Step::Retry(delay) => {
                trace.retry(delay);
                exchange.sleep(delay).await;
            }
            Step::Failed(error) => return Err(error),
        }
    }
}
