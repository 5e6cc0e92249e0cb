//! Driving credentials providers: where a client's credentials come from when they are
//! not fixed in its [`Config`] — the official chain, ECS metadata, a provider of yours.
//!
//! A client with a [`CredentialsSource`] (set with
//! [`ClientBuilder::credentials_provider`](crate::ClientBuilder::credentials_provider),
//! or the default chain for a [`Config::from_provider`] config) asks its provider for
//! credentials on the first call, caches them, and asks again when they are within the
//! refresh margin of their expiry. However many calls need new credentials at once,
//! one of them fetches (the others wait, without blocking a runtime thread); a call
//! that gets a 401 saying the credentials expired has them refreshed once and is sent
//! again. The provider's requests go through the client's own transport. When the
//! config names no project id and the provider gives none, the project id of the
//! config's region is looked up in IAM once (`GET /v3/projects?name={region}`) and kept.

use std::fmt;
use std::future::poll_fn;
use std::path::Path;
use std::sync::{Arc, Mutex, MutexGuard};
use std::task::{Poll, Waker};
use std::time::{Duration, SystemTime};

use fgs_proto::auth::provider::{
    Chain, ChainEndpoints, CredentialsError, CredentialsErrorKind, DEFAULT_CHAIN,
    DEFAULT_METADATA_ENDPOINT, EcsMetadata, Provided, Provider, Static, Step,
    iam_endpoint_for_region, names, parse_project_list, project_list_request,
};
use fgs_proto::{Config, Credentials, Error};

use crate::attempts::Exchange;
use crate::settings::Clock;
use crate::transport::AttemptLimits;

/// How long before their expiry credentials are refreshed unless told otherwise:
/// 40 minutes, as the official SDK (`Credentials._DEFAULT_EXPIRATION_THRESHOLD_SECONDS`).
pub const DEFAULT_REFRESH_MARGIN: Duration = Duration::from_secs(40 * 60);

type Factory = dyn Fn(&ChainEndpoints) -> Box<dyn Provider> + Send + Sync;

/// Where a client gets its credentials: makes the client's [`Provider`] when the
/// client is built (each client has its own, and its own cache).
///
/// ```
/// use fgs_client::credentials::CredentialsSource;
/// use fgs_proto::auth::provider::EcsMetadata;
///
/// // On an ECS instance with an agency: no secret anywhere.
/// let source = CredentialsSource::ecs_metadata();
/// // A provider of your own, pointed at the endpoints the client is configured with:
/// let source = CredentialsSource::new(|endpoints| Box::new(EcsMetadata::new(&endpoints.metadata)));
/// # let _ = source;
/// ```
#[derive(Clone)]
pub struct CredentialsSource {
    name: &'static str,
    factory: Arc<Factory>,
}

impl CredentialsSource {
    /// A source of your own: `factory` makes the provider, given the endpoints the
    /// client is configured with.
    pub fn new(
        factory: impl Fn(&ChainEndpoints) -> Box<dyn Provider> + Send + Sync + 'static,
    ) -> Self {
        CredentialsSource {
            name: "custom",
            factory: Arc::new(factory),
        }
    }

    /// The official chain ([`DEFAULT_CHAIN`]: OIDC through STS, the environment, the
    /// profile file, ECS metadata, CCE pod identity), set up from the process
    /// environment when the client is built.
    pub fn default_chain() -> Self {
        CredentialsSource {
            name: "default-chain",
            factory: Arc::new(|endpoints| {
                Box::new(Chain::of(
                    &DEFAULT_CHAIN,
                    &|key| std::env::var(key).ok(),
                    endpoints,
                ))
            }),
        }
    }

    /// The ECS metadata service only.
    pub fn ecs_metadata() -> Self {
        CredentialsSource {
            name: "ecs-metadata",
            factory: Arc::new(|endpoints| Box::new(EcsMetadata::new(&endpoints.metadata))),
        }
    }

    /// Fixed credentials (a provider that never asks).
    pub fn fixed(credentials: Credentials) -> Self {
        let provider = Static::new(credentials);
        CredentialsSource {
            name: "static",
            factory: Arc::new(move |_| Box::new(provider.clone())),
        }
    }

    pub(crate) fn make(&self, endpoints: &ChainEndpoints) -> Box<dyn Provider> {
        (self.factory)(endpoints)
    }
}

impl fmt::Debug for CredentialsSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CredentialsSource({})", self.name)
    }
}

/// Credentials a client uses, with the config they make.
struct Cached {
    config: Arc<Config>,
    expires_at: Option<SystemTime>,
}

struct State {
    cached: Option<Cached>,
    /// The project id looked up in IAM, kept across refreshes.
    looked_up_project: Option<String>,
    /// `None` while a fetch is under way: the fetching call holds it.
    provider: Option<Box<dyn Provider>>,
    /// Counts finished fetches, so that a waiting call sees that one finished.
    generation: u64,
    /// The error of the last fetch, when it failed.
    last_error: Option<CredentialsError>,
    waiters: Vec<Waker>,
}

/// A client's provider, its cached credentials, and the single fetch under way.
pub(crate) struct Resolver {
    state: Mutex<State>,
    base: Config,
    margin: Duration,
    iam_endpoint: Option<String>,
}

enum Next {
    Use(Arc<Config>),
    Fail(CredentialsError),
    Fetch(Box<dyn Provider>, Option<String>),
}

impl Resolver {
    pub(crate) fn new(
        base: Config,
        source: &CredentialsSource,
        metadata_endpoint: Option<String>,
        iam_endpoint: Option<String>,
        margin: Duration,
    ) -> Self {
        let mut endpoints = ChainEndpoints::default();
        endpoints.metadata =
            metadata_endpoint.unwrap_or_else(|| DEFAULT_METADATA_ENDPOINT.to_owned());
        endpoints.iam = iam_endpoint.clone();
        Resolver {
            state: Mutex::new(State {
                cached: None,
                looked_up_project: None,
                provider: Some(source.make(&endpoints)),
                generation: 0,
                last_error: None,
                waiters: Vec::new(),
            }),
            base,
            margin,
            iam_endpoint,
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        // Every change under the lock is a few assignments that cannot panic half-way.
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The config of the current credentials: the cached one while it is fresh, else
    /// one fetched now — by this call, or by the call already fetching.
    pub(crate) async fn config<X: Exchange>(
        &self,
        exchange: &X,
        clock: &Clock,
        limits: AttemptLimits,
    ) -> Result<Arc<Config>, Error> {
        let mut seen: Option<u64> = None;
        let next = poll_fn(|cx| {
            let mut state = self.lock();
            let arrived = *seen.get_or_insert(state.generation);
            if state.generation > arrived {
                // A fetch finished while this call waited: its result is this call's.
                if let Some(error) = &state.last_error {
                    return Poll::Ready(Next::Fail(error.clone()));
                }
                if let Some(cached) = &state.cached {
                    return Poll::Ready(Next::Use(cached.config.clone()));
                }
            }
            let now = clock();
            if let Some(cached) = &state.cached
                && cached.expires_at.is_none_or(|at| now + self.margin < at)
            {
                return Poll::Ready(Next::Use(cached.config.clone()));
            }
            match state.provider.take() {
                Some(provider) => {
                    Poll::Ready(Next::Fetch(provider, state.looked_up_project.clone()))
                }
                None => {
                    state.waiters.push(cx.waker().clone());
                    Poll::Pending
                }
            }
        })
        .await;
        match next {
            Next::Use(config) => Ok(config),
            Next::Fail(error) => Err(error.into()),
            Next::Fetch(provider, project) => {
                let mut fetch = Fetch {
                    resolver: self,
                    provider: Some(provider),
                };
                let result = fetch.run(exchange, clock, limits, project).await;
                fetch.finish(result, clock())
            }
        }
    }

    /// Forgets `config`'s credentials (the service said they expired), unless newer
    /// ones have replaced them already.
    pub(crate) fn invalidate(&self, config: &Arc<Config>) {
        let mut state = self.lock();
        if state
            .cached
            .as_ref()
            .is_some_and(|cached| Arc::ptr_eq(&cached.config, config))
        {
            state.cached = None;
        }
    }

    /// The project id of the config or of the provider, else the one looked up.
    fn project_of(&self, provided: &Provided, looked_up: Option<String>) -> Option<String> {
        let configured = Some(self.base.project_id().to_owned()).filter(|p| !p.is_empty());
        configured
            .or_else(|| provided.project_id.clone())
            .or(looked_up)
    }
}

/// One fetch: holds the provider while it runs, and gives it back even if the call is
/// dropped half-way (the next call then fetches).
struct Fetch<'a> {
    resolver: &'a Resolver,
    provider: Option<Box<dyn Provider>>,
}

impl Fetch<'_> {
    async fn run<X: Exchange>(
        &mut self,
        exchange: &X,
        clock: &Clock,
        limits: AttemptLimits,
        looked_up: Option<String>,
    ) -> Result<(Provided, String, bool), CredentialsError> {
        let Some(provider) = self.provider.as_mut() else {
            return Err(CredentialsError::new(
                "client",
                CredentialsErrorKind::BadAnswer,
                "no provider",
            ));
        };
        let provided = drive(provider.as_mut(), exchange, clock, limits).await?;
        if let Some(project) = self.resolver.project_of(&provided, looked_up) {
            return Ok((provided, project, false));
        }
        let region = self.resolver.base.region().ok_or_else(|| {
            CredentialsError::new(
                provider.name(),
                CredentialsErrorKind::Invalid,
                "no project id: set one, or a region to look it up in IAM",
            )
        })?;
        let iam = self
            .resolver
            .iam_endpoint
            .clone()
            .or_else(|| provided.iam_endpoint.clone())
            .or_else(|| {
                std::env::var(names::ENV_IAM_ENDPOINT)
                    .ok()
                    .filter(|v| !v.is_empty())
            })
            .unwrap_or_else(|| iam_endpoint_for_region(region));
        let request = project_list_request(&iam, region, &provided.credentials, clock())?;
        let response = exchange
            .send(request, limits)
            .await
            .map_err(|e| CredentialsError::unavailable("iam-projects", &e))?;
        let project = parse_project_list(region, &response)?;
        Ok((provided, project, true))
    }

    fn finish(
        mut self,
        result: Result<(Provided, String, bool), CredentialsError>,
        now: SystemTime,
    ) -> Result<Arc<Config>, Error> {
        let resolver = self.resolver;
        let made = result.and_then(|(provided, project, looked_up)| {
            let config = resolver
                .base
                .clone()
                .with_credentials(provided.credentials)
                .and_then(|c| c.with_project_id(project.clone()))
                .map_err(|e| {
                    CredentialsError::new("client", CredentialsErrorKind::BadAnswer, e.to_string())
                })?;
            Ok((
                Arc::new(config),
                provided.expires_at,
                looked_up.then_some(project),
            ))
        });
        let mut state = resolver.lock();
        state.provider = self.provider.take();
        state.generation += 1;
        let outcome = match made {
            Ok((config, expires_at, looked_up)) => {
                if looked_up.is_some() {
                    state.looked_up_project = looked_up;
                }
                state.cached = Some(Cached {
                    config: config.clone(),
                    expires_at,
                });
                state.last_error = None;
                Ok(config)
            }
            // Credentials that are not expired yet still serve while a refresh fails.
            Err(error) => match state
                .cached
                .as_ref()
                .map(|c| (c.config.clone(), c.expires_at))
            {
                Some((config, Some(at))) if now < at => {
                    state.last_error = None;
                    Ok(config)
                }
                _ => {
                    state.last_error = Some(error.clone());
                    Err(error.into())
                }
            },
        };
        for waker in state.waiters.drain(..) {
            waker.wake();
        }
        outcome
    }
}

impl Drop for Fetch<'_> {
    fn drop(&mut self) {
        if let Some(provider) = self.provider.take() {
            // Dropped before `finish`: give the provider back and let a waiting call
            // fetch in this one's place.
            let mut state = self.resolver.lock();
            state.provider = Some(provider);
            for waker in state.waiters.drain(..) {
                waker.wake();
            }
        }
    }
}

/// Runs `provider` until it gives credentials: its requests through `exchange`, its
/// files from the file system.
async fn drive<X: Exchange>(
    provider: &mut dyn Provider,
    exchange: &X,
    clock: &Clock,
    limits: AttemptLimits,
) -> Result<Provided, CredentialsError> {
    let mut step = provider.start(clock())?;
    loop {
        step = match step {
            Step::Ready(provided) => return Ok(provided),
            Step::Send(request) => match exchange.send(request, limits).await {
                Ok(response) => provider.on_response(response, clock())?,
                Err(error) => provider.on_transport_error(error)?,
            },
            Step::ReadFile(path) => provider.on_file(read_file(&path), clock())?,
            other => {
                return Err(CredentialsError::new(
                    provider.name(),
                    CredentialsErrorKind::BadAnswer,
                    format!("a step this client does not know: {other:?}"),
                ));
            }
        };
    }
}

/// Reads a profile or token file. Profiles and tokens are small: the limit keeps a
/// wrong path (a device, a huge log) from being read whole.
fn read_file(path: &Path) -> std::io::Result<String> {
    use std::io::Read;
    const LIMIT: u64 = 1024 * 1024;
    let mut text = String::new();
    std::fs::File::open(path)?
        .take(LIMIT)
        .read_to_string(&mut text)?;
    Ok(text)
}

/// Whether `error` is the service saying that the credentials expired: a 401 with
/// `APIGW.0307`/`APIG.0307` ("the token must be updated"), or whose message speaks of
/// expiry (`APIG.0301` "… token expires …").
pub(crate) fn says_expired(error: &Error) -> bool {
    let Some(service) = error.as_service() else {
        return false;
    };
    service.status().as_u16() == 401
        && (matches!(service.code(), Some("APIGW.0307" | "APIG.0307"))
            || service
                .message()
                .is_some_and(|m| m.to_ascii_lowercase().contains("expire")))
}
