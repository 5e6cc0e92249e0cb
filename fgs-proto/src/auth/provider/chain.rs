//! The default chain: the official SDK's sources, tried in its order.

use std::time::SystemTime;

use bytes::Bytes;
use http::Response;

use super::env::{Env, EnvSettings};
use super::federation::{OidcSts, OidcStsSettings};
use super::metadata::EcsMetadata;
use super::pod::PodIdentity;
use super::profile::{Profile, default_profile_path};
use super::{CredentialsError, CredentialsErrorKind, DEFAULT_METADATA_ENDPOINT, Provider, Step};
use crate::error::TransportError;

/// A source of credentials in a chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum Source {
    /// OIDC federation through STS ([`OidcSts`]).
    OidcSts,
    /// The environment ([`Env`]).
    Env,
    /// The profile file ([`Profile`]).
    Profile,
    /// ECS instance metadata ([`EcsMetadata`]).
    EcsMetadata,
    /// CCE pod identity ([`PodIdentity`]).
    PodIdentity,
}

/// The official SDK's order — `auth/provider.py`,
/// `CredentialProviderChain.get_basic_credential_provider_chain`: OIDC through STS,
/// the environment, the profile file, ECS metadata, CCE pod identity.
pub const DEFAULT_CHAIN: [Source; 5] = [
    Source::OidcSts,
    Source::Env,
    Source::Profile,
    Source::EcsMetadata,
    Source::PodIdentity,
];

/// Where the providers of a chain send their requests.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct ChainEndpoints {
    /// The ECS metadata service (default [`DEFAULT_METADATA_ENDPOINT`]).
    pub metadata: String,
    /// The IAM endpoint of federation (`HUAWEICLOUD_SDK_IAM_ENDPOINT` wins).
    pub iam: Option<String>,
    /// The STS endpoint of OIDC (`HUAWEICLOUD_SDK_STS_ENDPOINT` wins).
    pub sts: Option<String>,
}

impl Default for ChainEndpoints {
    fn default() -> Self {
        ChainEndpoints {
            metadata: DEFAULT_METADATA_ENDPOINT.to_owned(),
            iam: None,
            sts: None,
        }
    }
}

impl Source {
    /// This source's provider, set up from the environment read through `lookup`.
    pub fn provider(
        self,
        lookup: &dyn Fn(&str) -> Option<String>,
        endpoints: &ChainEndpoints,
    ) -> Box<dyn Provider> {
        match self {
            Source::OidcSts => Box::new(OidcSts::new(
                OidcStsSettings::from_lookup(lookup),
                endpoints.sts.as_deref(),
            )),
            Source::Env => {
                let settings = EnvSettings::from_lookup(lookup);
                Box::new(Env::new(settings, endpoints.iam.as_deref()))
            }
            Source::Profile => {
                let iam = lookup(super::names::ENV_IAM_ENDPOINT).filter(|v| !v.is_empty());
                let iam = iam.as_deref().or(endpoints.iam.as_deref());
                Box::new(Profile::new(default_profile_path(lookup), iam))
            }
            Source::EcsMetadata => Box::new(EcsMetadata::new(&endpoints.metadata)),
            Source::PodIdentity => Box::new(PodIdentity::from_lookup(lookup)),
        }
    }
}

/// Providers tried in order, as the official `CredentialProviderChain` tries them: the
/// first that gives credentials is used from then on (its refreshes included). A
/// source that is not set up here ([`CredentialsErrorKind::NotConfigured`]) or that
/// fails is passed over; a source that is set up wrongly
/// ([`CredentialsErrorKind::Invalid`]: a malformed profile file, half a key pair)
/// stops the chain, so that a typo never silently selects another identity.
#[derive(Debug)]
pub struct Chain {
    providers: Vec<Box<dyn Provider>>,
    current: usize,
    chosen: Option<usize>,
    errors: Vec<CredentialsError>,
    /// The time of the latest step, for the providers started after a transport error.
    now: SystemTime,
}

impl Chain {
    /// A chain of `providers`, tried in order.
    pub fn new(providers: Vec<Box<dyn Provider>>) -> Self {
        Chain {
            providers,
            current: 0,
            chosen: None,
            errors: Vec::new(),
            now: SystemTime::UNIX_EPOCH,
        }
    }

    /// The chain of `sources`, each set up from the environment read through `lookup`.
    ///
    /// ```
    /// use fgs_proto::auth::provider::{Chain, ChainEndpoints, DEFAULT_CHAIN};
    /// let chain = Chain::of(&DEFAULT_CHAIN, &|_| None, &ChainEndpoints::default());
    /// assert_eq!(chain.names(), ["oidc-sts", "env", "profile", "ecs-metadata", "cce-pod-identity"]);
    /// ```
    pub fn of(
        sources: &[Source],
        lookup: &dyn Fn(&str) -> Option<String>,
        endpoints: &ChainEndpoints,
    ) -> Self {
        Chain::new(
            sources
                .iter()
                .map(|source| source.provider(lookup, endpoints))
                .collect(),
        )
    }

    /// The providers' names, in order.
    pub fn names(&self) -> Vec<&'static str> {
        self.providers.iter().map(|p| p.name()).collect()
    }

    /// The name of the provider that gave credentials, once one has.
    pub fn chosen(&self) -> Option<&'static str> {
        self.chosen.map(|i| self.providers[i].name())
    }

    /// Starts providers from `self.current` on until one asks or answers.
    fn try_from_current(&mut self, now: SystemTime) -> Result<Step, CredentialsError> {
        while let Some(provider) = self.providers.get_mut(self.current) {
            match provider.start(now) {
                Ok(step) => return Ok(self.note(step)),
                Err(error) => self.fail(error)?,
            }
        }
        Err(self.exhausted())
    }

    fn note(&mut self, step: Step) -> Step {
        if matches!(step, Step::Ready(_)) {
            self.chosen = Some(self.current);
        }
        step
    }

    /// Records a provider's failure and moves on, or stops the chain.
    fn fail(&mut self, error: CredentialsError) -> Result<(), CredentialsError> {
        if self.chosen.is_some() || error.kind() == CredentialsErrorKind::Invalid {
            return Err(error);
        }
        self.errors.push(error);
        self.current += 1;
        Ok(())
    }

    fn exhausted(&mut self) -> CredentialsError {
        let errors = std::mem::take(&mut self.errors);
        let message = errors
            .iter()
            .map(|e| format!("{}: {}", e.provider(), e.message()))
            .collect::<Vec<_>>()
            .join("; ");
        // The error is the first source's that was set up but failed, if any: that is
        // the one a user has to fix.
        match errors.iter().find(|e| !e.is_not_configured()) {
            Some(first) => CredentialsError::new(
                first.provider(),
                first.kind(),
                format!("no source of the chain gave credentials ({message})"),
            ),
            None => CredentialsError::new(
                "chain",
                CredentialsErrorKind::NotConfigured,
                format!("no source of the chain gave credentials ({message})"),
            ),
        }
    }

    fn step(
        &mut self,
        now: SystemTime,
        answer: impl FnOnce(&mut dyn Provider) -> Result<Step, CredentialsError>,
    ) -> Result<Step, CredentialsError> {
        self.now = now;
        let Some(provider) = self.providers.get_mut(self.current) else {
            return Err(self.exhausted());
        };
        match answer(provider.as_mut()) {
            Ok(step) => Ok(self.note(step)),
            Err(error) => {
                self.fail(error)?;
                self.try_from_current(now)
            }
        }
    }
}

impl Provider for Chain {
    fn name(&self) -> &'static str {
        self.chosen().unwrap_or("chain")
    }

    fn start(&mut self, now: SystemTime) -> Result<Step, CredentialsError> {
        self.now = now;
        if let Some(chosen) = self.chosen {
            self.current = chosen;
            return self.providers[chosen].start(now);
        }
        self.current = 0;
        self.errors.clear();
        self.try_from_current(now)
    }

    fn on_response(
        &mut self,
        response: Response<Bytes>,
        now: SystemTime,
    ) -> Result<Step, CredentialsError> {
        self.step(now, |p| p.on_response(response, now))
    }

    fn on_transport_error(&mut self, error: TransportError) -> Result<Step, CredentialsError> {
        let now = self.now;
        self.step(now, |p| p.on_transport_error(error))
    }

    fn on_file(
        &mut self,
        contents: Result<String, std::io::Error>,
        now: SystemTime,
    ) -> Result<Step, CredentialsError> {
        self.step(now, |p| p.on_file(contents, now))
    }
}
