//! The canonical request of `SDK-HMAC-SHA256`, shared by the signer and the verifier.
//!
//! See `shared/spec/signing.md` §4–§6. Both sides build it with these functions, so a
//! signature the signer produces is exactly what the verifier recomputes.

use std::fmt::Write as _;

use http::HeaderMap;
use sha2::{Digest, Sha256};

use crate::encoding::{self, push_encoded};

/// SHA-256 of the empty string: the payload hash of a request without a body.
pub const EMPTY_PAYLOAD_SHA256: &str =
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/// The header that replaces the payload hash (`UNSIGNED-PAYLOAD` for non-JSON bodies).
pub(crate) const CONTENT_SHA256: &str = "x-sdk-content-sha256";

/// The canonical URI: decode the path once, split on `/`, encode each segment, join, and
/// end with `/`.
pub(crate) fn canonical_uri(raw_path: &str) -> String {
    let decoded = encoding::decode(raw_path);
    let mut out = String::with_capacity(raw_path.len() + 16);
    for (i, segment) in decoded.split(|b| *b == b'/').enumerate() {
        if i > 0 {
            out.push('/');
        }
        push_encoded(&mut out, segment);
    }
    if !out.ends_with('/') {
        out.push('/');
    }
    out
}

/// The canonical query string: decoded pairs sorted by raw key then raw value, each
/// encoded, `key=value` joined by `&`.
pub(crate) fn canonical_query(raw_query: Option<&str>) -> String {
    let Some(raw) = raw_query.filter(|q| !q.is_empty()) else {
        return String::new();
    };
    let mut pairs = encoding::query_pairs(raw);
    pairs.sort();
    let mut out = String::with_capacity(raw.len() + 8);
    for (i, (k, v)) in pairs.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        push_encoded(&mut out, k);
        out.push('=');
        push_encoded(&mut out, v);
    }
    out
}

/// A header value as the canonical request sees it: leading and trailing whitespace
/// trimmed, internal runs kept.
pub(crate) fn trimmed(value: &[u8]) -> &[u8] {
    value.trim_ascii()
}

/// The signed-headers list of a request: every header whose name has no `_`, lowercased
/// (the `http` crate already stores names lowercased), sorted, deduplicated.
pub(crate) fn signed_header_names(headers: &HeaderMap) -> Vec<&str> {
    let mut names: Vec<&str> = headers
        .keys()
        .map(|k| k.as_str())
        .filter(|k| !k.contains('_'))
        .collect();
    names.sort_unstable();
    names.dedup();
    names
}

/// Why a canonical request could not be formed from a request's headers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum CanonicalError {
    /// A header named in the signed list is absent.
    MissingHeader(String),
    /// A signed header's value is not UTF-8.
    NonUtf8Header(String),
}

/// Appends the canonical headers block (`name:value\n` per signed name) for `names`.
/// Repeated headers are joined with `,`.
pub(crate) fn write_canonical_headers<'a>(
    out: &mut String,
    headers: &HeaderMap,
    names: impl IntoIterator<Item = &'a str>,
) -> Result<(), CanonicalError> {
    for name in names {
        out.push_str(name);
        out.push(':');
        let mut values = headers.get_all(name).iter().peekable();
        if values.peek().is_none() {
            return Err(CanonicalError::MissingHeader(name.to_owned()));
        }
        for (i, value) in values.enumerate() {
            if i > 0 {
                out.push(',');
            }
            let text = std::str::from_utf8(trimmed(value.as_bytes()))
                .map_err(|_| CanonicalError::NonUtf8Header(name.to_owned()))?;
            out.push_str(text);
        }
        out.push('\n');
    }
    Ok(())
}

/// The payload line: the empty-string hash for an empty body, else the value of
/// `X-Sdk-Content-Sha256` when `honour_content_sha256`, else the body's SHA-256.
pub(crate) fn payload_hash(body: &[u8], content_sha256: Option<&str>) -> String {
    if body.is_empty() {
        EMPTY_PAYLOAD_SHA256.to_owned()
    } else if let Some(value) = content_sha256 {
        value.to_owned()
    } else {
        sha256_hex(body)
    }
}

/// Lowercase hex SHA-256.
pub(crate) fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// Assembles the canonical request from its parts.
pub(crate) fn canonical_request(
    method: &str,
    raw_path: &str,
    raw_query: Option<&str>,
    canonical_headers: &str,
    signed_headers: &str,
    payload_hash: &str,
) -> String {
    let mut out = String::with_capacity(
        method.len() + raw_path.len() + canonical_headers.len() + signed_headers.len() + 160,
    );
    // Upper-case the method: the SDK signs a lower-case `get` as `GET`.
    for c in method.chars() {
        out.push(c.to_ascii_uppercase());
    }
    out.push('\n');
    out.push_str(&canonical_uri(raw_path));
    out.push('\n');
    out.push_str(&canonical_query(raw_query));
    out.push('\n');
    out.push_str(canonical_headers);
    out.push('\n');
    out.push_str(signed_headers);
    out.push('\n');
    out.push_str(payload_hash);
    out
}

/// `SDK-HMAC-SHA256\n{date}\n{hex sha256(canonical request)}`.
pub(crate) fn string_to_sign(
    algorithm: &str,
    date: &str,
    scope: Option<&str>,
    canonical: &str,
) -> String {
    let mut out = String::with_capacity(algorithm.len() + date.len() + 70);
    let _ = write!(out, "{algorithm}\n{date}\n");
    if let Some(scope) = scope {
        out.push_str(scope);
        out.push('\n');
    }
    out.push_str(&sha256_hex(canonical.as_bytes()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uri_rules() {
        assert_eq!(canonical_uri("/v2/p/fgs/functions"), "/v2/p/fgs/functions/");
        assert_eq!(canonical_uri("/a/"), "/a/");
        assert_eq!(canonical_uri("/a//b"), "/a//b/");
        assert_eq!(canonical_uri("/f/urn:fss:x"), "/f/urn%3Afss%3Ax/");
        assert_eq!(canonical_uri("/f/urn%3Afss%3Ax"), "/f/urn%3Afss%3Ax/");
        assert_eq!(canonical_uri("/a/a%2Fb"), "/a/a/b/");
        assert_eq!(canonical_uri("/a/x~y z+"), "/a/x~y%20z%2B/");
    }

    #[test]
    fn query_rules() {
        assert_eq!(canonical_query(None), "");
        assert_eq!(
            canonical_query(Some("maxitems=50&marker=0")),
            "marker=0&maxitems=50"
        );
        assert_eq!(
            canonical_query(Some("x=%5Ecaret&x=Zeta")),
            "x=Zeta&x=%5Ecaret"
        );
        assert_eq!(canonical_query(Some("a")), "a=");
    }
}
