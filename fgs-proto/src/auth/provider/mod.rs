//! Where credentials come from, without doing I/O: providers in the style of
//! tame-oauth's `TokenOrRequest`.
//!
//! A [`Provider`] answers each step with a [`Step`]: [`Step::Ready`] with the
//! credentials (and their expiry), or [`Step::Send`] with a request whose response it
//! wants next ([`Provider::on_response`]), or [`Step::ReadFile`] with a file whose
//! contents it wants next ([`Provider::on_file`]). The client layer (`fgs-client`)
//! drives it: it sends the requests through its transport, reads the files, caches what
//! the provider gives and asks again before it expires. Static credentials are a
//! provider that never asks ([`Static`]).
//!
//! The providers match the official Huawei Cloud SDK (`huaweicloudsdkcore` 3.1.219,
//! `auth/provider.py`, `auth/internal.py`, `auth/credentials.py`): the environment
//! ([`Env`]), the profile file ([`Profile`]), ECS instance metadata ([`EcsMetadata`]),
//! CCE pod identity ([`PodIdentity`]), OIDC federation through an identity provider
//! ([`Federation`]) and through STS ([`OidcSts`]), tried in [`DEFAULT_CHAIN`] order by a
//! [`Chain`]. [`names`] lists every environment variable and profile key they read.
//!
//! ```
//! use std::time::SystemTime;
//! use fgs_proto::auth::provider::{Provider, Static, Step};
//! use fgs_proto::Credentials;
//!
//! let mut provider = Static::new(Credentials::ak_sk("AK", "SK"));
//! match provider.start(SystemTime::now())? {
//!     Step::Ready(provided) => assert!(provided.expires_at.is_none()),
//!     _ => unreachable!("static credentials never ask"),
//! }
//! # Ok::<(), fgs_proto::auth::provider::CredentialsError>(())
//! ```

mod answer;
mod chain;
mod env;
mod error;
mod federation;
mod metadata;
pub mod names;
mod pod;
mod profile;
mod project;
#[cfg(test)]
mod tests;

use std::fmt;
use std::path::PathBuf;
use std::time::SystemTime;

use bytes::Bytes;
use http::{Request, Response};

use crate::auth::Credentials;
use crate::body::Body;
use crate::error::TransportError;

pub use answer::{TemporaryCredentials, parse_temporary_credentials};
pub use chain::{Chain, ChainEndpoints, DEFAULT_CHAIN, Source};
pub use env::{Env, EnvSettings};
pub use error::{CredentialsError, CredentialsErrorKind};
pub use federation::{Federation, OidcSts, OidcStsSettings};
pub use metadata::EcsMetadata;
pub use pod::PodIdentity;
pub use profile::{Profile, ProfileFile, ProfileSection, default_profile_path};
pub use project::{iam_endpoint_for_region, parse_project_list, project_list_request};

/// The ECS metadata service every instance reaches.
pub const DEFAULT_METADATA_ENDPOINT: &str = "http://169.254.169.254";
/// The global IAM endpoint, used for a region the official SDK has no IAM endpoint for.
pub const DEFAULT_IAM_ENDPOINT: &str = "https://iam.myhuaweicloud.com";
/// The STS endpoint the official SDK uses when neither the environment nor the region
/// names one.
pub const DEFAULT_STS_ENDPOINT: &str = "https://sts.cn-north-4.myhuaweicloud.com";

/// What a provider gives: credentials, when they expire, and the project (and account)
/// they belong to when the source says.
#[derive(Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Provided {
    /// The credentials.
    pub credentials: Credentials,
    /// When they stop being accepted; `None` for permanent credentials.
    pub expires_at: Option<SystemTime>,
    /// The project id, when the source names one (`HUAWEICLOUD_SDK_PROJECT_ID`,
    /// `project_id` of the profile).
    pub project_id: Option<String>,
    /// The account (domain) id, when the source names one.
    pub domain_id: Option<String>,
    /// The IAM endpoint the source names (`iam_endpoint` of the profile), for the
    /// project lookup.
    pub iam_endpoint: Option<String>,
}

impl Provided {
    /// Credentials that do not expire, with nothing else known.
    pub fn permanent(credentials: Credentials) -> Self {
        Provided {
            credentials,
            expires_at: None,
            project_id: None,
            domain_id: None,
            iam_endpoint: None,
        }
    }

    /// Temporary credentials that expire at `expires_at`.
    pub fn temporary(credentials: Credentials, expires_at: SystemTime) -> Self {
        Provided {
            expires_at: Some(expires_at),
            ..Provided::permanent(credentials)
        }
    }
}

impl fmt::Debug for Provided {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Provided")
            .field("credentials", &self.credentials)
            .field("expires_at", &self.expires_at)
            .field("project_id", &self.project_id)
            .field("domain_id", &self.domain_id)
            .field("iam_endpoint", &self.iam_endpoint)
            .finish()
    }
}

/// What a provider wants next.
#[derive(Debug)]
#[non_exhaustive]
pub enum Step {
    /// The credentials.
    Ready(Provided),
    /// Send this request and pass its response to [`Provider::on_response`] (or the
    /// failure to [`Provider::on_transport_error`]).
    Send(Request<Body>),
    /// Read this file (UTF-8) and pass the result to [`Provider::on_file`].
    ReadFile(PathBuf),
}

/// A source of credentials that does no I/O; see the [module docs](self).
///
/// A provider lives as long as its client: [`Provider::start`] begins each fetch (the
/// first one and every refresh), so a provider may keep state between fetches (the
/// metadata session token, the chain's chosen source).
pub trait Provider: Send + fmt::Debug {
    /// The provider's name in errors and traces (`"env"`, `"profile"`,
    /// `"ecs-metadata"`, …).
    fn name(&self) -> &'static str;

    /// Begins a fetch at `now`.
    fn start(&mut self, now: SystemTime) -> Result<Step, CredentialsError>;

    /// The response to the request of the last [`Step::Send`].
    fn on_response(
        &mut self,
        response: Response<Bytes>,
        now: SystemTime,
    ) -> Result<Step, CredentialsError> {
        let _ = (response, now);
        Err(CredentialsError::new(
            self.name(),
            CredentialsErrorKind::BadAnswer,
            "this provider sends no request",
        ))
    }

    /// The request of the last [`Step::Send`] could not be sent or answered.
    fn on_transport_error(&mut self, error: TransportError) -> Result<Step, CredentialsError> {
        Err(CredentialsError::unavailable(self.name(), &error))
    }

    /// The contents of the file of the last [`Step::ReadFile`], or why it could not be
    /// read.
    fn on_file(
        &mut self,
        contents: Result<String, std::io::Error>,
        now: SystemTime,
    ) -> Result<Step, CredentialsError> {
        let _ = (contents, now);
        Err(CredentialsError::new(
            self.name(),
            CredentialsErrorKind::BadAnswer,
            "this provider reads no file",
        ))
    }
}

impl<P: Provider + ?Sized> Provider for Box<P> {
    fn name(&self) -> &'static str {
        (**self).name()
    }
    fn start(&mut self, now: SystemTime) -> Result<Step, CredentialsError> {
        (**self).start(now)
    }
    fn on_response(
        &mut self,
        response: Response<Bytes>,
        now: SystemTime,
    ) -> Result<Step, CredentialsError> {
        (**self).on_response(response, now)
    }
    fn on_transport_error(&mut self, error: TransportError) -> Result<Step, CredentialsError> {
        (**self).on_transport_error(error)
    }
    fn on_file(
        &mut self,
        contents: Result<String, std::io::Error>,
        now: SystemTime,
    ) -> Result<Step, CredentialsError> {
        (**self).on_file(contents, now)
    }
}

/// Credentials given in code: a provider that never asks for anything.
#[derive(Debug, Clone)]
pub struct Static(Provided);

impl Static {
    /// Permanent credentials.
    pub fn new(credentials: Credentials) -> Self {
        Static(Provided::permanent(credentials))
    }

    /// Credentials with everything a provider can give (expiry, project id).
    pub fn provided(provided: Provided) -> Self {
        Static(provided)
    }
}

impl Provider for Static {
    fn name(&self) -> &'static str {
        "static"
    }

    fn start(&mut self, _now: SystemTime) -> Result<Step, CredentialsError> {
        Ok(Step::Ready(self.0.clone()))
    }
}

/// A request of a provider: method, URL, headers, body, and the SDK's `User-Agent`.
pub(crate) fn provider_request(
    provider: &'static str,
    method: http::Method,
    url: &str,
    headers: &[(&str, &str)],
    body: Option<String>,
) -> Result<Request<Body>, CredentialsError> {
    let mut builder = Request::builder()
        .method(method)
        .uri(url)
        .header(http::header::USER_AGENT, crate::config::DEFAULT_USER_AGENT);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    let body = match body {
        Some(body) => {
            builder = builder.header(http::header::CONTENT_TYPE, "application/json;charset=UTF-8");
            Body::from(body)
        }
        None => Body::empty(),
    };
    let mut request = builder.body(body).map_err(|_| {
        CredentialsError::new(
            provider,
            CredentialsErrorKind::Invalid,
            format!("`{url}` is not a usable URL"),
        )
    })?;
    // Headers that carry a secret (`Authorization` of pod identity, the metadata session
    // token, the IAM token) are hidden from `http`'s `Debug`.
    for (name, value) in request.headers_mut().iter_mut() {
        if matches!(
            name.as_str(),
            "authorization" | "x-metadata-token" | "x-auth-token"
        ) {
            value.set_sensitive(true);
        }
    }
    Ok(request)
}

/// The token in a file a provider asked for: trimmed, not empty. `what` names the
/// file in errors ("id token file", "token file").
pub(crate) fn token_from_file(
    provider: &'static str,
    what: &str,
    path: &std::path::Path,
    contents: Result<String, std::io::Error>,
) -> Result<crate::secret::Secret, CredentialsError> {
    let invalid = |why: String| CredentialsError::new(provider, CredentialsErrorKind::Invalid, why);
    let text = contents.map_err(|e| invalid(format!("{what} `{}`: {e}", path.display())))?;
    let token = crate::secret::Secret::new(text.trim());
    if token.is_empty() {
        return Err(invalid(format!("{what} `{}` is empty", path.display())));
    }
    Ok(token)
}

/// `base` (without a trailing `/`) followed by `path`.
pub(crate) fn join(base: &str, path: &str) -> String {
    format!("{}{path}", base.trim_end_matches('/'))
}
