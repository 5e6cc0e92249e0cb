//! `TypedEventData`: a trigger type paired with the view of its event data.

use super::{
    ApigEventData, CtsEventData, DisEventData, DmsEventData, EventData, KafkaEventData,
    LtsEventData, ObsEventData, SmnEventData, TimerEventData,
};
use crate::model::TriggerType;

/// Event data together with its trigger type: what
/// [`triggers::Create`](crate::triggers::Create) sends, and what
/// [`Trigger::typed_event_data`](crate::model::Trigger::typed_event_data) gives back.
///
/// Every view converts into it with `From` (`TimerEventData` → `Timer`, ...);
/// dedicated-gateway APIs use `DedicatedGateway` explicitly, and any other type
/// travels as `Other` with the flat [`EventData`] (typed fields or
/// [raw JSON](EventData::from_raw)).
///
/// ```
/// use fgs_proto::model::{EventData, TimerEventData, TriggerType, TypedEventData};
///
/// let typed = TypedEventData::from(TimerEventData::rate("t1", "1h"));
/// assert_eq!(typed.trigger_type(), TriggerType::Timer);
///
/// // Reading: the flat data of a TIMER trigger, seen through the TIMER view.
/// let (code, flat) = typed.into_parts();
/// match TypedEventData::from_event_data(&code, &flat) {
///     TypedEventData::Timer(timer) => assert_eq!(timer.schedule.as_deref(), Some("1h")),
///     other => panic!("{other:?}"),
/// }
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum TypedEventData {
    /// `TIMER`.
    Timer(TimerEventData),
    /// `APIG` (shared API Gateway).
    Apig(ApigEventData),
    /// `DEDICATEDGATEWAY` (a dedicated API Gateway instance; same fields as APIG).
    DedicatedGateway(ApigEventData),
    /// `OBS`.
    Obs(ObsEventData),
    /// `SMN`.
    Smn(SmnEventData),
    /// `DIS`.
    Dis(DisEventData),
    /// `KAFKA`.
    Kafka(KafkaEventData),
    /// `LTS`.
    Lts(LtsEventData),
    /// `CTS`.
    Cts(CtsEventData),
    /// `DMS`.
    Dms(DmsEventData),
    /// Any other trigger type (DDS, RABBITMQ, EVENTGRID, ...) with the flat data (boxed:
    /// it holds every field of every type).
    Other(TriggerType, Box<EventData>),
}

impl TypedEventData {
    /// The view of `data` that `trigger_type` uses; types without a view give
    /// [`Other`](TypedEventData::Other) with a copy of `data`.
    pub fn from_event_data(trigger_type: &TriggerType, data: &EventData) -> Self {
        match trigger_type {
            TriggerType::Timer => TypedEventData::Timer(data.into()),
            TriggerType::Apig => TypedEventData::Apig(data.into()),
            TriggerType::DedicatedGateway => TypedEventData::DedicatedGateway(data.into()),
            TriggerType::Obs => TypedEventData::Obs(data.into()),
            TriggerType::Smn => TypedEventData::Smn(data.into()),
            TriggerType::Dis => TypedEventData::Dis(data.into()),
            TriggerType::Kafka => TypedEventData::Kafka(data.into()),
            TriggerType::Lts => TypedEventData::Lts(data.into()),
            TriggerType::Cts => TypedEventData::Cts(data.into()),
            TriggerType::Dms => TypedEventData::Dms(data.into()),
            other => TypedEventData::Other(other.clone(), Box::new(data.clone())),
        }
    }

    /// The trigger type code.
    pub fn trigger_type(&self) -> TriggerType {
        match self {
            TypedEventData::Timer(_) => TriggerType::Timer,
            TypedEventData::Apig(_) => TriggerType::Apig,
            TypedEventData::DedicatedGateway(_) => TriggerType::DedicatedGateway,
            TypedEventData::Obs(_) => TriggerType::Obs,
            TypedEventData::Smn(_) => TriggerType::Smn,
            TypedEventData::Dis(_) => TriggerType::Dis,
            TypedEventData::Kafka(_) => TriggerType::Kafka,
            TypedEventData::Lts(_) => TriggerType::Lts,
            TypedEventData::Cts(_) => TriggerType::Cts,
            TypedEventData::Dms(_) => TriggerType::Dms,
            TypedEventData::Other(code, _) => code.clone(),
        }
    }

    /// The trigger type code and the flat event data, as sent on the wire.
    pub fn into_parts(self) -> (TriggerType, EventData) {
        let code = self.trigger_type();
        let data = match self {
            TypedEventData::Timer(v) => v.into(),
            TypedEventData::Apig(v) | TypedEventData::DedicatedGateway(v) => v.into(),
            TypedEventData::Obs(v) => v.into(),
            TypedEventData::Smn(v) => v.into(),
            TypedEventData::Dis(v) => v.into(),
            TypedEventData::Kafka(v) => v.into(),
            TypedEventData::Lts(v) => v.into(),
            TypedEventData::Cts(v) => v.into(),
            TypedEventData::Dms(v) => v.into(),
            TypedEventData::Other(_, data) => *data,
        };
        (code, data)
    }
}

macro_rules! from_view {
    ($($view:ident => $variant:ident,)*) => {
        $(
            impl From<$view> for TypedEventData {
                fn from(view: $view) -> Self {
                    TypedEventData::$variant(view)
                }
            }
        )*
    };
}

from_view! {
    TimerEventData => Timer,
    ApigEventData => Apig,
    ObsEventData => Obs,
    SmnEventData => Smn,
    DisEventData => Dis,
    KafkaEventData => Kafka,
    LtsEventData => Lts,
    CtsEventData => Cts,
    DmsEventData => Dms,
}
