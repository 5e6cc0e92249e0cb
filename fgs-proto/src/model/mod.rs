//! The data types of requests and responses.

pub(crate) mod macros;

mod alias;
mod common;
mod enums;
mod event_data;
mod function;
mod invocation;
mod test_event;
mod trigger;
mod units;

pub use alias::{Alias, VersionStrategy, VersionStrategyRule};
pub use common::{
    CustomImage, Dependency, DestinationType, FuncAsyncDestinationConfig, FuncCode,
    FuncDestinationConfig, FuncLogConfig, FuncMount, FuncVpc, FunctionAsyncConfig, MountConfig,
    MountUser, NetworkControlConfig, StrategyConfig, Tags, VpcConfig,
};
pub use enums::{CodeType, FunctionType, Runtime, TriggerStatus, TriggerType};
pub use event_data::{
    ApigAuth, ApigBackendType, ApigEventData, ApigMatchMode, ApigProtocol, ApigRequestMethod,
    ApigTriggerFuncInfo, CtsEventData, DEFAULT_ENVIRONMENT_RELEASE_ID, DisEventData, DmsEventData,
    EventData, InvocationType, KafkaEventData, LtsEventData, ObsEventData, PollingUnit,
    ScheduleType, ShardIteratorType, SmnEventData, TimerEventData, TypedEventData,
};
pub use function::Function;
pub use invocation::{InvokeEnvelope, InvokeSummary, ResponseVersion};
pub use test_event::TestEvent;
pub use trigger::Trigger;
pub use units::MemorySize;
pub(crate) use units::{check_timeout, option_seconds, seconds};
