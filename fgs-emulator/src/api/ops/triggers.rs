//! Trigger operations. A trigger belongs to the function and to the
//! qualifier of the URN it was created with (none means `latest`).

use http::StatusCode;
use serde_json::{Value, json};

use super::{Ctx, function, function_mut, version_of};
use crate::api::api_error::{ApiError, code};
use crate::api::routes::TriggerRef;
use crate::api::validate::trigger::{TriggerInput, check_trigger, check_update};
use crate::api::validate::{Object, object_body};
use crate::api::views::trigger_json;
use crate::http::reply::Reply;
use crate::http::site::{Site, Target};
use crate::runtime::state::{FunctionRecord, State, TriggerRecord};

/// The qualifier a target's triggers are bound to, once its version or alias is known
/// to exist.
fn qualifier(function: &FunctionRecord, target: &Target) -> Result<String, ApiError> {
    version_of(function, target)?;
    Ok(target.qualifier_or_latest())
}

fn is_apig(type_code: &str) -> bool {
    matches!(type_code, "APIG" | "DEDICATEDGATEWAY")
}

/// `GET /triggers/{urn}`: a bare array.
pub(crate) fn list(state: &State, target: &Target) -> Result<Reply, ApiError> {
    let function = function(state, target)?;
    let qualifier = qualifier(function, target)?;
    let triggers: Vec<Value> = function
        .triggers
        .iter()
        .filter(|t| t.qualifier == qualifier)
        .map(trigger_json)
        .collect();
    Ok(Reply::ok(&Value::Array(triggers)))
}

/// `POST /triggers/{urn}` → 201.
pub(crate) fn create(
    state: &mut State,
    ctx: &Ctx<'_>,
    target: &Target,
    body: &[u8],
) -> Result<Reply, ApiError> {
    let qualifier = qualifier(function(state, target)?, target)?;
    let body = object_body(body, false)?;
    let input = check_trigger(&body)?;
    check_unique(state, target, &input)?;
    let function = function_mut(state, target)?;
    let id = if is_apig(&input.type_code) {
        uuid::Uuid::new_v4().simple().to_string()
    } else {
        uuid::Uuid::new_v4().to_string()
    };
    let mut event_data = input.event_data;
    add_server_fields(
        &mut event_data,
        &input.type_code,
        &id,
        ctx.site,
        function,
        &qualifier,
    );
    let trigger = TriggerRecord {
        id,
        type_code: input.type_code,
        status: input.status,
        event_data,
        event_type_code: input.event_type_code,
        qualifier,
        created: ctx.now,
        updated: ctx.now,
    };
    let answer = trigger_json(&trigger);
    function.triggers.push(trigger);
    Ok(Reply::json(StatusCode::CREATED, &answer))
}

/// A timer name is unique per function (409 `FSS.1141`); an APIG group, path and
/// method are unique per project (409 `FSS.1147`).
fn check_unique(state: &State, target: &Target, input: &TriggerInput) -> Result<(), ApiError> {
    let text =
        |event: &Object, key: &str| event.get(key).and_then(Value::as_str).map(str::to_owned);
    if input.type_code == "TIMER" {
        let name = text(&input.event_data, "name");
        let function = function(state, target)?;
        if function
            .triggers
            .iter()
            .any(|t| t.type_code == "TIMER" && text(&t.event_data, "name") == name)
        {
            return Err(ApiError::conflict(
                code::TRIGGER_EXISTS,
                format!(
                    "a timer trigger named `{}` already exists",
                    name.unwrap_or_default()
                ),
            ));
        }
    }
    if is_apig(&input.type_code) {
        let key = |e: &Object| (text(e, "group_id"), text(e, "path"), text(e, "req_method"));
        let wanted = key(&input.event_data);
        let taken = state
            .functions()
            .flat_map(|f| f.triggers.iter())
            .any(|t| is_apig(&t.type_code) && key(&t.event_data) == wanted);
        if taken {
            return Err(ApiError::conflict(
                code::APIG_PATH_EXISTS,
                "an API with this group, path and method already exists",
            ));
        }
    }
    Ok(())
}

/// The fields the service adds to `event_data`.
fn add_server_fields(
    event: &mut Object,
    type_code: &str,
    id: &str,
    site: &Site,
    function: &FunctionRecord,
    qualifier: &str,
) {
    let text = |event: &Object, key: &str| {
        event
            .get(key)
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    if is_apig(type_code) {
        let host = match event.get("sl_domain").and_then(Value::as_str) {
            Some(domain) => domain.to_owned(),
            None => format!(
                "{}.apig.{}.huaweicloudapis.com",
                text(event, "group_id"),
                site.region
            ),
        };
        let invoke_url = format!(
            "{}://{host}{}",
            text(event, "protocol").to_ascii_lowercase(),
            text(event, "path")
        );
        let name = text(event, "name");
        event.insert("triggerid".into(), json!(id));
        event.insert(
            "api_id".into(),
            json!(uuid::Uuid::new_v4().simple().to_string()),
        );
        event.insert("api_name".into(), json!(name));
        event.insert("invoke_url".into(), json!(invoke_url));
        if let Some(Value::Object(info)) = event.get_mut("func_info") {
            info.entry("function_urn")
                .or_insert_with(|| json!(site.urn(&function.package, &function.name)));
            info.entry("version").or_insert_with(|| json!(qualifier));
            info.entry("invocation_type")
                .or_insert_with(|| json!("sync"));
        }
    }
    if type_code == "SMN" {
        event
            .entry("subscription_status")
            .or_insert_with(|| json!("Unconfirmed"));
    }
}

/// The trigger `{type}/{id}` of the target's qualifier, or 404 `FSS.1131`.
fn find<'f>(
    function: &'f FunctionRecord,
    qualifier: &str,
    trigger: &TriggerRef,
) -> Result<&'f TriggerRecord, ApiError> {
    function
        .triggers
        .iter()
        .find(|t| {
            t.id == trigger.id && t.type_code == trigger.type_code && t.qualifier == qualifier
        })
        .ok_or_else(|| ApiError::trigger_not_found(&trigger.type_code, &trigger.id))
}

/// `GET /triggers/{urn}/{type}/{id}`.
pub(crate) fn get(state: &State, target: &Target, trigger: &TriggerRef) -> Result<Reply, ApiError> {
    let function = function(state, target)?;
    let qualifier = qualifier(function, target)?;
    Ok(Reply::ok(&trigger_json(find(
        function, &qualifier, trigger,
    )?)))
}

/// `PUT /triggers/{urn}/{type}/{id}`: a new status and event-data changes, checked as
/// CreateTrigger checks them; a renamed timer must keep its name unique (409
/// `FSS.1141`).
pub(crate) fn update(
    state: &mut State,
    ctx: &Ctx<'_>,
    target: &Target,
    trigger: &TriggerRef,
    body: &[u8],
) -> Result<Reply, ApiError> {
    let function = function_mut(state, target)?;
    let qualifier = qualifier(function, target)?;
    let current = find(function, &qualifier, trigger)?;
    let body = object_body(body, false)?;
    let change = check_update(&current.type_code, &current.event_data, &body)?;
    let name = |event: &Object| event.get("name").and_then(Value::as_str).map(str::to_owned);
    let renamed = name(&change.event_data);
    if current.type_code == "TIMER" && renamed != name(&current.event_data) {
        let taken = function.triggers.iter().any(|t| {
            t.type_code == "TIMER" && t.id != trigger.id && name(&t.event_data) == renamed
        });
        if taken {
            return Err(ApiError::conflict(
                code::TRIGGER_EXISTS,
                format!(
                    "a timer trigger named `{}` already exists",
                    renamed.unwrap_or_default()
                ),
            ));
        }
    }
    let record = function
        .triggers
        .iter_mut()
        .find(|t| {
            t.id == trigger.id && t.type_code == trigger.type_code && t.qualifier == qualifier
        })
        .ok_or_else(|| ApiError::trigger_not_found(&trigger.type_code, &trigger.id))?;
    if let Some(status) = change.status {
        record.status = status.to_owned();
    }
    record.event_data = change.event_data;
    record.updated = ctx.now;
    Ok(Reply::ok(&trigger_json(record)))
}

/// `DELETE /triggers/{urn}/{type}/{id}` → 204.
pub(crate) fn delete(
    state: &mut State,
    target: &Target,
    trigger: &TriggerRef,
) -> Result<Reply, ApiError> {
    let function = function_mut(state, target)?;
    let qualifier = qualifier(function, target)?;
    find(function, &qualifier, trigger)?;
    function
        .triggers
        .retain(|t| !(t.id == trigger.id && t.qualifier == qualifier));
    Ok(Reply::no_content())
}

/// `DELETE /triggers/{urn}` → 204: every trigger of the function when the URN has no
/// qualifier or `latest`, else only the version's or alias's.
pub(crate) fn delete_all(state: &mut State, target: &Target) -> Result<Reply, ApiError> {
    let function = function_mut(state, target)?;
    if target.is_whole_function() {
        function.triggers.clear();
        return Ok(Reply::no_content());
    }
    let qualifier = qualifier(function, target)?;
    function.triggers.retain(|t| t.qualifier != qualifier);
    Ok(Reply::no_content())
}
