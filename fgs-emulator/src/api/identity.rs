//! The other side of the credentials providers, for tests and demos: the ECS metadata
//! service (session token and temporary keys with a configurable lifetime), IAM's
//! project listing, and IAM's id-token exchange. Temporary keys the emulator issued are
//! accepted by the FunctionGraph API until they expire.

use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime};

use fgs_proto::Secret;
use fgs_proto::auth::provider::names;
use http::request::Parts;
use http::{Method, StatusCode};
use serde_json::{Value, json};
use time::OffsetDateTime;
use time::macros::format_description;

use crate::api::api_error::ApiError;
use crate::http::reply::Reply;
use crate::http::site::Site;

/// The error code the gateway answers for expired credentials (with a message naming
/// the expiry, as its documentation shows for an expired token).
pub(crate) const EXPIRED_CODE: &str = "APIG.0301";

/// Temporary keys the emulator issued.
#[derive(Debug, Clone)]
pub(crate) struct IssuedKey {
    pub secret: Secret,
    pub security_token: Secret,
    pub expires_at: SystemTime,
}

/// Counts of the identity requests served, for tests.
#[derive(Debug, Default)]
pub(crate) struct Counters {
    pub metadata_tokens: AtomicU64,
    pub metadata_keys: AtomicU64,
    pub project_lists: AtomicU64,
    pub id_token_exchanges: AtomicU64,
}

/// The identity side: on when a metadata lifetime is set.
#[derive(Debug)]
pub(crate) struct Identity {
    /// The lifetime of issued temporary keys; `None`: the identity endpoints are off.
    pub lifetime: Option<Duration>,
    issued: Mutex<Vec<(String, IssuedKey)>>,
    /// IAM tokens issued for id tokens, until exchanged.
    subject_tokens: Mutex<Vec<Secret>>,
    /// Metadata session tokens issued.
    session_tokens: Mutex<Vec<Secret>>,
    pub counters: Counters,
}

impl Identity {
    pub(crate) fn new(lifetime: Option<Duration>) -> Self {
        Identity {
            lifetime,
            issued: Mutex::new(Vec::new()),
            subject_tokens: Mutex::new(Vec::new()),
            session_tokens: Mutex::new(Vec::new()),
            counters: Counters::default(),
        }
    }

    pub(crate) fn enabled(&self) -> bool {
        self.lifetime.is_some()
    }

    /// The issued key `access_key`, expired or not.
    pub(crate) fn key(&self, access_key: &str) -> Option<IssuedKey> {
        let issued = self.issued.lock().unwrap_or_else(|p| p.into_inner());
        issued
            .iter()
            .find(|(ak, _)| ak == access_key)
            .map(|(_, key)| key.clone())
    }

    /// Makes every issued key expire now (as if the service's clock ran ahead).
    pub(crate) fn expire_all(&self, now: SystemTime) {
        let mut issued = self.issued.lock().unwrap_or_else(|p| p.into_inner());
        for (_, key) in issued.iter_mut() {
            key.expires_at = key.expires_at.min(now);
        }
    }

    fn issue(&self, now: SystemTime, lifetime: Duration) -> (String, IssuedKey) {
        let id = uuid::Uuid::new_v4().simple().to_string();
        let key = IssuedKey {
            secret: Secret::new(format!("TMPSK{id}")),
            security_token: Secret::new(format!("TMPST{id}")),
            expires_at: now + lifetime,
        };
        let access = format!("TMPAK{}", &id[..16].to_ascii_uppercase());
        let mut issued = self.issued.lock().unwrap_or_else(|p| p.into_inner());
        issued.push((access.clone(), key.clone()));
        (access, key)
    }

    /// Whether [`Self::serve`] answers this request (identity endpoints on, and one of
    /// their paths): such a request is not a FunctionGraph route, and its own checks
    /// apply instead of the head's.
    pub(crate) fn handles(&self, parts: &Parts) -> bool {
        self.lifetime.is_some()
            && matches!(
                (&parts.method, parts.uri.path()),
                (&Method::PUT, names::METADATA_TOKEN_PATH)
                    | (&Method::GET, names::METADATA_SECURITY_KEY_PATH)
                    | (&Method::GET, names::IAM_PROJECTS_PATH)
                    | (&Method::POST, names::IAM_ID_TOKEN_PATH)
                    | (&Method::POST, names::IAM_SECURITY_TOKENS_PATH)
            )
    }

    /// Answers an identity request, or `None` for a FunctionGraph path. `authorized`
    /// checks the AK/SK signature of the project listing.
    pub(crate) fn serve(
        &self,
        site: &Site,
        parts: &Parts,
        body: &[u8],
        now: SystemTime,
        authorized: impl FnOnce() -> Result<(), ApiError>,
    ) -> Option<Reply> {
        let lifetime = self.lifetime?;
        let path = parts.uri.path();
        let method = &parts.method;
        Some(match path {
            names::METADATA_TOKEN_PATH if method == Method::PUT => {
                self.counters.metadata_tokens.fetch_add(1, Ordering::SeqCst);
                let token = Secret::new(uuid::Uuid::new_v4().simple().to_string());
                let reply = Reply::bytes(StatusCode::OK, "text/plain", token.expose().to_owned());
                self.session_tokens
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .push(token);
                reply
            }
            names::METADATA_SECURITY_KEY_PATH if method == Method::GET => {
                self.counters.metadata_keys.fetch_add(1, Ordering::SeqCst);
                if let Some(sent) = parts.headers.get(names::X_METADATA_TOKEN) {
                    let known = self
                        .session_tokens
                        .lock()
                        .unwrap_or_else(|p| p.into_inner());
                    if !known
                        .iter()
                        .any(|t| t.expose().as_bytes() == sent.as_bytes())
                    {
                        return Some(Reply::bytes(
                            StatusCode::UNAUTHORIZED,
                            "text/plain",
                            "invalid metadata token",
                        ));
                    }
                }
                let (access, key) = self.issue(now, lifetime);
                Reply::json(StatusCode::OK, &credential(&access, &key))
            }
            names::IAM_PROJECTS_PATH if method == Method::GET => {
                self.counters.project_lists.fetch_add(1, Ordering::SeqCst);
                if let Err(error) = authorized() {
                    return Some(error.into());
                }
                let name = parts.uri.query().and_then(|q| {
                    q.split('&')
                        .find_map(|pair| pair.strip_prefix("name="))
                        .map(str::to_owned)
                });
                let projects: Vec<Value> = match name {
                    Some(name) if name != site.region => vec![],
                    _ => vec![json!({"id": site.project_id, "name": site.region,
                        "domain_id": site.domain_id, "enabled": true})],
                };
                Reply::json(StatusCode::OK, &json!({"projects": projects}))
                    .header("x-iam-trace-id", &uuid::Uuid::new_v4().to_string())
            }
            names::IAM_ID_TOKEN_PATH if method == Method::POST => {
                self.counters
                    .id_token_exchanges
                    .fetch_add(1, Ordering::SeqCst);
                let id_token = serde_json::from_slice::<Value>(body)
                    .ok()
                    .and_then(|v| v["auth"]["id_token"]["id"].as_str().map(str::to_owned))
                    .filter(|t| !t.is_empty());
                let idp = parts.headers.get(names::X_IDP_ID).filter(|v| !v.is_empty());
                if id_token.is_none() || idp.is_none() {
                    return Some(iam_error(
                        StatusCode::BAD_REQUEST,
                        "the id token and X-Idp-Id are required",
                    ));
                }
                let token = Secret::new(format!("IAMTOKEN{}", uuid::Uuid::new_v4().simple()));
                let reply = Reply::json(
                    StatusCode::CREATED,
                    &json!({"token": {"methods": ["mapped"]}}),
                )
                .header(names::X_SUBJECT_TOKEN, token.expose());
                self.subject_tokens
                    .lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .push(token);
                reply
            }
            names::IAM_SECURITY_TOKENS_PATH if method == Method::POST => {
                let token = serde_json::from_slice::<Value>(body).ok().and_then(|v| {
                    v["auth"]["identity"]["token"]["id"]
                        .as_str()
                        .map(str::to_owned)
                });
                let known = token.is_some_and(|token| {
                    let tokens = self
                        .subject_tokens
                        .lock()
                        .unwrap_or_else(|p| p.into_inner());
                    tokens.iter().any(|t| t.expose() == token)
                });
                if !known {
                    return Some(iam_error(
                        StatusCode::UNAUTHORIZED,
                        "the token is not valid",
                    ));
                }
                let (access, key) = self.issue(now, lifetime);
                Reply::json(StatusCode::CREATED, &credential(&access, &key))
            }
            _ => return None,
        })
    }
}

/// `{"credential": {...}}` as the metadata service and IAM answer it.
fn credential(access: &str, key: &IssuedKey) -> Value {
    json!({"credential": {
        "access": access,
        "secret": key.secret.expose(),
        "securitytoken": key.security_token.expose(),
        "expires_at": expires_at(key.expires_at),
    }})
}

/// `2024-01-15T08:30:00.000000Z`, the metadata service's form.
pub(crate) fn expires_at(time: SystemTime) -> String {
    const FORMAT: &[time::format_description::BorrowedFormatItem<'static>] =
        format_description!("[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:6]Z");
    OffsetDateTime::from(time)
        .format(FORMAT)
        .unwrap_or_default()
}

fn iam_error(status: StatusCode, message: &str) -> Reply {
    Reply::json(
        status,
        &json!({"error": {"code": status.as_u16(), "message": message}}),
    )
}
