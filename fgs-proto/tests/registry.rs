//! Every operation of the registry, from its fixture: the request it builds has the
//! registry's method, a path matching the registry's template and the registry's
//! idempotency (which follows the method); its AK/SK-signed request is its snapshot;
//! and every error-body shape reads as a service error. A registry operation without a
//! fixture does not compile here; one whose snapshot is missing fails naming the
//! snapshot.

mod common;
mod error_shapes;

use std::collections::BTreeSet;

use common::fixtures::Fixture;
use common::{aksk_config, render};
use fgs_proto::registry::{self, OperationInfo};
use fgs_proto::{Operation, for_each_operation};

/// Which operations a suite ran, to compare with the registry.
type Seen = BTreeSet<&'static str>;

/// Fails naming the registry operations `seen` lacks.
fn assert_all_seen(suite: &str, seen: &Seen) {
    let missing: Vec<_> = registry::ALL
        .iter()
        .map(|info| info.name)
        .filter(|name| !seen.contains(name))
        .collect();
    assert!(missing.is_empty(), "{suite}: not run for {missing:?}");
}

fn check_request<O: Fixture>(seen: &mut Seen) {
    let info: &OperationInfo = O::INFO;
    let name = info.name;
    assert_eq!(
        O::NAME,
        name,
        "{}: NAME is not the registry's",
        info.rust_type
    );
    let op = O::minimal();
    // The registry's row is the default; an operation that overrides it must agree.
    assert_eq!(op.idempotent(), info.idempotent, "{name}: idempotency");
    // And the row follows the method's semantics (GET, PUT and DELETE are idempotent in
    // HTTP, POST is not), so a slip in a row fails here: retrying a non-idempotent
    // request after it may have been sent could create a second function or trigger.
    assert_eq!(
        info.idempotent,
        info.method != http::Method::POST,
        "{name}: a {} the registry calls {}idempotent",
        info.method,
        if info.idempotent { "" } else { "non-" }
    );
    let request = op
        .request(&aksk_config())
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    assert_eq!(request.method(), info.method, "{name}: method");
    let segments: Vec<&str> = request.uri().path()[1..].split('/').collect();
    let params = info.match_segments(&segments).unwrap_or_else(|| {
        panic!(
            "{name}: {} does not match {}",
            request.uri().path(),
            info.path
        )
    });
    assert_eq!(params.first().map(|p| p.1), Some(common::PROJECT), "{name}");
    assert!(seen.insert(name), "{name} twice");
}

#[test]
fn every_request_has_the_registry_method_and_path() {
    let mut seen = Seen::new();
    macro_rules! each {
        ($($op:ty),* $(,)?) => { $( check_request::<$op>(&mut seen); )* };
    }
    for_each_operation!(each);
    assert_all_seen("requests", &seen);
    assert_eq!(seen.len(), registry::ALL.len());
}

fn snapshot<O: Fixture>() {
    let rendered = render(&O::minimal(), &aksk_config());
    insta::with_settings!({ prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!(O::SNAPSHOT, rendered);
    });
}

#[test]
fn every_minimal_request_is_its_snapshot() {
    macro_rules! each {
        ($($op:ty),* $(,)?) => { $( snapshot::<$op>(); )* };
    }
    for_each_operation!(each);
}

#[test]
fn every_operation_reads_every_error_shape() {
    let mut seen = Seen::new();
    macro_rules! each {
        ($($op:ty),* $(,)?) => { $(
            error_shapes::assert_error_shapes(&<$op as Fixture>::minimal());
            seen.insert(<$op as Operation>::NAME);
        )* };
    }
    for_each_operation!(each);
    assert_all_seen("error shapes", &seen);
}

/// The official names of all operations of FunctionGraph v2, one per OpenAPI definition
/// the service publishes: the registry must hold each exactly once, and nothing else.
const OFFICIAL_OPERATIONS: [&str; 92] = [
    "AsyncInvokeFunction",
    "BatchDeleteFunctionTriggers",
    "BatchDeleteWorkflows",
    "CancelAsyncInvocation",
    "CreateCallbackWorkflow",
    "CreateDependencyVersion",
    "CreateEvent",
    "CreateFunction",
    "CreateFunctionApp",
    "CreateFunctionTrigger",
    "CreateFunctionVersion",
    "CreateTags",
    "CreateVersionAlias",
    "CreateVpcEndpoint",
    "CreateWorkflow",
    "DeleteDependencyVersion",
    "DeleteEvent",
    "DeleteFunction",
    "DeleteFunctionApp",
    "DeleteFunctionAsyncInvokeConfig",
    "DeleteFunctionTrigger",
    "DeleteTags",
    "DeleteVersionAlias",
    "DeleteVpcEndpoint",
    "EnableAsyncStatusLog",
    "EnableLtsLogs",
    "ExportFunction",
    "ImportFunction",
    "InvokeFunction",
    "ListActiveAsyncInvocations",
    "ListAppTemplates",
    "ListAsyncInvocations",
    "ListBridgeFunctions",
    "ListBridgeVersions",
    "ListDependencies",
    "ListDependencyVersion",
    "ListEvents",
    "ListFunctionApplications",
    "ListFunctionAsMetric",
    "ListFunctionAsyncInvokeConfig",
    "ListFunctionReservedInstances",
    "ListFunctionStatistics",
    "ListFunctionTags",
    "ListFunctionTemplate",
    "ListFunctionTriggers",
    "ListFunctionVersions",
    "ListFunctions",
    "ListQuotas",
    "ListReservedInstanceConfigs",
    "ListStatistics",
    "ListVersionAliases",
    "ListWorkflow",
    "ListWorkflowExecutions",
    "RetryWorkFlow",
    "ShowAppTemplate",
    "ShowDependencyVersion",
    "ShowEvent",
    "ShowFuncReservedInstanceMetrics",
    "ShowFuncSnapshotState",
    "ShowFunctionApp",
    "ShowFunctionAsyncInvokeConfig",
    "ShowFunctionCode",
    "ShowFunctionConfig",
    "ShowFunctionMetrics",
    "ShowFunctionTemplate",
    "ShowFunctionTrigger",
    "ShowLtsLogDetails",
    "ShowProjectAsyncStatusLogInfo",
    "ShowProjectTagsList",
    "ShowResInstanceInfo",
    "ShowTenantMetric",
    "ShowTracing",
    "ShowVersionAlias",
    "ShowWorkFlow",
    "ShowWorkFlowMetric",
    "ShowWorkflowExecution",
    "ShowWorkflowExecutionForPage",
    "StartSyncWorkflowExecution",
    "StartWorkflowExecution",
    "StopWorkFlow",
    "UpdateEvent",
    "UpdateFuncSnapshot",
    "UpdateFunctionAsyncInvokeConfig",
    "UpdateFunctionCode",
    "UpdateFunctionCollectState",
    "UpdateFunctionConfig",
    "UpdateFunctionMaxInstanceConfig",
    "UpdateFunctionReservedInstancesCount",
    "UpdateTracing",
    "UpdateTrigger",
    "UpdateVersionAlias",
    "UpdateWorkFlow",
];

#[test]
fn the_registry_holds_every_official_operation_and_nothing_else() {
    let official: BTreeSet<&str> = OFFICIAL_OPERATIONS.into_iter().collect();
    assert_eq!(official.len(), 92, "the list names each operation once");
    let mut held = BTreeSet::new();
    for info in registry::ALL {
        assert!(
            held.insert(info.official),
            "{} is in the registry twice",
            info.official
        );
    }
    let missing: Vec<_> = official.difference(&held).collect();
    let unknown: Vec<_> = held.difference(&official).collect();
    assert!(missing.is_empty(), "not in the registry: {missing:?}");
    assert!(unknown.is_empty(), "not official operations: {unknown:?}");
    assert_eq!(registry::ALL.len(), 92);
    // Our names are unique too: they key the emulator's handlers and the logs.
    let ours: BTreeSet<&str> = registry::ALL.iter().map(|info| info.name).collect();
    assert_eq!(ours.len(), 92, "two operations share a name");
}
