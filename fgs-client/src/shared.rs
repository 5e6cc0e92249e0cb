//! What every clone of a client shares: configuration, resolved settings, and the
//! per-client jitter seed.

use std::fmt;
use std::hash::{BuildHasher, RandomState};
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use fgs_proto::{Config, Error, RetryPolicy};

use crate::budget::Bucket;
use crate::credentials::{CredentialsSource, Resolver};
use crate::settings::{ClientSettings, Clock, RequestOptions};
use crate::transport::AttemptLimits;

/// The transport name a client over a transport of the user's shows.
pub(crate) const CUSTOM: &str = "custom";

/// A client's configuration and settings, as the attempt loop uses them.
pub(crate) struct Shared {
    pub(crate) config: Config,
    /// The client's policy, seeded.
    pub(crate) policy: RetryPolicy,
    /// The seed of policies given per call without one.
    seed: u64,
    pub(crate) limits: AttemptLimits,
    /// The deadline of each call, unless the call sets its own.
    pub(crate) operation_timeout: Option<Duration>,
    /// The retry budget every clone draws from.
    pub(crate) budget: Bucket,
    pub(crate) clock: Clock,
    /// The backend's name, or `"custom"` for a transport of the user's.
    pub(crate) transport: &'static str,
    /// The credentials provider and its cache, when the credentials are not the
    /// config's.
    pub(crate) credentials: Option<Resolver>,
}

impl Shared {
    pub(crate) fn new(config: Config, settings: ClientSettings, transport: &'static str) -> Self {
        let seed = client_seed();
        let source = match settings.credentials {
            Some(source) => Some(source),
            None if config.needs_provider() => Some(CredentialsSource::default_chain()),
            None => None,
        };
        let credentials = source.map(|source| {
            Resolver::new(
                config.clone(),
                &source,
                settings.metadata_endpoint,
                settings.iam_endpoint,
                settings.refresh_margin,
            )
        });
        Shared {
            credentials,
            config,
            policy: settings.retry_policy.or_seed(seed),
            seed,
            limits: AttemptLimits {
                timeout: settings.timeout,
                max_response_size: settings.max_response_size,
            },
            operation_timeout: settings.operation_timeout,
            budget: Bucket::new(settings.retry_budget),
            clock: settings.clock.unwrap_or_else(|| Arc::new(SystemTime::now)),
            transport,
        }
    }

    /// The policy and limits of one call: the client's, with `options` applied.
    pub(crate) fn resolve(&self, options: &RequestOptions) -> (RetryPolicy, AttemptLimits) {
        let policy = match &options.retry_policy {
            Some(policy) => policy.clone().or_seed(self.seed),
            None => self.policy.clone(),
        };
        let limits = AttemptLimits {
            timeout: options.timeout.unwrap_or(self.limits.timeout),
            ..self.limits
        };
        (policy, limits)
    }

    /// The fields of a client's `Debug`.
    pub(crate) fn debug(&self, name: &str, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct(name)
            .field("config", &self.config)
            .field("transport", &self.transport)
            .field("retry_policy", &self.policy)
            .field("timeout", &self.limits.timeout)
            .field("operation_timeout", &self.operation_timeout)
            .field("max_response_size", &self.limits.max_response_size)
            .finish_non_exhaustive()
    }
}

/// The configuration of the process environment; see [`Config::from_env`].
pub(crate) fn config_from_env() -> Result<Config, Error> {
    Config::from_env(|key| std::env::var(key).ok())
}

/// A jitter seed per client from the process's hash randomness, so that clients do not
/// retry in lockstep.
fn client_seed() -> u64 {
    RandomState::new().hash_one(0x6667_735f_7365_6564_u64)
}
