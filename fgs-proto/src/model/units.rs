//! Units of request fields: memory sizes in MB and timeouts in whole seconds, as types
//! of their own so that a memory size and a timeout cannot trade places unnoticed.

use std::fmt;
use std::time::Duration;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::Error;

/// An amount of memory in MB, as the service counts function memory (`memory_size`),
/// GPU memory and ephemeral storage. Serialised as the integer number of MB.
///
/// ```
/// use fgs_proto::model::MemorySize;
///
/// let memory = MemorySize::mb(256);
/// assert_eq!(memory.as_mb(), 256);
/// assert_eq!(serde_json::to_string(&memory)?, "256");
/// assert_eq!(memory.to_string(), "256 MB");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct MemorySize(u32);

impl MemorySize {
    /// `mb` megabytes. Which sizes a function may have (128, 256, … 10240 for memory)
    /// depends on the region and its quotas, so the service checks them, not this type.
    pub const fn mb(mb: u32) -> Self {
        MemorySize(mb)
    }

    /// The size in MB.
    pub const fn as_mb(self) -> u32 {
        self.0
    }
}

impl fmt::Display for MemorySize {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} MB", self.0)
    }
}

/// A timeout as the service takes it: whole seconds. A fractional second rounds **up**
/// (1.2 s is sent as 2), so a function never gets less time than asked for.
/// `None` for durations the API cannot express: shorter than one second (zero
/// included; rounding 1 ms up to 1 s would be a thousandfold change), or more seconds
/// than an `i64` holds.
pub(crate) fn whole_seconds(duration: Duration) -> Option<i64> {
    if duration < Duration::from_secs(1) {
        return None;
    }
    let secs = duration
        .as_secs()
        .checked_add(u64::from(duration.subsec_nanos() > 0))?;
    i64::try_from(secs).ok()
}

/// Fails with [`Error::InvalidInput`] naming `field` when `duration` is not a timeout
/// the service can be sent (see [`whole_seconds`]).
pub(crate) fn check_timeout(field: &'static str, duration: Option<Duration>) -> Result<(), Error> {
    match duration {
        Some(duration) if whole_seconds(duration).is_none() => Err(Error::invalid_input(
            field,
            format!("must be at least one second (whole seconds on the wire), got {duration:?}"),
        )),
        _ => Ok(()),
    }
}

/// `#[serde(with)]` for a required timeout: whole seconds, rounded up.
pub(crate) mod seconds {
    use super::*;

    pub(crate) fn serialize<S: Serializer>(duration: &Duration, s: S) -> Result<S::Ok, S::Error> {
        match whole_seconds(*duration) {
            Some(secs) => s.serialize_i64(secs),
            None => Err(serde::ser::Error::custom(format!(
                "a timeout of {duration:?} is not at least one second"
            ))),
        }
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Duration, D::Error> {
        Ok(Duration::from_secs(u64::deserialize(d)?))
    }
}

/// `#[serde(with)]` for an optional timeout, like [`seconds`].
pub(crate) mod option_seconds {
    use super::*;

    pub(crate) fn serialize<S: Serializer>(
        duration: &Option<Duration>,
        s: S,
    ) -> Result<S::Ok, S::Error> {
        match duration {
            Some(duration) => seconds::serialize(duration, s),
            None => s.serialize_none(),
        }
    }

    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Duration>, D::Error> {
        Ok(Option::<u64>::deserialize(d)?.map(Duration::from_secs))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_seconds_round_up_and_refuse_what_the_api_cannot_say() {
        assert_eq!(whole_seconds(Duration::from_secs(30)), Some(30));
        assert_eq!(whole_seconds(Duration::from_millis(1200)), Some(2));
        assert_eq!(whole_seconds(Duration::from_nanos(1_000_000_001)), Some(2));
        assert_eq!(whole_seconds(Duration::from_secs(1)), Some(1));
        assert_eq!(whole_seconds(Duration::ZERO), None);
        assert_eq!(whole_seconds(Duration::from_millis(999)), None);
        assert_eq!(whole_seconds(Duration::MAX), None);
        assert_eq!(whole_seconds(Duration::from_secs(u64::MAX)), None);
    }

    #[test]
    fn check_timeout_names_the_field() {
        assert!(check_timeout("timeout", None).is_ok());
        assert!(check_timeout("timeout", Some(Duration::from_secs(3))).is_ok());
        let error = check_timeout("pre_stop_timeout", Some(Duration::from_millis(500)))
            .unwrap_err()
            .to_string();
        assert!(error.contains("pre_stop_timeout"), "{error}");
        assert!(error.contains("500ms"), "{error}");
    }

    #[test]
    fn memory_size_is_an_integer_on_the_wire() {
        assert_eq!(serde_json::to_string(&MemorySize::mb(128)).unwrap(), "128");
        let back: MemorySize = serde_json::from_str("4096").unwrap();
        assert_eq!(back, MemorySize::mb(4096));
        assert!(serde_json::from_str::<MemorySize>("-1").is_err());
    }
}
