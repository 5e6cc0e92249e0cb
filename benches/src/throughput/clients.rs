//! The clients under test, each reduced to one function: make `n` calls, `C` at a
//! time, and fail on the first call that fails.
//!
//! Blocking clients run `C` threads (the calling thread alone when `C` is 1); async
//! clients run `C` tasks on the shared runtime. The fan-out is the same code for an SDK
//! client and its floor, so it cancels out of the ratios.

use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::SystemTime;

use fgs_proto::{Config, Operation};
use tokio::runtime::Runtime;

use super::args::ClientKind;
use super::floor::{self, HyperClient, RawRequest};
use super::tcp::TcpClient;

/// A client ready to make calls.
pub(crate) struct Driver {
    pub(crate) kind: ClientKind,
    pub(crate) concurrency: usize,
    run: Run,
}

/// Makes `n` calls.
type Run = Box<dyn Fn(usize) -> Result<(), String>>;

impl Driver {
    /// Makes `n` calls.
    pub(crate) fn run(&self, n: usize) -> Result<(), String> {
        (self.run)(n)
    }

    /// Threads the benchmark itself starts to make `n` calls: a blocking client with
    /// more than one call in flight runs each on a thread of its own.
    pub(crate) fn fan_out_threads(&self, n: usize) -> usize {
        if self.kind.is_async() || self.concurrency <= 1 {
            0
        } else {
            self.concurrency.min(n)
        }
    }
}

/// A driver of `kind` sending `operation`. Async kinds need `runtime`.
pub(crate) fn driver<O>(
    kind: ClientKind,
    operation: Arc<O>,
    config: &Config,
    runtime: Option<&Arc<Runtime>>,
    concurrency: usize,
) -> Result<Driver, String>
where
    O: Operation + Send + Sync + 'static,
    O::Output: Send,
{
    let run: Run = match kind {
        ClientKind::FgsUreq => {
            let client = fgs_ureq::Client::new(config.clone());
            Box::new(move |n| {
                blocking(n, concurrency, &|| {
                    client
                        .send(&*operation)
                        .map(drop)
                        .map_err(|e| e.to_string())
                })
            })
        }
        ClientKind::RawUreq => {
            let agent = floor::ureq_agent();
            raw_blocking(&*operation, config, concurrency, move |request| {
                floor::ureq_call(&agent, request).map(drop)
            })?
        }
        ClientKind::RawTcp => {
            let client = TcpClient::new();
            raw_blocking(&*operation, config, concurrency, move |request| {
                floor::tcp_call(&client, &request).map(drop)
            })?
        }
        ClientKind::FgsHyper => {
            let runtime = Arc::clone(runtime.ok_or("fgs-hyper needs a runtime")?);
            // The client's pool belongs to the runtime it is built in.
            let client = {
                let _entered = runtime.enter();
                fgs_hyper::Client::new(config.clone())
            };
            let call = FgsHyperCall { client, operation };
            Box::new(move |n| concurrent(&runtime, n, concurrency, &call))
        }
        ClientKind::RawHyper => {
            let runtime = Arc::clone(runtime.ok_or("raw-hyper needs a runtime")?);
            let client = {
                let _entered = runtime.enter();
                floor::hyper_client()
            };
            let request = RawRequest::new(&*operation, config).map_err(|e| e.to_string())?;
            let call = RawHyperCall {
                client,
                request: Arc::new(request),
            };
            Box::new(move |n| concurrent(&runtime, n, concurrency, &call))
        }
    };
    Ok(Driver {
        kind,
        concurrency,
        run,
    })
}

/// A blocking floor: `send` makes one call with the prepared request, signed anew.
fn raw_blocking<O: Operation + ?Sized>(
    operation: &O,
    config: &Config,
    concurrency: usize,
    send: impl Fn(http::Request<bytes::Bytes>) -> Result<(), String> + Sync + 'static,
) -> Result<Run, String> {
    let request = RawRequest::new(operation, config).map_err(|e| e.to_string())?;
    Ok(Box::new(move |n| {
        blocking(n, concurrency, &|| {
            send(request.at(SystemTime::now()).map_err(|e| e.to_string())?)
        })
    }))
}

/// `n` calls on `concurrency` threads.
fn blocking(
    n: usize,
    concurrency: usize,
    call: &(dyn Fn() -> Result<(), String> + Sync),
) -> Result<(), String> {
    if concurrency <= 1 {
        return (0..n).try_for_each(|_| call());
    }
    let next = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..concurrency.min(n))
            .map(|_| {
                scope.spawn(|| {
                    while next.fetch_add(1, Ordering::Relaxed) < n {
                        call()?;
                    }
                    Ok(())
                })
            })
            .collect();
        workers.into_iter().try_for_each(|worker| {
            worker
                .join()
                .unwrap_or_else(|_| Err("a client thread panicked".to_owned()))
        })
    })
}

/// One call of an async client, cheap to clone into each task.
trait AsyncCall: Clone + Send + Sync + 'static {
    fn call(&self) -> impl Future<Output = Result<(), String>> + Send;
}

/// `n` calls in `concurrency` tasks.
fn concurrent<C: AsyncCall>(
    runtime: &Runtime,
    n: usize,
    concurrency: usize,
    call: &C,
) -> Result<(), String> {
    let next = Arc::new(AtomicUsize::new(0));
    runtime.block_on(async {
        let workers: Vec<_> = (0..concurrency.clamp(1, n.max(1)))
            .map(|_| {
                let call = call.clone();
                let next = Arc::clone(&next);
                tokio::spawn(async move {
                    while next.fetch_add(1, Ordering::Relaxed) < n {
                        call.call().await?;
                    }
                    Ok::<(), String>(())
                })
            })
            .collect();
        for worker in workers {
            worker
                .await
                .map_err(|e| format!("a client task failed: {e}"))??;
        }
        Ok(())
    })
}

struct FgsHyperCall<O> {
    client: fgs_hyper::Client,
    operation: Arc<O>,
}

impl<O> Clone for FgsHyperCall<O> {
    fn clone(&self) -> Self {
        FgsHyperCall {
            client: self.client.clone(),
            operation: Arc::clone(&self.operation),
        }
    }
}

impl<O> AsyncCall for FgsHyperCall<O>
where
    O: Operation + Send + Sync + 'static,
    O::Output: Send,
{
    async fn call(&self) -> Result<(), String> {
        self.client
            .send(&*self.operation)
            .await
            .map(drop)
            .map_err(|e| e.to_string())
    }
}

#[derive(Clone)]
struct RawHyperCall {
    client: HyperClient,
    request: Arc<RawRequest>,
}

impl AsyncCall for RawHyperCall {
    async fn call(&self) -> Result<(), String> {
        let request = self
            .request
            .at(SystemTime::now())
            .map_err(|e| e.to_string())?;
        floor::hyper_call(&self.client, request).await.map(drop)
    }
}
