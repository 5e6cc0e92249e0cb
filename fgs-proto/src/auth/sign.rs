//! `SDK-HMAC-SHA256` request signing, exactly as the official Huawei Cloud SDKs do it
//! (`huaweicloudsdkcore`'s signer). Pure: the time is an input.
//!
//! # For adapter authors
//! The signature covers **every header present when signing**. After [`sign`] returns,
//! do not add, remove or change any of those headers — in particular make sure your HTTP
//! library does not override `User-Agent` or `Host`. Headers a library adds *later*
//! (`Content-Length`, `Accept-Encoding`, `Connection`) are not signed and are harmless.
//! The signer also rewrites the URI's query into canonical order; send the URI as it is
//! after signing.

use std::fmt;
use std::time::SystemTime;

use hmac::{Hmac, KeyInit, Mac};
use http::header::{AUTHORIZATION, CONTENT_TYPE, HOST};
use http::{HeaderMap, HeaderName, HeaderValue, Method, Uri};
use sha2::Sha256;
use time::OffsetDateTime;
use time::macros::format_description;

use super::canonical::{self, CONTENT_SHA256, CanonicalError};
use crate::error::Error;

/// The `X-Sdk-Date` header.
pub const X_SDK_DATE: &str = "x-sdk-date";

/// [`X_SDK_DATE`] as a `HeaderName`: looking a `&str` up in a `HeaderMap` parses it
/// first, on every call.
const X_SDK_DATE_NAME: HeaderName = HeaderName::from_static(X_SDK_DATE);
/// The content-hash header as a `HeaderName`, for the same reason.
const CONTENT_SHA256_NAME: HeaderName = HeaderName::from_static(CONTENT_SHA256);

/// The algorithm name of the default signature.
pub const SDK_HMAC_SHA256: &str = "SDK-HMAC-SHA256";
/// The algorithm name of the derived-key signature.
pub const V11_HMAC_SHA256: &str = "V11-HMAC-SHA256";

const DATE_FORMAT: &[time::format_description::BorrowedFormatItem<'static>] =
    format_description!("[year][month][day]T[hour][minute][second]Z");

/// Formats a time as an `X-Sdk-Date` value (`20240115T083000Z`, UTC). Fails for a time
/// outside the years 0000–9999, which the format cannot express.
///
/// ```
/// use std::time::{Duration, SystemTime};
/// use fgs_proto::auth::sign::format_sdk_date;
///
/// let t = SystemTime::UNIX_EPOCH + Duration::from_secs(1_705_307_400);
/// assert_eq!(format_sdk_date(t)?, "20240115T083000Z");
/// assert!(format_sdk_date(SystemTime::UNIX_EPOCH + Duration::from_secs(1 << 40)).is_err());
/// # Ok::<(), fgs_proto::Error>(())
/// ```
pub fn format_sdk_date(time: SystemTime) -> Result<String, Error> {
    sdk_date(time).map(|date| date.as_str().to_owned())
}

/// An `X-Sdk-Date` value in a buffer of its own: signing formats one per request, and
/// needs no `String` for it.
struct SdkDate([u8; 16]);

impl SdkDate {
    fn as_str(&self) -> &str {
        // Only ASCII digits, `T` and `Z` are ever written (see `sdk_date`).
        std::str::from_utf8(&self.0).unwrap_or_default()
    }
}

/// [`format_sdk_date`] without the allocation.
fn sdk_date(time: SystemTime) -> Result<SdkDate, Error> {
    // Checked arithmetic: `OffsetDateTime::from(SystemTime)` panics out of range.
    let since_epoch = match time.duration_since(SystemTime::UNIX_EPOCH) {
        Ok(after) => time::Duration::try_from(after).ok(),
        Err(before) => time::Duration::try_from(before.duration())
            .ok()
            .and_then(|d| d.checked_neg()),
    };
    let utc = since_epoch
        .and_then(|d| OffsetDateTime::UNIX_EPOCH.checked_add(d))
        .filter(|t| (0..=9999).contains(&t.year()))
        .ok_or_else(|| Error::invalid_input("x-sdk-date", "the time is outside 0000–9999"))?;
    // Written by hand: the `time` formatter is generic (a format description walked
    // per call) and shows up when signing many small requests.
    let mut out = [0u8; 16];
    let (year, month, day) = utc.to_calendar_date();
    // `year` is in 0..=9999 (checked above).
    put_digits(&mut out[0..4], year.unsigned_abs());
    put_digits(&mut out[4..6], u32::from(u8::from(month)));
    put_digits(&mut out[6..8], u32::from(day));
    out[8] = b'T';
    put_digits(&mut out[9..11], u32::from(utc.hour()));
    put_digits(&mut out[11..13], u32::from(utc.minute()));
    put_digits(&mut out[13..15], u32::from(utc.second()));
    out[15] = b'Z';
    Ok(SdkDate(out))
}

/// Writes the last `out.len()` decimal digits of `value` into `out`, zero-padded.
fn put_digits(out: &mut [u8], mut value: u32) {
    for place in out.iter_mut().rev() {
        *place = b'0' + (value % 10) as u8;
        value /= 10;
    }
}

/// Parses an `X-Sdk-Date` value.
pub fn parse_sdk_date(value: &str) -> Option<SystemTime> {
    time::PrimitiveDateTime::parse(value, DATE_FORMAT)
        .ok()
        .map(|t| t.assume_utc().into())
}

/// Which signature algorithm to use.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Algorithm {
    /// `SDK-HMAC-SHA256`: the SK is the HMAC key. What FunctionGraph uses.
    SdkHmacSha256,
    /// `V11-HMAC-SHA256`: a key derived per day, region and service, as the official
    /// SDKs derive it.
    /// The SDKs use it only when a derived-auth predicate is configured.
    V11HmacSha256 {
        /// Region id in the derivation info.
        region: String,
        /// Derived auth service name.
        service: String,
    },
}

/// The key material of a signature.
pub struct SigningKey<'a> {
    /// The access key id.
    pub access_key: &'a str,
    /// The secret key.
    pub secret_key: &'a [u8],
    /// The algorithm.
    pub algorithm: Algorithm,
}

// By hand: the secret key is never printed.
impl fmt::Debug for SigningKey<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("SigningKey")
            .field("access_key", &self.access_key)
            .field("secret_key", &"***")
            .field("algorithm", &self.algorithm)
            .finish()
    }
}

impl<'a> SigningKey<'a> {
    /// An `SDK-HMAC-SHA256` key.
    pub fn new(access_key: &'a str, secret_key: &'a str) -> Self {
        SigningKey {
            access_key,
            secret_key: secret_key.as_bytes(),
            algorithm: Algorithm::SdkHmacSha256,
        }
    }
}

/// Everything a signature was computed from, for inspection and golden tests.
///
/// Its `Debug` shows the inputs but not the signature (nor the header that carries it):
/// read [`signature`](Self::signature) to see it.
#[derive(Clone, PartialEq, Eq)]
pub struct Signature {
    /// The canonical request.
    pub canonical_request: String,
    /// The string to sign.
    pub string_to_sign: String,
    /// The lowercase hex signature.
    pub signature: String,
    /// `;`-joined lowercase names of the signed headers.
    pub signed_headers: String,
    /// The payload line of the canonical request.
    pub payload_hash: String,
    /// The `Authorization` header value.
    pub authorization: String,
}

// By hand: a signature authorizes a replay of its request until the date expires, so
// it is never printed.
impl fmt::Debug for Signature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Signature")
            .field("canonical_request", &self.canonical_request)
            .field("string_to_sign", &self.string_to_sign)
            .field("signature", &"***")
            .field("signed_headers", &self.signed_headers)
            .field("payload_hash", &self.payload_hash)
            .field("authorization", &"***")
            .finish()
    }
}

/// Signs an `http::Request` in place; see [`sign`].
pub fn sign_request<B: crate::BodyBytes>(
    request: &mut http::Request<B>,
    key: &SigningKey<'_>,
    now: SystemTime,
) -> Result<Signature, Error> {
    let method = request.method().clone();
    let mut uri = std::mem::take(request.uri_mut());
    let mut headers = std::mem::take(request.headers_mut());
    let result = sign(
        &method,
        &mut uri,
        &mut headers,
        &request.body().body_bytes(),
        None,
        key,
        now,
    );
    *request.uri_mut() = uri;
    *request.headers_mut() = headers;
    result
}

/// Signs a request head in place: adds `X-Sdk-Content-Sha256` (non-JSON bodies),
/// `X-Sdk-Date` (from `now`, unless the request already has one), `Host` (from the URI,
/// unless present), trims header values, sets `Authorization`, and rewrites the query
/// into canonical order.
///
/// `body_sha256` may carry a precomputed hex SHA-256 of `body`, so that re-signing the
/// same body for a retry does not hash it again.
pub fn sign(
    method: &Method,
    uri: &mut Uri,
    headers: &mut HeaderMap,
    body: &[u8],
    body_sha256: Option<&str>,
    key: &SigningKey<'_>,
    now: SystemTime,
) -> Result<Signature, Error> {
    add_unsigned_payload_marker(headers);
    let given_date;
    let made_date;
    let date = match headers.get(&X_SDK_DATE_NAME) {
        Some(value) => {
            given_date = value.to_str().unwrap_or_default().trim().to_owned();
            if parse_sdk_date(&given_date).is_none() {
                return Err(Error::invalid_input(
                    "x-sdk-date",
                    "must have the form YYYYMMDDTHHMMSSZ",
                ));
            }
            given_date.as_str()
        }
        None => {
            made_date = sdk_date(now)?;
            headers.insert(
                X_SDK_DATE_NAME,
                HeaderValue::from_bytes(&made_date.0)
                    .map_err(|e| Error::invalid_input("x-sdk-date", e.to_string()))?,
            );
            made_date.as_str()
        }
    };
    if !headers.contains_key(HOST) {
        let authority = uri.authority().ok_or_else(|| {
            Error::invalid_input("uri", "an absolute URI or a Host header is needed to sign")
        })?;
        let host = HeaderValue::from_str(authority.as_str())
            .map_err(|e| Error::invalid_input("uri", e.to_string()))?;
        headers.insert(HOST, host);
    }
    trim_header_values(headers);

    let names = canonical::signed_header_names(headers);
    let signed_headers = canonical::join_names(&names);
    let content_sha256 = headers
        .get(&CONTENT_SHA256_NAME)
        .and_then(|v| v.to_str().ok());
    // A given hash wins over `body`, which is empty for a streamed body (hashed by the
    // caller chunk by chunk).
    let payload_hash = match (content_sha256, body_sha256) {
        (None, Some(cached)) => cached.to_owned(),
        _ => canonical::payload_hash(body, content_sha256),
    };
    let canonical_query = canonical::canonical_query(uri.query());
    let canonical_request = canonical::canonical_request(
        method.as_str(),
        uri.path(),
        &canonical_query,
        headers,
        &names,
        &signed_headers,
        &payload_hash,
    )
    .map_err(|e| match e {
        CanonicalError::MissingHeader(h) | CanonicalError::NonUtf8Header(h) => {
            Error::invalid_input(h, "header value must be UTF-8 text")
        }
    })?;
    let (string_to_sign, signature, authorization) =
        compute(key, date, &canonical_request, &signed_headers);
    let mut value = HeaderValue::from_str(&authorization)
        .map_err(|e| Error::invalid_input("access_key", e.to_string()))?;
    // The signature authorizes replays within the skew window: as secret as a token for
    // `http`'s `Debug` and for every sink that honours the flag.
    value.set_sensitive(true);
    headers.insert(AUTHORIZATION, value);
    if let Some(rewritten) = uri_with_query(uri, &canonical_query)? {
        *uri = rewritten;
    }
    Ok(Signature {
        canonical_request,
        string_to_sign,
        signature,
        signed_headers,
        payload_hash,
        authorization,
    })
}

/// String to sign, hex signature and `Authorization` value for `key`'s algorithm.
pub(crate) fn compute(
    key: &SigningKey<'_>,
    date: &str,
    canonical_request: &str,
    signed_headers: &str,
) -> (String, String, String) {
    match &key.algorithm {
        Algorithm::SdkHmacSha256 => {
            let sts = canonical::string_to_sign(SDK_HMAC_SHA256, date, None, canonical_request);
            let signature = hmac_hex(key.secret_key, sts.as_bytes());
            let authorization = [
                SDK_HMAC_SHA256,
                " Access=",
                key.access_key,
                ", SignedHeaders=",
                signed_headers,
                ", Signature=",
                &signature,
            ]
            .concat();
            (sts, signature, authorization)
        }
        Algorithm::V11HmacSha256 { region, service } => {
            let info = format!("{}/{region}/{service}", date.get(..8).unwrap_or(date));
            let derived = derived_key_hex(key.access_key, key.secret_key, &info);
            let sts =
                canonical::string_to_sign(V11_HMAC_SHA256, date, Some(&info), canonical_request);
            let signature = hmac_hex(derived.as_bytes(), sts.as_bytes());
            let authorization = format!(
                "{V11_HMAC_SHA256} Credential={}/{info}, SignedHeaders={signed_headers}, Signature={signature}",
                key.access_key
            );
            (sts, signature, authorization)
        }
    }
}

/// The V11 derived key: `hex(HMAC(HMAC(AK, SK), info || 0x01))`.
pub fn derived_key_hex(access_key: &str, secret_key: &[u8], info: &str) -> String {
    let prk = hmac_bytes(access_key.as_bytes(), secret_key);
    let mut msg = Vec::with_capacity(info.len() + 1);
    msg.extend_from_slice(info.as_bytes());
    msg.push(1);
    hmac_hex(&prk, &msg)
}

pub(crate) fn new_mac(key: &[u8]) -> Hmac<Sha256> {
    // HMAC accepts keys of any length; `new_from_slice` cannot fail for it.
    match Hmac::<Sha256>::new_from_slice(key) {
        Ok(mac) => mac,
        Err(_) => unreachable!("HMAC-SHA256 takes keys of any length"),
    }
}

fn hmac_bytes(key: &[u8], msg: &[u8]) -> [u8; 32] {
    let mut mac = new_mac(key);
    mac.update(msg);
    mac.finalize().into_bytes().into()
}

fn hmac_hex(key: &[u8], msg: &[u8]) -> String {
    let mut out = String::with_capacity(64);
    canonical::push_hex(&mut out, &hmac_bytes(key, msg));
    out
}

/// Non-JSON/BSON bodies are sent with `X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD`.
fn add_unsigned_payload_marker(headers: &mut HeaderMap) {
    let Some(content_type) = headers.get(CONTENT_TYPE) else {
        return;
    };
    let ct = content_type.as_bytes();
    if !(ct.starts_with(b"application/json") || ct.starts_with(b"application/bson")) {
        headers.insert(
            HeaderName::from_static(CONTENT_SHA256),
            HeaderValue::from_static("UNSIGNED-PAYLOAD"),
        );
    }
}

/// The SDK sends trimmed header values; the signature is computed over them.
fn trim_header_values(headers: &mut HeaderMap) {
    for value in headers.values_mut() {
        let bytes = value.as_bytes();
        let trimmed = canonical::trimmed(bytes);
        if trimmed.len() != bytes.len()
            && let Ok(v) = HeaderValue::from_bytes(trimmed)
        {
            *value = v;
        }
    }
}

/// The URI as sent after signing: same path, canonical query. `None` when the query is
/// already canonical (as operation requests build it), so the URI is left as it is.
fn uri_with_query(uri: &Uri, canonical_query: &str) -> Result<Option<Uri>, Error> {
    let Some(query) = uri.query() else {
        return Ok(None);
    };
    if canonical_query == query {
        return Ok(None);
    }
    let path_and_query = if canonical_query.is_empty() {
        uri.path().to_owned()
    } else {
        format!("{}?{canonical_query}", uri.path())
    };
    let mut builder = Uri::builder();
    if let Some(scheme) = uri.scheme() {
        builder = builder.scheme(scheme.clone());
    }
    if let Some(authority) = uri.authority() {
        builder = builder.authority(authority.clone());
    }
    builder
        .path_and_query(path_and_query)
        .build()
        .map(Some)
        .map_err(|e| Error::invalid_input("uri", e.to_string()))
}

/// Lowercase hex SHA-256 of a body, for [`sign`]'s `body_sha256` cache.
pub fn body_sha256_hex(body: &[u8]) -> String {
    canonical::sha256_hex(body)
}

/// The hex SHA-256 of a [`Body`](crate::Body), hashing a streamed body chunk by chunk
/// without holding it.
pub fn body_sha256_hex_of(body: &crate::Body) -> String {
    use sha2::{Digest, Sha256};
    if let Some(bytes) = body.as_bytes() {
        return body_sha256_hex(bytes);
    }
    let mut hasher = Sha256::new();
    for chunk in body.chunks() {
        hasher.update(&chunk);
    }
    hex::encode(hasher.finalize())
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use proptest::prelude::*;

    use super::*;

    /// 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z as Unix seconds.
    const FIRST: i64 = -62_167_219_200;
    const LAST: i64 = 253_402_300_799;

    fn at(secs: i64, nanos: u32) -> SystemTime {
        let whole = Duration::from_secs(secs.unsigned_abs());
        let base = if secs >= 0 {
            SystemTime::UNIX_EPOCH + whole
        } else {
            SystemTime::UNIX_EPOCH - whole
        };
        base + Duration::from_nanos(u64::from(nanos))
    }

    proptest! {
        /// The hand-written digits are what the `time` formatter writes, and what
        /// `parse_sdk_date` reads back to the whole second, across years 0000–9999.
        #[test]
        fn sdk_date_matches_the_time_formatter(secs in FIRST..=LAST, nanos in 0u32..1_000_000_000) {
            let t = at(secs, nanos);
            let ours = format_sdk_date(t).unwrap();
            let reference = OffsetDateTime::from(t).format(DATE_FORMAT).unwrap();
            prop_assert_eq!(&ours, &reference);
            prop_assert_eq!(parse_sdk_date(&ours), Some(at(secs, 0)));
        }
    }

    #[test]
    fn sdk_date_edges() {
        assert_eq!(format_sdk_date(at(FIRST, 0)).unwrap(), "00000101T000000Z");
        assert_eq!(
            format_sdk_date(at(LAST, 999_999_999)).unwrap(),
            "99991231T235959Z"
        );
        assert_eq!(format_sdk_date(at(-1, 0)).unwrap(), "19691231T235959Z");
        assert_eq!(format_sdk_date(at(0, 0)).unwrap(), "19700101T000000Z");
    }

    /// `OffsetDateTime::from(SystemTime)` panics past year 9999; signing must not.
    #[test]
    fn times_the_format_cannot_express_are_errors_not_panics() {
        for t in [
            at(LAST + 1, 0),
            at(FIRST - 1, 0),
            at(i64::MAX / 4, 0),
            at(-(i64::MAX / 4), 0),
        ] {
            let error = format_sdk_date(t).unwrap_err();
            assert!(matches!(&error, Error::InvalidInput(i) if i.field() == "x-sdk-date"));
        }
    }
}
