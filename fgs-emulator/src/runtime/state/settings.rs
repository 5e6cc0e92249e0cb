//! What the logs, tracing, pin and snapshot operations store.

/// A function's APM tracing keys.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct TracingKeys {
    pub ak: String,
    pub sk: String,
}

/// The secret key stays out of debug output.
impl std::fmt::Debug for TracingKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TracingKeys")
            .field("ak", &self.ak)
            .field("sk", &"***")
            .finish()
    }
}

/// A function's settings beyond its configuration.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct FunctionSettings {
    /// UpdateTracing's keys; `None` while tracing is off.
    pub tracing: Option<TracingKeys>,
    /// UpdateFunctionCollectState: pinned in the console's list.
    pub pinned: bool,
    /// Published versions whose snapshots are switched on.
    pub snapshots: Vec<String>,
}

/// Project-wide log switches.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct ProjectLogs {
    /// EnableLtsLogs was called.
    pub lts: bool,
    /// EnableAsyncStatusLog was called.
    pub async_status: bool,
}
