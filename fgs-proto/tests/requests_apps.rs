//! Request snapshots of the application, template, service-bridge and VPC-endpoint
//! operations beyond the minimal ones (which `registry.rs` snapshots from the
//! fixtures): every field set, signed with AK/SK at a fixed time. ListAppTemplates
//! sends `X-Language`, which is signed like every header.

mod common;

use common::fixtures::{APP_ID, URN};
use common::{aksk_config, render};
use fgs_proto::bridge::{BridgeType, ListFunctions};
use fgs_proto::{apps, templates, vpc_endpoints};

#[test]
fn list_app_templates_all_fields() {
    let op = apps::ListTemplates::new()
        .marker("5")
        .maxitems(5)
        .runtime("http")
        .category("AI")
        .language("zh-cn");
    insta::assert_snapshot!(render(&op, &aksk_config()));
}

#[test]
fn create_app_all_fields() {
    let op = apps::Create::new("shop", APP_ID)
        .description("the shop")
        .agency_name("fgs-agency")
        .enterprise_project_id("0")
        .param("region", "cn-north-4")
        .param("replicas", 2);
    insta::assert_snapshot!(render(&op, &aksk_config()));
}

#[test]
fn list_apps_all_fields() {
    let op = apps::List::new().marker("10").limit(10);
    insta::assert_snapshot!(render(&op, &aksk_config()));
}

#[test]
fn list_function_templates_all_fields() {
    let op = templates::List::new()
        .marker("1")
        .maxitems(100)
        .ispublic(true)
        .runtime("Python3.6")
        .scene("basic_function_usage")
        .service("FunctionGraph");
    insta::assert_snapshot!(render(&op, &aksk_config()));
}

#[test]
fn list_bridge_functions_all_fields() {
    let op = ListFunctions::new(URN).kind(BridgeType::Cache);
    insta::assert_snapshot!(render(&op, &aksk_config()));
}

#[test]
fn create_vpc_endpoint_all_fields() {
    let op = vpc_endpoints::Create::new("vpc-1", "subnet-1")
        .flavor("small")
        .xrole("fgs-vpc");
    insta::assert_snapshot!(render(&op, &aksk_config()));
}
