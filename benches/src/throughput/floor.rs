//! The floor: what sending an operation costs without the SDK's client.
//!
//! The request is built **once** by fgs-proto, so the raw clients send the SDK's exact
//! bytes (same headers in the same order, same body). With AK/SK it is then dated and
//! signed **per call**, as the SDK signs every attempt: the template holds the head up
//! to `X-Project-Id`, and each call clones it and runs [`sign`](fn@fgs_proto::auth::sign) — the
//! cheapest honest floor (building the request again per call would charge the floor
//! with work the SDK does, and not signing would not be the same request). With a token
//! nothing depends on the time, so the prepared request is sent as it is.
//!
//! A raw call sends the request over a plain client, checks for a 2xx status and parses
//! the body into a [`serde_json::Value`]. The floors are the fastest raw clients doing
//! that work, not clients handicapped like the SDK's:
//!
//! - raw ureq: a plain `ureq::Agent` configured for speed — keep-alive, no redirects,
//!   error statuses read as responses, and **no timeouts** (with any timeout set, ureq's
//!   resolver starts a thread per call);
//! - raw TCP ([`TcpClient`](super::tcp::TcpClient)): a minimal keep-alive HTTP/1.1
//!   client over `std::net::TcpStream`, one write per request;
//! - raw hyper: a plain hyper-util pooled client, set up as fgs-hyper used to be
//!   (`TCP_NODELAY`, connect timeout, 15 s idle timeout).

use std::time::{Duration, SystemTime};

use bytes::Bytes;
use fgs_proto::auth::{Credentials, SigningKey, sign};
use fgs_proto::{Config, Error, Operation, Secret, X_PROJECT_ID, X_SECURITY_TOKEN};
use http::header::HeaderName;
use http::{HeaderMap, HeaderValue, Method, Request, Uri};
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::Client as LegacyClient;
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::rt::{TokioExecutor, TokioTimer};

/// The response size limit of the raw clients: the adapters' default.
const MAX_RESPONSE_SIZE: u64 = 80 * 1024 * 1024;
/// The adapters' default connect timeout (the hyper floor's; ureq's floor has none).
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// fgs-hyper's pool idle timeout.
const POOL_IDLE_TIMEOUT: Duration = Duration::from_secs(15);

/// An operation's request, built once, ready to be sent again and again. (`Debug` hides
/// the secret key and the sensitive headers.)
#[derive(Debug)]
pub struct RawRequest {
    method: Method,
    uri: Uri,
    /// Authorized for a token; for AK/SK everything but the date and the signature.
    headers: HeaderMap,
    body: Bytes,
    /// Present for AK/SK: each call is signed with it.
    keys: Option<(String, Secret)>,
}

impl RawRequest {
    /// Builds `operation`'s request for `config`.
    pub fn new<O: Operation + ?Sized>(operation: &O, config: &Config) -> Result<Self, Error> {
        // Anything but AK/SK (a token) needs nothing per call.
        let keys = match config.credentials() {
            Credentials::AkSk(keys) => Some(keys),
            _ => None,
        };
        let request = match keys {
            // Everything `prepare` would add before signing, in the same order.
            Some(keys) => {
                let mut request = operation.request(config)?;
                let headers = request.headers_mut();
                headers.insert(
                    HeaderName::from_static(X_PROJECT_ID),
                    HeaderValue::from_str(config.project_id())
                        .map_err(|e| Error::invalid_input("project_id", e.to_string()))?,
                );
                if let Some(token) = keys.security_token() {
                    let mut value = HeaderValue::from_str(token.expose())
                        .map_err(|e| Error::invalid_input("security_token", e.to_string()))?;
                    value.set_sensitive(true);
                    headers.insert(HeaderName::from_static(X_SECURITY_TOKEN), value);
                }
                request
            }
            None => fgs_proto::prepare(operation, config, SystemTime::UNIX_EPOCH)?,
        };
        let (parts, body) = request.into_parts();
        Ok(RawRequest {
            method: parts.method,
            uri: parts.uri,
            headers: parts.headers,
            body: body.to_bytes(),
            keys: keys.map(|k| (k.access_key().to_owned(), k.secret_key().clone())),
        })
    }

    /// The request of one call at `now`: signed anew with AK/SK.
    pub fn at(&self, now: SystemTime) -> Result<Request<Bytes>, Error> {
        let mut uri = self.uri.clone();
        let mut headers = self.headers.clone();
        if let Some((access_key, secret_key)) = &self.keys {
            let key = SigningKey::new(access_key, secret_key.expose());
            sign(
                &self.method,
                &mut uri,
                &mut headers,
                &self.body,
                None,
                &key,
                now,
            )?;
        }
        let mut request = Request::new(self.body.clone());
        *request.method_mut() = self.method.clone();
        *request.uri_mut() = uri;
        *request.headers_mut() = headers;
        Ok(request)
    }
}

/// A plain `ureq::Agent` configured for speed: no timeouts (so no resolver thread per
/// call), no redirects, error statuses read as responses.
pub fn ureq_agent() -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .max_redirects_will_error(false)
        .build()
        .into()
}

/// One raw call over the bench's own TCP client: sends `request`, checks for success
/// and parses the JSON.
pub fn tcp_call(
    client: &super::tcp::TcpClient,
    request: &Request<Bytes>,
) -> Result<serde_json::Value, String> {
    let (status, body) = client.call(request)?;
    parse(status, &body)
}

/// One raw call over ureq: sends `request`, reads the body within the size limit,
/// checks for success and parses the JSON.
pub fn ureq_call(
    agent: &ureq::Agent,
    request: Request<Bytes>,
) -> Result<serde_json::Value, String> {
    let (parts, body) = request.into_parts();
    let response = agent
        .run(Request::from_parts(parts, &body[..]))
        .map_err(|e| e.to_string())?;
    let status = response.status();
    let body = response
        .into_body()
        .into_with_config()
        .limit(MAX_RESPONSE_SIZE)
        .read_to_vec()
        .map_err(|e| e.to_string())?;
    parse(status, &body)
}

/// The hyper client of the raw calls.
pub type HyperClient = LegacyClient<HttpConnector, Full<Bytes>>;

/// A plain hyper-util client set up as fgs-hyper sets up its own (plain http: the
/// floor has no TLS wrapper). Needs a tokio runtime when used.
pub fn hyper_client() -> HyperClient {
    let mut connector = HttpConnector::new();
    connector.set_nodelay(true);
    connector.set_connect_timeout(Some(CONNECT_TIMEOUT));
    LegacyClient::builder(TokioExecutor::new())
        .pool_timer(TokioTimer::new())
        .pool_idle_timeout(POOL_IDLE_TIMEOUT)
        .build(connector)
}

/// One raw call over hyper: sends `request`, collects the body within the size limit,
/// checks for success and parses the JSON.
pub async fn hyper_call(
    client: &HyperClient,
    request: Request<Bytes>,
) -> Result<serde_json::Value, String> {
    let response = client
        .request(request.map(Full::new))
        .await
        .map_err(|e| e.to_string())?;
    let (parts, body) = response.into_parts();
    let limit = usize::try_from(MAX_RESPONSE_SIZE).unwrap_or(usize::MAX);
    let body = http_body_util::Limited::new(body, limit)
        .collect()
        .await
        .map_err(|e| e.to_string())?
        .to_bytes();
    parse(parts.status, &body)
}

/// A success status and a JSON body, or what went wrong.
fn parse(status: http::StatusCode, body: &[u8]) -> Result<serde_json::Value, String> {
    if !status.is_success() {
        let text = String::from_utf8_lossy(&body[..body.len().min(200)]).into_owned();
        return Err(format!("status {status}: {text}"));
    }
    serde_json::from_slice(body).map_err(|e| format!("status {status}, body not JSON: {e}"))
}
