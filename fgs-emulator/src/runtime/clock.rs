//! Timestamps as the service writes them, and the emulator's clock.

use std::sync::Mutex;
use std::time::Duration;

use time::format_description::BorrowedFormatItem;
use time::macros::format_description;
use time::{OffsetDateTime, PrimitiveDateTime};

/// RFC 3339 with a numeric offset and whole seconds, like `2019-10-25T15:37:27+00:00`
/// (the service's examples use this form, not `Z` or fractions).
const RFC3339: &[BorrowedFormatItem<'static>] = format_description!(
    "[year]-[month]-[day]T[hour]:[minute]:[second][offset_hour sign:mandatory]:[offset_minute]"
);
const VERSION_NAME: &[BorrowedFormatItem<'static>] =
    format_description!("v[year][month][day]-[hour][minute][second]");
const IMAGE_TAG: &[BorrowedFormatItem<'static>] =
    format_description!("[year repr:last_two][month][day][hour][minute][second]");

/// `YYYY-MM-DDThh:mm:ss` in UTC, without offset: the times of the async invocation
/// records and of their list filters.
const RECORD_TIME: &[BorrowedFormatItem<'static>] =
    format_description!("[year]-[month]-[day]T[hour]:[minute]:[second]");

/// The current time in UTC.
pub(crate) fn now() -> OffsetDateTime {
    OffsetDateTime::now_utc()
}

/// The emulator's clock: the system's, plus however far a test moved it ahead
/// ([`Emulator::advance_clock`](crate::Emulator::advance_clock)), so that event ages
/// and waits can pass without waiting.
#[derive(Debug, Default)]
pub(crate) struct Clock {
    ahead: Mutex<Duration>,
}

impl Clock {
    /// The emulator's current time.
    pub(crate) fn now(&self) -> OffsetDateTime {
        now() + self.ahead()
    }

    /// How far the clock is ahead of the system's.
    pub(crate) fn ahead(&self) -> Duration {
        *self.ahead.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Moves the clock `by` ahead.
    pub(crate) fn advance(&self, by: Duration) {
        let mut ahead = self.ahead.lock().unwrap_or_else(|p| p.into_inner());
        *ahead = ahead.saturating_add(by);
    }
}

/// `2019-10-25T15:37:27` (UTC, no offset).
pub(crate) fn record_time(time: OffsetDateTime) -> String {
    time.to_offset(time::UtcOffset::UTC)
        .format(RECORD_TIME)
        .unwrap_or_default()
}

/// Reads `2019-10-25T15:37:27` as UTC; an RFC 3339 time with an offset is accepted too.
pub(crate) fn parse_record_time(text: &str) -> Option<OffsetDateTime> {
    PrimitiveDateTime::parse(text, RECORD_TIME)
        .map(PrimitiveDateTime::assume_utc)
        .or_else(|_| OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339))
        .ok()
}

/// `2019-10-25T15:37:27+00:00`.
pub(crate) fn rfc3339(time: OffsetDateTime) -> String {
    // Formatting a complete `OffsetDateTime` into a `String` cannot fail.
    time.format(RFC3339).unwrap_or_default()
}

/// The generated name of a published version: `vYYYYMMDD-HHMMSS`.
pub(crate) fn version_name(time: OffsetDateTime) -> String {
    time.format(VERSION_NAME).unwrap_or_default()
}

/// The service's internal image tag, `{version}-{yymmddhhmmss}@{suffix}`.
pub(crate) fn image_name(version: &str, time: OffsetDateTime) -> String {
    let tag = time.format(IMAGE_TAG).unwrap_or_default();
    let suffix = uuid::Uuid::new_v4().simple().to_string();
    format!("{version}-{tag}@{}", &suffix[..5])
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn formats() {
        let t = datetime!(2019-10-25 15:37:27 UTC);
        assert_eq!(rfc3339(t), "2019-10-25T15:37:27+00:00");
        assert_eq!(version_name(t), "v20191025-153727");
        let image = image_name("latest", t);
        assert!(image.starts_with("latest-191025153727@"), "{image}");
        assert_eq!(image.len(), "latest-191025153727@".len() + 5);
        assert_eq!(record_time(t), "2019-10-25T15:37:27");
        assert_eq!(parse_record_time("2019-10-25T15:37:27"), Some(t));
        assert_eq!(parse_record_time("2019-10-25T17:37:27+02:00"), Some(t));
        assert_eq!(parse_record_time("yesterday"), None);
        let clock = Clock::default();
        clock.advance(Duration::from_secs(3600));
        assert!(clock.now() - now() > time::Duration::minutes(59));
    }
}
