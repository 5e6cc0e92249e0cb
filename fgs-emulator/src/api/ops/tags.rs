//! CreateTags, DeleteTags, ListFunctionTags, ShowProjectTagsList, ShowResInstanceInfo:
//! key/value tags on functions, the project's keys with the values in use, and finding
//! functions by tags and name. `resource_type` must be `functions`; `resource_id` is a
//! function URN in any form (its qualifier is ignored: tags belong to the function).

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Value, json};

use super::{Ctx, function, function_mut};
use crate::api::api_error::ApiError;
use crate::api::validate::{Object, field, object_body};
use crate::http::reply::Reply;
use crate::http::site::Target;
use crate::runtime::state::{FunctionRecord, State, TagList};

/// A tag key: 1–128 characters.
const MAX_KEY_CHARS: usize = 128;
/// A tag value: 0–255 characters.
const MAX_VALUE_CHARS: usize = 255;
/// The largest (and default) page of ShowResInstanceInfo.
const MAX_RESOURCES: usize = 1000;

/// The function a tag path names; 400 for a resource type other than `functions`.
fn target(ctx: &Ctx<'_>, resource_type: &str, resource_id: &str) -> Result<Target, ApiError> {
    check_resource_type(resource_type)?;
    Target::parse(resource_id, ctx.site)
}

fn check_resource_type(resource_type: &str) -> Result<(), ApiError> {
    if resource_type == "functions" {
        Ok(())
    } else {
        Err(ApiError::invalid(
            "resource_type",
            format!("`{resource_type}` is not a taggable resource type; use `functions`"),
        ))
    }
}

/// The `{key, value}` items of `name`; `value` may be left out (empty) when
/// `value_optional`.
fn kv_items(body: &Object, name: &str, value_optional: bool) -> Result<TagList, ApiError> {
    let Some(items) = field(body, name) else {
        return Ok(Vec::new());
    };
    let bad = |why: &str| ApiError::invalid(name, why);
    let items = items
        .as_array()
        .ok_or_else(|| bad("must be a list of {key, value}"))?;
    items
        .iter()
        .map(|item| {
            let key = item
                .get("key")
                .and_then(Value::as_str)
                .filter(|k| (1..=MAX_KEY_CHARS).contains(&k.chars().count()))
                .ok_or_else(|| bad("each key must be a string of 1-128 characters"))?;
            let value = match item.get("value") {
                None | Some(Value::Null) if value_optional => "",
                Some(Value::String(v)) if v.chars().count() <= MAX_VALUE_CHARS => v.as_str(),
                _ => return Err(bad("each value must be a string of at most 255 characters")),
            };
            Ok((key.to_owned(), value.to_owned()))
        })
        .collect()
}

fn kv_json(tags: &TagList) -> Vec<Value> {
    tags.iter()
        .map(|(key, value)| json!({"key": key, "value": value}))
        .collect()
}

/// Sets `new` in `tags`: a key already there takes the new value.
fn merge(tags: &mut TagList, new: TagList) {
    for (key, value) in new {
        match tags.iter_mut().find(|(k, _)| *k == key) {
            Some(tag) => tag.1 = value,
            None => tags.push((key, value)),
        }
    }
}

/// The function a CreateTags or DeleteTags names, with the body's `tags` (required)
/// and `sys_tags`.
fn change<'s>(
    state: &'s mut State,
    ctx: &Ctx<'_>,
    resource_type: &str,
    resource_id: &str,
    body: &[u8],
    value_optional: bool,
) -> Result<(&'s mut FunctionRecord, TagList, TagList), ApiError> {
    let target = target(ctx, resource_type, resource_id)?;
    let function = function_mut(state, &target)?;
    let body = object_body(body, false)?;
    if field(&body, "tags").is_none() {
        return Err(ApiError::missing("tags"));
    }
    let tags = kv_items(&body, "tags", value_optional)?;
    let sys_tags = kv_items(&body, "sys_tags", value_optional)?;
    Ok((function, tags, sys_tags))
}

/// `POST /{resource_type}/{urn}/tags/create` → 204. 400 beyond the tags a function may
/// hold (nothing is changed then).
pub(crate) fn create(
    state: &mut State,
    ctx: &Ctx<'_>,
    resource_type: &str,
    resource_id: &str,
    body: &[u8],
) -> Result<Reply, ApiError> {
    let limit = state.limits.tags_per_function;
    let (function, tags, sys_tags) = change(state, ctx, resource_type, resource_id, body, false)?;
    if tags.iter().any(|(key, _)| key.starts_with("_sys_")) {
        return Err(ApiError::invalid(
            "tags",
            "keys starting with `_sys_` are system tags; send them in sys_tags",
        ));
    }
    let mut merged = function.tags.clone();
    merge(&mut merged, tags);
    if merged.len() > limit {
        return Err(ApiError::invalid(
            "tags",
            format!("a function holds at most {limit} tags"),
        ));
    }
    function.tags = merged;
    merge(&mut function.sys_tags, sys_tags);
    Ok(Reply::no_content())
}

/// `DELETE /{resource_type}/{urn}/tags/delete` → 204: removes the keys named (a key the
/// function lacks is ignored).
pub(crate) fn delete(
    state: &mut State,
    ctx: &Ctx<'_>,
    resource_type: &str,
    resource_id: &str,
    body: &[u8],
) -> Result<Reply, ApiError> {
    let (function, tags, sys_tags) = change(state, ctx, resource_type, resource_id, body, true)?;
    function
        .tags
        .retain(|(k, _)| !tags.iter().any(|(key, _)| key == k));
    function
        .sys_tags
        .retain(|(k, _)| !sys_tags.iter().any(|(key, _)| key == k));
    Ok(Reply::no_content())
}

/// `GET /{resource_type}/{urn}/tags`.
pub(crate) fn list(
    state: &State,
    ctx: &Ctx<'_>,
    resource_type: &str,
    resource_id: &str,
) -> Result<Reply, ApiError> {
    let target = target(ctx, resource_type, resource_id)?;
    let function = function(state, &target)?;
    Ok(Reply::ok(&json!({
        "tags": kv_json(&function.tags),
        "sys_tags": kv_json(&function.sys_tags),
    })))
}

/// `GET /{resource_type}/tags`: every key in use, with its values, sorted.
pub(crate) fn list_project(state: &State, resource_type: &str) -> Result<Reply, ApiError> {
    check_resource_type(resource_type)?;
    let aggregate = |of: fn(&FunctionRecord) -> &TagList| {
        let mut keys: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
        for (key, value) in state.functions().flat_map(|f| of(f).iter()) {
            keys.entry(key).or_default().insert(value);
        }
        keys.into_iter()
            .map(|(key, values)| json!({"key": key, "values": values}))
            .collect::<Vec<_>>()
    };
    Ok(Reply::ok(&json!({
        "tags": aggregate(|f| &f.tags),
        "sys_tags": aggregate(|f| &f.sys_tags),
    })))
}

/// The `{key, values}` items of `name` (a key with no values matches any value).
fn key_values(body: &Object, name: &str) -> Result<Vec<(String, Vec<String>)>, ApiError> {
    let Some(items) = field(body, name) else {
        return Ok(Vec::new());
    };
    let bad = || ApiError::invalid(name, "must be a list of {key, values}");
    items
        .as_array()
        .ok_or_else(bad)?
        .iter()
        .map(|item| {
            let key = item.get("key").and_then(Value::as_str).ok_or_else(bad)?;
            let values = match item.get("values") {
                None | Some(Value::Null) => Vec::new(),
                Some(Value::Array(values)) => values
                    .iter()
                    .map(|v| v.as_str().map(str::to_owned).ok_or_else(bad))
                    .collect::<Result<_, _>>()?,
                Some(_) => return Err(bad()),
            };
            Ok((key.to_owned(), values))
        })
        .collect()
}

/// `offset` or `limit`: text (the API's type) or a number.
fn number(body: &Object, name: &str, default: usize, max: usize) -> Result<usize, ApiError> {
    let n = match field(body, name) {
        None => return Ok(default),
        Some(Value::String(text)) => text.trim().parse::<usize>().ok(),
        Some(value) => value.as_u64().and_then(|n| usize::try_from(n).ok()),
    };
    n.filter(|n| *n <= max)
        .ok_or_else(|| ApiError::invalid(name, format!("must be an integer from 0 to {max}")))
}

/// What a ShowResInstanceInfo body asks for.
struct Conditions {
    matches: TagList,
    tags: Vec<(String, Vec<String>)>,
    sys_tags: Vec<(String, Vec<String>)>,
    without_any_tag: bool,
}

impl Conditions {
    fn read(body: &Object) -> Result<Conditions, ApiError> {
        let without_any_tag = match field(body, "without_any_tag") {
            None => false,
            Some(Value::Bool(b)) => *b,
            Some(_) => return Err(ApiError::invalid("without_any_tag", "must be a boolean")),
        };
        Ok(Conditions {
            matches: kv_items(body, "matches", false)?,
            // `tags` is the tag service's own filter field; the service takes it too.
            tags: key_values(body, "tags")?,
            sys_tags: key_values(body, "sys_tags")?,
            without_any_tag,
        })
    }

    fn hold_for(&self, function: &FunctionRecord) -> bool {
        let has = |tags: &TagList, key: &str, values: &[String]| {
            tags.iter()
                .any(|(k, v)| k == key && (values.is_empty() || values.contains(v)))
        };
        let matched = self.matches.iter().all(|(key, value)| match key.as_str() {
            "resource_name" => function.name.contains(value.as_str()),
            _ => function.tags.iter().any(|(k, v)| k == key && v == value),
        });
        matched
            && self.tags.iter().all(|(k, vs)| has(&function.tags, k, vs))
            && self
                .sys_tags
                .iter()
                .all(|(k, vs)| has(&function.sys_tags, k, vs))
            && (!self.without_any_tag || function.tags.is_empty())
    }
}

/// `POST /{resource_type}/resource-instances/{action}`: `filter` answers a page of the
/// functions every condition holds for (by `offset`/`limit`) and their total; `count`
/// the total alone.
pub(crate) fn resources(
    state: &State,
    ctx: &Ctx<'_>,
    resource_type: &str,
    action: &str,
    body: &[u8],
) -> Result<Reply, ApiError> {
    check_resource_type(resource_type)?;
    if !matches!(action, "filter" | "count") {
        return Err(ApiError::invalid(
            "action",
            format!("`{action}` is not `filter` or `count`"),
        ));
    }
    let body = object_body(body, true)?;
    let conditions = Conditions::read(&body)?;
    let offset = number(&body, "offset", 0, usize::MAX)?;
    let limit = match number(&body, "limit", MAX_RESOURCES, MAX_RESOURCES)? {
        0 => MAX_RESOURCES,
        n => n,
    };
    let found: Vec<&FunctionRecord> = state
        .functions()
        .filter(|f| conditions.hold_for(f))
        .collect();
    if action == "count" {
        return Ok(Reply::ok(&json!({"total_count": found.len()})));
    }
    let resources: Vec<Value> = found
        .iter()
        .skip(offset)
        .take(limit)
        .map(|f| {
            json!({
                "resource_id": f.func_id,
                "resource_name": f.name,
                "resource_detail": {
                    "detailId": ctx.site.qualified_urn(&f.package, &f.name, "latest"),
                },
                "tags": kv_json(&f.tags),
                "sys_tags": kv_json(&f.sys_tags),
            })
        })
        .collect();
    Ok(Reply::ok(&json!({
        "resources": resources,
        "total_count": found.len(),
    })))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merging_replaces_values_by_key() {
        let mut tags = vec![("a".to_owned(), "1".to_owned())];
        merge(
            &mut tags,
            vec![("b".into(), "2".into()), ("a".into(), "3".into())],
        );
        assert_eq!(tags, [("a".into(), "3".into()), ("b".into(), "2".into())]);
    }

    #[test]
    fn items_are_checked() {
        let body = |v: Value| v.as_object().cloned().unwrap();
        let ok = body(json!({"tags": [{"key": "k", "value": "v"}]}));
        assert_eq!(
            kv_items(&ok, "tags", false).unwrap(),
            [("k".into(), "v".into())]
        );
        let no_value = body(json!({"tags": [{"key": "k"}]}));
        assert!(kv_items(&no_value, "tags", false).is_err());
        assert_eq!(kv_items(&no_value, "tags", true).unwrap()[0].1, "");
        for bad in [
            json!({"tags": {}}),
            json!({"tags": [{"key": ""}]}),
            json!({"tags": [{"key": "k".repeat(129), "value": ""}]}),
            json!({"tags": [{"key": "k", "value": "v".repeat(256)}]}),
        ] {
            assert!(kv_items(&body(bad), "tags", false).is_err());
        }
        assert_eq!(
            number(&body(json!({"limit": "7"})), "limit", 1000, 1000).unwrap(),
            7
        );
        assert_eq!(
            number(&body(json!({"limit": 8})), "limit", 1000, 1000).unwrap(),
            8
        );
        assert!(number(&body(json!({"limit": "1001"})), "limit", 1000, 1000).is_err());
        assert!(number(&body(json!({"offset": "-1"})), "offset", 0, usize::MAX).is_err());
    }
}
