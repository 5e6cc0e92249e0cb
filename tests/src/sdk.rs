//! [`Sdk`]: one interface over both adapters, so that a scenario is written once and run
//! through the blocking client ([`Blocking`], fgs-ureq) and the async client ([`Async`],
//! fgs-hyper driven on a runtime of its own).

use crate::settings::ClientSettings;
use fgs_proto::paginate::Paginated;
use fgs_proto::transport::RequestOptions;
use fgs_proto::{Config, Error, Operation, RetryPolicy};

/// Building a client for a scenario: the retry policy is the only setting scenarios vary
/// (others go through [`ClientSettings`]). A trait of its own so that a value holding
/// either adapter can still be an [`Sdk`].
pub trait Connect: Sdk + Sized {
    /// A client for `config` with `policy` and default settings otherwise.
    fn connect(config: Config, policy: RetryPolicy) -> Self;
}

/// What a scenario needs from a client.
pub trait Sdk {
    /// `"fgs-ureq"` or `"fgs-hyper"`, for assertion messages.
    fn name(&self) -> &'static str;

    /// Sends one operation with the client's retry policy.
    fn send<O>(&self, operation: &O) -> Result<O::Output, Error>
    where
        O: Operation + Sync;

    /// Sends one operation with per-call overrides.
    fn send_with<O>(&self, operation: &O, options: RequestOptions) -> Result<O::Output, Error>
    where
        O: Operation + Sync;

    /// Walks a paged listing and returns every page, in order.
    fn all_pages<O>(&self, operation: O) -> Result<Vec<O::Output>, Error>
    where
        O: Paginated + Sync + Send + 'static,
        O::Output: Send;

    /// Walks every page of a listing and returns all items.
    fn all_items<O>(&self, operation: O) -> Result<Vec<O::Item>, Error>
    where
        O: Paginated + Sync + Send + 'static,
        O::Item: Send;
}

/// The blocking client.
pub struct Blocking(pub fgs_ureq::Client);

impl Blocking {
    /// A client with default settings for `config`.
    pub fn new(config: Config) -> Self {
        Blocking(fgs_ureq::Client::new(config))
    }
}

impl Connect for Blocking {
    fn connect(config: Config, policy: RetryPolicy) -> Self {
        ClientSettings::new()
            .retry_policy(policy)
            .blocking(config)
            .expect("default TLS settings are accepted")
    }
}

impl Sdk for Blocking {
    fn name(&self) -> &'static str {
        "fgs-ureq"
    }

    fn send<O>(&self, operation: &O) -> Result<O::Output, Error>
    where
        O: Operation + Sync,
    {
        self.0.send(operation)
    }

    fn send_with<O>(&self, operation: &O, options: RequestOptions) -> Result<O::Output, Error>
    where
        O: Operation + Sync,
    {
        self.0.send_with(operation, options)
    }

    fn all_pages<O>(&self, operation: O) -> Result<Vec<O::Output>, Error>
    where
        O: Paginated + Sync + Send + 'static,
        O::Output: Send,
    {
        self.0.pages(operation).collect()
    }

    fn all_items<O>(&self, operation: O) -> Result<Vec<O::Item>, Error>
    where
        O: Paginated + Sync + Send + 'static,
        O::Item: Send,
    {
        self.0.pages(operation).items().collect()
    }
}

/// The async client, driven by a runtime of its own.
pub struct Async {
    runtime: tokio::runtime::Runtime,
    /// The client.
    pub client: fgs_hyper::Client,
}

impl Async {
    /// A client with default settings for `config`, on a 2-thread runtime.
    pub fn new(config: Config) -> Self {
        Async::connect(config, RetryPolicy::default())
    }

    /// Builds the client of `builder` on a new 2-thread runtime (the client's
    /// connector needs the runtime's context when it is built).
    pub fn from_builder(builder: fgs_hyper::ClientBuilder) -> Result<Self, Error> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("a tokio runtime");
        let client = runtime.block_on(async { builder.build() })?;
        Ok(Async { runtime, client })
    }

    /// Runs a future to completion on this client's runtime.
    pub fn block_on<F: std::future::Future>(&self, future: F) -> F::Output {
        self.runtime.block_on(future)
    }
}

impl Connect for Async {
    fn connect(config: Config, policy: RetryPolicy) -> Self {
        ClientSettings::new()
            .retry_policy(policy)
            .asynchronous(config)
            .expect("default TLS settings are accepted")
    }
}

impl Sdk for Async {
    fn name(&self) -> &'static str {
        "fgs-hyper"
    }

    fn send<O>(&self, operation: &O) -> Result<O::Output, Error>
    where
        O: Operation + Sync,
    {
        self.runtime.block_on(self.client.send(operation))
    }

    fn send_with<O>(&self, operation: &O, options: RequestOptions) -> Result<O::Output, Error>
    where
        O: Operation + Sync,
    {
        self.runtime
            .block_on(self.client.send_with(operation, options))
    }

    fn all_pages<O>(&self, operation: O) -> Result<Vec<O::Output>, Error>
    where
        O: Paginated + Sync + Send + 'static,
        O::Output: Send,
    {
        self.runtime.block_on(async {
            let mut pages = self.client.pages(operation);
            let mut all = Vec::new();
            while let Some(page) = pages.next().await {
                all.push(page?);
            }
            Ok(all)
        })
    }

    fn all_items<O>(&self, operation: O) -> Result<Vec<O::Item>, Error>
    where
        O: Paginated + Sync + Send + 'static,
        O::Item: Send,
    {
        self.runtime.block_on(async {
            let mut items = self.client.pages(operation).items();
            let mut all = Vec::new();
            while let Some(item) = items.next().await {
                all.push(item?);
            }
            Ok(all)
        })
    }
}

/// Which adapter a scenario runs through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Adapter {
    /// fgs-ureq.
    Blocking,
    /// fgs-hyper.
    Async,
}

impl Adapter {
    /// Both adapters, blocking first.
    pub const BOTH: [Adapter; 2] = [Adapter::Blocking, Adapter::Async];

    /// This adapter's client with `settings`.
    pub fn client(self, settings: &ClientSettings, config: Config) -> Result<AnyClient, Error> {
        Ok(match self {
            Adapter::Blocking => AnyClient::Blocking(settings.blocking(config)?),
            Adapter::Async => AnyClient::Async(settings.asynchronous(config)?),
        })
    }
}

/// Either adapter's client, as one [`Sdk`] value (the trait has generic methods, so it
/// cannot be a trait object).
pub enum AnyClient {
    /// fgs-ureq.
    Blocking(Blocking),
    /// fgs-hyper on its own runtime.
    Async(Async),
}

impl AnyClient {
    /// The client's `Debug` text (what a user might log).
    pub fn debug_text(&self) -> String {
        match self {
            AnyClient::Blocking(b) => format!("{:?}", b.0),
            AnyClient::Async(a) => format!("{:?}", a.client),
        }
    }
}

impl Sdk for AnyClient {
    fn name(&self) -> &'static str {
        match self {
            AnyClient::Blocking(b) => b.name(),
            AnyClient::Async(a) => a.name(),
        }
    }

    fn send<O>(&self, operation: &O) -> Result<O::Output, Error>
    where
        O: Operation + Sync,
    {
        match self {
            AnyClient::Blocking(b) => b.send(operation),
            AnyClient::Async(a) => a.send(operation),
        }
    }

    fn send_with<O>(&self, operation: &O, options: RequestOptions) -> Result<O::Output, Error>
    where
        O: Operation + Sync,
    {
        match self {
            AnyClient::Blocking(b) => b.send_with(operation, options),
            AnyClient::Async(a) => a.send_with(operation, options),
        }
    }

    fn all_pages<O>(&self, operation: O) -> Result<Vec<O::Output>, Error>
    where
        O: Paginated + Sync + Send + 'static,
        O::Output: Send,
    {
        match self {
            AnyClient::Blocking(b) => b.all_pages(operation),
            AnyClient::Async(a) => a.all_pages(operation),
        }
    }

    fn all_items<O>(&self, operation: O) -> Result<Vec<O::Item>, Error>
    where
        O: Paginated + Sync + Send + 'static,
        O::Item: Send,
    {
        match self {
            AnyClient::Blocking(b) => b.all_items(operation),
            AnyClient::Async(a) => a.all_items(operation),
        }
    }
}
