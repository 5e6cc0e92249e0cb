//! ListBridgeFunctions, ListBridgeVersions: the bridge functions a function is bound to
//! (the URNs in its `bind_bridge_funcUrns`, as CreateFunction or UpdateFunctionConfig
//! stored them) and the bridge code versions of each type.

use serde_json::Value;

use super::{Ctx, function};
use crate::api::api_error::ApiError;
use crate::api::routes::query_value;
use crate::api::views::{Shape, function_json};
use crate::http::reply::Reply;
use crate::http::site::Target;
use crate::runtime::state::State;

/// The bridge types, each with its code package's version.
const BRIDGES: [(&str, &str); 3] = [("rds", "B101.1"), ("mqs", "B101.2"), ("cache", "B100.8")];

/// A `type` the service knows; 400 `FSS.0400` for any other.
fn bridge_type(kind: &str) -> Result<&'static (&'static str, &'static str), ApiError> {
    BRIDGES
        .iter()
        .find(|(name, _)| *name == kind)
        .ok_or_else(|| ApiError::invalid("type", format!("`{kind}` is not rds, mqs or cache")))
}

/// `GET /functions/{function_urn}/servicebridge/relation?type=`: the functions named in
/// the function's `bind_bridge_funcUrns` that exist, as the function list shows them;
/// `type` (if given) must be a bridge type.
pub(crate) fn list_functions(
    state: &State,
    ctx: &Ctx<'_>,
    target: &Target,
    query: &[(String, String)],
) -> Result<Reply, ApiError> {
    if let Some(kind) = query_value(query, "type") {
        bridge_type(kind)?;
    }
    let function = function(state, target)?;
    let bound: Vec<Value> = function
        .latest
        .metadata
        .get("bind_bridge_funcUrns")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .filter_map(|urn| Target::parse(urn, ctx.site).ok())
        .filter_map(|t| state.get(&t.package, &t.name))
        .map(|f| function_json(ctx.site, f, &f.latest, None, Shape::ListItem))
        .collect();
    Ok(Reply::ok(&Value::Array(bound)))
}

/// `GET /servicebridge/version?type=` (required): the bridge code package of that type.
pub(crate) fn list_versions(query: &[(String, String)]) -> Result<Reply, ApiError> {
    let kind = query_value(query, "type").ok_or_else(|| ApiError::missing("type"))?;
    let (name, version) = bridge_type(kind)?;
    Ok(Reply::ok(&serde_json::json!([{
        "code_url": format!("https://functiongraph-bridge.obs.myhuaweicloud.com/depends/public/{name}-bridge-{version}.zip"),
        "name": format!("functiongraph-{name}-bridge"),
        "version": version,
    }])))
}
