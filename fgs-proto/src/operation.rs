//! The [`Operation`] trait: how one FunctionGraph call builds its request and reads its
//! response.

use http::{Request, Response};

use crate::body::Body;
use crate::config::Config;
use crate::error::Error;

/// One FunctionGraph API call: how to build its request and read its response.
///
/// Operations do no I/O. A transport (an adapter, or your own loop — see
/// [`Call`](crate::Call)) sends the request and hands the response back.
pub trait Operation {
    /// What a successful call returns.
    type Output;

    /// The Go SDK name of the operation (`"GetMetadata"`), for logs and traces.
    const NAME: &'static str;

    /// Whether sending the request twice has the same effect as sending it once. The
    /// retry policy re-sends a non-idempotent request only when the server cannot have
    /// acted on it.
    fn idempotent(&self) -> bool;

    /// Builds the unsigned request: method, absolute URI, `Content-Type`, `User-Agent`,
    /// operation headers and body. Fails only on invalid input.
    fn request(&self, config: &Config) -> Result<Request<Body>, Error>;

    /// Reads the response. Any 2xx is success; any other status is an
    /// [`Error::Service`].
    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<Self::Output, Error>;
}
