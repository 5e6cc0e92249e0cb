//! UpdateFunctionMaxInstanceConfig, UpdateFunctionReservedInstancesCount,
//! ListFunctionReservedInstances, ListReservedInstanceConfigs: a function's maximum
//! instances (kept in its `strategy_config`, as GetMetadata shows it) and the reserved
//! instances of its versions and aliases.

use serde_json::{Value, json};

use super::paging::Page;
use super::{Ctx, function, function_mut, require_latest, version_of};
use crate::api::api_error::{ApiError, code};
use crate::api::routes::query_value;
use crate::api::validate::{Kind, check_types, object_body, req_int};
use crate::api::views::{Shape, function_json};
use crate::http::reply::Reply;
use crate::http::site::{Site, Target};
use crate::runtime::state::{FunctionRecord, ReservedRecord, State};

/// The maximum instances of a function: its `strategy_config.concurrency`, `-1` (no
/// limit) when unset.
pub(crate) fn max_instances(function: &FunctionRecord) -> i64 {
    function
        .latest
        .metadata
        .get("strategy_config")
        .and_then(|s| s.get("concurrency"))
        .and_then(Value::as_i64)
        .unwrap_or(-1)
}

/// `PUT /functions/{urn}/config-max-instance`: `-1` to the configured limit (400
/// `FSS.1026` otherwise); answers the function.
pub(crate) fn update_max_instances(
    state: &mut State,
    ctx: &Ctx<'_>,
    target: &Target,
    body: &[u8],
) -> Result<Reply, ApiError> {
    require_latest(target)?;
    let limit = state.limits.max_instances_per_function;
    let function = function_mut(state, target)?;
    let body = object_body(body, false)?;
    let max = req_int(&body, "max_instance_num")?;
    if !(-1..=limit).contains(&max) {
        return Err(ApiError::bad_request(
            code::CONCURRENCY,
            format!("max_instance_num must be between -1 and {limit}"),
        ));
    }
    let strategy = function
        .latest
        .metadata
        .entry("strategy_config")
        .or_insert_with(|| json!({"concurrent_num": 1}));
    if !strategy.is_object() {
        *strategy = json!({"concurrent_num": 1});
    }
    if let Value::Object(strategy) = strategy {
        strategy.insert("concurrency".into(), json!(max));
    }
    function.latest.last_modified = ctx.now;
    Ok(Reply::ok(&function_json(
        ctx.site,
        function,
        &function.latest,
        None,
        Shape::Full,
    )))
}

/// `PUT /functions/{urn}/reservedinstances`: the version or alias of the URN keeps
/// `count` instances (`0` releases them). 400 for a negative count or one above the
/// function's maximum instances; 403 `FSS.1076` when all functions together would hold
/// more than the account's reserved instances.
pub(crate) fn update_reserved(
    state: &mut State,
    target: &Target,
    body: &[u8],
) -> Result<Reply, ApiError> {
    let limit = state.limits.reserved_instances_per_account;
    let qualifier = {
        let function = function(state, target)?;
        version_of(function, target)?;
        target.qualifier_or_latest()
    };
    let body = object_body(body, false)?;
    check_types(
        &body,
        &[("idle_mode", Kind::Bool), ("tactics_config", Kind::Object)],
    )?;
    let count = req_int(&body, "count")?;
    if count < 0 {
        return Err(ApiError::invalid("count", "must not be negative"));
    }
    let max = max_instances(function(state, target)?);
    if max >= 0 && count > max {
        return Err(ApiError::invalid(
            "count",
            format!("{count} is more than the function's {max} maximum instances"),
        ));
    }
    let elsewhere: i64 = state
        .functions()
        .flat_map(|f| f.reserved.iter().map(move |r| (f, r)))
        .filter(|(f, r)| {
            !(f.package == target.package && f.name == target.name && r.qualifier == qualifier)
        })
        .map(|(_, r)| r.count)
        .sum();
    if elsewhere.saturating_add(count) > limit {
        return Err(ApiError::forbidden(
            code::RESERVED_INSTANCES,
            format!(
                "the account may reserve {limit} instances; {elsewhere} are reserved elsewhere"
            ),
        ));
    }
    let record = ReservedRecord {
        qualifier: qualifier.clone(),
        count,
        idle_mode: body
            .get("idle_mode")
            .and_then(Value::as_bool)
            .unwrap_or(false),
        tactics: body.get("tactics_config").filter(|t| !t.is_null()).cloned(),
    };
    let mut answer = json!({"count": record.count, "idle_mode": record.idle_mode});
    if let Some(tactics) = &record.tactics {
        answer["tactics_config"] = tactics.clone();
    }
    let function = function_mut(state, target)?;
    function.reserved.retain(|r| r.qualifier != qualifier);
    if count > 0 {
        function.reserved.push(record);
    }
    Ok(Reply::ok(&answer))
}

/// The reserved instances of `function`'s `qualifier`, for GetMetadata.
pub(crate) fn reserved_of<'f>(
    function: &'f FunctionRecord,
    qualifier: &str,
) -> Option<&'f ReservedRecord> {
    function.reserved.iter().find(|r| r.qualifier == qualifier)
}

/// Every reserved-instance record, functions oldest first, restricted to the function
/// (and, when `exact`, the qualifier) of the `urn` filter if one is given.
fn records<'s>(
    state: &'s State,
    site: &Site,
    urn: Option<&str>,
    exact: bool,
) -> Result<Vec<(&'s FunctionRecord, &'s ReservedRecord)>, ApiError> {
    let filter = urn.map(|urn| Target::parse(urn, site)).transpose()?;
    Ok(state
        .functions()
        .filter(|f| {
            filter
                .as_ref()
                .is_none_or(|t| t.package == f.package && t.name == f.name)
        })
        .flat_map(|f| f.reserved.iter().map(move |r| (f, r)))
        .filter(|(_, r)| {
            filter
                .as_ref()
                .is_none_or(|t| !exact || t.qualifier_or_latest() == r.qualifier)
        })
        .collect())
}

fn page_info(page: &Page, shown: usize) -> Value {
    json!({
        "current_count": shown,
        "next_marker": page.marker.saturating_add(shown),
        "previous_marker": page.marker,
    })
}

/// `GET /functions/reservedinstances?urn=&marker=&limit=`: the URN names one version or
/// alias (unqualified: `latest`).
pub(crate) fn list_reserved(
    state: &State,
    ctx: &Ctx<'_>,
    query: &[(String, String)],
) -> Result<Reply, ApiError> {
    let page = Page::with_limit(query, 400, 400, true)?;
    let all = records(state, ctx.site, query_value(query, "urn"), true)?;
    let shown = page.apply(&all);
    let items: Vec<Value> = shown
        .items
        .iter()
        .map(|(f, r)| {
            json!({
                "func_urn": ctx.site.qualified_urn(&f.package, &f.name, &r.qualifier),
                "count": r.count,
            })
        })
        .collect();
    Ok(Reply::ok(&json!({
        "reservedinstances": items,
        "page_info": page_info(&page, shown.items.len()),
        "count": shown.count,
    })))
}

/// `GET /functions/reservedinstanceconfigs?function_urn=&marker=&limit=`: every version
/// and alias of the function the URN names.
pub(crate) fn list_reserved_configs(
    state: &State,
    ctx: &Ctx<'_>,
    query: &[(String, String)],
) -> Result<Reply, ApiError> {
    let page = Page::with_limit(query, 100, 500, false)?;
    let all = records(state, ctx.site, query_value(query, "function_urn"), false)?;
    let shown = page.apply(&all);
    let items: Vec<Value> = shown
        .items
        .iter()
        .map(|(f, r)| {
            let (kind, name) = match r.qualifier.strip_prefix('!') {
                Some(alias) => ("alias", alias),
                None => ("version", r.qualifier.as_str()),
            };
            let mut item = json!({
                "function_urn": ctx.site.qualified_urn(&f.package, &f.name, &r.qualifier),
                "qualifier_type": kind,
                "qualifier_name": name,
                "min_count": r.count,
                "idle_mode": r.idle_mode,
            });
            if let Some(tactics) = &r.tactics {
                item["tactics_config"] = tactics.clone();
            }
            item
        })
        .collect();
    Ok(Reply::ok(&json!({
        "reserved_instances": items,
        "page_info": page_info(&page, shown.items.len()),
        "count": shown.count,
    })))
}
