//! [`Guarded`]: a connection's stream, read so that whatever a server sends cannot keep
//! the connection's task running past an attempt's deadline or hold its thread.
//!
//! hyper's client skips informational (`1xx`) responses in a loop: it parses every one
//! in its buffer and reads again, without returning, for as long as the socket has
//! bytes. tokio's cooperative budget counts reads, not bytes (128 reads of up to
//! ~400 KiB each), so against a flood of `100 Continue` one poll of the connection's
//! task parsed heads for seconds, and on a current-thread runtime the attempt's timer
//! could not fire until it ended: a 1 s timeout ended after 6–11 s, and the task kept
//! a core busy for as long as the server kept sending. Three bounds, checked on every
//! read of the stream:
//!
//! - an exchange's informational responses are counted ([`Guard::informational`],
//!   the request's `on_informational` callback); past [`MAX_INFORMATIONAL`] the read
//!   fails (`InvalidData`, a `Protocol` error), as fgs-ureq refuses an oversized head;
//! - after [`YIELD_AFTER`] of reads that all found bytes, the task yields once, so
//!   that timers and other tasks on its thread run;
//! - past the exchange's deadline the read fails (`TimedOut`): the connection ends
//!   even when the attempt that used it has been dropped.

use std::future::Future;
use std::io;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU32, AtomicU64, Ordering};
use std::task::{Context, Poll};
use std::time::{Duration, Instant};

use hyper::rt::{Read, ReadBufCursor, Write};

/// Informational responses accepted for one request. A server sends one or two
/// (`100 Continue`, `103 Early Hints`); more than this is refused.
pub(crate) const MAX_INFORMATIONAL: u32 = 32;

/// How long a connection's reads may keep finding bytes before its task yields.
pub(crate) const YIELD_AFTER: Duration = Duration::from_millis(5);

/// No deadline (an idle connection).
const NO_DEADLINE: u64 = u64::MAX;

/// What a connection's exchange allows; shared by the pool (which arms it per
/// request), the request's informational callback and the stream.
#[derive(Debug)]
pub(crate) struct Guard {
    /// The instant deadlines are counted from.
    origin: Instant,
    /// Nanoseconds after `origin`, or [`NO_DEADLINE`].
    deadline: AtomicU64,
    /// Informational responses to the current request.
    informational: AtomicU32,
}

impl Guard {
    pub(crate) fn new() -> Arc<Self> {
        Arc::new(Guard {
            origin: Instant::now(),
            deadline: AtomicU64::new(NO_DEADLINE),
            informational: AtomicU32::new(0),
        })
    }

    /// Starts an exchange that must be over by `deadline`, if it has one.
    pub(crate) fn arm(&self, deadline: Option<Instant>) {
        let nanos = deadline.map_or(NO_DEADLINE, |deadline| {
            let nanos = deadline.saturating_duration_since(self.origin).as_nanos();
            u64::try_from(nanos).unwrap_or(NO_DEADLINE)
        });
        self.informational.store(0, Ordering::Relaxed);
        self.deadline.store(nanos, Ordering::Relaxed);
    }

    /// Ends the exchange: the connection is idle, without a deadline.
    pub(crate) fn disarm(&self) {
        self.deadline.store(NO_DEADLINE, Ordering::Relaxed);
    }

    /// Counts one informational response (the request's `on_informational` callback).
    pub(crate) fn informational(&self) {
        self.informational.fetch_add(1, Ordering::Relaxed);
    }

    /// Why the stream must not be read any more, if it must not.
    fn check(&self, now: Instant) -> Result<(), io::Error> {
        let deadline = self.deadline.load(Ordering::Relaxed);
        if deadline != NO_DEADLINE
            && now.saturating_duration_since(self.origin).as_nanos() >= u128::from(deadline)
        {
            return Err(io::Error::new(
                io::ErrorKind::TimedOut,
                "the attempt's deadline passed while the response was read",
            ));
        }
        let informational = self.informational.load(Ordering::Relaxed);
        if informational > MAX_INFORMATIONAL {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!(
                    "{informational} informational (1xx) responses to one request, \
                     above the {MAX_INFORMATIONAL} accepted"
                ),
            ));
        }
        Ok(())
    }
}

/// A connection's stream, read under its [`Guard`].
#[derive(Debug)]
pub(crate) struct Guarded<T> {
    inner: T,
    guard: Arc<Guard>,
    /// Since when every read has found bytes (`None` after one that found none).
    busy_since: Option<Instant>,
}

impl<T> Guarded<T> {
    pub(crate) fn new(inner: T, guard: Arc<Guard>) -> Self {
        Guarded {
            inner,
            guard,
            busy_since: None,
        }
    }
}

impl<T: Read + Unpin> Read for Guarded<T> {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: ReadBufCursor<'_>,
    ) -> Poll<Result<(), io::Error>> {
        let now = Instant::now();
        self.guard.check(now)?;
        if self
            .busy_since
            .is_some_and(|since| now.saturating_duration_since(since) >= YIELD_AFTER)
        {
            self.busy_since = None;
            // tokio's yield defers the wake until the runtime has looked at its timers
            // and I/O; a bare `wake_by_ref` would let this task run again first.
            let mut yielding = std::pin::pin!(tokio::task::yield_now());
            if yielding.as_mut().poll(cx).is_pending() {
                return Poll::Pending;
            }
        }
        let this = &mut *self;
        match Pin::new(&mut this.inner).poll_read(cx, buf) {
            Poll::Ready(Ok(())) => {
                this.busy_since.get_or_insert(now);
                Poll::Ready(Ok(()))
            }
            Poll::Pending => {
                this.busy_since = None;
                Poll::Pending
            }
            Poll::Ready(Err(error)) => Poll::Ready(Err(error)),
        }
    }
}

impl<T: Write + Unpin> Write for Guarded<T> {
    fn poll_write(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<Result<usize, io::Error>> {
        Pin::new(&mut self.inner).poll_write(cx, buf)
    }

    fn poll_flush(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Result<(), io::Error>> {
        Pin::new(&mut self.inner).poll_flush(cx)
    }

    fn poll_shutdown(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Result<(), io::Error>> {
        Pin::new(&mut self.inner).poll_shutdown(cx)
    }

    fn is_write_vectored(&self) -> bool {
        self.inner.is_write_vectored()
    }

    fn poll_write_vectored(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        bufs: &[io::IoSlice<'_>],
    ) -> Poll<Result<usize, io::Error>> {
        Pin::new(&mut self.inner).poll_write_vectored(cx, bufs)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hyper::rt::ReadBuf;
    use std::task::Waker;

    /// A stream that always has bytes.
    struct Endless;

    impl Read for Endless {
        fn poll_read(
            self: Pin<&mut Self>,
            _: &mut Context<'_>,
            mut buf: ReadBufCursor<'_>,
        ) -> Poll<Result<(), io::Error>> {
            buf.put_slice(b"HTTP/1.1 100 Continue\r\n\r\n");
            Poll::Ready(Ok(()))
        }
    }

    fn read(stream: &mut Guarded<Endless>) -> Poll<Result<usize, io::Error>> {
        let mut bytes = [0u8; 64];
        let mut buf = ReadBuf::new(&mut bytes);
        let mut cx = Context::from_waker(Waker::noop());
        Pin::new(stream)
            .poll_read(&mut cx, buf.unfilled())
            .map_ok(|()| buf.filled().len())
    }

    /// A stream whose exchange has a minute left.
    fn armed() -> (Arc<Guard>, Guarded<Endless>) {
        let guard = Guard::new();
        guard.arm(Some(Instant::now() + Duration::from_secs(60)));
        (guard.clone(), Guarded::new(Endless, guard))
    }

    fn read_error(stream: &mut Guarded<Endless>) -> io::Error {
        match read(stream) {
            Poll::Ready(Err(error)) => error,
            other => panic!("a read that fails, not {other:?}"),
        }
    }

    #[test]
    fn reads_that_keep_finding_bytes_yield_after_a_while() {
        let mut stream = Guarded::new(Endless, Guard::new());
        assert!(matches!(read(&mut stream), Poll::Ready(Ok(25))));
        assert!(matches!(read(&mut stream), Poll::Ready(Ok(25))));
        std::thread::sleep(YIELD_AFTER);
        assert!(read(&mut stream).is_pending());
        // Once only: the next read goes on.
        assert!(matches!(read(&mut stream), Poll::Ready(Ok(25))));
    }

    #[test]
    fn a_read_past_the_deadline_fails_until_the_exchange_ends() {
        let (guard, mut stream) = armed();
        assert!(matches!(read(&mut stream), Poll::Ready(Ok(25))));
        guard.arm(Some(Instant::now()));
        assert_eq!(read_error(&mut stream).kind(), io::ErrorKind::TimedOut);
        guard.disarm();
        assert!(matches!(read(&mut stream), Poll::Ready(Ok(25))));
    }

    #[test]
    fn informational_responses_above_the_bound_fail_the_read() {
        let (guard, mut stream) = armed();
        for _ in 0..MAX_INFORMATIONAL {
            guard.informational();
        }
        assert!(matches!(read(&mut stream), Poll::Ready(Ok(25))));
        guard.informational();
        let error = read_error(&mut stream);
        assert_eq!(error.kind(), io::ErrorKind::InvalidData);
        assert!(error.to_string().contains("33 informational"), "{error}");
        // The next request starts counting again.
        guard.arm(Some(Instant::now() + Duration::from_secs(60)));
        assert!(matches!(read(&mut stream), Poll::Ready(Ok(25))));
    }
}
