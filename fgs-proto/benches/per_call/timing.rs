//! Timing each benchmark through criterion while keeping its samples, so that the run can
//! end with a table of ratios (ours / floor) computed from the very samples criterion
//! analysed.
//!
//! Every routine is timed the same way, ours and floors alike: inputs are made outside
//! the clock (`setup`), the routine runs on them inside it, and its output is dropped
//! inside it too (freeing a parsed value is part of parsing it).

use std::cell::RefCell;
use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::measurement::WallTime;
use criterion::{BenchmarkGroup, Criterion};

/// Samples criterion takes per benchmark; the last this many calls of a routine are its
/// measurement (earlier ones are warm-up).
pub const SAMPLE_SIZE: usize = 100;

/// Inputs prepared ahead of one timed stretch: bounds the memory a fast routine with
/// millions of iterations needs.
const BATCH: u64 = 256;

/// Per-iteration times of every benchmark run so far, by group and name.
#[derive(Default)]
pub struct Samples {
    series: RefCell<Vec<Series>>,
}

struct Series {
    group: &'static str,
    name: &'static str,
    ns_per_iter: Vec<f64>,
}

impl Samples {
    fn push(&self, group: &'static str, name: &'static str, iters: u64, elapsed: Duration) {
        let ns = elapsed.as_nanos() as f64 / iters.max(1) as f64;
        let mut series = self.series.borrow_mut();
        match series
            .iter_mut()
            .find(|s| s.group == group && s.name == name)
        {
            Some(s) => s.ns_per_iter.push(ns),
            None => series.push(Series {
                group,
                name,
                ns_per_iter: vec![ns],
            }),
        }
    }

    /// Median nanoseconds per iteration over the measurement samples of `group/name`,
    /// with the number of samples it is taken over; `None` if it did not run.
    pub fn median_ns(&self, group: &str, name: &str) -> Option<(f64, usize)> {
        let series = self.series.borrow();
        let s = series.iter().find(|s| s.group == group && s.name == name)?;
        let start = s.ns_per_iter.len().saturating_sub(SAMPLE_SIZE);
        let mut measured = s.ns_per_iter[start..].to_vec();
        measured.sort_by(f64::total_cmp);
        let n = measured.len();
        let median = if n % 2 == 1 {
            measured[n / 2]
        } else {
            (measured[n / 2 - 1] + measured[n / 2]) / 2.0
        };
        Some((median, n))
    }
}

/// A criterion group whose benchmarks also land in [`Samples`].
pub struct Group<'a> {
    name: &'static str,
    inner: BenchmarkGroup<'a, WallTime>,
    samples: &'a Samples,
}

impl<'a> Group<'a> {
    /// Opens group `name` (one operation: its rows print side by side).
    pub fn new(c: &'a mut Criterion, samples: &'a Samples, name: &'static str) -> Self {
        Group {
            name,
            inner: c.benchmark_group(name),
            samples,
        }
    }

    /// Benchmarks `routine` on inputs from `setup`, made outside the clock.
    pub fn bench<I, O>(
        &mut self,
        name: &'static str,
        mut setup: impl FnMut() -> I,
        mut routine: impl FnMut(I) -> O,
    ) {
        let (group, samples) = (self.name, self.samples);
        self.inner.bench_function(name, |b| {
            b.iter_custom(|iters| {
                let mut inputs = Vec::with_capacity(iters.min(BATCH) as usize);
                let mut elapsed = Duration::ZERO;
                let mut left = iters;
                while left > 0 {
                    let n = left.min(BATCH);
                    inputs.extend((0..n).map(|_| setup()));
                    let start = Instant::now();
                    for input in inputs.drain(..) {
                        black_box(routine(black_box(input)));
                    }
                    elapsed += start.elapsed();
                    left -= n;
                }
                samples.push(group, name, iters, elapsed);
                elapsed
            })
        });
    }

    /// Closes the group (criterion prints its summary).
    pub fn finish(self) {
        self.inner.finish();
    }
}
