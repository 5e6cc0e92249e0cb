//! CreateEvent, ListEvents, GetEvent, UpdateEvent, DeleteEvent: a function's test
//! events.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use serde_json::{Value, json};

use super::{Ctx, function, function_mut};
use crate::api::api_error::{ApiError, code};
use crate::api::validate::names::is_event_name;
use crate::api::validate::{object_body, req_str};
use crate::http::reply::Reply;
use crate::http::site::Target;
use crate::runtime::state::{EventRecord, FunctionRecord, State};

/// The content must be base64 of a JSON document (400 `FSS.0400` otherwise).
fn check_content(content: &str) -> Result<(), ApiError> {
    let bytes = BASE64
        .decode(content.trim())
        .map_err(|_| ApiError::invalid("content", "must be base64"))?;
    serde_json::from_slice::<Value>(&bytes)
        .map(drop)
        .map_err(|_| ApiError::invalid("content", "must be a base64-encoded JSON document"))
}

fn event_not_found(id: &str) -> ApiError {
    ApiError::not_found(
        code::EVENT_NOT_FOUND,
        format!("the test event `{id}` does not exist"),
    )
}

fn event<'f>(function: &'f FunctionRecord, id: &str) -> Result<&'f EventRecord, ApiError> {
    function
        .events
        .iter()
        .find(|e| e.id == id)
        .ok_or_else(|| event_not_found(id))
}

fn summary(e: &EventRecord) -> Value {
    json!({"id": e.id, "name": e.name})
}

/// `POST /functions/{urn}/events`: 409 `FSS.0409` for a name in use, 403 `FSS.0403`
/// beyond the per-function limit.
pub(crate) fn create(
    state: &mut State,
    ctx: &Ctx<'_>,
    target: &Target,
    body: &[u8],
) -> Result<Reply, ApiError> {
    let limit = state.limits.events_per_function;
    let function = function_mut(state, target)?;
    let body = object_body(body, false)?;
    let name = req_str(&body, "name")?;
    let content = req_str(&body, "content")?;
    if !is_event_name(name) {
        return Err(ApiError::invalid(
            "name",
            "1–64 letters, digits, `-` or `_`, starting with a letter",
        ));
    }
    check_content(content)?;
    if function.events.iter().any(|e| e.name == name) {
        return Err(ApiError::conflict(
            code::ALREADY_EXISTS,
            format!("the test event `{name}` already exists"),
        ));
    }
    if function.events.len() >= limit {
        return Err(ApiError::forbidden(
            code::FORBIDDEN,
            format!("a function holds at most {limit} test events"),
        ));
    }
    let record = EventRecord {
        id: uuid::Uuid::new_v4().to_string(),
        name: name.to_owned(),
        content: content.to_owned(),
        last_modified: ctx.now,
    };
    let answer = summary(&record);
    function.events.push(record);
    Ok(Reply::ok(&answer))
}

/// `GET /functions/{urn}/events`: every event, without content.
pub(crate) fn list(state: &State, target: &Target) -> Result<Reply, ApiError> {
    let function = function(state, target)?;
    let events: Vec<Value> = function
        .events
        .iter()
        .map(|e| json!({"id": e.id, "name": e.name, "last_modified": e.last_modified.unix_timestamp()}))
        .collect();
    Ok(Reply::ok(&json!({
        "count": events.len(),
        "next_marker": events.len(),
        "events": events,
    })))
}

/// `GET /functions/{urn}/events/{id}`.
pub(crate) fn get(state: &State, target: &Target, id: &str) -> Result<Reply, ApiError> {
    let e = event(function(state, target)?, id)?;
    Ok(Reply::ok(&json!({
        "id": e.id,
        "name": e.name,
        "content": e.content,
        "last_modified": e.last_modified.unix_timestamp(),
    })))
}

/// `PUT /functions/{urn}/events/{id}`: replaces the content.
pub(crate) fn update(
    state: &mut State,
    ctx: &Ctx<'_>,
    target: &Target,
    id: &str,
    body: &[u8],
) -> Result<Reply, ApiError> {
    let function = function_mut(state, target)?;
    event(function, id)?;
    let body = object_body(body, false)?;
    let content = req_str(&body, "content")?;
    check_content(content)?;
    let e = function
        .events
        .iter_mut()
        .find(|e| e.id == id)
        .ok_or_else(|| event_not_found(id))?;
    e.content = content.to_owned();
    e.last_modified = ctx.now;
    Ok(Reply::ok(&summary(e)))
}

/// `DELETE /functions/{urn}/events/{id}`: 204.
pub(crate) fn delete(state: &mut State, target: &Target, id: &str) -> Result<Reply, ApiError> {
    let function = function_mut(state, target)?;
    event(function, id)?;
    function.events.retain(|e| e.id != id);
    Ok(Reply::no_content())
}
