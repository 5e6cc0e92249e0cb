//! The operations, one handler per operation of the registry. Each takes the state
//! (locked by the caller) and the parsed request, and answers a [`Reply`] or an
//! [`ApiError`].

mod aliases;
mod apps;
mod async_invocations;
mod bridge;
mod dependencies;
mod events;
mod functions;
mod invoke;
mod metrics;
mod observability;
mod paging;
mod scaling;
mod settings;
mod tags;
mod transfer;
mod triggers;
mod versions;
mod vpc_endpoints;
mod workflows;

pub(crate) use invoke::run_function;

use std::sync::Arc;

use bytes::Bytes;
use fgs_proto::Qualifier;
use http::HeaderMap;
use time::OffsetDateTime;

use crate::api::api_error::{ApiError, code};
use fgs_proto::registry::OperationInfo;

use crate::api::routes::{Matched, TriggerRef, query_pairs};
use crate::http::reply::Reply;
use crate::http::site::{Site, Target};
use crate::runtime::async_log::AsyncLog;
use crate::runtime::state::{FunctionRecord, LATEST, State, VersionRecord};
use crate::shared::Shared;

/// What every operation may need besides the state.
pub(crate) struct Ctx<'a> {
    pub site: &'a Site,
    pub now: OffsetDateTime,
    /// The asynchronous invocations (their records and configuration are read and
    /// cancelled with the state locked).
    pub async_log: &'a AsyncLog,
}

/// A routed, authenticated request.
pub(crate) struct Request<'a> {
    pub matched: &'a Matched,
    pub query: Option<&'a str>,
    pub headers: &'a HeaderMap,
    pub body: Bytes,
    pub request_id: &'a str,
}

/// What a locked handler gets from the request.
pub(crate) struct Args<'a> {
    target: Option<Target>,
    alias: Option<&'a str>,
    trigger: Option<&'a TriggerRef>,
    matched: &'a Matched,
    query: Option<&'a str>,
    body: &'a [u8],
    headers: &'a HeaderMap,
}

impl Args<'_> {
    fn target(&self) -> Result<&Target, ApiError> {
        need(self.target.as_ref())
    }
    fn alias(&self) -> Result<&str, ApiError> {
        need(self.alias)
    }
    fn trigger(&self) -> Result<&TriggerRef, ApiError> {
        need(self.trigger)
    }
    fn param(&self, name: &str) -> Result<&str, ApiError> {
        need(self.matched.param(name))
    }
    fn query(&self) -> Vec<(String, String)> {
        query_pairs(self.query)
    }
}

/// A handler that runs with the state locked.
type Locked = fn(&mut State, &Ctx<'_>, &Args<'_>) -> Result<Reply, ApiError>;

/// How the emulator serves an operation.
pub(crate) enum Handler {
    /// With the state locked, start to finish.
    Locked(Locked),
    /// Runs the function (awaits the handler, unlocked).
    Invoke,
    /// Records and starts an asynchronous invocation.
    AsyncInvoke,
    /// A workflow operation (its executions run functions, unlocked).
    Workflow,
}

/// The emulator's handler of a registry operation; `None` for one it does not serve
/// (answered 501, and reported by name by the test that walks the registry).
pub(crate) fn handler(operation: &OperationInfo) -> Option<Handler> {
    use Handler::Locked as L;
    Some(match operation.name {
        "Create" => L(|s, c, a| functions::create(s, c, a.body)),
        "List" => L(|s, c, a| functions::list(s, c, &a.query())),
        "GetMetadata" => L(|s, c, a| functions::get_metadata(s, c, a.target()?)),
        "GetCode" => L(|s, c, a| functions::get_code(s, c, a.target()?)),
        "Delete" => L(|s, _, a| functions::delete(s, a.target()?)),
        "UpdateCode" => L(|s, c, a| functions::update_code(s, c, a.target()?, a.body)),
        "UpdateMetadata" => L(|s, c, a| functions::update_metadata(s, c, a.target()?, a.body)),
        "CreateVersion" => L(|s, c, a| versions::create(s, c, a.target()?, a.body)),
        "ListVersion" => L(|s, c, a| versions::list(s, c, a.target()?, &a.query())),
        "CreateAlias" => L(|s, c, a| aliases::create(s, c, a.target()?, a.body)),
        "UpdateAlias" => L(|s, c, a| aliases::update(s, c, a.target()?, a.alias()?, a.body)),
        "DeleteAlias" => L(|s, _, a| aliases::delete(s, a.target()?, a.alias()?)),
        "GetAlias" => L(|s, c, a| aliases::get(s, c, a.target()?, a.alias()?)),
        "ListAlias" => L(|s, c, a| aliases::list(s, c, a.target()?)),
        "Invoke" => Handler::Invoke,
        "AsyncInvoke" => Handler::AsyncInvoke,
        "ListTriggers" => L(|s, _, a| triggers::list(s, a.target()?)),
        "CreateTrigger" => L(|s, c, a| triggers::create(s, c, a.target()?, a.body)),
        "GetTrigger" => L(|s, _, a| triggers::get(s, a.target()?, a.trigger()?)),
        "DeleteTrigger" => L(|s, _, a| triggers::delete(s, a.target()?, a.trigger()?)),
        "DeleteAllTriggers" => L(|s, _, a| triggers::delete_all(s, a.target()?)),
        "ListDependencies" => L(|s, c, a| dependencies::list(s, c, &a.query())),
        "CreateDependencyVersion" => L(|s, c, a| dependencies::create_version(s, c, a.body)),
        "ListDependencyVersions" => {
            L(|s, c, a| dependencies::list_versions(s, c, a.param("depend_id")?, &a.query()))
        }
        "GetDependencyVersion" => {
            L(
                |s, c, a| {
                    dependencies::get_version(s, c, a.param("depend_id")?, a.param("version")?)
                },
            )
        }
        "DeleteDependencyVersion" => {
            L(
                |s, _, a| {
                    dependencies::delete_version(s, a.param("depend_id")?, a.param("version")?)
                },
            )
        }
        "CreateEvent" => L(|s, c, a| events::create(s, c, a.target()?, a.body)),
        "ListEvents" => L(|s, _, a| events::list(s, a.target()?)),
        "GetEvent" => L(|s, _, a| events::get(s, a.target()?, a.param("event_id")?)),
        "UpdateEvent" => {
            L(|s, c, a| events::update(s, c, a.target()?, a.param("event_id")?, a.body))
        }
        "DeleteEvent" => L(|s, _, a| events::delete(s, a.target()?, a.param("event_id")?)),
        "UpdateTrigger" => L(|s, c, a| triggers::update(s, c, a.target()?, a.trigger()?, a.body)),
        "UpdateMaxInstanceConfig" => {
            L(|s, c, a| scaling::update_max_instances(s, c, a.target()?, a.body))
        }
        "UpdateReservedInstances" => L(|s, _, a| scaling::update_reserved(s, a.target()?, a.body)),
        "ListReservedInstances" => L(|s, c, a| scaling::list_reserved(s, c, &a.query())),
        "ListReservedInstanceConfigs" => {
            L(|s, c, a| scaling::list_reserved_configs(s, c, &a.query()))
        }
        "CreateTags" => L(|s, c, a| {
            tags::create(
                s,
                c,
                a.param("resource_type")?,
                a.param("resource_id")?,
                a.body,
            )
        }),
        "DeleteTags" => L(|s, c, a| {
            tags::delete(
                s,
                c,
                a.param("resource_type")?,
                a.param("resource_id")?,
                a.body,
            )
        }),
        "ListTags" => {
            L(|s, c, a| tags::list(s, c, a.param("resource_type")?, a.param("resource_id")?))
        }
        "ListProjectTags" => L(|s, _, a| tags::list_project(s, a.param("resource_type")?)),
        "ListResourcesByTags" => L(|s, c, a| {
            tags::resources(s, c, a.param("resource_type")?, a.param("action")?, a.body)
        }),
        "Import" => L(|s, c, a| transfer::import(s, c, a.body)),
        "Export" => L(|s, _, a| transfer::export(s, a.target()?, &a.query())),
        "UpdateCollectState" => L(|s, c, a| {
            settings::update_collect_state(s, c, a.param("func_urn")?, a.param("state")?)
        }),
        "GetSnapshotState" => {
            L(|s, _, a| settings::get_snapshot_state(s, a.target()?, a.param("action")?))
        }
        "UpdateSnapshot" => {
            L(|s, _, a| settings::update_snapshot(s, a.target()?, a.param("action")?))
        }
        "EnableLtsLogs" => L(|s, _, _| observability::enable_lts(s)),
        "GetLtsLogDetails" => L(|s, c, a| observability::lts_log_details(s, c, a.target()?)),
        "EnableAsyncStatusLog" => L(|s, _, _| observability::enable_async_status_log(s)),
        "GetAsyncStatusLog" => L(|s, c, _| observability::async_status_log(s, c)),
        "GetTracing" => L(|s, _, a| observability::get_tracing(s, a.target()?)),
        "UpdateTracing" => L(|s, _, a| observability::update_tracing(s, a.target()?, a.body)),
        "UpdateAsyncInvokeConfig" => {
            L(|s, c, a| async_invocations::update_config(s, c, a.target()?, a.body))
        }
        "GetAsyncInvokeConfig" => L(|s, c, a| async_invocations::get_config(s, c, a.target()?)),
        "ListAsyncInvokeConfigs" => {
            L(|s, c, a| async_invocations::list_configs(s, c, a.target()?, &a.query()))
        }
        "DeleteAsyncInvokeConfig" => L(|s, _, a| async_invocations::delete_config(s, a.target()?)),
        "ListAsyncInvocations" => {
            L(|s, c, a| async_invocations::list(s, c, a.target()?, &a.query()))
        }
        "ListActiveAsyncInvocations" => {
            L(|s, c, a| async_invocations::list_active(s, c, a.target()?, &a.query()))
        }
        "CancelAsyncInvocation" => {
            L(|s, c, a| async_invocations::cancel(s, c, a.target()?, a.body))
        }
        "GetFunctionStatistics" => L(|s, c, a| {
            metrics::function_series(s, c, a.param("func_urn")?, a.param("period")?, false)
        }),
        "GetFunctionMetrics" => L(|s, c, a| {
            metrics::function_series(s, c, a.param("func_urn")?, a.param("period")?, true)
        }),
        "ListFunctionsByMetric" => L(|s, c, a| metrics::functions_by_metric(s, c, &a.query())),
        "GetProjectStatistics" => L(|s, c, a| metrics::project_statistics(s, c, &a.query())),
        "GetReservedInstanceMetrics" => {
            L(|s, c, a| metrics::instance_report(s, c, a.param("func_urn")?, &a.query()))
        }
        "ListQuotas" => L(|s, _, _| Ok(metrics::quotas(s))),
        "GetProjectWorkflowMetrics" => L(|s, c, a| metrics::project_workflows(s, c, &a.query())),
        "GetWorkflowMetrics" => {
            L(|s, c, a| metrics::workflow(s, c, a.param("workflow_urn")?, &a.query()))
        }
        "ListAppTemplates" => L(|_, _, a| apps::list_app_templates(&a.query(), a.headers)),
        "GetAppTemplate" => L(|s, _, a| apps::get_app_template(s, a.param("id")?)),
        "CreateApp" => L(|s, c, a| apps::create(s, c, a.body)),
        "ListApps" => L(|s, _, a| apps::list(s, &a.query())),
        "GetApp" => L(|s, c, a| apps::get(s, c, a.param("id")?)),
        "DeleteApp" => L(|s, _, a| apps::delete(s, a.param("id")?)),
        "ListFunctionTemplates" => L(|_, _, a| apps::list_function_templates(&a.query())),
        "GetFunctionTemplate" => L(|_, _, a| apps::get_function_template(a.param("template_id")?)),
        "ListBridgeFunctions" => L(|s, c, a| bridge::list_functions(s, c, a.target()?, &a.query())),
        "ListBridgeVersions" => L(|_, _, a| bridge::list_versions(&a.query())),
        "CreateVpcEndpoint" => L(|s, c, a| vpc_endpoints::create(s, c, a.body)),
        "DeleteVpcEndpoint" => {
            L(|s, _, a| vpc_endpoints::delete(s, a.param("vpc_id")?, a.param("subnet_id")?))
        }
        name if operation.group == fgs_proto::registry::Group::Workflows
            && workflows::serves(name) =>
        {
            Handler::Workflow
        }
        _ => return None,
    })
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
    let run = match handler(matched.operation) {
        Some(Handler::Locked(run)) => run,
        Some(Handler::Invoke) => return invoke::sync(shared, need(target)?, request).await,
        Some(Handler::AsyncInvoke) => {
            return invoke::start_async(shared, need(target)?, request);
        }
        Some(Handler::Workflow) => return workflows::serve(shared, request).await,
        None => {
            return Err(ApiError::new(
                http::StatusCode::NOT_IMPLEMENTED,
                code::INTERNAL,
                format!("{} is not emulated", matched.operation.name),
            ));
        }
    };
    let ctx = Ctx {
        site: &shared.site,
        now: shared.clock.now(),
        async_log: &shared.async_log,
    };
    let args = Args {
        target,
        alias: matched.alias.as_deref(),
        trigger: matched.trigger.as_ref(),
        matched,
        query: request.query,
        body: &request.body[..],
        headers: request.headers,
    };
    let mut state = shared.state();
    run(&mut state, &ctx, &args)
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

#[cfg(test)]
mod registry_tests {
    use super::handler;

    #[test]
    fn every_operation_of_the_registry_has_a_handler() {
        let missing: Vec<_> = fgs_proto::registry::ALL
            .iter()
            .filter(|info| handler(info).is_none())
            .map(|info| info.name)
            .collect();
        assert!(missing.is_empty(), "no emulator handler for {missing:?}");
    }
}
