//! Tags through each adapter against the emulator: tags set on two functions, listed,
//! aggregated by the project list, found (and counted) through ShowResInstanceInfo by
//! tag and by name, walked in offset pages, removed, and the per-function limit.

use fgs_proto::tags::{Create, Delete, List, ListProject, ListResources, Tag, TagValues};
use fgs_tests::{Connect, echo_function, start};

fgs_tests::through_both_adapters!(set_and_found);

fn set_and_found<S: Connect>() {
    let (_emu, sdk) = start::<S>();
    let who = sdk.name();
    let urn = |name: &str| {
        sdk.send(&echo_function(name))
            .expect("Create")
            .func_urn
            .unwrap()
    };
    let (api, worker, plain) = (urn("tagged-api"), urn("tagged-worker"), urn("untagged"));
    sdk.send(&Create::new(
        &api,
        vec![Tag::new("env", "prod"), Tag::new("team", "web")],
    ))
    .expect("CreateTags api");
    sdk.send(&Create::new(&worker, vec![Tag::new("env", "dev")]))
        .expect("CreateTags worker");
    // Setting a key again replaces its value.
    sdk.send(&Create::new(&worker, vec![Tag::new("env", "prod")]))
        .expect("CreateTags worker again");

    let listed = sdk.send(&List::new(&api)).expect("ListTags");
    assert_eq!(
        listed.tags(),
        [Tag::new("env", "prod"), Tag::new("team", "web")],
        "{who}"
    );
    let project = sdk.send(&ListProject::new()).expect("ListProjectTags");
    let keys: Vec<_> = project
        .tags()
        .iter()
        .map(|t| (t.key().unwrap_or_default(), t.values().to_vec()))
        .collect();
    assert_eq!(
        keys,
        vec![
            ("env", vec!["prod".to_owned()]),
            ("team", vec!["web".to_owned()])
        ],
        "{who}"
    );

    // Found by tag: both prod functions, not the untagged one.
    let prod = sdk
        .send(&ListResources::filter().matches(Tag::new("env", "prod")))
        .expect("ShowResInstanceInfo filter");
    let names: Vec<_> = prod
        .resources()
        .iter()
        .map(|r| r.resource_name().unwrap_or_default())
        .collect();
    assert_eq!(names, ["tagged-api", "tagged-worker"], "{who}");
    assert_eq!(prod.total_count(), Some(2), "{who}");
    let first = &prod.resources()[0];
    assert_eq!(
        first.resource_detail().and_then(|d| d.detail_id()),
        Some(api.as_str()),
        "{who}"
    );
    assert_eq!(first.tags().len(), 2, "{who}");
    // Every condition must hold: a tag and a part of the name.
    let counted = sdk
        .send(
            &ListResources::count()
                .matches(Tag::new("env", "prod"))
                .matches(Tag::new("resource_name", "worker")),
        )
        .expect("ShowResInstanceInfo count");
    assert_eq!(counted.total_count(), Some(1), "{who}");
    assert!(
        counted.resources().is_empty(),
        "{who}: count answers no list"
    );
    let untagged = sdk
        .send(&ListResources::filter().without_any_tag(true))
        .expect("without_any_tag");
    assert_eq!(
        untagged.resources()[0]
            .resource_detail()
            .and_then(|d| d.detail_id()),
        Some(plain.as_str()),
        "{who}"
    );
    // The tag service's own `tags` filter (key with any of its values) works too.
    let mut by_team = ListResources::count();
    by_team.body_mut().extra.insert(
        "tags".into(),
        serde_json::to_value([TagValues::new("team", ["web", "data"])]).unwrap(),
    );
    assert_eq!(
        sdk.send(&by_team).expect("tags filter").total_count(),
        Some(1),
        "{who}"
    );
    // Offset pages of one, computed by the pager.
    let pages = sdk
        .all_pages(ListResources::filter().limit(1))
        .expect("pages");
    let per_page: Vec<usize> = pages.iter().map(|p| p.resources().len()).collect();
    assert_eq!(per_page, [1, 1, 1], "{who}: three functions, one per page");

    // Removing a tag: the function no longer matches, the project list forgets `team`.
    sdk.send(&Delete::new(&api, vec![Tag::new("team", "")]))
        .expect("DeleteTags");
    let project = sdk
        .send(&ListProject::new())
        .expect("ListProjectTags after");
    assert_eq!(project.tags().len(), 1, "{who}");
    let none = sdk
        .send(&ListResources::count().matches(Tag::new("team", "web")))
        .expect("count after");
    assert_eq!(none.total_count(), Some(0), "{who}");

    // At most 20 tags per function; a request beyond changes nothing.
    let many: Vec<Tag> = (0..20).map(|i| Tag::new(format!("k{i}"), "v")).collect();
    let err = sdk.send(&Create::new(&api, many)).unwrap_err();
    assert_eq!(
        (err.status().map(|s| s.as_u16()), err.code()),
        (Some(400), Some("FSS.0400")),
        "{who}: 1 + 20 > 20"
    );
    assert_eq!(
        sdk.send(&List::new(&api)).expect("ListTags").tags().len(),
        1,
        "{who}"
    );
    let err = sdk.send(&List::new("default:no-such")).unwrap_err();
    assert!(err.is_not_found(), "{who}: {err}");
}
