//! KAFKA event data.

use super::view::event_data_view;
use crate::secret::Secret;

event_data_view! {
    /// KAFKA event data: messages of DMS for Kafka topics. Kafka triggers are created
    /// `DISABLED` unless a status is given.
    ///
    /// ```
    /// use fgs_proto::model::KafkaEventData;
    ///
    /// let data = KafkaEventData::new("instance-1", ["topic-1"], 100).with_sasl_ssl("user", "pw");
    /// let json = serde_json::to_value(&data)?;
    /// assert_eq!(json["kafka_password"], "pw"); // sent on the wire…
    /// assert!(!format!("{data:?}").contains("\"pw\"")); // …but never printed
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct KafkaEventData {
        /// The Kafka instance id.
        pub instance_id: Option<String>,
        /// The topic ids.
        pub topic_ids: Option<Vec<String>>,
        /// The most messages one invocation receives, 1–1000.
        pub batch_size: Option<i64>,
        /// The SASL user (required with SASL_SSL).
        pub kafka_user: Option<String>,
        /// The SASL password (required with SASL_SSL).
        pub kafka_password: Option<Secret>,
        /// Whether the connection uses SASL_SSL.
        pub kafka_ssl_enable: Option<bool>,
        /// The instance's connect address.
        pub kafka_connect_address: Option<String>,
    }
}

impl KafkaEventData {
    /// Messages of `topic_ids` on instance `instance_id`, `batch_size` at a time.
    pub fn new<T: Into<String>>(
        instance_id: impl Into<String>,
        topic_ids: impl IntoIterator<Item = T>,
        batch_size: i64,
    ) -> Self {
        KafkaEventData {
            instance_id: Some(instance_id.into()),
            topic_ids: Some(topic_ids.into_iter().map(Into::into).collect()),
            batch_size: Some(batch_size),
            ..Default::default()
        }
    }

    /// Connects with SASL_SSL as `user`.
    pub fn with_sasl_ssl(mut self, user: impl Into<String>, password: impl Into<Secret>) -> Self {
        self.kafka_user = Some(user.into());
        self.kafka_password = Some(password.into());
        self.kafka_ssl_enable = Some(true);
        self
    }

    /// Sets the instance's connect address.
    pub fn with_connect_address(mut self, address: impl Into<String>) -> Self {
        self.kafka_connect_address = Some(address.into());
        self
    }
}
