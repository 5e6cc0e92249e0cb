//! [`Client`]: sends operations with retries over a blocking transport.

use std::fmt;
use std::marker::PhantomData;
use std::sync::Arc;
use std::time::Duration;

use bytes::Bytes;
use fgs_proto::paginate::{Pager, Paginated};
use fgs_proto::{Body, Config, Error, Operation, TransportError};
use http::{Request, Response};

use crate::attempts::{Exchange, run};
use crate::backend::SyncBackend;
use crate::block_on::block_on;
use crate::builder::ClientBuilder;
use crate::settings::RequestOptions;
use crate::shared::{CUSTOM, Shared, config_from_env};
use crate::transport::{AttemptLimits, SyncTransport};

use super::pages::Pages;

/// A blocking FunctionGraph client over the transport of backend `B` (or one of yours).
///
/// Cheap to clone: clones share the transport (and its connection pool) and the
/// settings. Usable from many threads at once: calls never wait for each other, also
/// over a transport of yours.
pub struct Client<B> {
    shared: Arc<Shared>,
    transport: Arc<dyn SyncTransport>,
    backend: PhantomData<fn() -> B>,
}

// By hand: a derive would ask for `B: Clone`, and the backend is only a marker.
impl<B> Clone for Client<B> {
    fn clone(&self) -> Self {
        Client::from_parts(self.shared.clone(), self.transport.clone())
    }
}

impl<B> Client<B> {
    fn from_parts(shared: Arc<Shared>, transport: Arc<dyn SyncTransport>) -> Self {
        Client {
            shared,
            transport,
            backend: PhantomData,
        }
    }
}

impl<B: SyncBackend> Client<B> {
    /// A client with default settings (connect timeout 10 s, 60 s per attempt, 80 MiB
    /// response limit, 3 attempts, Mozilla roots).
    ///
    /// # Panics
    /// Only if the backend rejects its default settings, which neither fgs-ureq nor
    /// fgs-hyper does; [`ClientBuilder::build`] reports every failure as an error.
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
}

impl<B> Client<B> {
    /// A builder for non-default settings or a transport of yours.
    pub fn builder(config: Config) -> ClientBuilder<Self> {
        ClientBuilder::new(config)
    }

    /// A client over a transport of yours — anything implementing [`SyncTransport`],
    /// a closure included — with default settings; use [`ClientBuilder::transport`] to
    /// set them. Signing, retries, paging and parsing work as usual.
    pub fn with_transport(config: Config, transport: impl SyncTransport) -> Self {
        let shared = Shared::new(config, Default::default(), CUSTOM);
        Client::from_parts(Arc::new(shared), Arc::new(transport))
    }

    /// The configuration (endpoint, project, credentials).
    pub fn config(&self) -> &Config {
        &self.shared.config
    }

    /// Sends `operation` and returns its output, retrying as the client's retry policy
    /// allows.
    pub fn send<O: Operation + ?Sized>(&self, operation: &O) -> Result<O::Output, Error> {
        self.send_with(operation, RequestOptions::default())
    }

    /// [`Client::send`] with per-call overrides of the timeout and the retry policy.
    pub fn send_with<O: Operation + ?Sized>(
        &self,
        operation: &O,
        options: RequestOptions,
    ) -> Result<O::Output, Error> {
        let exchange = Blocking(&*self.transport);
        block_on(run(&self.shared, &exchange, operation, options)).map(|output| *output)
    }

    /// Walks every page of a paged listing, lazily: nothing is sent until the iterator
    /// is advanced, and it ends after the last page or after the first error.
    pub fn pages<O: Paginated>(&self, operation: O) -> Pages<O, B> {
        Pages::new(self.clone(), Pager::new(operation))
    }
}

impl<B: SyncBackend> ClientBuilder<Client<B>> {
    /// Sends every call through `transport` instead of the backend's. The settings'
    /// timeout and size limit reach it as each request's
    /// [`AttemptLimits`](crate::AttemptLimits); connect timeout and roots are its own
    /// business.
    pub fn transport(mut self, transport: impl SyncTransport) -> Self {
        self.sync_transport = Some(Arc::new(transport));
        self
    }

    /// Builds the client over `B`'s transport, or over the one given to
    /// [`Self::transport`]. Fails if the backend rejects a setting (an added root
    /// certificate that is not a valid X.509 certificate).
    pub fn build(self) -> Result<Client<B>, Error> {
        let (transport, name): (Arc<dyn SyncTransport>, _) = match self.sync_transport {
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

/// The blocking exchange: the transport has answered by the time the future exists.
struct Blocking<'a>(&'a dyn SyncTransport);

impl Exchange for Blocking<'_> {
    fn send(
        &self,
        request: Request<Body>,
        limits: AttemptLimits,
    ) -> impl std::future::Future<Output = Result<Response<Bytes>, TransportError>> {
        std::future::ready(self.0.send_within(request, limits))
    }

    fn sleep(&self, delay: Duration) -> impl std::future::Future<Output = ()> {
        std::thread::sleep(delay);
        std::future::ready(())
    }
}
