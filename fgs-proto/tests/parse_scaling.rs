//! Response parsing of the scaling operations: the OAS success examples, odd-but-legal
//! bodies (`{}`, nulls, unknown fields, unknown enum values), wrong types, and paging by
//! `page_info.next_marker` up to `count`.

mod common;
mod error_shapes;

use common::fixtures::{Fixture, URN};
use common::{oas_example, response};
use fgs_proto::paginate::{Pager, Paginated};
use fgs_proto::scaling::{
    ListReservedInstanceConfigs, ListReservedInstances, MetricType, UpdateMaxInstanceConfig,
    UpdateReservedInstances,
};
use fgs_proto::{Error, Operation};

#[test]
fn max_instance_config_answers_the_function() {
    let f = UpdateMaxInstanceConfig::minimal()
        .response(response(
            200,
            &[],
            &oas_example("UpdateFunctionMaxInstanceConfig", "200"),
        ))
        .unwrap();
    assert_eq!(f.func_name.as_deref(), Some("test"));
    let strategy = f.strategy_config.unwrap();
    assert_eq!(
        (strategy.concurrency, strategy.concurrent_num),
        (Some(300), Some(1))
    );
    assert_eq!(f.code_size, Some(272));
    match UpdateMaxInstanceConfig::minimal().response(response(
        200,
        &[],
        r#"{"strategy_config":{"concurrency":"many"}}"#,
    )) {
        Err(Error::Decode(e)) => assert_eq!(e.path(), "strategy_config.concurrency"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn reserved_instances_oas_example_and_odd_bodies() {
    let op = UpdateReservedInstances::minimal();
    let out = op
        .response(response(
            200,
            &[],
            &oas_example("UpdateFunctionReservedInstancesCount", "200"),
        ))
        .unwrap();
    assert_eq!(out.count(), Some(2));
    assert_eq!(out.idle_mode(), None);
    let odd = op
        .response(response(
            200,
            &[],
            r#"{"count":null,"tactics_config":{"metric_configs":[{"type":"Latency","min":1}],"cron_configs":null},"zone":"a"}"#,
        ))
        .unwrap();
    assert_eq!(odd.count(), None);
    let tactics = odd.tactics_config().unwrap();
    let metric = &tactics.metric_configs.as_ref().unwrap()[0];
    assert_eq!(
        metric.metric_type,
        Some(MetricType::Other("Latency".into()))
    );
    assert_eq!(odd.extra["zone"], "a");
    assert_eq!(op.response(response(200, &[], "{}")).unwrap().count(), None);
    match op.response(response(200, &[], r#"{"idle_mode":"yes"}"#)) {
        Err(Error::Decode(e)) => assert_eq!(e.path(), "idle_mode"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn lists_oas_examples() {
    let page = ListReservedInstances::new()
        .response(response(
            200,
            &[],
            &oas_example("ListFunctionReservedInstances", "200"),
        ))
        .unwrap();
    assert_eq!(page.reservedinstances().len(), 1);
    assert_eq!(page.reservedinstances()[0].count(), Some(2));
    assert_eq!(page.page_info().and_then(|p| p.next_marker), Some(2));
    assert_eq!(page.count(), None, "the example leaves the total out");
    let configs = ListReservedInstanceConfigs::new()
        .response(response(
            200,
            &[],
            &oas_example("ListReservedInstanceConfigs", "200"),
        ))
        .unwrap();
    let c = &configs.reserved_instances()[0];
    assert_eq!(
        (
            c.qualifier_type(),
            c.qualifier_name(),
            c.min_count(),
            c.idle_mode()
        ),
        (Some("version"), Some("latest"), Some(10), Some(false))
    );
    let tactics = c.tactics_config().unwrap();
    let cron = &tactics.cron_configs.as_ref().unwrap()[0];
    assert_eq!(
        (cron.count, cron.expired_time),
        (Some(15), Some(1658160000))
    );
    let metric = &tactics.metric_configs.as_ref().unwrap()[0];
    assert_eq!(metric.metric_type, Some(MetricType::Concurrency));
    assert!(c.extra.is_empty(), "{:?}", c.extra);
    assert_eq!(configs.count(), Some(1));
}

#[test]
fn lists_take_empty_and_null_bodies_and_refuse_wrong_types() {
    let empty = ListReservedInstances::new()
        .response(response(200, &[], "{}"))
        .unwrap();
    assert!(empty.reservedinstances().is_empty());
    let nulls = ListReservedInstanceConfigs::new()
        .response(response(
            200,
            &[],
            r#"{"reserved_instances":null,"page_info":null,"count":null}"#,
        ))
        .unwrap();
    assert!(nulls.reserved_instances().is_empty());
    match ListReservedInstances::new().response(response(200, &[], r#"{"reservedinstances":{}}"#)) {
        Err(Error::Decode(e)) => assert_eq!(e.path(), "reservedinstances"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn the_pagers_follow_page_info_to_the_count() {
    let page = |marker: i64| {
        ListReservedInstances::new()
            .response(response(
                200,
                &[],
                &format!(
                    r#"{{"reservedinstances":[{{"func_urn":"u{marker}","count":1}}],
                        "page_info":{{"next_marker":{},"previous_marker":{marker},"current_count":1}},"count":2}}"#,
                    marker + 1
                ),
            ))
            .unwrap()
    };
    let mut pager = Pager::new(ListReservedInstances::new().limit(1).urn(URN));
    assert_eq!(pager.next_operation().and_then(|op| op.page_marker()), None);
    pager.advance(&page(0));
    assert_eq!(
        pager.next_operation().and_then(|op| op.page_marker()),
        Some("1")
    );
    pager.advance(&page(1));
    assert!(pager.is_done(), "next_marker 2 reaches count 2");
    let configs = ListReservedInstanceConfigs::new()
        .response(response(
            200,
            &[],
            r#"{"reserved_instances":[{}],"count":5}"#,
        ))
        .unwrap();
    let mut pager = Pager::new(ListReservedInstanceConfigs::new());
    pager.advance(&configs);
    assert!(pager.is_done(), "no page_info: no marker to go on with");
    assert_eq!(ListReservedInstanceConfigs::into_items(configs).len(), 1);
}

#[test]
fn error_shapes_of_every_scaling_operation() {
    error_shapes::assert_error_shapes(&UpdateMaxInstanceConfig::minimal());
    error_shapes::assert_error_shapes(&UpdateReservedInstances::minimal());
    error_shapes::assert_error_shapes(&ListReservedInstances::new());
    error_shapes::assert_error_shapes(&ListReservedInstanceConfigs::new());
}
