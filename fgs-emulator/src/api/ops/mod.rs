//! The 21 operations. Each takes the state (locked by the caller) and the parsed
//! request, and answers a [`Reply`] or an [`ApiError`].

mod aliases;
mod functions;
mod invoke;
mod paging;
mod triggers;
mod versions;

use std::sync::Arc;

use bytes::Bytes;
use fgs_proto::Qualifier;
use http::HeaderMap;
use time::OffsetDateTime;

use crate::api::api_error::{ApiError, code};
use crate::api::routes::{Matched, Route, query_pairs};
use crate::http::reply::Reply;
use crate::http::site::{Site, Target};
use crate::runtime::clock;
use crate::runtime::state::{FunctionRecord, LATEST, State, VersionRecord};
use crate::shared::Shared;

/// What every operation may need besides the state.
pub(crate) struct Ctx<'a> {
    pub site: &'a Site,
    pub now: OffsetDateTime,
}

/// A routed, authenticated request.
pub(crate) struct Request<'a> {
    pub matched: &'a Matched,
    pub query: Option<&'a str>,
    pub headers: &'a HeaderMap,
    pub body: Bytes,
    pub request_id: &'a str,
}

/// Runs the operation a request routed to.
pub(crate) async fn dispatch(
    shared: &Arc<Shared>,
    request: Request<'_>,
) -> Result<Reply, ApiError> {
    let matched = request.matched;
    let target = matched
        .function_urn
        .as_deref()
        .map(|urn| Target::parse(urn, &shared.site))
        .transpose()?;
    match matched.route {
        Route::Invoke => {
            return invoke::sync(shared, need(target)?, request).await;
        }
        Route::AsyncInvoke => return invoke::start_async(shared, need(target)?, request),
        _ => {}
    }
    let ctx = Ctx {
        site: &shared.site,
        now: clock::now(),
    };
    let body = &request.body[..];
    let mut state = shared.state();
    let state = &mut *state;
    let alias = || need(matched.alias.as_deref());
    let trigger = || need(matched.trigger.as_ref());
    match matched.route {
        Route::Create => functions::create(state, &ctx, body),
        Route::List => functions::list(state, &ctx, &query_pairs(request.query)),
        Route::GetMetadata => functions::get_metadata(state, &ctx, &need(target)?),
        Route::GetCode => functions::get_code(state, &ctx, &need(target)?),
        Route::Delete => functions::delete(state, &need(target)?),
        Route::UpdateCode => functions::update_code(state, &ctx, &need(target)?, body),
        Route::UpdateMetadata => functions::update_metadata(state, &ctx, &need(target)?, body),
        Route::CreateVersion => versions::create(state, &ctx, &need(target)?, body),
        Route::ListVersion => {
            versions::list(state, &ctx, &need(target)?, &query_pairs(request.query))
        }
        Route::CreateAlias => aliases::create(state, &ctx, &need(target)?, body),
        Route::UpdateAlias => aliases::update(state, &ctx, &need(target)?, alias()?, body),
        Route::DeleteAlias => aliases::delete(state, &need(target)?, alias()?),
        Route::GetAlias => aliases::get(state, &ctx, &need(target)?, alias()?),
        Route::ListAlias => aliases::list(state, &ctx, &need(target)?),
        Route::ListTriggers => triggers::list(state, &need(target)?),
        Route::CreateTrigger => triggers::create(state, &ctx, &need(target)?, body),
        Route::GetTrigger => triggers::get(state, &need(target)?, trigger()?),
        Route::DeleteTrigger => triggers::delete(state, &need(target)?, trigger()?),
        Route::DeleteAllTriggers => triggers::delete_all(state, &need(target)?),
        Route::Any | Route::Invoke | Route::AsyncInvoke => Err(internal("unroutable request")),
    }
}

/// A path parameter the router guarantees for this route.
fn need<T>(value: Option<T>) -> Result<T, ApiError> {
    value.ok_or_else(|| internal("a path parameter is missing"))
}

fn internal(why: &str) -> ApiError {
    ApiError::new(http::StatusCode::INTERNAL_SERVER_ERROR, code::INTERNAL, why)
}

/// The function a target names, or 404 `FSS.1051`.
fn function<'s>(state: &'s State, target: &Target) -> Result<&'s FunctionRecord, ApiError> {
    state
        .get(&target.package, &target.name)
        .ok_or_else(|| ApiError::function_not_found(&target.package, &target.name))
}

/// The function a target names, for changes, or 404 `FSS.1051`.
fn function_mut<'s>(
    state: &'s mut State,
    target: &Target,
) -> Result<&'s mut FunctionRecord, ApiError> {
    state
        .get_mut(&target.package, &target.name)
        .ok_or_else(|| ApiError::function_not_found(&target.package, &target.name))
}

/// The version a target names: `latest` when unqualified, an alias's primary version.
/// 404 `FSS.1052` / `FSS.1053` when the version or alias does not exist.
fn version_of<'f>(
    function: &'f FunctionRecord,
    target: &Target,
) -> Result<&'f VersionRecord, ApiError> {
    let name = match &target.qualifier {
        None => LATEST,
        Some(Qualifier::Version(v)) => v.as_str(),
        Some(Qualifier::Alias(a)) => function
            .alias(a)
            .map(|alias| alias.version.as_str())
            .ok_or_else(|| ApiError::alias_not_found(a))?,
    };
    function
        .version(name)
        .ok_or_else(|| ApiError::version_not_found(name))
}

/// The qualifier text of the URN as asked (`None` when unqualified).
fn asked_qualifier(target: &Target) -> Option<String> {
    target.qualifier.as_ref().map(Qualifier::to_string)
}

/// Updates act on `latest` only.
fn require_latest(target: &Target) -> Result<(), ApiError> {
    if target.is_whole_function() {
        Ok(())
    } else {
        Err(ApiError::bad_request(
            code::INVALID_PARAMETER,
            "only the latest version of a function can be changed; publish a version to freeze it",
        ))
    }
}
