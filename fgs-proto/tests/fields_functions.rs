//! Field coverage of the function operations against their OAS files: every request
//! body model has exactly the OAS body fields, and every object the OAS describes in a
//! request or response (sub-objects included) is modelled with all its fields.

use std::collections::BTreeSet;

use fgs_proto::functions::{
    CreateAliasBody, CreateBody, CreateVersionBody, ListVersionOutput, UpdateAliasBody,
    UpdateCodeBody, UpdateMetadataBody,
};
use fgs_proto::model::{
    Alias, CustomImage, Dependency, FuncAsyncDestinationConfig, FuncCode, FuncDestinationConfig,
    FuncLogConfig, FuncMount, FuncVpc, Function, FunctionAsyncConfig, MountConfig, MountUser,
    NetworkControlConfig, StrategyConfig, VersionStrategy, VersionStrategyRule, VpcConfig,
};
use serde_json::Value;

/// The operations of this module, by OAS file name.
const OPERATIONS: [&str; 12] = [
    "CreateFunction",
    "ShowFunctionCode",
    "DeleteFunction",
    "UpdateFunctionCode",
    "UpdateFunctionConfig",
    "CreateFunctionVersion",
    "ListFunctionVersions",
    "CreateVersionAlias",
    "UpdateVersionAlias",
    "DeleteVersionAlias",
    "ShowVersionAlias",
    "ListVersionAliases",
];

/// How an OAS definition is modelled: the model's JSON field names, and whether the
/// sets must be equal (request bodies: nothing more, nothing less) or the OAS set must
/// be contained (responses and shared sub-objects may carry more fields).
fn model_of(definition: &str) -> Option<(&'static [&'static str], bool)> {
    Some(match definition {
        "CreateFunctionRequestBody" => (CreateBody::FIELDS, true),
        "UpdateFunctionCodeRequestBody" => (UpdateCodeBody::FIELDS, true),
        "UpdateFunctionConfigRequestBody" => (UpdateMetadataBody::FIELDS, true),
        "CreateFunctionVersionRequestBody" => (CreateVersionBody::FIELDS, true),
        "CreateVersionAliasRequestBody" => (CreateAliasBody::FIELDS, true),
        "UpdateVersionAliasRequestBody" => (UpdateAliasBody::FIELDS, true),
        "CreateFunctionResponseBody"
        | "ShowFunctionCodeResponseBody"
        | "UpdateFunctionCodeResponseBody"
        | "UpdateFunctionConfigResponseBody"
        | "CreateFunctionVersionResponseBody"
        | "ListFunctionVersionResult" => (Function::FIELDS, false),
        "ListFunctionVersionsResponseBody" => (ListVersionOutput::FIELDS, true),
        "CreateVersionAliasResponseBody"
        | "UpdateVersionAliasResponseBody"
        | "ShowVersionAliasResponseBody"
        | "ListVersionAliasResult" => (Alias::FIELDS, false),
        "VersionStrategy" => (VersionStrategy::FIELDS, true),
        "VersionStrategyRules" => (VersionStrategyRule::FIELDS, true),
        "CustomImage" => (CustomImage::FIELDS, false),
        "Dependency" => (Dependency::FIELDS, false),
        "FuncCode" => (FuncCode::FIELDS, false),
        "FuncLogConfig" => (FuncLogConfig::FIELDS, false),
        "FuncMount" => (FuncMount::FIELDS, false),
        "FuncVpc" => (FuncVpc::FIELDS, false),
        "MountConfig" => (MountConfig::FIELDS, false),
        "MountUser" => (MountUser::FIELDS, false),
        "NetworkControlConfig" => (NetworkControlConfig::FIELDS, false),
        "StrategyConfig" => (StrategyConfig::FIELDS, false),
        "VpcConfig" => (VpcConfig::FIELDS, false),
        "FunctionAsyncConfig" => (FunctionAsyncConfig::FIELDS, false),
        "FuncAsyncDestinationConfig" => (FuncAsyncDestinationConfig::FIELDS, false),
        "FuncDestinationConfig" => (FuncDestinationConfig::FIELDS, false),
        _ => return None,
    })
}

fn oas(name: &str) -> Value {
    let path = format!("{}/tests/data/oas/{name}.json", env!("CARGO_MANIFEST_DIR"));
    serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap()
}

#[test]
fn every_oas_object_of_the_function_operations_is_fully_modelled() {
    let mut checked = 0;
    for operation in OPERATIONS {
        let doc = oas(operation);
        let Some(definitions) = doc["definitions"].as_object() else {
            continue;
        };
        for (name, definition) in definitions {
            // The error body is read by the core's lenient error parser, not a model.
            if name == "ErrorResp" {
                continue;
            }
            let Some(properties) = definition["properties"].as_object() else {
                // ListVersionAliasesResponseBody: a bare array of ListVersionAliasResult.
                assert_eq!(definition["type"], "array", "{operation}: {name}");
                continue;
            };
            let (fields, exact) = model_of(name)
                .unwrap_or_else(|| panic!("{operation}: no model mapped for definition {name}"));
            let oas: BTreeSet<&str> = properties.keys().map(String::as_str).collect();
            let ours: BTreeSet<&str> = fields.iter().copied().collect();
            let missing: Vec<_> = oas.difference(&ours).collect();
            assert!(missing.is_empty(), "{operation}: {name} lacks {missing:?}");
            if exact {
                let surplus: Vec<_> = ours.difference(&oas).collect();
                assert!(
                    surplus.is_empty(),
                    "{operation}: {name} has extra {surplus:?}"
                );
            }
            checked += 1;
        }
    }
    // All 12 files were read and their objects found (guards against a silent no-op).
    assert!(checked >= 60, "only {checked} definitions checked");
}

#[test]
fn request_bodies_are_the_oas_request_bodies() {
    // Each body-carrying operation's OAS body parameter refers to the definition mapped
    // to its body model above.
    for (operation, definition) in [
        ("CreateFunction", "CreateFunctionRequestBody"),
        ("UpdateFunctionCode", "UpdateFunctionCodeRequestBody"),
        ("UpdateFunctionConfig", "UpdateFunctionConfigRequestBody"),
        ("CreateFunctionVersion", "CreateFunctionVersionRequestBody"),
        ("CreateVersionAlias", "CreateVersionAliasRequestBody"),
        ("UpdateVersionAlias", "UpdateVersionAliasRequestBody"),
    ] {
        let doc = oas(operation);
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
    }
}
