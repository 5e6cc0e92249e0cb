//! Server-side verification of `SDK-HMAC-SHA256` signatures (the emulator uses it).
//!
//! The verifier parses the `Authorization` header, recomputes the canonical request over
//! exactly the headers it lists, compares signatures in constant time, and rejects a
//! date outside a skew window around the supplied `now`.

use std::fmt;
use std::time::{Duration, SystemTime};

use hmac::Mac;
use http::HeaderMap;
use http::header::AUTHORIZATION;

use super::canonical::{self, CONTENT_SHA256, CanonicalError};
use super::sign::{SDK_HMAC_SHA256, X_SDK_DATE, new_mac, parse_sdk_date};
use crate::secret::Secret;

/// The skew the Huawei Cloud gateways tolerate between the signer's clock and theirs.
pub const DEFAULT_MAX_SKEW: Duration = Duration::from_secs(15 * 60);

/// The parsed `Authorization` header of an `SDK-HMAC-SHA256` request.
#[derive(Clone, PartialEq, Eq)]
pub struct Authorization<'a> {
    /// The access key id.
    pub access_key: &'a str,
    /// Lowercase signed header names, in the order listed.
    pub signed_headers: Vec<&'a str>,
    /// The hex signature, as sent.
    pub signature: &'a str,
}

// By hand: a signature authorizes a replay of its request until the date expires, so
// it is never printed.
impl fmt::Debug for Authorization<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Authorization")
            .field("access_key", &self.access_key)
            .field("signed_headers", &self.signed_headers)
            .field("signature", &"***")
            .finish()
    }
}

impl<'a> Authorization<'a> {
    /// Parses `SDK-HMAC-SHA256 Access=AK, SignedHeaders=a;b, Signature=hex`. Spaces
    /// after the commas are optional.
    pub fn parse(value: &'a str) -> Result<Self, VerifyError> {
        let rest = value
            .strip_prefix(SDK_HMAC_SHA256)
            .ok_or(VerifyError::UnsupportedAlgorithm)?;
        let rest = rest
            .strip_prefix(' ')
            .ok_or(VerifyError::MalformedAuthorization)?;
        let (mut access, mut signed, mut signature) = (None, None, None);
        for field in rest.split(',') {
            let field = field.trim();
            let (name, value) = field
                .split_once('=')
                .ok_or(VerifyError::MalformedAuthorization)?;
            let slot = match name {
                "Access" => &mut access,
                "SignedHeaders" => &mut signed,
                "Signature" => &mut signature,
                _ => return Err(VerifyError::MalformedAuthorization),
            };
            if slot.replace(value).is_some() {
                return Err(VerifyError::MalformedAuthorization);
            }
        }
        let (Some(access_key), Some(signed), Some(signature)) = (access, signed, signature) else {
            return Err(VerifyError::MalformedAuthorization);
        };
        if access_key.is_empty() || signed.is_empty() || signature.is_empty() {
            return Err(VerifyError::MalformedAuthorization);
        }
        let signed_headers: Vec<&str> = signed.split(';').collect();
        if signed_headers
            .iter()
            .any(|h| h.is_empty() || h.bytes().any(|b| b.is_ascii_uppercase()))
        {
            return Err(VerifyError::MalformedAuthorization);
        }
        Ok(Authorization {
            access_key,
            signed_headers,
            signature,
        })
    }
}

/// Why a request failed verification. `Display` is safe to send back to the client: it
/// never includes the expected signature or any secret.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum VerifyError {
    /// No `Authorization` header.
    MissingAuthorization,
    /// The header is not `SDK-HMAC-SHA256`.
    UnsupportedAlgorithm,
    /// The header could not be parsed.
    MalformedAuthorization,
    /// The access key is not known.
    UnknownAccessKey,
    /// A header listed as signed is missing (or not text).
    MissingSignedHeader(String),
    /// No `X-Sdk-Date` header.
    MissingDate,
    /// `X-Sdk-Date` is not `YYYYMMDDTHHMMSSZ`.
    MalformedDate,
    /// `X-Sdk-Date` is further from `now` than the allowed skew.
    DateOutOfRange,
    /// The signature does not match.
    SignatureMismatch,
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            VerifyError::MissingAuthorization => f.write_str("missing Authorization header"),
            VerifyError::UnsupportedAlgorithm => {
                f.write_str("unsupported signature algorithm (expected SDK-HMAC-SHA256)")
            }
            VerifyError::MalformedAuthorization => f.write_str("malformed Authorization header"),
            VerifyError::UnknownAccessKey => f.write_str("unknown access key"),
            VerifyError::MissingSignedHeader(h) => {
                write!(f, "signed header `{h}` is missing or not text")
            }
            VerifyError::MissingDate => f.write_str("missing X-Sdk-Date header"),
            VerifyError::MalformedDate => f.write_str("malformed X-Sdk-Date header"),
            VerifyError::DateOutOfRange => f.write_str("X-Sdk-Date is outside the allowed skew"),
            VerifyError::SignatureMismatch => f.write_str("signature does not match"),
        }
    }
}

impl std::error::Error for VerifyError {}

/// Verifies signed requests against a fixed `now` and skew window.
///
/// ```
/// use std::time::{Duration, SystemTime};
/// use fgs_proto::auth::{Credentials, verify::Verifier};
/// use fgs_proto::{Config, Secret};
///
/// let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::ak_sk("AK", "SK"))?;
/// let op = fgs_proto::functions::GetMetadata::new("urn:fss:r:p1:function:default:f:latest");
/// let request = fgs_proto::prepare(&op, &config, now)?;
/// let access_key = Verifier::new(now)
///     .verify_request(&request, |ak| (ak == "AK").then(|| Secret::new("SK")))
///     .expect("signature verifies");
/// assert_eq!(access_key, "AK");
/// # Ok::<(), fgs_proto::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct Verifier {
    now: SystemTime,
    max_skew: Duration,
}

impl Verifier {
    /// A verifier for requests arriving at `now`, with [`DEFAULT_MAX_SKEW`].
    pub fn new(now: SystemTime) -> Self {
        Verifier {
            now,
            max_skew: DEFAULT_MAX_SKEW,
        }
    }

    /// Sets the allowed distance between `X-Sdk-Date` and `now`.
    pub fn max_skew(mut self, max_skew: Duration) -> Self {
        self.max_skew = max_skew;
        self
    }

    /// Verifies a signed request.
    ///
    /// `raw_path` and `raw_query` are the path and query exactly as they arrived on the
    /// wire (still percent-encoded). `secret_for` returns the secret key of an access
    /// key, or `None` if the key is unknown. On success returns the access key that
    /// signed.
    pub fn verify<'h>(
        &self,
        method: &str,
        raw_path: &str,
        raw_query: Option<&str>,
        headers: &'h HeaderMap,
        body: &[u8],
        secret_for: impl FnOnce(&str) -> Option<Secret>,
    ) -> Result<&'h str, VerifyError> {
        let auth_value = headers
            .get(AUTHORIZATION)
            .ok_or(VerifyError::MissingAuthorization)?
            .to_str()
            .map_err(|_| VerifyError::MalformedAuthorization)?;
        let auth = Authorization::parse(auth_value)?;

        let date = headers
            .get(X_SDK_DATE)
            .ok_or(VerifyError::MissingDate)?
            .to_str()
            .map_err(|_| VerifyError::MalformedDate)?
            .trim();
        let signed_at = parse_sdk_date(date).ok_or(VerifyError::MalformedDate)?;
        let skew = match self.now.duration_since(signed_at) {
            Ok(d) => d,
            Err(e) => e.duration(),
        };
        if skew > self.max_skew {
            return Err(VerifyError::DateOutOfRange);
        }

        let secret = secret_for(auth.access_key).ok_or(VerifyError::UnknownAccessKey)?;
        // `X-Sdk-Content-Sha256` replaces the body hash only when it is itself signed;
        // otherwise anyone could add it to a captured request and change the body.
        let content_sha256 = if auth.signed_headers.contains(&CONTENT_SHA256) {
            headers.get(CONTENT_SHA256).and_then(|v| v.to_str().ok())
        } else {
            None
        };
        let payload_hash = canonical::payload_hash(body, content_sha256);
        let signed_list = auth.signed_headers.join(";");
        let canonical_request = canonical::canonical_request(
            method,
            raw_path,
            &canonical::canonical_query(raw_query),
            headers,
            &auth.signed_headers,
            &signed_list,
            &payload_hash,
        )
        .map_err(|e| match e {
            CanonicalError::MissingHeader(h) | CanonicalError::NonUtf8Header(h) => {
                VerifyError::MissingSignedHeader(h)
            }
        })?;
        let string_to_sign =
            canonical::string_to_sign(SDK_HMAC_SHA256, date, None, &canonical_request);

        let provided = hex::decode(auth.signature).map_err(|_| VerifyError::SignatureMismatch)?;
        let mut mac = new_mac(secret.expose().as_bytes());
        mac.update(string_to_sign.as_bytes());
        // `verify_slice` compares in constant time.
        mac.verify_slice(&provided)
            .map_err(|_| VerifyError::SignatureMismatch)?;
        Ok(auth.access_key)
    }

    /// [`Verifier::verify`] for an `http::Request` whose URI carries the raw wire path
    /// and query.
    pub fn verify_request<'r, B: crate::BodyBytes>(
        &self,
        request: &'r http::Request<B>,
        secret_for: impl FnOnce(&str) -> Option<Secret>,
    ) -> Result<&'r str, VerifyError> {
        self.verify(
            request.method().as_str(),
            request.uri().path(),
            request.uri().query(),
            request.headers(),
            &request.body().body_bytes(),
            secret_for,
        )
    }
}
