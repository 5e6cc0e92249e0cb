//! A function and its versions.

use bytes::Bytes;
use serde_json::Value;
use sha2::{Digest, Sha512};
use time::OffsetDateTime;

use super::{AliasRecord, EventRecord, TriggerRecord};
use crate::api::validate::Object;

/// The name of the version every function has.
pub(crate) const LATEST: &str = "latest";

/// Function code, decoded, with its SHA-512 digest.
#[derive(Debug, Clone)]
pub(crate) struct Code {
    pub bytes: Bytes,
    /// Lowercase hex SHA-512 of `bytes` (the service's `digest`).
    pub digest: String,
}

impl Code {
    pub(crate) fn new(bytes: Bytes) -> Self {
        let digest = hex::encode(Sha512::digest(&bytes));
        Code { bytes, digest }
    }
}

/// `latest` or a published version: the metadata fields as given, and the code.
#[derive(Debug, Clone)]
pub(crate) struct VersionRecord {
    pub name: String,
    /// The body fields of Create / UpdateMetadata / UpdateCode, without `func_code`.
    pub metadata: Object,
    pub code: Code,
    pub last_modified: OffsetDateTime,
    pub image_name: String,
    /// `version_description`, for published versions.
    pub description: Option<String>,
}

impl VersionRecord {
    /// A metadata string.
    pub(crate) fn text(&self, key: &str) -> Option<&str> {
        self.metadata.get(key).and_then(Value::as_str)
    }

    /// A metadata integer.
    pub(crate) fn int(&self, key: &str) -> Option<i64> {
        self.metadata.get(key).and_then(Value::as_i64)
    }
}

/// A function.
#[derive(Debug, Clone)]
pub(crate) struct FunctionRecord {
    pub package: String,
    pub name: String,
    pub func_id: String,
    pub latest: VersionRecord,
    /// Published versions, oldest first.
    pub versions: Vec<VersionRecord>,
    pub aliases: Vec<AliasRecord>,
    pub triggers: Vec<TriggerRecord>,
    /// Test events, oldest first.
    pub events: Vec<EventRecord>,
    /// Reserved-instance settings per qualifier, in the order they were first set.
    pub reserved: Vec<ReservedRecord>,
    /// User tags, in the order their keys were first set.
    pub tags: TagList,
    /// System tags (`_sys_enterprise_project_id`).
    pub sys_tags: TagList,
    /// Tracing keys, the pin state and snapshot switches.
    pub settings: super::FunctionSettings,
    /// Asynchronous invocation configurations per qualifier, in the order first set.
    pub async_configs: Vec<AsyncConfigRecord>,
}

/// The asynchronous invocation configuration of one version or alias of a function.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct AsyncConfigRecord {
    /// `latest`, a version name, or `!alias`.
    pub qualifier: String,
    /// Retries after a failed attempt.
    pub max_retries: u32,
    /// How old an event may grow before it is discarded.
    pub max_age: std::time::Duration,
    /// `destination_config` as given (checked).
    pub destinations: Option<Value>,
    /// The other fields as given (`enable_async_status_log`, `log_*`).
    pub settings: crate::api::validate::Object,
    pub created: OffsetDateTime,
    pub last_modified: OffsetDateTime,
}

/// Tags as `(key, value)`, keys unique.
pub(crate) type TagList = Vec<(String, String)>;

/// The reserved instances of one version or alias of a function.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct ReservedRecord {
    /// `latest`, a version name, or `!alias`.
    pub qualifier: String,
    pub count: i64,
    pub idle_mode: bool,
    /// `tactics_config` as given.
    pub tactics: Option<Value>,
}

impl FunctionRecord {
    /// `latest` or a published version.
    pub(crate) fn version(&self, name: &str) -> Option<&VersionRecord> {
        if name == LATEST {
            Some(&self.latest)
        } else {
            self.versions.iter().find(|v| v.name == name)
        }
    }

    /// An alias.
    pub(crate) fn alias(&self, name: &str) -> Option<&AliasRecord> {
        self.aliases.iter().find(|a| a.name == name)
    }

    /// An alias, for changes.
    pub(crate) fn alias_mut(&mut self, name: &str) -> Option<&mut AliasRecord> {
        self.aliases.iter_mut().find(|a| a.name == name)
    }
}
