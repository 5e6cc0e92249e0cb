//! Target `authorization`: the server side of `SDK-HMAC-SHA256`.
//!
//! One input is used three ways:
//! 1. the whole input as text through `Authorization::parse`; what parses must render
//!    back to a header that parses to the same value;
//! 2. the input read as a request (see [`wire`]) through the full `Verifier::verify`
//!    against a fixed key at a fixed time: `Ok` or `Err`, never a panic, and `Ok` only
//!    names the fixed access key;
//! 3. the same method, path, query, headers and body signed with the fixed key and
//!    verified again: every request the signer accepts must verify (an oracle, not just
//!    no-panic), and must stop verifying when its method, path, query, `Host` or hashed
//!    body is changed. The signer may refuse input only with `InvalidInput`.
//!
//! The fixed key and time are those of the signing vectors, so the vectors in the seed
//! corpus verify and the fuzzer starts from the accepting path.

use std::time::{Duration, SystemTime};

use fgs_proto::auth::sign::{SigningKey, X_SDK_DATE, parse_sdk_date, sign_request};
use fgs_proto::auth::verify::{Authorization, Verifier, VerifyError};
use fgs_proto::{Error, Secret};
use http::header::{AUTHORIZATION, HOST};
use http::{HeaderMap, HeaderValue, Method, Request, Uri};

use super::wire::{self, RawRequest};

/// The access key of the signing vectors.
pub(crate) const ACCESS_KEY: &str = "HPUAEXAMPLEAK0000001";
/// The secret key of the signing vectors.
const SECRET_KEY: &str = "ExampleSecretKey0123456789abcdefghijklmnop";
/// The host a re-signed request is addressed to.
const SIGNING_HOST: &str = "functiongraph.cn-north-4.myhuaweicloud.com";

/// The signing vectors' time, 2024-01-15T08:30:00Z: the verifier's `now`.
pub(crate) fn vectors_now() -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(1_705_307_400)
}

/// What one input did.
#[derive(Debug)]
pub(crate) struct Outcome {
    /// Whether the whole input parsed as an `Authorization` value.
    pub parsed: bool,
    /// The verifier's answer; `None` if the input does not read as a request.
    pub verified: Option<Result<(), VerifyError>>,
    /// Whether the request was re-signed (and then verified); `false` when it does not
    /// read as a request or the signer refused its contents.
    pub resigned: bool,
}

/// Runs one fuzz input.
pub(crate) fn run(data: &[u8]) -> Outcome {
    let parsed = std::str::from_utf8(data).is_ok_and(parse_round_trips);
    let Some(request) = wire::request(data) else {
        return Outcome {
            parsed,
            verified: None,
            resigned: false,
        };
    };
    Outcome {
        parsed,
        verified: Some(verify(&request)),
        resigned: sign_then_verify(&request),
    }
}

fn secret_for(access_key: &str) -> Option<Secret> {
    (access_key == ACCESS_KEY).then(|| Secret::new(SECRET_KEY))
}

/// Parses `text`; a value that parses must render back to itself.
fn parse_round_trips(text: &str) -> bool {
    let Ok(auth) = Authorization::parse(text) else {
        return false;
    };
    assert!(!auth.access_key.is_empty() && !auth.signature.is_empty());
    assert!(!auth.signed_headers.is_empty());
    for name in &auth.signed_headers {
        assert!(!name.is_empty() && !name.bytes().any(|b| b.is_ascii_uppercase()));
    }
    let rendered = format!(
        "SDK-HMAC-SHA256 Access={}, SignedHeaders={}, Signature={}",
        auth.access_key,
        auth.signed_headers.join(";"),
        auth.signature
    );
    assert_eq!(Authorization::parse(&rendered), Ok(auth), "{rendered:?}");
    true
}

/// The verifier on the request as it arrived.
fn verify(request: &RawRequest<'_>) -> Result<(), VerifyError> {
    let access_key = Verifier::new(vectors_now()).verify(
        request.method,
        request.path,
        request.query,
        &request.headers,
        request.body,
        secret_for,
    )?;
    assert_eq!(access_key, ACCESS_KEY);
    Ok(())
}

/// Signs the request's parts with the fixed key; a signed request must verify.
fn sign_then_verify(raw: &RawRequest<'_>) -> bool {
    let Ok(method) = Method::from_bytes(raw.method.as_bytes()) else {
        return false;
    };
    let path = raw.path.strip_prefix('/').unwrap_or(raw.path);
    let uri = match raw.query {
        Some(query) => format!("http://{SIGNING_HOST}/{path}?{query}"),
        None => format!("http://{SIGNING_HOST}/{path}"),
    };
    let Ok(uri) = Uri::try_from(uri) else {
        return false;
    };
    let mut request = Request::new(raw.body);
    *request.method_mut() = method;
    *request.uri_mut() = uri;
    *request.headers_mut() = raw.headers.clone();
    request.headers_mut().remove(AUTHORIZATION);

    let key = SigningKey::new(ACCESS_KEY, SECRET_KEY);
    match sign_request(&mut request, &key, vectors_now()) {
        Ok(_) => {}
        Err(Error::InvalidInput(_)) => return false,
        Err(other) => panic!("signing failed with {other:?}"),
    }
    // The signer keeps an `X-Sdk-Date` the request already had: verify at that time.
    let signed_at = request
        .headers()
        .get(X_SDK_DATE)
        .and_then(|v| v.to_str().ok())
        .and_then(|date| parse_sdk_date(date.trim()))
        .expect("a signed request carries a valid X-Sdk-Date");
    let verified = Verifier::new(signed_at).verify_request(&request, secret_for);
    assert_eq!(
        verified,
        Ok(ACCESS_KEY),
        "a request the signer accepted does not verify: {} {} {:?}",
        request.method(),
        request.uri(),
        request.headers()
    );
    check_tampering_is_detected(&request, signed_at);
    true
}

/// A request as the verifier takes it: method, raw path, raw query, headers, body.
type Parts<'a> = (&'a str, &'a str, Option<&'a str>, &'a HeaderMap, &'a [u8]);

/// The signature binds the method, path, query, signed headers and (unless the payload
/// is declared by `X-Sdk-Content-Sha256`) the body: changing any of them in a signed
/// request must fail verification.
fn check_tampering_is_detected(signed: &Request<&[u8]>, signed_at: SystemTime) {
    let (method, path, query) = (
        signed.method().as_str(),
        signed.uri().path(),
        signed.uri().query(),
    );
    let (headers, body) = (signed.headers(), *signed.body());
    // Appending a character that is not a hex digit cannot complete a `%` escape, so
    // the canonical form changes too (unlike appending `/`, which the canonical URI
    // absorbs by design).
    let method_x = format!("{method}X");
    rejected("method", signed_at, (&method_x, path, query, headers, body));
    let path_x = format!("{path}x");
    rejected("path", signed_at, (method, &path_x, query, headers, body));
    let query_x = match query {
        Some(query) => format!("{query}&zz=1"),
        None => "zz=1".to_owned(),
    };
    rejected(
        "query",
        signed_at,
        (method, path, Some(&query_x), headers, body),
    );
    if !headers.contains_key("x-sdk-content-sha256") {
        let body_x = [body, b"x"].concat();
        rejected("body", signed_at, (method, path, query, headers, &body_x));
    }
    // The signer always signs `Host`, and only UTF-8 values.
    let host = headers
        .get(HOST)
        .and_then(|v| std::str::from_utf8(v.as_bytes()).ok())
        .expect("a signed request has a UTF-8 Host header");
    let mut moved = headers.clone();
    let other_host = HeaderValue::from_str(&format!("{host}x")).expect("a valid header value");
    moved.insert(HOST, other_host);
    rejected("host", signed_at, (method, path, query, &moved, body));
}

/// Asserts that the changed request `parts` fail with a signature mismatch.
fn rejected(what: &str, signed_at: SystemTime, parts: Parts<'_>) {
    let (method, path, query, headers, body) = parts;
    let result = Verifier::new(signed_at).verify(method, path, query, headers, body, secret_for);
    assert_eq!(
        result,
        Err(VerifyError::SignatureMismatch),
        "a signed request with another {what} still verifies"
    );
}
