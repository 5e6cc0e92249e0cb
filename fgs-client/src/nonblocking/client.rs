//! [`Client`]: sends operations with retries over an async transport.

use std::fmt;
use std::future::Future;
use std::marker::PhantomData;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use fgs_proto::paginate::{Pager, Paginated};
use fgs_proto::{Body, Config, Error, Operation, TransportError};
use http::{Request, Response};

use crate::attempts::{Exchange, run};
use crate::backend::AsyncBackend;
use crate::builder::ClientBuilder;
use crate::settings::RequestOptions;
use crate::shared::{CUSTOM, Shared, config_from_env};
use crate::transport::{AsyncTransport, AttemptLimits, DynAsyncTransport};

use super::pages::Pages;

/// An async FunctionGraph client over the transport of backend `B` (or one of yours),
/// sleeping between attempts on `B`'s runtime.
///
/// Cheap to clone: clones share the transport (and its connection pool) and the
/// settings. Calls from many tasks run at once, also over a transport of yours.
pub struct Client<B> {
    shared: Arc<Shared>,
    transport: Arc<dyn DynAsyncTransport>,
    backend: PhantomData<fn() -> B>,
}

// By hand: a derive would ask for `B: Clone`, and the backend is only a marker.
impl<B> Clone for Client<B> {
    fn clone(&self) -> Self {
        Client::from_parts(self.shared.clone(), self.transport.clone())
    }
}

impl<B> Client<B> {
    fn from_parts(shared: Arc<Shared>, transport: Arc<dyn DynAsyncTransport>) -> Self {
        Client {
            shared,
            transport,
            backend: PhantomData,
        }
    }
}

impl<B: AsyncBackend> Client<B> {
    /// A client with default settings (connect timeout 10 s, 60 s per attempt, 80 MiB
    /// response limit, 3 attempts, Mozilla roots).
    ///
    /// # Panics
    /// Only if the backend rejects its default settings, which fgs-hyper does not;
    /// [`ClientBuilder::build`] reports every failure as an error.
    pub fn new(config: Config) -> Self {
        match Self::builder(config).build() {
            Ok(client) => client,
            Err(error) => panic!("default client settings were rejected: {error}"),
        }
    }

    /// A client configured from the process environment; see [`Config::from_env`] for
    /// the variables.
    pub fn from_env() -> Result<Self, Error> {
        Self::builder(config_from_env()?).build()
    }

    /// A builder for non-default settings or a transport of yours.
    pub fn builder(config: Config) -> ClientBuilder<Self> {
        ClientBuilder::new(config)
    }

    /// A client over a transport of yours — anything implementing [`AsyncTransport`],
    /// a closure returning a future included — with default settings; use
    /// [`ClientBuilder::transport`] to set them. Signing, retries (sleeping on `B`'s
    /// runtime), paging and parsing work as usual.
    pub fn with_transport(config: Config, transport: impl AsyncTransport) -> Self {
        let shared = Shared::new(config, Default::default(), CUSTOM);
        Client::from_parts(Arc::new(shared), Arc::new(transport))
    }

    /// The configuration (endpoint, project, credentials).
    pub fn config(&self) -> &Config {
        &self.shared.config
    }

    /// Sends `operation` and returns its output, retrying as the client's retry policy
    /// allows.
    pub async fn send<O>(&self, operation: &O) -> Result<O::Output, Error>
    where
        O: Operation + Sync + ?Sized,
    {
        self.send_with(operation, RequestOptions::default()).await
    }

    /// [`Client::send`] with per-call overrides of the timeout and the retry policy.
    pub async fn send_with<O>(
        &self,
        operation: &O,
        options: RequestOptions,
    ) -> Result<O::Output, Error>
    where
        O: Operation + Sync + ?Sized,
    {
        let exchange = Async::<B> {
            transport: &*self.transport,
            backend: PhantomData,
        };
        run(&self.shared, &exchange, operation, options)
            .await
            .map(|output| *output)
    }

    /// Walks every page of a paged listing, lazily: nothing is sent until the stream is
    /// polled (or [`Pages::next`] awaited), and it ends after the last page or after
    /// the first error.
    pub fn pages<O>(&self, operation: O) -> Pages<O, B>
    where
        O: Paginated + Send + Sync + 'static,
        O::Output: Send,
    {
        Pages::new(self.clone(), Pager::new(operation))
    }
}

impl<B: AsyncBackend> ClientBuilder<Client<B>> {
    /// Sends every call through `transport` instead of the backend's; see
    /// [`Client::with_transport`]. The settings' timeout and size limit reach it as
    /// each request's [`AttemptLimits`](crate::AttemptLimits).
    pub fn transport(mut self, transport: impl AsyncTransport) -> Self {
        self.async_transport = Some(Arc::new(transport));
        self
    }

    /// Builds the client over `B`'s transport, or over the one given to
    /// [`Self::transport`]. Fails if the backend rejects a setting (an added root
    /// certificate that is not a valid X.509 certificate). Needs no runtime.
    pub fn build(self) -> Result<Client<B>, Error> {
        let (transport, name): (Arc<dyn DynAsyncTransport>, _) = match self.async_transport {
            Some(transport) => (transport, CUSTOM),
            None => (Arc::new(B::connect(&self.settings)?), B::NAME),
        };
        Ok(Client::from_parts(
            Arc::new(Shared::new(self.config, self.settings, name)),
            transport,
        ))
    }
}

impl<B> fmt::Debug for Client<B> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.shared.debug("Client", f)
    }
}

/// The async exchange: the transport's future, and `B`'s timer.
struct Async<'a, B> {
    transport: &'a dyn DynAsyncTransport,
    backend: PhantomData<fn() -> B>,
}

impl<B: AsyncBackend> Exchange for Async<'_, B> {
    fn send(
        &self,
        mut request: Request<Body>,
        limits: AttemptLimits,
    ) -> impl Future<Output = Result<Response<Bytes>, TransportError>> {
        request.extensions_mut().insert(limits);
        self.transport.send_boxed(request)
    }

    fn sleep(&self, delay: Duration) -> impl Future<Output = ()> {
        B::sleep(delay)
    }
}
