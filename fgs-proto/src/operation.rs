//! The [`Operation`] trait, and turning an operation into an authorized request.

use std::time::SystemTime;

use http::header::HeaderName;
use http::{HeaderMap, HeaderValue, Method, Request, Response, Uri};

use crate::auth::{Credentials, Signature, SigningKey, sign};
use crate::config::Config;
use crate::error::Error;
use crate::registry::OperationInfo;

/// `X-Auth-Token`: the IAM token header.
pub const X_AUTH_TOKEN: &str = "x-auth-token";
/// `X-Project-Id`: sent (and signed) with AK/SK credentials.
pub const X_PROJECT_ID: &str = "x-project-id";
/// `X-Security-Token`: the security token of temporary AK/SK credentials.
pub const X_SECURITY_TOKEN: &str = "x-security-token";

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
    fn request(&self, config: &Config) -> Result<Request<Vec<u8>>, Error>;

    /// Reads the response. Any 2xx is success; any other status is an
    /// [`Error::Service`].
    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<Self::Output, Error>;
}

/// Builds `operation`'s request and authorizes it for `now`: the request as it goes on
/// the wire. Use it to inspect or snapshot requests, or in a transport of your own.
///
/// ```
/// use std::time::{Duration, SystemTime};
/// use fgs_proto::{Config, Credentials, functions::GetMetadata};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let request = fgs_proto::prepare(&GetMetadata::new("default:hello"), &config, SystemTime::now())?;
/// assert_eq!(request.uri(), "http://127.0.0.1:8080/v2/p1/fgs/functions/default%3Ahello/config");
/// assert_eq!(request.headers()["x-auth-token"], "T");
/// # Ok::<(), fgs_proto::Error>(())
/// ```
pub fn prepare<O: Operation + ?Sized>(
    operation: &O,
    config: &Config,
    now: SystemTime,
) -> Result<Request<Vec<u8>>, Error> {
    let mut request = operation.request(config)?;
    let method = request.method().clone();
    let mut uri = std::mem::take(request.uri_mut());
    let mut headers = std::mem::take(request.headers_mut());
    authorize(
        config,
        &method,
        &mut uri,
        &mut headers,
        request.body(),
        None,
        now,
    )?;
    *request.uri_mut() = uri;
    *request.headers_mut() = headers;
    Ok(request)
}

/// Adds the credentials to a request head: `X-Auth-Token` for a token; `X-Project-Id`,
/// `X-Security-Token` and the `SDK-HMAC-SHA256` signature for AK/SK. Returns the
/// signature details when the request was signed.
///
/// Secret header values are marked sensitive, so `http`'s `Debug` hides them.
pub(crate) fn authorize(
    config: &Config,
    method: &Method,
    uri: &mut Uri,
    headers: &mut HeaderMap,
    body: &[u8],
    body_sha256: Option<&str>,
    now: SystemTime,
) -> Result<Option<Signature>, Error> {
    match config.credentials() {
        Credentials::Token(token) => {
            headers.insert(
                HeaderName::from_static(X_AUTH_TOKEN),
                sensitive(token.expose(), "token")?,
            );
            Ok(None)
        }
        Credentials::AkSk(keys) => {
            headers.insert(
                HeaderName::from_static(X_PROJECT_ID),
                HeaderValue::from_str(config.project_id())
                    .map_err(|e| Error::invalid_input("project_id", e.to_string()))?,
            );
            if let Some(token) = keys.security_token() {
                headers.insert(
                    HeaderName::from_static(X_SECURITY_TOKEN),
                    sensitive(token.expose(), "security_token")?,
                );
            }
            let key = SigningKey::new(keys.access_key(), keys.secret_key().expose());
            sign(method, uri, headers, body, body_sha256, &key, now).map(Some)
        }
    }
}

fn sensitive(value: &str, field: &'static str) -> Result<HeaderValue, Error> {
    let mut v = HeaderValue::from_str(value)
        .map_err(|_| Error::invalid_input(field, "not a valid header value"))?;
    v.set_sensitive(true);
    Ok(v)
}
