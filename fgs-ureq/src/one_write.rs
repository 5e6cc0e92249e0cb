//! [`OneWrite`]: a request's head and its (first) body bytes in one write.
//!
//! ureq writes the head of a request as soon as it is serialised, then the body in
//! another write: two system calls and, with `TCP_NODELAY`, two segments for a 9-byte
//! Invoke event. This transport wraps the connection ureq opened and holds a small
//! first write (the head) back: the next write (the body) is moved behind it in ureq's
//! output buffer and both leave together; with no body, the held head leaves when the
//! response is awaited. Nothing is held across a read, so the exchange is the same on
//! the wire, in fewer writes.
//!
//! It also spares ureq's pool one of its two liveness probes per call. ureq probes a
//! connection (a non-blocking read between two `ioctl`s: three system calls) when it
//! returns it to the pool, right after the answer was read, and again when it takes it
//! out for the next request. The probe after an answer is skipped: whatever it would
//! find — bytes the server sent after the body, or a close — the probe at checkout
//! finds too, before anything is sent on the connection.
//!
//! It also rounds the time left of a long attempt budget up to whole seconds before
//! ureq sets it as the socket's timeout: ureq sets the socket's read and write timeouts
//! whenever they change, and the time left changes on every call — two `setsockopt`
//! calls per request for nothing. Rounded, it stays the same from one call to the next;
//! a blocked read may then outlast a budget of more than 2 s by less than a second
//! (ureq still checks the deadline itself between reads and writes).

use std::time::Duration;

use ureq::unversioned::transport::time::Duration as UreqDuration;
use ureq::unversioned::transport::{Buffers, ConnectionDetails, Connector, NextTimeout, Transport};

/// The largest write held back: a request head is a few hundred bytes.
const HOLD_MAX: usize = 16 * 1024;

/// Budgets longer than this are rounded up to whole seconds.
const COARSE_ABOVE: Duration = Duration::from_secs(2);

/// `timeout` with a long time left rounded up to whole seconds (see the module docs).
fn coarse(mut timeout: NextTimeout) -> NextTimeout {
    if let UreqDuration::Exact(left) = timeout.after
        && left > COARSE_ABOVE
        && left.subsec_nanos() > 0
    {
        timeout.after = UreqDuration::Exact(Duration::from_secs(left.as_secs() + 1));
    }
    timeout
}

/// The last link of fgs-ureq's connector chain: wraps every connection in [`OneWrite`].
#[derive(Debug, Default)]
pub(crate) struct OneWriteConnector;

impl Connector<Box<dyn Transport>> for OneWriteConnector {
    type Out = OneWrite<Box<dyn Transport>>;

    fn connect(
        &self,
        _details: &ConnectionDetails,
        chained: Option<Box<dyn Transport>>,
    ) -> Result<Option<Self::Out>, ureq::Error> {
        Ok(chained.map(|inner| OneWrite {
            inner,
            held: Vec::new(),
            answered: false,
        }))
    }
}

/// A connection that holds a small first write until the next one or until input is
/// awaited.
#[derive(Debug)]
pub(crate) struct OneWrite<T> {
    inner: T,
    /// A write not sent yet (a request head: some hundred bytes).
    held: Vec<u8>,
    /// Input arrived since the last liveness probe: the next probe is ureq's check as
    /// the connection goes back to the pool, which the checkout probe repeats.
    answered: bool,
}

impl<T: Transport> OneWrite<T> {
    /// Sends what is held.
    fn flush(&mut self, timeout: NextTimeout) -> Result<(), ureq::Error> {
        if !self.held.is_empty() {
            let n = self.held.len();
            self.inner.buffers().output()[..n].copy_from_slice(&self.held);
            self.held.clear();
            self.inner.transmit_output(n, timeout)?;
        }
        Ok(())
    }
}

impl<T: Transport> Transport for OneWrite<T> {
    fn buffers(&mut self) -> &mut dyn Buffers {
        self.inner.buffers()
    }

    fn transmit_output(&mut self, amount: usize, timeout: NextTimeout) -> Result<(), ureq::Error> {
        let timeout = coarse(timeout);
        let held = self.held.len();
        if held == 0 {
            if amount <= HOLD_MAX {
                self.held
                    .extend_from_slice(&self.inner.buffers().output()[..amount]);
                return Ok(());
            }
            return self.inner.transmit_output(amount, timeout);
        }
        // The held head goes in front of these bytes, in the same buffer.
        let output = self.inner.buffers().output();
        if held + amount <= output.len() {
            output.copy_within(..amount, held);
            output[..held].copy_from_slice(&self.held);
            self.held.clear();
            return self.inner.transmit_output(held + amount, timeout);
        }
        // No room behind (a first body write that fills the buffer: a large body, where
        // one more write does not matter): the head, then these bytes.
        let bytes = output[..amount].to_vec();
        self.flush(timeout)?;
        self.inner.buffers().output()[..amount].copy_from_slice(&bytes);
        self.inner.transmit_output(amount, timeout)
    }

    fn maybe_await_input(&mut self, timeout: NextTimeout) -> Result<bool, ureq::Error> {
        let timeout = coarse(timeout);
        self.flush(timeout)?;
        let input = self.inner.maybe_await_input(timeout)?;
        self.answered |= input;
        Ok(input)
    }

    fn await_input(&mut self, timeout: NextTimeout) -> Result<bool, ureq::Error> {
        let timeout = coarse(timeout);
        self.flush(timeout)?;
        let input = self.inner.await_input(timeout)?;
        self.answered |= input;
        Ok(input)
    }

    fn is_open(&mut self) -> bool {
        // The probe as the answered connection returns to the pool is left to the one
        // at checkout (see the module docs); every other probe is made.
        if std::mem::take(&mut self.answered) {
            return true;
        }
        self.inner.is_open()
    }

    fn is_tls(&self) -> bool {
        self.inner.is_tls()
    }
}

#[cfg(test)]
mod tests {
    use ureq::unversioned::transport::LazyBuffers;

    use super::*;

    /// A connection that records what it is asked to send.
    #[derive(Debug)]
    struct Recorder {
        buffers: LazyBuffers,
        sent: Vec<Vec<u8>>,
        probes: usize,
    }

    impl Transport for Recorder {
        fn buffers(&mut self) -> &mut dyn Buffers {
            &mut self.buffers
        }
        fn transmit_output(&mut self, amount: usize, _: NextTimeout) -> Result<(), ureq::Error> {
            self.sent.push(self.buffers.output()[..amount].to_vec());
            Ok(())
        }
        fn await_input(&mut self, _: NextTimeout) -> Result<bool, ureq::Error> {
            Ok(false)
        }
        fn maybe_await_input(&mut self, _: NextTimeout) -> Result<bool, ureq::Error> {
            // An answer arrives.
            Ok(true)
        }
        fn is_open(&mut self) -> bool {
            self.probes += 1;
            true
        }
    }

    fn one_write(output: usize) -> OneWrite<Recorder> {
        OneWrite {
            inner: Recorder {
                buffers: LazyBuffers::new(1024, output),
                sent: Vec::new(),
                probes: 0,
            },
            held: Vec::new(),
            answered: false,
        }
    }

    /// ureq's way: write into the output buffer, then transmit that many bytes.
    fn write(t: &mut OneWrite<Recorder>, bytes: &[u8]) {
        t.buffers().output()[..bytes.len()].copy_from_slice(bytes);
        t.transmit_output(bytes.len(), NextTimeout::default())
            .unwrap();
    }

    #[test]
    fn head_and_small_body_leave_in_one_write() {
        let mut t = one_write(4096);
        write(&mut t, b"POST / HTTP/1.1\r\n\r\n");
        assert!(t.inner.sent.is_empty(), "the head is held");
        write(&mut t, b"{\"a\":1}");
        t.await_input(NextTimeout::default()).unwrap();
        assert_eq!(t.inner.sent, [b"POST / HTTP/1.1\r\n\r\n{\"a\":1}".to_vec()]);
        // The next request is held again.
        write(&mut t, b"GET / HTTP/1.1\r\n\r\n");
        t.maybe_await_input(NextTimeout::default()).unwrap();
        assert_eq!(t.inner.sent[1], b"GET / HTTP/1.1\r\n\r\n");
        assert_eq!(t.inner.sent.len(), 2);
    }

    #[test]
    fn long_budgets_are_rounded_up_to_whole_seconds_and_short_ones_kept() {
        let after = |d: Duration| {
            let t = NextTimeout {
                after: UreqDuration::Exact(d),
                ..NextTimeout::default()
            };
            coarse(t).after
        };
        let exact = UreqDuration::Exact;
        assert_eq!(
            after(Duration::from_millis(59_990)),
            exact(Duration::from_secs(60))
        );
        assert_eq!(
            after(Duration::from_millis(59_001)),
            exact(Duration::from_secs(60))
        );
        assert_eq!(
            after(Duration::from_secs(30)),
            exact(Duration::from_secs(30))
        );
        assert_eq!(
            after(Duration::from_millis(1_500)),
            exact(Duration::from_millis(1_500))
        );
    }

    #[test]
    fn a_body_that_fills_the_buffer_follows_the_head_intact() {
        let mut t = one_write(64);
        write(&mut t, b"HEAD");
        let body: Vec<u8> = (0..64u8).collect();
        write(&mut t, &body);
        write(&mut t, b"rest");
        t.await_input(NextTimeout::default()).unwrap();
        let all: Vec<u8> = t.inner.sent.concat();
        assert_eq!(all, [&b"HEAD"[..], &body, b"rest"].concat());
        assert_eq!(t.inner.sent.len(), 3);
    }

    #[test]
    fn the_probe_after_an_answer_is_left_to_the_one_at_checkout() {
        let mut t = one_write(4096);
        // A connection never answered on is probed every time.
        assert!(t.is_open() && t.is_open());
        assert_eq!(t.inner.probes, 2);
        for call in 1..=3 {
            write(&mut t, b"GET / HTTP/1.1\r\n\r\n");
            assert!(t.maybe_await_input(NextTimeout::default()).unwrap());
            // Back to the pool: not probed.
            assert!(t.is_open());
            assert_eq!(t.inner.probes, 1 + call, "call {call}");
            // Out of the pool for the next request: probed.
            assert!(t.is_open());
            assert_eq!(t.inner.probes, 2 + call, "call {call}");
        }
    }
}
