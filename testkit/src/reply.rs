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
