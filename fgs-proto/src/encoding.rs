//! Percent-encoding as the official SDK does it: everything but the RFC 3986
//! unreserved characters (`A–Z a–z 0–9 - _ . ~`) becomes `%XX` with uppercase hex.
//!
//! The same rule encodes path parameters (a URN's `:` becomes `%3A`), query keys and
//! values (space becomes `%20`, never `+`), and the segments of the canonical URI that
//! the signature covers.

use std::borrow::Cow;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode};

/// Bytes that are percent-encoded: all but the unreserved characters.
pub(crate) const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Whether `b` is an RFC 3986 unreserved character: a byte [`COMPONENT`] leaves as it
/// is (a test checks all 256). For scanning bytes one at a time, which `AsciiSet`
/// does not offer.
pub(crate) fn is_unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~')
}

/// Appends `bytes` to `out`, percent-encoded with [`COMPONENT`].
pub(crate) fn push_encoded(out: &mut String, bytes: &[u8]) {
    out.extend(percent_encoding::percent_encode(bytes, COMPONENT));
}

/// `text` percent-encoded with [`COMPONENT`].
pub(crate) fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_encoded(&mut out, text.as_bytes());
    out
}

/// Percent-decodes `text` into bytes (invalid `%` sequences are kept as they are, as in
/// Python's `unquote`).
#[cfg(test)]
pub(crate) fn decode(text: &str) -> Vec<u8> {
    decode_iter(text.as_bytes()).collect()
}

/// The bytes of `bytes` percent-decoded, one at a time (invalid `%` sequences kept).
pub(crate) fn decode_iter(bytes: &[u8]) -> impl Iterator<Item = u8> + '_ {
    percent_decode(bytes)
}

/// `text` percent-decoded, borrowed when it has nothing to decode.
fn decode_cow(text: &str) -> Cow<'_, [u8]> {
    percent_decode(text.as_bytes()).into()
}

/// One decoded `key=value` pair of a query.
pub(crate) type QueryPair<'q> = (Cow<'q, [u8]>, Cow<'q, [u8]>);

/// Splits a raw query string into decoded `(key, value)` pairs. A pair without `=` has an
/// empty value; empty pairs (`a&&b`) are skipped. `+` is a literal plus, not a space:
/// signed requests always encode a space as `%20`. Keys and values without `%` are
/// borrowed, not copied.
pub(crate) fn query_pairs(query: &str) -> Vec<QueryPair<'_>> {
    query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| match pair.split_once('=') {
            Some((k, v)) => (decode_cow(k), decode_cow(v)),
            None => (decode_cow(pair), Cow::Borrowed(&b""[..])),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn is_unreserved_is_the_complement_of_the_encode_set() {
        for b in 0..=u8::MAX {
            let mut encoded = String::new();
            push_encoded(&mut encoded, &[b]);
            assert_eq!(
                is_unreserved(b),
                encoded.len() == 1,
                "byte {b:#04x}: {encoded}"
            );
        }
    }

    #[test]
    fn encodes_like_the_sdk() {
        assert_eq!(
            encode("urn:fss:a!b c+d/e~f_g.h-i"),
            "urn%3Afss%3Aa%21b%20c%2Bd%2Fe~f_g.h-i"
        );
        assert_eq!(encode("é"), "%C3%A9");
    }

    #[test]
    fn query_pairs_decode() {
        let pairs: Vec<(Vec<u8>, Vec<u8>)> = query_pairs("a=1&b&&c=x%20y&d=%3D=")
            .into_iter()
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        assert_eq!(
            pairs,
            vec![
                (b"a".to_vec(), b"1".to_vec()),
                (b"b".to_vec(), b"".to_vec()),
                (b"c".to_vec(), b"x y".to_vec()),
                (b"d".to_vec(), b"==".to_vec()),
            ]
        );
    }
}
