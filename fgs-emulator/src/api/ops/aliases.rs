//! CreateAlias, UpdateAlias, DeleteAlias, GetAlias, ListAlias.

use serde_json::Value;

use super::{Ctx, function, function_mut};
use crate::api::api_error::{ApiError, code};
use crate::api::validate::alias::{AliasInput, check_alias, check_name};
use crate::api::validate::object_body;
use crate::api::views::alias_json;
use crate::http::reply::Reply;
use crate::http::site::Target;
use crate::runtime::state::{AliasRecord, FunctionRecord, State};

/// Every version an alias body names must exist (404 `FSS.1052`).
fn check_versions_exist(function: &FunctionRecord, input: &AliasInput) -> Result<(), ApiError> {
    let canaries = input
        .weights
        .keys()
        .chain(input.strategy.iter().flat_map(|(_, parsed)| parsed.keys()));
    for version in std::iter::once(&input.version).chain(canaries) {
        if function.version(version).is_none() {
            return Err(ApiError::version_not_found(version));
        }
    }
    Ok(())
}

/// `POST /functions/{urn}/aliases`.
pub(crate) fn create(
    state: &mut State,
    ctx: &Ctx<'_>,
    target: &Target,
    body: &[u8],
) -> Result<Reply, ApiError> {
    let function = function_mut(state, target)?;
    let body = object_body(body, false)?;
    let name = check_name(&body)?;
    let input = check_alias(&body)?;
    check_versions_exist(function, &input)?;
    if function.alias(&name).is_some() {
        return Err(ApiError::conflict(
            code::ALIAS_EXISTS,
            format!("the alias `{name}` already exists"),
        ));
    }
    let alias = AliasRecord {
        name,
        version: input.version,
        description: input.description.unwrap_or_default(),
        weights: input.weights,
        strategy: input.strategy,
        last_modified: ctx.now,
        weighted_picks: 0,
    };
    let answer = alias_json(ctx.site, function, &alias, true);
    function.aliases.push(alias);
    Ok(Reply::ok(&answer))
}

/// `PUT /functions/{urn}/aliases/{name}`: the version and the canary settings are
/// replaced (absent canary fields remove the canary); an absent description is kept.
pub(crate) fn update(
    state: &mut State,
    ctx: &Ctx<'_>,
    target: &Target,
    name: &str,
    body: &[u8],
) -> Result<Reply, ApiError> {
    let function = function_mut(state, target)?;
    if function.alias(name).is_none() {
        return Err(ApiError::alias_not_found(name));
    }
    let body = object_body(body, false)?;
    let input = check_alias(&body)?;
    check_versions_exist(function, &input)?;
    let alias = function
        .alias_mut(name)
        .ok_or_else(|| ApiError::alias_not_found(name))?;
    alias.version = input.version;
    if let Some(description) = input.description {
        alias.description = description;
    }
    alias.weights = input.weights;
    alias.strategy = input.strategy;
    alias.last_modified = ctx.now;
    alias.weighted_picks = 0;
    let alias = alias.clone();
    Ok(Reply::ok(&alias_json(ctx.site, function, &alias, false)))
}

/// `DELETE /functions/{urn}/aliases/{name}`; 403 `FSS.1154` while triggers are bound
/// to the alias.
pub(crate) fn delete(state: &mut State, target: &Target, name: &str) -> Result<Reply, ApiError> {
    let function = function_mut(state, target)?;
    if function.alias(name).is_none() {
        return Err(ApiError::alias_not_found(name));
    }
    let qualifier = format!("!{name}");
    if function.triggers.iter().any(|t| t.qualifier == qualifier) {
        return Err(ApiError::forbidden(
            code::ALIAS_HAS_TRIGGERS,
            format!("the alias `{name}` has triggers; delete them first"),
        ));
    }
    function.aliases.retain(|a| a.name != name);
    function.async_configs.retain(|c| c.qualifier != qualifier);
    Ok(Reply::no_content())
}

/// `GET /functions/{urn}/aliases/{name}`.
pub(crate) fn get(
    state: &State,
    ctx: &Ctx<'_>,
    target: &Target,
    name: &str,
) -> Result<Reply, ApiError> {
    let function = function(state, target)?;
    let alias = function
        .alias(name)
        .ok_or_else(|| ApiError::alias_not_found(name))?;
    Ok(Reply::ok(&alias_json(ctx.site, function, alias, true)))
}

/// `GET /functions/{urn}/aliases`: a bare array.
pub(crate) fn list(state: &State, ctx: &Ctx<'_>, target: &Target) -> Result<Reply, ApiError> {
    let function = function(state, target)?;
    let aliases: Vec<Value> = function
        .aliases
        .iter()
        .map(|a| alias_json(ctx.site, function, a, false))
        .collect();
    Ok(Reply::ok(&Value::Array(aliases)))
}
