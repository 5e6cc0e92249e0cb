//! scaling.UpdateMaxInstanceConfig, UpdateReservedInstances (reserve, then release),
//! ListReservedInstances, ListReservedInstanceConfigs.

use fgs_proto::scaling::{
    ListReservedInstanceConfigs, ListReservedInstances, UpdateMaxInstanceConfig,
    UpdateReservedInstances,
};

use super::Urns;
use crate::step::{Failure, Walker};

pub(super) fn walk(walker: &mut Walker<'_>, urns: &Urns) -> Result<(), Failure> {
    walker.send(
        "scaling.UpdateMaxInstanceConfig",
        &UpdateMaxInstanceConfig::new(&urns.base, 10),
        |f| match f.strategy_config.as_ref().and_then(|s| s.concurrency) {
            Some(10) => Ok("at most 10 instances at once".to_owned()),
            other => Err(format!("strategy_config.concurrency {other:?}")),
        },
    )?;
    // One instance, released again below: on the real service reserved instances are
    // billed while they exist.
    walker.send(
        "scaling.UpdateReservedInstances",
        &UpdateReservedInstances::new(&urns.latest, 1),
        |r| {
            Ok(format!(
                "{} instance(s) of latest reserved",
                r.count().unwrap_or(0)
            ))
        },
    )?;
    walker.send(
        "scaling.ListReservedInstances",
        &ListReservedInstances::new().urn(&urns.latest),
        |page| match page.reservedinstances().first().and_then(|r| r.count()) {
            Some(1) => Ok("latest keeps 1 instance ready".to_owned()),
            other => Err(format!("reserved count {other:?}")),
        },
    )?;
    walker.send(
        "scaling.ListReservedInstanceConfigs",
        &ListReservedInstanceConfigs::new().function_urn(&urns.base),
        |page| {
            Ok(format!(
                "{} reserved-instance setting(s)",
                page.reserved_instances().len()
            ))
        },
    )?;
    walker.send(
        "scaling.UpdateReservedInstances",
        &UpdateReservedInstances::new(&urns.latest, 0),
        |_| Ok("reserved instances released".to_owned()),
    )?;
    Ok(())
}
