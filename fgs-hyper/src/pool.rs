//! [`Pool`]: HTTP/1.1 connections, opened only when none is free, and kept.
//!
//! hyper-util's pooled client races every checkout against a new connection: when a
//! request finds no idle connection it starts connecting, and if a connection comes
//! back first it takes that one and lets the new connection finish into the pool. With
//! 32 calls in flight, a connection that is between two requests is not idle yet for a
//! moment, so 32 calls opened 34 to 49 connections. Here a call takes any pooled
//! connection that is not closed and waits for it to be ready (a matter of
//! microseconds: its last response has been read), and connects only when the pool
//! has none: the connections opened never outnumber the calls in flight.

use std::collections::HashMap;
use std::error::Error as StdError;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use http::header::HOST;
use http::uri::{Authority, Scheme};
use http::{HeaderValue, Request, Response, Uri};
use hyper::body::Incoming;
use hyper::client::conn::http1;
use tower_service::Service;

use crate::body::RequestBody;
use crate::connector::Connector;
use crate::guard::{Guard, Guarded};

/// A connection's sending half.
type Sender = http1::SendRequest<RequestBody>;

/// Where a connection goes: scheme and authority.
type Key = (Scheme, Authority);

/// Why a request failed.
pub(crate) enum SendError {
    /// Connecting failed (TCP, TLS, connect timeout): nothing was sent.
    Connect(Box<dyn StdError + Send + Sync>),
    /// The request failed on a connection; `sent` says whether any of it may have left.
    Request { error: hyper::Error, sent: bool },
    /// The URI has no scheme or authority.
    BadUri,
}

/// The connections of one client, by destination.
pub(crate) struct Pool {
    connector: Connector,
    idle: Mutex<HashMap<Key, Vec<Idle>>>,
    idle_timeout: Duration,
}

struct Idle {
    sender: Sender,
    guard: Arc<Guard>,
    since: Instant,
}

/// A connection checked out of the pool for one exchange.
pub(crate) struct Checkout {
    key: Key,
    sender: Sender,
    guard: Arc<Guard>,
}

impl Pool {
    pub(crate) fn new(connector: Connector, idle_timeout: Duration) -> Self {
        Pool {
            connector,
            idle: Mutex::new(HashMap::new()),
            idle_timeout,
        }
    }

    /// Sends `request` (absolute URI) on a pooled or a new connection, whose reads fail
    /// once `deadline` has passed. The connection is returned with the response; hand
    /// it back with [`Pool::put_back`] once the response body has been read to its end.
    pub(crate) async fn send(
        &self,
        mut request: Request<RequestBody>,
        deadline: Option<Instant>,
    ) -> Result<(Response<Incoming>, Checkout), SendError> {
        let uri = request.uri().clone();
        let (Some(scheme), Some(authority)) = (uri.scheme(), uri.authority()) else {
            return Err(SendError::BadUri);
        };
        let key: Key = (scheme.clone(), authority.clone());
        set_host_and_origin_form(&mut request, &uri, scheme, authority)?;
        // A pooled connection the server closed meanwhile gives the request back
        // unsent: it then goes on the next one, or on a new connection.
        while let Some((mut sender, guard)) = self.take_idle(&key) {
            if sender.ready().await.is_err() {
                continue;
            }
            arm(&guard, &mut request, deadline);
            match sender.try_send_request(request).await {
                Ok(response) => {
                    let checkout = Checkout { key, sender, guard };
                    return Ok((response, checkout));
                }
                Err(mut error) => match error.take_message() {
                    Some(unsent) => request = unsent,
                    None => {
                        return Err(SendError::Request {
                            error: error.into_error(),
                            sent: true,
                        });
                    }
                },
            }
        }
        let (mut sender, guard) = self.connect(uri).await?;
        arm(&guard, &mut request, deadline);
        match sender.try_send_request(request).await {
            Ok(response) => Ok((response, Checkout { key, sender, guard })),
            Err(mut error) => {
                let sent = error.take_message().is_none();
                Err(SendError::Request {
                    error: error.into_error(),
                    sent,
                })
            }
        }
    }

    /// Returns a connection whose exchange is complete (the response body read to its
    /// end). It may not be ready yet; the next call waits for it.
    pub(crate) fn put_back(&self, checkout: Checkout) {
        if checkout.sender.is_closed() {
            return;
        }
        checkout.guard.disarm();
        if let Ok(mut idle) = self.idle.lock() {
            idle.entry(checkout.key).or_default().push(Idle {
                sender: checkout.sender,
                guard: checkout.guard,
                since: Instant::now(),
            });
        }
    }

    /// The most recently used pooled connection to `key` that is neither closed nor
    /// idle for too long; older ones are dropped.
    fn take_idle(&self, key: &Key) -> Option<(Sender, Arc<Guard>)> {
        let mut idle = self.idle.lock().ok()?;
        let list = idle.get_mut(key)?;
        let now = Instant::now();
        list.retain(|c| !c.sender.is_closed() && now - c.since < self.idle_timeout);
        list.pop().map(|c| (c.sender, c.guard))
    }

    async fn connect(&self, uri: Uri) -> Result<(Sender, Arc<Guard>), SendError> {
        let mut connector = self.connector.clone();
        std::future::poll_fn(|cx| connector.poll_ready(cx))
            .await
            .map_err(connect_error)?;
        let io = connector.call(uri).await.map_err(connect_error)?;
        let guard = Guard::new();
        let (sender, connection) = http1::Builder::new()
            .handshake(Guarded::new(io, guard.clone()))
            .await
            .map_err(|e| SendError::Connect(Box::new(e)))?;
        // The connection runs until the sender is dropped or the server closes it.
        tokio::spawn(async move {
            let _ = connection.await;
        });
        Ok((sender, guard))
    }
}

/// Starts `request`'s exchange on the connection of `guard`: its deadline, and its
/// informational responses counted.
fn arm(guard: &Arc<Guard>, request: &mut Request<RequestBody>, deadline: Option<Instant>) {
    guard.arm(deadline);
    let counter = Arc::clone(guard);
    hyper::ext::on_informational(request, move |_| counter.informational());
}

/// A connector's error (its type depends on the `rustls` feature).
fn connect_error(error: impl Into<Box<dyn StdError + Send + Sync>>) -> SendError {
    SendError::Connect(error.into())
}

/// What hyper's pooled client does for HTTP/1 without a proxy: `Host` from the URI
/// (its port only when not the scheme's default), and the request line in origin form.
fn set_host_and_origin_form(
    request: &mut Request<RequestBody>,
    uri: &Uri,
    scheme: &Scheme,
    authority: &Authority,
) -> Result<(), SendError> {
    if !request.headers().contains_key(HOST) {
        let default_port = match scheme.as_str() {
            "http" => Some(80),
            "https" => Some(443),
            _ => None,
        };
        let host = match authority.port_u16() {
            Some(port) if Some(port) != default_port => authority.as_str(),
            _ => authority.host(),
        };
        let value = HeaderValue::from_str(host).map_err(|_| SendError::BadUri)?;
        request.headers_mut().insert(HOST, value);
    }
    let origin = uri
        .path_and_query()
        .map_or("/", |p| p.as_str())
        .parse::<Uri>()
        .map_err(|_| SendError::BadUri)?;
    *request.uri_mut() = origin;
    Ok(())
}
