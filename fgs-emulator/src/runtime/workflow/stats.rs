//! A read-only view of executions, for statistics (ShowWorkFlowMetric): how many of a
//! workflow's executions there are in each status, and their times. Nothing here
//! changes an execution.

use std::collections::BTreeMap;

use time::OffsetDateTime;

use super::Workflows;

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
