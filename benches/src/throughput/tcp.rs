//! The bare floor: a minimal keep-alive HTTP/1.1 client over `std::net::TcpStream`,
//! written for the benchmark only. One `write` per request (head and body together),
//! reads until the head ends and then exactly `Content-Length` bytes; no timeouts, no
//! TLS, no chunked answers, no redirects — the least a client can do and still make
//! the call.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::sync::Mutex;

use bytes::Bytes;
use http::Request;

/// Connections to one `http://` endpoint, one per call in flight.
#[derive(Debug, Default)]
pub struct TcpClient {
    idle: Mutex<Vec<Connection>>,
}

#[derive(Debug)]
struct Connection {
    stream: TcpStream,
    /// The request being written, reused.
    out: Vec<u8>,
    /// What has been read of the answer, reused.
    input: Vec<u8>,
}

impl TcpClient {
    /// A client without connections.
    pub fn new() -> Self {
        TcpClient::default()
    }

    /// Sends `request` (an absolute `http://` URI) and returns the status and body.
    pub fn call(&self, request: &Request<Bytes>) -> Result<(http::StatusCode, Bytes), String> {
        let pooled = self.idle.lock().map_err(|e| e.to_string())?.pop();
        let mut connection = match pooled {
            Some(connection) => connection,
            None => Connection::open(request)?,
        };
        let (status, body, keep) = connection.exchange(request)?;
        if keep {
            self.idle
                .lock()
                .map_err(|e| e.to_string())?
                .push(connection);
        }
        Ok((status, body))
    }
}

impl Connection {
    fn open(request: &Request<Bytes>) -> Result<Connection, String> {
        let authority = request.uri().authority().ok_or("no authority")?;
        let port = authority.port_u16().unwrap_or(80);
        let stream = TcpStream::connect((authority.host(), port)).map_err(|e| e.to_string())?;
        stream.set_nodelay(true).map_err(|e| e.to_string())?;
        Ok(Connection {
            stream,
            out: Vec::with_capacity(2048),
            input: Vec::with_capacity(16 * 1024),
        })
    }

    /// One request and its answer; whether the connection can be used again.
    fn exchange(
        &mut self,
        request: &Request<Bytes>,
    ) -> Result<(http::StatusCode, Bytes, bool), String> {
        let uri = request.uri();
        let target = uri.path_and_query().map_or("/", |p| p.as_str());
        let host = uri.authority().map_or("", |a| a.as_str());
        let body = request.body();
        self.out.clear();
        write!(self.out, "{} {target} HTTP/1.1\r\n", request.method())
            .map_err(|e| e.to_string())?;
        // A signed request has its `Host` already (it is signed).
        if !request.headers().contains_key(http::header::HOST) {
            write!(self.out, "host: {host}\r\n").map_err(|e| e.to_string())?;
        }
        for (name, value) in request.headers() {
            self.out.extend_from_slice(name.as_str().as_bytes());
            self.out.extend_from_slice(b": ");
            self.out.extend_from_slice(value.as_bytes());
            self.out.extend_from_slice(b"\r\n");
        }
        if !body.is_empty() {
            write!(self.out, "content-length: {}\r\n", body.len()).map_err(|e| e.to_string())?;
        }
        self.out.extend_from_slice(b"\r\n");
        self.out.extend_from_slice(body);
        self.stream
            .write_all(&self.out)
            .map_err(|e| e.to_string())?;

        self.input.clear();
        let head_end = loop {
            if let Some(at) = find(&self.input, b"\r\n\r\n") {
                break at + 4;
            }
            self.fill()?;
        };
        let head = std::str::from_utf8(&self.input[..head_end]).map_err(|e| e.to_string())?;
        let status = head
            .get(9..12)
            .and_then(|code| code.parse::<u16>().ok())
            .and_then(|code| http::StatusCode::from_u16(code).ok())
            .ok_or("no status line")?;
        let mut length = 0usize;
        let mut keep = true;
        for line in head.split("\r\n").skip(1) {
            let Some((name, value)) = line.split_once(':') else {
                continue;
            };
            let value = value.trim();
            if name.eq_ignore_ascii_case("content-length") {
                length = value.parse().map_err(|_| "bad content-length")?;
            } else if name.eq_ignore_ascii_case("transfer-encoding") {
                return Err("chunked answers are not supported by this floor".into());
            } else if name.eq_ignore_ascii_case("connection") && value.eq_ignore_ascii_case("close")
            {
                keep = false;
            }
        }
        while self.input.len() < head_end + length {
            self.fill()?;
        }
        let body = Bytes::copy_from_slice(&self.input[head_end..head_end + length]);
        Ok((status, body, keep))
    }

    /// Reads what the socket has into `input`.
    fn fill(&mut self) -> Result<(), String> {
        let start = self.input.len();
        self.input.resize(start + 16 * 1024, 0);
        let n = self
            .stream
            .read(&mut self.input[start..])
            .map_err(|e| e.to_string())?;
        self.input.truncate(start + n);
        if n == 0 {
            return Err("the server closed the connection".into());
        }
        Ok(())
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
