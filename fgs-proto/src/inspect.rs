//! Rendering requests as readable HTTP/1.1 text or a `curl` command line, with secrets
//! redacted: the format of the request snapshots, and safe for logs.
//!
//! Redacted always: `X-Auth-Token`, `X-Security-Token`, and any header marked sensitive.
//! Redacted by default: the `Signature=` part of `Authorization` (a signature can be
//! replayed for the skew window); snapshot tests reveal it with
//! [`Render::reveal_signature`] because a deterministic signature is worth asserting.

use std::fmt::Write as _;

use http::Request;

use crate::body::BodyBytes;

/// What replaces a redacted value.
pub const REDACTED: &str = "<redacted>";

const ALWAYS_SECRET: [&str; 3] = ["x-auth-token", "x-security-token", "cookie"];

/// Rendering options.
#[derive(Debug, Clone, Copy)]
pub struct Render {
    reveal_signature: bool,
    max_body: usize,
}

impl Default for Render {
    fn default() -> Self {
        Render {
            reveal_signature: false,
            max_body: 16 * 1024,
        }
    }
}

impl Render {
    /// Default options: signature redacted, body cut after 16 KiB.
    pub fn new() -> Self {
        Render::default()
    }

    /// Shows the `Signature=` value of `Authorization`.
    pub fn reveal_signature(mut self, reveal: bool) -> Self {
        self.reveal_signature = reveal;
        self
    }

    /// Cuts the body after this many bytes.
    pub fn max_body(mut self, bytes: usize) -> Self {
        self.max_body = bytes;
        self
    }

    /// The request as HTTP/1.1 text: request line with the origin-form target, `host`
    /// first, then the other headers sorted by name, a blank line, and the body.
    ///
    /// ```
    /// use fgs_proto::inspect::Render;
    /// let request = http::Request::post("http://127.0.0.1:8080/v2/p/fgs/functions?b=1")
    ///     .header("X-Auth-Token", "secret-token")
    ///     .header("Content-Type", "application/json")
    ///     .body(b"{}".to_vec())?;
    /// assert_eq!(
    ///     Render::new().http(&request),
    ///     "POST /v2/p/fgs/functions?b=1 HTTP/1.1\nhost: 127.0.0.1:8080\n\
    ///      content-type: application/json\nx-auth-token: <redacted>\n\n{}\n",
    /// );
    /// # Ok::<(), http::Error>(())
    /// ```
    pub fn http<B: BodyBytes>(&self, request: &Request<B>) -> String {
        let mut out = String::with_capacity(512);
        let target = request
            .uri()
            .path_and_query()
            .map(|pq| pq.as_str())
            .unwrap_or("/");
        let _ = writeln!(out, "{} {target} HTTP/1.1", request.method());
        for (name, value) in self.headers(request) {
            let _ = writeln!(out, "{name}: {value}");
        }
        out.push('\n');
        let body = request.body().body_bytes();
        if !body.is_empty() {
            out.push_str(&self.body(&body));
            out.push('\n');
        }
        out
    }

    /// The request as a `curl` command line (single-quoted for POSIX shells).
    pub fn curl<B: BodyBytes>(&self, request: &Request<B>) -> String {
        let mut out = format!(
            "curl -X {} {}",
            request.method(),
            shell_quote(&request.uri().to_string())
        );
        for (name, value) in self.headers(request) {
            if name == "host" && request.uri().authority().is_some() {
                continue;
            }
            let _ = write!(
                out,
                " \\\n  -H {}",
                shell_quote(&format!("{name}: {value}"))
            );
        }
        let body = request.body().body_bytes();
        if !body.is_empty() {
            let _ = write!(
                out,
                " \\\n  --data-binary {}",
                shell_quote(&self.body(&body))
            );
        }
        out
    }

    fn headers<B>(&self, request: &Request<B>) -> Vec<(String, String)> {
        let mut headers: Vec<(String, String)> = request
            .headers()
            .iter()
            .map(|(name, value)| {
                let name = name.as_str().to_owned();
                // `Authorization` is marked sensitive too, but its access key, signed
                // headers and date are worth showing: only the signature is secret.
                let shown = if name == "authorization" {
                    let text = String::from_utf8_lossy(value.as_bytes()).into_owned();
                    if self.reveal_signature {
                        text
                    } else {
                        redact_signature(&text)
                    }
                } else if value.is_sensitive() || ALWAYS_SECRET.contains(&name.as_str()) {
                    REDACTED.to_owned()
                } else {
                    String::from_utf8_lossy(value.as_bytes()).into_owned()
                };
                (name, shown)
            })
            .collect();
        if !request.headers().contains_key(http::header::HOST)
            && let Some(authority) = request.uri().authority()
        {
            headers.push(("host".to_owned(), authority.to_string()));
        }
        // `host` first, as on the wire; the rest sorted so snapshots are stable.
        headers.sort_by(|a, b| (a.0 != "host", &a.0).cmp(&(b.0 != "host", &b.0)));
        headers
    }

    fn body(&self, body: &[u8]) -> String {
        let shown = &body[..body.len().min(self.max_body)];
        let mut text = match std::str::from_utf8(shown) {
            Ok(text) => text.to_owned(),
            // A cut inside a UTF-8 sequence: show up to the cut.
            Err(e) if e.error_len().is_none() => {
                String::from_utf8_lossy(&shown[..e.valid_up_to()]).into_owned()
            }
            Err(_) => format!("<{} bytes of binary data>", body.len()),
        };
        if shown.len() < body.len() && !text.starts_with('<') {
            let _ = write!(text, "…<{} bytes in all>", body.len());
        }
        text
    }
}

/// [`Render::http`] with default options.
pub fn http<B: BodyBytes>(request: &Request<B>) -> String {
    Render::new().http(request)
}

/// [`Render::curl`] with default options.
pub fn curl<B: BodyBytes>(request: &Request<B>) -> String {
    Render::new().curl(request)
}

/// An `SDK-HMAC-SHA256` value with its signature redacted; any other scheme (a bearer
/// token, basic credentials) is redacted whole.
fn redact_signature(authorization: &str) -> String {
    match authorization.find("Signature=") {
        Some(at) => format!("{}Signature={REDACTED}", &authorization[..at]),
        None => REDACTED.to_owned(),
    }
}

fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', r"'\''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request() -> Request<Vec<u8>> {
        Request::put("https://h.example/v2/p/fgs/functions/f/config")
            .header(
                "authorization",
                "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=abc",
            )
            .header("x-security-token", "SENTINEL-ST")
            .header("x-auth-token", "SENTINEL-TOKEN")
            .body(b"{\"a\":\"it's\"}".to_vec())
            .unwrap()
    }

    #[test]
    fn redacts_secrets_and_signature() {
        let text = http(&request());
        assert!(!text.contains("SENTINEL"), "{text}");
        assert!(text.contains("Signature=<redacted>"), "{text}");
        assert!(text.starts_with("PUT /v2/p/fgs/functions/f/config HTTP/1.1\nhost: h.example\n"));
        let revealed = Render::new().reveal_signature(true).http(&request());
        assert!(revealed.contains("Signature=abc"));
        assert!(!revealed.contains("SENTINEL"));
    }

    #[test]
    fn curl_quotes() {
        let text = curl(&request());
        assert!(text.starts_with("curl -X PUT 'https://h.example/v2/p/fgs/functions/f/config'"));
        assert!(
            text.contains(r#"--data-binary '{"a":"it'\''s"}'"#),
            "{text}"
        );
        assert!(!text.contains("SENTINEL"));
    }

    #[test]
    fn long_and_binary_bodies() {
        let r = Request::post("http://h/x").body(vec![b'a'; 100]).unwrap();
        assert!(
            Render::new()
                .max_body(10)
                .http(&r)
                .contains("aaaaaaaaaa…<100 bytes in all>")
        );
        let b = Request::post("http://h/x").body(vec![0xff, 0xfe]).unwrap();
        assert!(http(&b).contains("<2 bytes of binary data>"));
    }
}
