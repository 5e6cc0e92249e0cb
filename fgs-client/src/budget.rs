//! The retry budget: a token bucket per client, in the style of aws-sdk's standard retry
//! mode, so that during an outage a client adds a bounded share of extra requests
//! instead of multiplying its load by the attempt count.

use std::sync::atomic::{AtomicU32, Ordering};

use fgs_proto::{TransportError, TransportErrorKind};

/// How many retries a client may spend: a bucket of tokens that every retry draws from
/// (a retry after a timeout draws more) and every success refills a little. When the
/// bucket cannot pay for a retry, the call ends with the error of its last attempt
/// instead. Every clone of a client shares one bucket.
///
/// The default is aws-sdk's standard mode: 500 tokens, a retry costs 5 (10 after a
/// timeout), a success returns 1 (or, when it followed retries, what its last retry
/// cost). From full, an outage in which every request fails gets at most 100 retries
/// (50 after timeouts) before calls stop retrying; calls that succeed earn them back.
///
/// ```
/// use fgs_client::RetryBudget;
///
/// let budget = RetryBudget::default();
/// assert_eq!(budget.capacity, 500);
/// assert_eq!(budget.capacity / budget.retry_cost, 100); // retries from full
/// assert_eq!(RetryBudget::unlimited().capacity, u32::MAX);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct RetryBudget {
    /// The tokens of a full bucket (a new client starts full).
    pub capacity: u32,
    /// The tokens one retry costs.
    pub retry_cost: u32,
    /// The tokens one retry after a timeout costs.
    pub timeout_retry_cost: u32,
    /// The tokens a success without retries returns.
    pub success_refund: u32,
}

impl Default for RetryBudget {
    fn default() -> Self {
        RetryBudget {
            capacity: 500,
            retry_cost: 5,
            timeout_retry_cost: 10,
            success_refund: 1,
        }
    }
}

impl RetryBudget {
    /// The default: aws-sdk's standard retry mode (see above).
    pub fn new() -> Self {
        RetryBudget::default()
    }

    /// No budget: every retry the policy allows is made.
    pub fn unlimited() -> Self {
        RetryBudget {
            capacity: u32::MAX,
            retry_cost: 0,
            timeout_retry_cost: 0,
            success_refund: 0,
        }
    }

    /// The tokens of a full bucket.
    pub fn capacity(mut self, tokens: u32) -> Self {
        self.capacity = tokens;
        self
    }

    /// The tokens a retry costs (`timeout`: after a timeout).
    pub fn retry_cost(mut self, cost: u32, timeout: u32) -> Self {
        self.retry_cost = cost;
        self.timeout_retry_cost = timeout;
        self
    }
}

/// A client's bucket.
#[derive(Debug)]
pub(crate) struct Bucket {
    budget: RetryBudget,
    tokens: AtomicU32,
}

impl Bucket {
    pub(crate) fn new(budget: RetryBudget) -> Self {
        Bucket {
            budget,
            tokens: AtomicU32::new(budget.capacity),
        }
    }

    /// What a retry after `error` costs (`None`: after an error status).
    pub(crate) fn cost(&self, error: Option<&TransportError>) -> u32 {
        match error {
            Some(e) if e.kind() == TransportErrorKind::Timeout => self.budget.timeout_retry_cost,
            _ => self.budget.retry_cost,
        }
    }

    /// Takes `cost` tokens if the bucket holds them.
    pub(crate) fn try_acquire(&self, cost: u32) -> bool {
        self.tokens
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |tokens| {
                tokens.checked_sub(cost)
            })
            .is_ok()
    }

    /// A call succeeded; `last_retry_cost` is what its last retry cost (0: none).
    pub(crate) fn on_success(&self, last_retry_cost: u32) {
        let refund = if last_retry_cost > 0 {
            last_retry_cost
        } else {
            self.budget.success_refund
        };
        let capacity = self.budget.capacity;
        let _ = self
            .tokens
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |tokens| {
                Some(tokens.saturating_add(refund).min(capacity))
            });
    }

    /// The tokens left.
    #[cfg(test)]
    pub(crate) fn tokens(&self) -> u32 {
        self.tokens.load(Ordering::Acquire)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_bucket_pays_for_a_bounded_number_of_retries() {
        let bucket = Bucket::new(RetryBudget::default());
        let retries = (0..1000).filter(|_| bucket.try_acquire(5)).count();
        assert_eq!(retries, 100);
        assert_eq!(bucket.tokens(), 0);
        bucket.on_success(0);
        assert_eq!(bucket.tokens(), 1);
        bucket.on_success(10);
        assert_eq!(bucket.tokens(), 11);
        let timeout = TransportError::request_timeout(std::time::Duration::from_secs(1));
        assert_eq!(bucket.cost(Some(&timeout)), 10);
        assert_eq!(bucket.cost(None), 5);
        for _ in 0..1000 {
            bucket.on_success(0);
        }
        assert_eq!(bucket.tokens(), 500, "never above capacity");
    }

    #[test]
    fn unlimited_never_runs_out() {
        let bucket = Bucket::new(RetryBudget::unlimited());
        assert!((0..10_000).all(|_| bucket.try_acquire(bucket.cost(None))));
    }
}
