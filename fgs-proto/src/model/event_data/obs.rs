//! OBS event data.

use super::view::event_data_view;

event_data_view! {
    /// OBS event data: object events of a bucket.
    ///
    /// ```
    /// use fgs_proto::model::ObsEventData;
    ///
    /// let data = ObsEventData::new("pictures", ["s3:ObjectCreated:*"]).with_suffix(".jpg");
    /// assert_eq!(
    ///     serde_json::to_string(&data)?,
    ///     r#"{"bucket":"pictures","events":["s3:ObjectCreated:*"],"suffix":".jpg"}"#
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct ObsEventData {
        /// The bucket (1–64 characters); cannot be changed later.
        pub bucket: Option<String>,
        /// The events, e.g. `s3:ObjectCreated:*`, `s3:ObjectCreated:Put`,
        /// `s3:ObjectRemoved:Delete`.
        pub events: Option<Vec<String>>,
        /// Only objects whose key starts with this (0–1024 characters).
        pub prefix: Option<String>,
        /// Only objects whose key ends with this (0–1024 characters).
        pub suffix: Option<String>,
        /// The event notification name (default: the trigger id).
        pub name: Option<String>,
    }
}

impl ObsEventData {
    /// `events` of bucket `bucket`.
    pub fn new<E: Into<String>>(
        bucket: impl Into<String>,
        events: impl IntoIterator<Item = E>,
    ) -> Self {
        ObsEventData {
            bucket: Some(bucket.into()),
            events: Some(events.into_iter().map(Into::into).collect()),
            ..Default::default()
        }
    }

    /// Only objects whose key starts with `prefix`.
    pub fn with_prefix(mut self, prefix: impl Into<String>) -> Self {
        self.prefix = Some(prefix.into());
        self
    }

    /// Only objects whose key ends with `suffix`.
    pub fn with_suffix(mut self, suffix: impl Into<String>) -> Self {
        self.suffix = Some(suffix.into());
        self
    }

    /// Names the event notification.
    pub fn with_name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }
}
