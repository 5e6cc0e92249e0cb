//! Choosing the adapter at run time: [`Adapter`] names one, [`AnyClient`] holds either
//! one's client as a single [`Sdk`] value.

use fgs_client::{ClientSettings, RequestOptions};
use fgs_proto::paginate::Paginated;
use fgs_proto::{Config, Error, Operation};

use crate::clients::{Async, Blocking};
use crate::sdk::{Connect, Listing, Sdk};

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
            Adapter::Blocking => AnyClient::Blocking(Blocking::with_settings(settings, config)?),
            Adapter::Async => AnyClient::Async(Async::with_settings(settings, config)?),
        })
    }
}

/// Either adapter's client, as one [`Sdk`] value (the trait has generic methods, so it
/// cannot be a trait object).
#[derive(Clone)]
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

/// Calls the same method on whichever client `$any` holds.
macro_rules! either {
    ($any:expr, $client:ident => $call:expr) => {
        match $any {
            AnyClient::Blocking($client) => $call,
            AnyClient::Async($client) => $call,
        }
    };
}

impl Sdk for AnyClient {
    fn name(&self) -> &'static str {
        either!(self, client => client.name())
    }

    fn send<O>(&self, operation: &O) -> Result<O::Output, Error>
    where
        O: Operation + Sync,
    {
        either!(self, client => client.send(operation))
    }

    fn send_with<O>(&self, operation: &O, options: RequestOptions) -> Result<O::Output, Error>
    where
        O: Operation + Sync,
    {
        either!(self, client => client.send_with(operation, options))
    }

    fn pages<'a, O>(&'a self, operation: O) -> Listing<'a, O::Output>
    where
        O: Paginated + Sync + Send + 'static,
        O::Output: Send,
    {
        either!(self, client => client.pages(operation))
    }

    fn items<'a, O>(&'a self, operation: O) -> Listing<'a, O::Item>
    where
        O: Paginated + Sync + Send + 'static,
        O::Output: Send,
        O::Item: Send,
    {
        either!(self, client => client.items(operation))
    }
}
