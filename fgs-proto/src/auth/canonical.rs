//! The canonical request of `SDK-HMAC-SHA256`, shared by the signer and the verifier.
//!
//! Both sides build it with these functions, so a signature the signer produces is
//! exactly what the verifier recomputes.
//!
//! Signing is on every request's path, so the pieces are written straight into one
//! buffer: no intermediate strings per part, no decoded copy of the path.

use http::header::AsHeaderName;
use http::{HeaderMap, HeaderName};
use sha2::{Digest, Sha256};

use crate::encoding::{self, push_encoded};

/// SHA-256 of the empty string: the payload hash of a request without a body.
pub const EMPTY_PAYLOAD_SHA256: &str =
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

/// The header that replaces the payload hash (`UNSIGNED-PAYLOAD` for non-JSON bodies).
pub(crate) const CONTENT_SHA256: &str = "x-sdk-content-sha256";

/// Appends the canonical URI: decode the path once, split on `/`, encode each segment,
/// join, and end with `/`.
///
/// A path that is already in that form — as every path `RequestBuilder` makes is — is
/// copied as it is. Any other is rewritten in one pass without a decoded copy: a byte
/// that decodes to `/` separates segments and is written as `/`; runs of other decoded
/// bytes are re-encoded. Both are exactly decode → split → encode → join.
pub(crate) fn push_canonical_uri(out: &mut String, raw_path: &str) {
    let start = out.len();
    if is_canonical_path(raw_path.as_bytes()) {
        out.push_str(raw_path);
    } else {
        push_recoded_path(out, raw_path);
    }
    if out.len() == start || !out.ends_with('/') {
        out.push('/');
    }
}

/// Whether decoding and re-encoding `raw_path` gives it back: every byte is `/` or
/// unreserved, and every `%` starts an uppercase escape of a byte that is neither.
fn is_canonical_path(raw_path: &[u8]) -> bool {
    fn upper_hex(digit: u8) -> Option<u8> {
        match digit {
            b'0'..=b'9' => Some(digit - b'0'),
            b'A'..=b'F' => Some(digit - b'A' + 10),
            _ => None,
        }
    }
    let mut rest = raw_path;
    while let Some((&b, tail)) = rest.split_first() {
        rest = tail;
        if b == b'/' || encoding::is_unreserved(b) {
            continue;
        }
        if b != b'%' {
            return false;
        }
        let Some((&[high, low], tail)) = rest.split_first_chunk::<2>() else {
            return false;
        };
        let (Some(high), Some(low)) = (upper_hex(high), upper_hex(low)) else {
            return false;
        };
        let decoded = high << 4 | low;
        if decoded == b'/' || encoding::is_unreserved(decoded) {
            return false;
        }
        rest = tail;
    }
    true
}

/// The general case of [`push_canonical_uri`], without the trailing `/`.
fn push_recoded_path(out: &mut String, raw_path: &str) {
    // Decoded bytes are gathered in small runs so that the encoder sees slices.
    let mut run = [0u8; 64];
    let mut len = 0;
    for b in encoding::decode_iter(raw_path.as_bytes()) {
        if b != b'/' {
            run[len] = b;
            len += 1;
            if len < run.len() {
                continue;
            }
        }
        push_encoded(out, &run[..len]);
        len = 0;
        if b == b'/' {
            out.push('/');
        }
    }
    push_encoded(out, &run[..len]);
}

/// The canonical URI of `raw_path` (see [`push_canonical_uri`]).
#[cfg(test)]
pub(crate) fn canonical_uri(raw_path: &str) -> String {
    let mut out = String::with_capacity(raw_path.len() + 16);
    push_canonical_uri(&mut out, raw_path);
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
/// (the `http` crate already stores names lowercased), sorted. `HeaderMap::keys` yields
/// each name once, so there is nothing to deduplicate.
pub(crate) fn signed_header_names(headers: &HeaderMap) -> Vec<&HeaderName> {
    let mut names: Vec<&HeaderName> = headers
        .keys()
        .filter(|k| !k.as_str().contains('_'))
        .collect();
    names.sort_unstable_by(|a, b| a.as_str().cmp(b.as_str()));
    names
}

/// `names` joined by `;`: the `SignedHeaders` value.
pub(crate) fn join_names<N: AsRef<str>>(names: &[N]) -> String {
    let mut out = String::with_capacity(names.iter().map(|n| n.as_ref().len() + 1).sum());
    for (i, name) in names.iter().enumerate() {
        if i > 0 {
            out.push(';');
        }
        out.push_str(name.as_ref());
    }
    out
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
///
/// Names are `&HeaderName` when signing (looked up without re-parsing) and `&str` when
/// verifying (as listed in the `Authorization` header).
pub(crate) fn write_canonical_headers<N>(
    out: &mut String,
    headers: &HeaderMap,
    names: impl IntoIterator<Item = N>,
) -> Result<(), CanonicalError>
where
    N: AsHeaderName + AsRef<str> + Copy,
{
    for name in names {
        let text_name = name.as_ref();
        out.push_str(text_name);
        out.push(':');
        let mut values = headers.get_all(name).iter().peekable();
        if values.peek().is_none() {
            return Err(CanonicalError::MissingHeader(text_name.to_owned()));
        }
        for (i, value) in values.enumerate() {
            if i > 0 {
                out.push(',');
            }
            let text = std::str::from_utf8(trimmed(value.as_bytes()))
                .map_err(|_| CanonicalError::NonUtf8Header(text_name.to_owned()))?;
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
    let mut out = String::with_capacity(64);
    push_hex(&mut out, &Sha256::digest(bytes));
    out
}

/// Appends `bytes` as lowercase hex.
///
/// `hex::encode` collects one `char` at a time into a fresh `String`; this writes into
/// a buffer the caller already has, which matters for the three digests of every
/// signature.
pub(crate) fn push_hex(out: &mut String, bytes: &[u8]) {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    out.reserve(bytes.len() * 2);
    for &b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0x0f)]));
    }
}

/// Assembles the canonical request from its parts, the headers block written straight
/// into it (see [`write_canonical_headers`] for `names`). `canonical_query` is the
/// output of [`canonical_query`] (the signer also needs it to rewrite the URI, so it is
/// computed once by the caller).
pub(crate) fn canonical_request<N>(
    method: &str,
    raw_path: &str,
    canonical_query: &str,
    headers: &HeaderMap,
    names: &[N],
    signed_headers: &str,
    payload_hash: &str,
) -> Result<String, CanonicalError>
where
    N: AsHeaderName + AsRef<str> + Copy,
{
    // Header values are not measured first (a second lookup per header); this many
    // bytes per header holds the usual ones, and the buffer grows for a longer one.
    const VALUE_ALLOWANCE: usize = 48;
    let headers_len: usize = names
        .iter()
        .map(|name| name.as_ref().len() + 2 + VALUE_ALLOWANCE)
        .sum();
    let mut out = String::with_capacity(
        method.len()
            + raw_path.len() * 3
            + canonical_query.len()
            + headers_len
            + signed_headers.len()
            + payload_hash.len()
            + 8,
    );
    // Upper-case the method: the SDK signs a lower-case `get` as `GET`.
    for c in method.chars() {
        out.push(c.to_ascii_uppercase());
    }
    out.push('\n');
    push_canonical_uri(&mut out, raw_path);
    out.push('\n');
    out.push_str(canonical_query);
    out.push('\n');
    write_canonical_headers(&mut out, headers, names.iter().copied())?;
    out.push('\n');
    out.push_str(signed_headers);
    out.push('\n');
    out.push_str(payload_hash);
    Ok(out)
}

/// `SDK-HMAC-SHA256\n{date}\n{hex sha256(canonical request)}`.
pub(crate) fn string_to_sign(
    algorithm: &str,
    date: &str,
    scope: Option<&str>,
    canonical: &str,
) -> String {
    let scope_len = scope.map_or(0, |s| s.len() + 1);
    let mut out = String::with_capacity(algorithm.len() + date.len() + scope_len + 66);
    out.push_str(algorithm);
    out.push('\n');
    out.push_str(date);
    out.push('\n');
    if let Some(scope) = scope {
        out.push_str(scope);
        out.push('\n');
    }
    push_hex(&mut out, &Sha256::digest(canonical.as_bytes()));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The canonical URI exactly as the signing documentation words it, built the slow way.
    fn reference_uri(raw_path: &str) -> String {
        let decoded = encoding::decode(raw_path);
        let segments: Vec<String> = decoded
            .split(|b| *b == b'/')
            .map(|segment| {
                let mut out = String::new();
                push_encoded(&mut out, segment);
                out
            })
            .collect();
        let mut out = segments.join("/");
        if !out.ends_with('/') {
            out.push('/');
        }
        out
    }

    proptest! {
        /// Both ways of forming the canonical URI (copying a canonical path, rewriting
        /// any other) agree with the definition, on paths dense in `%`, `/` and hex.
        #[test]
        fn canonical_uri_matches_its_definition(
            raw in "(/|%|[0-9A-Fa-f]|[a-z~._-]|:| |é){0,40}",
            any_text in any::<String>(),
        ) {
            prop_assert_eq!(canonical_uri(&raw), reference_uri(&raw));
            prop_assert_eq!(canonical_uri(&any_text), reference_uri(&any_text));
        }
    }

    #[test]
    fn repeated_header_values_are_joined_with_commas_trimmed() {
        // Signer and verifier share this code, so round trips cannot catch a wrong
        // join: the canonical text is pinned here.
        let mut headers = HeaderMap::new();
        headers.append("x-multi", " a ".parse().unwrap());
        headers.append("x-multi", "b".parse().unwrap());
        headers.append("x-multi", "  c".parse().unwrap());
        headers.insert("host", "h".parse().unwrap());
        let mut out = String::new();
        write_canonical_headers(&mut out, &headers, ["host", "x-multi"]).unwrap();
        assert_eq!(out, "host:h\nx-multi:a,b,c\n");
        let mut out = String::new();
        assert!(write_canonical_headers(&mut out, &headers, ["x-absent"]).is_err());
    }

    #[test]
    fn canonical_paths_are_recognised() {
        assert!(is_canonical_path(
            b"/v2/p/fgs/functions/urn%3Afss%3Ax/config"
        ));
        assert!(is_canonical_path(b""));
        // Escapes whose low digit is a decimal digit, of bytes that must stay escaped
        // (a space, a backquote, a byte above ASCII): the fast path keeps them.
        for canonical in [&b"/a/%20b"[..], b"/a/%60", b"/a/%C3%A9", b"/%25%3A%40"] {
            assert!(is_canonical_path(canonical), "{canonical:?}");
        }
        for not_canonical in [
            &b"/a/urn:x"[..], // `:` must be escaped
            b"/a/%3a",        // lowercase hex
            b"/a/%2F",        // an escaped `/` is a separator once decoded
            b"/a/%41",        // `A` must not be escaped
            b"/a/%4",         // truncated escape
            b"/a/%zz",        // not hex
        ] {
            assert!(!is_canonical_path(not_canonical), "{not_canonical:?}");
        }
    }

    #[test]
    fn uri_rules() {
        assert_eq!(canonical_uri("/v2/p/fgs/functions"), "/v2/p/fgs/functions/");
        assert_eq!(canonical_uri("/a/"), "/a/");
        assert_eq!(canonical_uri("/a//b"), "/a//b/");
        assert_eq!(canonical_uri("/f/urn:fss:x"), "/f/urn%3Afss%3Ax/");
        assert_eq!(canonical_uri("/f/urn%3Afss%3Ax"), "/f/urn%3Afss%3Ax/");
        assert_eq!(canonical_uri("/a/a%2Fb"), "/a/a/b/");
        assert_eq!(canonical_uri("/a/x~y z+"), "/a/x~y%20z%2B/");
        // Segments longer than the rewrite's 64-byte runs, at and around the edges.
        for len in [63, 64, 65, 200] {
            let raw = format!("/f/{}/g", "a:".repeat(len));
            assert_eq!(canonical_uri(&raw), reference_uri(&raw), "{len}");
            assert_eq!(canonical_uri(&raw), format!("/f/{}/g/", "a%3A".repeat(len)));
        }
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
