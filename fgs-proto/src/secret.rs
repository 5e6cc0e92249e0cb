//! A string that never shows itself: SK, IAM tokens and security tokens.

use std::fmt;

use zeroize::{ZeroizeOnDrop, Zeroizing};

/// A secret string (secret key, IAM token, security token).
///
/// `Debug` and `Display` print `***` instead of the value, and the bytes are zeroed when
/// the value is dropped, so a secret cannot leak through logging or a crash dump of freed
/// memory. Read the value only where it is needed, with [`Secret::expose`].
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(Zeroizing<String>);

impl Secret {
    /// Wraps a secret value.
    pub fn new(value: impl Into<String>) -> Self {
        Secret(Zeroizing::new(value.into()))
    }

    /// The secret value. Call this only to put the value on the wire or into an HMAC.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// Whether the secret is the empty string.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// The value lives in a [`Zeroizing`] buffer, which wipes it when dropped (the
/// `storage_is_wiped_on_drop` test pins the field's type, so this cannot silently
/// become untrue).
impl ZeroizeOnDrop for Secret {}

impl From<String> for Secret {
    fn from(value: String) -> Self {
        Secret::new(value)
    }
}

impl From<&str> for Secret {
    fn from(value: &str) -> Self {
        Secret::new(value)
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

/// Serialises as the plain string: a secret that is part of a request body (a Kafka or
/// database password in trigger event data) has to reach the wire. Only `Debug` and
/// `Display` hide it.
impl serde::Serialize for Secret {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.expose())
    }
}

impl<'de> serde::Deserialize<'de> for Secret {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Secret::new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_and_display_hide_the_value() {
        let s = Secret::new("SENTINEL-SK-123");
        assert_eq!(format!("{s:?}"), "Secret(***)");
        assert_eq!(format!("{s}"), "***");
        assert_eq!(s.expose(), "SENTINEL-SK-123");
    }

    /// Compiles only for types that wipe themselves when dropped.
    fn wiped_on_drop<T: ZeroizeOnDrop + ?Sized>(_: &T) {}

    #[test]
    fn storage_is_wiped_on_drop() {
        let secret = Secret::new("SENTINEL-SK-123");
        // The field itself is a `Zeroizing` buffer: its `Drop` runs `String::zeroize`,
        // which overwrites the whole allocation (spare capacity included) before it
        // is freed. Pinned here: a change of the field's type fails to compile.
        wiped_on_drop(&secret.0);
        wiped_on_drop(&secret);
        // That `zeroize` is what empties the value (seen on a clone; the original's
        // drop runs the same code). Reading freed memory would need `unsafe`.
        let mut copy: Zeroizing<String> = secret.0.clone();
        zeroize::Zeroize::zeroize(&mut *copy);
        assert!(copy.is_empty());
        assert_eq!(secret.expose(), "SENTINEL-SK-123");
    }

    #[test]
    fn serde_carries_the_value_but_debug_does_not() {
        let s: Secret = serde_json::from_str("\"pw-1\"").unwrap();
        assert_eq!(s.expose(), "pw-1");
        assert_eq!(format!("{s:?}"), "Secret(***)");
        assert_eq!(serde_json::to_string(&s).unwrap(), "\"pw-1\"");
        assert!(serde_json::from_str::<Secret>("1").is_err());
    }
}
