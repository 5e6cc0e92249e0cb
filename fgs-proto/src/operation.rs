//! The [`Operation`] trait: how one FunctionGraph call builds its request and reads its
//! response.

use http::{Request, Response};

use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::registry::OperationInfo;

/// One FunctionGraph API call: how to build its request and read its response.
///
/// Operations do no I/O. A transport (an adapter, or your own loop — see
/// [`Call`](crate::Call)) sends the request and hands the response back.
pub trait Operation {
    /// What a successful call returns.
    type Output;

    /// The operation's row in the [registry](crate::registry): its names, method, path
    /// template, idempotency and paging. Set it with
    /// [`registry::row::<Self>()`](crate::registry::row), which only compiles for a type
    /// the registry lists, so a type cannot drift from its row.
    const INFO: &'static OperationInfo;

    /// The operation's name (`"GetMetadata"`, `"ListTriggers"`), for logs and traces:
    /// [`OperationInfo::name`].
    const NAME: &'static str = Self::INFO.name;

    /// Whether sending the request twice has the same effect as sending it once. The
    /// retry policy re-sends a non-idempotent request only when the server cannot have
    /// acted on it. By default the registry's [`OperationInfo::idempotent`].
    fn idempotent(&self) -> bool {
        Self::INFO.idempotent
    }

    /// Builds the unsigned request: method, absolute URI, `Content-Type`, `User-Agent`,
    /// operation headers and body. Fails only on invalid input.
    fn request(&self, config: &Config) -> Result<Request<Body>, Error>;

    /// Reads the response. Any 2xx is success; any other status is an
    /// [`Error::Service`].
    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<Self::Output, Error>;
}
