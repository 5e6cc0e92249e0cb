//! How every routine is timed, ours and floors alike, by criterion and by the
//! interleaved ratio pass: inputs are made outside the clock (`setup`), the routine
//! runs on them inside it, and its output is dropped inside it too (freeing a parsed
//! value is part of parsing it).

use std::hint::black_box;
use std::time::{Duration, Instant};

/// Inputs prepared ahead of one timed stretch: bounds the memory a fast routine with
/// millions of iterations needs.
const CHUNK: u64 = 256;

/// One benchmarked routine with its input setup, runnable for any number of iterations.
pub(crate) struct Routine<'a> {
    /// The benchmark id inside its operation's group (`build_sign`, `floor_sign`, ...).
    pub id: &'static str,
    run: Box<dyn FnMut(u64) -> Duration + 'a>,
    /// Iterations criterion asked for: 0 when the routine was filtered out, 1 in
    /// `--test` mode, many when it was really measured.
    criterion_iterations: u64,
}

impl<'a> Routine<'a> {
    /// `routine` run on inputs from `setup`.
    pub(crate) fn new<I, O>(
        id: &'static str,
        mut setup: impl FnMut() -> I + 'a,
        mut routine: impl FnMut(I) -> O + 'a,
    ) -> Self {
        let run = move |iters: u64| {
            let mut inputs = Vec::with_capacity(iters.min(CHUNK) as usize);
            let mut elapsed = Duration::ZERO;
            let mut left = iters;
            while left > 0 {
                let n = left.min(CHUNK);
                inputs.extend((0..n).map(|_| setup()));
                let start = Instant::now();
                for input in inputs.drain(..) {
                    black_box(routine(black_box(input)));
                }
                elapsed += start.elapsed();
                left -= n;
            }
            elapsed
        };
        Routine {
            id,
            run: Box::new(run),
            criterion_iterations: 0,
        }
    }

    /// Runs `iters` iterations; the time they took, setup excluded.
    pub(crate) fn run(&mut self, iters: u64) -> Duration {
        (self.run)(iters)
    }

    /// [`Routine::run`] on criterion's behalf (counted, see [`Routine::was_measured`]).
    pub(crate) fn run_for_criterion(&mut self, iters: u64) -> Duration {
        self.criterion_iterations += iters;
        self.run(iters)
    }

    /// Whether criterion measured this routine in this run (not filtered out, not in
    /// test or list mode).
    pub(crate) fn was_measured(&self) -> bool {
        self.criterion_iterations > 1
    }
}
