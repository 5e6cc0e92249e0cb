//! The record of asynchronous invocations, which tests wait on and inspect.

use std::sync::{Condvar, Mutex};
use std::time::{Duration, Instant};

use crate::runtime::invocation::FunctionError;

/// Where an asynchronous invocation stands.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum AsyncStatus {
    /// Accepted, still running.
    Pending,
    /// The handler returned this output.
    Succeeded(Vec<u8>),
    /// The handler failed (or panicked, or timed out).
    Failed(FunctionError),
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
    /// The invocation log, once finished.
    pub log: String,
}

impl AsyncInvocation {
    /// Whether the handler has finished.
    pub fn is_done(&self) -> bool {
        self.status != AsyncStatus::Pending
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

/// Every asynchronous invocation, in order of arrival.
#[derive(Debug, Default)]
pub(crate) struct AsyncLog {
    records: Mutex<Vec<AsyncInvocation>>,
    finished: Condvar,
}

impl AsyncLog {
    pub(crate) fn start(&self, invocation: AsyncInvocation) {
        self.lock().push(invocation);
    }

    pub(crate) fn finish(&self, request_id: &str, status: AsyncStatus, log: String) {
        let mut records = self.lock();
        if let Some(record) = records.iter_mut().find(|r| r.request_id == request_id) {
            record.status = status;
            record.log = log;
        }
        drop(records);
        self.finished.notify_all();
    }

    pub(crate) fn all(&self) -> Vec<AsyncInvocation> {
        self.lock().clone()
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

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<AsyncInvocation>> {
        self.records.lock().unwrap_or_else(|p| p.into_inner())
    }
}
