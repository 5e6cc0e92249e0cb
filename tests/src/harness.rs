//! Starting an emulator for a scenario, and counting the requests it answers.

use std::time::Duration;

use fgs_emulator::{Emulator, Fault};
use fgs_proto::RetryPolicy;
use fgs_proto::code::Code;
use fgs_proto::functions::Create;
use fgs_proto::model::Runtime;

use fgs_testkit::Connect;

/// The access key the test emulators accept.
pub const ACCESS_KEY: &str = "FGSTESTSACCESSKEY001";
/// The secret key that goes with [`ACCESS_KEY`].
pub const SECRET_KEY: &str = "fgs-tests-secret-key-0123456789abcdef";

/// An emulator on a free loopback port that accepts only requests signed with
/// [`ACCESS_KEY`] / [`SECRET_KEY`]; its [`Emulator::config`] signs with them.
pub fn aksk_emulator() -> Emulator {
    Emulator::builder()
        .ak_sk(ACCESS_KEY, SECRET_KEY)
        .start()
        .expect("the emulator starts on a free port")
}

/// Creating `name` in package `default`: inline Python 3.9, 128 MB, 30 s, a handler
/// that returns its event. The function scenarios create when the function itself is
/// not what they test.
pub fn echo_function(name: &str) -> Create {
    Create::new(
        name,
        "default",
        fgs_proto::functions::FunctionConfig::new(
            Runtime::Python39,
            "index.handler",
            fgs_proto::model::MemorySize::mb(128),
            std::time::Duration::from_secs(30),
        ),
        Code::inline_source("def handler(event, context):\n    return event\n"),
    )
}

/// Retries that keep tests fast: up to 4 attempts, 10–80 ms apart, `Retry-After` up to
/// 2 s honoured.
pub fn fast_retries() -> RetryPolicy {
    RetryPolicy::default()
        .max_attempts(4)
        .base_delay(Duration::from_millis(10))
        .max_delay(Duration::from_millis(80))
        .max_retry_after(Duration::from_secs(2))
        .seed(7)
}

/// A fresh AK/SK emulator and a client of type `S` for it, with [`fast_retries`].
///
/// The emulator comes first in the tuple so that callers can keep it alive as long as
/// the client (`let (emu, sdk) = start::<Blocking>();`).
pub fn start<S: Connect>() -> (Emulator, S) {
    let emu = aksk_emulator();
    let sdk = S::connect(emu.config(), fast_retries());
    (emu, sdk)
}

/// Counts the requests an emulator answers from now on, through its own fault
/// bookkeeping.
///
/// Every request uses up one application of the first pending fault that matches it.
/// The counter queues a large pass-through fault (answer normally, no delay) for every
/// route *after* the faults injected so far, so each request either consumes one of
/// those faults or one pass-through: the drop in [`Emulator::pending_faults`] is the
/// number of requests received. Inject the faults under test **before** starting it.
#[derive(Debug)]
pub struct RequestCounter<'e> {
    emu: &'e Emulator,
    pending_at_start: u64,
}

/// Pass-through applications queued by a [`RequestCounter`]: far more than any test
/// sends.
const COUNTER_BUDGET: u32 = 1_000_000;

impl<'e> RequestCounter<'e> {
    /// Starts counting the requests `emu` receives.
    pub fn start(emu: &'e Emulator) -> Self {
        emu.inject(Fault::delay(Duration::ZERO).times(COUNTER_BUDGET));
        RequestCounter {
            emu,
            pending_at_start: emu.pending_faults(),
        }
    }

    /// Requests received since [`RequestCounter::start`].
    ///
    /// # Panics
    /// If faults were injected after the counter started (they would be miscounted).
    pub fn received(&self) -> u64 {
        self.pending_at_start
            .checked_sub(self.emu.pending_faults())
            .expect("no fault may be injected after a RequestCounter starts")
    }
}
