//! What a test server does with a request.

use std::time::Duration;

/// The test server's answer to one request.
#[derive(Debug, Clone)]
pub enum Reply {
    /// Send a complete response, after `delay`, and keep the connection open.
    Respond {
        /// Status code.
        status: u16,
        /// Extra headers (`Content-Length` is added unless present).
        headers: Vec<(String, String)>,
        /// Body.
        body: Vec<u8>,
        /// Wait this long before writing anything.
        delay: Duration,
    },
    /// Close the connection without answering (the request was read in full, so the
    /// server may have acted on it).
    Drop,
    /// Send the head announcing `declared` body bytes, then only `sent`, then reset the
    /// connection (RST, not an orderly close).
    ResetMidBody {
        /// The `Content-Length` announced.
        declared: usize,
        /// The bytes actually written before the reset.
        sent: Vec<u8>,
    },
    /// Reset the connection (RST) without writing a byte: the request was read in full,
    /// so the server may have acted on it, and the client never sees a status line.
    Reset,
    /// Write these bytes exactly as given — a broken status line, a truncated chunked
    /// body, a `Content-Length` the body never reaches — then close the connection
    /// (FIN). The first `at_once` bytes go out in one write; the rest one at a time,
    /// `pace` apart: a server that trickles.
    Raw {
        /// Everything written, status line included.
        bytes: Vec<u8>,
        /// How many leading bytes are written at once.
        at_once: usize,
        /// The pause before each later byte.
        pace: Duration,
    },
}

impl Reply {
    /// A JSON response.
    pub fn json(status: u16, body: &str) -> Reply {
        Reply::bytes(status, body.as_bytes().to_vec()).header("content-type", "application/json")
    }

    /// A response with an arbitrary body and no content type.
    pub fn bytes(status: u16, body: Vec<u8>) -> Reply {
        Reply::Respond {
            status,
            headers: Vec::new(),
            body,
            delay: Duration::ZERO,
        }
    }

    /// Raw bytes written at once, then the connection is closed; see [`Reply::Raw`].
    pub fn raw(bytes: impl Into<Vec<u8>>) -> Reply {
        let bytes = bytes.into();
        Reply::Raw {
            at_once: bytes.len(),
            bytes,
            pace: Duration::ZERO,
        }
    }

    /// Raw bytes of which the first `at_once` are written at once and the rest one at
    /// a time, `pace` apart; then the connection is closed.
    pub fn trickle(bytes: impl Into<Vec<u8>>, at_once: usize, pace: Duration) -> Reply {
        Reply::Raw {
            bytes: bytes.into(),
            at_once,
            pace,
        }
    }

    /// An FSS-style error response with a request id header.
    pub fn fss_error(status: u16, code: &str, message: &str, request_id: &str) -> Reply {
        let body = format!(r#"{{"error_code":"{code}","error_msg":"{message}"}}"#);
        Reply::json(status, &body).header("x-request-id", request_id)
    }

    /// Adds a header to a [`Reply::Respond`] (other replies are returned unchanged).
    pub fn header(mut self, name: &str, value: &str) -> Reply {
        if let Reply::Respond { headers, .. } = &mut self {
            headers.push((name.to_owned(), value.to_owned()));
        }
        self
    }

    /// Delays a [`Reply::Respond`] (other replies are returned unchanged).
    pub fn delay(mut self, wait: Duration) -> Reply {
        if let Reply::Respond { delay, .. } = &mut self {
            *delay = wait;
        }
        self
    }
}
