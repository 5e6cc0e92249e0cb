//! Field coverage of every operation of the registry against its official OpenAPI file.
//!
//! The test enumerates every file in `tests/data/oas/` and every object definition in
//! it, and fails when a documented request or response field has no counterpart in our
//! models. Request bodies must match exactly (nothing missing, nothing invented); response
//! objects and shared sub-objects must contain the OAS set (one model may serve several
//! responses). Types are checked too: a sample with every property set, built from the
//! schema, must decode into the model and serialise back to the same JSON.

use std::collections::BTreeSet;

use fgs_proto::functions::{
    AsyncInvokeOutput, CreateAliasBody, CreateBody, CreateVersionBody, FunctionConfig, ListOutput,
    ListVersionOutput, UpdateAliasBody, UpdateCodeBody, UpdateMetadataBody,
};
use fgs_proto::model::TestEvent;
use fgs_proto::model::{
    Alias, ApigTriggerFuncInfo, CustomImage, Dependency, EventData, FuncAsyncDestinationConfig,
    FuncCode, FuncDestinationConfig, FuncLogConfig, FuncMount, FuncVpc, Function,
    FunctionAsyncConfig, InvokeEnvelope, MountConfig, MountUser, NetworkControlConfig,
    StrategyConfig, Trigger, VersionStrategy, VersionStrategyRule, VpcConfig,
};
use fgs_proto::registry;
use fgs_proto::triggers::CreateBody as CreateTriggerBody;
use fgs_proto::workflows;
use fgs_proto::{apps, bridge, metrics, templates, vpc_endpoints};
use fgs_proto::{async_invocations, dependencies, events, observability, scaling, tags, triggers};
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

mod common;
use common::oas_sample;

/// Decodes a value into `T` and encodes it again.
fn round_trip<T: DeserializeOwned + Serialize>(value: Value) -> Result<Value, String> {
    let model: T = serde_json::from_value(value).map_err(|e| e.to_string())?;
    serde_json::to_value(&model).map_err(|e| e.to_string())
}

/// A model: its JSON field names, whether the OAS set must match exactly, and its
/// round trip.
struct Model {
    fields: Vec<&'static str>,
    exact: bool,
    round_trip: fn(Value) -> Result<Value, String>,
}

fn model<T: DeserializeOwned + Serialize>(fields: &'static [&'static str], exact: bool) -> Model {
    Model {
        fields: fields.to_vec(),
        exact,
        round_trip: round_trip::<T>,
    }
}

/// `model` with the fields of the [`FunctionConfig`] written into its body.
fn with_config(mut model: Model) -> Model {
    model.fields.extend_from_slice(FunctionConfig::FIELDS);
    model
}

/// Which model represents each OAS definition.
fn model_of(definition: &str) -> Option<Model> {
    Some(match definition {
        // Request bodies: exactly the OAS fields.
        // Create and UpdateMetadata: their own fields plus the shared configuration.
        "CreateFunctionRequestBody" => with_config(model::<CreateBody>(CreateBody::FIELDS, true)),
        "UpdateFunctionCodeRequestBody" => model::<UpdateCodeBody>(UpdateCodeBody::FIELDS, true),
        "UpdateFunctionConfigRequestBody" => with_config(model::<UpdateMetadataBody>(
            UpdateMetadataBody::FIELDS,
            true,
        )),
        "CreateFunctionVersionRequestBody" => {
            model::<CreateVersionBody>(CreateVersionBody::FIELDS, true)
        }
        "CreateVersionAliasRequestBody" => model::<CreateAliasBody>(CreateAliasBody::FIELDS, true),
        "UpdateVersionAliasRequestBody" => model::<UpdateAliasBody>(UpdateAliasBody::FIELDS, true),
        "CreateFunctionTriggerRequestBody" => {
            model::<CreateTriggerBody>(CreateTriggerBody::FIELDS, true)
        }
        // Function-shaped responses share `Function`.
        "CreateFunctionResponseBody"
        | "ShowFunctionConfigResponseBody"
        | "ShowFunctionCodeResponseBody"
        | "UpdateFunctionCodeResponseBody"
        | "UpdateFunctionConfigResponseBody"
        | "CreateFunctionVersionResponseBody"
        | "ListFunctionResult"
        | "ListFunctionVersionResult" => model::<Function>(Function::FIELDS, false),
        "ListFunctionsResponseBody" => model::<ListOutput>(ListOutput::FIELDS, true),
        "ListFunctionVersionsResponseBody" => {
            model::<ListVersionOutput>(ListVersionOutput::FIELDS, true)
        }
        "CreateVersionAliasResponseBody"
        | "UpdateVersionAliasResponseBody"
        | "ShowVersionAliasResponseBody"
        | "ListVersionAliasResult" => model::<Alias>(Alias::FIELDS, false),
        "InvokeFunctionResponseBody" => model::<InvokeEnvelope>(InvokeEnvelope::FIELDS, false),
        "AsyncInvokeFunctionResponseBody" => {
            model::<AsyncInvokeOutput>(AsyncInvokeOutput::FIELDS, false)
        }
        "CreateFunctionTriggerResponseBody"
        | "ShowFunctionTriggerResponseBody"
        | "ListFunctionTriggerResult" => model::<Trigger>(Trigger::FIELDS, false),
        "TriggerEventDataRequestBody" | "TriggerEventDataResponseBody" => {
            model::<EventData>(EventData::FIELDS, false)
        }
        "ApigTriggerFuncInfo" => model::<ApigTriggerFuncInfo>(ApigTriggerFuncInfo::FIELDS, true),
        // Shared sub-objects.
        "VersionStrategy" => model::<VersionStrategy>(VersionStrategy::FIELDS, true),
        "VersionStrategyRules" => model::<VersionStrategyRule>(VersionStrategyRule::FIELDS, true),
        "CustomImage" => model::<CustomImage>(CustomImage::FIELDS, false),
        "Dependency" => model::<Dependency>(Dependency::FIELDS, false),
        "FuncCode" => model::<FuncCode>(FuncCode::FIELDS, false),
        "FuncLogConfig" => model::<FuncLogConfig>(FuncLogConfig::FIELDS, false),
        "FuncMount" => model::<FuncMount>(FuncMount::FIELDS, false),
        "FuncVpc" => model::<FuncVpc>(FuncVpc::FIELDS, false),
        "MountConfig" => model::<MountConfig>(MountConfig::FIELDS, false),
        "MountUser" => model::<MountUser>(MountUser::FIELDS, false),
        "NetworkControlConfig" => {
            model::<NetworkControlConfig>(NetworkControlConfig::FIELDS, false)
        }
        "StrategyConfig" => model::<StrategyConfig>(StrategyConfig::FIELDS, false),
        "VpcConfig" => model::<VpcConfig>(VpcConfig::FIELDS, false),
        "FunctionAsyncConfig" => model::<FunctionAsyncConfig>(FunctionAsyncConfig::FIELDS, false),
        "FuncAsyncDestinationConfig" => {
            model::<FuncAsyncDestinationConfig>(FuncAsyncDestinationConfig::FIELDS, false)
        }
        "FuncDestinationConfig" => {
            model::<FuncDestinationConfig>(FuncDestinationConfig::FIELDS, false)
        }
        // Dependencies: every response is one dependency version (or a page of them).
        "CreateDependencyRequestBody" => {
            model::<dependencies::CreateVersionBody>(dependencies::CreateVersionBody::FIELDS, true)
        }
        "CreateDependencyVersionResponseBody"
        | "ShowDependencyVersionResponseBody"
        | "ListDependenciesResult"
        | "ListDependencyVersionsResult" => model::<Dependency>(Dependency::FIELDS, false),
        "ListDependenciesResponseBody" | "ListDependencyVersionsResponseBody" => {
            model::<dependencies::ListOutput>(dependencies::ListOutput::FIELDS, true)
        }
        // Test events: one model for the event in every answer.
        "CreateEventRequestBody" => model::<events::CreateBody>(events::CreateBody::FIELDS, true),
        "UpdateEventRequestBody" => model::<events::UpdateBody>(events::UpdateBody::FIELDS, true),
        "CreateEventResponseBody"
        | "UpdateEventResponseBody"
        | "ShowEventResponseBody"
        | "ListEventsResult" => model::<TestEvent>(TestEvent::FIELDS, false),
        "ListEventsResponseBody" => model::<events::ListOutput>(events::ListOutput::FIELDS, true),
        // UpdateTrigger: the status and a list of event-data changes.
        "UpdateTriggerRequestBody" => {
            model::<triggers::UpdateBody>(triggers::UpdateBody::FIELDS, true)
        }
        "UpdateriggerEventData" => {
            model::<triggers::UpdateEventData>(triggers::UpdateEventData::FIELDS, true)
        }
        // Scaling: max instances answer the function; reserved instances their settings.
        "UpdateFunctionMaxInstanceConfigRequestBody" => {
            model::<scaling::UpdateMaxInstanceConfigBody>(
                scaling::UpdateMaxInstanceConfigBody::FIELDS,
                true,
            )
        }
        "UpdateFunctionMaxInstanceConfigResponseBody" => model::<Function>(Function::FIELDS, false),
        "UpdateFunctionReservedInstancesCountRequestBody" => {
            model::<scaling::UpdateReservedInstancesBody>(
                scaling::UpdateReservedInstancesBody::FIELDS,
                true,
            )
        }
        "UpdateFunctionReservedInstancesResponseBody" => {
            model::<scaling::UpdateReservedInstancesOutput>(
                scaling::UpdateReservedInstancesOutput::FIELDS,
                true,
            )
        }
        "TacticsConfig" => model::<scaling::TacticsConfig>(scaling::TacticsConfig::FIELDS, true),
        "CronConfig" => model::<scaling::CronConfig>(scaling::CronConfig::FIELDS, true),
        "MetricConfig" => model::<scaling::MetricConfig>(scaling::MetricConfig::FIELDS, true),
        "PageInfo" => model::<scaling::ListPageInfo>(scaling::ListPageInfo::FIELDS, true),
        "FuncReservedInstance" => {
            model::<scaling::FuncReservedInstance>(scaling::FuncReservedInstance::FIELDS, true)
        }
        "ListFunctionReservedInstancesResponseBody" => {
            model::<scaling::ListReservedInstancesOutput>(
                scaling::ListReservedInstancesOutput::FIELDS,
                true,
            )
        }
        "ReservedInstanceConfigs" => {
            model::<scaling::ReservedInstanceConfig>(scaling::ReservedInstanceConfig::FIELDS, true)
        }
        "ListReservedInstanceConfigsResponseBody" => {
            model::<scaling::ListReservedInstanceConfigsOutput>(
                scaling::ListReservedInstanceConfigsOutput::FIELDS,
                true,
            )
        }
        // Tags: one body for setting and removing, key/value and key/values items.
        "UpdateFunctionTagsRequestBody" => model::<tags::TagsBody>(tags::TagsBody::FIELDS, true),
        "KvItem" => model::<tags::Tag>(tags::Tag::FIELDS, true),
        "TagItem" => model::<tags::TagValues>(tags::TagValues::FIELDS, true),
        "ListFunctionTagsResponseBody" => model::<tags::ListOutput>(tags::ListOutput::FIELDS, true),
        "ListTenantTagsResponseBody" => {
            model::<tags::ListProjectOutput>(tags::ListProjectOutput::FIELDS, true)
        }
        "ListEnterpriseResourceRequestBody" => {
            model::<tags::ListResourcesBody>(tags::ListResourcesBody::FIELDS, true)
        }
        "ListEnterpriseResourceResponseBody" => {
            model::<tags::ListResourcesOutput>(tags::ListResourcesOutput::FIELDS, true)
        }
        "ListEnterpriseResourceResult" => {
            model::<tags::TaggedResource>(tags::TaggedResource::FIELDS, true)
        }
        "ListEnterpriseResourceDetail" => {
            model::<tags::ResourceDetail>(tags::ResourceDetail::FIELDS, true)
        }
        // Import answers the function; the logs, tracing and snapshot answers their own.
        "ImportFunctionRequestBody" => model::<fgs_proto::functions::ImportBody>(
            fgs_proto::functions::ImportBody::FIELDS,
            true,
        ),
        "ImportFunctionResponseBody" => model::<Function>(Function::FIELDS, false),
        "ShowLtsLogDetailsResponseBody" => {
            model::<observability::LogDetails>(observability::LogDetails::FIELDS, true)
        }
        "ShowTracingResponseBody" => {
            model::<observability::TracingKeys>(observability::TracingKeys::FIELDS, true)
        }
        "UpdateTracingRequestBody" => model::<observability::UpdateTracingBody>(
            observability::UpdateTracingBody::FIELDS,
            true,
        ),
        "QueryFuncSnapshotResponseBody" => model::<fgs_proto::functions::SnapshotState>(
            fgs_proto::functions::SnapshotState::FIELDS,
            true,
        ),
        // Async invocations: one configuration model in every answer, one record model
        // in both record lists.
        "UpdateFunctionAsyncInvokeConfigRequestBody" => {
            model::<async_invocations::UpdateConfigBody>(
                async_invocations::UpdateConfigBody::FIELDS,
                true,
            )
        }
        "UpdateFunctionAsyncInvokeConfigResponseBody"
        | "ShowFunctionAsyncInvokeConfigResponseBody"
        | "ListFunctionAsyncInvokeConfigResult" => model::<async_invocations::AsyncInvokeConfig>(
            async_invocations::AsyncInvokeConfig::FIELDS,
            true,
        ),
        "ListFunctionAsyncInvokeConfigResponseBody" => {
            model::<async_invocations::ListConfigsOutput>(
                async_invocations::ListConfigsOutput::FIELDS,
                true,
            )
        }
        "ListFunctionAsyncInvocationsResponseBody" => {
            model::<async_invocations::ListOutput>(async_invocations::ListOutput::FIELDS, true)
        }
        "ListFunctionAsyncInvocationsResult" => model::<async_invocations::AsyncInvocation>(
            async_invocations::AsyncInvocation::FIELDS,
            true,
        ),
        "CancelAsyncInvocationRequestBody" => {
            model::<async_invocations::CancelBody>(async_invocations::CancelBody::FIELDS, true)
        }
        // Metrics: one series point; one model for both per-function series answers
        // (only ShowFunctionMetrics has `instance_num`).
        "SlaReportsValue" => model::<metrics::MetricPoint>(metrics::MetricPoint::FIELDS, true),
        "ListFunctionStatisticsResponseBody" => {
            model::<metrics::FunctionMetrics>(metrics::FunctionMetrics::FIELDS, false)
        }
        "ShowFunctionMetricsResponseBody" => {
            model::<metrics::FunctionMetrics>(metrics::FunctionMetrics::FIELDS, true)
        }
        "ShowFuncReservedInstanceMetricsResponseBody" => model::<metrics::ReservedInstanceMetrics>(
            metrics::ReservedInstanceMetrics::FIELDS,
            true,
        ),
        "ListStatisticsResponseBody" => {
            model::<metrics::ProjectStatistics>(metrics::ProjectStatistics::FIELDS, true)
        }
        "MonthUsed" => model::<metrics::MonthUsed>(metrics::MonthUsed::FIELDS, true),
        "FunctionMetric" => model::<metrics::FunctionMetric>(metrics::FunctionMetric::FIELDS, true),
        "ListFunctionAsMetricResponseBody" => model::<metrics::ListFunctionsByMetricOutput>(
            metrics::ListFunctionsByMetricOutput::FIELDS,
            true,
        ),
        "ListQuotasResponseBody" => {
            model::<metrics::ListQuotasOutput>(metrics::ListQuotasOutput::FIELDS, true)
        }
        "ListQuotasResult" => model::<metrics::QuotaList>(metrics::QuotaList::FIELDS, true),
        "Resources" => model::<metrics::Quota>(metrics::Quota::FIELDS, true),
        "WorkflowStatisticsResp" => {
            model::<metrics::WorkflowMetrics>(metrics::WorkflowMetrics::FIELDS, true)
        }
        // Applications and their templates.
        "ListAppTemplatesResult" => model::<apps::AppTemplate>(apps::AppTemplate::FIELDS, true),
        "ListAppTemplatesResponseBody" => {
            model::<apps::ListTemplatesOutput>(apps::ListTemplatesOutput::FIELDS, true)
        }
        "ShowAppTemplateResponseBody" => {
            model::<apps::AppTemplateDetail>(apps::AppTemplateDetail::FIELDS, true)
        }
        "AppTemplateResourceDetail" => {
            model::<apps::AppTemplateResource>(apps::AppTemplateResource::FIELDS, true)
        }
        "CreateFunctionAppRequestBody" => model::<apps::CreateBody>(apps::CreateBody::FIELDS, true),
        "CreateFunctionAppResponseBody" => {
            model::<apps::CreateOutput>(apps::CreateOutput::FIELDS, true)
        }
        "ListFunctionApplicationResult" => {
            model::<apps::AppSummary>(apps::AppSummary::FIELDS, true)
        }
        "ListFunctionApplicationsResponseBody" => {
            model::<apps::ListOutput>(apps::ListOutput::FIELDS, true)
        }
        "ShowFunctionAppResponseBody" => model::<apps::App>(apps::App::FIELDS, true),
        "RepoInfo" => model::<apps::RepoInfo>(apps::RepoInfo::FIELDS, true),
        "StackResource" => model::<apps::StackResource>(apps::StackResource::FIELDS, true),
        // Function templates.
        "ShowFunctionTemplateResponseBody" => {
            model::<templates::FunctionTemplate>(templates::FunctionTemplate::FIELDS, true)
        }
        "ListFunctionTemplateResponseBody" => {
            model::<templates::ListOutput>(templates::ListOutput::FIELDS, true)
        }
        "TempDetail" => model::<templates::TemplateDetail>(templates::TemplateDetail::FIELDS, true),
        "TriggerMetadataList" => {
            model::<templates::TemplateTrigger>(templates::TemplateTrigger::FIELDS, true)
        }
        // Service bridge (its function list reuses `ListFunctionResult`, above).
        "ServiceBridgeVersion" => {
            model::<bridge::BridgeVersion>(bridge::BridgeVersion::FIELDS, true)
        }
        // VPC endpoints.
        "CreateVpcEndpointRequestBody" => {
            model::<vpc_endpoints::CreateBody>(vpc_endpoints::CreateBody::FIELDS, true)
        }
        "CreateVpcEndpointReponseBody" => {
            model::<vpc_endpoints::CreateOutput>(vpc_endpoints::CreateOutput::FIELDS, true)
        }
        // Workflows: one definition for Create, Update and Get; one brief for both
        // execution listings.
        "WorkflowCreateBody" => model::<workflows::Definition>(workflows::Definition::FIELDS, true),
        "OperationState" => {
            model::<workflows::OperationState>(workflows::OperationState::FIELDS, true)
        }
        "Action" => model::<workflows::Action>(workflows::Action::FIELDS, true),
        "FunctionRef" => model::<workflows::FunctionRef>(workflows::FunctionRef::FIELDS, true),
        "Function" => {
            model::<workflows::WorkflowFunction>(workflows::WorkflowFunction::FIELDS, true)
        }
        "OnError" => model::<workflows::OnError>(workflows::OnError::FIELDS, true),
        "Retry" => model::<workflows::RetryPolicy>(workflows::RetryPolicy::FIELDS, true),
        "StateDataFilter" => {
            model::<workflows::StateDataFilter>(workflows::StateDataFilter::FIELDS, true)
        }
        "ExpressConfig" => {
            model::<workflows::ExpressConfig>(workflows::ExpressConfig::FIELDS, true)
        }
        "Trigger" => model::<workflows::WorkflowTrigger>(workflows::WorkflowTrigger::FIELDS, true),
        "OBSTriggerConfig" => {
            model::<workflows::ObsTriggerConfig>(workflows::ObsTriggerConfig::FIELDS, true)
        }
        "WorkflowSimpleInfo" => {
            model::<workflows::WorkflowSummary>(workflows::WorkflowSummary::FIELDS, true)
        }
        "WorkflowInfo" => model::<workflows::WorkflowInfo>(workflows::WorkflowInfo::FIELDS, true),
        "WorkflowPageList" => model::<workflows::ListOutput>(workflows::ListOutput::FIELDS, true),
        "WorkflowDeleteBody" => {
            model::<workflows::BatchDeleteBody>(workflows::BatchDeleteBody::FIELDS, true)
        }
        "OperateResponse" => {
            model::<workflows::BatchDeleteOutput>(workflows::BatchDeleteOutput::FIELDS, true)
        }
        "OperateErrorInfo" => {
            model::<workflows::BatchDeleteFailure>(workflows::BatchDeleteFailure::FIELDS, true)
        }
        "FlowExecuteBody" => model::<workflows::ExecuteBody>(workflows::ExecuteBody::FIELDS, true),
        "FlowExecuteResponse" => {
            model::<workflows::StartOutput>(workflows::StartOutput::FIELDS, true)
        }
        "SyncExecuteResponse" => {
            model::<workflows::SyncOutput>(workflows::SyncOutput::FIELDS, true)
        }
        "SyncExecutionNodeErrorDetail" => {
            model::<workflows::NodeError>(workflows::NodeError::FIELDS, true)
        }
        "FlowExecutionBrief" | "FlowExecutionBriefV2" => {
            model::<workflows::ExecutionBrief>(workflows::ExecutionBrief::FIELDS, true)
        }
        "FlowExecutionList" => {
            model::<workflows::ListExecutionsOutput>(workflows::ListExecutionsOutput::FIELDS, true)
        }
        "ShowWorkflowExecutionForPage" => {
            model::<workflows::ExecutionPage>(workflows::ExecutionPage::FIELDS, true)
        }
        "ExecutionDetails" => {
            model::<workflows::ExecutionDetails>(workflows::ExecutionDetails::FIELDS, true)
        }
        "NodeExecutionDetail" => {
            model::<workflows::NodeExecutionDetail>(workflows::NodeExecutionDetail::FIELDS, true)
        }
        "NodeExecution" => {
            model::<workflows::NodeExecution>(workflows::NodeExecution::FIELDS, true)
        }
        "CallbackWorkflowRequestBody" => {
            model::<workflows::CallbackBody>(workflows::CallbackBody::FIELDS, true)
        }
        _ => return None,
    })
}

fn oas_files() -> Vec<(String, Value)> {
    let dir = format!("{}/tests/data/oas", env!("CARGO_MANIFEST_DIR"));
    let mut files: Vec<(String, Value)> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| {
            let path = entry.unwrap().path();
            let name = path.file_stem().unwrap().to_string_lossy().into_owned();
            let doc = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            (name, doc)
        })
        .collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files
}

#[test]
fn every_operation_has_its_oas_file_with_its_method_and_path() {
    let files = oas_files();
    for info in registry::ALL {
        let (_, doc) = files
            .iter()
            .find(|(file, _)| file == info.official)
            .unwrap_or_else(|| {
                panic!(
                    "{}: no tests/data/oas/{}.json (copy it from the official definitions)",
                    info.name, info.official
                )
            });
        let (path, methods) = doc["paths"].as_object().unwrap().iter().next().unwrap();
        let (method, _) = methods.as_object().unwrap().iter().next().unwrap();
        assert_eq!(path, info.path, "{}: path template", info.name);
        assert_eq!(method.to_uppercase(), info.method.as_str(), "{}", info.name);
    }
    for (file, _) in &files {
        assert!(
            registry::by_official(file).is_some(),
            "tests/data/oas/{file}.json documents no operation of the registry"
        );
    }
}

#[test]
fn every_documented_field_of_every_operation_is_modelled() {
    let files = oas_files();
    let mut checked = BTreeSet::new();
    let mut problems = Vec::new();
    for (file, doc) in &files {
        let defs = &doc["definitions"];
        for (name, definition) in defs.as_object().unwrap() {
            // Error bodies are read by the core's lenient error parser, not a model.
            if name == "ErrorResp" || name.starts_with("ErrorRsp") {
                continue;
            }
            let Some(properties) = definition["properties"].as_object() else {
                // Bare arrays (ListAlias, triggers List) and free-form invoke events.
                // The workflow files define `WorkflowUrn` as a bare string.
                assert!(
                    definition["type"] == "array"
                        || definition["type"] == "string"
                        || definition.get("additionalProperties").is_some(),
                    "{file}: {name} has neither properties nor a known free form"
                );
                continue;
            };
            let Some(model) = model_of(name) else {
                problems.push(format!("{file}: no model for definition {name}"));
                continue;
            };
            let oas: BTreeSet<&str> = properties.keys().map(String::as_str).collect();
            let ours: BTreeSet<&str> = model.fields.iter().copied().collect();
            let missing: Vec<_> = oas.difference(&ours).collect();
            if !missing.is_empty() {
                problems.push(format!("{file}: {name} lacks {missing:?}"));
            }
            if model.exact {
                let invented: Vec<_> = ours.difference(&oas).collect();
                if !invented.is_empty() {
                    problems.push(format!(
                        "{file}: {name} has fields the OAS lacks: {invented:?}"
                    ));
                }
            }
            let full = oas_sample(definition, defs, name);
            match (model.round_trip)(full.clone()) {
                Ok(back) if back == full => {}
                Ok(back) => problems.push(format!(
                    "{file}: {name} changes on a round trip:\n{full}\n{back}"
                )),
                Err(e) => problems.push(format!(
                    "{file}: {name} does not decode its OAS sample: {e}"
                )),
            }
            checked.insert(name.clone());
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(
        checked.len() >= 40,
        "only {} definitions checked",
        checked.len()
    );
}

#[test]
fn request_bodies_are_the_oas_request_bodies() {
    // Each body-carrying operation's OAS body parameter refers to the definition that
    // `model_of` maps to its body model (so the mapping itself cannot drift).
    for (operation, definition) in [
        ("CreateFunction", "CreateFunctionRequestBody"),
        ("UpdateFunctionCode", "UpdateFunctionCodeRequestBody"),
        ("UpdateFunctionConfig", "UpdateFunctionConfigRequestBody"),
        ("CreateFunctionVersion", "CreateFunctionVersionRequestBody"),
        ("CreateVersionAlias", "CreateVersionAliasRequestBody"),
        ("UpdateVersionAlias", "UpdateVersionAliasRequestBody"),
        ("CreateFunctionTrigger", "CreateFunctionTriggerRequestBody"),
        ("CreateDependencyVersion", "CreateDependencyRequestBody"),
        ("CreateEvent", "CreateEventRequestBody"),
        ("UpdateEvent", "UpdateEventRequestBody"),
        ("UpdateTrigger", "UpdateTriggerRequestBody"),
        ("CreateTags", "UpdateFunctionTagsRequestBody"),
        ("DeleteTags", "UpdateFunctionTagsRequestBody"),
        ("ShowResInstanceInfo", "ListEnterpriseResourceRequestBody"),
        ("CreateFunctionApp", "CreateFunctionAppRequestBody"),
        ("CreateVpcEndpoint", "CreateVpcEndpointRequestBody"),
        (
            "UpdateFunctionAsyncInvokeConfig",
            "UpdateFunctionAsyncInvokeConfigRequestBody",
        ),
        ("CancelAsyncInvocation", "CancelAsyncInvocationRequestBody"),
        ("CreateWorkflow", "WorkflowCreateBody"),
        ("UpdateWorkFlow", "WorkflowCreateBody"),
        ("BatchDeleteWorkflows", "WorkflowDeleteBody"),
        ("StartWorkflowExecution", "FlowExecuteBody"),
        ("StartSyncWorkflowExecution", "FlowExecuteBody"),
        ("CreateCallbackWorkflow", "CallbackWorkflowRequestBody"),
        (
            "UpdateFunctionMaxInstanceConfig",
            "UpdateFunctionMaxInstanceConfigRequestBody",
        ),
        (
            "UpdateFunctionReservedInstancesCount",
            "UpdateFunctionReservedInstancesCountRequestBody",
        ),
        ("ImportFunction", "ImportFunctionRequestBody"),
        ("UpdateTracing", "UpdateTracingRequestBody"),
    ] {
        let files = oas_files();
        let (_, doc) = files.iter().find(|(f, _)| f == operation).unwrap();
        let (_, methods) = doc["paths"].as_object().unwrap().iter().next().unwrap();
        let (_, op) = methods.as_object().unwrap().iter().next().unwrap();
        let body = op["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["in"] == "body")
            .unwrap_or_else(|| panic!("{operation} has no body"));
        assert_eq!(
            body["schema"]["$ref"],
            format!("#/definitions/{definition}"),
            "{operation}"
        );
        assert!(model_of(definition).is_some_and(|m| m.exact), "{operation}");
    }
}
