//! The README's operation table, checked three ways: it has one row per operation of the
//! registry; each row's method and path is the one in the official OpenAPI file it names,
//! and the registry's for the SDK type it names; and its Go names are the demo's
//! operations.

use std::path::Path;

use fgs_examples::operations;
use fgs_proto::registry;

const README: &str = include_str!("../../../README.md");

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
        .filter(|line| {
            [
                "function.",
                "trigger.",
                "dependency.",
                "event.",
                "scaling.",
                "tag.",
                "observability.",
                "async.",
                "metrics.",
                "app.",
                "template.",
                "bridge.",
                "vpc.",
                "workflow.",
            ]
            .iter()
            .any(|package| line.starts_with(&format!("| `{package}")))
        })
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
                // `…` stands for `/v2/{project_id}/fgs`; the tag rows, whose paths lack
                // `fgs`, write `/v2/{project_id}` out.
                method_and_path: method_and_path.replace('…', "/v2/{project_id}/fgs"),
            }
        })
        .collect()
}

/// `METHOD /path` of the registry row of the SDK type `fgs_type` (fgs-proto's registry
/// test checks that each type builds that path).
fn registered(fgs_type: &str) -> String {
    let info = registry::ALL
        .iter()
        .find(|info| info.rust_type == fgs_type)
        .unwrap_or_else(|| panic!("the README names `{fgs_type}`, which the registry lacks"));
    format!("{} {}", info.method, info.path)
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
    let missing: Vec<_> = registry::ALL
        .iter()
        .filter(|info| !rows.iter().any(|row| row.fgs_type == info.rust_type))
        .map(|info| info.rust_type)
        .collect();
    assert!(missing.is_empty(), "the README table lacks {missing:?}");
    assert_eq!(rows.len(), registry::ALL.len(), "{rows:#?}");
    for row in &rows {
        let (oas_line, oas_id) = official(&row.official);
        assert_eq!(oas_id, row.official, "{row:?}");
        assert_eq!(row.method_and_path, oas_line, "README vs OpenAPI: {row:?}");
        assert_eq!(
            registered(&row.fgs_type),
            oas_line,
            "registry vs OpenAPI: {row:?}"
        );
    }
    let mut go_names: Vec<String> = rows.iter().map(|r| r.go_name.clone()).collect();
    let mut demo = operations();
    go_names.sort_unstable();
    demo.sort_unstable();
    assert_eq!(go_names, demo);
}
