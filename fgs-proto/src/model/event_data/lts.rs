//! LTS event data.

use super::view::event_data_view;

event_data_view! {
    /// LTS event data: logs written to a log stream. The function needs an agency that
    /// may read LTS.
    ///
    /// ```
    /// use fgs_proto::model::LtsEventData;
    ///
    /// let data = LtsEventData::new("group-1", "stream-1");
    /// assert_eq!(
    ///     serde_json::to_string(&data)?,
    ///     r#"{"log_group_id":"group-1","log_topic_id":"stream-1"}"#
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct LtsEventData {
        /// The log group id.
        pub log_group_id: Option<String>,
        /// The log stream (topic) id.
        pub log_topic_id: Option<String>,
    }
}

impl LtsEventData {
    /// Logs of stream `log_topic_id` in group `log_group_id`.
    pub fn new(log_group_id: impl Into<String>, log_topic_id: impl Into<String>) -> Self {
        LtsEventData {
            log_group_id: Some(log_group_id.into()),
            log_topic_id: Some(log_topic_id.into()),
            ..Default::default()
        }
    }
}
