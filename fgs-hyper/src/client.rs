//! [`Client`]: sends operations with retries over a pooled hyper client.

use std::fmt;
use std::hash::{BuildHasher, RandomState};
use std::sync::Arc;
use std::time::Instant;

use fgs_proto::paginate::{Pager, Paginated};
use fgs_proto::trace::CallTrace;
use fgs_proto::transport::{Clock, RequestOptions};
use fgs_proto::{Call, Config, Error, Operation, RetryPolicy, Step};

use crate::builder::ClientBuilder;
use crate::exchange::{HttpClient, Limits, exchange};
use crate::pages::Pages;

/// An async FunctionGraph client (tokio).
///
/// Cheap to clone; clones share one connection pool.
///
/// ```no_run
/// use fgs_hyper::Client;
/// use fgs_hyper::proto::functions::GetMetadata;
///
/// # async fn run() -> Result<(), fgs_hyper::Error> {
/// let client = Client::from_env()?; // FGS_REGION, HUAWEICLOUD_SDK_PROJECT_ID, _AK, _SK
/// let function = client.send(&GetMetadata::new("default:hello")).await?;
/// println!("{:?} runs {:?}", function.func_name, function.runtime);
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Client {
    inner: Arc<Inner>,
}

pub(crate) struct Inner {
    pub(crate) config: Config,
    pub(crate) http: HttpClient,
    pub(crate) policy: RetryPolicy,
    /// The jitter seed of this client, for policies that carry the default seed.
    pub(crate) seed: u64,
    pub(crate) limits: Limits,
    pub(crate) clock: Clock,
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
        ClientBuilder::new(Config::from_env(|key| std::env::var(key).ok())?).build()
    }

    /// A builder for non-default settings.
    pub fn builder(config: Config) -> ClientBuilder {
        ClientBuilder::new(config)
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
    pub async fn send<O>(&self, operation: &O) -> Result<O::Output, Error>
    where
        O: Operation + Sync + ?Sized,
    {
        self.send_with(operation, RequestOptions::default()).await
    }

    /// [`Client::send`] with per-call overrides of the timeout and the retry policy.
    ///
    /// ```no_run
    /// use std::time::Duration;
    /// use fgs_hyper::{Client, RequestOptions, RetryPolicy};
    /// use fgs_hyper::proto::functions::GetMetadata;
    ///
    /// # async fn run() -> Result<(), fgs_hyper::Error> {
    /// let client = Client::from_env()?;
    /// let options = RequestOptions::new().timeout(Duration::from_secs(5)).retry_policy(RetryPolicy::none());
    /// let function = client.send_with(&GetMetadata::new("default:hello"), options).await?;
    /// # Ok(()) }
    /// ```
    pub async fn send_with<O>(
        &self,
        operation: &O,
        options: RequestOptions,
    ) -> Result<O::Output, Error>
    where
        O: Operation + Sync + ?Sized,
    {
        let inner = &*self.inner;
        let policy = options
            .retry_policy
            .unwrap_or_else(|| inner.policy.clone())
            .seed_if_unset(inner.seed);
        let limits = Limits {
            timeout: options.timeout.unwrap_or(inner.limits.timeout),
            ..inner.limits
        };
        let trace = CallTrace::new(O::NAME);
        let result = run(inner, operation, policy, &limits, &trace).await;
        trace.finish(&result);
        result
    }

    /// Walks every page of a paged listing, lazily: nothing is sent until
    /// [`Pages::next`] is awaited, and it ends after the last page or after the first
    /// error.
    ///
    /// ```no_run
    /// use fgs_hyper::Client;
    /// use fgs_hyper::proto::functions::List;
    ///
    /// # async fn run() -> Result<(), fgs_hyper::Error> {
    /// let client = Client::from_env()?;
    /// let mut functions = client.pages(List::new().maxitems(100)).items();
    /// while let Some(function) = functions.next().await {
    ///     println!("{:?}", function?.func_name);
    /// }
    /// # Ok(()) }
    /// ```
    pub fn pages<O: Paginated + Sync>(&self, operation: O) -> Pages<O> {
        Pages::new(self.clone(), Pager::new(operation))
    }
}

/// The call loop: [`fgs_proto::transport::execute`] line for line, with `.await`.
async fn run<O>(
    inner: &Inner,
    operation: &O,
    policy: RetryPolicy,
    limits: &Limits,
    trace: &CallTrace,
) -> Result<O::Output, Error>
where
    O: Operation + Sync + ?Sized,
{
    let mut call = Call::new(operation, &inner.config, policy)?;
    loop {
        let request = call.next_request((inner.clock)())?;
        trace.attempt(&request);
        let started = Instant::now();
        let step = match exchange(&inner.http, request, limits).await {
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
                tokio::time::sleep(delay).await;
            }
            Step::Failed(error) => return Err(error),
        }
    }
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("config", &self.inner.config)
            .field("retry_policy", &self.inner.policy)
            .field("timeout", &self.inner.limits.timeout)
            .field("max_response_size", &self.inner.limits.max_response_size)
            .finish_non_exhaustive()
    }
}

/// A per-client jitter seed from the process's hash randomness.
pub(crate) fn client_seed() -> u64 {
    RandomState::new().hash_one(0x6667_735f_6879_7065_u64)
}
