//! The environment provider, and the choice both it and the profile make between a key
//! pair and federation.

use std::path::PathBuf;
use std::time::SystemTime;

use bytes::Bytes;
use http::Response;

use super::federation::Federation;
use super::names::*;
use super::{
    CredentialsError, CredentialsErrorKind, DEFAULT_IAM_ENDPOINT, Provided, Provider, Step,
};
use crate::auth::Credentials;
use crate::error::TransportError;
use crate::secret::Secret;

/// Everything the official SDK's environment provider reads (empty values count as
/// unset), read once through a lookup closure.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct EnvSettings {
    /// `HUAWEICLOUD_SDK_AK`.
    pub ak: Option<String>,
    /// `HUAWEICLOUD_SDK_SK`.
    pub sk: Option<Secret>,
    /// `HUAWEICLOUD_SDK_SECURITY_TOKEN`.
    pub security_token: Option<Secret>,
    /// `HUAWEICLOUD_SDK_PROJECT_ID`.
    pub project_id: Option<String>,
    /// `HUAWEICLOUD_SDK_DOMAIN_ID`.
    pub domain_id: Option<String>,
    /// `HUAWEICLOUD_SDK_IDP_ID`.
    pub idp_id: Option<String>,
    /// `HUAWEICLOUD_SDK_ID_TOKEN_FILE`.
    pub id_token_file: Option<PathBuf>,
    /// `HUAWEICLOUD_SDK_IAM_ENDPOINT`.
    pub iam_endpoint: Option<String>,
}

impl EnvSettings {
    /// Reads the variables through `lookup` (`|k| std::env::var(k).ok()` for the
    /// process environment).
    ///
    /// ```
    /// use fgs_proto::auth::provider::EnvSettings;
    /// let env = EnvSettings::from_lookup(|k| (k == "HUAWEICLOUD_SDK_AK").then(|| "AK".to_owned()));
    /// assert_eq!(env.ak.as_deref(), Some("AK"));
    /// assert!(env.sk.is_none());
    /// ```
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Self {
        let var = |name: &str| lookup(name).filter(|v| !v.is_empty());
        EnvSettings {
            ak: var(ENV_AK),
            sk: var(ENV_SK).map(Secret::new),
            security_token: var(ENV_SECURITY_TOKEN).map(Secret::new),
            project_id: var(ENV_PROJECT_ID),
            domain_id: var(ENV_DOMAIN_ID),
            idp_id: var(ENV_IDP_ID),
            id_token_file: var(ENV_ID_TOKEN_FILE).map(PathBuf::from),
            iam_endpoint: var(ENV_IAM_ENDPOINT),
        }
    }
}

/// What a set of settings resolves to.
#[derive(Debug)]
pub(crate) enum Resolved {
    Keys(Provided),
    Federation(Box<Federation>, Provided),
}

impl EnvSettings {
    /// As the official SDK decides: `idp_id` + `id_token_file` means federation, else
    /// `ak` + `sk` a key pair (with the security token, if any), else nothing here.
    /// `where_` names the source in messages.
    pub(crate) fn resolve(
        self,
        provider: &'static str,
        where_: &str,
        iam_endpoint: &str,
    ) -> Result<Resolved, CredentialsError> {
        let extra = Provided {
            credentials: Credentials::token("-"),
            expires_at: None,
            project_id: self.project_id,
            domain_id: self.domain_id,
            iam_endpoint: self.iam_endpoint.clone(),
        };
        match (self.idp_id, self.id_token_file, self.ak, self.sk) {
            (Some(idp_id), Some(file), _, _) => {
                let iam = self.iam_endpoint.as_deref().unwrap_or(iam_endpoint);
                let federation = Federation::new(provider, idp_id, file, iam);
                Ok(Resolved::Federation(Box::new(federation), extra))
            }
            (_, _, Some(ak), Some(sk)) => {
                let credentials = match self.security_token {
                    Some(token) => Credentials::temporary_ak_sk(ak, sk, token),
                    None => Credentials::ak_sk(ak, sk),
                };
                Ok(Resolved::Keys(Provided {
                    credentials,
                    ..extra
                }))
            }
            (_, _, Some(_), None) | (_, _, None, Some(_)) => Err(CredentialsError::new(
                provider,
                CredentialsErrorKind::Invalid,
                format!("{where_} sets only one of the access key and the secret key"),
            )),
            (idp, file, None, None) => Err(CredentialsError::new(
                provider,
                if idp.is_some() || file.is_some() {
                    CredentialsErrorKind::Invalid
                } else {
                    CredentialsErrorKind::NotConfigured
                },
                format!("{where_} has neither ak & sk nor idp_id & id_token_file"),
            )),
        }
    }
}

/// Credentials from the environment, as the official `EnvCredentialProvider` reads
/// them: `HUAWEICLOUD_SDK_AK` + `HUAWEICLOUD_SDK_SK` (+ `HUAWEICLOUD_SDK_SECURITY_TOKEN`),
/// or federation with `HUAWEICLOUD_SDK_IDP_ID` + `HUAWEICLOUD_SDK_ID_TOKEN_FILE`; the
/// project from `HUAWEICLOUD_SDK_PROJECT_ID`.
#[derive(Debug)]
pub struct Env {
    settings: EnvSettings,
    iam_endpoint: String,
    /// The federation of the last fetch, with what the environment adds to it.
    federation: Option<(Box<Federation>, Provided)>,
}

impl Env {
    /// The provider of `settings`; federation exchanges the id token at `iam_endpoint`
    /// unless `HUAWEICLOUD_SDK_IAM_ENDPOINT` names another.
    pub fn new(settings: EnvSettings, iam_endpoint: Option<&str>) -> Self {
        Env {
            settings,
            iam_endpoint: iam_endpoint.unwrap_or(DEFAULT_IAM_ENDPOINT).to_owned(),
            federation: None,
        }
    }
}

impl Provider for Env {
    fn name(&self) -> &'static str {
        "env"
    }

    fn start(&mut self, now: SystemTime) -> Result<Step, CredentialsError> {
        let resolved =
            self.settings
                .clone()
                .resolve("env", "the environment", &self.iam_endpoint)?;
        begin(resolved, &mut self.federation, now)
    }

    fn on_response(
        &mut self,
        response: Response<Bytes>,
        now: SystemTime,
    ) -> Result<Step, CredentialsError> {
        delegate(&mut self.federation, "env", |f| {
            f.on_response(response, now)
        })
    }

    fn on_transport_error(&mut self, error: TransportError) -> Result<Step, CredentialsError> {
        delegate(&mut self.federation, "env", |f| f.on_transport_error(error))
    }

    fn on_file(
        &mut self,
        contents: Result<String, std::io::Error>,
        now: SystemTime,
    ) -> Result<Step, CredentialsError> {
        delegate(&mut self.federation, "env", |f| f.on_file(contents, now))
    }
}

/// The first step of resolved settings: the keys themselves, or the start of the
/// federation (kept in `slot` for the steps after).
pub(crate) fn begin(
    resolved: Resolved,
    slot: &mut Option<(Box<Federation>, Provided)>,
    now: SystemTime,
) -> Result<Step, CredentialsError> {
    match resolved {
        Resolved::Keys(provided) => Ok(Step::Ready(provided)),
        Resolved::Federation(federation, extra) => slot.insert((federation, extra)).0.start(now),
    }
}

/// Passes a step to the federation under way, and adds the source's project and
/// account to its answer.
pub(crate) fn delegate(
    federation: &mut Option<(Box<Federation>, Provided)>,
    provider: &'static str,
    step: impl FnOnce(&mut Federation) -> Result<Step, CredentialsError>,
) -> Result<Step, CredentialsError> {
    let (federation, extra) = federation.as_mut().ok_or_else(|| {
        CredentialsError::new(
            provider,
            CredentialsErrorKind::BadAnswer,
            "no fetch is under way",
        )
    })?;
    Ok(match step(federation)? {
        Step::Ready(provided) => Step::Ready(Provided {
            project_id: extra.project_id.clone(),
            domain_id: extra.domain_id.clone(),
            iam_endpoint: extra.iam_endpoint.clone(),
            ..provided
        }),
        other => other,
    })
}
