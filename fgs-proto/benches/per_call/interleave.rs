//! The ratio pass: a measurement and its floor timed in alternation, in short batches.
//!
//! Criterion measures one benchmark after another, each for seconds, in samples of tens
//! of milliseconds. On a small machine shared with other work, the load changes between
//! one benchmark and the next and every long sample is interrupted, so the quotient of
//! two criterion estimates mixes the code's cost with the machine's mood. Here each round
//! runs every routine of a set once, back to back, in batches of about
//! [`TARGET_BATCH`]: the routines see the same conditions, and the fastest batches —
//! the ones nothing interrupted — give the cost of the code itself.

use std::time::{Duration, Instant};

use crate::timing::Routine;

/// How long one batch should take: short enough to fit between two interruptions of
/// a busy scheduler, long enough that reading the clock costs nothing measurable.
const TARGET_BATCH: Duration = Duration::from_micros(20);
/// Time spent on one set of routines.
const BUDGET: Duration = Duration::from_millis(400);
/// At least this many rounds, however slow the routines.
const MIN_ROUNDS: usize = 30;
/// At most this many rounds, however fast.
const MAX_ROUNDS: usize = 20_000;

/// Nanoseconds per iteration of each routine of a set, one entry per round.
pub(crate) struct Rounds {
    ids: Vec<&'static str>,
    ns_per_iter: Vec<Vec<f64>>,
}

impl Rounds {
    /// The fastest round of routine `id`: its cost when nothing interrupted it.
    pub(crate) fn best(&self, id: &str) -> Option<f64> {
        self.series(id)?.iter().copied().min_by(f64::total_cmp)
    }

    /// The median over rounds of routine `id`'s time.
    pub(crate) fn median(&self, id: &str) -> Option<f64> {
        median(&mut self.series(id)?.to_vec())
    }

    /// The median over rounds of `ours / floor`, both timed in the same round.
    pub(crate) fn median_ratio(&self, ours: &str, floor: &str) -> Option<f64> {
        self.median_per_round(|ns| Some(ns(ours)? / ns(floor)?))
    }

    /// The median over rounds of `(ours − minus) / floor`: the share of `ours` that is
    /// not `minus` (signing without building), against the floor.
    pub(crate) fn median_ratio_minus(&self, ours: &str, minus: &str, floor: &str) -> Option<f64> {
        self.median_per_round(|ns| Some((ns(ours)? - ns(minus)?) / ns(floor)?))
    }

    fn median_per_round(
        &self,
        per_round: impl Fn(&dyn Fn(&str) -> Option<f64>) -> Option<f64>,
    ) -> Option<f64> {
        let rounds = self.ns_per_iter.first()?.len();
        let mut values: Vec<f64> = (0..rounds)
            .filter_map(|round| per_round(&|id| self.series(id).map(|s| s[round])))
            .collect();
        median(&mut values)
    }

    fn series(&self, id: &str) -> Option<&[f64]> {
        let index = self.ids.iter().position(|known| *known == id)?;
        Some(&self.ns_per_iter[index])
    }
}

/// Times `routines` in alternation: calibrates a batch size for each, then runs rounds
/// of one batch each until [`BUDGET`] is spent.
pub(crate) fn interleave(routines: &mut [&mut Routine<'_>]) -> Rounds {
    let batch: Vec<u64> = routines.iter_mut().map(|r| calibrate(r)).collect();
    let mut ns_per_iter = vec![Vec::new(); routines.len()];
    let start = Instant::now();
    let mut rounds = 0;
    while rounds < MAX_ROUNDS && (rounds < MIN_ROUNDS || start.elapsed() < BUDGET) {
        for ((routine, &iters), series) in routines.iter_mut().zip(&batch).zip(&mut ns_per_iter) {
            series.push(routine.run(iters).as_nanos() as f64 / iters as f64);
        }
        rounds += 1;
    }
    Rounds {
        ids: routines.iter().map(|r| r.id).collect(),
        ns_per_iter,
    }
}

/// Iterations for one batch of about [`TARGET_BATCH`]; running them also warms up.
fn calibrate(routine: &mut Routine<'_>) -> u64 {
    let mut iters = 1;
    while iters < 1 << 20 && routine.run(iters) < TARGET_BATCH {
        iters *= 2;
    }
    iters
}

fn median(values: &mut [f64]) -> Option<f64> {
    values.sort_by(f64::total_cmp);
    let n = values.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(values[n / 2]),
        _ => Some((values[n / 2 - 1] + values[n / 2]) / 2.0),
    }
}
