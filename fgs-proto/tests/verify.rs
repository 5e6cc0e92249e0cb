//! The server-side verifier: signatures made by the signer verify; any tampering, a
//! wrong key, a stale date or a missing signed header fails with a precise reason.

use std::time::{Duration, SystemTime};

use bytes::Bytes;
use fgs_proto::Secret;
use fgs_proto::auth::sign::{SigningKey, sign_request};
use fgs_proto::auth::verify::{Authorization, DEFAULT_MAX_SKEW, Verifier, VerifyError};
use http::{HeaderValue, Request};

const AK: &str = "HPUAEXAMPLEAK0000001";
const SK: &str = "ExampleSecretKey0123456789abcdefghijklmnop";

fn now() -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(1_705_307_400) // 2024-01-15T08:30:00Z
}

fn signed() -> Request<Bytes> {
    let mut request = Request::post(
        "http://127.0.0.1:18765/v2/p/fgs/functions/urn%3Afss%3Ar%3Ap%3Afunction%3Adefault%3Ahello%3Alatest/invocations?maxitems=5&marker=0",
    )
    .header("content-type", "application/json")
    .header("x-cff-log-type", "tail")
    .header("x-project-id", "p")
    .body(Bytes::from_static(br#"{"k":"v"}"#))
    .unwrap();
    sign_request(&mut request, &SigningKey::new(AK, SK), now()).unwrap();
    request
}

fn secret_for(ak: &str) -> Option<Secret> {
    (ak == AK).then(|| Secret::new(SK))
}

fn check(request: &Request<Bytes>) -> Result<String, VerifyError> {
    Verifier::new(now())
        .verify_request(request, secret_for)
        .map(str::to_owned)
}

#[test]
fn good_signature_verifies() {
    assert_eq!(check(&signed()).unwrap(), AK);
}

#[test]
fn tampered_body_fails() {
    let (parts, _) = signed().into_parts();
    let request = Request::from_parts(parts, Bytes::from_static(br#"{"k":"w"}"#));
    assert_eq!(check(&request), Err(VerifyError::SignatureMismatch));
}

#[test]
fn tampered_signed_header_fails() {
    let mut request = signed();
    request
        .headers_mut()
        .insert("x-cff-log-type", HeaderValue::from_static("none"));
    assert_eq!(check(&request), Err(VerifyError::SignatureMismatch));
}

#[test]
fn tampered_path_or_query_fails() {
    let (mut parts, body) = signed().into_parts();
    parts.uri = parts
        .uri
        .to_string()
        .replace("hello", "hellp")
        .parse()
        .unwrap();
    assert_eq!(
        check(&Request::from_parts(parts, body)),
        Err(VerifyError::SignatureMismatch)
    );
    let (mut parts, body) = signed().into_parts();
    parts.uri = parts
        .uri
        .to_string()
        .replace("maxitems=5", "maxitems=6")
        .parse()
        .unwrap();
    assert_eq!(
        check(&Request::from_parts(parts, body)),
        Err(VerifyError::SignatureMismatch)
    );
}

#[test]
fn unsigned_extra_header_is_ignored_but_cannot_replace_the_body_hash() {
    // Adding a header that is not in SignedHeaders does not break verification...
    let mut request = signed();
    request
        .headers_mut()
        .insert("x-extra", HeaderValue::from_static("1"));
    assert!(check(&request).is_ok());
    // ...but X-Sdk-Content-Sha256 only counts when it was signed, so a tampered body
    // cannot be smuggled past with UNSIGNED-PAYLOAD.
    let (mut parts, _) = signed().into_parts();
    parts.headers.insert(
        "x-sdk-content-sha256",
        HeaderValue::from_static("UNSIGNED-PAYLOAD"),
    );
    let request = Request::from_parts(parts, Bytes::from_static(b"evil"));
    assert_eq!(check(&request), Err(VerifyError::SignatureMismatch));
}

#[test]
fn wrong_sk_or_unknown_ak_fails() {
    let request = signed();
    let wrong = Verifier::new(now()).verify_request(&request, |_| Some(Secret::new("other")));
    assert_eq!(wrong, Err(VerifyError::SignatureMismatch));
    let unknown = Verifier::new(now()).verify_request(&request, |_| None);
    assert_eq!(unknown, Err(VerifyError::UnknownAccessKey));
}

#[test]
fn stale_or_future_date_fails() {
    let request = signed();
    let late =
        Verifier::new(now() + Duration::from_secs(16 * 60)).verify_request(&request, secret_for);
    assert_eq!(late, Err(VerifyError::DateOutOfRange));
    let early =
        Verifier::new(now() - Duration::from_secs(16 * 60)).verify_request(&request, secret_for);
    assert_eq!(early, Err(VerifyError::DateOutOfRange));
    let within =
        Verifier::new(now() + Duration::from_secs(14 * 60)).verify_request(&request, secret_for);
    assert!(within.is_ok());
    let strict = Verifier::new(now() + Duration::from_secs(2))
        .max_skew(Duration::from_secs(1))
        .verify_request(&request, secret_for);
    assert_eq!(strict, Err(VerifyError::DateOutOfRange));
}

#[test]
fn a_date_exactly_max_skew_away_is_accepted() {
    let request = signed();
    for now in [now() + DEFAULT_MAX_SKEW, now() - DEFAULT_MAX_SKEW] {
        assert!(
            Verifier::new(now)
                .verify_request(&request, secret_for)
                .is_ok()
        );
    }
    for now in [
        now() + DEFAULT_MAX_SKEW + Duration::from_secs(1),
        now() - DEFAULT_MAX_SKEW - Duration::from_secs(1),
    ] {
        let outside = Verifier::new(now).verify_request(&request, secret_for);
        assert_eq!(outside, Err(VerifyError::DateOutOfRange));
    }
}

#[test]
fn missing_signed_header_fails() {
    let mut request = signed();
    request.headers_mut().remove("x-cff-log-type");
    assert_eq!(
        check(&request),
        Err(VerifyError::MissingSignedHeader("x-cff-log-type".into()))
    );
    let mut no_date = signed();
    no_date.headers_mut().remove("x-sdk-date");
    assert_eq!(check(&no_date), Err(VerifyError::MissingDate));
    let mut no_auth = signed();
    no_auth.headers_mut().remove("authorization");
    assert_eq!(check(&no_auth), Err(VerifyError::MissingAuthorization));
    let mut bad_date = signed();
    bad_date.headers_mut().insert(
        "x-sdk-date",
        HeaderValue::from_static("2024-01-15T08:30:00Z"),
    );
    assert_eq!(check(&bad_date), Err(VerifyError::MalformedDate));
}

#[test]
fn every_single_bit_flip_of_the_signature_fails() {
    let request = signed();
    let auth = request.headers()["authorization"]
        .to_str()
        .unwrap()
        .to_owned();
    let at = auth.find("Signature=").unwrap() + "Signature=".len();
    for i in at..auth.len() {
        for bit in [1u8, 2, 4] {
            let mut bytes = auth.clone().into_bytes();
            bytes[i] ^= bit;
            let Ok(text) = String::from_utf8(bytes) else {
                continue;
            };
            let Ok(value) = HeaderValue::from_str(&text) else {
                continue;
            };
            let mut tampered = request.clone();
            tampered.headers_mut().insert("authorization", value);
            assert!(check(&tampered).is_err(), "flip at {i} bit {bit} verified");
        }
    }
}

#[test]
fn authorization_header_parsing() {
    let a = Authorization::parse(
        "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;x-sdk-date, Signature=ab",
    )
    .unwrap();
    assert_eq!(a.access_key, "AK");
    assert_eq!(a.signed_headers, vec!["host", "x-sdk-date"]);
    assert_eq!(a.signature, "ab");
    // Without spaces after commas, too.
    assert!(
        Authorization::parse("SDK-HMAC-SHA256 Access=AK,SignedHeaders=host,Signature=ab").is_ok()
    );
    for bad in [
        "",
        "SDK-HMAC-SHA256",
        "SDK-HMAC-SHA256 Access=AK",
        "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host",
        "SDK-HMAC-SHA256 Access=, SignedHeaders=host, Signature=ab",
        "SDK-HMAC-SHA256 Access=AK, SignedHeaders=, Signature=ab",
        "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=",
        "SDK-HMAC-SHA256 Access=AK, SignedHeaders=Host, Signature=ab",
        "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host;;a, Signature=ab",
        "SDK-HMAC-SHA256 Access=AK, Access=AK, SignedHeaders=host, Signature=ab",
        "SDK-HMAC-SHA256 Access=AK, SignedHeaders=host, Signature=ab, Extra=1",
    ] {
        assert!(Authorization::parse(bad).is_err(), "{bad:?}");
    }
    assert_eq!(
        Authorization::parse("V11-HMAC-SHA256 Credential=AK/x, SignedHeaders=host, Signature=ab"),
        Err(VerifyError::UnsupportedAlgorithm)
    );
}

#[test]
fn verify_errors_read_clearly_and_name_no_secret() {
    for (error, text) in [
        (
            VerifyError::MissingAuthorization,
            "missing Authorization header",
        ),
        (
            VerifyError::UnsupportedAlgorithm,
            "unsupported signature algorithm (expected SDK-HMAC-SHA256)",
        ),
        (
            VerifyError::MalformedAuthorization,
            "malformed Authorization header",
        ),
        (VerifyError::UnknownAccessKey, "unknown access key"),
        (
            VerifyError::MissingSignedHeader("x-a".into()),
            "signed header `x-a` is missing or not text",
        ),
        (VerifyError::MissingDate, "missing X-Sdk-Date header"),
        (VerifyError::MalformedDate, "malformed X-Sdk-Date header"),
        (
            VerifyError::DateOutOfRange,
            "X-Sdk-Date is outside the allowed skew",
        ),
        (VerifyError::SignatureMismatch, "signature does not match"),
    ] {
        assert_eq!(error.to_string(), text);
    }
}

#[test]
fn the_signer_sends_header_values_trimmed_as_it_signs_them() {
    let mut request = Request::get("http://127.0.0.1:18765/v2/p/fgs/functions")
        .header("x-padded", HeaderValue::from_static("  v  w \t"))
        .header("x-plain", "u")
        .body(Bytes::new())
        .unwrap();
    sign_request(&mut request, &SigningKey::new(AK, SK), now()).unwrap();
    assert_eq!(request.headers()["x-padded"], "v  w");
    assert_eq!(request.headers()["x-plain"], "u");
    assert_eq!(check(&request).as_deref(), Ok(AK));
}

/// A header sent several times is signed as its values trimmed and joined with `,`.
/// Signer and verifier share that code, so a round trip cannot catch a wrong join: the
/// signature is pinned to one computed apart from this crate (Python's `hashlib` and
/// `hmac` over the canonical request written out by hand).
#[test]
fn repeated_header_values_sign_as_an_independently_computed_vector() {
    let mut request = Request::post("http://127.0.0.1:18765/v2/p/fgs/functions?b=2&a=1")
        .header("content-type", "application/json")
        .header("x-multi", HeaderValue::from_static(" a "))
        .header("x-multi", "b")
        .header("x-multi", HeaderValue::from_static("  c"))
        .body(Bytes::from_static(br#"{"k":"v"}"#))
        .unwrap();
    let signature = sign_request(&mut request, &SigningKey::new(AK, SK), now()).unwrap();
    assert!(
        signature.canonical_request.contains("\nx-multi:a,b,c\n"),
        "{}",
        signature.canonical_request
    );
    assert_eq!(
        signature.signature,
        "128352e9629f37173d9d0519de46f2868db0e90dcb200632bd148fa5ec71149f"
    );
    assert_eq!(
        request.headers()["authorization"],
        format!(
            "SDK-HMAC-SHA256 Access={AK}, SignedHeaders=content-type;host;x-multi;x-sdk-date, \
             Signature=128352e9629f37173d9d0519de46f2868db0e90dcb200632bd148fa5ec71149f"
        )
    );
    assert_eq!(
        request.uri().query(),
        Some("a=1&b=2"),
        "the query as signed"
    );
    assert_eq!(check(&request).as_deref(), Ok(AK));
}
