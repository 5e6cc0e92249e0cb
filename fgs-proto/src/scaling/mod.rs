//! Scaling: a function's maximum instances and its reserved (pre-warmed) instances.
//!
//! The official API has no Go SDK counterpart for these; the types are named in the
//! style of [`functions`](crate::functions): `scaling::UpdateMaxInstanceConfig`,
//! `scaling::UpdateReservedInstances`, `scaling::ListReservedInstances`,
//! `scaling::ListReservedInstanceConfigs`.
//!
//! Quotas (reserved instances per account, instances per function) can be raised by the
//! service, so the SDK does not check numbers against them; the service answers when a
//! quota is exceeded.

mod list_reserved_instance_configs;
mod list_reserved_instances;
mod model;
mod update_max_instance_config;
mod update_reserved_instances;

pub use list_reserved_instance_configs::{
    ListReservedInstanceConfigs, ListReservedInstanceConfigsOutput, ReservedInstanceConfig,
};
pub use list_reserved_instances::{
    FuncReservedInstance, ListReservedInstances, ListReservedInstancesOutput,
};
pub use model::{CronConfig, ListPageInfo, MetricConfig, MetricType, TacticsConfig};
pub use update_max_instance_config::{UpdateMaxInstanceConfig, UpdateMaxInstanceConfigBody};
pub use update_reserved_instances::{
    UpdateReservedInstances, UpdateReservedInstancesBody, UpdateReservedInstancesOutput,
};
