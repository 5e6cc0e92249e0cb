//! Temporary credentials of a CCE pod's identity.

use std::time::SystemTime;

use bytes::Bytes;
use http::{Method, Response};

use super::answer::temporary_answer;
use super::names::*;
use super::{
    CredentialsError, CredentialsErrorKind, Provider, Step, provider_request, token_from_file,
};

const NAME: &str = "cce-pod-identity";

/// The temporary credentials of a CCE pod identity, as the official
/// `PodIdentityAccessor` gets them: the token file
/// (`HC_CONTAINER_AUTHORIZATION_TOKEN_FILE`) is read at every fetch and sent as
/// `Authorization` in `POST {HC_CONTAINER_CREDENTIALS_FULL_URI}` with body `{}`.
#[derive(Debug)]
pub struct PodIdentity {
    uri: Option<String>,
    token_file: Option<std::path::PathBuf>,
}

impl PodIdentity {
    /// The provider of the variables read through `lookup`.
    pub fn from_lookup(lookup: impl Fn(&str) -> Option<String>) -> Self {
        let var = |name: &str| lookup(name).filter(|v| !v.is_empty());
        PodIdentity {
            uri: var(ENV_CONTAINER_CREDENTIALS_FULL_URI),
            token_file: var(ENV_CONTAINER_AUTHORIZATION_TOKEN_FILE).map(Into::into),
        }
    }

    /// The provider of the credentials service at `uri`, with the token in
    /// `token_file`.
    pub fn new(uri: impl Into<String>, token_file: impl Into<std::path::PathBuf>) -> Self {
        PodIdentity {
            uri: Some(uri.into()),
            token_file: Some(token_file.into()),
        }
    }
}

impl Provider for PodIdentity {
    fn name(&self) -> &'static str {
        NAME
    }

    fn start(&mut self, _now: SystemTime) -> Result<Step, CredentialsError> {
        match (&self.uri, &self.token_file) {
            (Some(_), Some(file)) => Ok(Step::ReadFile(file.clone())),
            _ => Err(CredentialsError::new(
                NAME,
                CredentialsErrorKind::NotConfigured,
                format!(
                    "{ENV_CONTAINER_CREDENTIALS_FULL_URI} and {ENV_CONTAINER_AUTHORIZATION_TOKEN_FILE} are not both set"
                ),
            )),
        }
    }

    fn on_file(
        &mut self,
        contents: Result<String, std::io::Error>,
        _now: SystemTime,
    ) -> Result<Step, CredentialsError> {
        let path = self.token_file.clone().unwrap_or_default();
        let token = token_from_file(NAME, "token file", &path, contents)?;
        let uri = self.uri.clone().unwrap_or_default();
        let request = provider_request(
            NAME,
            Method::POST,
            &uri,
            &[(http::header::AUTHORIZATION.as_str(), token.expose())],
            Some("{}".to_owned()),
        )?;
        Ok(Step::Send(request))
    }

    fn on_response(
        &mut self,
        response: Response<Bytes>,
        _now: SystemTime,
    ) -> Result<Step, CredentialsError> {
        Ok(Step::Ready(temporary_answer(
            NAME,
            "getting the pod's credentials",
            &response,
        )?))
    }
}
