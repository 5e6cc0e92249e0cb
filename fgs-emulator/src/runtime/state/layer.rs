//! Dependency (layer) versions and test events.

use time::OffsetDateTime;

use super::Code;

/// One published version of a dependency, with its package.
#[derive(Debug, Clone)]
pub(crate) struct DependencyVersionRecord {
    /// The version's id (what `depend_version_list` names).
    pub id: String,
    /// The dependency's id, shared by all its versions.
    pub dep_id: String,
    pub name: String,
    pub runtime: String,
    pub description: String,
    /// 1, 2, … per dependency.
    pub version: i64,
    /// The package (empty for `obs`, whose zip the emulator does not fetch).
    pub package: Code,
    /// The OBS link as given, or the emulator's own for uploaded zips.
    pub link: String,
    pub last_modified: OffsetDateTime,
}

/// A test event of a function.
#[derive(Debug, Clone)]
pub(crate) struct EventRecord {
    pub id: String,
    pub name: String,
    /// base64, as sent.
    pub content: String,
    pub last_modified: OffsetDateTime,
}

/// The service's per-resource limits the emulator enforces (configurable on the
/// builder).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ServiceLimits {
    /// Test events per function.
    pub events_per_function: usize,
    /// Versions per dependency.
    pub versions_per_dependency: usize,
}

/// The console allows 10 test events per function.
pub(crate) const DEFAULT_EVENTS_PER_FUNCTION: usize = 10;
/// Versions one dependency may hold at once.
pub(crate) const DEFAULT_VERSIONS_PER_DEPENDENCY: usize = 20;

impl Default for ServiceLimits {
    fn default() -> Self {
        ServiceLimits {
            events_per_function: DEFAULT_EVENTS_PER_FUNCTION,
            versions_per_dependency: DEFAULT_VERSIONS_PER_DEPENDENCY,
        }
    }
}
