//! The retry policy: which failures are worth another attempt, and how long to wait.
//!
//! Pure: the policy never sleeps and never reads a clock. The call driver asks it for a
//! decision and hands the delay to the adapter, which does the sleeping.

use std::time::{Duration, SystemTime};

use http::{HeaderMap, StatusCode};
use time::PrimitiveDateTime;
use time::macros::format_description;

use crate::error::TransportError;

/// When and how often to retry.
///
/// Retried: 429 for every operation (the service did not act on the request); 5xx and
/// transport failures (connect, I/O, timeout) for idempotent operations; a transport
/// failure that happened before any byte was sent (connection refused) for every
/// operation. Delays grow exponentially from `base_delay`, capped at `max_delay`, with
/// "equal jitter" (half fixed, half random) from a seeded generator so that runs are
/// reproducible in tests. A `Retry-After` header (seconds or HTTP date) replaces the
/// computed delay; one longer than `max_retry_after` ends the call instead.
///
/// ```
/// use std::time::Duration;
/// use fgs_proto::RetryPolicy;
///
/// let policy = RetryPolicy::default().max_attempts(5).base_delay(Duration::from_millis(50));
/// assert_eq!(policy.get_max_attempts(), 5);
/// assert_eq!(RetryPolicy::none().get_max_attempts(), 1);
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RetryPolicy {
    max_attempts: u32,
    base_delay: Duration,
    max_delay: Duration,
    max_retry_after: Duration,
    seed: Option<u64>,
}

impl Default for RetryPolicy {
    /// 3 attempts, 200 ms base delay, 5 s cap, `Retry-After` up to 60 s.
    fn default() -> Self {
        RetryPolicy {
            max_attempts: 3,
            base_delay: Duration::from_millis(200),
            max_delay: Duration::from_secs(5),
            max_retry_after: Duration::from_secs(60),
            seed: None,
        }
    }
}

impl RetryPolicy {
    /// Never retry: one attempt.
    pub fn none() -> Self {
        RetryPolicy::default().max_attempts(1)
    }

    /// Total attempts, the first included (at least 1).
    pub fn max_attempts(mut self, attempts: u32) -> Self {
        self.max_attempts = attempts.max(1);
        self
    }

    /// The delay before the first retry (before jitter).
    pub fn base_delay(mut self, delay: Duration) -> Self {
        self.base_delay = delay;
        self
    }

    /// The largest computed delay.
    pub fn max_delay(mut self, delay: Duration) -> Self {
        self.max_delay = delay;
        self
    }

    /// The longest `Retry-After` honoured; a longer one ends the call.
    pub fn max_retry_after(mut self, delay: Duration) -> Self {
        self.max_retry_after = delay;
        self
    }

    /// Seeds the jitter generator, for reproducible delays. Without a seed the client
    /// layer gives each client a seed of its own from process randomness, so that
    /// clients do not retry in lockstep; a bare [`Call`](crate::Call) uses a fixed seed.
    pub fn seed(mut self, seed: u64) -> Self {
        self.seed = Some(seed);
        self
    }

    /// This policy, seeded with `seed` unless it has a seed already.
    ///
    /// ```
    /// use fgs_proto::RetryPolicy;
    /// assert_eq!(RetryPolicy::default().or_seed(7).get_seed(), Some(7));
    /// assert_eq!(RetryPolicy::default().seed(1).or_seed(7).get_seed(), Some(1));
    /// ```
    pub fn or_seed(mut self, seed: u64) -> Self {
        self.seed.get_or_insert(seed);
        self
    }

    /// The configured number of attempts.
    pub fn get_max_attempts(&self) -> u32 {
        self.max_attempts
    }

    /// The configured seed, if one was set.
    pub fn get_seed(&self) -> Option<u64> {
        self.seed
    }

    /// Decides whether attempt number `attempt` (1-based), which failed with `failure`,
    /// is followed by another one, and after which delay. `None` means give up.
    pub fn decide(
        &self,
        attempt: u32,
        idempotent: bool,
        failure: &Failure<'_>,
        jitter: &mut Jitter,
    ) -> Option<Duration> {
        if attempt >= self.max_attempts {
            return None;
        }
        let retry_after = match failure {
            Failure::Status {
                status,
                retry_after,
            } => {
                let worth_it = *status == StatusCode::TOO_MANY_REQUESTS
                    || (status.is_server_error() && idempotent);
                if !worth_it {
                    return None;
                }
                *retry_after
            }
            Failure::Transport(err) => {
                let kind_retryable = err.kind().is_retryable();
                if !kind_retryable || (err.request_sent() && !idempotent) {
                    return None;
                }
                None
            }
        };
        match retry_after {
            Some(wait) if wait > self.max_retry_after => None,
            Some(wait) => Some(wait),
            None => Some(self.backoff(attempt, jitter)),
        }
    }

    /// The delay after attempt `attempt`: `min(max_delay, base * 2^(attempt-1))`, half of
    /// it fixed and half random.
    fn backoff(&self, attempt: u32, jitter: &mut Jitter) -> Duration {
        let exp = attempt.saturating_sub(1).min(30);
        let cap = self
            .base_delay
            .saturating_mul(1u32 << exp)
            .min(self.max_delay);
        let half = cap / 2;
        let cap_nanos = u64::try_from(cap.as_nanos()).unwrap_or(u64::MAX);
        let random = jitter.next() % (cap_nanos / 2 + 1);
        half + Duration::from_nanos(random)
    }
}

/// A failed attempt, as the policy sees it.
#[derive(Debug)]
pub enum Failure<'a> {
    /// The service answered with a non-success status.
    Status {
        /// The status.
        status: StatusCode,
        /// The `Retry-After` delay, if the response carried one.
        retry_after: Option<Duration>,
    },
    /// The transport failed.
    Transport(&'a TransportError),
}

/// The jitter generator (SplitMix64): deterministic for a given seed.
#[derive(Debug, Clone)]
pub struct Jitter {
    state: u64,
}

impl Jitter {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Self {
        Jitter { state: seed }
    }

    fn next(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// Reads `Retry-After`: delta-seconds, or an HTTP date (IMF-fixdate) relative to `now`.
/// A date in the past means "now" (zero). Unparseable values are ignored.
pub fn retry_after(headers: &HeaderMap, now: SystemTime) -> Option<Duration> {
    let value = headers
        .get(http::header::RETRY_AFTER)?
        .to_str()
        .ok()?
        .trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let format = format_description!(
        "[weekday repr:short], [day] [month repr:short] [year] [hour]:[minute]:[second] GMT"
    );
    let at: SystemTime = PrimitiveDateTime::parse(value, format)
        .ok()?
        .assume_utc()
        .into();
    Some(at.duration_since(now).unwrap_or(Duration::ZERO))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::TransportErrorKind;

    fn status(code: u16) -> Failure<'static> {
        Failure::Status {
            status: StatusCode::from_u16(code).unwrap(),
            retry_after: None,
        }
    }

    #[test]
    fn which_failures_are_retried() {
        let p = RetryPolicy::default();
        let mut j = Jitter::new(1);
        assert!(p.decide(1, true, &status(503), &mut j).is_some());
        assert!(p.decide(1, false, &status(503), &mut j).is_none());
        assert!(p.decide(1, false, &status(429), &mut j).is_some());
        assert!(p.decide(1, true, &status(404), &mut j).is_none());
        assert!(p.decide(1, true, &status(400), &mut j).is_none());

        let refused = TransportError::new(TransportErrorKind::Connect, false, "refused");
        let reset = TransportError::new(TransportErrorKind::Io, true, "reset");
        let tls = TransportError::new(TransportErrorKind::Tls, false, "bad cert");
        assert!(
            p.decide(1, false, &Failure::Transport(&refused), &mut j)
                .is_some()
        );
        assert!(
            p.decide(1, false, &Failure::Transport(&reset), &mut j)
                .is_none()
        );
        assert!(
            p.decide(1, true, &Failure::Transport(&reset), &mut j)
                .is_some()
        );
        assert!(
            p.decide(1, true, &Failure::Transport(&tls), &mut j)
                .is_none()
        );
    }

    #[test]
    fn attempts_are_capped() {
        let p = RetryPolicy::default().max_attempts(3);
        let mut j = Jitter::new(1);
        assert!(p.decide(2, true, &status(500), &mut j).is_some());
        assert!(p.decide(3, true, &status(500), &mut j).is_none());
        assert!(
            RetryPolicy::none()
                .decide(1, true, &status(500), &mut j)
                .is_none()
        );
    }

    #[test]
    fn backoff_grows_is_capped_and_jittered() {
        let p = RetryPolicy::default()
            .base_delay(Duration::from_millis(100))
            .max_delay(Duration::from_millis(350));
        let mut j = Jitter::new(7);
        for attempt in 1..6u32 {
            let cap =
                Duration::from_millis(100 * (1 << (attempt - 1))).min(Duration::from_millis(350));
            let d = p.backoff(attempt, &mut j);
            assert!(
                d >= cap / 2 && d <= cap,
                "attempt {attempt}: {d:?} not in [{:?}, {cap:?}]",
                cap / 2
            );
        }
        // Same seed, same delays.
        let a: Vec<_> = (1..5).map(|n| p.backoff(n, &mut Jitter::new(42))).collect();
        let b: Vec<_> = (1..5).map(|n| p.backoff(n, &mut Jitter::new(42))).collect();
        assert_eq!(a, b);
    }

    #[test]
    fn retry_after_is_honoured_or_ends_the_call() {
        let p = RetryPolicy::default().max_retry_after(Duration::from_secs(10));
        let mut j = Jitter::new(1);
        let f = Failure::Status {
            status: StatusCode::TOO_MANY_REQUESTS,
            retry_after: Some(Duration::from_secs(3)),
        };
        assert_eq!(p.decide(1, false, &f, &mut j), Some(Duration::from_secs(3)));
        let too_long = Failure::Status {
            status: StatusCode::TOO_MANY_REQUESTS,
            retry_after: Some(Duration::from_secs(11)),
        };
        assert_eq!(p.decide(1, false, &too_long, &mut j), None);
    }

    #[test]
    fn jitter_varies_and_spans_the_window() {
        let mut j = Jitter::new(3);
        let draws: Vec<u64> = (0..64).map(|_| j.next()).collect();
        let distinct: std::collections::HashSet<_> = draws.iter().collect();
        assert_eq!(distinct.len(), draws.len(), "no repeated draw");
        // SplitMix64 of seed 0, first output: a known vector.
        assert_eq!(Jitter::new(0).next(), 0xE220_A839_7B1D_CDAF);
        let p = RetryPolicy::default()
            .base_delay(Duration::from_millis(100))
            .max_delay(Duration::from_millis(100));
        let delays: Vec<Duration> = (0..200).map(|_| p.backoff(1, &mut j)).collect();
        let cap = Duration::from_millis(100);
        assert!(delays.iter().all(|d| *d >= cap / 2 && *d <= cap));
        // Spread over the window, not pinned to its floor or its middle.
        assert!(delays.iter().any(|d| *d < cap * 6 / 10));
        assert!(delays.iter().any(|d| *d > cap * 9 / 10));
        let distinct: std::collections::HashSet<_> = delays.iter().collect();
        assert!(distinct.len() > 150);
    }

    #[test]
    fn zero_and_tiny_delays_stay_in_their_window() {
        let zero = RetryPolicy::default()
            .base_delay(Duration::ZERO)
            .max_delay(Duration::ZERO);
        let mut j = Jitter::new(5);
        assert!((1..10).all(|n| zero.backoff(n, &mut j) == Duration::ZERO));
        // A 2 ns window: 1 ns fixed, and 0 or 1 ns random — both drawn.
        let tiny = zero
            .max_delay(Duration::from_nanos(2))
            .base_delay(Duration::from_nanos(2));
        let seen: std::collections::HashSet<Duration> =
            (0..64).map(|_| tiny.backoff(1, &mut j)).collect();
        let expected = [Duration::from_nanos(1), Duration::from_nanos(2)].into();
        assert_eq!(seen, expected);
    }

    #[test]
    fn retry_after_equal_to_the_maximum_is_honoured() {
        let p = RetryPolicy::default().max_retry_after(Duration::from_secs(10));
        let f = Failure::Status {
            status: StatusCode::TOO_MANY_REQUESTS,
            retry_after: Some(Duration::from_secs(10)),
        };
        assert_eq!(
            p.decide(1, false, &f, &mut Jitter::new(1)),
            Some(Duration::from_secs(10))
        );
    }

    #[test]
    fn retry_after_forms() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(784_111_777); // Sun, 06 Nov 1994 08:49:37 GMT
        let mut h = HeaderMap::new();
        assert_eq!(retry_after(&h, now), None);
        h.insert("retry-after", "120".parse().unwrap());
        assert_eq!(retry_after(&h, now), Some(Duration::from_secs(120)));
        h.insert(
            "retry-after",
            "Sun, 06 Nov 1994 08:49:47 GMT".parse().unwrap(),
        );
        assert_eq!(retry_after(&h, now), Some(Duration::from_secs(10)));
        h.insert(
            "retry-after",
            "Sun, 06 Nov 1994 08:00:00 GMT".parse().unwrap(),
        );
        assert_eq!(retry_after(&h, now), Some(Duration::ZERO));
        h.insert("retry-after", "soon".parse().unwrap());
        assert_eq!(retry_after(&h, now), None);
    }
}
