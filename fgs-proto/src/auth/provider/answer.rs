//! The answer every temporary-credential service gives — ECS metadata, CCE pod
//! identity, IAM `securitytokens`, STS — read as the official SDK's
//! `StsAccessor._process_credential` reads it.

use std::fmt;
use std::time::SystemTime;

use serde_json::Value;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

use super::{CredentialsError, CredentialsErrorKind, Provided};
use crate::auth::Credentials;
use crate::secret::Secret;

/// Temporary AK/SK, security token and expiry, as a service answers them.
#[derive(Clone, PartialEq, Eq)]
pub struct TemporaryCredentials {
    /// The access key id.
    pub access: String,
    /// The secret key.
    pub secret: Secret,
    /// The security token.
    pub security_token: Secret,
    /// When they expire.
    pub expires_at: SystemTime,
}

impl TemporaryCredentials {
    /// As a provider's answer.
    pub fn into_provided(self) -> Provided {
        Provided::temporary(
            Credentials::temporary_ak_sk(self.access, self.secret, self.security_token),
            self.expires_at,
        )
    }
}

impl fmt::Debug for TemporaryCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("TemporaryCredentials")
            .field("access", &self.access)
            .field("secret", &self.secret)
            .field("security_token", &self.security_token)
            .field("expires_at", &self.expires_at)
            .finish()
    }
}

/// Reads a temporary-credential answer: an object, optionally wrapped in `credential`
/// or `credentials`, with the key in `access` / `accessKeyId` / `access_key_id`, the
/// secret in `secret` / `secretAccessKey` / `secret_access_key`, the token in
/// `securitytoken` / `securityToken` / `security_token` and the expiry (RFC 3339, e.g.
/// `2024-01-15T08:30:00.000000Z`) in `expires_at` / `expiration`.
///
/// ```
/// use fgs_proto::auth::provider::parse_temporary_credentials;
///
/// let body = br#"{"credential":{"access":"TMPAK","secret":"TMPSK",
///     "securitytoken":"ST","expires_at":"2030-01-15T08:30:00.000000Z"}}"#;
/// let temporary = parse_temporary_credentials("ecs-metadata", body)?;
/// assert_eq!(temporary.access, "TMPAK");
/// assert_eq!(temporary.secret.expose(), "TMPSK");
/// # Ok::<(), fgs_proto::auth::provider::CredentialsError>(())
/// ```
pub fn parse_temporary_credentials(
    provider: &'static str,
    body: &[u8],
) -> Result<TemporaryCredentials, CredentialsError> {
    let bad = |why: &str| {
        CredentialsError::new(
            provider,
            CredentialsErrorKind::BadAnswer,
            format!("the answer holds no temporary credentials: {why}"),
        )
    };
    // The error of serde_json would quote the text, which holds the secret key.
    let value: Value = serde_json::from_slice(body).map_err(|_| bad("not JSON"))?;
    let object = value
        .get("credential")
        .or_else(|| value.get("credentials"))
        .unwrap_or(&value);
    let field = |names: &[&str]| {
        names
            .iter()
            .find_map(|name| object.get(*name).and_then(Value::as_str))
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    let access =
        field(&["access", "accessKeyId", "access_key_id"]).ok_or_else(|| bad("no access key"))?;
    let secret = field(&["secret", "secretAccessKey", "secret_access_key"])
        .map(Secret::new)
        .ok_or_else(|| bad("no secret key"))?;
    let security_token = field(&["securitytoken", "securityToken", "security_token"])
        .map(Secret::new)
        .ok_or_else(|| bad("no security token"))?;
    let expires = field(&["expires_at", "expiration"]).ok_or_else(|| bad("no expiry"))?;
    let expires_at =
        parse_time(&expires).ok_or_else(|| bad("the expiry is not an RFC 3339 time"))?;
    Ok(TemporaryCredentials {
        access,
        secret,
        security_token,
        expires_at,
    })
}

/// A temporary-credential service's answer: its credentials on success, else the
/// error that `what` (e.g. "getting the pod's credentials") was refused.
pub(crate) fn temporary_answer(
    provider: &'static str,
    what: &str,
    response: &http::Response<bytes::Bytes>,
) -> Result<Provided, CredentialsError> {
    if !response.status().is_success() {
        return Err(CredentialsError::rejected(
            provider,
            what,
            response.status(),
            response.body(),
        ));
    }
    Ok(parse_temporary_credentials(provider, response.body())?.into_provided())
}

/// An RFC 3339 time as a `SystemTime`.
pub(crate) fn parse_time(text: &str) -> Option<SystemTime> {
    OffsetDateTime::parse(text, &Rfc3339)
        .ok()
        .map(SystemTime::from)
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, UNIX_EPOCH};

    use super::*;

    #[test]
    fn every_spelling_is_read() {
        let nested = br#"{"credentials":{"accessKeyId":"A","secretAccessKey":"S","securityToken":"T","expiration":"2024-01-15T08:30:00Z"}}"#;
        let t = parse_temporary_credentials("sts", nested).unwrap();
        assert_eq!(t.access, "A");
        assert_eq!(
            t.expires_at,
            UNIX_EPOCH + Duration::from_secs(1_705_307_400)
        );
        let flat = br#"{"access_key_id":"A","secret_access_key":"S","security_token":"T","expires_at":"2024-01-15T08:30:00.000000Z"}"#;
        assert_eq!(
            parse_temporary_credentials("x", flat)
                .unwrap()
                .security_token
                .expose(),
            "T"
        );
    }

    #[test]
    fn errors_never_quote_the_answer() {
        let body = br#"{"credential":{"access":"A","secret":"SENTINEL","securitytoken":"T"}}"#;
        let e = parse_temporary_credentials("ecs-metadata", body).unwrap_err();
        assert_eq!(e.kind(), CredentialsErrorKind::BadAnswer);
        assert!(!e.to_string().contains("SENTINEL"), "{e}");
        let e =
            parse_temporary_credentials("ecs-metadata", b"{\"secret\":\"SENTINEL\"").unwrap_err();
        assert!(!e.to_string().contains("SENTINEL"), "{e}");
        assert!(format!("{:?}", parse_temporary_credentials("x", br#"{"access":"A","secret":"SENTINEL","securitytoken":"SENTINEL","expires_at":"2024-01-15T08:30:00Z"}"#).unwrap()).find("SENTINEL").is_none());
    }
}
