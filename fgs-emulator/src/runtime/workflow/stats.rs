//! A read-only view of executions, for statistics (ShowWorkFlowMetric): how many of a
//! workflow's executions there are in each status, and their times. Nothing here
//! changes an execution.

use std::collections::BTreeMap;

use time::OffsetDateTime;

use super::Workflows;
use crate::runtime::stats::WorkflowOutcome;

/// The executions of one workflow, counted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct ExecutionCounts {
    /// Every execution kept (synchronous express ones are not).
    pub total: u64,
    /// By status (`success`, `fail`, `running`, `cancel`, `timeout`).
    pub by_status: BTreeMap<&'static str, u64>,
    /// `(begin, end)` of each, oldest first; `end` is `None` while it runs.
    pub times: Vec<(OffsetDateTime, Option<OffsetDateTime>)>,
}

#[allow(dead_code)] // read by the statistics operations
impl Workflows {
    /// Tells the metrics how many workflows `store` holds (after a create or delete).
    pub(crate) fn report_count(&self, store: &super::Store) {
        self.stats.set_workflow_count(store.flows.len());
    }

    /// Tells the metrics where `execution` stands (called on every change of its
    /// status, so the workflow metrics follow the executions).
    pub(crate) fn report(&self, execution: &super::Execution) {
        let name = execution.workflow_urn.split(':').nth(6).unwrap_or_default();
        let took = |end: Option<OffsetDateTime>| {
            end.map_or(0.0, |end| (end - execution.begin).as_seconds_f64() * 1000.0)
        };
        let outcome = match execution.status {
            super::Status::Running => WorkflowOutcome::Running,
            super::Status::Success => WorkflowOutcome::Succeeded(took(execution.end)),
            super::Status::Fail | super::Status::Cancel | super::Status::Timeout => {
                WorkflowOutcome::Failed(took(execution.end))
            }
        };
        self.stats
            .workflow_execution(&execution.id, name, execution.begin, outcome);
    }

    /// The counts of the executions of the workflow `workflow_urn` (or id); `None` if
    /// no such workflow exists.
    pub(crate) fn execution_counts(&self, workflow: &str) -> Option<ExecutionCounts> {
        let store = self.lock();
        let flow = store
            .flows
            .values()
            .find(|f| f.urn == workflow || f.id == workflow)?;
        let mut counts = ExecutionCounts::default();
        let mut executions: Vec<_> = store
            .executions
            .values()
            .filter(|e| e.workflow_id == flow.id && e.listed)
            .collect();
        executions.sort_by_key(|e| e.seq);
        for execution in executions {
            counts.total += 1;
            *counts
                .by_status
                .entry(execution.status.as_str())
                .or_default() += 1;
            counts.times.push((execution.begin, execution.end));
        }
        Some(counts)
    }
}
