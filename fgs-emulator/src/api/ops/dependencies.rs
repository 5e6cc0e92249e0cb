//! ListDependencies, CreateDependencyVersion, ListDependencyVersions,
//! GetDependencyVersion, DeleteDependencyVersion; and the check that the dependency
//! versions a function names exist.

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD as BASE64;
use bytes::Bytes;
use serde_json::{Value, json};

use super::Ctx;
use super::paging::Page;
use crate::api::api_error::{ApiError, code};
use crate::api::routes::query_value;
use crate::api::validate::names::is_dependency_name;
use crate::api::validate::{Object, field, object_body, opt_description, req_str};
use crate::http::reply::Reply;
use crate::runtime::state::{Code, DependencyVersionRecord, State};

/// The largest package uploaded inline (base64 in `depend_file`); larger ones go
/// through OBS.
const MAX_INLINE_PACKAGE: usize = 40 * 1024 * 1024;

fn version_json(site_owner: &str, v: &DependencyVersionRecord) -> Value {
    json!({
        "id": v.id,
        "dep_id": v.dep_id,
        "owner": site_owner,
        "link": v.link,
        "runtime": v.runtime,
        // The service's etag is an MD5; the emulator's is a digest of the package too.
        "etag": &v.package.digest[..32],
        "size": v.package.bytes.len(),
        "name": v.name,
        "description": v.description,
        "file_name": format!("{}.zip", v.name),
        "version": v.version,
        "last_modified": v.last_modified.unix_timestamp(),
        "is_shared": false,
    })
}

fn not_found(what: String) -> ApiError {
    ApiError::not_found(code::DEPENDENCY_NOT_FOUND, what)
}

/// 404 `FSS.1056` unless every id in the body's `depend_version_list` is a dependency
/// version.
pub(crate) fn check_depend_versions(state: &State, body: &Object) -> Result<(), ApiError> {
    let Some(list) = field(body, "depend_version_list") else {
        return Ok(());
    };
    let ids = list
        .as_array()
        .ok_or_else(|| ApiError::invalid("depend_version_list", "must be an array of strings"))?;
    for id in ids {
        let id = id.as_str().ok_or_else(|| {
            ApiError::invalid("depend_version_list", "must be an array of strings")
        })?;
        if !state.dependencies.iter().any(|d| d.id == id) {
            return Err(not_found(format!(
                "the dependency version `{id}` does not exist"
            )));
        }
    }
    Ok(())
}

/// Fills a code answer's `dependencies` with the versions its `depend_version_list`
/// names that still exist (`owner`: the account's domain id).
pub(crate) fn with_dependencies(state: &State, owner: &str, mut function: Value) -> Value {
    let ids: Vec<String> = function["depend_version_list"]
        .as_array()
        .map(|ids| {
            ids.iter()
                .filter_map(|id| id.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    let dependencies: Vec<Value> = ids
        .iter()
        .filter_map(|id| state.dependencies.iter().find(|d| &d.id == id))
        .map(|d| version_json(owner, d))
        .collect();
    function["dependencies"] = Value::Array(dependencies);
    function
}

/// `GET /dependencies`: the latest version of each dependency, filtered by `name`,
/// `runtime`, `dependency_type` / `ispublic` (the emulator has no public dependencies).
pub(crate) fn list(
    state: &State,
    ctx: &Ctx<'_>,
    query: &[(String, String)],
) -> Result<Reply, ApiError> {
    let page = Page::from_query(query)?;
    let value = |key: &str| query_value(query, key);
    let public_only =
        value("dependency_type") == Some("public") || value("ispublic") == Some("true");
    let mut latest: Vec<&DependencyVersionRecord> = Vec::new();
    for v in &state.dependencies {
        match latest.iter_mut().find(|l| l.dep_id == v.dep_id) {
            Some(l) if l.version < v.version => *l = v,
            Some(_) => {}
            None => latest.push(v),
        }
    }
    latest.retain(|v| {
        !public_only
            && value("name").is_none_or(|n| v.name == n)
            && value("runtime").is_none_or(|r| v.runtime == r)
    });
    if let Some(limit) = value("limit").and_then(|l| l.parse::<usize>().ok()) {
        latest.truncate(limit);
    }
    let page = page.apply(&latest);
    let items: Vec<Value> = page
        .items
        .iter()
        .map(|v| version_json(&ctx.site.domain_id, v))
        .collect();
    Ok(Reply::ok(&json!({
        "dependencies": items,
        "next_marker": page.next_marker,
        "count": page.count,
    })))
}

/// `POST /dependencies/version`: a new version of the dependency `name` (a new
/// dependency on its first version).
pub(crate) fn create_version(
    state: &mut State,
    ctx: &Ctx<'_>,
    body: &[u8],
) -> Result<Reply, ApiError> {
    let body = object_body(body, false)?;
    let depend_type = req_str(&body, "depend_type")?;
    let name = req_str(&body, "name")?;
    let runtime = req_str(&body, "runtime")?;
    let description = opt_description(&body)?.unwrap_or_default().to_owned();
    if !is_dependency_name(name) {
        return Err(ApiError::invalid(
            "name",
            "1–96 letters, digits, `_`, `.` or `-`, starting with a letter and ending with a letter or digit",
        ));
    }
    if runtime.is_empty() {
        return Err(ApiError::bad_request(
            code::RUNTIME,
            "runtime must not be empty",
        ));
    }
    let (package, link) = match depend_type {
        "zip" => {
            let file = req_str(&body, "depend_file")?;
            let bytes = BASE64
                .decode(file.trim())
                .map_err(|_| ApiError::invalid("depend_file", "must be a base64-encoded zip"))?;
            if bytes.len() > MAX_INLINE_PACKAGE {
                return Err(ApiError::too_large(
                    code::PACKAGE_TOO_LARGE,
                    "a dependency uploaded inline must be at most 40 MB; upload it to OBS",
                ));
            }
            (Code::new(Bytes::from(bytes)), None)
        }
        "obs" => (
            Code::new(Bytes::new()),
            Some(req_str(&body, "depend_link")?.to_owned()),
        ),
        other => {
            return Err(ApiError::invalid(
                "depend_type",
                format!("`{other}` is neither `zip` nor `obs`"),
            ));
        }
    };
    let siblings: Vec<&DependencyVersionRecord> = state
        .dependencies
        .iter()
        .filter(|d| d.name == name)
        .collect();
    if siblings.len() >= state.limits.versions_per_dependency {
        return Err(ApiError::forbidden(
            code::FORBIDDEN,
            format!(
                "the dependency `{name}` already has {} versions, the most allowed",
                siblings.len()
            ),
        ));
    }
    let dep_id = siblings
        .first()
        .map_or_else(|| uuid::Uuid::new_v4().to_string(), |d| d.dep_id.clone());
    let version = siblings.iter().map(|d| d.version).max().unwrap_or(0) + 1;
    let id = uuid::Uuid::new_v4().to_string();
    let link = link.unwrap_or_else(|| {
        format!(
            "https://{}.obs.{}.emulator/depends/{id}.zip",
            ctx.site.project_id, ctx.site.region
        )
    });
    let record = DependencyVersionRecord {
        id,
        dep_id,
        name: name.to_owned(),
        runtime: runtime.to_owned(),
        description,
        version,
        package,
        link,
        last_modified: ctx.now,
    };
    let answer = version_json(&ctx.site.domain_id, &record);
    state.dependencies.push(record);
    Ok(Reply::ok(&answer))
}

/// `GET /dependencies/{depend_id}/version`: oldest first; 404 `FSS.1056` for an unknown
/// dependency.
pub(crate) fn list_versions(
    state: &State,
    ctx: &Ctx<'_>,
    depend_id: &str,
    query: &[(String, String)],
) -> Result<Reply, ApiError> {
    let page = Page::from_query(query)?;
    let versions: Vec<&DependencyVersionRecord> = state
        .dependencies
        .iter()
        .filter(|d| d.dep_id == depend_id)
        .collect();
    if versions.is_empty() {
        return Err(not_found(format!(
            "the dependency `{depend_id}` does not exist"
        )));
    }
    let page = page.apply(&versions);
    let items: Vec<Value> = page
        .items
        .iter()
        .map(|v| version_json(&ctx.site.domain_id, v))
        .collect();
    Ok(Reply::ok(&json!({
        "dependencies": items,
        "next_marker": page.next_marker,
        "count": page.count,
    })))
}

/// The position of version `version` of `depend_id`, or 404 `FSS.1056`.
fn find(state: &State, depend_id: &str, version: &str) -> Result<usize, ApiError> {
    state
        .dependencies
        .iter()
        .position(|d| d.dep_id == depend_id && d.version.to_string() == version)
        .ok_or_else(|| {
            not_found(format!(
                "version `{version}` of the dependency `{depend_id}` does not exist"
            ))
        })
}

/// `GET /dependencies/{depend_id}/version/{version}`, with a download link.
pub(crate) fn get_version(
    state: &State,
    ctx: &Ctx<'_>,
    depend_id: &str,
    version: &str,
) -> Result<Reply, ApiError> {
    let record = &state.dependencies[find(state, depend_id, version)?];
    let mut answer = version_json(&ctx.site.domain_id, record);
    answer["download_link"] = json!(format!("{}?download", record.link));
    Ok(Reply::ok(&answer))
}

/// `DELETE /dependencies/{depend_id}/version/{version}`: 204. The API documents no
/// refusal for a version in use; functions keep naming it, and their next Create,
/// UpdateCode or UpdateMetadata naming it is refused (404 `FSS.1056`).
pub(crate) fn delete_version(
    state: &mut State,
    depend_id: &str,
    version: &str,
) -> Result<Reply, ApiError> {
    let at = find(state, depend_id, version)?;
    state.dependencies.remove(at);
    Ok(Reply::no_content())
}
