//! Turning an operation's request into an authorized one: the IAM token header, or the
//! project header, security token and `SDK-HMAC-SHA256` signature of AK/SK credentials.

use std::time::SystemTime;

use http::header::HeaderName;
use http::{HeaderMap, HeaderValue, Method, Request, Uri};

use crate::auth::{Credentials, Signature, SigningKey, sign};
use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::operation::Operation;

/// `X-Auth-Token`: the IAM token header.
pub const X_AUTH_TOKEN: &str = "x-auth-token";
/// `X-Project-Id`: sent (and signed) with AK/SK credentials.
pub const X_PROJECT_ID: &str = "x-project-id";
/// `X-Security-Token`: the security token of temporary AK/SK credentials.
pub const X_SECURITY_TOKEN: &str = "x-security-token";

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
) -> Result<Request<Body>, Error> {
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
/// Secret header values (the token, the security token and the `Authorization`
/// signature) are marked sensitive, so `http`'s `Debug` hides them. A streamed body is
/// hashed chunk by chunk unless `body_sha256` already gives its hash.
pub(crate) fn authorize(
    config: &Config,
    method: &Method,
    uri: &mut Uri,
    headers: &mut HeaderMap,
    body: &Body,
    body_sha256: Option<&str>,
    now: SystemTime,
) -> Result<Option<Signature>, Error> {
    if config.needs_provider() {
        return Err(Error::invalid_input(
            "credentials",
            "they come from a credentials provider: send through a client that drives one",
        ));
    }
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
                config.project_id_header().clone(),
            );
            if let Some(token) = keys.security_token() {
                headers.insert(
                    HeaderName::from_static(X_SECURITY_TOKEN),
                    sensitive(token.expose(), "security_token")?,
                );
            }
            let key = SigningKey::new(keys.access_key(), keys.secret_key().expose());
            let streamed_sha256;
            let (bytes, body_sha256) = match (body.as_bytes(), body_sha256) {
                (Some(bytes), known) => (&bytes[..], known),
                (None, Some(known)) => (&[][..], Some(known)),
                (None, None) => {
                    streamed_sha256 = crate::auth::sign::body_sha256_hex_of(body);
                    (&[][..], Some(streamed_sha256.as_str()))
                }
            };
            sign(method, uri, headers, bytes, body_sha256, &key, now).map(Some)
        }
    }
}

fn sensitive(value: &str, field: &'static str) -> Result<HeaderValue, Error> {
    let mut v = HeaderValue::from_str(value)
        .map_err(|_| Error::invalid_input(field, "not a valid header value"))?;
    v.set_sensitive(true);
    Ok(v)
}
