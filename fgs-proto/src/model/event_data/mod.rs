//! Trigger `event_data`: the flat [`EventData`] every trigger type shares on the wire,
//! one typed view per common trigger type, and [`TypedEventData`] pairing a view with
//! its type code.

mod view;

mod apig;
mod cts;
mod dis;
mod dms;
mod enums;
mod flat;
mod kafka;
mod lts;
mod obs;
mod smn;
mod timer;
mod typed;

pub use apig::{ApigEventData, DEFAULT_ENVIRONMENT_RELEASE_ID};
pub use cts::CtsEventData;
pub use dis::DisEventData;
pub use dms::DmsEventData;
pub use enums::{
    ApigAuth, ApigBackendType, ApigMatchMode, ApigProtocol, ApigRequestMethod, InvocationType,
    PollingUnit, ScheduleType, ShardIteratorType,
};
pub use flat::{ApigTriggerFuncInfo, EventData};
pub use kafka::KafkaEventData;
pub use lts::LtsEventData;
pub use obs::ObsEventData;
pub use smn::SmnEventData;
pub use timer::TimerEventData;
pub use typed::TypedEventData;
