//! [`EmulatorBuilder`]: the emulator's settings.

use std::fmt;
use std::io;
use std::net::{Ipv4Addr, SocketAddr};
use std::time::Duration;

use fgs_proto::auth::verify::DEFAULT_MAX_SKEW;
use fgs_proto::{Config, Credentials, Secret};
use sha2::{Digest, Sha256};

use std::sync::Arc;

use crate::api::auth::Auth;
use crate::api::identity::Identity;
use crate::emulator::Emulator;
use crate::http::body::{BodyLimits, DEFAULT_SIGNED_BODY_LIMIT, DEFAULT_UNSIGNED_BODY_LIMIT};
use crate::http::site::Site;
use crate::runtime::state::ServiceLimits;

/// The project id an emulator plays unless told otherwise.
pub const DEFAULT_PROJECT_ID: &str = "0123456789abcdef0123456789abcdef";
/// The region an emulator plays unless told otherwise.
pub const DEFAULT_REGION: &str = "cn-north-4";

/// Settings of an [`Emulator`]; start one with [`EmulatorBuilder::start`].
///
/// With no credentials configured every request is accepted. With AK/SK pairs, requests
/// must carry a valid `SDK-HMAC-SHA256` signature; with tokens, a matching
/// `X-Auth-Token`; with both, either.
///
/// ```
/// use std::time::Duration;
/// use fgs_emulator::Emulator;
///
/// let emu = Emulator::builder()
///     .project_id("0123456789abcdef0123456789abcdef")
///     .region("cn-north-4")
///     .ak_sk("AK", "SK")
///     .token("TOKEN")
///     .max_skew(Duration::from_secs(900))
///     .start()?;
/// assert!(emu.endpoint().starts_with("http://127.0.0.1:"));
/// # Ok::<(), std::io::Error>(())
/// ```
#[derive(Clone)]
pub struct EmulatorBuilder {
    pub(crate) project_id: String,
    pub(crate) region: String,
    pub(crate) domain_id: Option<String>,
    pub(crate) keys: Vec<(String, Secret)>,
    pub(crate) tokens: Vec<Secret>,
    pub(crate) listen: SocketAddr,
    pub(crate) max_skew: Duration,
    pub(crate) limits: BodyLimits,
    pub(crate) log_requests: bool,
    pub(crate) service_limits: ServiceLimits,
    /// The lifetime of the temporary keys of the identity endpoints; `None`: off.
    pub(crate) temporary_key_lifetime: Option<Duration>,
    pub(crate) async_log_records: usize,
    pub(crate) async_settings: crate::runtime::async_run::AsyncSettings,
}

impl Default for EmulatorBuilder {
    fn default() -> Self {
        EmulatorBuilder {
            project_id: DEFAULT_PROJECT_ID.to_owned(),
            region: DEFAULT_REGION.to_owned(),
            domain_id: None,
            keys: Vec::new(),
            tokens: Vec::new(),
            listen: SocketAddr::from((Ipv4Addr::LOCALHOST, 0)),
            max_skew: DEFAULT_MAX_SKEW,
            limits: BodyLimits {
                signed: DEFAULT_SIGNED_BODY_LIMIT,
                unsigned: DEFAULT_UNSIGNED_BODY_LIMIT,
                timeout: crate::http::body::DEFAULT_BODY_TIMEOUT,
            },
            log_requests: false,
            service_limits: ServiceLimits::default(),
            temporary_key_lifetime: None,
            async_log_records: crate::runtime::async_log::DEFAULT_ASYNC_LOG_RECORDS,
            async_settings: crate::runtime::async_run::AsyncSettings::default(),
        }
    }
}

impl EmulatorBuilder {
    /// The project id in paths and URNs (default [`DEFAULT_PROJECT_ID`]).
    pub fn project_id(mut self, project_id: impl Into<String>) -> Self {
        self.project_id = project_id.into();
        self
    }

    /// The region in URNs and `project_name` (default [`DEFAULT_REGION`]).
    pub fn region(mut self, region: impl Into<String>) -> Self {
        self.region = region.into();
        self
    }

    /// The account id answered as `domain_id` (default: derived from the project id).
    pub fn domain_id(mut self, domain_id: impl Into<String>) -> Self {
        self.domain_id = Some(domain_id.into());
        self
    }

    /// Accepts requests signed with this AK/SK pair. May be called several times.
    pub fn ak_sk(mut self, access_key: impl Into<String>, secret_key: impl Into<Secret>) -> Self {
        self.keys.push((access_key.into(), secret_key.into()));
        self
    }

    /// Accepts requests with this `X-Auth-Token`. May be called several times.
    pub fn token(mut self, token: impl Into<Secret>) -> Self {
        self.tokens.push(token.into());
        self
    }

    /// The address to listen on (default `127.0.0.1:0`, a free port).
    pub fn listen(mut self, addr: SocketAddr) -> Self {
        self.listen = addr;
        self
    }

    /// How far `X-Sdk-Date` may be from the emulator's clock (default 15 minutes).
    pub fn max_skew(mut self, max_skew: Duration) -> Self {
        self.max_skew = max_skew;
        self
    }

    /// The largest body of an AK/SK-signed request (default 12 MB, as documented);
    /// larger bodies get 413 `FSS.0413`.
    pub fn signed_body_limit(mut self, bytes: usize) -> Self {
        self.limits.signed = bytes;
        self
    }

    /// How long a request body may take to arrive after its head (default 30 s, as
    /// long as the head may take); a slower one gets 408 `FSS.0408` and the connection
    /// is closed.
    pub fn body_timeout(mut self, timeout: Duration) -> Self {
        self.limits.timeout = timeout;
        self
    }

    /// The largest body of any other request (default 70 MB: a 50 MB package in base64
    /// plus the JSON around it); larger bodies get 413 `FSS.0413`.
    pub fn unsigned_body_limit(mut self, bytes: usize) -> Self {
        self.limits.unsigned = bytes;
        self
    }

    /// Writes one line per request (method, path, status, request id) to stderr.
    pub fn log_requests(mut self, enabled: bool) -> Self {
        self.log_requests = enabled;
        self
    }

    /// How many test events one function may hold (default 10); CreateEvent beyond it
    /// answers 403 `FSS.0403`.
    pub fn events_per_function(mut self, events: usize) -> Self {
        self.service_limits.events_per_function = events;
        self
    }

    /// How many versions one dependency may hold (default 20); CreateDependencyVersion
    /// beyond it answers 403 `FSS.0403`.
    pub fn versions_per_dependency(mut self, versions: usize) -> Self {
        self.service_limits.versions_per_dependency = versions;
        self
    }

    /// Serves the identity side of the credentials providers on the emulator's own
    /// address: the ECS metadata service (`PUT /meta-data/latest/api/token`,
    /// `GET /openstack/latest/securitykey`), IAM's project listing
    /// (`GET /v3/projects?name={region}`, AK/SK-signed) and id-token exchange
    /// (`POST /v3.0/OS-AUTH/id-token/tokens`, `POST /v3.0/OS-CREDENTIAL/securitytokens`).
    /// The temporary keys it issues last `lifetime`, and the API accepts them (with their
    /// security token) until then; after, it answers 401 `APIG.0301` "… security token
    /// expires …". Point a client's `metadata_endpoint` and `iam_endpoint` at
    /// [`Emulator::endpoint`].
    pub fn temporary_credentials(mut self, lifetime: Duration) -> Self {
        self.temporary_key_lifetime = Some(lifetime);
        self
    }

    /// The most instances UpdateFunctionMaxInstanceConfig may allow one function
    /// (default 1000, the instances per tenant); above it, or below `-1`, it answers
    /// 400 `FSS.1026`.
    pub fn max_instances_per_function(mut self, instances: i64) -> Self {
        self.service_limits.max_instances_per_function = instances;
        self
    }

    /// How many reserved instances all functions may hold together (default 90: 90 % of
    /// the default 100 concurrent executions); UpdateFunctionReservedInstancesCount
    /// beyond it answers 403 `FSS.1076`.
    pub fn reserved_instances_per_account(mut self, instances: i64) -> Self {
        self.service_limits.reserved_instances_per_account = instances;
        self
    }

    /// How many tags one function may hold (default 20); CreateTags beyond it answers
    /// 400 `FSS.0400` and changes nothing.
    pub fn tags_per_function(mut self, tags: usize) -> Self {
        self.service_limits.tags_per_function = tags;
        self
    }

    /// The largest package ImportFunction takes and ExportFunction produces (default
    /// 50 MB of zip); beyond it they answer 413 `FSS.1071`.
    pub fn import_export_package_size(mut self, bytes: usize) -> Self {
        self.service_limits.import_export_package = bytes;
        self
    }

    /// How many asynchronous invocations the emulator keeps for
    /// [`Emulator::async_invocations`](crate::Emulator::async_invocations) (default
    /// 1 000, at least 1): the oldest are forgotten first, and in any case once their
    /// events, outputs and logs pass 64 MiB.
    pub fn async_log_records(mut self, records: usize) -> Self {
        self.async_log_records = records.max(1);
        self
    }

    /// How long an accepted asynchronous invocation waits before it runs (default 0:
    /// at once). Meanwhile it is `WAIT` in the record lists and can be cancelled;
    /// [`Emulator::advance_clock`](crate::Emulator::advance_clock) ends the wait early.
    pub fn async_start_delay(mut self, delay: Duration) -> Self {
        self.async_settings.start_delay = delay;
        self
    }

    /// How long a failed asynchronous attempt waits before its retry (default 0: at
    /// once, so that tests of `max_async_retry_attempts` are fast; the service's own
    /// interval is not documented).
    pub fn async_retry_interval(mut self, interval: Duration) -> Self {
        self.async_settings.retry_interval = interval;
        self
    }

    /// The largest event of an asynchronous invocation (default 256 KB, the service's
    /// limit); larger ones answer 413 `FSS.0413`.
    pub fn async_event_limit(mut self, bytes: usize) -> Self {
        self.async_settings.max_event_bytes = bytes;
        self
    }

    /// How many functions the account may hold (default 400); CreateFunction beyond it
    /// answers 403 `FSS.1041`, and ListQuotas reports it as `fgs_func_num`.
    pub fn functions_per_account(mut self, functions: usize) -> Self {
        self.service_limits.functions_per_account = functions;
        self
    }

    /// Starts the emulator; returns once it is listening.
    ///
    /// Fails with `InvalidInput` for a project id, region or credential that cannot
    /// appear in a path, URN or header, and with the bind error if the address is taken.
    pub fn start(self) -> io::Result<Emulator> {
        Emulator::start_with(self)
    }

    /// Checks the settings; the site and auth they describe.
    pub(crate) fn validate(&self) -> io::Result<(Site, Auth)> {
        let invalid = |what: &str| io::Error::new(io::ErrorKind::InvalidInput, what.to_owned());
        // The SDK's own checks decide what a usable project id and credential are.
        self.client_credentials().and_then(|credentials| {
            Config::new("http://127.0.0.1:1", self.project_id.clone(), credentials)
                .map(drop)
                .map_err(|e| invalid(&e.to_string()))
        })?;
        let urn_safe = |s: &str| {
            !s.is_empty()
                && s.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        };
        if !urn_safe(&self.region) {
            return Err(invalid("region must be letters, digits, `-`, `_` or `.`"));
        }
        let domain_id = match &self.domain_id {
            Some(id) if urn_safe(id) => id.clone(),
            Some(_) => {
                return Err(invalid(
                    "domain_id must be letters, digits, `-`, `_` or `.`",
                ));
            }
            None => hex::encode(&Sha256::digest(format!("domain:{}", self.project_id))[..16]),
        };
        if self
            .tokens
            .iter()
            .any(|t| t.is_empty() || http::HeaderValue::from_str(t.expose()).is_err())
        {
            return Err(invalid(
                "a token must be a non-empty, printable header value",
            ));
        }
        for (access_key, _) in &self.keys {
            if access_key.is_empty() || access_key.contains([',', ' ', '=']) {
                return Err(invalid(
                    "an access key must be non-empty, without `,`, ` ` or `=`",
                ));
            }
        }
        let site = Site {
            project_id: self.project_id.clone(),
            region: self.region.clone(),
            domain_id,
        };
        let auth = Auth {
            keys: self.keys.clone(),
            tokens: self.tokens.clone(),
            max_skew: self.max_skew,
            project_id: self.project_id.clone(),
            identity: Arc::new(Identity::new(self.temporary_key_lifetime)),
        };
        Ok((site, auth))
    }

    /// The credentials [`Emulator::config`] uses: the first AK/SK pair, else the first
    /// token, else a placeholder token (accepted when no auth is configured).
    pub(crate) fn client_credentials(&self) -> io::Result<Credentials> {
        Ok(match (self.keys.first(), self.tokens.first()) {
            (Some((ak, sk)), _) => Credentials::ak_sk(ak.clone(), sk.clone()),
            (None, Some(token)) => Credentials::token(token.clone()),
            (None, None) => Credentials::token("fgs-emulator"),
        })
    }
}

/// Shows the settings with every secret redacted.
impl fmt::Debug for EmulatorBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EmulatorBuilder")
            .field("project_id", &self.project_id)
            .field("region", &self.region)
            .field(
                "access_keys",
                &self.keys.iter().map(|(ak, _)| ak).collect::<Vec<_>>(),
            )
            .field("tokens", &self.tokens.len())
            .field("listen", &self.listen)
            .field("max_skew", &self.max_skew)
            .field("limits", &self.limits)
            .field("service_limits", &self.service_limits)
            .field("temporary_key_lifetime", &self.temporary_key_lifetime)
            .field("async_settings", &self.async_settings)
            .finish_non_exhaustive()
    }
}
