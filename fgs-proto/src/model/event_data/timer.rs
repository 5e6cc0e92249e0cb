//! TIMER event data.

use super::enums::ScheduleType;
use super::view::event_data_view;

event_data_view! {
    /// TIMER event data: runs the function on a schedule.
    ///
    /// ```
    /// use fgs_proto::model::{EventData, ScheduleType, TimerEventData};
    ///
    /// let every_3m = TimerEventData::rate("timer-1", "3m").with_user_event("tick");
    /// assert_eq!(
    ///     serde_json::to_string(&every_3m)?,
    ///     r#"{"name":"timer-1","schedule_type":"Rate","schedule":"3m","user_event":"tick"}"#
    /// );
    /// let nightly = TimerEventData::cron("nightly", "0 0 2 * * ?");
    /// assert_eq!(nightly.schedule_type, Some(ScheduleType::Cron));
    /// // Views convert to the flat event data and back.
    /// let flat = EventData::from(nightly.clone());
    /// assert_eq!(TimerEventData::from(&flat), nightly);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct TimerEventData {
        /// Trigger name: letters, digits, `_` and `-`, starting with a letter, at most 64.
        pub name: Option<String>,
        /// `Rate` or `Cron`.
        pub schedule_type: Option<ScheduleType>,
        /// Rate: `<n>m` (n ≤ 60), `<n>h` (≤ 24) or `<n>d` (≤ 30). Cron: `sec min hour
        /// day-of-month month [day-of-week]`, optionally prefixed `CRON_TZ=…`, or
        /// `@every 30m`.
        pub schedule: Option<String>,
        /// Extra text the function receives in the event's `user_event`.
        pub user_event: Option<String>,
    }
}

impl TimerEventData {
    /// A timer firing at a fixed rate: `rate` is `<n>m`, `<n>h` or `<n>d`, e.g. `3m`.
    pub fn rate(name: impl Into<String>, rate: impl Into<String>) -> Self {
        Self::new(name.into(), ScheduleType::Rate, rate.into())
    }

    /// A timer firing on a cron `expression`, e.g. `0 0 2 * * ?`.
    pub fn cron(name: impl Into<String>, expression: impl Into<String>) -> Self {
        Self::new(name.into(), ScheduleType::Cron, expression.into())
    }

    fn new(name: String, schedule_type: ScheduleType, schedule: String) -> Self {
        TimerEventData {
            name: Some(name),
            schedule_type: Some(schedule_type),
            schedule: Some(schedule),
            ..Default::default()
        }
    }

    /// Sets the text delivered to the function in the event's `user_event`.
    pub fn with_user_event(mut self, text: impl Into<String>) -> Self {
        self.user_event = Some(text.into());
        self
    }
}
