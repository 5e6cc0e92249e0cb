//! [`Body`]: a request body that is either bytes or a replayable producer of bytes.
//!
//! Most requests are a few hundred bytes of JSON, held as [`Bytes`] and shared between
//! attempts by reference count. A code upload can be tens of megabytes of base64 inside
//! JSON; holding it whole would double the memory of the package. Such a body is a
//! [`BodySource`] instead: it knows its exact length and produces its bytes in chunks,
//! from the start, each time it is asked, so that a transport can stream it, a signer
//! can hash it without keeping it, and a retry can send it again.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use bytes::{Bytes, BytesMut};

/// A replayable producer of a request body's bytes: see [`Body::from_source`].
///
/// Every call of [`chunks`](Self::chunks) starts over and yields exactly
/// [`len`](Self::len) bytes in total, the same bytes each time: the signature is computed
/// over one pass and the transport sends another.
pub trait BodySource: Send + Sync + 'static {
    /// The exact length in bytes of what [`Self::chunks`] yields.
    fn len(&self) -> u64;

    /// Whether the body is empty.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The bytes from the start, in chunks of any size (empty chunks are allowed).
    fn chunks(&self) -> Box<dyn Iterator<Item = Bytes> + Send + 'static>;
}

/// A request body: bytes, or a replayable [`BodySource`]. Cheap to clone (a reference
/// count either way).
///
/// ```
/// use fgs_proto::Body;
///
/// let body = Body::from(r#"{"a":1}"#);
/// assert_eq!(body.len(), 7);
/// assert_eq!(body.as_bytes().map(|b| &b[..]), Some(&b"{\"a\":1}"[..]));
/// assert_eq!(format!("{body:?}"), "Body(7 bytes)");
/// assert!(Body::empty().is_empty());
/// ```
#[derive(Clone, Default)]
pub struct Body {
    repr: Repr,
}

#[derive(Clone)]
enum Repr {
    Bytes(Bytes),
    Source(Arc<dyn BodySource>),
}

impl Default for Repr {
    fn default() -> Self {
        Repr::Bytes(Bytes::new())
    }
}

impl Body {
    /// No body.
    pub fn empty() -> Self {
        Body::default()
    }

    /// A body produced while it is sent: see [`BodySource`].
    ///
    /// ```
    /// use bytes::Bytes;
    /// use fgs_proto::{Body, BodySource};
    ///
    /// /// `n` copies of `part`, produced on demand.
    /// struct Repeat { part: Bytes, n: usize }
    /// impl BodySource for Repeat {
    ///     fn len(&self) -> u64 { (self.part.len() * self.n) as u64 }
    ///     fn chunks(&self) -> Box<dyn Iterator<Item = Bytes> + Send> {
    ///         Box::new(std::iter::repeat(self.part.clone()).take(self.n))
    ///     }
    /// }
    ///
    /// let body = Body::from_source(Repeat { part: Bytes::from_static(b"ab"), n: 3 });
    /// assert_eq!(body.len(), 6);
    /// assert!(body.as_bytes().is_none());
    /// assert_eq!(body.to_bytes(), "ababab");
    /// assert_eq!(format!("{body:?}"), "Body(6 bytes, streamed)");
    /// ```
    pub fn from_source(source: impl BodySource) -> Self {
        Body {
            repr: Repr::Source(Arc::new(source)),
        }
    }

    /// The length in bytes.
    pub fn len(&self) -> u64 {
        match &self.repr {
            Repr::Bytes(bytes) => bytes.len() as u64,
            Repr::Source(source) => source.len(),
        }
    }

    /// Whether the body is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The bytes, if the body is held in memory (`None` for a streamed body).
    pub fn as_bytes(&self) -> Option<&Bytes> {
        match &self.repr {
            Repr::Bytes(bytes) => Some(bytes),
            Repr::Source(_) => None,
        }
    }

    /// Whether the body is produced while it is sent.
    pub fn is_streamed(&self) -> bool {
        matches!(self.repr, Repr::Source(_))
    }

    /// The bytes from the start, in chunks: one chunk for an in-memory body.
    pub fn chunks(&self) -> Box<dyn Iterator<Item = Bytes> + Send + 'static> {
        match &self.repr {
            Repr::Bytes(bytes) => Box::new((!bytes.is_empty()).then(|| bytes.clone()).into_iter()),
            Repr::Source(source) => source.chunks(),
        }
    }

    /// The whole body in one buffer: free for an in-memory body, a copy of every chunk
    /// for a streamed one (for tests and inspection, not for sending).
    pub fn to_bytes(&self) -> Bytes {
        match &self.repr {
            Repr::Bytes(bytes) => bytes.clone(),
            Repr::Source(source) => {
                let mut all = BytesMut::with_capacity(usize::try_from(source.len()).unwrap_or(0));
                for chunk in source.chunks() {
                    all.extend_from_slice(&chunk);
                }
                all.freeze()
            }
        }
    }
}

impl fmt::Debug for Body {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.repr {
            Repr::Bytes(bytes) => write!(f, "Body({} bytes)", bytes.len()),
            Repr::Source(source) => write!(f, "Body({} bytes, streamed)", source.len()),
        }
    }
}

impl PartialEq for Body {
    /// Bodies are equal when they hold the same bytes, however they hold them.
    fn eq(&self, other: &Self) -> bool {
        match (&self.repr, &other.repr) {
            (Repr::Bytes(a), Repr::Bytes(b)) => a == b,
            _ => self.len() == other.len() && self.to_bytes() == other.to_bytes(),
        }
    }
}

impl PartialEq<[u8]> for Body {
    fn eq(&self, other: &[u8]) -> bool {
        self.len() == other.len() as u64 && self.to_bytes() == other
    }
}

impl<const N: usize> PartialEq<[u8; N]> for Body {
    fn eq(&self, other: &[u8; N]) -> bool {
        *self == other[..]
    }
}

impl PartialEq<str> for Body {
    fn eq(&self, other: &str) -> bool {
        *self == *other.as_bytes()
    }
}

impl PartialEq<&str> for Body {
    fn eq(&self, other: &&str) -> bool {
        *self == *other.as_bytes()
    }
}

impl From<Bytes> for Body {
    fn from(bytes: Bytes) -> Self {
        Body {
            repr: Repr::Bytes(bytes),
        }
    }
}

impl From<Vec<u8>> for Body {
    fn from(bytes: Vec<u8>) -> Self {
        Body::from(Bytes::from(bytes))
    }
}

impl From<String> for Body {
    fn from(text: String) -> Self {
        Body::from(Bytes::from(text))
    }
}

impl From<&'static str> for Body {
    fn from(text: &'static str) -> Self {
        Body::from(Bytes::from_static(text.as_bytes()))
    }
}

impl From<&'static [u8]> for Body {
    fn from(bytes: &'static [u8]) -> Self {
        Body::from(Bytes::from_static(bytes))
    }
}

impl From<()> for Body {
    fn from((): ()) -> Self {
        Body::empty()
    }
}

/// A request body whose bytes can be read in one piece: any byte container, or a
/// [`Body`] (a streamed one is produced for the occasion). What inspecting, signing
/// and verifying a whole request take.
pub trait BodyBytes {
    /// The body's bytes.
    fn body_bytes(&self) -> Cow<'_, [u8]>;
}

impl<T: AsRef<[u8]> + ?Sized> BodyBytes for T {
    fn body_bytes(&self) -> Cow<'_, [u8]> {
        Cow::Borrowed(self.as_ref())
    }
}

impl BodyBytes for Body {
    fn body_bytes(&self) -> Cow<'_, [u8]> {
        match self.as_bytes() {
            Some(bytes) => Cow::Borrowed(&bytes[..]),
            None => Cow::Owned(self.to_bytes().to_vec()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Chunked(Vec<&'static str>);

    impl BodySource for Chunked {
        fn len(&self) -> u64 {
            self.0.iter().map(|c| c.len() as u64).sum()
        }
        fn chunks(&self) -> Box<dyn Iterator<Item = Bytes> + Send> {
            Box::new(
                self.0
                    .clone()
                    .into_iter()
                    .map(|s: &'static str| Bytes::from_static(s.as_bytes())),
            )
        }
    }

    #[test]
    fn a_streamed_body_replays_and_equals_its_bytes() {
        let streamed = Body::from_source(Chunked(vec!["{\"a\"", "", ":1}"]));
        assert!(streamed.is_streamed());
        assert_eq!(streamed.len(), 7);
        assert_eq!(streamed.to_bytes(), "{\"a\":1}");
        // A second pass yields the same bytes.
        let again: Vec<u8> = streamed.chunks().flat_map(|c| c.to_vec()).collect();
        assert_eq!(again, b"{\"a\":1}");
        assert_eq!(streamed, Body::from("{\"a\":1}"));
        assert_ne!(streamed, Body::from("{\"a\":2}"));
    }

    #[test]
    fn an_empty_body_has_no_chunk() {
        assert_eq!(Body::empty().chunks().count(), 0);
        assert_eq!(Body::from(vec![1u8]).chunks().count(), 1);
        assert!(!Body::from(vec![1u8]).is_streamed());
    }
}
