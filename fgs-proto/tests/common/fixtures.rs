//! One sample value per operation, for the suites that run every operation of the
//! registry (request snapshots, the registry check, error shapes, no-panic, fuzzing).
//!
//! Depends on `fgs_proto` alone, so the fuzz harness (its own crate) includes this file
//! too. An operation of the registry without an impl here fails to compile where a
//! suite expands `fgs_proto::for_each_operation!`, naming the type.
#![allow(dead_code)] // each includer uses its own subset

use std::time::Duration;

use fgs_proto::Operation;
use fgs_proto::code::Code;
use fgs_proto::functions::{
    AsyncInvoke, Create, CreateAlias, CreateVersion, Delete, DeleteAlias, FunctionConfig, GetAlias,
    GetCode, GetMetadata, Invoke, List, ListAlias, ListVersion, UpdateAlias, UpdateCode,
    UpdateMetadata,
};
use fgs_proto::model::{MemorySize, Runtime, TimerEventData, TriggerType};
use fgs_proto::triggers;
use fgs_proto::workflows;
use fgs_proto::{apps, bridge, metrics, templates, vpc_endpoints};
use fgs_proto::{async_invocations, dependencies, events, scaling, tags};

/// A full URN (qualified with `latest`).
pub(crate) const URN: &str =
    "urn:fss:cn-north-4:0123456789abcdef0123456789abcdef:function:default:hello:latest";
/// The URN without qualifier (the function itself).
pub(crate) const BASE_URN: &str =
    "urn:fss:cn-north-4:0123456789abcdef0123456789abcdef:function:default:hello";
/// A trigger id.
pub(crate) const TRIGGER_ID: &str = "9a14fae1-78cf-4185-ac7a-429eb6dc41fb";
/// A dependency id.
pub(crate) const DEPEND_ID: &str = "edbd67fa-f107-40b3-af75-a85f0577ad61";
/// A test event id.
pub(crate) const EVENT_ID: &str = "3b659dc0-12fc-40dc-aa05-a321d9424cb3";
/// A workflow URN.
pub(crate) const FLOW_URN: &str =
    "urn:fss:cn-north-4:0123456789abcdef0123456789abcdef:workflow:default:flow:latest";
/// An application or application-template id.
pub(crate) const APP_ID: &str = "cca14689-2a40-425a-86f8-14556a0fff9c";
/// Inline Python source for code-carrying operations.
pub(crate) const INLINE_SOURCE: &str = "def handler(event, context):\n    return 'hello'\n";

/// An operation with a sample value.
pub(crate) trait Fixture: Operation + Sized {
    /// The request snapshot (file stem in `tests/snapshots/`) of [`minimal`](Self::minimal)
    /// signed with AK/SK.
    const SNAPSHOT: &'static str;

    /// The operation with its required inputs only.
    fn minimal() -> Self;
}

impl Fixture for Create {
    const SNAPSHOT: &'static str = "requests_functions__create_minimal_aksk";
    fn minimal() -> Self {
        Create::new(
            "hello",
            "default",
            FunctionConfig::new(
                Runtime::Python39,
                "index.handler",
                MemorySize::mb(128),
                Duration::from_secs(30),
            ),
            Code::inline_source(INLINE_SOURCE),
        )
    }
}

impl Fixture for List {
    const SNAPSHOT: &'static str = "requests_core__list_minimal";
    fn minimal() -> Self {
        List::new()
    }
}

impl Fixture for GetMetadata {
    const SNAPSHOT: &'static str = "requests_core__get_metadata_aksk";
    fn minimal() -> Self {
        GetMetadata::new(URN)
    }
}

impl Fixture for GetCode {
    const SNAPSHOT: &'static str = "requests_functions__get_code_aksk";
    fn minimal() -> Self {
        GetCode::new(URN)
    }
}

impl Fixture for Delete {
    const SNAPSHOT: &'static str = "requests_functions__delete_aksk";
    fn minimal() -> Self {
        Delete::new(BASE_URN)
    }
}

impl Fixture for UpdateCode {
    const SNAPSHOT: &'static str = "requests_functions__update_code_minimal_aksk";
    fn minimal() -> Self {
        UpdateCode::new(URN, Code::inline_source(INLINE_SOURCE))
    }
}

impl Fixture for UpdateMetadata {
    const SNAPSHOT: &'static str = "requests_functions__update_metadata_minimal_aksk";
    fn minimal() -> Self {
        UpdateMetadata::new(
            URN,
            "hello",
            FunctionConfig::new(
                Runtime::NodeJs610,
                "index.handler",
                MemorySize::mb(768),
                Duration::from_secs(40),
            ),
        )
    }
}

impl Fixture for CreateVersion {
    const SNAPSHOT: &'static str = "requests_functions__create_version_minimal_aksk";
    fn minimal() -> Self {
        CreateVersion::new(BASE_URN)
    }
}

impl Fixture for ListVersion {
    const SNAPSHOT: &'static str = "requests_functions__list_version_minimal_aksk";
    fn minimal() -> Self {
        ListVersion::new(BASE_URN)
    }
}

impl Fixture for CreateAlias {
    const SNAPSHOT: &'static str = "requests_functions__create_alias_minimal_aksk";
    fn minimal() -> Self {
        CreateAlias::new(BASE_URN, "a1", "v1")
    }
}

impl Fixture for UpdateAlias {
    const SNAPSHOT: &'static str = "requests_functions__update_alias_minimal_aksk";
    fn minimal() -> Self {
        UpdateAlias::new(BASE_URN, "dev", "latest")
    }
}

impl Fixture for DeleteAlias {
    const SNAPSHOT: &'static str = "requests_functions__delete_alias_aksk";
    fn minimal() -> Self {
        DeleteAlias::new(BASE_URN, "dev")
    }
}

impl Fixture for GetAlias {
    const SNAPSHOT: &'static str = "requests_functions__get_alias_aksk";
    fn minimal() -> Self {
        GetAlias::new(BASE_URN, "dev")
    }
}

impl Fixture for ListAlias {
    const SNAPSHOT: &'static str = "requests_functions__list_alias_aksk";
    fn minimal() -> Self {
        ListAlias::new(BASE_URN)
    }
}

impl Fixture for Invoke {
    const SNAPSHOT: &'static str = "requests_invoke__invoke_minimal";
    fn minimal() -> Self {
        Invoke::new(URN)
    }
}

impl Fixture for AsyncInvoke {
    const SNAPSHOT: &'static str = "requests_invoke__async_invoke_minimal";
    fn minimal() -> Self {
        AsyncInvoke::new(URN)
    }
}

impl Fixture for triggers::List {
    const SNAPSHOT: &'static str = "requests_triggers__list_aksk";
    fn minimal() -> Self {
        triggers::List::new(URN)
    }
}

impl Fixture for triggers::Create {
    const SNAPSHOT: &'static str = "requests_triggers__create_timer_minimal";
    fn minimal() -> Self {
        triggers::Create::new(URN, TimerEventData::rate("Timer-l8v2", "3m"))
    }
}

impl Fixture for triggers::Delete {
    const SNAPSHOT: &'static str = "requests_triggers__delete_aksk";
    fn minimal() -> Self {
        triggers::Delete::new(URN, TriggerType::Obs, TRIGGER_ID)
    }
}

impl Fixture for triggers::Get {
    const SNAPSHOT: &'static str = "requests_triggers__get_aksk";
    fn minimal() -> Self {
        triggers::Get::new(URN, TriggerType::Timer, TRIGGER_ID)
    }
}

impl Fixture for triggers::DeleteAll {
    const SNAPSHOT: &'static str = "requests_triggers__delete_all_aksk";
    fn minimal() -> Self {
        triggers::DeleteAll::new(URN)
    }
}

impl Fixture for dependencies::List {
    const SNAPSHOT: &'static str = "requests_dependencies__list_minimal";
    fn minimal() -> Self {
        dependencies::List::new()
    }
}

impl Fixture for dependencies::CreateVersion {
    const SNAPSHOT: &'static str = "requests_dependencies__create_version_minimal";
    fn minimal() -> Self {
        dependencies::CreateVersion::obs(
            "pillow-7.1.2",
            Runtime::Python39,
            "https://bucket.obs.cn-north-4.myhuaweicloud.com/pillow.zip",
        )
    }
}

impl Fixture for dependencies::ListVersion {
    const SNAPSHOT: &'static str = "requests_dependencies__list_version_minimal";
    fn minimal() -> Self {
        dependencies::ListVersion::new(DEPEND_ID)
    }
}

impl Fixture for dependencies::GetVersion {
    const SNAPSHOT: &'static str = "requests_dependencies__get_version";
    fn minimal() -> Self {
        dependencies::GetVersion::new(DEPEND_ID, 1)
    }
}

impl Fixture for dependencies::DeleteVersion {
    const SNAPSHOT: &'static str = "requests_dependencies__delete_version";
    fn minimal() -> Self {
        dependencies::DeleteVersion::new(DEPEND_ID, 1)
    }
}

impl Fixture for events::Create {
    const SNAPSHOT: &'static str = "requests_events__create";
    fn minimal() -> Self {
        events::Create::new(BASE_URN, "event-xx", r#"{"k":"v"}"#)
    }
}

impl Fixture for events::List {
    const SNAPSHOT: &'static str = "requests_events__list";
    fn minimal() -> Self {
        events::List::new(BASE_URN)
    }
}

impl Fixture for events::Get {
    const SNAPSHOT: &'static str = "requests_events__get";
    fn minimal() -> Self {
        events::Get::new(BASE_URN, EVENT_ID)
    }
}

impl Fixture for events::Update {
    const SNAPSHOT: &'static str = "requests_events__update";
    fn minimal() -> Self {
        events::Update::new(BASE_URN, EVENT_ID, r#"{"k":"w"}"#)
    }
}

impl Fixture for events::Delete {
    const SNAPSHOT: &'static str = "requests_events__delete";
    fn minimal() -> Self {
        events::Delete::new(BASE_URN, EVENT_ID)
    }
}

impl Fixture for triggers::Update {
    const SNAPSHOT: &'static str = "requests_triggers__update_minimal";
    fn minimal() -> Self {
        triggers::Update::new(URN, TriggerType::Timer, TRIGGER_ID)
    }
}

impl Fixture for scaling::UpdateMaxInstanceConfig {
    const SNAPSHOT: &'static str = "requests_scaling__update_max_instance_config";
    fn minimal() -> Self {
        scaling::UpdateMaxInstanceConfig::new(BASE_URN, 50)
    }
}

impl Fixture for scaling::UpdateReservedInstances {
    const SNAPSHOT: &'static str = "requests_scaling__update_reserved_instances_minimal";
    fn minimal() -> Self {
        scaling::UpdateReservedInstances::new(URN, 2)
    }
}

impl Fixture for scaling::ListReservedInstances {
    const SNAPSHOT: &'static str = "requests_scaling__list_reserved_instances_minimal";
    fn minimal() -> Self {
        scaling::ListReservedInstances::new()
    }
}

impl Fixture for scaling::ListReservedInstanceConfigs {
    const SNAPSHOT: &'static str = "requests_scaling__list_reserved_instance_configs_minimal";
    fn minimal() -> Self {
        scaling::ListReservedInstanceConfigs::new()
    }
}

impl Fixture for tags::Create {
    const SNAPSHOT: &'static str = "requests_tags__create_minimal";
    fn minimal() -> Self {
        tags::Create::new(BASE_URN, vec![tags::Tag::new("env", "prod")])
    }
}

impl Fixture for tags::Delete {
    const SNAPSHOT: &'static str = "requests_tags__delete_minimal";
    fn minimal() -> Self {
        tags::Delete::new(BASE_URN, vec![tags::Tag::new("env", "prod")])
    }
}

impl Fixture for tags::List {
    const SNAPSHOT: &'static str = "requests_tags__list";
    fn minimal() -> Self {
        tags::List::new(BASE_URN)
    }
}

impl Fixture for tags::ListProject {
    const SNAPSHOT: &'static str = "requests_tags__list_project";
    fn minimal() -> Self {
        tags::ListProject::new()
    }
}

impl Fixture for tags::ListResources {
    const SNAPSHOT: &'static str = "requests_tags__list_resources_minimal";
    fn minimal() -> Self {
        tags::ListResources::filter()
    }
}

/// A one-file zip: the package of the import fixture.
pub(crate) fn import_package() -> fgs_proto::code::CodePackage {
    fgs_proto::code::CodePackage::from_files([("hello.yaml", "{\"runtime\":\"Python3.9\"}")])
        .expect("a zip of one small file")
}

impl Fixture for fgs_proto::functions::Import {
    const SNAPSHOT: &'static str = "requests_observability__import_minimal";
    fn minimal() -> Self {
        fgs_proto::functions::Import::new("hello", "hello.zip", import_package())
    }
}

impl Fixture for fgs_proto::functions::Export {
    const SNAPSHOT: &'static str = "requests_observability__export_minimal";
    fn minimal() -> Self {
        fgs_proto::functions::Export::new(URN)
    }
}

impl Fixture for fgs_proto::functions::UpdateCollectState {
    const SNAPSHOT: &'static str = "requests_observability__update_collect_state";
    fn minimal() -> Self {
        fgs_proto::functions::UpdateCollectState::new(BASE_URN, true)
    }
}

/// A published version's URN (snapshots are for published versions).
pub(crate) const V1_URN: &str =
    "urn:fss:cn-north-4:0123456789abcdef0123456789abcdef:function:default:hello:v1";

impl Fixture for fgs_proto::functions::GetSnapshotState {
    const SNAPSHOT: &'static str = "requests_observability__get_snapshot_state";
    fn minimal() -> Self {
        fgs_proto::functions::GetSnapshotState::new(V1_URN)
    }
}

impl Fixture for fgs_proto::functions::UpdateSnapshot {
    const SNAPSHOT: &'static str = "requests_observability__update_snapshot";
    fn minimal() -> Self {
        fgs_proto::functions::UpdateSnapshot::new(
            V1_URN,
            fgs_proto::functions::SnapshotAction::Enable,
        )
    }
}

impl Fixture for fgs_proto::observability::EnableLts {
    const SNAPSHOT: &'static str = "requests_observability__enable_lts";
    fn minimal() -> Self {
        fgs_proto::observability::EnableLts::new()
    }
}

impl Fixture for fgs_proto::observability::GetLtsDetails {
    const SNAPSHOT: &'static str = "requests_observability__get_lts_details";
    fn minimal() -> Self {
        fgs_proto::observability::GetLtsDetails::new(URN)
    }
}

impl Fixture for fgs_proto::observability::EnableAsyncStatusLog {
    const SNAPSHOT: &'static str = "requests_observability__enable_async_status_log";
    fn minimal() -> Self {
        fgs_proto::observability::EnableAsyncStatusLog::new()
    }
}

impl Fixture for fgs_proto::observability::GetAsyncStatusLog {
    const SNAPSHOT: &'static str = "requests_observability__get_async_status_log";
    fn minimal() -> Self {
        fgs_proto::observability::GetAsyncStatusLog::new()
    }
}

impl Fixture for fgs_proto::observability::GetTracing {
    const SNAPSHOT: &'static str = "requests_observability__get_tracing";
    fn minimal() -> Self {
        fgs_proto::observability::GetTracing::new(URN)
    }
}

impl Fixture for fgs_proto::observability::UpdateTracing {
    const SNAPSHOT: &'static str = "requests_observability__update_tracing";
    fn minimal() -> Self {
        fgs_proto::observability::UpdateTracing::new(URN, "APM-AK", "APM-SK")
    }
}

/// An asynchronous invocation's request id.
pub(crate) const ASYNC_REQUEST_ID: &str = "403fcbd6-ec41-401f-9fa7-386f3d3d0f2a";

impl Fixture for async_invocations::UpdateConfig {
    const SNAPSHOT: &'static str = "requests_async_invocations__update_config_minimal";
    fn minimal() -> Self {
        async_invocations::UpdateConfig::new(URN)
    }
}

impl Fixture for async_invocations::GetConfig {
    const SNAPSHOT: &'static str = "requests_async_invocations__get_config";
    fn minimal() -> Self {
        async_invocations::GetConfig::new(URN)
    }
}

impl Fixture for async_invocations::ListConfigs {
    const SNAPSHOT: &'static str = "requests_async_invocations__list_configs_minimal";
    fn minimal() -> Self {
        async_invocations::ListConfigs::new(BASE_URN)
    }
}

impl Fixture for async_invocations::DeleteConfig {
    const SNAPSHOT: &'static str = "requests_async_invocations__delete_config";
    fn minimal() -> Self {
        async_invocations::DeleteConfig::new(URN)
    }
}

impl Fixture for async_invocations::List {
    const SNAPSHOT: &'static str = "requests_async_invocations__list_minimal";
    fn minimal() -> Self {
        async_invocations::List::new(URN)
    }
}

impl Fixture for async_invocations::ListActive {
    const SNAPSHOT: &'static str = "requests_async_invocations__list_active_minimal";
    fn minimal() -> Self {
        async_invocations::ListActive::new(URN)
    }
}

impl Fixture for async_invocations::Cancel {
    const SNAPSHOT: &'static str = "requests_async_invocations__cancel_minimal";
    fn minimal() -> Self {
        async_invocations::Cancel::new(URN, ASYNC_REQUEST_ID)
    }
}

impl Fixture for metrics::GetStatistics {
    const SNAPSHOT: &'static str = "requests_metrics__get_statistics";
    fn minimal() -> Self {
        metrics::GetStatistics::new(URN, 15)
    }
}

impl Fixture for metrics::GetMetrics {
    const SNAPSHOT: &'static str = "requests_metrics__get_metrics";
    fn minimal() -> Self {
        metrics::GetMetrics::new(URN, 15)
    }
}

impl Fixture for metrics::ListFunctionsByMetric {
    const SNAPSHOT: &'static str = "requests_metrics__list_functions_by_metric_minimal";
    fn minimal() -> Self {
        metrics::ListFunctionsByMetric::new()
    }
}

impl Fixture for metrics::GetProjectStatistics {
    const SNAPSHOT: &'static str = "requests_metrics__get_project_statistics_minimal";
    fn minimal() -> Self {
        metrics::GetProjectStatistics::new(metrics::StatisticsFilter::MonitorData)
    }
}

impl Fixture for metrics::GetReservedInstanceMetrics {
    const SNAPSHOT: &'static str = "requests_metrics__get_reserved_instance_metrics_minimal";
    fn minimal() -> Self {
        metrics::GetReservedInstanceMetrics::new(URN)
    }
}

impl Fixture for metrics::ListQuotas {
    const SNAPSHOT: &'static str = "requests_metrics__list_quotas";
    fn minimal() -> Self {
        metrics::ListQuotas::new()
    }
}

impl Fixture for metrics::GetProjectWorkflowMetrics {
    const SNAPSHOT: &'static str = "requests_metrics__get_project_workflow_metrics_minimal";
    fn minimal() -> Self {
        metrics::GetProjectWorkflowMetrics::new()
    }
}

impl Fixture for metrics::GetWorkflowMetrics {
    const SNAPSHOT: &'static str = "requests_metrics__get_workflow_metrics_minimal";
    fn minimal() -> Self {
        metrics::GetWorkflowMetrics::new(FLOW_URN)
    }
}

impl Fixture for apps::ListTemplates {
    const SNAPSHOT: &'static str = "requests_apps__list_templates_minimal";
    fn minimal() -> Self {
        apps::ListTemplates::new()
    }
}

impl Fixture for apps::GetTemplate {
    const SNAPSHOT: &'static str = "requests_apps__get_template";
    fn minimal() -> Self {
        apps::GetTemplate::new(APP_ID)
    }
}

impl Fixture for apps::Create {
    const SNAPSHOT: &'static str = "requests_apps__create_minimal";
    fn minimal() -> Self {
        apps::Create::new("shop", APP_ID)
    }
}

impl Fixture for apps::List {
    const SNAPSHOT: &'static str = "requests_apps__list_minimal";
    fn minimal() -> Self {
        apps::List::new()
    }
}

impl Fixture for apps::Get {
    const SNAPSHOT: &'static str = "requests_apps__get";
    fn minimal() -> Self {
        apps::Get::new(APP_ID)
    }
}

impl Fixture for apps::Delete {
    const SNAPSHOT: &'static str = "requests_apps__delete";
    fn minimal() -> Self {
        apps::Delete::new(APP_ID)
    }
}

impl Fixture for templates::List {
    const SNAPSHOT: &'static str = "requests_templates__list_minimal";
    fn minimal() -> Self {
        templates::List::new()
    }
}

impl Fixture for templates::Get {
    const SNAPSHOT: &'static str = "requests_templates__get";
    fn minimal() -> Self {
        templates::Get::new(APP_ID)
    }
}

impl Fixture for bridge::ListFunctions {
    const SNAPSHOT: &'static str = "requests_bridge__list_functions_minimal";
    fn minimal() -> Self {
        bridge::ListFunctions::new(URN)
    }
}

impl Fixture for bridge::ListVersions {
    const SNAPSHOT: &'static str = "requests_bridge__list_versions";
    fn minimal() -> Self {
        bridge::ListVersions::new(bridge::BridgeType::Rds)
    }
}

impl Fixture for vpc_endpoints::Create {
    const SNAPSHOT: &'static str = "requests_vpc_endpoints__create_minimal";
    fn minimal() -> Self {
        vpc_endpoints::Create::new("vpc-1", "subnet-1")
    }
}

impl Fixture for vpc_endpoints::Delete {
    const SNAPSHOT: &'static str = "requests_vpc_endpoints__delete";
    fn minimal() -> Self {
        vpc_endpoints::Delete::new("vpc-1", "subnet-1")
    }
}
/// A workflow id.
pub(crate) const WORKFLOW_ID: &str = "48aff955-ea10-4ffd-b426-190bc192dc14";
/// A workflow execution id.
pub(crate) const EXECUTION_ID: &str = "aa7d6479-141d-482f-b9bc-85b5cd14066b";
/// A workflow URN.
pub(crate) const WORKFLOW_URN: &str =
    "urn:fss:cn-north-4:0123456789abcdef0123456789abcdef:workflow:default:greet:latest";

/// A one-state workflow calling the fixture function.
pub(crate) fn workflow_definition() -> workflows::Definition {
    workflows::Definition::new(
        "greet",
        "hello",
        vec![workflows::WorkflowFunction::new("hello", URN)],
        vec![
            workflows::OperationState::operation(
                "hello",
                "hello",
                vec![workflows::Action::call("hello")],
            )
            .ends()
            .into(),
        ],
    )
}

impl Fixture for workflows::Create {
    const SNAPSHOT: &'static str = "requests_workflows__create_minimal";
    fn minimal() -> Self {
        workflows::Create::new(workflow_definition())
    }
}

impl Fixture for workflows::List {
    const SNAPSHOT: &'static str = "requests_workflows__list_minimal";
    fn minimal() -> Self {
        workflows::List::new()
    }
}

impl Fixture for workflows::Get {
    const SNAPSHOT: &'static str = "requests_workflows__get";
    fn minimal() -> Self {
        workflows::Get::new(WORKFLOW_ID)
    }
}

impl Fixture for workflows::Update {
    const SNAPSHOT: &'static str = "requests_workflows__update_minimal";
    fn minimal() -> Self {
        workflows::Update::new(WORKFLOW_ID, workflow_definition())
    }
}

impl Fixture for workflows::BatchDelete {
    const SNAPSHOT: &'static str = "requests_workflows__batch_delete";
    fn minimal() -> Self {
        workflows::BatchDelete::new([WORKFLOW_URN])
    }
}

impl Fixture for workflows::Start {
    const SNAPSHOT: &'static str = "requests_workflows__start_minimal";
    fn minimal() -> Self {
        workflows::Start::new(WORKFLOW_ID, "{}".parse().expect("an empty object"))
    }
}

impl Fixture for workflows::StartSync {
    const SNAPSHOT: &'static str = "requests_workflows__start_sync_minimal";
    fn minimal() -> Self {
        workflows::StartSync::new(WORKFLOW_ID, "{}".parse().expect("an empty object"))
    }
}

impl Fixture for workflows::ListExecutions {
    const SNAPSHOT: &'static str = "requests_workflows__list_executions_minimal";
    fn minimal() -> Self {
        workflows::ListExecutions::new(WORKFLOW_ID)
    }
}

impl Fixture for workflows::GetExecution {
    const SNAPSHOT: &'static str = "requests_workflows__get_execution_minimal";
    fn minimal() -> Self {
        workflows::GetExecution::new(WORKFLOW_ID, EXECUTION_ID)
    }
}

impl Fixture for workflows::GetExecutionPage {
    const SNAPSHOT: &'static str = "requests_workflows__get_execution_page_minimal";
    fn minimal() -> Self {
        workflows::GetExecutionPage::new(WORKFLOW_ID, 0, 10)
    }
}

impl Fixture for workflows::Retry {
    const SNAPSHOT: &'static str = "requests_workflows__retry";
    fn minimal() -> Self {
        workflows::Retry::new(WORKFLOW_ID, EXECUTION_ID)
    }
}

impl Fixture for workflows::Stop {
    const SNAPSHOT: &'static str = "requests_workflows__stop";
    fn minimal() -> Self {
        workflows::Stop::new(WORKFLOW_ID, EXECUTION_ID)
    }
}

impl Fixture for workflows::Callback {
    const SNAPSHOT: &'static str = "requests_workflows__callback_minimal";
    fn minimal() -> Self {
        workflows::Callback::new(
            WORKFLOW_ID,
            EXECUTION_ID,
            "approval",
            workflows::CallbackResult::Success,
            Default::default(),
        )
    }
}
