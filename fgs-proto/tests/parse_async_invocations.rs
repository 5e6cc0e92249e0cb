//! Response parsing of the async invocation operations: the OAS success and error
//! examples, empty 204/200 answers, odd-but-legal bodies, wrong types, unknown statuses
//! and destinations kept, and marker paging of the three lists.

mod common;
mod error_shapes;

use common::fixtures::{BASE_URN, Fixture, URN};
use common::{oas_example, response};
use fgs_proto::async_invocations::{
    Cancel, DeleteConfig, GetConfig, InvocationStatus, List, ListActive, ListConfigs, UpdateConfig,
};
use fgs_proto::model::DestinationType;
use fgs_proto::paginate::{Pager, Paginated};
use fgs_proto::{Error, Operation};

const PYTHON_URN: &str =
    "urn:fss:{region}:5691ba790e2b46ceb38316xxxxxxxxxx:function:default:testPython:latest";

#[test]
fn update_and_show_oas_examples() {
    for (op, name) in [
        (
            UpdateConfig::minimal().response(response(
                200,
                &[],
                &oas_example("UpdateFunctionAsyncInvokeConfig", "200"),
            )),
            "Update",
        ),
        (
            GetConfig::minimal().response(response(
                200,
                &[],
                &oas_example("ShowFunctionAsyncInvokeConfig", "200"),
            )),
            "Show",
        ),
    ] {
        let config = op.unwrap();
        assert_eq!(
            config.func_urn(),
            Some("urn:fss:xxxxxxxxx:7aad83af3e8d42e99ac194xxxxxxxxxx:function:default:test:latest"),
            "{name}"
        );
        assert_eq!(config.max_async_event_age_in_seconds(), Some(60), "{name}");
        assert_eq!(config.max_async_retry_attempts(), Some(1), "{name}");
        assert_eq!(config.created_time(), Some("2021-03-04T14:50:02+08:00"));
        assert_eq!(config.last_modified(), Some("2021-03-04T14:50:02+08:00"));
        assert_eq!(config.enable_async_status_log(), None);
        let destinations = config.destination_config().unwrap();
        for d in [&destinations.on_success, &destinations.on_failure] {
            let d = d.as_ref().unwrap();
            assert_eq!(d.destination(), Some(&DestinationType::FunctionGraph));
            assert_eq!(d.func_urn().as_deref(), Some(PYTHON_URN));
        }
        assert!(config.extra.is_empty(), "{:?}", config.extra);
    }
}

#[test]
fn configs_odd_bodies() {
    // Unknown destinations and fields are kept; a param that is not JSON has no URN.
    let odd = GetConfig::minimal()
        .response(response(
            200,
            &[],
            r#"{"destination_config":{"on_failure":{"destination":"Kafka","param":"not json"},
                "on_success":null},"max_async_retry_attempts":0,"future":[1]}"#,
        ))
        .unwrap();
    let failure = odd
        .destination_config()
        .and_then(|d| d.on_failure.as_ref())
        .unwrap();
    assert_eq!(
        failure.destination(),
        Some(&DestinationType::Other("Kafka".into()))
    );
    assert_eq!(failure.func_urn(), None);
    assert_eq!(odd.max_async_retry_attempts(), Some(0));
    assert_eq!(odd.extra["future"], serde_json::json!([1]));
    let empty = UpdateConfig::minimal()
        .response(response(200, &[], "{}"))
        .unwrap();
    assert_eq!(empty.destination_config(), None);
    match GetConfig::minimal().response(response(
        200,
        &[],
        r#"{"max_async_event_age_in_seconds":"60"}"#,
    )) {
        Err(Error::Decode(e)) => assert_eq!(e.path(), "max_async_event_age_in_seconds"),
        other => panic!("{other:?}"),
    }
    match GetConfig::minimal().response(response(
        200,
        &[],
        r#"{"destination_config":{"on_success":{"destination":7}}}"#,
    )) {
        Err(Error::Decode(e)) => {
            assert_eq!(e.path(), "destination_config.on_success.destination")
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn delete_and_cancel_accept_empty_answers() {
    DeleteConfig::minimal()
        .response(response(204, &[], ""))
        .unwrap();
    // Cancel's 200 has no defined body: whatever comes is not read.
    Cancel::minimal().response(response(200, &[], "")).unwrap();
    Cancel::minimal()
        .response(response(200, &[], "{}"))
        .unwrap();
    Cancel::minimal()
        .response(response(200, &[], "not json"))
        .unwrap();
}

#[test]
fn list_configs_oas_example() {
    let page = ListConfigs::minimal()
        .response(response(
            200,
            &[],
            &oas_example("ListFunctionAsyncInvokeConfig", "200"),
        ))
        .unwrap();
    let item = &page.async_invoke_configs()[0];
    assert_eq!(
        item.func_urn(),
        Some(
            "urn:fss:{region}:5691ba790e2b46ceb38316xxxxxxxxxx:function:default:test_async:latest"
        )
    );
    // The OAS example puts `count` and `page_info` inside the item, not beside the list:
    // they are kept there as unknown fields, and the page has neither.
    assert_eq!(item.extra["count"], 2);
    assert_eq!(page.count(), None);
    assert_eq!(page.page_info(), None);
    assert_eq!(ListConfigs::page_info(&page).len, 1);
}

#[test]
fn record_lists_oas_examples() {
    let all = List::minimal()
        .response(response(
            200,
            &[],
            &oas_example("ListAsyncInvocations", "200"),
        ))
        .unwrap();
    let active = ListActive::minimal()
        .response(response(
            200,
            &[],
            &oas_example("ListActiveAsyncInvocations", "200"),
        ))
        .unwrap();
    for page in [&all, &active] {
        let record = &page.invocations()[0];
        assert_eq!(
            record.request_id(),
            Some("403fcbd6-ec41-401f-9fa7-386f3d3d****")
        );
        assert_eq!(record.status(), Some(&InvocationStatus::Success));
        assert_eq!(record.error_code(), Some(0));
        assert_eq!(record.error_message(), Some(""));
        assert_eq!(record.start_time(), Some("2019-10-25T15:37:27"));
        assert_eq!(record.end_time(), Some("2019-10-25T15:37:27"));
    }
    assert_eq!((all.count(), all.next_marker()), (None, None));
    assert_eq!((active.count(), active.next_marker()), (Some(10), Some(1)));
}

#[test]
fn record_odd_bodies() {
    let odd = List::minimal()
        .response(response(
            200,
            &[],
            r#"{"invocations":[{"status":"CANCELED","request_id":"r"},{}],"count":2,"next_marker":null}"#,
        ))
        .unwrap();
    assert_eq!(
        odd.invocations()[0].status(),
        Some(&InvocationStatus::Other("CANCELED".into()))
    );
    assert_eq!(odd.invocations()[1], Default::default());
    assert_eq!(odd.next_marker(), None);
    let empty = ListActive::minimal()
        .response(response(200, &[], "{}"))
        .unwrap();
    assert!(empty.invocations().is_empty());
    match List::minimal().response(response(
        200,
        &[],
        r#"{"invocations":[{"error_code":"0"}]}"#,
    )) {
        Err(Error::Decode(e)) => assert_eq!(e.path(), "invocations[0].error_code"),
        other => panic!("{other:?}"),
    }
    match ListActive::minimal().response(response(200, &[], r#"{"invocations":{}}"#)) {
        Err(Error::Decode(e)) => assert_eq!(e.path(), "invocations"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn oas_error_examples_are_service_errors() {
    for (official, status, op) in [
        (
            "ListAsyncInvocations",
            403,
            List::minimal()
                .response(response(
                    403,
                    &[],
                    &oas_example("ListAsyncInvocations", "403"),
                ))
                .map(drop),
        ),
        (
            "ListAsyncInvocations",
            404,
            List::minimal()
                .response(response(
                    404,
                    &[],
                    &oas_example("ListAsyncInvocations", "404"),
                ))
                .map(drop),
        ),
        (
            "ListActiveAsyncInvocations",
            500,
            ListActive::minimal()
                .response(response(
                    500,
                    &[],
                    &oas_example("ListActiveAsyncInvocations", "500"),
                ))
                .map(drop),
        ),
        (
            "CancelAsyncInvocation",
            400,
            Cancel::minimal().response(response(
                400,
                &[],
                &oas_example("CancelAsyncInvocation", "400"),
            )),
        ),
    ] {
        match op {
            Err(Error::Service(e)) => {
                assert_eq!(e.status(), status, "{official}");
                assert_eq!(
                    e.code(),
                    Some(format!("FSS.0{status}").as_str()),
                    "{official}"
                );
            }
            other => panic!("{official}: {other:?}"),
        }
    }
}

#[test]
fn the_record_pager_follows_next_marker_up_to_the_count() {
    let page = |ids: &[&str], next: i64, count: i64| {
        let items: Vec<String> = ids
            .iter()
            .map(|id| format!(r#"{{"request_id":"{id}","status":"SUCCESS"}}"#))
            .collect();
        List::new(URN)
            .response(response(
                200,
                &[],
                &format!(
                    r#"{{"invocations":[{}],"next_marker":{next},"count":{count}}}"#,
                    items.join(",")
                ),
            ))
            .unwrap()
    };
    let mut pager = Pager::new(List::new(URN).limit(2));
    pager.advance(&page(&["a", "b"], 2, 3));
    assert_eq!(
        pager.next_operation().and_then(|op| op.page_marker()),
        Some("2")
    );
    pager.advance(&page(&["c"], 3, 3));
    assert!(pager.is_done(), "next_marker reaches the count");
    assert_eq!(List::into_items(page(&["x"], 1, 1)).len(), 1);

    let configs = |next: i64, count: i64| {
        ListConfigs::new(BASE_URN)
            .response(response(
                200,
                &[],
                &format!(
                    r#"{{"async_invoke_configs":[{{"func_urn":"u"}}],"count":{count},
                        "page_info":{{"next_marker":{next},"previous_marker":0,"current_count":1}}}}"#
                ),
            ))
            .unwrap()
    };
    let mut pager = Pager::new(ListConfigs::new(BASE_URN).limit(1));
    pager.advance(&configs(1, 2));
    assert_eq!(
        pager.next_operation().and_then(|op| op.page_marker()),
        Some("1")
    );
    pager.advance(&configs(2, 2));
    assert!(pager.is_done());
    let mut pager = Pager::new(ListActive::new(URN).marker("4"));
    pager.advance(
        &ListActive::new(URN)
            .response(response(200, &[], r#"{"invocations":[],"next_marker":4}"#))
            .unwrap(),
    );
    assert!(pager.is_done(), "an empty page ends it");
}

#[test]
fn error_shapes_of_every_async_invocation_operation() {
    error_shapes::assert_error_shapes(&UpdateConfig::minimal());
    error_shapes::assert_error_shapes(&GetConfig::minimal());
    error_shapes::assert_error_shapes(&ListConfigs::minimal());
    error_shapes::assert_error_shapes(&DeleteConfig::minimal());
    error_shapes::assert_error_shapes(&List::minimal());
    error_shapes::assert_error_shapes(&ListActive::minimal());
    error_shapes::assert_error_shapes(&Cancel::minimal());
}
