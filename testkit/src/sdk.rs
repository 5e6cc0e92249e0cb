//! [`Sdk`]: one interface over both adapters, so that a scenario is written once and run
//! through the blocking client ([`Blocking`](crate::Blocking), fgs-ureq) and the async
//! client ([`Async`](crate::Async), fgs-hyper driven on a runtime of its own).

use fgs_client::{ClientSettings, RequestOptions};
use fgs_proto::paginate::Paginated;
use fgs_proto::{Config, Error, Operation, RetryPolicy};

/// The pages (or items) of a listing as a blocking iterator, whichever the adapter.
pub type Listing<'a, T> = Box<dyn Iterator<Item = Result<T, Error>> + 'a>;

/// Building a client of one adapter for a scenario. A trait of its own so that a value
/// holding either adapter ([`AnyClient`](crate::AnyClient)) can still be an [`Sdk`].
pub trait Connect: Sdk + Sized {
    /// A client for `config` with `settings`; fails as the adapter's `build` does
    /// (e.g. on a root certificate that is not one).
    fn with_settings(settings: &ClientSettings, config: Config) -> Result<Self, Error>;

    /// A client for `config` with `policy` and default settings otherwise.
    ///
    /// # Panics
    /// Never: every adapter accepts default settings.
    fn connect(config: Config, policy: RetryPolicy) -> Self {
        Self::with_settings(&ClientSettings::new().retry_policy(policy), config)
            .expect("default settings are accepted")
    }
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

    /// The adapter's lazy pager over a listing: each `next` fetches one page; it ends
    /// after the last page or right after an error.
    fn pages<'a, O>(&'a self, operation: O) -> Listing<'a, O::Output>
    where
        O: Paginated + Sync + Send + 'static,
        O::Output: Send;

    /// The adapter's lazy walk over the items of every page, fetching pages as needed.
    fn items<'a, O>(&'a self, operation: O) -> Listing<'a, O::Item>
    where
        O: Paginated + Sync + Send + 'static,
        O::Output: Send,
        O::Item: Send;

    /// Walks a paged listing and returns every page, in order.
    fn all_pages<O>(&self, operation: O) -> Result<Vec<O::Output>, Error>
    where
        O: Paginated + Sync + Send + 'static,
        O::Output: Send,
    {
        self.pages(operation).collect()
    }

    /// Walks every page of a listing and returns all items.
    fn all_items<O>(&self, operation: O) -> Result<Vec<O::Item>, Error>
    where
        O: Paginated + Sync + Send + 'static,
        O::Output: Send,
        O::Item: Send,
    {
        self.items(operation).collect()
    }
}
