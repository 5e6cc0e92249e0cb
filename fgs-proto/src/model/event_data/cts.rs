//! CTS event data.

use super::view::event_data_view;

event_data_view! {
    /// CTS event data: audited cloud operations. CTS must be enabled.
    ///
    /// ```
    /// use fgs_proto::model::CtsEventData;
    ///
    /// let data = CtsEventData::new(["FunctionGraph:Functions:createFunction"]).with_name("audit");
    /// assert_eq!(
    ///     serde_json::to_string(&data)?,
    ///     r#"{"name":"audit","operations":["FunctionGraph:Functions:createFunction"]}"#
    /// );
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub struct CtsEventData {
        /// The notification name.
        pub name: Option<String>,
        /// The operations, each `Service:resTypeA;resTypeB:op1;op2` (at most 100).
        pub operations: Option<Vec<String>>,
    }
}

impl CtsEventData {
    /// Notifies on `operations`.
    pub fn new<O: Into<String>>(operations: impl IntoIterator<Item = O>) -> Self {
        CtsEventData {
            operations: Some(operations.into_iter().map(Into::into).collect()),
            ..Default::default()
        }
    }

    /// Names the notification.
    pub fn with_name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }
}
