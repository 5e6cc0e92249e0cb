//! [`Hyper`]: hyper as the client layer's async backend — pooled HTTP/1.1 connections
//! over a connector built from the client settings, and tokio's timer between attempts.

use std::future::Future;
use std::time::Duration;

use fgs_client::{AsyncBackend, ClientSettings};
use fgs_proto::Error;

use crate::connector::connector;
use crate::pool::Pool;
use crate::transport::HyperTransport;

/// How long an idle pooled connection is kept.
const POOL_IDLE_TIMEOUT: Duration = Duration::from_secs(15);

/// The async backend: [`Client`](crate::Client) is
/// `fgs_client::nonblocking::Client<Hyper>`. Calls need a tokio runtime with the time
/// driver; building a client does not.
#[derive(Debug, Clone, Copy)]
pub struct Hyper;

impl AsyncBackend for Hyper {
    const NAME: &'static str = "fgs-hyper";
    type Transport = HyperTransport;

    /// A pooled client with the settings' connect timeout and roots. Fails if an added
    /// root certificate is not a valid X.509 certificate.
    fn connect(settings: &ClientSettings) -> Result<HyperTransport, Error> {
        let pool = Pool::new(connector(settings)?, POOL_IDLE_TIMEOUT);
        Ok(HyperTransport::new(pool, settings.connect_timeout))
    }

    fn sleep(delay: Duration) -> impl Future<Output = ()> + Send + 'static {
        tokio::time::sleep(delay)
    }
}
