//! SMN event data.

use super::view::event_data_view;

event_data_view! {
    /// SMN event data: messages published to a topic.
    ///
    /// ```
    /// use fgs_proto::model::SmnEventData;
    ///
    /// let data = SmnEventData::new("urn:smn:cn-north-4:p1:alerts");
    /// assert_eq!(serde_json::to_string(&data)?, r#"{"topic_urn":"urn:smn:cn-north-4:p1:alerts"}"#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct SmnEventData {
        /// The topic URN (1–255 characters).
        pub topic_urn: Option<String>,
        /// Response: `Unconfirmed` or `Confirmed`.
        pub subscription_status: Option<String>,
    }
}

impl SmnEventData {
    /// Messages of topic `topic_urn`.
    pub fn new(topic_urn: impl Into<String>) -> Self {
        SmnEventData {
            topic_urn: Some(topic_urn.into()),
            ..Default::default()
        }
    }
}
