//! [`CredentialsError`]: why a provider gave no credentials, naming the provider.

use std::fmt;

use http::StatusCode;

use crate::error::TransportError;

/// What kind of failure a [`CredentialsError`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum CredentialsErrorKind {
    /// The source is not set up here (no variable set, no profile file, not on ECS):
    /// a [`Chain`](super::Chain) moves on to the next source.
    NotConfigured,
    /// The source is set up but wrong: a malformed profile file, half a key pair.
    Invalid,
    /// The service behind the provider could not be reached (connect, timeout).
    Unavailable,
    /// The service behind the provider answered with an error status.
    Rejected,
    /// The service answered, but not with credentials the provider understands.
    BadAnswer,
}

/// Why a provider gave no credentials. Names the provider; never shows a secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CredentialsError {
    provider: &'static str,
    kind: CredentialsErrorKind,
    message: String,
    status: Option<StatusCode>,
}

impl CredentialsError {
    /// An error of `provider`.
    pub fn new(
        provider: &'static str,
        kind: CredentialsErrorKind,
        message: impl Into<String>,
    ) -> Self {
        CredentialsError {
            provider,
            kind,
            message: message.into(),
            status: None,
        }
    }

    /// `provider`'s service could not be reached.
    pub fn unavailable(provider: &'static str, error: &TransportError) -> Self {
        CredentialsError::new(
            provider,
            CredentialsErrorKind::Unavailable,
            format!("the service is unreachable: {error}"),
        )
    }

    /// `provider`'s service answered `status`; `what` says what was asked for. The
    /// answer's text (up to 200 bytes) is kept: error answers carry no credentials.
    pub fn rejected(provider: &'static str, what: &str, status: StatusCode, body: &[u8]) -> Self {
        let text = String::from_utf8_lossy(&body[..body.len().min(200)]).into_owned();
        CredentialsError {
            status: Some(status),
            ..CredentialsError::new(
                provider,
                CredentialsErrorKind::Rejected,
                format!("{what} failed with {status}: {}", text.trim()),
            )
        }
    }

    /// The provider's name (`"env"`, `"profile"`, `"ecs-metadata"`, …).
    pub fn provider(&self) -> &'static str {
        self.provider
    }

    /// What kind of failure it is.
    pub fn kind(&self) -> CredentialsErrorKind {
        self.kind
    }

    /// What went wrong.
    pub fn message(&self) -> &str {
        &self.message
    }

    /// The status of the provider's service, for [`CredentialsErrorKind::Rejected`].
    pub fn status(&self) -> Option<StatusCode> {
        self.status
    }

    /// Whether the source is simply not set up here.
    pub fn is_not_configured(&self) -> bool {
        self.kind == CredentialsErrorKind::NotConfigured
    }
}

impl fmt::Display for CredentialsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "credentials from `{}`: {}", self.provider, self.message)
    }
}

impl std::error::Error for CredentialsError {}
