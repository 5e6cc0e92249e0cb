//! The JSON the service answers with: functions, code, aliases, triggers.
//!
//! Each function-shaped answer starts from the fields the user sent (echoed back as the
//! service does) and overlays the fields the service computes.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use serde_json::{Value, json};

use crate::http::site::Site;
use crate::runtime::clock::rfc3339;
use crate::runtime::state::{AliasRecord, FunctionRecord, TriggerRecord, VersionRecord};

/// Which response a function object is for (the fields differ per operation).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// Create, GetMetadata, UpdateMetadata (C, S, U).
    Full,
    /// An item of List (L).
    ListItem,
    /// CreateVersion and ListVersion items (V, R).
    Version,
}

/// `cpu` in millicores, as the service derives it from memory (128 MB → 300).
fn cpu_for(memory_mb: i64) -> i64 {
    memory_mb / 128 * 100 + 200
}

fn default_strategy() -> Value {
    json!({"concurrency": -1, "concurrent_num": 1})
}

/// A function object for `version`, with `func_urn` qualified by `urn_qualifier`.
pub(crate) fn function_json(
    site: &Site,
    function: &FunctionRecord,
    version: &VersionRecord,
    urn_qualifier: Option<&str>,
    shape: Shape,
) -> Value {
    let mut out = version.metadata.clone();
    // `log_config` is request-only; responses expose the ids it binds.
    if let Some(Value::Object(log)) = out.remove("log_config") {
        for (from, to) in [("group_id", "log_group_id"), ("stream_id", "log_stream_id")] {
            if let Some(id) = log.get(from) {
                out.insert(to.into(), id.clone());
            }
        }
    }
    let urn = match urn_qualifier {
        Some(q) => site.qualified_urn(&function.package, &function.name, q),
        None => site.urn(&function.package, &function.name),
    };
    let memory = version.int("memory_size").unwrap_or(128);
    let set = |out: &mut serde_json::Map<String, Value>, key: &str, value: Value| {
        out.insert(key.to_owned(), value);
    };
    set(&mut out, "func_urn", json!(urn));
    set(&mut out, "func_name", json!(function.name));
    set(&mut out, "package", json!(function.package));
    set(&mut out, "domain_id", json!(site.domain_id));
    set(&mut out, "namespace", json!(site.project_id));
    set(&mut out, "project_name", json!(site.region));
    set(&mut out, "cpu", json!(cpu_for(memory)));
    set(&mut out, "code_size", json!(version.code.bytes.len()));
    set(&mut out, "digest", json!(version.code.digest));
    set(&mut out, "version", json!(version.name));
    set(&mut out, "image_name", json!(version.image_name));
    set(
        &mut out,
        "last_modified",
        json!(rfc3339(version.last_modified)),
    );
    set(
        &mut out,
        "last_modified_utc",
        json!(version.last_modified.unix_timestamp()),
    );
    set(&mut out, "func_code", json!({}));
    out.entry("strategy_config")
        .or_insert_with(default_strategy);
    out.entry("type").or_insert_with(|| json!("v2"));
    let resource_id = format!("{}:{}", function.func_id, function.name);
    let vpc_id = out
        .get("func_vpc")
        .and_then(|vpc| vpc.get("vpc_id"))
        .cloned();
    match shape {
        Shape::Full => {
            set(&mut out, "func_id", json!(function.func_id));
            set(&mut out, "resource_id", json!(resource_id));
        }
        Shape::ListItem => {
            set(&mut out, "resource_id", json!(resource_id));
            out.remove("func_vpc");
            if let Some(id) = vpc_id {
                set(&mut out, "func_vpc_id", id);
            }
        }
        Shape::Version => {
            set(
                &mut out,
                "version_description",
                json!(version.description.clone().unwrap_or_default()),
            );
            let time = json!(rfc3339(version.last_modified));
            // The version's async configuration when one is set; else the figures the
            // service shows for a version without one.
            let async_config = match function
                .async_configs
                .iter()
                .find(|c| c.qualifier == version.name)
            {
                Some(config) => json!({
                    "max_async_event_age_in_seconds": config.max_age.as_secs(),
                    "max_async_retry_attempts": config.max_retries,
                    "destination_config": config.destinations.clone().unwrap_or_else(|| json!({})),
                    "created_time": rfc3339(config.created),
                    "last_modified": rfc3339(config.last_modified),
                }),
                None => json!({
                    "max_async_event_age_in_seconds": 3600,
                    "max_async_retry_attempts": 3,
                    "created_time": time,
                    "last_modified": time,
                }),
            };
            set(&mut out, "function_async_config", async_config);
            if let Some(id) = vpc_id {
                set(&mut out, "func_vpc_id", id);
            }
        }
    }
    Value::Object(out)
}

/// The GetCode / UpdateCode answer.
pub(crate) fn code_json(
    site: &Site,
    function: &FunctionRecord,
    version: &VersionRecord,
    urn_qualifier: Option<&str>,
) -> Value {
    let urn = match urn_qualifier {
        Some(q) => site.qualified_urn(&function.package, &function.name, q),
        None => site.urn(&function.package, &function.name),
    };
    let filename = version.text("code_filename").unwrap_or("index.zip");
    let link = match version.text("code_url") {
        Some(url) if version.text("code_type") == Some("obs") => url.to_owned(),
        _ => format!(
            "https://functionstorage-{region}.obs.{region}.myhuaweicloud.com/functions/{}/{}/{}/{}/{filename}",
            site.project_id,
            function.package,
            function.name,
            version.name,
            region = site.region,
        ),
    };
    let mut out = json!({
        "func_urn": urn,
        "func_name": function.name,
        "domain_id": site.domain_id,
        "runtime": version.metadata.get("runtime").cloned().unwrap_or(Value::Null),
        "code_type": version.metadata.get("code_type").cloned().unwrap_or(Value::Null),
        "code_size": version.code.bytes.len(),
        "digest": version.code.digest,
        "last_modified": rfc3339(version.last_modified),
        "last_modified_utc": version.last_modified.unix_timestamp(),
        "func_code": {"file": BASE64.encode(&version.code.bytes), "link": link},
        "depend_list": version.metadata.get("depend_list").cloned().unwrap_or_else(|| json!([])),
        "depend_version_list": version.metadata.get("depend_version_list").cloned().unwrap_or_else(|| json!([])),
        "strategy_config": version.metadata.get("strategy_config").cloned().unwrap_or_else(default_strategy),
        "dependencies": [],
    });
    for key in ["code_url", "code_filename", "code_encrypt_kms_key_id"] {
        if let Some(value) = version.metadata.get(key) {
            out[key] = value.clone();
        }
    }
    out
}

/// An alias object. ListAlias and UpdateAlias leave the strategy out.
pub(crate) fn alias_json(
    site: &Site,
    function: &FunctionRecord,
    alias: &AliasRecord,
    with_strategy: bool,
) -> Value {
    let mut out = json!({
        "name": alias.name,
        "version": alias.version,
        "description": alias.description,
        "last_modified": rfc3339(alias.last_modified),
        "alias_urn": site.qualified_urn(&function.package, &function.name, &format!("!{}", alias.name)),
    });
    if !alias.weights.is_empty() {
        out["additional_version_weights"] = json!(alias.weights);
    }
    if with_strategy && let Some((raw, _)) = &alias.strategy {
        out["additional_version_strategy"] = Value::Object(raw.clone());
    }
    out
}

/// A trigger object.
pub(crate) fn trigger_json(trigger: &TriggerRecord) -> Value {
    json!({
        "trigger_id": trigger.id,
        "trigger_type_code": trigger.type_code,
        "trigger_status": trigger.status,
        "event_data": trigger.event_data,
        "last_updated_time": rfc3339(trigger.updated),
        "created_time": rfc3339(trigger.created),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpu_matches_the_oas_example() {
        assert_eq!(cpu_for(128), 300);
        assert_eq!(cpu_for(256), 400);
        assert_eq!(cpu_for(1024), 1000);
    }
}
