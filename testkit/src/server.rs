//! The scripted loopback server.

use std::io::{self, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread;
use std::time::{Duration, Instant, SystemTime};

use fgs_proto::Secret;
use fgs_proto::auth::verify::Verifier;
use http::{HeaderMap, HeaderName, HeaderValue};

use crate::http1::{self, RawRequest};
use crate::reply::Reply;
use crate::{ACCESS_KEY, SECRET_KEY};

type Handler = dyn Fn(&Received) -> Reply + Send + Sync;

/// A request the server received, exactly as it came.
#[derive(Debug, Clone)]
pub struct Received {
    /// 0-based position among all requests this server received.
    pub index: usize,
    /// 0-based index of the connection it came on.
    pub connection: usize,
    /// When its last byte was read.
    pub at: Instant,
    /// `GET`, `POST`, ...
    pub method: String,
    /// The request target as sent (`/v2/.../config?x=1`), still percent-encoded.
    pub target: String,
    /// `HTTP/1.1`.
    pub version: String,
    /// Header lines in arrival order, names as sent.
    pub raw_headers: Vec<(String, Vec<u8>)>,
    /// The same headers as a map.
    pub headers: HeaderMap,
    /// The body.
    pub body: Vec<u8>,
    /// For a request with an `SDK-HMAC-SHA256` `Authorization`: the access key that
    /// signed it, or why verification failed. `None` for unsigned requests.
    pub signature: Option<Result<String, String>>,
}

impl Received {
    /// The request line, `METHOD target VERSION`.
    pub fn request_line(&self) -> String {
        format!("{} {} {}", self.method, self.target, self.version)
    }

    /// The raw path (before `?`).
    pub fn path(&self) -> &str {
        self.target.split_once('?').map_or(&self.target, |(p, _)| p)
    }

    /// The raw query (after `?`), if any.
    pub fn query(&self) -> Option<&str> {
        self.target.split_once('?').map(|(_, q)| q)
    }

    /// A header's value as text, if present and valid UTF-8.
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// The headers listed in `SignedHeaders=` of the `Authorization` header.
    pub fn signed_header_names(&self) -> Vec<String> {
        self.header("authorization")
            .and_then(|auth| auth.split("SignedHeaders=").nth(1))
            .and_then(|rest| rest.split(',').next())
            .map(|list| list.split(';').map(str::to_owned).collect())
            .unwrap_or_default()
    }

    fn from_raw(raw: RawRequest, index: usize, connection: usize) -> Received {
        let mut headers = HeaderMap::new();
        for (name, value) in &raw.headers {
            if let (Ok(n), Ok(v)) = (
                HeaderName::from_bytes(name.as_bytes()),
                HeaderValue::from_bytes(value),
            ) {
                headers.append(n, v);
            }
        }
        let mut received = Received {
            index,
            connection,
            at: Instant::now(),
            method: raw.method,
            target: raw.target,
            version: raw.version,
            raw_headers: raw.headers,
            headers,
            body: raw.body,
            signature: None,
        };
        received.signature = received.verify();
        received
    }

    /// Verifies an AK/SK signature with the raw path, query and headers as received.
    fn verify(&self) -> Option<Result<String, String>> {
        let signed = self
            .header("authorization")
            .is_some_and(|a| a.starts_with("SDK-HMAC-SHA256"));
        if !signed {
            return None;
        }
        let result = Verifier::new(SystemTime::now())
            .verify(
                &self.method,
                self.path(),
                self.query(),
                &self.headers,
                &self.body,
                |ak| (ak == ACCESS_KEY).then(|| Secret::new(SECRET_KEY)),
            )
            .map(str::to_owned)
            .map_err(|e| e.to_string());
        Some(result)
    }
}

struct Shared {
    handler: Box<Handler>,
    requests: Mutex<Vec<Received>>,
    connections: AtomicUsize,
    stop: AtomicBool,
}

/// A scripted HTTP/1.1 server on `127.0.0.1:0`; stops accepting when dropped.
pub struct TestServer {
    addr: SocketAddr,
    shared: Arc<Shared>,
    https: bool,
}

impl TestServer {
    /// Starts a server that answers every request with `handler(request)`.
    pub fn start(handler: impl Fn(&Received) -> Reply + Send + Sync + 'static) -> TestServer {
        TestServer::launch(Box::new(handler), None)
    }

    /// Starts an https server presenting the server certificate `ca` issued.
    pub fn start_tls(
        ca: &crate::TestCa,
        handler: impl Fn(&Received) -> Reply + Send + Sync + 'static,
    ) -> TestServer {
        TestServer::launch(Box::new(handler), Some(Arc::clone(&ca.server)))
    }

    fn launch(handler: Box<Handler>, tls: Option<Arc<rustls::ServerConfig>>) -> TestServer {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
        let addr = listener.local_addr().expect("local addr");
        let shared = Arc::new(Shared {
            handler,
            requests: Mutex::new(Vec::new()),
            connections: AtomicUsize::new(0),
            stop: AtomicBool::new(false),
        });
        let accept_shared = Arc::clone(&shared);
        let https = tls.is_some();
        thread::spawn(move || accept_loop(&listener, &accept_shared, tls));
        TestServer {
            addr,
            shared,
            https,
        }
    }

    /// `http://127.0.0.1:{port}` (`https://` for a TLS server).
    pub fn url(&self) -> String {
        let scheme = if self.https { "https" } else { "http" };
        format!("{scheme}://{}", self.addr)
    }

    /// Connections accepted so far.
    pub fn connections(&self) -> usize {
        self.shared.connections.load(Ordering::SeqCst)
    }

    /// Every request received so far.
    pub fn requests(&self) -> Vec<Received> {
        self.lock_requests().clone()
    }

    /// How many requests arrived.
    pub fn request_count(&self) -> usize {
        self.lock_requests().len()
    }

    fn lock_requests(&self) -> std::sync::MutexGuard<'_, Vec<Received>> {
        self.shared
            .requests
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.shared.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so it sees the flag.
        let _ = TcpStream::connect(self.addr);
    }
}

/// A handler that answers the n-th request with `replies[n]`, and every later one with
/// the last reply.
pub fn scripted(replies: Vec<Reply>) -> impl Fn(&Received) -> Reply + Send + Sync + 'static {
    assert!(!replies.is_empty(), "a script needs at least one reply");
    move |request| replies[request.index.min(replies.len() - 1)].clone()
}

/// The URL of a loopback port nobody listens on (bound, then released).
pub fn closed_port_url() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1:0");
    let addr = listener.local_addr().expect("local addr");
    drop(listener);
    format!("http://{addr}")
}

/// A loopback listener that never accepts and whose accept queue is full, so new
/// connections hang in the handshake: a connect timeout on loopback. Keep the value
/// alive while the test runs.
pub struct Unresponsive {
    url: String,
    _listener: socket2::Socket,
    _queued: Vec<TcpStream>,
}

impl Unresponsive {
    /// Binds, listens with a backlog of 1, and fills the queue.
    pub fn new() -> Unresponsive {
        use socket2::{Domain, Socket, Type};
        let socket = Socket::new(Domain::IPV4, Type::STREAM, None).expect("socket");
        let any: SocketAddr = "127.0.0.1:0".parse().expect("address");
        socket.bind(&any.into()).expect("bind");
        socket.listen(1).expect("listen");
        let addr = socket
            .local_addr()
            .expect("local addr")
            .as_socket()
            .expect("inet address");
        let queued = (0..4)
            .filter_map(|_| TcpStream::connect_timeout(&addr, Duration::from_millis(100)).ok())
            .collect();
        Unresponsive {
            url: format!("http://{addr}"),
            _listener: socket,
            _queued: queued,
        }
    }

    /// `http://127.0.0.1:{port}`.
    pub fn url(&self) -> &str {
        &self.url
    }
}

impl Default for Unresponsive {
    fn default() -> Self {
        Unresponsive::new()
    }
}

fn accept_loop(
    listener: &TcpListener,
    shared: &Arc<Shared>,
    tls: Option<Arc<rustls::ServerConfig>>,
) {
    for stream in listener.incoming() {
        if shared.stop.load(Ordering::SeqCst) {
            return;
        }
        let Ok(stream) = stream else { continue };
        let connection = shared.connections.fetch_add(1, Ordering::SeqCst);
        let shared = Arc::clone(shared);
        let tls = tls.clone();
        thread::spawn(move || {
            let _ = serve_connection(stream, connection, &shared, tls);
        });
    }
}

fn serve_connection(
    stream: TcpStream,
    connection: usize,
    shared: &Shared,
    tls: Option<Arc<rustls::ServerConfig>>,
) -> io::Result<()> {
    // Idle keep-alive connections must not pin threads forever.
    stream.set_read_timeout(Some(Duration::from_secs(20)))?;
    stream.set_nodelay(true)?;
    let socket = stream.try_clone()?;
    match tls {
        None => serve(stream, &socket, connection, shared),
        Some(config) => {
            let session = rustls::ServerConnection::new(config).map_err(io::Error::other)?;
            serve(
                rustls::StreamOwned::new(session, stream),
                &socket,
                connection,
                shared,
            )
        }
    }
}

/// Ends the connection with a TCP reset: linger 0 makes the close send RST, not FIN.
fn reset(socket: &TcpStream) -> io::Result<()> {
    socket2::SockRef::from(socket).set_linger(Some(Duration::ZERO))
}

/// Serves requests on one connection until the client closes it or a reply ends it.
/// `socket` is the underlying TCP socket (for resets).
fn serve(
    stream: impl Read + Write,
    socket: &TcpStream,
    connection: usize,
    shared: &Shared,
) -> io::Result<()> {
    let mut reader = BufReader::new(stream);
    while let Some(raw) = http1::read_request(&mut reader)? {
        let close = raw.wants_close();
        let received = {
            let mut requests = shared
                .requests
                .lock()
                .unwrap_or_else(PoisonError::into_inner);
            let received = Received::from_raw(raw, requests.len(), connection);
            requests.push(received.clone());
            received
        };
        let reply = match &received.signature {
            Some(Err(why)) => Reply::json(
                401,
                &format!(
                    r#"{{"error_code":"APIGW.0301","error_msg":"Incorrect IAM authentication information: {why}"}}"#
                ),
            ),
            _ => (shared.handler)(&received),
        };
        let writer = reader.get_mut();
        match reply {
            Reply::Respond {
                status,
                headers,
                body,
                delay,
            } => {
                thread::sleep(delay);
                // One write: a head and body in separate segments would meet Nagle and
                // delayed ACKs and cost 40 ms per exchange.
                let mut out = Vec::with_capacity(256 + body.len());
                http1::write_head(&mut out, status, &headers, body.len())?;
                out.extend_from_slice(&body);
                writer.write_all(&out)?;
                writer.flush()?;
            }
            Reply::Drop => return Ok(()),
            Reply::ResetMidBody { declared, sent } => {
                let mut out = Vec::new();
                http1::write_head(&mut out, 200, &[], declared)?;
                out.extend_from_slice(&sent);
                writer.write_all(&out)?;
                writer.flush()?;
                return reset(socket);
            }
            Reply::Reset => return reset(socket),
            Reply::Raw {
                bytes,
                at_once,
                pace,
            } => {
                let (burst, rest) = bytes.split_at(at_once.min(bytes.len()));
                writer.write_all(burst)?;
                writer.flush()?;
                for byte in rest {
                    thread::sleep(pace);
                    // A client that gave up makes this write fail, which ends the
                    // thread.
                    writer.write_all(std::slice::from_ref(byte))?;
                    writer.flush()?;
                }
                return Ok(());
            }
        }
        if close {
            return Ok(());
        }
    }
    Ok(())
}
