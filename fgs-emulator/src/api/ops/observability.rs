//! EnableLtsLogs, ShowLtsLogDetails, EnableAsyncStatusLog, ShowProjectAsyncStatusLogInfo,
//! ShowTracing, UpdateTracing: the project's log switches, the log group and stream a
//! function logs to (also shown by GetMetadata), and a function's APM tracing keys.

use bytes::Bytes;
use http::StatusCode;
use serde_json::{Value, json};
use sha2::{Digest, Sha512};

use super::{Ctx, function, function_mut};
use crate::api::api_error::{ApiError, code};
use crate::api::validate::{object_body, opt_str};
use crate::http::reply::{APPLICATION_JSON, Reply};
use crate::http::site::Target;
use crate::runtime::state::{FunctionRecord, State, TracingKeys};

/// 200 with no body: what the switches answer.
pub(super) fn ok_empty() -> Reply {
    Reply::bytes(StatusCode::OK, APPLICATION_JSON, Bytes::new())
}

/// A UUID-shaped id derived from `seed`, so the same project and function always show
/// the same log group and stream.
fn stable_id(seed: &str) -> String {
    let hex = hex::encode(&Sha512::digest(seed.as_bytes())[..16]);
    format!(
        "{}-{}-{}-{}-{}",
        &hex[..8],
        &hex[8..12],
        &hex[12..16],
        &hex[16..20],
        &hex[20..32]
    )
}

/// `POST /functions/enable-lts-logs`.
pub(crate) fn enable_lts(state: &mut State) -> Result<Reply, ApiError> {
    state.logs.lts = true;
    Ok(ok_empty())
}

/// The log group and stream of `function`: its own `log_config` when it has one, else
/// the project's default group with a stream per function once LTS is switched on.
fn lts_details(state: &State, ctx: &Ctx<'_>, function: &FunctionRecord) -> Option<Value> {
    if let Some(Value::Object(log)) = function.latest.metadata.get("log_config")
        && log.get("group_id").is_some_and(Value::is_string)
    {
        let mut out = serde_json::Map::new();
        for key in ["group_id", "group_name", "stream_id", "stream_name"] {
            if let Some(value) = log.get(key) {
                out.insert(key.to_owned(), value.clone());
            }
        }
        return Some(Value::Object(out));
    }
    state.logs.lts.then(|| {
        json!({
            "group_id": stable_id(&format!("lts-group/{}", ctx.site.project_id)),
            "group_name": "functiongraph.log.group",
            "stream_id": stable_id(&format!("lts-stream/{}", function.func_id)),
            "stream_name": format!("functiongraph.log.stream.{}", function.name),
        })
    })
}

/// `GET /functions/{urn}/lts-log-detail`: 404 `FSS.0404` while the function has no
/// log group (no `log_config`, LTS not switched on).
pub(crate) fn lts_log_details(
    state: &State,
    ctx: &Ctx<'_>,
    target: &Target,
) -> Result<Reply, ApiError> {
    let function = function(state, target)?;
    lts_details(state, ctx, function)
        .map(|details| Reply::ok(&details))
        .ok_or_else(|| {
            ApiError::not_found(
                code::NOT_FOUND,
                "the function has no LTS log group: call EnableLtsLogs or set log_config",
            )
        })
}

/// GetMetadata's `enable_lts_log`, `log_group_id` and `log_stream_id` for a function
/// that logs to the project's default group (one with its own `log_config` shows its
/// ids already), from the same group and stream ShowLtsLogDetails answers.
pub(crate) fn add_lts_fields(
    state: &State,
    ctx: &Ctx<'_>,
    function: &FunctionRecord,
    answer: &mut Value,
) {
    if answer.get("log_group_id").is_some() {
        return;
    }
    let Some(details) = lts_details(state, ctx, function) else {
        return;
    };
    answer["enable_lts_log"] = json!(true);
    for (from, to) in [("group_id", "log_group_id"), ("stream_id", "log_stream_id")] {
        if let Some(id) = details.get(from) {
            answer[to] = id.clone();
        }
    }
}

/// `POST /functions/enable-async-status-logs`.
pub(crate) fn enable_async_status_log(state: &mut State) -> Result<Reply, ApiError> {
    state.logs.async_status = true;
    Ok(ok_empty())
}

/// `GET /functions/async-status-log-detail`: 404 `FSS.0404` until it is switched on.
pub(crate) fn async_status_log(state: &State, ctx: &Ctx<'_>) -> Result<Reply, ApiError> {
    if !state.logs.async_status {
        return Err(ApiError::not_found(
            code::NOT_FOUND,
            "the async status log is not enabled: call EnableAsyncStatusLog",
        ));
    }
    let project = &ctx.site.project_id;
    Ok(Reply::ok(&json!({
        "group_id": stable_id(&format!("async-status-group/{project}")),
        "group_name": "functiongraph.async.status.log.group",
        "stream_id": stable_id(&format!("async-status-stream/{project}")),
        "stream_name": "functiongraph.async.status.log.stream",
    })))
}

/// `GET /functions/{urn}/tracing`: the keys with the SK masked, as the service shows
/// them; 404 `FSS.0404` "can not find tracing aksk" while tracing is off.
pub(crate) fn get_tracing(state: &State, target: &Target) -> Result<Reply, ApiError> {
    match &function(state, target)?.settings.tracing {
        Some(keys) => Ok(Reply::ok(
            &json!({"tracing_ak": keys.ak, "tracing_sk": "******"}),
        )),
        None => Err(ApiError::not_found(
            code::NOT_FOUND,
            "can not find tracing aksk",
        )),
    }
}

/// `PUT /functions/{urn}/tracing`: both keys set tracing on, both empty (or absent) set
/// it off; one without the other is 400 `FSS.0400`. An unknown function is 400
/// `FSS.1128`, as the API reference documents.
pub(crate) fn update_tracing(
    state: &mut State,
    target: &Target,
    body: &[u8],
) -> Result<Reply, ApiError> {
    let body = object_body(body, false)?;
    let ak = opt_str(&body, "tracing_ak")?.unwrap_or_default();
    let sk = opt_str(&body, "tracing_sk")?.unwrap_or_default();
    let keys = match (ak.is_empty(), sk.is_empty()) {
        (true, true) => None,
        (false, false) => Some(TracingKeys {
            ak: ak.to_owned(),
            sk: sk.to_owned(),
        }),
        _ => {
            return Err(ApiError::invalid(
                "tracing_sk",
                "tracing_ak and tracing_sk are set together (both empty switch tracing off)",
            ));
        }
    };
    let function = function_mut(state, target).map_err(|_| {
        ApiError::bad_request(
            code::TRACING_FUNCTION_NOT_FOUND,
            format!("function[{}:{}] not existed", target.package, target.name),
        )
    })?;
    function.settings.tracing = keys;
    Ok(ok_empty())
}
