//! UpdateFunctionAsyncInvokeConfig, ShowFunctionAsyncInvokeConfig,
//! ListFunctionAsyncInvokeConfig, DeleteFunctionAsyncInvokeConfig: the asynchronous
//! invocation configuration of each version and alias of a function, which AsyncInvoke
//! honours (retries, event age, destinations); ListAsyncInvocations,
//! ListActiveAsyncInvocations, CancelAsyncInvocation: the records of the async log.

use std::time::Duration;

use serde_json::{Value, json};

use super::paging::Page;
use super::{Ctx, function, function_mut, version_of};
use crate::api::api_error::{ApiError, code};
use crate::api::routes::query_value;
use crate::api::validate::{Kind, Object, check_types, object_body, opt_int, opt_object};
use crate::http::reply::Reply;
use crate::http::site::{Site, Target};
use crate::runtime::async_log::{AsyncInvocation, AsyncStatus};
use crate::runtime::async_run::{DEFAULT_MAX_EVENT_AGE, DEFAULT_MAX_RETRIES, function_destination};
use crate::runtime::clock::{parse_record_time, record_time, rfc3339};
use crate::runtime::state::{AsyncConfigRecord, FunctionRecord, State};

/// The destinations the service knows.
const DESTINATIONS: [&str; 4] = ["OBS", "SMN", "DIS", "FunctionGraph"];
/// The statuses a record can have.
const STATUSES: [&str; 5] = ["WAIT", "RUNNING", "SUCCESS", "FAIL", "DISCARD"];
/// The error code of a cancelled invocation, as the service documents it.
const CANCELLED_CODE: i64 = 4208;
/// The error code of a failed or discarded invocation (the service's values are not
/// documented; non-zero means "not successful", as in `X-Func-Err-Code`).
const FAILED_CODE: i64 = 1;
/// How many request ids ListActiveAsyncInvocations takes.
const MAX_ACTIVE_REQUESTS: usize = 10;

/// `PUT /functions/{urn}/async-invoke-config`: the configuration of the version or
/// alias of the URN, replaced as a whole (fields left out take the service's
/// defaults: 1 retry, 3 600 s). Ranges as the API documents them: retries 0…3, age
/// 1…86 400 s; destinations of the four known types, a FunctionGraph one naming its
/// `func_urn` (any project function; one that does not exist when an outcome is ready
/// is noted in the invocation's log).
pub(crate) fn update_config(
    state: &mut State,
    ctx: &Ctx<'_>,
    target: &Target,
    body: &[u8],
) -> Result<Reply, ApiError> {
    version_of(function(state, target)?, target)?;
    let body = object_body(body, true)?;
    check_types(
        &body,
        &[
            ("enable_async_status_log", Kind::Bool),
            ("log_group_id", Kind::Str),
            ("log_group_name", Kind::Str),
            ("log_stream_id", Kind::Str),
            ("log_stream_name", Kind::Str),
        ],
    )?;
    let retries = ranged(&body, "max_async_retry_attempts", 0, 3)?
        .map_or(DEFAULT_MAX_RETRIES, |n| u32::try_from(n).unwrap_or(0));
    let age = ranged(&body, "max_async_event_age_in_seconds", 1, 86_400)?
        .map_or(DEFAULT_MAX_EVENT_AGE, |s| {
            Duration::from_secs(u64::try_from(s).unwrap_or(1))
        });
    let destinations = opt_object(&body, "destination_config")?
        .map(check_destinations)
        .transpose()?;
    let settings: Object = body
        .iter()
        .filter(|(k, v)| {
            !v.is_null()
                && matches!(
                    k.as_str(),
                    "enable_async_status_log"
                        | "log_group_id"
                        | "log_group_name"
                        | "log_stream_id"
                        | "log_stream_name"
                )
        })
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let qualifier = target.qualifier_or_latest();
    let function = function_mut(state, target)?;
    let created = function
        .async_configs
        .iter()
        .find(|c| c.qualifier == qualifier)
        .map_or(ctx.now, |c| c.created);
    let record = AsyncConfigRecord {
        qualifier: qualifier.clone(),
        max_retries: retries,
        max_age: age,
        destinations,
        settings,
        created,
        last_modified: ctx.now,
    };
    let answer = config_json(ctx.site, function, &record);
    match function
        .async_configs
        .iter_mut()
        .find(|c| c.qualifier == qualifier)
    {
        Some(existing) => *existing = record,
        None => function.async_configs.push(record),
    }
    Ok(Reply::ok(&answer))
}

/// An optional integer within `min..=max`, else 400 `FSS.0400`.
fn ranged(body: &Object, name: &str, min: i64, max: i64) -> Result<Option<i64>, ApiError> {
    let value = opt_int(body, name)?;
    if value.is_some_and(|n| !(min..=max).contains(&n)) {
        return Err(ApiError::invalid(
            name,
            format!("must be between {min} and {max}"),
        ));
    }
    Ok(value)
}

/// `destination_config`: `on_success` / `on_failure`, each with a known `destination`
/// and a `param` string holding a JSON object (a FunctionGraph one with `func_urn`).
fn check_destinations(config: &Object) -> Result<Value, ApiError> {
    for key in ["on_success", "on_failure"] {
        let Some(destination) = opt_object(config, key)? else {
            continue;
        };
        let field = |name: &str| format!("destination_config.{key}.{name}");
        let kind = match destination.get("destination") {
            Some(Value::String(kind)) if DESTINATIONS.contains(&kind.as_str()) => kind,
            Some(Value::String(kind)) => {
                return Err(ApiError::invalid(
                    &field("destination"),
                    format!("`{kind}` is not one of {DESTINATIONS:?}"),
                ));
            }
            _ => return Err(ApiError::missing(&field("destination"))),
        };
        let Some(Value::String(param)) = destination.get("param") else {
            return Err(ApiError::missing(&field("param")));
        };
        if !serde_json::from_str::<Value>(param).is_ok_and(|p| p.is_object()) {
            return Err(ApiError::invalid(
                &field("param"),
                "must be a JSON object as a string",
            ));
        }
        if kind == "FunctionGraph" && function_destination(param).is_none() {
            return Err(ApiError::invalid(
                &field("param"),
                "a FunctionGraph destination names its `func_urn`",
            ));
        }
    }
    Ok(Value::Object(config.clone()))
}

/// The configuration as the API answers it.
fn config_json(site: &Site, function: &FunctionRecord, record: &AsyncConfigRecord) -> Value {
    let mut answer = json!({
        "func_urn": site.qualified_urn(&function.package, &function.name, &record.qualifier),
        "max_async_event_age_in_seconds": record.max_age.as_secs(),
        "max_async_retry_attempts": record.max_retries,
        "destination_config": record.destinations.clone().unwrap_or_else(|| json!({})),
        "created_time": rfc3339(record.created),
        "last_modified": rfc3339(record.last_modified),
    });
    for (key, value) in &record.settings {
        answer[key] = value.clone();
    }
    answer
}

/// The configuration of the URN's version or alias, or 404 `FSS.0404`.
fn config_of<'f>(
    function: &'f FunctionRecord,
    target: &Target,
) -> Result<&'f AsyncConfigRecord, ApiError> {
    let qualifier = target.qualifier_or_latest();
    function
        .async_configs
        .iter()
        .find(|c| c.qualifier == qualifier)
        .ok_or_else(|| {
            ApiError::not_found(
                code::NOT_FOUND,
                format!("`{qualifier}` has no asynchronous invocation configuration"),
            )
        })
}

/// `GET /functions/{urn}/async-invoke-config`.
pub(crate) fn get_config(state: &State, ctx: &Ctx<'_>, target: &Target) -> Result<Reply, ApiError> {
    let function = function(state, target)?;
    version_of(function, target)?;
    let record = config_of(function, target)?;
    Ok(Reply::ok(&config_json(ctx.site, function, record)))
}

/// `DELETE /functions/{urn}/async-invoke-config` → 204; the defaults apply again.
pub(crate) fn delete_config(state: &mut State, target: &Target) -> Result<Reply, ApiError> {
    let function = function_mut(state, target)?;
    let qualifier = config_of(function, target)?.qualifier.clone();
    function.async_configs.retain(|c| c.qualifier != qualifier);
    Ok(Reply::no_content())
}

/// `GET /functions/{urn}/async-invoke-configs`: every version's and alias's, in the
/// order first set; `limit` 10 by default, above 100 means 100.
pub(crate) fn list_configs(
    state: &State,
    ctx: &Ctx<'_>,
    target: &Target,
    query: &[(String, String)],
) -> Result<Reply, ApiError> {
    let function = function(state, target)?;
    let mut page = Page::with_limit(query, 10, usize::MAX, false)?;
    page.maxitems = page.maxitems.min(100);
    let page = page.apply(&function.async_configs);
    let configs: Vec<Value> = page
        .items
        .iter()
        .map(|record| config_json(ctx.site, function, record))
        .collect();
    Ok(Reply::ok(&json!({
        "async_invoke_configs": configs,
        "count": page.count,
        "page_info": {
            "next_marker": page.next_marker,
            "previous_marker": page.next_marker - page.items.len(),
            "current_count": page.items.len(),
        },
    })))
}

/// Whether `record` is one of `target`'s: same function and, when the URN names a
/// version or alias, invoked through it (an unqualified invocation is `latest`'s).
fn is_of(record: &AsyncInvocation, target: &Target) -> bool {
    record.package == target.package
        && record.function_name == target.name
        && (target.qualifier.is_none()
            || record.qualifier.as_deref().unwrap_or("latest") == target.qualifier_or_latest())
}

/// The API status of a record.
fn status_text(status: &AsyncStatus) -> &'static str {
    match status {
        AsyncStatus::Pending => "WAIT",
        AsyncStatus::Running => "RUNNING",
        AsyncStatus::Succeeded(_) => "SUCCESS",
        AsyncStatus::Failed(_) => "FAIL",
        // Cancelled ones too: the API has no status of its own for them.
        _ => "DISCARD",
    }
}

/// A record as the lists answer it.
fn record_json(record: &AsyncInvocation) -> Value {
    let (error_code, error_message) = match &record.status {
        AsyncStatus::Failed(error) => (FAILED_CODE, error.to_string()),
        AsyncStatus::Discarded => (
            FAILED_CODE,
            "the event grew older than max_async_event_age_in_seconds".to_owned(),
        ),
        AsyncStatus::Cancelled => (CANCELLED_CODE, "function invocation canceled".to_owned()),
        _ => (0, String::new()),
    };
    let mut answer = json!({
        "request_id": record.request_id,
        "status": status_text(&record.status),
        "start_time": record_time(record.accepted_at.into()),
        "error_code": error_code,
        "error_message": error_message,
    });
    if let Some(end) = record.finished_at {
        answer["end_time"] = json!(record_time(end.into()));
    }
    answer
}

/// The filters both record lists share: `status` (one of the five), and the window
/// `query_begin_time` (default: an hour ago) to `query_end_time` (default: now), as
/// `YYYY-MM-DDThh:mm:ss` UTC; a bad value is 400 `FSS.1001`.
fn record_filter(
    ctx: &Ctx<'_>,
    query: &[(String, String)],
) -> Result<impl Fn(&AsyncInvocation) -> bool, ApiError> {
    let bad = |name: &str, why: &str| {
        ApiError::bad_request(code::QUERY_PARAMETER, format!("{name}: {why}"))
    };
    let status = match query_value(query, "status") {
        Some(s) if STATUSES.contains(&s) => Some(s.to_owned()),
        Some(s) => return Err(bad("status", &format!("`{s}` is not one of {STATUSES:?}"))),
        None => None,
    };
    let time = |name: &str, default: time::OffsetDateTime| match query_value(query, name) {
        None => Ok(default),
        Some(text) => {
            parse_record_time(text).ok_or_else(|| bad(name, "must be YYYY-MM-DDThh:mm:ss"))
        }
    };
    let begin = time("query_begin_time", ctx.now - time::Duration::HOUR)?;
    let end = time("query_end_time", ctx.now)?;
    Ok(move |record: &AsyncInvocation| {
        let accepted = time::OffsetDateTime::from(record.accepted_at);
        // Whole seconds, as the filters are written.
        let second = accepted.replace_nanosecond(0).unwrap_or(accepted);
        (begin..=end).contains(&second)
            && status
                .as_deref()
                .is_none_or(|s| s == status_text(&record.status))
    })
}

/// One page of records, newest first; `limit` 100 by default, at most 500.
fn record_page(records: &[AsyncInvocation], query: &[(String, String)]) -> Result<Reply, ApiError> {
    let mut page = Page::with_limit(query, 100, usize::MAX, false)?;
    page.maxitems = page.maxitems.min(500);
    let page = page.apply(records);
    let invocations: Vec<Value> = page.items.iter().map(record_json).collect();
    Ok(Reply::ok(&json!({
        "invocations": invocations,
        "count": page.count,
        "next_marker": page.next_marker,
    })))
}

/// One page of `target`'s records that pass the shared filters and `also`.
fn record_list(
    state: &State,
    ctx: &Ctx<'_>,
    target: &Target,
    query: &[(String, String)],
    also: impl Fn(&AsyncInvocation) -> bool,
) -> Result<Reply, ApiError> {
    function(state, target)?;
    let keep = record_filter(ctx, query)?;
    let records = ctx
        .async_log
        .newest_first(|r| is_of(r, target) && keep(r) && also(r));
    record_page(&records, query)
}

/// `GET /functions/{urn}/async-invocations`: the function's records (of the URN's
/// version or alias, if it names one), filtered by `request_id`, `status` and time.
pub(crate) fn list(
    state: &State,
    ctx: &Ctx<'_>,
    target: &Target,
    query: &[(String, String)],
) -> Result<Reply, ApiError> {
    let request_id = query_value(query, "request_id");
    record_list(state, ctx, target, query, |r| {
        request_id.is_none_or(|id| r.request_id == id)
    })
}

/// `GET /functions/{urn}/active-async-invocations`: the records still waiting or
/// running, filtered by `requests` (up to 10 ids, comma-joined), `status` and time.
pub(crate) fn list_active(
    state: &State,
    ctx: &Ctx<'_>,
    target: &Target,
    query: &[(String, String)],
) -> Result<Reply, ApiError> {
    let requests: Option<Vec<&str>> = query_value(query, "requests").map(|ids| {
        ids.split(',')
            .map(str::trim)
            .filter(|id| !id.is_empty())
            .collect()
    });
    if requests
        .as_ref()
        .is_some_and(|ids| ids.len() > MAX_ACTIVE_REQUESTS)
    {
        return Err(ApiError::bad_request(
            code::QUERY_PARAMETER,
            format!("requests: at most {MAX_ACTIVE_REQUESTS} request ids"),
        ));
    }
    record_list(state, ctx, target, query, |r| {
        !r.is_done()
            && requests
                .as_ref()
                .is_none_or(|ids| ids.contains(&r.request_id.as_str()))
    })
}

/// `POST /functions/{urn}/cancel`: an invocation that has not finished never runs
/// (again), and one running has its outcome dropped; 200 with no body. One that is
/// unknown, of another function or already over is 400 `FSS.0400` "Invalid
/// RequestId", as the service answers.
pub(crate) fn cancel(
    state: &State,
    ctx: &Ctx<'_>,
    target: &Target,
    body: &[u8],
) -> Result<Reply, ApiError> {
    function(state, target)?;
    let body = object_body(body, false)?;
    let request_id = crate::api::validate::req_str(&body, "request_id")?;
    match crate::api::validate::opt_str(&body, "type")? {
        None | Some("force" | "recursive") => {}
        Some(other) => {
            return Err(ApiError::invalid(
                "type",
                format!("`{other}` is not force or recursive"),
            ));
        }
    }
    let invalid = |why: &str| {
        ApiError::bad_request(code::INVALID_PARAMETER, format!("Invalid RequestId: {why}"))
    };
    let now = ctx.now;
    let cancelled = ctx.async_log.update(request_id, |r| {
        if !is_of(r, target) {
            return Err(invalid("no such invocation of this function"));
        }
        if r.is_done() {
            return Err(invalid("the invocation has finished"));
        }
        r.status = AsyncStatus::Cancelled;
        r.finished_at = Some(now.into());
        Ok(())
    });
    match cancelled {
        None => return Err(invalid("no such invocation of this function")),
        Some(result) => result?,
    }
    ctx.async_log.wake.notify_waiters();
    Ok(Reply::bytes(
        http::StatusCode::OK,
        crate::http::reply::APPLICATION_JSON,
        Vec::new(),
    ))
}
