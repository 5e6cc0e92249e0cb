//! The service bridge: functions that connect FunctionGraph to a database or message
//! service (`rds`, `mqs`, `cache`), the bridge functions bound to a function, and the
//! bridge code versions the service offers.
//!
//! The official API has no Go SDK counterpart; the types are named in the style of
//! [`functions`](crate::functions): `bridge::ListFunctions` (ListBridgeFunctions) and
//! `bridge::ListVersions` (ListBridgeVersions). Both answer a bare JSON array.

mod list_functions;
mod list_versions;

pub use list_functions::ListFunctions;
pub use list_versions::{BridgeVersion, ListVersions};

use crate::model::macros::open_enum;

open_enum! {
    /// A service bridge type.
    pub enum BridgeType {
        /// Relational databases.
        Rds = "rds",
        /// Message queues.
        Mqs = "mqs",
        /// Caches.
        Cache = "cache",
    }
}
