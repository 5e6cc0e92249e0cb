//! The Trigger object that trigger operations return.

use super::enums::{TriggerStatus, TriggerType};
use super::event_data::{EventData, TypedEventData};
use super::macros::{accessors, model};

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
        pub trigger_id: Option<String>,
        /// The trigger type.
        pub trigger_type_code: Option<TriggerType>,
        /// `ACTIVE` or `DISABLED`.
        pub trigger_status: Option<TriggerStatus>,
        /// The type-specific settings; see [`Trigger::typed_event_data`].
        pub event_data: Option<EventData>,
        /// When the trigger was last changed (RFC 3339 text).
        pub last_updated_time: Option<String>,
        /// When the trigger was created (RFC 3339 text).
        pub created_time: Option<String>,
        /// The deprecated message code given at creation (older service versions only).
        pub event_type_code: Option<String>,
        /// The last error of the trigger, if the service reports one (older service
        /// versions only).
        pub last_error: Option<String>,
    }
}

accessors!(Trigger {
    str trigger_id, ref trigger_type_code: TriggerType, ref trigger_status: TriggerStatus,
    ref event_data: EventData, str last_updated_time, str created_time, str last_error,
});

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
