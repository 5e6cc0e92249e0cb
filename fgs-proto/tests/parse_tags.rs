//! Response parsing of the tag operations: the OAS success examples, empty 204s,
//! odd-but-legal bodies, wrong types, and offset paging of ShowResInstanceInfo (the
//! pager computes each next offset from the page's length, up to `total_count`).

mod common;
mod error_shapes;

use common::fixtures::{BASE_URN, Fixture};
use common::{oas_example, response};
use fgs_proto::paginate::{Pager, Paginated};
use fgs_proto::tags::{Create, Delete, List, ListProject, ListResources, Tag};
use fgs_proto::{Error, Operation};

#[test]
fn create_and_delete_accept_an_empty_204() {
    Create::minimal().response(response(204, &[], "")).unwrap();
    Delete::minimal().response(response(204, &[], "")).unwrap();
}

#[test]
fn list_oas_example_and_odd_bodies() {
    let tags = List::new(BASE_URN)
        .response(response(200, &[], &oas_example("ListFunctionTags", "200")))
        .unwrap();
    assert_eq!(tags.tags(), [Tag::new("xxx", "yyy")]);
    assert_eq!(tags.sys_tags()[0].key(), Some("_sys_enterprise_project_id"));
    let empty = List::new(BASE_URN)
        .response(response(200, &[], r#"{"tags":null}"#))
        .unwrap();
    assert!(empty.tags().is_empty() && empty.sys_tags().is_empty());
    let odd = List::new(BASE_URN)
        .response(response(
            200,
            &[],
            r#"{"tags":[{"key":"k","value":null,"v":1}]}"#,
        ))
        .unwrap();
    assert_eq!(
        (odd.tags()[0].key(), odd.tags()[0].value()),
        (Some("k"), None)
    );
    assert_eq!(odd.tags()[0].extra["v"], 1);
    match List::new(BASE_URN).response(response(200, &[], r#"{"tags":[{"key":1}]}"#)) {
        Err(Error::Decode(e)) => assert_eq!(e.path(), "tags[0].key"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn project_tags_oas_example() {
    let all = ListProject::new()
        .response(response(
            200,
            &[],
            &oas_example("ShowProjectTagsList", "200"),
        ))
        .unwrap();
    assert_eq!(all.tags()[0].key(), Some("xxx"));
    assert_eq!(all.tags()[0].values(), ["yyy", "zzz"]);
    assert_eq!(all.sys_tags().len(), 1);
    assert!(
        ListProject::new()
            .response(response(200, &[], "{}"))
            .unwrap()
            .tags()
            .is_empty()
    );
}

#[test]
fn resources_oas_example_and_odd_bodies() {
    let page = ListResources::filter()
        .response(response(
            200,
            &[],
            &oas_example("ShowResInstanceInfo", "200"),
        ))
        .unwrap();
    let r = &page.resources()[0];
    assert_eq!(r.resource_name(), Some("test_v2_1"));
    assert_eq!(
        r.resource_detail().and_then(|d| d.detail_id()),
        Some("urn:fss:{region_id}:xxxx:function:default:test_xxx:latest")
    );
    assert!(r.tags().is_empty());
    assert_eq!(r.sys_tags().len(), 1);
    assert!(r.extra.is_empty(), "{:?}", r.extra);
    // The OAS example puts total_count beside the body, not in it.
    assert_eq!(page.total_count(), None);
    let counted = ListResources::count()
        .response(response(200, &[], r#"{"total_count":3}"#))
        .unwrap();
    assert_eq!(
        (counted.total_count(), counted.resources().len()),
        (Some(3), 0)
    );
    match ListResources::filter().response(response(200, &[], r#"{"total_count":"3"}"#)) {
        Err(Error::Decode(e)) => assert_eq!(e.path(), "total_count"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_pager_computes_offsets_up_to_the_total() {
    let page = |names: &[&str], total: i64| {
        let resources: Vec<String> = names
            .iter()
            .map(|n| format!(r#"{{"resource_name":"{n}"}}"#))
            .collect();
        ListResources::filter()
            .response(response(
                200,
                &[],
                &format!(
                    r#"{{"resources":[{}],"total_count":{total}}}"#,
                    resources.join(",")
                ),
            ))
            .unwrap()
    };
    let mut pager = Pager::new(ListResources::filter().limit(2));
    assert_eq!(pager.next_operation().and_then(|op| op.page_marker()), None);
    pager.advance(&page(&["a", "b"], 5));
    let next = pager.next_operation().unwrap();
    assert_eq!(next.page_marker(), Some("2"));
    assert_eq!(next.body().offset.as_deref(), Some("2"));
    pager.advance(&page(&["c", "d"], 5));
    assert_eq!(
        pager.next_operation().and_then(|op| op.page_marker()),
        Some("4")
    );
    pager.advance(&page(&["e"], 5));
    assert!(pager.is_done(), "offset 5 reaches the total");
    // An empty page ends it, as does a page without a total once it is empty.
    let mut pager = Pager::new(ListResources::filter().offset(3));
    pager.advance(&page(&[], 9));
    assert!(pager.is_done());
    let mut pager = Pager::new(ListResources::filter());
    pager.advance(
        &ListResources::filter()
            .response(response(200, &[], r#"{"resources":[{}]}"#))
            .unwrap(),
    );
    assert_eq!(
        pager.next_operation().and_then(|op| op.page_marker()),
        Some("1"),
        "no total: go on while pages have items"
    );
    assert_eq!(ListResources::into_items(page(&["x", "y"], 2)).len(), 2);
}

#[test]
fn error_shapes_of_every_tag_operation() {
    error_shapes::assert_error_shapes(&Create::minimal());
    error_shapes::assert_error_shapes(&Delete::minimal());
    error_shapes::assert_error_shapes(&List::new(BASE_URN));
    error_shapes::assert_error_shapes(&ListProject::new());
    error_shapes::assert_error_shapes(&ListResources::count());
}
