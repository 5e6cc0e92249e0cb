//! What happened in the emulator, for the metric operations: one record per finished
//! or refused invocation, one per workflow execution, and the time-bucketed series the
//! statistics are computed from.
//!
//! Invocations are recorded by one call where they complete ([`record`], in the
//! runner), refusals where they are refused. Workflow executions are recorded through
//! [`Stats::workflow_execution`], the one seam between the workflow runner and the
//! metrics: until something calls it, the workflow metrics are empty series.
//!
//! The records are bounded ([`MAX_RECORDS`] of each kind, oldest dropped first), so a
//! long-running emulator does not grow without end.

use std::collections::VecDeque;
use std::fmt;
use std::sync::Mutex;

use time::OffsetDateTime;

use crate::runtime::clock::now;
use crate::runtime::invocation::InvocationContext;
use crate::runtime::runner::Execution;

/// How many invocation (and, separately, workflow-execution) records are kept.
pub(crate) const MAX_RECORDS: usize = 100_000;

const MINUTE_MS: i64 = 60_000;
const HOUR_MS: i64 = 60 * MINUTE_MS;
const DAY_MS: i64 = 24 * HOUR_MS;

/// How an invocation ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Outcome {
    /// The handler returned a result.
    Succeeded,
    /// The handler failed (an error, a panic or a timeout: the function's error).
    Failed,
    /// The service refused it (throttled) before it ran.
    Rejected,
}

/// One invocation.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Invocation {
    pub package: String,
    pub name: String,
    /// When it started, epoch milliseconds.
    pub started_ms: i64,
    /// How long it ran, milliseconds (0 for a refusal).
    pub duration_ms: f64,
    pub memory_mb: u32,
    pub outcome: Outcome,
}

impl Invocation {
    fn ran(&self) -> bool {
        self.outcome != Outcome::Rejected
    }

    fn ended_ms(&self) -> f64 {
        self.started_ms as f64 + self.duration_ms
    }
}

/// Where a workflow execution is, as its runner reports it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum WorkflowOutcome {
    /// Still running.
    Running,
    /// Finished well after this many milliseconds.
    Succeeded(f64),
    /// Failed (or was stopped) after this many milliseconds.
    Failed(f64),
}

/// One workflow execution.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct WorkflowRun {
    /// The execution's id (a later report of the same id replaces the earlier one).
    pub id: String,
    /// The workflow's name.
    pub workflow: String,
    pub started_ms: i64,
    pub outcome: WorkflowOutcome,
}

/// The records.
#[derive(Default)]
pub(crate) struct Stats {
    invocations: Mutex<VecDeque<Invocation>>,
    workflows: Mutex<VecDeque<WorkflowRun>>,
    /// How many workflows the project holds (the workflow store reports it).
    workflows_defined: std::sync::atomic::AtomicUsize,
}

impl fmt::Debug for Stats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Stats")
            .field("invocations", &lock(&self.invocations).len())
            .field("workflow_runs", &lock(&self.workflows).len())
            .finish()
    }
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    // A record is pushed whole or not at all: a poisoned lock holds consistent data.
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// Epoch milliseconds of `time`.
pub(crate) fn epoch_ms(time: OffsetDateTime) -> i64 {
    i64::try_from(time.unix_timestamp_nanos() / 1_000_000).unwrap_or(i64::MAX)
}

fn push_bounded<T>(records: &mut VecDeque<T>, record: T) {
    if records.len() >= MAX_RECORDS {
        records.pop_front();
    }
    records.push_back(record);
}

/// Records a finished invocation: the one call the runner makes.
pub(crate) fn record(context: &InvocationContext, execution: &Execution) {
    if let Some(stats) = &context.stats {
        stats.finished(context, execution);
    }
}

impl Stats {
    /// Records an invocation that ran.
    pub(crate) fn finished(&self, context: &InvocationContext, execution: &Execution) {
        let duration_ms = execution.duration.as_secs_f64() * 1000.0;
        let ended = epoch_ms(now());
        self.push(Invocation {
            package: context.package.clone(),
            name: context.function_name.clone(),
            started_ms: ended - duration_ms.round() as i64,
            duration_ms,
            memory_mb: execution.memory_size,
            outcome: if execution.result.is_ok() {
                Outcome::Succeeded
            } else {
                Outcome::Failed
            },
        });
    }

    /// Records an invocation the service refused.
    pub(crate) fn rejected(&self, package: &str, name: &str, at: OffsetDateTime) {
        self.push(Invocation {
            package: package.to_owned(),
            name: name.to_owned(),
            started_ms: epoch_ms(at),
            duration_ms: 0.0,
            memory_mb: 0,
            outcome: Outcome::Rejected,
        });
    }

    fn push(&self, invocation: Invocation) {
        push_bounded(&mut lock(&self.invocations), invocation);
    }

    /// Records (or updates, by `id`) a workflow execution: the hook the workflow
    /// runner calls when an execution starts and when it ends.
    pub(crate) fn workflow_execution(
        &self,
        id: &str,
        workflow: &str,
        started: OffsetDateTime,
        outcome: WorkflowOutcome,
    ) {
        let mut runs = lock(&self.workflows);
        let run = WorkflowRun {
            id: id.to_owned(),
            workflow: workflow.to_owned(),
            started_ms: epoch_ms(started),
            outcome,
        };
        match runs.iter_mut().rev().find(|r| r.id == id) {
            Some(existing) => *existing = run,
            None => push_bounded(&mut runs, run),
        }
    }

    /// The invocations `keep` selects, oldest first.
    pub(crate) fn invocations(&self, keep: impl Fn(&Invocation) -> bool) -> Vec<Invocation> {
        lock(&self.invocations)
            .iter()
            .filter(|i| keep(i))
            .cloned()
            .collect()
    }

    /// The workflow executions `keep` selects, oldest first.
    pub(crate) fn workflow_runs(&self, keep: impl Fn(&WorkflowRun) -> bool) -> Vec<WorkflowRun> {
        lock(&self.workflows)
            .iter()
            .filter(|r| keep(r))
            .cloned()
            .collect()
    }

    /// Records how many workflows the project holds now.
    pub(crate) fn set_workflow_count(&self, count: usize) {
        self.workflows_defined
            .store(count, std::sync::atomic::Ordering::Relaxed);
    }

    /// How many workflows the project holds (for ListQuotas).
    pub(crate) fn workflow_count(&self) -> usize {
        self.workflows_defined
            .load(std::sync::atomic::Ordering::Relaxed)
    }

    /// Forgets every record (the workflow count follows the workflow store).
    pub(crate) fn clear(&self) {
        lock(&self.invocations).clear();
        lock(&self.workflows).clear();
    }
}

/// A span of time cut into buckets of equal width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Window {
    /// The first bucket's start, epoch milliseconds.
    pub first: i64,
    /// The last bucket's start.
    pub last: i64,
    /// The bucket width, milliseconds.
    pub width: i64,
}

impl Window {
    /// `[start_ms, end_ms]` in buckets of a minute (spans up to an hour), five minutes
    /// (up to six hours), an hour (up to two days) or a day.
    pub(crate) fn between(start_ms: i64, end_ms: i64) -> Window {
        let span = end_ms.saturating_sub(start_ms).max(0);
        let width = match span {
            s if s <= HOUR_MS => MINUTE_MS,
            s if s <= 6 * HOUR_MS => 5 * MINUTE_MS,
            s if s <= 2 * DAY_MS => HOUR_MS,
            _ => DAY_MS,
        };
        Window {
            first: start_ms.div_euclid(width) * width,
            last: end_ms.max(start_ms).div_euclid(width) * width,
            width,
        }
    }

    /// The last `minutes` minutes before `now_ms`.
    pub(crate) fn last_minutes(now_ms: i64, minutes: i64) -> Window {
        Window::between(
            now_ms.saturating_sub(minutes.saturating_mul(MINUTE_MS)),
            now_ms,
        )
    }

    /// Each bucket's start.
    pub(crate) fn buckets(&self) -> impl Iterator<Item = i64> + '_ {
        (0..)
            .map(|n| self.first + n * self.width)
            .take_while(|b| *b <= self.last)
    }

    fn holds(&self, bucket: i64, at_ms: i64) -> bool {
        (bucket..bucket + self.width).contains(&at_ms)
    }
}

/// A series: `(bucket start, value)`, `-1` for a bucket without data.
pub(crate) type Series = Vec<(i64, f64)>;

/// The series of a function's (or a project's) invocations.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct InvocationSeries {
    pub count: Series,
    pub fail_count: Series,
    pub function_error_count: Series,
    pub system_error_count: Series,
    pub reject_count: Series,
    pub duration: Series,
    pub max_duration: Series,
    pub min_duration: Series,
    pub concurrency_num: Series,
    pub reserved_instance_num: Series,
}

const NO_DATA: f64 = -1.0;

/// The series of `records` over `window`; `reserved` (the reserved instances now) is
/// reported for every bucket.
pub(crate) fn invocation_series(
    window: &Window,
    records: &[Invocation],
    reserved: i64,
) -> InvocationSeries {
    /// What one bucket holds.
    #[derive(Default, Clone)]
    struct Bucket {
        seen: usize,
        ran: usize,
        failed: usize,
        rejected: usize,
        total_ms: f64,
        max_ms: Option<f64>,
        min_ms: Option<f64>,
        peak: usize,
    }
    let starts: Vec<i64> = window.buckets().collect();
    let mut buckets = vec![Bucket::default(); starts.len()];
    let index = |at_ms: i64| {
        let n = at_ms.checked_sub(window.first)?.div_euclid(window.width);
        usize::try_from(n).ok().filter(|n| *n < starts.len())
    };
    for r in records {
        let Some(b) = index(r.started_ms).map(|i| &mut buckets[i]) else {
            continue;
        };
        b.seen += 1;
        match r.outcome {
            Outcome::Rejected => b.rejected += 1,
            outcome => {
                b.ran += 1;
                b.failed += usize::from(outcome == Outcome::Failed);
                b.total_ms += r.duration_ms;
                b.max_ms = Some(b.max_ms.map_or(r.duration_ms, |m| m.max(r.duration_ms)));
                b.min_ms = Some(b.min_ms.map_or(r.duration_ms, |m| m.min(r.duration_ms)));
            }
        }
    }
    // Peak concurrency: a sweep over starts and ends (each invocation lasting at least
    // a millisecond), ends before starts at the same instant; each start counts for
    // the bucket it falls in.
    let mut events: Vec<(f64, i8, i64)> = records
        .iter()
        .filter(|r| r.ran())
        .flat_map(|r| {
            let end = r.ended_ms().max(r.started_ms as f64 + 1.0);
            [
                (r.started_ms as f64, 1, r.started_ms),
                (end, -1, r.started_ms),
            ]
        })
        .collect();
    events.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    let mut running = 0usize;
    for (_, delta, started) in events {
        if delta > 0 {
            running += 1;
            if let Some(b) = index(started).map(|i| &mut buckets[i]) {
                b.peak = b.peak.max(running);
            }
        } else {
            running = running.saturating_sub(1);
        }
    }
    let mut out = InvocationSeries::default();
    for (start, b) in starts.iter().copied().zip(&buckets) {
        let counted = |n: usize| if b.seen == 0 { NO_DATA } else { n as f64 };
        out.count.push((start, counted(b.ran)));
        out.fail_count.push((start, counted(b.failed)));
        out.function_error_count.push((start, counted(b.failed)));
        // Every failure the emulator sees is the function's own: none is the service's.
        out.system_error_count.push((start, counted(0)));
        out.reject_count.push((start, counted(b.rejected)));
        let average = (b.ran > 0).then(|| b.total_ms / b.ran as f64);
        let ms = |v: Option<f64>| v.map_or(NO_DATA, round3);
        out.duration.push((start, ms(average)));
        out.max_duration.push((start, ms(b.max_ms)));
        out.min_duration.push((start, ms(b.min_ms)));
        let peak = (b.ran > 0).then_some(b.peak as f64);
        out.concurrency_num.push((start, peak.unwrap_or(NO_DATA)));
        out.reserved_instance_num.push((start, reserved as f64));
    }
    out
}

/// Milliseconds to three decimals, as the service writes durations.
fn round3(ms: f64) -> f64 {
    (ms * 1000.0).round() / 1000.0
}

/// The series of workflow executions.
#[derive(Debug, Default, PartialEq)]
pub(crate) struct WorkflowSeries {
    pub count: Series,
    pub duration: Series,
    pub fail_count: Series,
    pub running_count: Series,
}

/// The series of `runs` over `window`: executions started, failed and their average
/// duration per bucket, and how many were running at each bucket's end.
pub(crate) fn workflow_series(window: &Window, runs: &[WorkflowRun]) -> WorkflowSeries {
    let mut out = WorkflowSeries::default();
    for bucket in window.buckets() {
        let here: Vec<&WorkflowRun> = runs
            .iter()
            .filter(|r| window.holds(bucket, r.started_ms))
            .collect();
        let counted = |n: usize| if here.is_empty() { NO_DATA } else { n as f64 };
        let failed = here
            .iter()
            .filter(|r| matches!(r.outcome, WorkflowOutcome::Failed(_)))
            .count();
        let durations: Vec<f64> = here
            .iter()
            .filter_map(|r| match r.outcome {
                WorkflowOutcome::Running => None,
                WorkflowOutcome::Succeeded(d) | WorkflowOutcome::Failed(d) => Some(d),
            })
            .collect();
        let end = bucket + window.width;
        let running = runs
            .iter()
            .filter(|r| {
                r.started_ms < end
                    && match r.outcome {
                        WorkflowOutcome::Running => true,
                        WorkflowOutcome::Succeeded(d) | WorkflowOutcome::Failed(d) => {
                            r.started_ms as f64 + d >= end as f64
                        }
                    }
            })
            .count();
        out.count.push((bucket, counted(here.len())));
        out.fail_count.push((bucket, counted(failed)));
        out.duration.push((
            bucket,
            match durations.len() {
                0 => NO_DATA,
                n => round3(durations.iter().sum::<f64>() / n as f64),
            },
        ));
        out.running_count.push((bucket, running as f64));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn call(name: &str, started_ms: i64, duration_ms: f64, outcome: Outcome) -> Invocation {
        Invocation {
            package: "default".into(),
            name: name.into(),
            started_ms,
            duration_ms,
            memory_mb: 128,
            outcome,
        }
    }

    #[test]
    fn windows_pick_their_bucket_width() {
        let w = Window::last_minutes(10 * MINUTE_MS + 5, 3);
        assert_eq!(
            (w.first, w.last, w.width),
            (7 * MINUTE_MS, 10 * MINUTE_MS, MINUTE_MS)
        );
        assert_eq!(w.buckets().count(), 4);
        assert_eq!(Window::between(0, 2 * HOUR_MS).width, 5 * MINUTE_MS);
        assert_eq!(Window::between(0, DAY_MS).width, HOUR_MS);
        assert_eq!(Window::between(0, 30 * DAY_MS).buckets().count(), 31);
        assert!(w.holds(7 * MINUTE_MS, 7 * MINUTE_MS) && !w.holds(7 * MINUTE_MS, 8 * MINUTE_MS));
    }

    #[test]
    fn series_count_fail_reject_and_time_invocations() {
        let w = Window::between(0, 2 * MINUTE_MS - 1);
        let records = vec![
            call("f", 1_000, 10.0, Outcome::Succeeded),
            call("f", 1_005, 30.0, Outcome::Failed),
            call("f", 2_000, 0.0, Outcome::Rejected),
            call("f", MINUTE_MS + 1, 20.0, Outcome::Succeeded),
        ];
        let s = invocation_series(&w, &records, 2);
        assert_eq!(s.count, [(0, 2.0), (MINUTE_MS, 1.0)]);
        assert_eq!(s.fail_count, [(0, 1.0), (MINUTE_MS, 0.0)]);
        assert_eq!(s.reject_count, [(0, 1.0), (MINUTE_MS, 0.0)]);
        assert_eq!(s.duration, [(0, 20.0), (MINUTE_MS, 20.0)]);
        assert_eq!(s.max_duration[0], (0, 30.0));
        assert_eq!(s.min_duration[0], (0, 10.0));
        assert_eq!(
            s.concurrency_num,
            [(0, 2.0), (MINUTE_MS, 1.0)],
            "two overlapped"
        );
        assert_eq!(s.reserved_instance_num, [(0, 2.0), (MINUTE_MS, 2.0)]);
        let empty = invocation_series(&Window::between(5 * MINUTE_MS, 5 * MINUTE_MS), &records, 0);
        assert_eq!(empty.count, [(5 * MINUTE_MS, -1.0)], "no data is -1");
        assert_eq!(empty.duration, [(5 * MINUTE_MS, -1.0)]);
        // Just before the window is outside it.
        let before = invocation_series(&Window::between(MINUTE_MS, MINUTE_MS), &records[..1], 0);
        assert_eq!(before.count, [(MINUTE_MS, -1.0)]);
    }

    #[test]
    fn workflow_runs_are_updated_by_id_and_counted() {
        let stats = Stats::default();
        let at = OffsetDateTime::from_unix_timestamp(60).unwrap();
        stats.workflow_execution("e1", "flow", at, WorkflowOutcome::Running);
        stats.workflow_execution("e2", "flow", at, WorkflowOutcome::Failed(5.0));
        let w = Window::between(MINUTE_MS, MINUTE_MS);
        let s = workflow_series(&w, &stats.workflow_runs(|_| true));
        assert_eq!(
            (s.count[0].1, s.fail_count[0].1, s.running_count[0].1),
            (2.0, 1.0, 1.0)
        );
        stats.workflow_execution("e1", "flow", at, WorkflowOutcome::Succeeded(15.0));
        let s = workflow_series(&w, &stats.workflow_runs(|_| true));
        assert_eq!((s.running_count[0].1, s.duration[0].1), (0.0, 10.0));
        stats.clear();
        assert!(stats.workflow_runs(|_| true).is_empty());
    }

    #[test]
    fn records_are_bounded() {
        let stats = Stats::default();
        for n in 0..MAX_RECORDS + 3 {
            stats.push(call("f", n as i64, 1.0, Outcome::Succeeded));
        }
        let kept = stats.invocations(|_| true);
        assert_eq!(kept.len(), MAX_RECORDS);
        assert_eq!(kept[0].started_ms, 3, "the oldest go first");
    }
}
