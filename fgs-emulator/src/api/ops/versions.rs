//! CreateVersion (publish) and ListVersion.

use serde_json::{Value, json};

use super::paging::Page;
use super::{Ctx, function, function_mut};
use crate::api::api_error::{ApiError, code};
use crate::api::validate::names::is_version_name;
use crate::api::validate::{object_body, opt_description, opt_str};
use crate::api::views::{Shape, function_json};
use crate::http::reply::Reply;
use crate::http::site::Target;
use crate::runtime::clock::{image_name, version_name};
use crate::runtime::state::{LATEST, State, VersionRecord};

/// `POST /functions/{urn}/versions`: snapshots `latest`. Publishing an unchanged
/// function again is allowed (the service's FSS.1016 is deliberately not enforced).
pub(crate) fn create(
    state: &mut State,
    ctx: &Ctx<'_>,
    target: &Target,
    body: &[u8],
) -> Result<Reply, ApiError> {
    let function = function_mut(state, target)?;
    let body = object_body(body, true)?;
    let requested = opt_str(&body, "version")?.filter(|v| !v.is_empty());
    let description = opt_description(&body)?.map(str::to_owned);
    // `digest` (an "md5 key" guard) has undocumented semantics: type-checked only.
    opt_str(&body, "digest")?;
    let name = match requested {
        Some(name) => {
            if !is_version_name(name) {
                return Err(ApiError::invalid(
                    "version",
                    "must be 1-64 letters, digits, `_`, `-` or `.`, starting with a letter or digit",
                ));
            }
            if function.version(name).is_some() {
                return Err(ApiError::conflict(
                    code::VERSION_EXISTS,
                    format!("the version `{name}` already exists"),
                ));
            }
            name.to_owned()
        }
        // `vYYYYMMDD-HHMMSS`, moved on by a second while taken (two publishes in one
        // second), so the name keeps the service's format.
        None => (0..)
            .map(|s| version_name(ctx.now + time::Duration::seconds(s)))
            .find(|name| function.version(name).is_none())
            .unwrap_or_else(|| version_name(ctx.now)),
    };
    let version = VersionRecord {
        name: name.clone(),
        last_modified: ctx.now,
        image_name: image_name(&name, ctx.now),
        description,
        ..function.latest.clone()
    };
    let answer = function_json(ctx.site, function, &version, Some(&name), Shape::Version);
    function.versions.push(version);
    Ok(Reply::ok(&answer))
}

/// `GET /functions/{urn}/versions`: `latest` first, then published versions, oldest
/// first.
pub(crate) fn list(
    state: &State,
    ctx: &Ctx<'_>,
    target: &Target,
    query: &[(String, String)],
) -> Result<Reply, ApiError> {
    let page = Page::from_query(query)?;
    let function = function(state, target)?;
    let all: Vec<&VersionRecord> = std::iter::once(&function.latest)
        .chain(function.versions.iter())
        .collect();
    let page = page.apply(&all);
    let versions: Vec<Value> = page
        .items
        .iter()
        .map(|v| {
            let qualifier = (v.name != LATEST).then_some(v.name.as_str());
            function_json(
                ctx.site,
                function,
                v,
                qualifier.or(Some(LATEST)),
                Shape::Version,
            )
        })
        .collect();
    Ok(Reply::ok(&json!({
        "versions": versions,
        "next_marker": page.next_marker,
        "count": page.count,
    })))
}
