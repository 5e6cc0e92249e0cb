//! Response parsing of the dependency and test-event operations: the OAS success
//! examples, odd-but-legal bodies (`{}`, nulls, unknown fields), empty 204s, paging, and
//! every error-body shape.

mod common;
mod error_shapes;

use common::fixtures::{BASE_URN, DEPEND_ID, EVENT_ID, Fixture};
use common::{oas_example, response};
use fgs_proto::dependencies::{CreateVersion, DeleteVersion, GetVersion, List, ListVersion};
use fgs_proto::events;
use fgs_proto::model::Runtime;
use fgs_proto::paginate::{Pager, Paginated};
use fgs_proto::{Error, Operation};

#[test]
fn list_oas_example() {
    let page = List::new()
        .response(response(200, &[], &oas_example("ListDependencies", "200")))
        .unwrap();
    assert_eq!((page.count(), page.next_marker()), (Some(43), Some(43)));
    let d = &page.dependencies()[0];
    assert_eq!(
        d.id.as_deref(),
        Some("6578de50-9a18-48fa-b84e-b2d36636e433")
    );
    assert_eq!(d.name.as_deref(), Some("panda1.1.3"));
    assert_eq!(d.owner.as_deref(), Some("public"));
    assert_eq!(d.runtime, Some(Runtime::Python36));
    assert_eq!(d.size, Some(31009808));
    assert!(d.extra.is_empty(), "{:?}", d.extra);
}

#[test]
fn version_oas_examples() {
    let created = CreateVersion::minimal()
        .response(response(
            200,
            &[],
            &oas_example("CreateDependencyVersion", "200"),
        ))
        .unwrap();
    assert_eq!(
        created.dep_id.as_deref(),
        Some("edbd67fa-f107-40b3-af75-a85f0577ad61")
    );
    assert_eq!(created.version, Some(0));
    assert_eq!(created.last_modified, Some(1660029887));
    assert_eq!(created.file_name.as_deref(), Some("python-kafka.zip"));
    let shown = GetVersion::new(DEPEND_ID, 0)
        .response(response(
            200,
            &[],
            &oas_example("ShowDependencyVersion", "200"),
        ))
        .unwrap();
    assert_eq!(
        shown.etag.as_deref(),
        Some("83863be4b6c3a86aef995dbc83aae68f")
    );
    assert!(shown.extra.is_empty(), "{:?}", shown.extra);
    let page = ListVersion::new(DEPEND_ID)
        .response(response(
            200,
            &[],
            &oas_example("ListDependencyVersion", "200"),
        ))
        .unwrap();
    assert_eq!(page.dependencies().len(), 1);
}

#[test]
fn odd_but_legal_bodies() {
    let empty = List::new().response(response(200, &[], "{}")).unwrap();
    assert!(empty.dependencies().is_empty());
    assert_eq!(empty.count(), None);
    let nulls = List::new()
        .response(response(
            200,
            &[],
            r#"{"dependencies":null,"count":null,"next_marker":null}"#,
        ))
        .unwrap();
    assert!(nulls.dependencies().is_empty());
    let odd = GetVersion::new(DEPEND_ID, 1)
        .response(response(
            200,
            &[],
            r#"{"runtime":"Rust1.0","is_shared":false,"download_link":null,"layer_arn":"x"}"#,
        ))
        .unwrap();
    assert_eq!(odd.runtime, Some(Runtime::Other("Rust1.0".into())));
    assert_eq!(odd.is_shared, Some(false));
    assert_eq!(odd.extra["layer_arn"], "x");
    // A wrong type is a decode error naming the field, not a panic.
    match GetVersion::new(DEPEND_ID, 1).response(response(200, &[], r#"{"size":"big"}"#)) {
        Err(Error::Decode(e)) => assert!(e.to_string().contains("size"), "{e}"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn deletes_accept_an_empty_204() {
    DeleteVersion::new(DEPEND_ID, 1)
        .response(response(204, &[], ""))
        .unwrap();
    events::Delete::new(BASE_URN, EVENT_ID)
        .response(response(204, &[], ""))
        .unwrap();
}

#[test]
fn the_version_pager_walks_to_the_count() {
    let mut pager = Pager::new(ListVersion::new(DEPEND_ID).maxitems(1));
    let page = |n: i64| {
        ListVersion::new(DEPEND_ID)
            .response(response(
                200,
                &[],
                &format!(r#"{{"dependencies":[{{"version":{n}}}],"next_marker":{n},"count":2}}"#),
            ))
            .unwrap()
    };
    pager.advance(&page(1));
    assert_eq!(
        pager.next_operation().and_then(|op| op.page_marker()),
        Some("1")
    );
    pager.advance(&page(2));
    assert!(pager.is_done());
}

#[test]
fn event_oas_examples() {
    let urn = BASE_URN;
    let created = events::Create::minimal()
        .response(response(200, &[], &oas_example("CreateEvent", "200")))
        .unwrap();
    assert_eq!(created.id(), Some(EVENT_ID));
    assert_eq!(created.name(), Some("event-k9r3"));
    let updated = events::Update::minimal()
        .response(response(200, &[], &oas_example("UpdateEvent", "200")))
        .unwrap();
    assert_eq!(updated.id(), Some(EVENT_ID));
    let shown = events::Get::new(urn, EVENT_ID)
        .response(response(200, &[], &oas_example("ShowEvent", "200")))
        .unwrap();
    assert_eq!(shown.last_modified(), Some(1597374286.0));
    // The example's content is elided with `*`: not base64, so no decoded content.
    assert_eq!(shown.decoded_content(), None);
    let listed = events::List::new(urn)
        .response(response(200, &[], &oas_example("ListEvents", "200")))
        .unwrap();
    assert_eq!(listed.count, Some(1));
    assert_eq!(listed.events()[0].name(), Some("event-k9r3"));
    assert_eq!(listed.events()[0].content(), None);
}

#[test]
fn event_odd_but_legal_bodies() {
    let event = events::Get::new(BASE_URN, EVENT_ID)
        .response(response(
            200,
            &[],
            r#"{"content":" eyJrIjoidiJ9 ","last_modified":1588766718.25,"name":null,"new":[1]}"#,
        ))
        .unwrap();
    assert_eq!(
        event.decoded_content().as_deref(),
        Some(&br#"{"k":"v"}"#[..])
    );
    assert_eq!(event.last_modified(), Some(1588766718.25));
    assert_eq!(event.name(), None);
    assert_eq!(event.extra["new"], serde_json::json!([1]));
    let empty = events::List::new(BASE_URN)
        .response(response(200, &[], "{}"))
        .unwrap();
    assert!(empty.events().is_empty());
}

#[test]
fn every_error_shape() {
    error_shapes::assert_error_shapes(&List::minimal());
    error_shapes::assert_error_shapes(&CreateVersion::minimal());
    error_shapes::assert_error_shapes(&ListVersion::minimal());
    error_shapes::assert_error_shapes(&GetVersion::minimal());
    error_shapes::assert_error_shapes(&DeleteVersion::minimal());
    error_shapes::assert_error_shapes(&events::Create::minimal());
    error_shapes::assert_error_shapes(&events::List::minimal());
    error_shapes::assert_error_shapes(&events::Get::minimal());
    error_shapes::assert_error_shapes(&events::Update::minimal());
    error_shapes::assert_error_shapes(&events::Delete::minimal());
}
