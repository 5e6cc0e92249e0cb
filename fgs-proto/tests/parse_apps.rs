//! Response parsing of the application, template, service-bridge and VPC-endpoint
//! operations: the OAS success examples (bare JSON arrays for the bridge), DeleteFunctionApp's
//! 200 and DeleteVpcEndpoint's 204 without bodies, odd-but-legal bodies, wrong types,
//! the template's 404 example, marker paging of the three listings, and every error shape.

mod common;
mod error_shapes;

use common::fixtures::{APP_ID, Fixture};
use common::{oas_example, response};
use fgs_proto::bridge::{self, BridgeType};
use fgs_proto::paginate::{Pager, Paginated};
use fgs_proto::{Error, Operation, apps, templates, vpc_endpoints};

#[test]
fn app_templates_oas_examples() {
    let page = apps::ListTemplates::new()
        .response(response(200, &[], &oas_example("ListAppTemplates", "200")))
        .unwrap();
    assert_eq!((page.count(), page.next_marker()), (Some(11), Some(11)));
    let t = &page.templates()[0];
    assert_eq!(t.name(), Some("AI Drawing Stable-Diffusion"));
    assert_eq!((t.category(), t.runtime()), (Some("AI"), Some("http")));
    assert!(t.extra.is_empty());
    let detail = apps::GetTemplate::new(APP_ID)
        .response(response(200, &[], &oas_example("ShowAppTemplate", "200")))
        .unwrap();
    assert_eq!(detail.version(), Some(20_231_103));
    assert_eq!(detail.create_time(), Some(1_699_328_406_899));
    assert_eq!(detail.params(), Some(""));
    assert_eq!(
        detail.resources()[0].resource_name(),
        Some("Object Storage Service (OBS)")
    );
    assert!(detail.extra.is_empty(), "{:?}", detail.extra);
}

#[test]
fn applications_oas_examples() {
    let created = apps::Create::minimal()
        .response(response(200, &[], &oas_example("CreateFunctionApp", "200")))
        .unwrap();
    assert_eq!(created.application_id(), Some(APP_ID));
    let page = apps::List::new()
        .response(response(
            200,
            &[],
            &oas_example("ListFunctionApplications", "200"),
        ))
        .unwrap();
    let a = &page.applications()[0];
    assert_eq!(
        (a.name(), a.status()),
        (Some("testApplication"), Some("repoFail"))
    );
    assert_eq!(a.last_modified_time(), Some(1_699_320_954_910));
    let app = apps::Get::new(APP_ID)
        .response(response(200, &[], &oas_example("ShowFunctionApp", "200")))
        .unwrap();
    assert_eq!(app.project_id(), Some("c53626012ba84727b938ca8bf03108ef"));
    assert_eq!(app.repo(), Some(&apps::RepoInfo::default()), "`repo: {{}}`");
    assert!(app.stack_resources().is_none(), "`stack_resources: null`");
    assert_eq!(app.repo_name(), Some(""));
    assert!(app.extra.is_empty(), "{:?}", app.extra);
    // DeleteFunctionApp answers 200 (not 204); any body is ignored.
    apps::Delete::new(APP_ID)
        .response(response(200, &[], ""))
        .unwrap();
    apps::Delete::new(APP_ID)
        .response(response(200, &[], "{}"))
        .unwrap();
}

#[test]
fn application_odd_bodies() {
    let app = apps::Get::new(APP_ID)
        .response(response(
            200,
            &[],
            r#"{"stack_resources":{"physical_resource_name":"shop-api","resource_status":"CREATION_COMPLETE","x":1},"status":"success"}"#,
        ))
        .unwrap();
    let r = app.stack_resources().unwrap();
    assert_eq!(r.physical_resource_name(), Some("shop-api"));
    assert_eq!(r.extra["x"], 1);
    match apps::Get::new(APP_ID).response(response(200, &[], r#"{"last_modified_time":"soon"}"#)) {
        Err(Error::Decode(e)) => assert_eq!(e.path(), "last_modified_time"),
        other => panic!("{other:?}"),
    }
    let empty = apps::List::new()
        .response(response(200, &[], "{}"))
        .unwrap();
    assert!(empty.applications().is_empty() && empty.count().is_none());
}

#[test]
fn function_templates_oas_examples_and_404() {
    let page = templates::List::new()
        .response(response(
            200,
            &[],
            &oas_example("ListFunctionTemplate", "200"),
        ))
        .unwrap();
    assert_eq!(page.next_marker(), Some(1));
    let t = &page.func_templates()[0];
    assert_eq!(t.template_name(), Some("access-service-with-http-php"));
    assert_eq!(
        (t.memory_size(), t.timeout(), t.kind()),
        (Some(256), Some(30), Some(1))
    );
    assert!(t.dependencies().is_empty() && t.trigger_metadata_list().is_empty());
    assert_eq!(
        t.temp_detail().and_then(|d| d.input()),
        Some("None"),
        "the OAS writes the text `None`"
    );
    assert!(t.extra.is_empty(), "{:?}", t.extra);
    let one = templates::Get::minimal()
        .response(response(
            200,
            &[],
            &oas_example("ShowFunctionTemplate", "200"),
        ))
        .unwrap();
    assert_eq!(&one, t);
    let missing = templates::Get::minimal()
        .response(response(
            404,
            &[],
            &oas_example("ShowFunctionTemplate", "404"),
        ))
        .unwrap_err();
    assert!(missing.is_not_found());
    assert_eq!(missing.code(), Some("FSS.1059"));
    assert_eq!(
        missing.message(),
        Some("The function template does not exist.")
    );
}

#[test]
fn bridge_answers_are_bare_arrays() {
    let functions = bridge::ListFunctions::minimal()
        .response(response(
            200,
            &[],
            &oas_example("ListBridgeFunctions", "200"),
        ))
        .unwrap();
    assert_eq!(functions.len(), 1);
    let f = &functions[0];
    assert_eq!(f.func_name.as_deref(), Some("bridge-test"));
    assert_eq!(f.code_size, Some(272));
    assert!(f.extra.is_empty(), "{:?}", f.extra);
    let versions = bridge::ListVersions::new(BridgeType::Rds)
        .response(response(
            200,
            &[],
            &oas_example("ListBridgeVersions", "200"),
        ))
        .unwrap();
    assert_eq!(versions[0].name(), Some("xxx"));
    assert!(
        bridge::ListVersions::new(BridgeType::Cache)
            .response(response(200, &[], "[]"))
            .unwrap()
            .is_empty()
    );
    // An object where the array belongs is a decode error, not a panic.
    assert!(matches!(
        bridge::ListVersions::new(BridgeType::Mqs).response(response(200, &[], "{}")),
        Err(Error::Decode(_))
    ));
    assert_eq!(
        BridgeType::from("kafka"),
        BridgeType::Other("kafka".into()),
        "bridge types are open"
    );
}

#[test]
fn vpc_endpoint_answers() {
    let created = vpc_endpoints::Create::minimal()
        .response(response(200, &[], &oas_example("CreateVpcEndpoint", "200")))
        .unwrap();
    assert_eq!(created.address(), Some("https://xx"));
    assert!(created.endpoints().is_empty());
    vpc_endpoints::Delete::minimal()
        .response(response(204, &[], ""))
        .unwrap();
    match vpc_endpoints::Create::minimal().response(response(
        200,
        &[],
        r#"{"endpoints":"1.2.3.4"}"#,
    )) {
        Err(Error::Decode(e)) => assert_eq!(e.path(), "endpoints"),
        other => panic!("{other:?}"),
    }
    // An empty subnet (the OAS example's) is refused before sending.
    let config = common::aksk_config();
    let err = vpc_endpoints::Delete::new("vpc-1", "")
        .request(&config)
        .unwrap_err();
    assert!(matches!(err, Error::InvalidInput(_)), "{err:?}");
}

#[test]
fn the_three_listings_page_by_marker() {
    fn walk<O: Paginated>(op: O, pages: &[&str]) -> Vec<Option<String>> {
        let mut pager = Pager::new(op);
        let mut markers = Vec::new();
        for body in pages {
            let Some(next) = pager.next_operation() else {
                break;
            };
            markers.push(next.page_marker().map(str::to_owned));
            let page = next.response(response(200, &[], body)).unwrap();
            pager.advance(&page);
        }
        assert!(pager.is_done());
        markers
    }
    assert_eq!(
        walk(
            apps::List::new().limit(1),
            &[
                r#"{"applications":[{"id":"a"}],"count":2,"next_marker":1}"#,
                r#"{"applications":[{"id":"b"}],"count":2,"next_marker":2}"#,
            ]
        ),
        [None, Some("1".to_owned())]
    );
    assert_eq!(
        walk(
            apps::ListTemplates::new(),
            &[r#"{"templates":[{"id":"a"}],"count":1,"next_marker":1}"#]
        ),
        [None]
    );
    // Function templates carry no total: the walk ends at an empty page.
    assert_eq!(
        walk(
            templates::List::new().maxitems(1),
            &[
                r#"{"func_templates":[{"id":"a"}],"next_marker":1}"#,
                r#"{"func_templates":[],"next_marker":1}"#,
            ]
        ),
        [None, Some("1".to_owned())]
    );
    let items = templates::List::into_items(
        templates::List::new()
            .response(response(
                200,
                &[],
                r#"{"func_templates":[{"id":"a"},{"id":"b"}]}"#,
            ))
            .unwrap(),
    );
    assert_eq!(items.len(), 2);
}

#[test]
fn error_shapes_of_every_app_template_bridge_and_endpoint_operation() {
    error_shapes::assert_error_shapes(&apps::ListTemplates::minimal());
    error_shapes::assert_error_shapes(&apps::GetTemplate::minimal());
    error_shapes::assert_error_shapes(&apps::Create::minimal());
    error_shapes::assert_error_shapes(&apps::List::minimal());
    error_shapes::assert_error_shapes(&apps::Get::minimal());
    error_shapes::assert_error_shapes(&apps::Delete::minimal());
    error_shapes::assert_error_shapes(&templates::List::minimal());
    error_shapes::assert_error_shapes(&templates::Get::minimal());
    error_shapes::assert_error_shapes(&bridge::ListFunctions::minimal());
    error_shapes::assert_error_shapes(&bridge::ListVersions::minimal());
    error_shapes::assert_error_shapes(&vpc_endpoints::Create::minimal());
    error_shapes::assert_error_shapes(&vpc_endpoints::Delete::minimal());
}
