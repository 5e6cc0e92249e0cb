//! OIDC federation: an id token exchanged for temporary credentials, through an IAM
//! identity provider ([`Federation`]) or through STS ([`OidcSts`]).

use std::path::PathBuf;
use std::time::SystemTime;

use bytes::Bytes;
use http::{Method, Response};
use serde_json::json;

use super::answer::temporary_answer;
use super::names::*;
use super::{
    CredentialsError, CredentialsErrorKind, DEFAULT_STS_ENDPOINT, Provided, Provider, Step, join,
    provider_request, token_from_file,
};
use crate::secret::Secret;

/// How long temporary keys from federation last — `auth/internal.py`,
/// `FederalAccessor._DEFAULT_DURATION_SECONDS` (6 h).
pub(super) const FEDERATION_DURATION_SECONDS: u64 = 6 * 60 * 60;

#[derive(Debug)]
enum Phase {
    Idle,
    File,
    Token,
    Keys,
}

/// Federation through an IAM identity provider, as the official `FederalAccessor`
/// does it: the id token file is read at every fetch, exchanged for an unscoped IAM
/// token (`POST {iam}/v3.0/OS-AUTH/id-token/tokens` with `X-Idp-Id`; the token comes
/// back in `X-Subject-Token`), which is exchanged for temporary keys
/// (`POST {iam}/v3.0/OS-CREDENTIAL/securitytokens`, 6 h).
#[derive(Debug)]
pub struct Federation {
    provider: &'static str,
    idp_id: String,
    id_token_file: PathBuf,
    iam_endpoint: String,
    phase: Phase,
}

impl Federation {
    /// Federation of identity provider `idp_id` with the id token in `id_token_file`,
    /// at `iam_endpoint`; errors name `provider`.
    pub fn new(
        provider: &'static str,
        idp_id: impl Into<String>,
        id_token_file: impl Into<PathBuf>,
        iam_endpoint: &str,
    ) -> Self {
        Federation {
            provider,
            idp_id: idp_id.into(),
            id_token_file: id_token_file.into(),
            iam_endpoint: iam_endpoint.to_owned(),
            phase: Phase::Idle,
        }
    }

    fn error(&self, kind: CredentialsErrorKind, message: impl Into<String>) -> CredentialsError {
        CredentialsError::new(self.provider, kind, message)
    }
}

impl Provider for Federation {
    fn name(&self) -> &'static str {
        self.provider
    }

    fn start(&mut self, _now: SystemTime) -> Result<Step, CredentialsError> {
        self.phase = Phase::File;
        Ok(Step::ReadFile(self.id_token_file.clone()))
    }

    fn on_file(
        &mut self,
        contents: Result<String, std::io::Error>,
        _now: SystemTime,
    ) -> Result<Step, CredentialsError> {
        let id_token = token_from_file(
            self.provider,
            "id token file",
            &self.id_token_file,
            contents,
        )?;
        let body = json!({"auth": {"id_token": {"id": id_token.expose()}}}).to_string();
        let request = provider_request(
            self.provider,
            Method::POST,
            &join(&self.iam_endpoint, IAM_ID_TOKEN_PATH),
            &[(X_IDP_ID, &self.idp_id)],
            Some(body),
        )?;
        self.phase = Phase::Token;
        Ok(Step::Send(request))
    }

    fn on_response(
        &mut self,
        response: Response<Bytes>,
        _now: SystemTime,
    ) -> Result<Step, CredentialsError> {
        let status = response.status();
        match self.phase {
            Phase::Token => {
                if !status.is_success() {
                    return Err(CredentialsError::rejected(
                        self.provider,
                        "exchanging the id token",
                        status,
                        response.body(),
                    ));
                }
                let token = response
                    .headers()
                    .get(X_SUBJECT_TOKEN)
                    .and_then(|v| v.to_str().ok())
                    .map(Secret::new)
                    .ok_or_else(|| {
                        self.error(
                            CredentialsErrorKind::BadAnswer,
                            "IAM answered no X-Subject-Token",
                        )
                    })?;
                let body = json!({"auth": {"identity": {"methods": ["token"],
                    "token": {"id": token.expose(), "duration_seconds": FEDERATION_DURATION_SECONDS}}}})
                .to_string();
                let request = provider_request(
                    self.provider,
                    Method::POST,
                    &join(&self.iam_endpoint, IAM_SECURITY_TOKENS_PATH),
                    &[],
                    Some(body),
                )?;
                self.phase = Phase::Keys;
                Ok(Step::Send(request))
            }
            Phase::Keys => {
                self.phase = Phase::Idle;
                let what = "getting temporary keys";
                Ok(Step::Ready(temporary_answer(
                    self.provider,
                    what,
                    &response,
                )?))
            }
            Phase::Idle | Phase::File => {
                Err(self.error(CredentialsErrorKind::BadAnswer, "no request is under way"))
            }
        }
    }
}

/// The settings of [`OidcSts`], as the official `OidcStsCredentialProvider` reads them
/// from the environment.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct OidcStsSettings {
    /// `HUAWEICLOUD_OIDC_PROVIDER_URN`.
    pub provider_urn: Option<String>,
    /// `HUAWEICLOUD_OIDC_AGENCY_URN`.
    pub agency_urn: Option<String>,
    /// `HUAWEICLOUD_OIDC_ID_TOKEN`.
    pub id_token: Option<Secret>,
    /// `HUAWEICLOUD_OIDC_TOKEN_FILE`.
    pub token_file: Option<PathBuf>,
    /// `HUAWEICLOUD_OIDC_SESSION_NAME` (default `oidc-sts-session`).
    pub session_name: Option<String>,
    /// `HUAWEICLOUD_OIDC_DURATION_SECONDS` (default 3600).
    pub duration_seconds: Option<String>,
    /// `HUAWEICLOUD_OIDC_POLICY`.
    pub policy: Option<String>,
    /// `HUAWEICLOUD_OIDC_POLICY_IDS`, comma-separated.
    pub policy_ids: Option<String>,
    /// `HUAWEICLOUD_SDK_PROJECT_ID`.
    pub project_id: Option<String>,
    /// `HUAWEICLOUD_SDK_STS_ENDPOINT`.
    pub sts_endpoint: Option<String>,
}

impl OidcStsSettings {
    /// Reads the variables through `lookup`; empty values count as unset.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Self {
        let var = |name: &str| lookup(name).filter(|v| !v.is_empty());
        OidcStsSettings {
            provider_urn: var(ENV_OIDC_PROVIDER_URN),
            agency_urn: var(ENV_OIDC_AGENCY_URN),
            id_token: var(ENV_OIDC_ID_TOKEN).map(Secret::new),
            token_file: var(ENV_OIDC_TOKEN_FILE).map(PathBuf::from),
            session_name: var(ENV_OIDC_SESSION_NAME),
            duration_seconds: var(ENV_OIDC_DURATION_SECONDS),
            policy: var(ENV_OIDC_POLICY),
            policy_ids: var(ENV_OIDC_POLICY_IDS),
            project_id: var(ENV_PROJECT_ID),
            sts_endpoint: var(ENV_STS_ENDPOINT),
        }
    }
}

/// OIDC federation through STS, as the official `OidcStsAccessor` does it:
/// `POST {sts}/v5/agencies/assume-with-oidc` with the provider and agency URNs, the id
/// token (from `HUAWEICLOUD_OIDC_ID_TOKEN`, else read from `HUAWEICLOUD_OIDC_TOKEN_FILE`
/// at every fetch), the session name and duration.
#[derive(Debug)]
pub struct OidcSts {
    settings: OidcStsSettings,
    sts_endpoint: String,
}

const OIDC: &str = "oidc-sts";

impl OidcSts {
    /// The provider of `settings`, at `HUAWEICLOUD_SDK_STS_ENDPOINT`, else
    /// `sts_endpoint`, else the default STS endpoint.
    pub fn new(settings: OidcStsSettings, sts_endpoint: Option<&str>) -> Self {
        let sts_endpoint = settings
            .sts_endpoint
            .clone()
            .or_else(|| sts_endpoint.map(str::to_owned))
            .unwrap_or_else(|| DEFAULT_STS_ENDPOINT.to_owned());
        OidcSts {
            settings,
            sts_endpoint,
        }
    }

    fn request(&self, id_token: &Secret) -> Result<Step, CredentialsError> {
        let s = &self.settings;
        let duration = match &s.duration_seconds {
            Some(text) => text.parse::<u64>().map_err(|_| {
                CredentialsError::new(
                    OIDC,
                    CredentialsErrorKind::Invalid,
                    format!("{ENV_OIDC_DURATION_SECONDS} `{text}` is not a number"),
                )
            })?,
            None => 3600,
        };
        let mut payload = json!({
            "provider_urn": s.provider_urn,
            "agency_urn": s.agency_urn,
            "agency_session_name": s.session_name.as_deref().unwrap_or("oidc-sts-session"),
            "id_token": id_token.expose(),
            "duration_seconds": duration,
        });
        if let Some(policy) = &s.policy {
            payload["policy"] = json!(policy);
        }
        if let Some(ids) = &s.policy_ids {
            let ids: Vec<&str> = ids
                .split(',')
                .map(str::trim)
                .filter(|id| !id.is_empty())
                .collect();
            if !ids.is_empty() {
                payload["policy_ids"] = json!(ids);
            }
        }
        let url = join(&self.sts_endpoint, STS_ASSUME_WITH_OIDC_PATH);
        Ok(Step::Send(provider_request(
            OIDC,
            Method::POST,
            &url,
            &[],
            Some(payload.to_string()),
        )?))
    }
}

impl Provider for OidcSts {
    fn name(&self) -> &'static str {
        OIDC
    }

    fn start(&mut self, _now: SystemTime) -> Result<Step, CredentialsError> {
        let s = &self.settings;
        let missing = |name: &str| {
            CredentialsError::new(
                OIDC,
                CredentialsErrorKind::NotConfigured,
                format!("{name} is not set"),
            )
        };
        if s.provider_urn.is_none() {
            return Err(missing(ENV_OIDC_PROVIDER_URN));
        }
        if s.agency_urn.is_none() {
            return Err(missing(ENV_OIDC_AGENCY_URN));
        }
        match (&s.id_token, &s.token_file) {
            (Some(token), _) => self.request(token),
            (None, Some(file)) => Ok(Step::ReadFile(file.clone())),
            (None, None) => Err(missing(&format!(
                "{ENV_OIDC_ID_TOKEN} or {ENV_OIDC_TOKEN_FILE}"
            ))),
        }
    }

    fn on_file(
        &mut self,
        contents: Result<String, std::io::Error>,
        _now: SystemTime,
    ) -> Result<Step, CredentialsError> {
        let path = self.settings.token_file.clone().unwrap_or_default();
        let token = token_from_file(OIDC, "id token file", &path, contents)?;
        self.request(&token)
    }

    fn on_response(
        &mut self,
        response: Response<Bytes>,
        _now: SystemTime,
    ) -> Result<Step, CredentialsError> {
        let provided = temporary_answer(OIDC, "assuming the agency", &response)?;
        Ok(Step::Ready(Provided {
            project_id: self.settings.project_id.clone(),
            ..provided
        }))
    }
}
