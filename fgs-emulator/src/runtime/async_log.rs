//! The record of asynchronous invocations, which tests wait on and inspect.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant, SystemTime};

use crate::runtime::invocation::FunctionError;

/// Where an asynchronous invocation stands.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum AsyncStatus {
    /// Accepted, not started yet (`WAIT`).
    Pending,
    /// The handler is running, or waits to be retried after a failure (`RUNNING`).
    Running,
    /// The handler returned this output (`SUCCESS`).
    Succeeded(Vec<u8>),
    /// The handler failed (or panicked, or timed out) on its last attempt (`FAIL`).
    Failed(FunctionError),
    /// The event grew older than the function's `max_async_event_age_in_seconds`
    /// before it could run (again): dropped without a result (`DISCARD`).
    Discarded,
    /// Stopped by CancelAsyncInvocation; whatever an attempt that was running returns
    /// is ignored (`DISCARD`, error 4208 "function invocation canceled").
    Cancelled,
}

/// One asynchronous invocation (`invocations-async`).
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct AsyncInvocation {
    /// The `request_id` the 202 answer carried.
    pub request_id: String,
    /// The function's package.
    pub package: String,
    /// The function's name.
    pub function_name: String,
    /// The qualifier of the invoked URN as sent (`latest`, a version, `!alias`), if any.
    pub qualifier: Option<String>,
    /// The version that ran.
    pub version: String,
    /// The event (request body).
    pub event: Vec<u8>,
    /// The outcome so far.
    pub status: AsyncStatus,
    /// The invocation log of every attempt so far.
    pub log: String,
    /// How many times the handler has run (the first attempt and the retries).
    pub attempts: u32,
    /// When the invocation was accepted (the emulator's clock).
    pub accepted_at: SystemTime,
    /// When it finished, was discarded or cancelled.
    pub finished_at: Option<SystemTime>,
}

impl AsyncInvocation {
    /// Whether it is over: succeeded, failed, discarded or cancelled.
    pub fn is_done(&self) -> bool {
        !matches!(self.status, AsyncStatus::Pending | AsyncStatus::Running)
    }

    /// The output, if the handler succeeded.
    pub fn output(&self) -> Option<&[u8]> {
        match &self.status {
            AsyncStatus::Succeeded(output) => Some(output),
            _ => None,
        }
    }

    /// The error, if the handler failed.
    pub fn error(&self) -> Option<&FunctionError> {
        match &self.status {
            AsyncStatus::Failed(error) => Some(error),
            _ => None,
        }
    }
}

/// How many asynchronous invocations the log keeps by default: the oldest are
/// forgotten first.
pub const DEFAULT_ASYNC_LOG_RECORDS: usize = 1000;
/// How many bytes of events, outputs and logs the async log keeps at most: 64 MiB.
pub(crate) const ASYNC_LOG_BYTES: usize = 64 * 1024 * 1024;

/// The asynchronous invocations, in order of arrival: the latest
/// [`DEFAULT_ASYNC_LOG_RECORDS`] (configurable), and at most [`ASYNC_LOG_BYTES`] of
/// their data, so that a long-running emulator does not grow without bound.
#[derive(Debug)]
pub(crate) struct AsyncLog {
    records: Mutex<VecDeque<AsyncInvocation>>,
    finished: Condvar,
    max_records: AtomicUsize,
    /// Wakes the runs waiting to start or to retry: an invocation was cancelled or the
    /// clock moved.
    pub(crate) wake: tokio::sync::Notify,
}

impl Default for AsyncLog {
    fn default() -> Self {
        AsyncLog {
            records: Mutex::default(),
            finished: Condvar::new(),
            max_records: AtomicUsize::new(DEFAULT_ASYNC_LOG_RECORDS),
            wake: tokio::sync::Notify::new(),
        }
    }
}

/// The bytes a record holds.
fn weight(record: &AsyncInvocation) -> usize {
    let output = match &record.status {
        AsyncStatus::Succeeded(output) => output.len(),
        _ => 0,
    };
    record.event.len() + output + record.log.len()
}

impl AsyncLog {
    /// Keeps at most `records` invocations (at least 1).
    pub(crate) fn set_max_records(&self, records: usize) {
        self.max_records.store(records.max(1), Ordering::Relaxed);
    }

    pub(crate) fn start(&self, invocation: AsyncInvocation) {
        let mut records = self.lock();
        records.push_back(invocation);
        Self::bound(&mut records, self.max_records.load(Ordering::Relaxed));
    }

    /// Forgets the oldest records until both bounds hold (the newest always stays).
    fn bound(records: &mut VecDeque<AsyncInvocation>, max_records: usize) {
        while records.len() > max_records {
            records.pop_front();
        }
        let mut bytes: usize = records.iter().map(weight).sum();
        while bytes > ASYNC_LOG_BYTES && records.len() > 1 {
            if let Some(old) = records.pop_front() {
                bytes -= weight(&old);
            }
        }
    }

    /// Changes the record `request_id` (if the log still holds it) and wakes the
    /// waiters when it is done; `None` if it is gone.
    pub(crate) fn update<T>(
        &self,
        request_id: &str,
        change: impl FnOnce(&mut AsyncInvocation) -> T,
    ) -> Option<T> {
        let mut records = self.lock();
        let record = records.iter_mut().find(|r| r.request_id == request_id)?;
        let out = change(record);
        let done = record.is_done();
        Self::bound(&mut records, self.max_records.load(Ordering::Relaxed));
        drop(records);
        if done {
            self.finished.notify_all();
        }
        Some(out)
    }

    /// Whether the invocation `request_id` was cancelled (`false` once forgotten).
    pub(crate) fn is_cancelled(&self, request_id: &str) -> bool {
        self.lock()
            .iter()
            .any(|r| r.request_id == request_id && r.status == AsyncStatus::Cancelled)
    }

    /// The records `keep` selects, newest first.
    pub(crate) fn newest_first(
        &self,
        keep: impl Fn(&AsyncInvocation) -> bool,
    ) -> Vec<AsyncInvocation> {
        self.lock()
            .iter()
            .rev()
            .filter(|r| keep(r))
            .cloned()
            .collect()
    }

    pub(crate) fn all(&self) -> Vec<AsyncInvocation> {
        self.lock().iter().cloned().collect()
    }

    /// Blocks until the invocation `request_id` has finished, or `timeout` passes.
    pub(crate) fn wait(&self, request_id: &str, timeout: Duration) -> Option<AsyncInvocation> {
        let deadline = Instant::now() + timeout;
        let mut records = self.lock();
        loop {
            if let Some(done) = records
                .iter()
                .find(|r| r.request_id == request_id && r.is_done())
            {
                return Some(done.clone());
            }
            let left = deadline.checked_duration_since(Instant::now())?;
            records = self
                .finished
                .wait_timeout(records, left)
                .unwrap_or_else(|p| p.into_inner())
                .0;
        }
    }

    pub(crate) fn clear(&self) {
        self.lock().clear();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, VecDeque<AsyncInvocation>> {
        self.records.lock().unwrap_or_else(|p| p.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(id: usize, event: usize) -> AsyncInvocation {
        AsyncInvocation {
            request_id: id.to_string(),
            package: "default".into(),
            function_name: "f".into(),
            qualifier: None,
            version: "latest".into(),
            event: vec![b'x'; event],
            status: AsyncStatus::Pending,
            log: String::new(),
            attempts: 0,
            accepted_at: SystemTime::UNIX_EPOCH,
            finished_at: None,
        }
    }

    #[test]
    fn the_log_keeps_the_latest_records_and_bytes() {
        let log = AsyncLog::default();
        // 100 events of 2 MB: 200 MB offered, at most 64 MiB kept.
        for id in 0..100 {
            log.start(record(id, 2 << 20));
            log.update(&id.to_string(), |r| {
                r.status = AsyncStatus::Succeeded(vec![b'y'; 1 << 20]);
                r.log = "log".into();
            });
        }
        let kept = log.all();
        let bytes: usize = kept.iter().map(weight).sum();
        assert!(bytes <= ASYNC_LOG_BYTES, "{bytes}");
        assert_eq!(kept.len(), 21, "64 MiB of 3 MiB records");
        assert_eq!(kept.last().map(|r| r.request_id.as_str()), Some("99"));

        log.set_max_records(5);
        for id in 100..110 {
            log.start(record(id, 1));
        }
        let ids: Vec<String> = log.all().into_iter().map(|r| r.request_id).collect();
        assert_eq!(ids, ["105", "106", "107", "108", "109"]);
        log.clear();
        assert!(log.all().is_empty());

        // One record above the byte bound is still kept: the newest always stays.
        log.start(record(1, ASYNC_LOG_BYTES + 1));
        assert_eq!(log.all().len(), 1);
    }
}
