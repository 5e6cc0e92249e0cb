//! The two adapters' clients as [`Sdk`]s: [`Blocking`] (fgs-ureq) and [`Async`]
//! (fgs-hyper on a runtime of its own, so that a scenario can call it from plain code).

use std::sync::Arc;

use fgs_client::{ClientSettings, RequestOptions};
use fgs_proto::paginate::Paginated;
use fgs_proto::{Config, Error, Operation};

use crate::sdk::{Connect, Listing, Sdk};

/// The blocking client.
#[derive(Clone)]
pub struct Blocking(pub fgs_ureq::Client);

impl Blocking {
    /// A client with default settings for `config`.
    pub fn new(config: Config) -> Self {
        Blocking(fgs_ureq::Client::new(config))
    }
}

impl Connect for Blocking {
    fn with_settings(settings: &ClientSettings, config: Config) -> Result<Self, Error> {
        fgs_ureq::Client::builder(config)
            .settings(settings.clone())
            .build()
            .map(Blocking)
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

    fn pages<'a, O>(&'a self, operation: O) -> Listing<'a, O::Output>
    where
        O: Paginated + Sync + Send + 'static,
        O::Output: Send,
    {
        Box::new(self.0.pages(operation))
    }

    fn items<'a, O>(&'a self, operation: O) -> Listing<'a, O::Item>
    where
        O: Paginated + Sync + Send + 'static,
        O::Output: Send,
        O::Item: Send,
    {
        Box::new(self.0.pages(operation).items())
    }
}

/// The async client, driven by a current-thread runtime of its own, as under
/// `#[tokio::test]`: each call runs on the calling thread, and with it the pool's
/// bookkeeping, so a connection is back in the pool before the next call looks for one.
/// (On a multi-thread runtime hyper-util returns it from a task of its own, which a
/// back-to-back call can overtake: a few extra connections per thousand calls.)
/// Clones share the runtime and the client's connection pool.
#[derive(Clone)]
pub struct Async {
    runtime: Arc<tokio::runtime::Runtime>,
    /// The client.
    pub client: fgs_hyper::Client,
}

impl Async {
    /// A client with default settings for `config`.
    pub fn new(config: Config) -> Self {
        Async::connect(config, fgs_proto::RetryPolicy::default())
    }

    /// Builds the client of `builder` on a new runtime (the client's connector needs
    /// the runtime's context when it is built).
    ///
    /// # Panics
    /// If the runtime cannot be started.
    pub fn from_builder(builder: fgs_hyper::ClientBuilder) -> Result<Self, Error> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .expect("a tokio runtime");
        let client = runtime.block_on(async { builder.build() })?;
        Ok(Async {
            runtime: Arc::new(runtime),
            client,
        })
    }

    /// Runs a future to completion on this client's runtime.
    pub fn block_on<F: std::future::Future>(&self, future: F) -> F::Output {
        self.runtime.block_on(future)
    }
}

impl Connect for Async {
    fn with_settings(settings: &ClientSettings, config: Config) -> Result<Self, Error> {
        Async::from_builder(fgs_hyper::Client::builder(config).settings(settings.clone()))
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
        self.block_on(self.client.send(operation))
    }

    fn send_with<O>(&self, operation: &O, options: RequestOptions) -> Result<O::Output, Error>
    where
        O: Operation + Sync,
    {
        self.block_on(self.client.send_with(operation, options))
    }

    fn pages<'a, O>(&'a self, operation: O) -> Listing<'a, O::Output>
    where
        O: Paginated + Sync + Send + 'static,
        O::Output: Send,
    {
        let mut pages = self.client.pages(operation);
        Box::new(std::iter::from_fn(move || self.block_on(pages.next())))
    }

    fn items<'a, O>(&'a self, operation: O) -> Listing<'a, O::Item>
    where
        O: Paginated + Sync + Send + 'static,
        O::Output: Send,
        O::Item: Send,
    {
        let mut items = self.client.pages(operation).items();
        Box::new(std::iter::from_fn(move || self.block_on(items.next())))
    }
}
