//! How requests prove who sends them: an IAM token, or an AK/SK pair (optionally with
//! the security token of temporary credentials).

use std::fmt;

use crate::secret::Secret;

/// The credentials a [`Config`](crate::Config) authorizes requests with.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Credentials {
    /// An IAM token, sent as `X-Auth-Token`. Nothing is signed.
    Token(Secret),
    /// An access key / secret key pair: requests are signed with `SDK-HMAC-SHA256`.
    AkSk(AkSk),
}

impl Credentials {
    /// IAM token credentials.
    pub fn token(token: impl Into<Secret>) -> Self {
        Credentials::Token(token.into())
    }

    /// Permanent AK/SK credentials.
    pub fn ak_sk(access_key: impl Into<String>, secret_key: impl Into<Secret>) -> Self {
        Credentials::AkSk(AkSk {
            access_key: access_key.into(),
            secret_key: secret_key.into(),
            security_token: None,
        })
    }

    /// Temporary AK/SK credentials (from STS or instance metadata) with their security
    /// token, sent — and signed — as `X-Security-Token`.
    pub fn temporary_ak_sk(
        access_key: impl Into<String>,
        secret_key: impl Into<Secret>,
        security_token: impl Into<Secret>,
    ) -> Self {
        Credentials::AkSk(AkSk {
            access_key: access_key.into(),
            secret_key: secret_key.into(),
            security_token: Some(security_token.into()),
        })
    }
}

impl fmt::Debug for Credentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Credentials::Token(_) => f.write_str("Token(***)"),
            Credentials::AkSk(k) => fmt::Debug::fmt(k, f),
        }
    }
}

/// An access key / secret key pair.
#[derive(Clone, PartialEq, Eq)]
pub struct AkSk {
    access_key: String,
    secret_key: Secret,
    security_token: Option<Secret>,
}

impl AkSk {
    /// The access key id (not a secret: it names the key).
    pub fn access_key(&self) -> &str {
        &self.access_key
    }

    /// The secret key.
    pub fn secret_key(&self) -> &Secret {
        &self.secret_key
    }

    /// The security token of temporary credentials.
    pub fn security_token(&self) -> Option<&Secret> {
        self.security_token.as_ref()
    }
}

impl fmt::Debug for AkSk {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AkSk")
            .field("access_key", &self.access_key)
            .field("secret_key", &self.secret_key)
            .field("security_token", &self.security_token)
            .finish()
    }
}
