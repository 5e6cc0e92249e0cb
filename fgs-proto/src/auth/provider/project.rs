//! The project id of a region, looked up in IAM when only the region is known, as the
//! official `BasicCredentials.process_auth_params` does it.

use std::time::SystemTime;

use bytes::Bytes;
use http::{HeaderValue, Method, Request, Response};
use serde_json::Value;

use super::names::IAM_PROJECTS_PATH;
use super::{CredentialsError, CredentialsErrorKind, DEFAULT_IAM_ENDPOINT, join, provider_request};
use crate::auth::{Credentials, SigningKey, X_AUTH_TOKEN, X_SECURITY_TOKEN, sign_request};
use crate::body::Body;
use crate::encoding;

const NAME: &str = "iam-projects";

/// Regions with an IAM endpoint of their own — `auth/endpoint.py`,
/// `__IAM_ENDPOINT_DICT`; every other region uses [`DEFAULT_IAM_ENDPOINT`].
const REGIONAL_IAM: &[&str] = &[
    "cn-north-2",
    "cn-north-4",
    "cn-north-1",
    "cn-east-2",
    "cn-east-3",
    "cn-south-1",
    "cn-south-2",
    "cn-southwest-2",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-southeast-3",
    "af-south-1",
    "sa-brazil-1",
    "la-south-2",
    "na-mexico-1",
    "la-north-2",
    "cn-north-9",
    "eu-west-0",
    "my-kualalumpur-1",
    "ru-moscow-1",
    "me-east-1",
    "ap-southeast-4",
    "ae-ad-1",
    "cn-east-4",
    "cn-east-5",
    "tr-west-1",
    "cn-north-12",
];

/// The IAM endpoint of `region`: `https://iam.{region}.myhuaweicloud.com` for the
/// regions the official SDK lists, else [`DEFAULT_IAM_ENDPOINT`].
///
/// ```
/// use fgs_proto::auth::provider::iam_endpoint_for_region;
/// assert_eq!(iam_endpoint_for_region("cn-north-4"), "https://iam.cn-north-4.myhuaweicloud.com");
/// assert_eq!(iam_endpoint_for_region("xx-nowhere-9"), "https://iam.myhuaweicloud.com");
/// ```
pub fn iam_endpoint_for_region(region: &str) -> String {
    if REGIONAL_IAM.contains(&region) {
        format!("https://iam.{region}.myhuaweicloud.com")
    } else {
        DEFAULT_IAM_ENDPOINT.to_owned()
    }
}

/// `GET {iam}/v3/projects?name={region}`, authorized with `credentials` at `now`
/// (signed with `SDK-HMAC-SHA256` for AK/SK, with `X-Auth-Token` for a token).
pub fn project_list_request(
    iam_endpoint: &str,
    region: &str,
    credentials: &Credentials,
    now: SystemTime,
) -> Result<Request<Body>, CredentialsError> {
    let url = format!(
        "{}?name={}",
        join(iam_endpoint, IAM_PROJECTS_PATH),
        encoding::encode(region)
    );
    let mut request = provider_request(NAME, Method::GET, &url, &[], None)?;
    let invalid = |why: String| CredentialsError::new(NAME, CredentialsErrorKind::Invalid, why);
    let sensitive = |value: &str| {
        HeaderValue::from_str(value)
            .map(|mut v| {
                v.set_sensitive(true);
                v
            })
            .map_err(|_| invalid("a credential is not a valid header value".to_owned()))
    };
    match credentials {
        Credentials::Token(token) => {
            request
                .headers_mut()
                .insert(X_AUTH_TOKEN, sensitive(token.expose())?);
        }
        Credentials::AkSk(keys) => {
            if let Some(token) = keys.security_token() {
                request
                    .headers_mut()
                    .insert(X_SECURITY_TOKEN, sensitive(token.expose())?);
            }
            let key = SigningKey::new(keys.access_key(), keys.secret_key().expose());
            sign_request(&mut request, &key, now).map_err(|e| invalid(e.to_string()))?;
        }
    }
    Ok(request)
}

/// The one project id of `region` in IAM's answer `{"projects": [{"id": …}]}`; none,
/// or more than one, is an error that says so (with IAM's `X-IAM-Trace-Id`).
pub fn parse_project_list(
    region: &str,
    response: &Response<Bytes>,
) -> Result<String, CredentialsError> {
    let trace = response
        .headers()
        .get("x-iam-trace-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-");
    if !response.status().is_success() {
        return Err(CredentialsError::rejected(
            NAME,
            &format!("looking up the project of region `{region}`"),
            response.status(),
            response.body(),
        ));
    }
    let bad = |why: String| CredentialsError::new(NAME, CredentialsErrorKind::BadAnswer, why);
    let value: Value = serde_json::from_slice(response.body())
        .map_err(|e| bad(format!("IAM's project list is not JSON: {e}")))?;
    let ids: Vec<&str> = value
        .get("projects")
        .and_then(Value::as_array)
        .map(|projects| {
            projects
                .iter()
                .filter_map(|p| p.get("id").and_then(Value::as_str))
                .collect()
        })
        .unwrap_or_default();
    match ids.as_slice() {
        [id] => Ok((*id).to_owned()),
        [] => Err(bad(format!(
            "no project of region `{region}` (X-IAM-Trace-Id={trace}): check the region, or set the project id"
        ))),
        many => Err(bad(format!(
            "several projects of region `{region}`: [{}] (X-IAM-Trace-Id={trace}): set the project id",
            many.join(",")
        ))),
    }
}
