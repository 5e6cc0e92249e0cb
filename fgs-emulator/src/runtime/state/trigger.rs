//! Triggers.

use time::OffsetDateTime;

use crate::api::validate::Object;

/// A trigger, bound to a function and the qualifier of the URN it was created with.
#[derive(Debug, Clone)]
pub(crate) struct TriggerRecord {
    pub id: String,
    pub type_code: String,
    pub status: String,
    pub event_data: Object,
    pub event_type_code: Option<String>,
    /// `latest`, a version name, or `!alias`.
    pub qualifier: String,
    pub created: OffsetDateTime,
    pub updated: OffsetDateTime,
}
