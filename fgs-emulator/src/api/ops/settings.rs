//! UpdateFunctionCollectState, ShowFuncSnapshotState, UpdateFuncSnapshot: a function's
//! pin in the console's list and the snapshot switch of its published versions.

use serde_json::json;

use super::observability::ok_empty;
use super::{Ctx, function, function_mut, version_of};
use crate::api::api_error::ApiError;
use crate::http::reply::Reply;
use crate::http::site::Target;
use crate::runtime::state::{LATEST, State};

/// `PUT /functions/{func_urn}/collect/{state}`: `true` or `false`.
pub(crate) fn update_collect_state(
    state: &mut State,
    ctx: &Ctx<'_>,
    func_urn: &str,
    pinned: &str,
) -> Result<Reply, ApiError> {
    let pinned = match pinned {
        "true" => true,
        "false" => false,
        other => {
            return Err(ApiError::invalid(
                "state",
                format!("`{other}` is not true or false"),
            ));
        }
    };
    let target = Target::parse(func_urn, ctx.site)?;
    function_mut(state, &target)?.settings.pinned = pinned;
    Ok(ok_empty())
}

/// The published version a snapshot URN names: a version or an alias's version, not
/// `latest` (400 `FSS.0400`).
fn snapshot_version(state: &State, target: &Target) -> Result<String, ApiError> {
    let function = function(state, target)?;
    let version = version_of(function, target)?;
    if version.name == LATEST || target.qualifier.is_none() {
        return Err(ApiError::invalid(
            "function_urn",
            "snapshots are for published versions, not latest",
        ));
    }
    Ok(version.name.clone())
}

/// `GET /functions/{urn}/snapshots/{action}`: `state` or `enableSnapshot`, both
/// answering whether the version's snapshots are on.
pub(crate) fn get_snapshot_state(
    state: &State,
    target: &Target,
    action: &str,
) -> Result<Reply, ApiError> {
    if !matches!(action, "state" | "enableSnapshot") {
        return Err(ApiError::invalid(
            "action",
            format!("`{action}` is not state or enableSnapshot"),
        ));
    }
    let function = function(state, target)?;
    let version = version_of(function, target)?;
    let on = function.settings.snapshots.contains(&version.name);
    Ok(Reply::ok(&json!({
        "code": "0",
        "state": if on { "enable" } else { "disable" },
    })))
}

/// `POST /functions/{urn}/snapshots/{action}`: `enable` or `disable`, for Java functions
/// and published versions only; 204.
pub(crate) fn update_snapshot(
    state: &mut State,
    target: &Target,
    action: &str,
) -> Result<Reply, ApiError> {
    let enable = match action {
        "enable" => true,
        "disable" => false,
        other => {
            return Err(ApiError::invalid(
                "action",
                format!("`{other}` is not enable or disable"),
            ));
        }
    };
    let version = snapshot_version(state, target)?;
    let function = function_mut(state, target)?;
    let runtime = function
        .version(&version)
        .and_then(|v| v.text("runtime"))
        .unwrap_or_default();
    if enable && !runtime.starts_with("Java") {
        return Err(ApiError::invalid(
            "function_urn",
            format!("snapshots are for Java functions; this one runs {runtime}"),
        ));
    }
    let snapshots = &mut function.settings.snapshots;
    snapshots.retain(|v| *v != version);
    if enable {
        snapshots.push(version);
    }
    Ok(Reply::no_content())
}
