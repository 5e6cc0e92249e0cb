//! What a transport library plugs into the client layer: how to build its transport
//! from [`ClientSettings`], and (async) how its runtime sleeps.
//!
//! `fgs-ureq` and `fgs-hyper` each implement one of these traits for a marker type, and
//! name their clients after it (`fgs_ureq::Client` is
//! [`blocking::Client<Ureq>`](crate::blocking::Client)). A backend of your own — another
//! HTTP library, another runtime — is a marker type and one impl.

use std::future::Future;
use std::time::Duration;

use fgs_proto::Error;

use crate::settings::ClientSettings;
use crate::transport::{AsyncTransport, SyncTransport};

/// A blocking transport library.
pub trait SyncBackend: 'static {
    /// The name the client's `Debug` shows, e.g. `"fgs-ureq"`.
    const NAME: &'static str;
    /// The transport [`Self::connect`] builds.
    type Transport: SyncTransport;

    /// Builds the transport of `settings`: connect timeout, trusted roots. Fails on a
    /// setting the library rejects (a root certificate that is not one).
    fn connect(settings: &ClientSettings) -> Result<Self::Transport, Error>;
}

/// An async transport library and its runtime.
pub trait AsyncBackend: 'static {
    /// The name the client's `Debug` shows, e.g. `"fgs-hyper"`.
    const NAME: &'static str;
    /// The transport [`Self::connect`] builds.
    type Transport: AsyncTransport;

    /// Builds the transport of `settings` (see [`SyncBackend::connect`]).
    fn connect(settings: &ClientSettings) -> Result<Self::Transport, Error>;

    /// Waits `delay` on the runtime's timer: the pause between attempts.
    fn sleep(delay: Duration) -> impl Future<Output = ()> + Send + 'static;
}
