//! [`Emulator`]: a running emulator and its test hooks.

use std::fmt;
use std::io;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::atomic::Ordering;
use std::sync::{Arc, Mutex, mpsc};
use std::thread::JoinHandle;
use std::time::Duration;

use fgs_proto::Config;
use tokio::sync::oneshot;

use crate::builder::EmulatorBuilder;
use crate::hooks::fault::Fault;
use crate::hooks::snapshot::{Snapshot, snapshot};
use crate::http::server::serve;
use crate::runtime::async_log::AsyncInvocation;
#[cfg(doc)]
use crate::runtime::invocation::Handler;
use crate::runtime::invocation::{FunctionError, InvocationContext};
use crate::shared::Shared;

/// Worker threads of the emulator's runtime: enough to overlap requests on a small
/// machine; handlers run on tokio's separate blocking pool.
const WORKER_THREADS: usize = 2;
/// On stop, running handlers get this long before the runtime is torn down.
const RUNTIME_SHUTDOWN: Duration = Duration::from_secs(1);

/// An in-memory FunctionGraph v2 service listening on a local port.
///
/// It runs on its own tokio runtime in a background thread, so it serves blocking tests
/// and `#[tokio::test]`s alike. [`Emulator::stop`] (or dropping it) stops it gracefully.
///
/// ```
/// use fgs_emulator::Emulator;
///
/// let emu = Emulator::start()?; // no auth, default project and region
/// let response = ureq::get(format!(
///     "{}/v2/{}/fgs/functions",
///     emu.endpoint(),
///     emu.project_id()
/// ))
/// .call()
/// .expect("the emulator answers");
/// assert_eq!(response.status(), 200);
/// emu.stop();
/// # Ok::<(), std::io::Error>(())
/// ```
pub struct Emulator {
    shared: Arc<Shared>,
    addr: SocketAddr,
    endpoint: String,
    config: Config,
    running: Mutex<Option<Running>>,
}

struct Running {
    stop: oneshot::Sender<()>,
    thread: JoinHandle<()>,
}

impl Emulator {
    /// Settings for a new emulator.
    pub fn builder() -> EmulatorBuilder {
        EmulatorBuilder::default()
    }

    /// Starts an emulator with the default settings: no auth, project
    /// [`DEFAULT_PROJECT_ID`](crate::DEFAULT_PROJECT_ID), region `cn-north-4`, a free
    /// port on 127.0.0.1.
    pub fn start() -> io::Result<Emulator> {
        Emulator::builder().start()
    }

    pub(crate) fn start_with(builder: EmulatorBuilder) -> io::Result<Emulator> {
        let (site, auth) = builder.validate()?;
        let credentials = builder.client_credentials()?;
        let mut shared = Shared::new(site, auth, builder.limits, builder.log_requests);
        shared.async_settings = builder.async_settings;
        let shared = Arc::new(shared);
        shared.state().limits = builder.service_limits;
        shared.async_log.set_max_records(builder.async_log_records);
        let (ready_tx, ready_rx) = mpsc::channel();
        let (stop_tx, stop_rx) = oneshot::channel();
        let listen = builder.listen;
        let for_thread = Arc::clone(&shared);
        // The runtime lives and dies on this thread: dropping a runtime inside another
        // runtime (a `#[tokio::test]`) would panic.
        let thread = std::thread::Builder::new()
            .name("fgs-emulator".into())
            .spawn(move || {
                let runtime = match tokio::runtime::Builder::new_multi_thread()
                    .worker_threads(WORKER_THREADS)
                    .thread_name("fgs-emulator-worker")
                    .enable_all()
                    .build()
                {
                    Ok(runtime) => runtime,
                    Err(e) => {
                        let _ = ready_tx.send(Err(e));
                        return;
                    }
                };
                let bound = runtime.block_on(async {
                    // The error names the address: "address in use" alone does not say
                    // which one.
                    let listener = tokio::net::TcpListener::bind(listen).await.map_err(|e| {
                        io::Error::new(e.kind(), format!("cannot listen on {listen}: {e}"))
                    })?;
                    let addr = listener.local_addr()?;
                    io::Result::Ok((listener, addr))
                });
                match bound {
                    Ok((listener, addr)) => {
                        let _ = ready_tx.send(Ok(addr));
                        runtime.block_on(serve(listener, for_thread, stop_rx));
                    }
                    Err(e) => {
                        let _ = ready_tx.send(Err(e));
                    }
                }
                runtime.shutdown_timeout(RUNTIME_SHUTDOWN);
            })?;
        let addr = match ready_rx.recv() {
            Ok(Ok(addr)) => addr,
            Ok(Err(e)) => {
                let _ = thread.join();
                return Err(e);
            }
            Err(_) => {
                let _ = thread.join();
                return Err(io::Error::other(
                    "the emulator thread ended before listening",
                ));
            }
        };
        let endpoint = format!(
            "http://{}",
            SocketAddr::new(reachable_ip(addr.ip()), addr.port())
        );
        let config = Config::new(&endpoint, shared.site.project_id.clone(), credentials)
            .map_err(|e| io::Error::new(io::ErrorKind::InvalidInput, e.to_string()))?
            .with_region(shared.site.region.clone());
        Ok(Emulator {
            shared,
            addr,
            endpoint,
            config,
            running: Mutex::new(Some(Running {
                stop: stop_tx,
                thread,
            })),
        })
    }

    /// `http://127.0.0.1:PORT` (a wildcard listen address is given as loopback).
    pub fn endpoint(&self) -> &str {
        &self.endpoint
    }

    /// The address listened on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The project id.
    pub fn project_id(&self) -> &str {
        &self.shared.site.project_id
    }

    /// The region.
    pub fn region(&self) -> &str {
        &self.shared.site.region
    }

    /// A [`Config`] for this emulator: its endpoint, project and region, with its first
    /// AK/SK pair, else its first token, else a placeholder token.
    pub fn config(&self) -> Config {
        self.config.clone()
    }

    /// Makes every temporary key issued so far expire now, as if the service's clock
    /// ran ahead of the client's: the next request signed with one gets 401
    /// `APIG.0301` "… security token expires …".
    pub fn expire_temporary_credentials(&self) {
        self.shared
            .auth
            .identity
            .expire_all(std::time::SystemTime::now());
    }

    /// How many identity requests were served (see
    /// [`EmulatorBuilder::temporary_credentials`](crate::EmulatorBuilder::temporary_credentials)).
    pub fn identity_requests(&self) -> IdentityRequests {
        let c = &self.shared.auth.identity.counters;
        let n = |counter: &std::sync::atomic::AtomicU64| {
            counter.load(std::sync::atomic::Ordering::SeqCst)
        };
        IdentityRequests {
            metadata_tokens: n(&c.metadata_tokens),
            metadata_keys: n(&c.metadata_keys),
            project_lists: n(&c.project_lists),
            id_token_exchanges: n(&c.id_token_exchanges),
        }
    }

    /// The full URN of a function of this emulator, without qualifier.
    pub fn function_urn(&self, package: &str, name: &str) -> String {
        self.shared.site.urn(package, name)
    }

    /// Runs `handler` when the function `function_name` (in any package) is invoked,
    /// instead of echoing the event. Replaces an earlier handler for that name.
    ///
    /// The closure's parameter and return types are inferred: `|event, ctx| ...` takes
    /// the event as `&[u8]` and the [`InvocationContext`], and returns
    /// `Result<Vec<u8>, FunctionError>`. A [`Handler`] of another type is registered
    /// through a closure calling it: `move |event, ctx| handler.invoke(event, ctx)`.
    ///
    /// ```
    /// use fgs_emulator::{Emulator, FunctionError};
    ///
    /// let emu = Emulator::start()?;
    /// emu.register_handler("fails", |_, _| Err(FunctionError::new("ValueError", "bad input")));
    /// emu.register_handler("greets", |event, ctx| {
    ///     ctx.log("greeting");
    ///     Ok([b"hello ".as_slice(), event].concat())
    /// });
    /// # Ok::<(), std::io::Error>(())
    /// ```
    pub fn register_handler<F>(&self, function_name: impl Into<String>, handler: F)
    where
        F: Fn(&[u8], &InvocationContext) -> Result<Vec<u8>, FunctionError> + Send + Sync + 'static,
    {
        self.shared
            .register(function_name.into(), Arc::new(handler));
    }

    /// Forgets every asynchronous invocation recorded so far (functions and faults
    /// stay); the binary does this on `SIGHUP`.
    pub fn clear_async_invocations(&self) {
        self.shared.async_log.clear();
    }

    /// The asynchronous invocations so far, in order of arrival: the latest
    /// [`EmulatorBuilder::async_log_records`](crate::EmulatorBuilder::async_log_records)
    /// (default 1 000), and at most 64 MiB of their events, outputs and logs.
    pub fn async_invocations(&self) -> Vec<AsyncInvocation> {
        self.shared.async_log.all()
    }

    /// Blocks until the asynchronous invocation `request_id` has finished and returns
    /// it, or `None` after `timeout`.
    pub fn wait_for_async(&self, request_id: &str, timeout: Duration) -> Option<AsyncInvocation> {
        self.shared.async_log.wait(request_id, timeout)
    }

    /// Moves the emulator's clock `by` ahead: timestamps, the ages of asynchronous
    /// events and the waits of
    /// [`async_start_delay`](crate::EmulatorBuilder::async_start_delay) and
    /// [`async_retry_interval`](crate::EmulatorBuilder::async_retry_interval) count
    /// from the moved clock, so a test sees an event grow too old without waiting.
    /// Request signatures are still checked against the system clock.
    pub fn advance_clock(&self, by: Duration) {
        self.shared.clock.advance(by);
        self.shared.async_log.wake.notify_waiters();
    }

    /// Queues a fault for the next matching requests.
    pub fn inject(&self, fault: Fault) {
        self.shared.faults.push(fault);
    }

    /// Drops every pending fault.
    pub fn clear_faults(&self) {
        self.shared.faults.clear();
    }

    /// How many fault applications are still pending.
    pub fn pending_faults(&self) -> u64 {
        self.shared.faults.pending()
    }

    /// How many TCP connections have been accepted (keep-alive tests compare it).
    pub fn connections_accepted(&self) -> u64 {
        self.shared.connections.load(Ordering::Relaxed)
    }

    /// A copy of the current state.
    pub fn snapshot(&self) -> Snapshot {
        snapshot(&self.shared.state(), &self.shared.site)
    }

    /// Forgets every function, async invocation and pending fault (handlers stay).
    pub fn reset(&self) {
        self.shared.state().clear();
        self.shared.async_log.clear();
        self.shared.faults.clear();
    }

    /// Stops listening, lets requests in flight finish (up to 5 s), and waits for the
    /// server thread. Idempotent; dropping the emulator does the same.
    pub fn stop(&self) {
        let running = self
            .running
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .take();
        if let Some(running) = running {
            let _ = running.stop.send(());
            let _ = running.thread.join();
        }
    }
}

impl Drop for Emulator {
    fn drop(&mut self) {
        self.stop();
    }
}

impl fmt::Debug for Emulator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Emulator")
            .field("endpoint", &self.endpoint)
            .field("project_id", &self.shared.site.project_id)
            .field("region", &self.shared.site.region)
            .finish_non_exhaustive()
    }
}

/// An address clients can connect to: the wildcard becomes loopback.
fn reachable_ip(ip: IpAddr) -> IpAddr {
    match ip {
        IpAddr::V4(v4) if v4.is_unspecified() => IpAddr::V4(Ipv4Addr::LOCALHOST),
        IpAddr::V6(v6) if v6.is_unspecified() => IpAddr::V6(Ipv6Addr::LOCALHOST),
        other => other,
    }
}

/// Counts of the identity requests an emulator served.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct IdentityRequests {
    /// `PUT /meta-data/latest/api/token`.
    pub metadata_tokens: u64,
    /// `GET /openstack/latest/securitykey`: temporary keys fetched from metadata.
    pub metadata_keys: u64,
    /// `GET /v3/projects`: project lookups.
    pub project_lists: u64,
    /// `POST /v3.0/OS-AUTH/id-token/tokens`: id tokens exchanged.
    pub id_token_exchanges: u64,
}
