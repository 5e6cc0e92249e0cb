//! Temporary credentials of an ECS instance's agency, from the metadata service.

use std::time::{Duration, SystemTime};

use bytes::Bytes;
use http::{Method, Response, StatusCode};

use super::answer::parse_temporary_credentials;
use super::names::*;
use super::{
    CredentialsError, CredentialsErrorKind, DEFAULT_METADATA_ENDPOINT, Provider, Step, join,
    provider_request,
};
use crate::secret::Secret;

const NAME: &str = "ecs-metadata";
/// The lifetime asked for a session token — `MetadataAccessor._DEFAULT_TOKEN_TTL_SECONDS`.
const TOKEN_TTL_SECONDS: u64 = 6 * 60 * 60;
/// How long after a failed token request the next one is tried —
/// `MetadataAccessor._DEFAULT_CHECK_TOKEN_DURATION_SECONDS`.
const TOKEN_RETRY_AFTER: Duration = Duration::from_secs(24 * 60 * 60);
/// The text of a 401 that no session token cures — `MetadataAccessor._CONFIG_AGENCY_ERROR`.
const NO_AGENCY: &str = "Please configure Cloud Service Agency first";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    Idle,
    /// A session token is asked for; without one, the key is asked for anyway.
    OptionalToken,
    /// The key was refused for want of a session token.
    RequiredToken,
    Key {
        retried: bool,
    },
}

/// The temporary AK/SK and security token of the instance's agency, as the official
/// `MetadataAccessor` gets them: a session token first (`PUT
/// {metadata}/meta-data/latest/api/token` with `X-Metadata-Token-Ttl-Seconds: 21600`;
/// a 404, 405 or 503 means the service has none, and the key is asked for without
/// one), then `GET {metadata}/openstack/latest/securitykey` with `X-Metadata-Token`. A
/// 401 (unless it says no agency is configured) gets a new session token and one more
/// try.
#[derive(Debug)]
pub struct EcsMetadata {
    endpoint: String,
    token: Option<Secret>,
    last_token_attempt: Option<SystemTime>,
    phase: Phase,
}

impl Default for EcsMetadata {
    fn default() -> Self {
        EcsMetadata::new(DEFAULT_METADATA_ENDPOINT)
    }
}

impl EcsMetadata {
    /// The provider of the metadata service at `endpoint` (on ECS,
    /// [`DEFAULT_METADATA_ENDPOINT`]; in tests, an emulator's URL).
    pub fn new(endpoint: &str) -> Self {
        EcsMetadata {
            endpoint: endpoint.to_owned(),
            token: None,
            last_token_attempt: None,
            phase: Phase::Idle,
        }
    }

    fn token_request(&mut self, phase: Phase, now: SystemTime) -> Result<Step, CredentialsError> {
        self.last_token_attempt = Some(now);
        self.phase = phase;
        let ttl = TOKEN_TTL_SECONDS.to_string();
        Ok(Step::Send(provider_request(
            NAME,
            Method::PUT,
            &join(&self.endpoint, METADATA_TOKEN_PATH),
            &[(X_METADATA_TOKEN_TTL_SECONDS, &ttl)],
            None,
        )?))
    }

    fn key_request(&mut self, retried: bool) -> Result<Step, CredentialsError> {
        self.phase = Phase::Key { retried };
        let token = self.token.clone();
        let headers: Vec<(&str, &str)> = token
            .iter()
            .map(|t| (X_METADATA_TOKEN, t.expose()))
            .collect();
        Ok(Step::Send(provider_request(
            NAME,
            Method::GET,
            &join(&self.endpoint, METADATA_SECURITY_KEY_PATH),
            &headers,
            None,
        )?))
    }
}

impl Provider for EcsMetadata {
    fn name(&self) -> &'static str {
        NAME
    }

    fn start(&mut self, now: SystemTime) -> Result<Step, CredentialsError> {
        let due = self.last_token_attempt.is_none_or(|at| {
            now.duration_since(at)
                .is_ok_and(|age| age > TOKEN_RETRY_AFTER)
        });
        if self.token.is_none() && due {
            self.token_request(Phase::OptionalToken, now)
        } else {
            self.key_request(false)
        }
    }

    fn on_response(
        &mut self,
        response: Response<Bytes>,
        now: SystemTime,
    ) -> Result<Step, CredentialsError> {
        let status = response.status();
        let body = response.body();
        match self.phase {
            Phase::OptionalToken | Phase::RequiredToken => {
                if status == StatusCode::OK {
                    let text = String::from_utf8_lossy(body).trim().to_owned();
                    self.token = (!text.is_empty()).then(|| Secret::new(text));
                } else if self.phase == Phase::OptionalToken
                    && matches!(status.as_u16(), 404 | 405 | 503)
                {
                    self.token = None;
                } else {
                    self.phase = Phase::Idle;
                    return Err(CredentialsError::rejected(
                        NAME,
                        "getting a metadata session token",
                        status,
                        body,
                    ));
                }
                let retried = self.phase == Phase::RequiredToken;
                self.key_request(retried)
            }
            Phase::Key { retried } => {
                if status == StatusCode::UNAUTHORIZED
                    && !retried
                    && !String::from_utf8_lossy(body).contains(NO_AGENCY)
                {
                    self.token = None;
                    return self.token_request(Phase::RequiredToken, now);
                }
                self.phase = Phase::Idle;
                if !status.is_success() {
                    return Err(CredentialsError::rejected(
                        NAME,
                        "getting the instance's temporary keys",
                        status,
                        body,
                    ));
                }
                Ok(Step::Ready(
                    parse_temporary_credentials(NAME, body)?.into_provided(),
                ))
            }
            Phase::Idle => Err(CredentialsError::new(
                NAME,
                CredentialsErrorKind::BadAnswer,
                "no request is under way",
            )),
        }
    }
}
