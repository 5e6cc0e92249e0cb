//! Test support for the cross-transport scenarios: one [`Sdk`] interface over the
//! blocking client (fgs-ureq) and the async client (fgs-hyper, driven on its own tokio
//! runtime), so every scenario is written once and run through both.

mod settings;

pub use settings::ClientSettings;

use fgs_proto::paginate::Paginated;
use fgs_proto::transport::RequestOptions;
use fgs_proto::{Config, Error, Operation};

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
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .enable_all()
            .build()
            .expect("a tokio runtime");
        // The client's connector needs the runtime's context when it is built.
        let client = runtime.block_on(async { fgs_hyper::Client::new(config) });
        Async { runtime, client }
    }

    /// Runs a future to completion on this client's runtime.
    pub fn block_on<F: std::future::Future>(&self, future: F) -> F::Output {
        self.runtime.block_on(future)
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
