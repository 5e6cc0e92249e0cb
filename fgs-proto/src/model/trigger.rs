//! The Trigger object that trigger operations return (spec §9.17).

use super::enums::{TriggerStatus, TriggerType};
use super::event_data::{EventData, TypedEventData};
use super::macros::model;

model! {
    /// A trigger of a function, as the service describes it (List items, Get, Create).
    ///
    /// ```
    /// use fgs_proto::model::{Trigger, TriggerType, TypedEventData};
    ///
    /// let trigger: Trigger = serde_json::from_str(r#"{
    ///     "trigger_id": "t-1", "trigger_type_code": "TIMER", "trigger_status": "ACTIVE",
    ///     "event_data": {"name": "Timer-1", "schedule_type": "Rate", "schedule": "3m"}
    /// }"#)?;
    /// assert_eq!(trigger.trigger_type_code, Some(TriggerType::Timer));
    /// let Some(TypedEventData::Timer(timer)) = trigger.typed_event_data() else { panic!() };
    /// assert_eq!(timer.schedule.as_deref(), Some("3m"));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct Trigger {
        /// The trigger id.
        pub trigger_id: String,
        /// The trigger type.
        pub trigger_type_code: TriggerType,
        /// `ACTIVE` or `DISABLED`.
        pub trigger_status: TriggerStatus,
        /// The type-specific settings; see [`Trigger::typed_event_data`].
        pub event_data: EventData,
        /// When the trigger was last changed (RFC 3339 text).
        pub last_updated_time: String,
        /// When the trigger was created (RFC 3339 text).
        pub created_time: String,
        /// The deprecated message code given at creation (older service versions only).
        pub event_type_code: String,
        /// The last error of the trigger, if the service reports one (older service
        /// versions only).
        pub last_error: String,
    }
}

impl Trigger {
    /// The event data seen through the view of the trigger's type, e.g.
    /// [`TypedEventData::Timer`] for a `TIMER` trigger. `None` if the service sent no
    /// type code; missing event data reads as empty.
    pub fn typed_event_data(&self) -> Option<TypedEventData> {
        let code = self.trigger_type_code.as_ref()?;
        Some(match &self.event_data {
            Some(data) => TypedEventData::from_event_data(code, data),
            None => TypedEventData::from_event_data(code, &EventData::default()),
        })
    }
}
