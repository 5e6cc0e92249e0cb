//! The JSON body of a code upload, written with the package base64-encoded straight
//! into the body buffer.
//!
//! The obvious way — base64 into a `String`, put it in the body struct, serialise —
//! holds the package three times over (raw, base64 string, JSON copy). Here the rest of
//! the body is serialised on its own (it is small), the buffer is allocated once at its
//! final size, and the base64 is written into it in place: the peak is the package plus
//! the body, nothing more. Base64 digits need no JSON escaping, so splicing them between
//! quotes yields valid JSON.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use serde::Serialize;

use crate::error::Error;

use super::package::CodePackage;

/// What goes before the base64 digits (after the other fields and a comma).
const FUNC_CODE_OPEN: &[u8] = br#""func_code":{"file":""#;
/// What closes the string, the `func_code` object and the body.
const FUNC_CODE_CLOSE: &[u8] = br#""}}"#;

/// `body` as JSON, with `"func_code":{"file":"<base64 of package>"}` appended when a
/// package is given. `body` must serialise to a JSON object and must not set
/// `func_code` itself when a package is given (the callers check that first).
///
/// The returned vector's capacity equals its length, so turning it into
/// [`bytes::Bytes`] does not reallocate.
pub(crate) fn json_with_package<T: Serialize>(
    body: &T,
    package: Option<&CodePackage>,
) -> Result<Vec<u8>, Error> {
    let head = serde_json::to_vec(body)
        .map_err(|e| Error::invalid_input("body", format!("cannot serialise: {e}")))?;
    let Some(package) = package else {
        return Ok(head);
    };
    let Some((b'}', fields)) = head.split_last() else {
        return Err(Error::invalid_input("body", "is not a JSON object"));
    };
    // `fields` is `{` plus the other fields, if any.
    let comma = fields.len() > 1;
    let digits = base64::encoded_len(package.len(), true)
        .ok_or_else(|| Error::invalid_input("func_code", "the code package is too large"))?;
    let total =
        fields.len() + usize::from(comma) + FUNC_CODE_OPEN.len() + digits + FUNC_CODE_CLOSE.len();

    let mut out = Vec::new();
    // An allocation failure becomes an error instead of aborting the process.
    out.try_reserve_exact(total).map_err(|_| {
        Error::invalid_input(
            "func_code",
            format!("cannot allocate {total} bytes for the request body"),
        )
    })?;
    out.extend_from_slice(fields);
    if comma {
        out.push(b',');
    }
    out.extend_from_slice(FUNC_CODE_OPEN);
    let start = out.len();
    out.resize(start + digits, 0);
    STANDARD
        .encode_slice(package.as_bytes(), &mut out[start..])
        .map_err(|e| Error::invalid_input("func_code", format!("cannot encode: {e}")))?;
    out.extend_from_slice(FUNC_CODE_CLOSE);
    debug_assert_eq!(out.len(), total);
    Ok(out)
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
        assert_eq!(out.len(), out.capacity());
        let value = decode(&out);
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
                String::from_utf8(out).unwrap(),
                format!(r#"{{"func_code":{{"file":"{expected}"}}}}"#)
            );
        }
    }

    #[test]
    fn without_a_package_it_is_plain_json_and_non_objects_are_refused() {
        let out = json_with_package(&serde_json::json!({"a": 1}), None).unwrap();
        assert_eq!(out, br#"{"a":1}"#);
        let package = CodePackage::new(b"x".to_vec());
        assert!(json_with_package(&serde_json::json!([1]), Some(&package)).is_err());
        assert!(json_with_package(&"text", Some(&package)).is_err());
    }
}
