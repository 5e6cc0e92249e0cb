//! Request snapshots of the scaling operations beyond the minimal ones (which
//! `registry.rs` snapshots from the fixtures): every field set, signed with AK/SK at a
//! fixed time.

mod common;

use common::fixtures::URN;
use common::{aksk_config, render};
use fgs_proto::scaling::{
    CronConfig, ListReservedInstanceConfigs, ListReservedInstances, MetricConfig, MetricType,
    TacticsConfig, UpdateReservedInstances,
};

#[test]
fn update_reserved_instances_all_fields() {
    let mut cron = CronConfig::default();
    cron.name = Some("mornings".into());
    cron.cron = Some("0 0 8 * * *".into());
    cron.count = Some(5);
    cron.start_time = Some(1_706_149_526);
    cron.expired_time = Some(1_737_685_526);
    let mut metric = MetricConfig::default();
    metric.name = Some("busy".into());
    metric.metric_type = Some(MetricType::Concurrency);
    metric.threshold = Some(90);
    metric.min = Some(2);
    let mut tactics = TacticsConfig::default();
    tactics.cron_configs = Some(vec![cron]);
    tactics.metric_configs = Some(vec![metric]);
    let op = UpdateReservedInstances::new(URN, 3)
        .idle_mode(true)
        .tactics_config(tactics);
    insta::assert_snapshot!(render(&op, &aksk_config()));
}

#[test]
fn list_reserved_instances_all_fields() {
    let op = ListReservedInstances::new().marker("2").limit(2).urn(URN);
    insta::assert_snapshot!(render(&op, &aksk_config()));
}

#[test]
fn list_reserved_instance_configs_all_fields() {
    let op = ListReservedInstanceConfigs::new()
        .function_urn(URN)
        .marker("1")
        .limit(50);
    insta::assert_snapshot!(render(&op, &aksk_config()));
}
