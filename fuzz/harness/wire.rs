//! The byte formats of the fuzz inputs: HTTP/1.1-like text, so that seeds are readable,
//! can be written by hand, and a mutation of a header line stays a header.
//!
//! ```text
//! response:  <status>\n          request:  <METHOD> <path>[?<query>]\n
//!            <name>: <value>\n              <name>: <value>\n
//!            ...                            ...
//!            \n                             \n
//!            <body bytes>                   <body bytes>
//! ```
//!
//! Lines end in `\n` (a `\r` before it is dropped). One space after the `:` is dropped;
//! any further whitespace is kept, so values with edge whitespace can be expressed.
//! Header lines that are not a valid header (no `:`, a bad name, a control byte in the
//! value) are skipped: no HTTP client or server could hand such a header over.

use http::{HeaderMap, HeaderName, HeaderValue, Response, StatusCode};

/// A request as a server sees it on the wire, before any interpretation.
pub(crate) struct RawRequest<'a> {
    /// The method token, as sent.
    pub method: &'a str,
    /// The path, still percent-encoded.
    pub path: &'a str,
    /// The query (after `?`), still percent-encoded; `None` without a `?`.
    pub query: Option<&'a str>,
    /// The headers.
    pub headers: HeaderMap,
    /// The body.
    pub body: &'a [u8],
}

/// Splits `data` at the first blank line into the head lines and the body.
fn split_message(data: &[u8]) -> (Vec<&[u8]>, &[u8]) {
    let (head, body) = match data.windows(2).position(|w| w == b"\n\n") {
        Some(at) => (&data[..at], &data[at + 2..]),
        None => (data, &data[data.len()..]),
    };
    let lines = head
        .split(|b| *b == b'\n')
        .map(|line| line.strip_suffix(b"\r").unwrap_or(line))
        .collect();
    (lines, body)
}

/// The headers of `lines`, skipping lines that are no valid header.
fn headers(lines: &[&[u8]]) -> HeaderMap {
    let mut map = HeaderMap::new();
    for line in lines {
        let Some(colon) = line.iter().position(|b| *b == b':') else {
            continue;
        };
        let value = &line[colon + 1..];
        let value = value.strip_prefix(b" ").unwrap_or(value);
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(&line[..colon]),
            HeaderValue::from_bytes(value),
        ) {
            map.append(name, value);
        }
    }
    map
}

/// Reads a response; `None` if the first line is not a status code (100–999).
pub(crate) fn response(data: &[u8]) -> Option<Response<Vec<u8>>> {
    let (lines, body) = split_message(data);
    let (status_line, header_lines) = lines.split_first()?;
    let status = std::str::from_utf8(status_line).ok()?.trim().parse().ok()?;
    let mut response = Response::new(body.to_vec());
    *response.status_mut() = StatusCode::from_u16(status).ok()?;
    *response.headers_mut() = headers(header_lines);
    Some(response)
}

/// Reads a request; `None` if the request line is not UTF-8 or has no space.
pub(crate) fn request(data: &[u8]) -> Option<RawRequest<'_>> {
    let (lines, body) = split_message(data);
    let (request_line, header_lines) = lines.split_first()?;
    let (method, target) = std::str::from_utf8(request_line).ok()?.split_once(' ')?;
    let (path, query) = match target.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (target, None),
    };
    Some(RawRequest {
        method,
        path,
        query,
        headers: headers(header_lines),
        body,
    })
}
