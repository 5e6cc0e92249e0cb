//! DMS event data.

use super::view::event_data_view;

event_data_view! {
    /// DMS event data: messages of a distributed message service queue. The function
    /// needs an agency that may read DMS.
    ///
    /// ```
    /// use fgs_proto::model::DmsEventData;
    ///
    /// let data = DmsEventData::new("queue-1", "group-1");
    /// assert_eq!(
    ///     serde_json::to_string(&data)?,
    ///     r#"{"queue_id":"queue-1","consumer_group_id":"group-1","polling_interval":30}"#
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct DmsEventData {
        /// The queue id.
        pub queue_id: Option<String>,
        /// The consumer group id.
        pub consumer_group_id: Option<String>,
        /// The polling interval in seconds.
        pub polling_interval: Option<i64>,
    }
}

impl DmsEventData {
    /// Messages of `queue_id`, consumed as `consumer_group_id`, polled every 30 seconds
    /// (the service's default; see [`with_polling_interval`](DmsEventData::with_polling_interval)).
    pub fn new(queue_id: impl Into<String>, consumer_group_id: impl Into<String>) -> Self {
        DmsEventData {
            queue_id: Some(queue_id.into()),
            consumer_group_id: Some(consumer_group_id.into()),
            polling_interval: Some(30),
            ..Default::default()
        }
    }

    /// Polls every `seconds` seconds.
    pub fn with_polling_interval(mut self, seconds: i64) -> Self {
        self.polling_interval = Some(seconds);
        self
    }
}
