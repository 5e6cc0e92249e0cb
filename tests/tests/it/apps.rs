//! Applications, templates, the service bridge and VPC endpoints through each adapter
//! against the emulator: an application created from a built-in template creates the
//! functions it describes, is shown and listed, counts as a deployment of its
//! template, and on delete takes its functions with it; function templates are listed
//! (filtered, in pages) and shown; a function's bridge functions and the bridge
//! versions; a VPC endpoint created, created again, deleted.

use fgs_proto::bridge::{BridgeType, ListFunctions, ListVersions};
use fgs_proto::functions::{GetMetadata, List as ListFunctionsOfProject};
use fgs_proto::{apps, templates, vpc_endpoints};
use fgs_tests::{Connect, echo_function, start};

fgs_tests::through_both_adapters!(
    application_from_a_template,
    function_templates,
    bridge_and_vpc_endpoints
);

fn application_from_a_template<S: Connect>() {
    let (_emu, sdk) = start::<S>();
    let who = sdk.name();
    let listed = sdk
        .send(&apps::ListTemplates::new())
        .expect("ListAppTemplates");
    assert_eq!(listed.count(), Some(2), "{who}");
    let template = listed
        .templates()
        .iter()
        .find(|t| t.name() == Some("http-api-with-worker"))
        .expect("the http API template")
        .clone();
    let id = template.id().unwrap().to_owned();
    let chinese = sdk
        .send(&apps::ListTemplates::new().category("web").language("zh-cn"))
        .expect("zh-cn");
    assert_eq!(chinese.templates().len(), 1, "{who}: category filter");
    assert_ne!(
        chinese.templates()[0].description(),
        template.description(),
        "{who}"
    );
    let pages = sdk
        .all_pages(apps::ListTemplates::new().maxitems(1))
        .expect("pages");
    assert_eq!(pages.len(), 2, "{who}: one template a page");

    let detail = sdk
        .send(&apps::GetTemplate::new(&id))
        .expect("ShowAppTemplate");
    assert_eq!(
        (detail.name(), detail.deploy_count()),
        (Some("http-api-with-worker"), Some(0)),
        "{who}"
    );

    let created = sdk
        .send(&apps::Create::new("shop", &id).description("the shop"))
        .expect("CreateFunctionApp");
    let app_id = created.application_id().unwrap().to_owned();
    // The template's two functions exist now.
    let names: Vec<String> = sdk
        .send(&ListFunctionsOfProject::new())
        .expect("ListFunctions")
        .functions()
        .iter()
        .filter_map(|f| f.func_name.clone())
        .collect();
    assert_eq!(names, ["shop-api", "shop-worker"], "{who}");
    let worker = sdk
        .send(&GetMetadata::new("default:shop-worker"))
        .expect("worker");
    assert_eq!(worker.memory_size, Some(512), "{who}");

    let app = sdk.send(&apps::Get::new(&app_id)).expect("ShowFunctionApp");
    assert_eq!(
        (app.name(), app.status()),
        (Some("shop"), Some("success")),
        "{who}"
    );
    assert_eq!(app.description(), Some("the shop"), "{who}");
    assert_eq!(
        app.stack_resources()
            .and_then(|r| r.physical_resource_name()),
        Some("shop-api"),
        "{who}"
    );
    let all = sdk
        .send(&apps::List::new())
        .expect("ListFunctionApplications");
    assert_eq!(all.count(), Some(1), "{who}");
    assert_eq!(all.applications()[0].id(), Some(app_id.as_str()), "{who}");
    let detail = sdk
        .send(&apps::GetTemplate::new(&id))
        .expect("ShowAppTemplate");
    assert_eq!(detail.deploy_count(), Some(1), "{who}");

    let again = sdk.send(&apps::Create::new("shop", &id)).unwrap_err();
    assert_eq!(
        again.status().map(|s| s.as_u16()),
        Some(409),
        "{who}: {again}"
    );
    let unknown = sdk
        .send(&apps::Create::new("other", "no-such-template"))
        .unwrap_err();
    assert!(unknown.is_not_found(), "{who}: {unknown}");
    // A template whose function already exists creates nothing.
    sdk.send(&echo_function("clash-api"))
        .expect("Create clash-api");
    let clash = sdk.send(&apps::Create::new("clash", &id)).unwrap_err();
    assert_eq!(clash.code(), Some("FSS.1061"), "{who}: {clash}");
    assert!(
        sdk.send(&GetMetadata::new("default:clash-worker")).is_err(),
        "{who}: all or none"
    );

    sdk.send(&apps::Delete::new(&app_id))
        .expect("DeleteFunctionApp");
    let gone = sdk.send(&GetMetadata::new("default:shop-api")).unwrap_err();
    assert!(
        gone.is_not_found(),
        "{who}: the application's functions go with it"
    );
    assert!(
        sdk.send(&apps::Get::new(&app_id))
            .unwrap_err()
            .is_not_found(),
        "{who}"
    );
    assert_eq!(
        sdk.send(&apps::List::new()).expect("List").count(),
        Some(0),
        "{who}"
    );
    assert!(
        sdk.send(&apps::Delete::new(&app_id))
            .unwrap_err()
            .is_not_found(),
        "{who}"
    );
}

fn function_templates<S: Connect>() {
    let (_emu, sdk) = start::<S>();
    let who = sdk.name();
    let all = sdk
        .all_items(templates::List::new().maxitems(1))
        .expect("all");
    assert_eq!(all.len(), 3, "{who}: one template a page, three in all");
    let python = sdk
        .send(&templates::List::new().runtime("Python3.9"))
        .expect("by runtime");
    assert_eq!(python.func_templates().len(), 2, "{who}");
    let private = sdk
        .send(&templates::List::new().ispublic(false))
        .expect("private");
    assert!(
        private.func_templates().is_empty(),
        "{who}: the built-in ones are public"
    );
    let first = &all[0];
    let shown = sdk
        .send(&templates::Get::new(first.id().unwrap()))
        .expect("ShowFunctionTemplate");
    assert_eq!(&shown, first, "{who}");
    assert_eq!(shown.handler(), Some("index.handler"), "{who}");
    let err = sdk.send(&templates::Get::new("no-such")).unwrap_err();
    assert_eq!(
        (err.status().map(|s| s.as_u16()), err.code()),
        (Some(404), Some("FSS.1059")),
        "{who}"
    );
}

fn bridge_and_vpc_endpoints<S: Connect>() {
    let (_emu, sdk) = start::<S>();
    let who = sdk.name();
    let bridge = sdk
        .send(&echo_function("bridge-rds"))
        .expect("Create bridge")
        .func_urn
        .unwrap();
    let mut app = echo_function("db-app");
    app.body_mut().extra.insert(
        "bind_bridge_funcUrns".into(),
        serde_json::json!([bridge.trim_end_matches(":latest")]),
    );
    let app = sdk.send(&app).expect("Create db-app").func_urn.unwrap();
    let bound = sdk
        .send(&ListFunctions::new(&app).kind(BridgeType::Rds))
        .expect("ListBridgeFunctions");
    assert_eq!(bound.len(), 1, "{who}");
    assert_eq!(bound[0].func_name.as_deref(), Some("bridge-rds"), "{who}");
    let none = sdk.send(&ListFunctions::new(&bridge)).expect("unbound");
    assert!(none.is_empty(), "{who}");
    let versions = sdk
        .send(&ListVersions::new(BridgeType::Rds))
        .expect("versions");
    assert_eq!(
        versions[0].name(),
        Some("functiongraph-rds-bridge"),
        "{who}"
    );
    let err = sdk
        .send(&ListVersions::new(BridgeType::Other("kafka".into())))
        .unwrap_err();
    assert_eq!(err.code(), Some("FSS.0400"), "{who}");

    let endpoint = sdk
        .send(&vpc_endpoints::Create::new("vpc-1", "subnet-1").flavor("small"))
        .expect("CreateVpcEndpoint");
    assert!(endpoint.address().unwrap().starts_with("https://"), "{who}");
    assert_eq!(endpoint.endpoints().len(), 1, "{who}");
    let again = sdk
        .send(&vpc_endpoints::Create::new("vpc-1", "subnet-1"))
        .expect("again");
    assert_eq!(again, endpoint, "{who}: the stored endpoint");
    let other = sdk
        .send(&vpc_endpoints::Create::new("vpc-1", "subnet-2"))
        .expect("another subnet");
    assert_ne!(other.endpoints(), endpoint.endpoints(), "{who}");
    sdk.send(&vpc_endpoints::Delete::new("vpc-1", "subnet-1"))
        .expect("DeleteVpcEndpoint");
    let err = sdk
        .send(&vpc_endpoints::Delete::new("vpc-1", "subnet-1"))
        .unwrap_err();
    assert!(err.is_not_found(), "{who}: {err}");
}
