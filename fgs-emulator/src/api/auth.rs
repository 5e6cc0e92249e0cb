//! Request authentication: AK/SK signatures and IAM tokens.

use std::time::{Duration, SystemTime};

use std::sync::Arc;

use fgs_proto::auth::verify::{Authorization, Verifier, VerifyError};
use fgs_proto::{Secret, X_AUTH_TOKEN, X_PROJECT_ID, X_SECURITY_TOKEN};
use http::header::AUTHORIZATION;
use http::request::Parts;
use sha2::{Digest, Sha256};

use crate::api::api_error::ApiError;
use crate::api::identity::{EXPIRED_CODE, Identity, IssuedKey, expires_at};

/// The credentials the emulator accepts. With none configured, every request passes.
#[derive(Debug, Clone)]
pub(crate) struct Auth {
    pub keys: Vec<(String, Secret)>,
    pub tokens: Vec<Secret>,
    pub max_skew: Duration,
    pub project_id: String,
    /// The temporary keys the emulator issues, accepted until they expire.
    pub identity: Arc<Identity>,
}

impl Auth {
    /// Whether any credential is configured.
    pub(crate) fn enabled(&self) -> bool {
        !self.keys.is_empty() || !self.tokens.is_empty() || self.identity.enabled()
    }

    /// Checks a request: a valid `SDK-HMAC-SHA256` signature over the raw wire path and
    /// query (and a matching `X-Project-Id`, if sent), or a matching `X-Auth-Token`.
    /// The 401 message says why, never what was expected.
    pub(crate) fn check(
        &self,
        parts: &Parts,
        body: &[u8],
        now: SystemTime,
    ) -> Result<(), ApiError> {
        if !self.enabled() {
            return Ok(());
        }
        let headers = &parts.headers;
        let signs = !self.keys.is_empty() || self.identity.enabled();
        if signs && headers.contains_key(AUTHORIZATION) {
            let access_key = Verifier::new(now)
                .max_skew(self.max_skew)
                .verify(
                    parts.method.as_str(),
                    parts.uri.path(),
                    parts.uri.query(),
                    headers,
                    body,
                    |access_key| self.secret_for(access_key),
                )
                .map_err(|e| ApiError::unauthorized(format!("AK/SK authentication failed: {e}")))?;
            if let Some(issued) = self.identity.key(access_key) {
                check_temporary(&issued, headers, now)?;
            }
            if let Some(project) = headers.get(X_PROJECT_ID)
                && project.as_bytes() != self.project_id.as_bytes()
            {
                return Err(ApiError::unauthorized(
                    "X-Project-Id does not match the project of this endpoint",
                ));
            }
            return Ok(());
        }
        if !self.tokens.is_empty()
            && let Some(token) = headers.get(X_AUTH_TOKEN)
        {
            // Compare against every token, without short-circuiting.
            let valid = self.tokens.iter().fold(false, |valid, expected| {
                valid | constant_time_eq(expected.expose().as_bytes(), token.as_bytes())
            });
            return if valid {
                Ok(())
            } else {
                Err(ApiError::unauthorized("the X-Auth-Token is not valid"))
            };
        }
        Err(ApiError::unauthorized(
            match (self.keys.is_empty(), self.tokens.is_empty()) {
                (false, false) => {
                    "missing credentials: sign the request (SDK-HMAC-SHA256) or send X-Auth-Token"
                }
                (false, true) => "missing credentials: sign the request (SDK-HMAC-SHA256)",
                _ => "missing credentials: send X-Auth-Token",
            },
        ))
    }

    /// What can be checked on the request head alone, so that a request that cannot
    /// be accepted is refused before its body is read: a token (or its absence) in
    /// full; for a signature, which covers the body, that the access key is known.
    pub(crate) fn check_head(&self, parts: &Parts) -> Result<(), ApiError> {
        if !self.enabled() {
            return Ok(());
        }
        let headers = &parts.headers;
        if !self.keys.is_empty() && headers.contains_key(AUTHORIZATION) {
            let access_key = headers
                .get(AUTHORIZATION)
                .and_then(|value| value.to_str().ok())
                .and_then(|value| Authorization::parse(value).ok())
                .map(|authorization| authorization.access_key);
            return match access_key {
                // Unknown for sure: refused now, with the message the full check gives.
                Some(key) if self.secret_for(key).is_none() => {
                    Err(ApiError::unauthorized(format!(
                        "AK/SK authentication failed: {}",
                        VerifyError::UnknownAccessKey
                    )))
                }
                // Known, or malformed (the full check says how): read the body.
                _ => Ok(()),
            };
        }
        // A token or no credentials: the body plays no part.
        self.check(parts, &[], SystemTime::now())
    }

    fn secret_for(&self, access_key: &str) -> Option<Secret> {
        self.keys
            .iter()
            .find(|(ak, _)| ak == access_key)
            .map(|(_, sk)| sk.clone())
            .or_else(|| self.identity.key(access_key).map(|key| key.secret))
    }
}

/// Temporary keys need their security token, and are refused once they expire with
/// the gateway's answer for expired credentials.
fn check_temporary(
    issued: &IssuedKey,
    headers: &http::HeaderMap,
    now: SystemTime,
) -> Result<(), ApiError> {
    let sent = headers.get(X_SECURITY_TOKEN).map(|v| v.as_bytes());
    if !sent.is_some_and(|sent| constant_time_eq(sent, issued.security_token.expose().as_bytes())) {
        return Err(ApiError::unauthorized(
            "Incorrect IAM authentication information: the X-Security-Token is missing or wrong",
        ));
    }
    if now >= issued.expires_at {
        return Err(ApiError::new(
            http::StatusCode::UNAUTHORIZED,
            EXPIRED_CODE,
            format!(
                "Incorrect IAM authentication information: security token expires, expires_at: {}",
                expires_at(issued.expires_at)
            ),
        ));
    }
    Ok(())
}

/// Equality whose time does not depend on where the inputs differ: both sides are
/// hashed to fixed-size digests, which are compared without an early exit.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    let (a, b) = (Sha256::digest(a), Sha256::digest(b));
    a.iter()
        .zip(b.iter())
        .fold(0u8, |diff, (x, y)| diff | (x ^ y))
        == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constant_time_comparison() {
        assert!(constant_time_eq(b"token", b"token"));
        assert!(!constant_time_eq(b"token", b"tokem"));
        assert!(!constant_time_eq(b"token", b"token2"));
        assert!(constant_time_eq(b"", b""));
    }

    fn parts(headers: &[(&str, &str)]) -> Parts {
        let mut builder = http::Request::builder().uri("/v2/p1/fgs/functions");
        for (k, v) in headers {
            builder = builder.header(*k, *v);
        }
        builder.body(()).unwrap().into_parts().0
    }

    #[test]
    fn tokens() {
        let auth = Auth {
            keys: vec![],
            tokens: vec![Secret::new("T1"), Secret::new("T2")],
            max_skew: Duration::from_secs(900),
            project_id: "p1".into(),
            identity: Arc::new(Identity::new(None)),
        };
        let now = SystemTime::now();
        assert!(
            auth.check(&parts(&[("x-auth-token", "T2")]), b"", now)
                .is_ok()
        );
        let e = auth
            .check(&parts(&[("x-auth-token", "T3")]), b"", now)
            .unwrap_err();
        assert_eq!((e.status.as_u16(), e.code), (401, "FSS.0401"));
        let e = auth.check(&parts(&[]), b"", now).unwrap_err();
        assert_eq!(e.message, "missing credentials: send X-Auth-Token");
        let open = Auth {
            tokens: vec![],
            ..auth
        };
        assert!(open.check(&parts(&[]), b"", now).is_ok());
    }
}
