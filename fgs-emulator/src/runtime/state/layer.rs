//! Dependency (layer) versions, test events, and the limits operations enforce.

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
    /// The most a function's `max_instance_num` may be.
    pub max_instances_per_function: i64,
    /// Reserved instances of all functions together.
    pub reserved_instances_per_account: i64,
    /// Tags per function.
    pub tags_per_function: usize,
    /// The largest package ImportFunction takes and ExportFunction produces, in bytes.
    pub import_export_package: usize,
    /// Functions per account.
    pub functions_per_account: usize,
}

/// The console allows 10 test events per function.
pub(crate) const DEFAULT_EVENTS_PER_FUNCTION: usize = 10;
/// Versions one dependency may hold at once.
pub(crate) const DEFAULT_VERSIONS_PER_DEPENDENCY: usize = 20;
/// Instances per tenant: the ceiling of one function's maximum too.
pub(crate) const DEFAULT_MAX_INSTANCES_PER_FUNCTION: i64 = 1000;
/// 90 % of the default 100 concurrent executions per account.
pub(crate) const DEFAULT_RESERVED_INSTANCES_PER_ACCOUNT: i64 = 90;
/// Tags one function may hold.
pub(crate) const DEFAULT_TAGS_PER_FUNCTION: usize = 20;
/// Import and export packages: at most 50 MB of zip.
pub(crate) const DEFAULT_IMPORT_EXPORT_PACKAGE: usize = 50 * 1024 * 1024;
/// Functions one account may hold.
pub(crate) const DEFAULT_FUNCTIONS_PER_ACCOUNT: usize = 400;

impl Default for ServiceLimits {
    fn default() -> Self {
        ServiceLimits {
            events_per_function: DEFAULT_EVENTS_PER_FUNCTION,
            versions_per_dependency: DEFAULT_VERSIONS_PER_DEPENDENCY,
            max_instances_per_function: DEFAULT_MAX_INSTANCES_PER_FUNCTION,
            reserved_instances_per_account: DEFAULT_RESERVED_INSTANCES_PER_ACCOUNT,
            tags_per_function: DEFAULT_TAGS_PER_FUNCTION,
            import_export_package: DEFAULT_IMPORT_EXPORT_PACKAGE,
            functions_per_account: DEFAULT_FUNCTIONS_PER_ACCOUNT,
        }
    }
}
