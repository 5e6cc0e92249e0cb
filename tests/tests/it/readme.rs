//! The README's operation table, checked three ways: each row's method and path is the
//! one in the official OpenAPI file it names, and the one the SDK type it names builds;
//! and its Go names are the demo's 21 operations.

use std::path::Path;

use fgs_proto::code::Code;
use fgs_proto::functions;
use fgs_proto::model::{Runtime, TimerEventData};
use fgs_proto::{Config, Credentials, Error, Operation, triggers};
use fgs_tests::demo::OPERATIONS;

const README: &str = include_str!("../../../README.md");

/// Inputs that are easy to find again in a built path.
const PROJECT: &str = "PROJECT";
const URN: &str = "URN";
const ALIAS: &str = "ALIAS";
const TRIGGER_TYPE: &str = "TYPE";
const TRIGGER_ID: &str = "ID";

/// One row of the README's operation table.
#[derive(Debug)]
struct Row {
    go_name: String,
    fgs_type: String,
    official: String,
    method_and_path: String,
}

fn rows() -> Vec<Row> {
    README
        .lines()
        .filter(|line| line.starts_with("| `function.") || line.starts_with("| `trigger."))
        .map(|line| {
            let cells: Vec<String> = line
                .trim_matches('|')
                .split('|')
                .map(|cell| cell.trim().trim_matches('`').to_owned())
                .collect();
            let [go_name, fgs_type, official, method_and_path] =
                <[String; 4]>::try_from(cells).expect("4 columns");
            Row {
                go_name,
                fgs_type,
                official,
                method_and_path: method_and_path.replace('…', "/v2/{project_id}/fgs"),
            }
        })
        .collect()
}

/// Builds one operation's request.
type Build = dyn Fn(&Config) -> Result<http::Request<fgs_proto::Body>, Error>;

/// `METHOD /path` of the request the SDK type `fgs_type` builds, with the inputs
/// replaced by the path parameter names.
fn built(fgs_type: &str) -> String {
    let config = Config::new("http://127.0.0.1:1", PROJECT, Credentials::token("T")).unwrap();
    fn code() -> Code {
        Code::inline_source("x")
    }
    let request = |op: &Build| op(&config).unwrap_or_else(|e| panic!("{fgs_type}: {e}"));
    let request = match fgs_type {
        "functions::Create" => request(&|c| {
            functions::Create::new(
                "f",
                "default",
                fgs_proto::functions::FunctionConfig::new(
                    Runtime::Python39,
                    "i.h",
                    fgs_proto::model::MemorySize::mb(128),
                    std::time::Duration::from_secs(3),
                ),
                code(),
            )
            .request(c)
        }),
        "functions::List" => request(&|c| functions::List::new().request(c)),
        "functions::GetMetadata" => request(&|c| functions::GetMetadata::new(URN).request(c)),
        "functions::GetCode" => request(&|c| functions::GetCode::new(URN).request(c)),
        "functions::Delete" => request(&|c| functions::Delete::new(URN).request(c)),
        "functions::UpdateCode" => request(&|c| functions::UpdateCode::new(URN, code()).request(c)),
        "functions::UpdateMetadata" => request(&|c| {
            functions::UpdateMetadata::new(
                URN,
                "f",
                fgs_proto::functions::FunctionConfig::new(
                    Runtime::Python39,
                    "i.h",
                    fgs_proto::model::MemorySize::mb(128),
                    std::time::Duration::from_secs(3),
                ),
            )
            .request(c)
        }),
        "functions::CreateVersion" => request(&|c| functions::CreateVersion::new(URN).request(c)),
        "functions::ListVersion" => request(&|c| functions::ListVersion::new(URN).request(c)),
        "functions::CreateAlias" => {
            request(&|c| functions::CreateAlias::new(URN, ALIAS, "v1").request(c))
        }
        "functions::UpdateAlias" => {
            request(&|c| functions::UpdateAlias::new(URN, ALIAS, "v1").request(c))
        }
        "functions::DeleteAlias" => {
            request(&|c| functions::DeleteAlias::new(URN, ALIAS).request(c))
        }
        "functions::GetAlias" => request(&|c| functions::GetAlias::new(URN, ALIAS).request(c)),
        "functions::ListAlias" => request(&|c| functions::ListAlias::new(URN).request(c)),
        "functions::Invoke" => request(&|c| functions::Invoke::new(URN).request(c)),
        "functions::AsyncInvoke" => request(&|c| functions::AsyncInvoke::new(URN).request(c)),
        "triggers::List" => request(&|c| triggers::List::new(URN).request(c)),
        "triggers::Create" => {
            request(&|c| triggers::Create::new(URN, TimerEventData::rate("t", "1h")).request(c))
        }
        "triggers::Delete" => {
            request(&|c| triggers::Delete::new(URN, TRIGGER_TYPE, TRIGGER_ID).request(c))
        }
        "triggers::Get" => {
            request(&|c| triggers::Get::new(URN, TRIGGER_TYPE, TRIGGER_ID).request(c))
        }
        "triggers::DeleteAll" => request(&|c| triggers::DeleteAll::new(URN).request(c)),
        other => panic!("the README names an unknown type `{other}`"),
    };
    let template: Vec<&str> = request
        .uri()
        .path()
        .split('/')
        .map(|segment| match segment {
            PROJECT => "{project_id}",
            URN => "{function_urn}",
            ALIAS => "{alias_name}",
            TRIGGER_TYPE => "{trigger_type_code}",
            TRIGGER_ID => "{trigger_id}",
            other => other,
        })
        .collect();
    format!("{} {}", request.method(), template.join("/"))
}

/// `METHOD /path` and the operation id of the official OpenAPI file `official`.
fn official(official: &str) -> (String, String) {
    let file = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fgs-proto/tests/data/oas")
        .join(format!("{official}.json"));
    let text = std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{file:?}: {e}"));
    let oas: serde_json::Value = serde_json::from_str(&text).unwrap();
    let paths = oas["paths"].as_object().expect("paths");
    assert_eq!(paths.len(), 1, "{official}");
    let (path, methods) = paths.iter().next().unwrap();
    let (method, operation) = methods.as_object().unwrap().iter().next().unwrap();
    let id = operation["operationId"]
        .as_str()
        .unwrap_or_default()
        .to_owned();
    (format!("{} {path}", method.to_uppercase()), id)
}

#[test]
fn the_operation_table_matches_the_openapi_files_and_the_sdk() {
    let rows = rows();
    assert_eq!(rows.len(), 21, "{rows:#?}");
    for row in &rows {
        let (oas_line, oas_id) = official(&row.official);
        assert_eq!(oas_id, row.official, "{row:?}");
        assert_eq!(row.method_and_path, oas_line, "README vs OpenAPI: {row:?}");
        assert_eq!(built(&row.fgs_type), oas_line, "SDK vs OpenAPI: {row:?}");
    }
    let mut go_names: Vec<&str> = rows.iter().map(|r| r.go_name.as_str()).collect();
    let mut demo = OPERATIONS.to_vec();
    go_names.sort_unstable();
    demo.sort_unstable();
    assert_eq!(go_names, demo);
}
