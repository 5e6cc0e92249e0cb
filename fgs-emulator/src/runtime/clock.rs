//! Timestamps as the service writes them.

use time::OffsetDateTime;
use time::format_description::BorrowedFormatItem;
use time::macros::format_description;

/// RFC 3339 with a numeric offset and whole seconds, like `2019-10-25T15:37:27+00:00`
/// (the service's examples use this form, not `Z` or fractions).
const RFC3339: &[BorrowedFormatItem<'static>] = format_description!(
    "[year]-[month]-[day]T[hour]:[minute]:[second][offset_hour sign:mandatory]:[offset_minute]"
);
const VERSION_NAME: &[BorrowedFormatItem<'static>] =
    format_description!("v[year][month][day]-[hour][minute][second]");
const IMAGE_TAG: &[BorrowedFormatItem<'static>] =
    format_description!("[year repr:last_two][month][day][hour][minute][second]");

/// The current time in UTC.
pub(crate) fn now() -> OffsetDateTime {
    OffsetDateTime::now_utc()
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
    }
}
