//! [`Client`]: sends operations with retries over a ureq agent or a transport of yours.

use std::fmt;
use std::hash::{BuildHasher, RandomState};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant, SystemTime};

use bytes::Bytes;
use fgs_proto::paginate::{Pager, Paginated};
use fgs_proto::trace::CallTrace;
use fgs_proto::transport::{
    Clock, DEFAULT_MAX_RESPONSE_SIZE, RequestOptions, SyncTransport, execute,
};
use fgs_proto::{Config, Error, Operation, RetryPolicy, TransportError};
use http::{Request, Response};

use crate::agent_transport::AgentTransport;
use crate::builder::ClientBuilder;
use crate::pages::Pages;

/// A blocking FunctionGraph client.
///
/// Cheap to clone (clones share the connection pool) and usable from many threads.
///
/// ```no_run
/// use fgs_ureq::Client;
/// use fgs_ureq::proto::functions::GetMetadata;
///
/// let client = Client::from_env()?; // FGS_REGION, HUAWEICLOUD_SDK_PROJECT_ID, _AK, _SK
/// let function = client.send(&GetMetadata::new("default:hello"))?;
/// println!("{:?} runs {:?}", function.func_name, function.runtime);
/// # Ok::<(), fgs_ureq::Error>(())
/// ```
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

pub(crate) struct Inner {
    pub(crate) config: Config,
    pub(crate) backend: Backend,
    pub(crate) policy: RetryPolicy,
    /// The jitter seed of this client, for policies that carry the default seed.
    pub(crate) seed: u64,
    pub(crate) max_response_size: u64,
    pub(crate) clock: Clock,
}

pub(crate) enum Backend {
    Agent(ureq::Agent),
    /// A user's transport. `SyncTransport::send` takes `&mut self`, so calls through a
    /// shared client take turns.
    Custom(Mutex<Box<dyn SyncTransport + Send>>),
}

impl Client {
    /// A client with default settings (connect timeout 10 s, 60 s per attempt, 80 MiB
    /// response limit, 3 attempts, Mozilla roots).
    ///
    /// # Panics
    /// Only if the TLS library cannot be set up with its default settings, which does
    /// not happen; [`ClientBuilder::build`] reports every failure as an error.
    pub fn new(config: Config) -> Client {
        match ClientBuilder::new(config).build() {
            Ok(client) => client,
            Err(error) => panic!("default client settings were rejected: {error}"),
        }
    }

    /// A client configured from the process environment; see
    /// [`Config::from_env`] for the variables.
    pub fn from_env() -> Result<Client, Error> {
        Ok(Client::new(Config::from_env(|key| {
            std::env::var(key).ok()
        })?))
    }

    /// A builder for non-default settings.
    pub fn builder(config: Config) -> ClientBuilder {
        ClientBuilder::new(config)
    }

    /// A client over an agent you configured (proxy, TLS, pool size...). Its settings
    /// are used as they are, except that error statuses are always read as responses
    /// and redirects are never followed. Responses are limited to
    /// [`DEFAULT_MAX_RESPONSE_SIZE`].
    pub fn with_agent(config: Config, agent: ureq::Agent) -> Client {
        Client::from_inner(Inner {
            config,
            backend: Backend::Agent(agent),
            policy: RetryPolicy::default(),
            seed: client_seed(),
            max_response_size: DEFAULT_MAX_RESPONSE_SIZE,
            clock: Arc::new(SystemTime::now),
        })
    }

    /// A client over a transport of yours: anything implementing
    /// [`SyncTransport`], including a closure. Retries, signing and parsing work as
    /// usual; timeouts and size limits are the transport's business.
    ///
    /// A mock in one line:
    ///
    /// ```
    /// use fgs_ureq::{Client, Config, Credentials};
    /// use fgs_ureq::proto::functions::GetMetadata;
    ///
    /// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
    /// let client = Client::with_transport(config, |_req| Ok(http::Response::new(br#"{"func_name":"f"}"#.to_vec())));
    /// let function = client.send(&GetMetadata::new("f"))?;
    /// assert_eq!(function.func_name.as_deref(), Some("f"));
    /// # Ok::<(), fgs_ureq::Error>(())
    /// ```
    pub fn with_transport(
        config: Config,
        transport: impl SyncTransport + Send + 'static,
    ) -> Client {
        Client::from_inner(Inner {
            config,
            backend: Backend::Custom(Mutex::new(Box::new(transport))),
            policy: RetryPolicy::default(),
            seed: client_seed(),
            max_response_size: DEFAULT_MAX_RESPONSE_SIZE,
            clock: Arc::new(SystemTime::now),
        })
    }

    pub(crate) fn from_inner(inner: Inner) -> Client {
        Client {
            inner: Arc::new(inner),
        }
    }

    /// The configuration (endpoint, project, credentials).
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// Sends `operation` and returns its output, retrying as the client's retry
    /// policy allows.
    pub fn send<O: Operation + ?Sized>(&self, operation: &O) -> Result<O::Output, Error> {
        self.send_with(operation, RequestOptions::default())
    }

    /// [`Client::send`] with per-call overrides of the timeout and the retry policy.
    ///
    /// ```no_run
    /// use std::time::Duration;
    /// use fgs_ureq::{Client, RequestOptions, RetryPolicy};
    /// use fgs_ureq::proto::functions::GetMetadata;
    ///
    /// let client = Client::from_env()?;
    /// let options = RequestOptions::new().timeout(Duration::from_secs(5)).retry_policy(RetryPolicy::none());
    /// let function = client.send_with(&GetMetadata::new("default:hello"), options)?;
    /// # Ok::<(), fgs_ureq::Error>(())
    /// ```
    pub fn send_with<O: Operation + ?Sized>(
        &self,
        operation: &O,
        options: RequestOptions,
    ) -> Result<O::Output, Error> {
        let inner = &*self.inner;
        let policy = options
            .retry_policy
            .unwrap_or_else(|| inner.policy.clone())
            .seed_if_unset(inner.seed);
        let trace = CallTrace::new(O::NAME);
        let now = || (inner.clock)();
        let sleep = |delay: Duration| {
            trace.retry(delay);
            std::thread::sleep(delay);
        };
        let result = match &inner.backend {
            Backend::Agent(agent) => {
                let transport = AgentTransport {
                    agent,
                    timeout: options.timeout,
                    max_response_size: inner.max_response_size,
                };
                let mut traced = Traced {
                    inner: transport,
                    trace: &trace,
                };
                execute(operation, &inner.config, &policy, &mut traced, now, sleep)
            }
            Backend::Custom(shared) => {
                let mut traced = Traced {
                    inner: Shared(shared),
                    trace: &trace,
                };
                execute(operation, &inner.config, &policy, &mut traced, now, sleep)
            }
        };
        trace.finish(&result);
        result
    }

    /// Walks every page of a paged listing, lazily: nothing is sent until the iterator
    /// is advanced, and it ends after the last page or after the first error.
    ///
    /// ```no_run
    /// use fgs_ureq::Client;
    /// use fgs_ureq::proto::functions::List;
    ///
    /// let client = Client::from_env()?;
    /// for function in client.pages(List::new().maxitems(100)).items() {
    ///     println!("{:?}", function?.func_name);
    /// }
    /// # Ok::<(), fgs_ureq::Error>(())
    /// ```
    pub fn pages<O: Paginated>(&self, operation: O) -> Pages<O> {
        Pages::new(self.clone(), Pager::new(operation))
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let backend = match self.inner.backend {
            Backend::Agent(_) => "ureq",
            Backend::Custom(_) => "custom",
        };
        f.debug_struct("Client")
            .field("config", &self.inner.config)
            .field("transport", &backend)
            .field("retry_policy", &self.inner.policy)
            .field("max_response_size", &self.inner.max_response_size)
            .finish_non_exhaustive()
    }
}

/// A per-client jitter seed from the process's hash randomness.
pub(crate) fn client_seed() -> u64 {
    RandomState::new().hash_one(0x6667_735f_7572_6571_u64)
}

/// A user's transport shared by clones of a client: locked for one attempt at a time.
struct Shared<'a>(&'a Mutex<Box<dyn SyncTransport + Send>>);

impl SyncTransport for Shared<'_> {
    fn send(&mut self, request: Request<Bytes>) -> Result<Response<Vec<u8>>, TransportError> {
        // A panic in an earlier call of the user's transport does not make it unusable.
        let mut transport = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        transport.send(request)
    }
}

/// Reports each attempt of a transport to the call's trace.
struct Traced<'t, T> {
    inner: T,
    trace: &'t CallTrace,
}

impl<T: SyncTransport> SyncTransport for Traced<'_, T> {
    fn send(&mut self, request: Request<Bytes>) -> Result<Response<Vec<u8>>, TransportError> {
        self.trace.attempt(&request);
        let started = Instant::now();
        let result = self.inner.send(request);
        match &result {
            Ok(response) => self.trace.response(response.status(), started.elapsed()),
            Err(error) => self.trace.transport_error(error, started.elapsed()),
        }
        result
    }
}
