//! The emulator's in-memory state: functions with their versions, aliases and triggers.
//!
//! One `Mutex<State>` guards it all; every operation but the invocation itself runs
//! under the lock, so each request sees and leaves a consistent state.

mod alias;
mod apps;
mod function;
mod layer;
mod settings;
mod trigger;

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use crate::runtime::stats::Stats;

pub(crate) use alias::{AliasRecord, AliasUse};
pub(crate) use apps::{AppRecord, VpcEndpointRecord};
pub(crate) use function::{
    AsyncConfigRecord, Code, FunctionRecord, LATEST, ReservedRecord, TagList, VersionRecord,
};
pub(crate) use layer::{DependencyVersionRecord, EventRecord, ServiceLimits};
pub(crate) use settings::{FunctionSettings, ProjectLogs, TracingKeys};
pub(crate) use trigger::TriggerRecord;

/// Every function, in creation order.
#[derive(Debug, Default)]
pub(crate) struct State {
    functions: BTreeMap<u64, FunctionRecord>,
    index: HashMap<(String, String), u64>,
    next_seq: u64,
    /// Every dependency version, oldest first.
    pub dependencies: Vec<DependencyVersionRecord>,
    /// The limits operations enforce.
    pub limits: ServiceLimits,
    /// Which project-wide logs are switched on.
    pub logs: ProjectLogs,
    /// Invocation and workflow-execution records, for the metrics.
    pub stats: Arc<Stats>,
    /// Applications created from templates, oldest first.
    pub apps: Vec<AppRecord>,
    /// VPC endpoints, oldest first.
    pub vpc_endpoints: Vec<VpcEndpointRecord>,
}

impl State {
    /// The function `package:name`.
    pub(crate) fn get(&self, package: &str, name: &str) -> Option<&FunctionRecord> {
        let seq = self.index.get(&(package.to_owned(), name.to_owned()))?;
        self.functions.get(seq)
    }

    /// The function `package:name`, for changes.
    pub(crate) fn get_mut(&mut self, package: &str, name: &str) -> Option<&mut FunctionRecord> {
        let seq = self.index.get(&(package.to_owned(), name.to_owned()))?;
        self.functions.get_mut(seq)
    }

    /// Adds a function; `false` (and no change) if one with its package and name exists.
    pub(crate) fn insert(&mut self, function: FunctionRecord) -> bool {
        let key = (function.package.clone(), function.name.clone());
        if self.index.contains_key(&key) {
            return false;
        }
        let seq = self.next_seq;
        self.next_seq += 1;
        self.index.insert(key, seq);
        self.functions.insert(seq, function);
        true
    }

    /// Removes the function `package:name`.
    pub(crate) fn remove(&mut self, package: &str, name: &str) -> Option<FunctionRecord> {
        let seq = self.index.remove(&(package.to_owned(), name.to_owned()))?;
        self.functions.remove(&seq)
    }

    /// Every function, oldest first.
    pub(crate) fn functions(&self) -> impl Iterator<Item = &FunctionRecord> {
        self.functions.values()
    }

    /// Forgets everything.
    pub(crate) fn clear(&mut self) {
        self.functions.clear();
        self.index.clear();
        self.dependencies.clear();
        self.logs = ProjectLogs::default();
        self.stats.clear();
        self.apps.clear();
        self.vpc_endpoints.clear();
    }
}
