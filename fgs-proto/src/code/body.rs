//! The JSON body of a code upload, with the package base64-encoded while the body is
//! produced.
//!
//! The obvious way — base64 into a `String`, put it in the body struct, serialise —
//! holds the package three times over (raw, base64 string, JSON copy). Here the rest of
//! the body is serialised on its own (it is small) and the body is a [`BodySource`]: the
//! JSON head, the package's base64 encoded [`CHUNK`] by chunk from the package's bytes,
//! and the JSON tail, produced again for each pass (the signature's hash, each
//! attempt's send). The peak is the package plus a chunk, whatever its size. Base64
//! digits need no JSON escaping, so splicing them between quotes yields valid JSON.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use bytes::{Bytes, BytesMut};
use serde::Serialize;

use crate::body::{Body, BodySource};
use crate::error::Error;

use super::package::CodePackage;

/// What goes before the base64 digits (after the other fields and a comma).
const FUNC_CODE_OPEN: &[u8] = br#""func_code":{"file":""#;
/// What closes the string, the `func_code` object and the body.
const FUNC_CODE_CLOSE: &[u8] = br#""}}"#;
/// Package bytes encoded per chunk: a multiple of 3, so that only the last chunk is
/// padded; 64 KiB of base64.
const CHUNK: usize = 48 * 1024;

/// `body` as JSON, with `"func_code":{"file":"<base64 of package>"}` appended when a
/// package is given, as a streamed body of exact length. `body` must serialise to a
/// JSON object and must not set `func_code` itself when a package is given (the
/// callers check that first).
pub(crate) fn json_with_package<T: Serialize>(
    body: &T,
    package: Option<&CodePackage>,
) -> Result<Body, Error> {
    json_with_base64(body, package, FUNC_CODE_OPEN, FUNC_CODE_CLOSE, "func_code")
}

/// [`json_with_package`] for a body that carries the package in a top-level string
/// field (ImportFunction's `"file_code":"<base64>"`).
pub(crate) fn json_with_base64_field<T: Serialize>(
    body: &T,
    package: Option<&CodePackage>,
    open: &'static [u8],
) -> Result<Body, Error> {
    json_with_base64(body, package, open, STRING_CLOSE, "file_code")
}

/// What closes a top-level base64 string field and the body.
const STRING_CLOSE: &[u8] = br#""}"#;

fn json_with_base64<T: Serialize>(
    body: &T,
    package: Option<&CodePackage>,
    open: &'static [u8],
    close: &'static [u8],
    field: &'static str,
) -> Result<Body, Error> {
    let mut head = serde_json::to_vec(body)
        .map_err(|e| Error::invalid_input("body", format!("cannot serialise: {e}")))?;
    let Some(package) = package else {
        return Ok(Body::from(head));
    };
    if head.pop() != Some(b'}') || head.first() != Some(&b'{') {
        return Err(Error::invalid_input("body", "is not a JSON object"));
    }
    // `head` is `{` plus the other fields, if any.
    if head.len() > 1 {
        head.push(b',');
    }
    head.extend_from_slice(open);
    let digits = base64::encoded_len(package.len(), true)
        .ok_or_else(|| Error::invalid_input(field, "the code package is too large"))?;
    Ok(Body::from_source(PackageJson {
        len: (head.len() + digits + close.len()) as u64,
        head: Bytes::from(head),
        package: package.to_bytes(),
        close,
    }))
}

/// A code upload's JSON body: `head`, the base64 of `package`, `close`.
struct PackageJson {
    head: Bytes,
    package: Bytes,
    len: u64,
    close: &'static [u8],
}

impl BodySource for PackageJson {
    fn len(&self) -> u64 {
        self.len
    }

    fn chunks(&self) -> Box<dyn Iterator<Item = Bytes> + Send + 'static> {
        let package = self.package.clone();
        let count = package.len().div_ceil(CHUNK);
        let digits = (0..count).map(move |i| {
            let raw = &package[i * CHUNK..package.len().min((i + 1) * CHUNK)];
            let mut out = BytesMut::zeroed(raw.len().div_ceil(3) * 4);
            // The buffer is exactly the encoded length, so this cannot fail.
            let written = STANDARD.encode_slice(raw, &mut out[..]).unwrap_or(0);
            out.truncate(written);
            out.freeze()
        });
        Box::new(
            std::iter::once(self.head.clone())
                .chain(digits)
                .chain(std::iter::once(Bytes::from_static(self.close))),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn decode(body: &[u8]) -> serde_json::Value {
        serde_json::from_slice(body).unwrap()
    }

    #[test]
    fn splices_after_other_fields() {
        let package = CodePackage::new(b"hello, code".to_vec());
        let body = serde_json::json!({"code_type": "zip", "code_filename": "index.zip"});
        let out = json_with_package(&body, Some(&package)).unwrap();
        assert!(out.is_streamed());
        let value = decode(&out.to_bytes());
        assert_eq!(value["code_type"], "zip");
        assert_eq!(value["func_code"]["file"], STANDARD.encode(b"hello, code"));
        assert_eq!(value.as_object().unwrap().len(), 3);
    }

    #[test]
    fn splices_into_an_empty_object_without_a_comma() {
        for (bytes, expected) in [
            (&b""[..], ""),
            (b"a", "YQ=="),
            (b"ab", "YWI="),
            (b"abc", "YWJj"),
        ] {
            let out = json_with_package(
                &serde_json::json!({}),
                Some(&CodePackage::new(bytes.to_vec())),
            )
            .unwrap();
            assert_eq!(
                String::from_utf8(out.to_bytes().to_vec()).unwrap(),
                format!(r#"{{"func_code":{{"file":"{expected}"}}}}"#)
            );
        }
    }

    #[test]
    fn without_a_package_it_is_plain_json_and_non_objects_are_refused() {
        let out = json_with_package(&serde_json::json!({"a": 1}), None).unwrap();
        assert_eq!(out, *br#"{"a":1}"#);
        assert!(!out.is_streamed());
        let package = CodePackage::new(b"x".to_vec());
        assert!(json_with_package(&serde_json::json!([1]), Some(&package)).is_err());
        assert!(json_with_package(&"text", Some(&package)).is_err());
    }

    #[test]
    fn the_stream_has_its_declared_length_and_the_same_bytes_each_pass() {
        // Sizes around the chunk boundary and the padding cases.
        for len in [0, 1, 2, 3, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK + 2] {
            let bytes: Vec<u8> = (0..len).map(|i| (i * 7 + i / 256) as u8).collect();
            let out = json_with_package(
                &serde_json::json!({"code_type": "zip"}),
                Some(&CodePackage::new(bytes.clone())),
            )
            .unwrap();
            let first = out.to_bytes();
            assert_eq!(first.len() as u64, out.len(), "len {len}");
            assert_eq!(out.to_bytes(), first, "a second pass, len {len}");
            let expected = format!(
                r#"{{"code_type":"zip","func_code":{{"file":"{}"}}}}"#,
                STANDARD.encode(&bytes)
            );
            assert_eq!(first, expected.as_bytes(), "len {len}");
            // No chunk is larger than a chunk's base64.
            assert!(out.chunks().all(|c| c.len() <= CHUNK / 3 * 4));
        }
    }
}
