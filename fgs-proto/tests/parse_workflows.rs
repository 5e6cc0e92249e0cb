//! Response parsing of the workflow operations: the OAS success example (only
//! CreateCallbackWorkflow has one) and, for the others, bodies built from the `example`
//! of every documented field; odd-but-legal bodies (unknown state kinds, nulls, extra
//! fields, empty 200s), wrong types, every error shape, and offset paging of the three
//! listings (ListWorkflowExecutions answers no total).

mod common;
mod error_shapes;

use common::fixtures::{EXECUTION_ID, Fixture, WORKFLOW_ID};
use common::{oas_example, response};
use fgs_proto::paginate::{Pager, Paginated};
use fgs_proto::workflows::{
    ActionMode, BatchDelete, Callback, Create, Definition, ExecutionStatus, Get, GetExecution,
    GetExecutionPage, InvokeMode, List, ListExecutions, Retry, Start, StartSync, State, StateKind,
    Stop, SyncStatus, TriggerKind, Update, WorkflowMode,
};
use fgs_proto::{Error, Operation, for_each_operation};
use serde_json::{Value, json};

/// A body for `schema` from the `example` of each field (recursing into objects and
/// arrays of objects), as the OAS files of these operations document no whole answer.
fn from_examples(schema: &Value, defs: &Value) -> Value {
    if let Some(reference) = schema["$ref"].as_str() {
        let def = &defs[reference.trim_start_matches("#/definitions/")];
        return from_examples(def, defs);
    }
    if let Some(properties) = schema["properties"].as_object().filter(|p| !p.is_empty()) {
        return properties
            .iter()
            .map(|(key, prop)| (key.clone(), from_examples(prop, defs)))
            .collect::<serde_json::Map<_, _>>()
            .into();
    }
    if schema["type"] == "array" {
        let item = &schema["items"];
        if item.get("$ref").is_some() {
            return json!([from_examples(item, defs)]);
        }
    }
    schema.get("example").cloned().unwrap_or(Value::Null)
}

/// The body of operation `name`'s answer `status`, built from the field examples.
fn documented(name: &str, status: &str) -> String {
    let path = format!("{}/tests/data/oas/{name}.json", env!("CARGO_MANIFEST_DIR"));
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let (_, methods) = doc["paths"].as_object().unwrap().iter().next().unwrap();
    let (_, op) = methods.as_object().unwrap().iter().next().unwrap();
    from_examples(&op["responses"][status]["schema"], &doc["definitions"]).to_string()
}

#[test]
fn create_and_update_answer_the_summary() {
    let body = documented("CreateWorkflow", "201");
    let created = Create::minimal()
        .response(response(201, &[], &body))
        .unwrap();
    assert_eq!(created.id(), Some("48aff955-ea10-4ffd-b426-190bc192dc14"));
    assert_eq!(created.name(), Some("test-flow"));
    assert_eq!(
        created.workflow_urn(),
        Some("urn:fss:cn-north-7:73d69ae0cfcf460190522d060f05ad:workflow:default:testflow:latest")
    );
    assert_eq!(created.enable_stream_response(), Some(false));
    assert!(created.extra.is_empty(), "{:?}", created.extra);
    let updated = Update::minimal()
        .response(response(200, &[], &documented("UpdateWorkFlow", "200")))
        .unwrap();
    assert_eq!(updated.updated_time(), Some("2021-01-01T00:00:00Z"));
    // An empty object is legal: every field is optional to the reader.
    let empty = Create::minimal()
        .response(response(201, &[], "{}"))
        .unwrap();
    assert_eq!(empty.id(), None);
    match Create::minimal().response(response(201, &[], r#"{"id":7}"#)) {
        Err(Error::Decode(e)) => assert_eq!(e.path(), "id"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn get_answers_a_typed_definition_and_keeps_unknown_state_kinds() {
    let info = Get::minimal()
        .response(response(200, &[], &documented("ShowWorkFlow", "200")))
        .unwrap();
    let definition = info.definition().unwrap();
    assert_eq!(definition.mode(), Some(&WorkflowMode::Normal));
    assert_eq!(definition.states().len(), 1);
    let state = definition.states()[0].typed().unwrap();
    assert_eq!(state.kind(), Some(&StateKind::Operation));
    assert_eq!(state.action_mode(), Some(&ActionMode::Sequential));
    assert_eq!(state.duration(), Some(5));
    let call = state.actions()[0].function_ref().unwrap();
    assert_eq!(call.ref_name(), Some("functionName"));
    assert_eq!(call.invoke_mode(), Some(&InvokeMode::Synchronize));
    assert_eq!(call.arguments().unwrap()["account"], "$.account");
    assert_eq!(
        definition.triggers()[0].trigger_type(),
        Some(&TriggerKind::Obs)
    );
    assert_eq!(
        definition.functions()[0].operation(),
        Some("urn:fss:cn-north-7:*:test_workflow")
    );
    assert_eq!(info.lts_group_id(), None.or(info.lts_group_id()));

    // A kind this SDK does not type, a state that is not even an object, an unknown
    // value of a known enum: all read, all written back unchanged.
    let odd = json!({
        "id": "w1",
        "definition": {
            "name": "odd", "start": "s", "mode": "TURBO",
            "states": [
                {"id": "s", "type": "Switch", "data_conditions": [{"condition": "$.a > 1", "transition": "t"}]},
                {"id": "t", "type": "End", "end": true, "actions": [], "transition": "", "colour": "red"},
                "not-a-state"
            ]
        }
    });
    let info = Get::minimal()
        .response(response(200, &[], &odd.to_string()))
        .unwrap();
    let definition = info.definition().unwrap();
    assert_eq!(
        definition.mode(),
        Some(&WorkflowMode::Other("TURBO".into()))
    );
    let states = definition.states();
    assert!(
        matches!(&states[0], State::Raw(raw) if raw["data_conditions"][0]["transition"] == "t")
    );
    assert_eq!(
        (states[0].id(), states[0].kind()),
        (Some("s"), Some("Switch"))
    );
    assert_eq!(states[1].typed().unwrap().extra["colour"], "red");
    assert_eq!(states[2], State::Raw(json!("not-a-state")));
    assert_eq!(states[2].id(), None);
    let back = serde_json::to_value(definition).unwrap();
    assert_eq!(back, odd["definition"]);
    let again: Definition = serde_json::from_value(back).unwrap();
    assert_eq!(&again, definition);
    // A known kind with a wrongly typed field is an error, not a silent raw state.
    let bad = r#"{"definition":{"states":[{"type":"Sleep","duration":"5"}]}}"#;
    assert!(matches!(
        Get::minimal().response(response(200, &[], bad)),
        Err(Error::Decode(_))
    ));
}

#[test]
fn list_answers_a_page_with_the_total() {
    let page = List::minimal()
        .response(response(200, &[], &documented("ListWorkflow", "200")))
        .unwrap();
    assert_eq!(page.workflows()[0].created_by(), Some("admin"));
    assert_eq!(page.workflows()[0].description(), Some("desc"));
    let empty = List::minimal()
        .response(response(200, &[], r#"{"workflows":null,"total":0}"#))
        .unwrap();
    assert!(empty.workflows().is_empty());
    assert_eq!(empty.total(), Some(0));
}

#[test]
fn batch_delete_answers_what_was_and_was_not_deleted() {
    let body =
        r#"{"success":["urn:a"],"fail":[{"workflow_urn":"urn:b","error_detail":"not found"}]}"#;
    let out = BatchDelete::minimal()
        .response(response(200, &[], body))
        .unwrap();
    assert_eq!(out.success(), ["urn:a"]);
    assert_eq!(out.fail()[0].error_detail(), Some("not found"));
    let documented = BatchDelete::minimal()
        .response(response(
            200,
            &[],
            &documented("BatchDeleteWorkflows", "200"),
        ))
        .unwrap();
    assert_eq!(
        documented.success(),
        ["urn:fss:cn-north-7:73d69ae0cfcf460190522d060f05ad:workflow:default:testflow:latest"]
    );
    assert_eq!(documented.fail().len(), 1);
}

#[test]
fn starts_answer_the_execution() {
    let started = Start::minimal()
        .response(response(
            200,
            &[],
            &documented("StartWorkflowExecution", "200"),
        ))
        .unwrap();
    assert_eq!(
        started.execution_id(),
        Some("48aff955-ea10-4ffd-b426-190bc192dc14")
    );
    let sync = StartSync::minimal()
        .response(response(
            200,
            &[],
            &documented("StartSyncWorkflowExecution", "200"),
        ))
        .unwrap();
    assert_eq!(sync.status(), Some(&SyncStatus::Success));
    let failed = StartSync::minimal()
        .response(response(
            200,
            &[],
            r#"{"status":"fail","output":null,"errors":[{"node_id":"a","error_message":"boom"}]}"#,
        ))
        .unwrap();
    assert_eq!(failed.errors()[0].node_id(), Some("a"));
    assert_eq!(failed.output(), None);
    let odd = StartSync::minimal()
        .response(response(200, &[], r#"{"status":"paused","output":"text"}"#))
        .unwrap();
    assert_eq!(odd.status(), Some(&SyncStatus::Other("paused".into())));
    assert_eq!(odd.output(), Some(&json!("text")));
}

#[test]
fn executions_read_with_every_state_run() {
    let details = GetExecution::minimal()
        .response(response(
            200,
            &[],
            &documented("ShowWorkflowExecution", "200"),
        ))
        .unwrap();
    assert_eq!(details.status(), Some(&ExecutionStatus::Running));
    let node = &details.node_execution_details()[0];
    let run = &node.executions()[0];
    assert_eq!(run.status(), Some(&ExecutionStatus::Running));
    assert_eq!(details.node(node.node_id().unwrap_or_default()).len(), 1);
    assert!(details.node("no-such-state").is_empty());
    let listed = ListExecutions::minimal()
        .response(response(
            200,
            &[],
            &documented("ListWorkflowExecutions", "200"),
        ))
        .unwrap();
    assert_eq!(listed.executions().len(), 1);
    let page = GetExecutionPage::minimal()
        .response(response(
            200,
            &[],
            r#"{"executions":[{"execution_id":"e","status":"stopping"}],"size":1,"total":3}"#,
        ))
        .unwrap();
    assert_eq!(
        page.executions()[0].status(),
        Some(&ExecutionStatus::Stopping)
    );
    assert_eq!((page.size(), page.total()), (Some(1), Some(3)));
    match GetExecution::minimal().response(response(
        200,
        &[],
        r#"{"node_execution_details":[{"executions":[{"begin_time":"yesterday"}]}]}"#,
    )) {
        Err(Error::Decode(e)) => {
            assert_eq!(
                e.path(),
                "node_execution_details[0].executions[0].begin_time"
            )
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn controls_accept_an_empty_200_and_callback_its_oas_example() {
    Retry::minimal().response(response(200, &[], "")).unwrap();
    Stop::minimal().response(response(200, &[], "")).unwrap();
    let out = Callback::minimal()
        .response(response(
            200,
            &[],
            &oas_example("CreateCallbackWorkflow", "200"),
        ))
        .unwrap();
    assert_eq!(
        out.execution_id(),
        Some("48aff955-ea10-4ffd-b426-190bc192dc13")
    );
}

#[test]
fn the_pagers_compute_offsets_in_the_query() {
    let page = |n: usize, total: Option<i64>| {
        let items: Vec<String> = (0..n).map(|i| format!(r#"{{"id":"w{i}"}}"#)).collect();
        let total = total
            .map(|t| format!(r#","total":{t}"#))
            .unwrap_or_default();
        format!(r#"{{"workflows":[{}]{total}}}"#, items.join(","))
    };
    let list = |body: String| List::minimal().response(response(200, &[], &body)).unwrap();
    let mut pager = Pager::new(List::new().limit(2));
    pager.advance(&list(page(2, Some(3))));
    assert_eq!(
        pager.next_operation().and_then(|op| op.page_marker()),
        Some("2")
    );
    pager.advance(&list(page(1, Some(3))));
    assert!(pager.is_done(), "offset 3 reaches the total");
    // Executions have no total: an empty page ends the walk.
    let executions = |n: usize| {
        let items: Vec<String> = (0..n)
            .map(|i| format!(r#"{{"execution_id":"e{i}"}}"#))
            .collect();
        ListExecutions::minimal()
            .response(response(
                200,
                &[],
                &format!(r#"{{"executions":[{}]}}"#, items.join(",")),
            ))
            .unwrap()
    };
    let mut pager = Pager::new(ListExecutions::new(WORKFLOW_ID).limit(2));
    pager.advance(&executions(2));
    pager.advance(&executions(2));
    let next = pager.next_operation().unwrap();
    assert_eq!(next.page_marker(), Some("4"));
    let config = common::aksk_config();
    assert!(
        next.request(&config)
            .unwrap()
            .uri()
            .query()
            .unwrap()
            .contains("offset=4")
    );
    pager.advance(&executions(0));
    assert!(pager.is_done());
    // The history page starts at its required offset and stops at the total.
    let mut pager = Pager::new(GetExecutionPage::new(WORKFLOW_ID, 0, 1));
    let history = GetExecutionPage::minimal()
        .response(response(200, &[], r#"{"executions":[{}],"total":2}"#))
        .unwrap();
    pager.advance(&history);
    assert_eq!(
        pager.next_operation().and_then(|op| op.page_marker()),
        Some("1")
    );
    pager.advance(&history);
    assert!(pager.is_done());
    assert_eq!(GetExecutionPage::into_items(history).len(), 1);
}

#[test]
fn error_shapes_of_every_workflow_operation() {
    let mut checked = 0;
    macro_rules! each {
        ($($op:ty),* $(,)?) => { $(
            if <$op as Operation>::INFO.group == fgs_proto::registry::Group::Workflows {
                error_shapes::assert_error_shapes(&<$op as Fixture>::minimal());
                checked += 1;
            }
        )* };
    }
    for_each_operation!(each);
    assert_eq!(checked, 13);
    // The service's documented 404 reads with its code and message.
    let e = match GetExecution::new(WORKFLOW_ID, EXECUTION_ID).response(response(
        404,
        &[],
        r#"{"error_code":"FGS.5002","error_msg":"Function flow not found."}"#,
    )) {
        Err(Error::Service(e)) => e,
        other => panic!("{other:?}"),
    };
    assert_eq!(e.code(), Some("FGS.5002"));
    assert_eq!(e.message(), Some("Function flow not found."));
}
