//! What a demo run reports: each step's outcome, and why a run failed.

use std::collections::BTreeSet;
use std::fmt;
use std::io;

use super::operations;

/// One printed step.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Step {
    /// The operation's Go SDK name, e.g. `function.UpdateMetadata`.
    pub operation: &'static str,
    /// Method and path as printed (URN and project id as placeholders).
    pub request_line: String,
    /// How it went.
    pub outcome: Outcome,
}

/// How a step went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The call succeeded and its answer was as expected; the key result, as printed.
    Ok(String),
    /// Not run, and why (e.g. a step that needs the emulator).
    Skipped(String),
}

/// The steps of a demo run, in order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Report {
    steps: Vec<Step>,
}

impl Report {
    pub(super) fn push(&mut self, step: Step) {
        self.steps.push(step);
    }

    /// Every step run or skipped, in order.
    pub fn steps(&self) -> &[Step] {
        &self.steps
    }

    /// The Go names of the operations that succeeded at least once.
    pub fn operations_ok(&self) -> BTreeSet<&'static str> {
        self.steps
            .iter()
            .filter(|s| matches!(s.outcome, Outcome::Ok(_)))
            .map(|s| s.operation)
            .collect()
    }

    /// The [`operations`] that did not succeed, by name.
    pub fn missing(&self) -> Vec<String> {
        let ok = self.operations_ok();
        operations()
            .into_iter()
            .filter(|op| !ok.contains(op.as_str()))
            .collect()
    }

    /// Whether every one of the [`operations`] succeeded.
    pub fn is_complete(&self) -> bool {
        self.missing().is_empty()
    }

    /// The summary line: `N/N operations OK` (operations that succeeded / all).
    pub fn summary(&self) -> String {
        format!(
            "{}/{} operations OK",
            self.operations_ok().len(),
            operations().len()
        )
    }
}

/// Why a demo run stopped.
#[derive(Debug)]
#[non_exhaustive]
pub enum Cause {
    /// The SDK returned an error.
    Sdk(fgs_proto::Error),
    /// The call succeeded but its answer was not what the demo expects.
    Unexpected(String),
    /// The output could not be written.
    Output(io::Error),
}

impl fmt::Display for Cause {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Cause::Sdk(e) => write!(f, "{e}"),
            Cause::Unexpected(what) => write!(f, "unexpected answer: {what}"),
            Cause::Output(e) => write!(f, "cannot write the output: {e}"),
        }
    }
}

/// What happened to the demo function after a failed step.
#[derive(Debug)]
#[non_exhaustive]
pub enum Cleanup {
    /// Nothing to clean: the function was not created (or was already deleted).
    NotNeeded,
    /// The function (with its versions, aliases and triggers) was deleted.
    Deleted,
    /// Deleting it failed too; it must be deleted by hand.
    Failed(fgs_proto::Error),
}

/// A failed demo run: the failed operation, why, the steps that ran, and the cleanup.
#[derive(Debug)]
pub struct DemoError {
    /// The Go name of the operation that failed, if one did.
    pub operation: Option<&'static str>,
    /// Why.
    pub cause: Cause,
    /// The steps that ran before.
    pub report: Report,
    /// What happened to the demo function afterwards.
    pub cleanup: Cleanup,
}

impl fmt::Display for DemoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.operation {
            Some(operation) => write!(f, "{operation} failed: {}", self.cause)?,
            None => write!(f, "{}", self.cause)?,
        }
        match &self.cleanup {
            Cleanup::NotNeeded => Ok(()),
            Cleanup::Deleted => write!(f, " (the demo function was deleted)"),
            Cleanup::Failed(e) => write!(
                f,
                " (deleting the demo function failed too: {e}; delete it by hand)"
            ),
        }
    }
}

impl std::error::Error for DemoError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.cause {
            Cause::Sdk(e) => Some(e),
            Cause::Output(e) => Some(e),
            Cause::Unexpected(_) => None,
        }
    }
}
