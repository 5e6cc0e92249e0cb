//! DIS event data.

use super::enums::{PollingUnit, ShardIteratorType};
use super::view::event_data_view;

event_data_view! {
    /// DIS event data: records of a data ingestion stream. The function needs an agency
    /// that may read DIS.
    ///
    /// ```
    /// use fgs_proto::model::{DisEventData, ShardIteratorType};
    ///
    /// let data = DisEventData::new("stream-1", ShardIteratorType::Latest, true).with_batch_size(500);
    /// assert_eq!(
    ///     serde_json::to_string(&data)?,
    ///     r#"{"stream_name":"stream-1","sharditerator_type":"LATEST","polling_interval":30,"polling_unit":"s","batch_size":500,"is_serial":"true"}"#
    /// );
    /// assert_eq!(data.serial(), Some(true));
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct DisEventData {
        /// The stream name.
        pub stream_name: Option<String>,
        /// Where reading starts.
        pub sharditerator_type: Option<ShardIteratorType>,
        /// The polling interval, 1–60 in `polling_unit`.
        pub polling_interval: Option<i64>,
        /// The unit of `polling_interval`.
        pub polling_unit: Option<PollingUnit>,
        /// The most records one invocation receives, 1–10000.
        pub batch_size: Option<i64>,
        /// The most bytes fetched at once, 0–4194304.
        pub max_fetch_bytes: Option<i64>,
        /// `"true"`: process one batch fully before fetching the next. A string on the
        /// wire; [`serial`](DisEventData::serial) reads it as a `bool`.
        pub is_serial: Option<String>,
    }
}

impl DisEventData {
    /// Records of `stream_name` from `start`, processed serially or not.
    ///
    /// The other required fields get the service's defaults, changeable with the
    /// `with_` setters: polling every 30 seconds, batches of 100.
    pub fn new(stream_name: impl Into<String>, start: ShardIteratorType, serial: bool) -> Self {
        DisEventData {
            stream_name: Some(stream_name.into()),
            sharditerator_type: Some(start),
            polling_interval: Some(30),
            polling_unit: Some(PollingUnit::Seconds),
            batch_size: Some(100),
            is_serial: Some(serial.to_string()),
            ..Default::default()
        }
    }

    /// Polls every `interval` `unit`s.
    pub fn with_polling(mut self, interval: i64, unit: PollingUnit) -> Self {
        self.polling_interval = Some(interval);
        self.polling_unit = Some(unit);
        self
    }

    /// Sets the batch size.
    pub fn with_batch_size(mut self, batch_size: i64) -> Self {
        self.batch_size = Some(batch_size);
        self
    }

    /// Sets the most bytes fetched at once.
    pub fn with_max_fetch_bytes(mut self, bytes: i64) -> Self {
        self.max_fetch_bytes = Some(bytes);
        self
    }

    /// `is_serial` as a `bool`: `None` when absent or neither `true` nor `false`
    /// (ignoring ASCII case).
    pub fn serial(&self) -> Option<bool> {
        let text = self.is_serial.as_deref()?.trim();
        if text.eq_ignore_ascii_case("true") {
            Some(true)
        } else if text.eq_ignore_ascii_case("false") {
            Some(false)
        } else {
            None
        }
    }
}
