//! A read-only copy of the emulator's state, for assertions in tests.

use std::collections::BTreeMap;

use bytes::Bytes;
use serde_json::Value;

use crate::api::views::{Shape, function_json};
use crate::http::site::Site;
use crate::runtime::state::{FunctionRecord, State, VersionRecord};

/// Every function with its versions, aliases and triggers, as of one instant.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Snapshot {
    /// Functions in creation order.
    pub functions: Vec<FunctionSnapshot>,
}

impl Snapshot {
    /// The function `package:name`.
    pub fn function(&self, package: &str, name: &str) -> Option<&FunctionSnapshot> {
        self.functions
            .iter()
            .find(|f| f.package == package && f.name == name)
    }
}

/// A function.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct FunctionSnapshot {
    /// The package.
    pub package: String,
    /// The name.
    pub name: String,
    /// The URN without qualifier.
    pub func_urn: String,
    /// The function id.
    pub func_id: String,
    /// The `latest` version.
    pub latest: VersionSnapshot,
    /// Published versions, oldest first.
    pub versions: Vec<VersionSnapshot>,
    /// Aliases, oldest first.
    pub aliases: Vec<AliasSnapshot>,
    /// Triggers of every qualifier, oldest first.
    pub triggers: Vec<TriggerSnapshot>,
}

impl FunctionSnapshot {
    /// The TIMER triggers that fire: those `ACTIVE`. A disabled timer does not count
    /// until it is enabled again.
    pub fn active_timers(&self) -> impl Iterator<Item = &TriggerSnapshot> {
        self.triggers
            .iter()
            .filter(|t| t.trigger_type_code == "TIMER" && t.is_active())
    }
}

/// `latest` or a published version.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct VersionSnapshot {
    /// `latest` or the version name.
    pub name: String,
    /// The function object GetMetadata answers for this version.
    pub metadata: Value,
    /// The decoded code.
    pub code: Bytes,
    /// SHA-512 hex of `code`.
    pub digest: String,
}

/// An alias.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct AliasSnapshot {
    /// The alias name.
    pub name: String,
    /// The version it points at.
    pub version: String,
    /// The description.
    pub description: String,
    /// Canary weights by version.
    pub additional_version_weights: BTreeMap<String, u32>,
}

/// A trigger.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct TriggerSnapshot {
    /// The trigger id.
    pub trigger_id: String,
    /// The type code (`TIMER`, `APIG`, ...).
    pub trigger_type_code: String,
    /// `ACTIVE` or `DISABLED`.
    pub trigger_status: String,
    /// The qualifier it is bound to: `latest`, a version, or `!alias`.
    pub qualifier: String,
    /// The event data as answered.
    pub event_data: Value,
    /// The deprecated `event_type_code` sent at creation, if any.
    pub event_type_code: Option<String>,
}

impl TriggerSnapshot {
    /// Whether the trigger is `ACTIVE` (fires); `DISABLED` ones do not.
    pub fn is_active(&self) -> bool {
        self.trigger_status == "ACTIVE"
    }
}

pub(crate) fn snapshot(state: &State, site: &Site) -> Snapshot {
    Snapshot {
        functions: state.functions().map(|f| function(f, site)).collect(),
    }
}

fn function(f: &FunctionRecord, site: &Site) -> FunctionSnapshot {
    let version = |v: &VersionRecord| VersionSnapshot {
        name: v.name.clone(),
        metadata: function_json(site, f, v, Some(&v.name), Shape::Full),
        code: v.code.bytes.clone(),
        digest: v.code.digest.clone(),
    };
    FunctionSnapshot {
        package: f.package.clone(),
        name: f.name.clone(),
        func_urn: site.urn(&f.package, &f.name),
        func_id: f.func_id.clone(),
        latest: version(&f.latest),
        versions: f.versions.iter().map(version).collect(),
        aliases: f
            .aliases
            .iter()
            .map(|a| AliasSnapshot {
                name: a.name.clone(),
                version: a.version.clone(),
                description: a.description.clone(),
                additional_version_weights: a.weights.clone(),
            })
            .collect(),
        triggers: f
            .triggers
            .iter()
            .map(|t| TriggerSnapshot {
                trigger_id: t.id.clone(),
                trigger_type_code: t.type_code.clone(),
                trigger_status: t.status.clone(),
                qualifier: t.qualifier.clone(),
                event_data: Value::Object(t.event_data.clone()),
                event_type_code: t.event_type_code.clone(),
            })
            .collect(),
    }
}
