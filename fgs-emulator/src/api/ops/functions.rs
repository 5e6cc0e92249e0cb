//! Create, List, GetMetadata, GetCode, Delete, UpdateCode, UpdateMetadata.

use serde_json::{Value, json};

use super::dependencies::{check_depend_versions, with_dependencies};
use super::paging::Page;
use super::{Ctx, asked_qualifier, function, function_mut, require_latest, version_of};
use crate::api::api_error::{ApiError, code};
use crate::api::routes::query_value;
use crate::api::validate::function::{check_create, check_update_code, check_update_metadata};
use crate::api::validate::{field, object_body};
use crate::api::views::{Shape, code_json, function_json};
use crate::http::reply::Reply;
use crate::http::site::Target;
use crate::runtime::clock::image_name;
use crate::runtime::state::{FunctionRecord, LATEST, State, VersionRecord};
use fgs_proto::Qualifier;

/// Fields UpdateCode stores besides the code itself.
const CODE_FIELDS: [&str; 6] = [
    "code_type",
    "code_url",
    "code_filename",
    "depend_version_list",
    "depend_list",
    "code_encrypt_kms_key_id",
];

/// Fields UpdateMetadata may not change: identity, and the code (UpdateCode's job).
const FIXED_BY_METADATA: [&str; 6] = [
    "func_name",
    "package",
    "func_code",
    "code_type",
    "code_url",
    "code_filename",
];

/// `POST /functions`.
pub(crate) fn create(state: &mut State, ctx: &Ctx<'_>, body: &[u8]) -> Result<Reply, ApiError> {
    let mut metadata = object_body(body, false)?;
    let input = check_create(&metadata)?;
    check_depend_versions(state, &metadata)?;
    if state.get(&input.package, &input.name).is_some() {
        return Err(ApiError::conflict(
            code::FUNCTION_EXISTS,
            format!(
                "the function `{}:{}` already exists",
                input.package, input.name
            ),
        ));
    }
    if state.functions().count() >= state.limits.functions_per_account {
        return Err(ApiError::forbidden(
            code::TOO_MANY_FUNCTIONS,
            format!(
                "the account already holds {} functions, its quota",
                state.limits.functions_per_account
            ),
        ));
    }
    metadata.remove("func_code");
    metadata.insert("code_type".into(), json!(input.code_type));
    let function = FunctionRecord {
        package: input.package,
        name: input.name,
        func_id: uuid::Uuid::new_v4().to_string(),
        latest: VersionRecord {
            name: LATEST.to_owned(),
            metadata,
            code: input.code,
            last_modified: ctx.now,
            image_name: image_name(LATEST, ctx.now),
            description: None,
        },
        versions: Vec::new(),
        aliases: Vec::new(),
        triggers: Vec::new(),
        events: Vec::new(),
        reserved: Vec::new(),
        tags: Vec::new(),
        sys_tags: Vec::new(),
        settings: Default::default(),
        async_configs: Vec::new(),
    };
    let answer = function_json(
        ctx.site,
        &function,
        &function.latest,
        Some(LATEST),
        Shape::Full,
    );
    state.insert(function);
    Ok(Reply::ok(&answer))
}

/// `GET /functions`: creation order; `package_name` matches exactly,
/// `func_name` as a case-insensitive substring (the service's "fuzzy" match).
pub(crate) fn list(
    state: &State,
    ctx: &Ctx<'_>,
    query: &[(String, String)],
) -> Result<Reply, ApiError> {
    let page = Page::from_query(query)?;
    let value = |key: &str| query_value(query, key);
    let package = value("package_name");
    let name_part = value("func_name").map(str::to_ascii_lowercase);
    let matching: Vec<&FunctionRecord> = state
        .functions()
        .filter(|f| package.is_none_or(|p| f.package == p))
        .filter(|f| {
            name_part
                .as_deref()
                .is_none_or(|part| f.name.to_ascii_lowercase().contains(part))
        })
        .collect();
    let page = page.apply(&matching);
    let functions: Vec<Value> = page
        .items
        .iter()
        .map(|f| function_json(ctx.site, f, &f.latest, None, Shape::ListItem))
        .collect();
    Ok(Reply::ok(&json!({
        "functions": functions,
        "next_marker": page.next_marker,
        "count": page.count,
    })))
}

/// `GET /functions/{urn}/config`.
pub(crate) fn get_metadata(
    state: &State,
    ctx: &Ctx<'_>,
    target: &Target,
) -> Result<Reply, ApiError> {
    let function = function(state, target)?;
    let version = version_of(function, target)?;
    let qualifier = asked_qualifier(target);
    let mut answer = function_json(
        ctx.site,
        function,
        version,
        qualifier.as_deref(),
        Shape::Full,
    );
    if let Some(reserved) = super::scaling::reserved_of(function, &target.qualifier_or_latest()) {
        answer["reserved_instance_count"] = json!(reserved.count);
        answer["reserved_instance_idle_mode"] = json!(reserved.idle_mode);
    }
    super::observability::add_lts_fields(state, ctx, function, &mut answer);
    Ok(Reply::ok(&answer))
}

/// `GET /functions/{urn}/code`.
pub(crate) fn get_code(state: &State, ctx: &Ctx<'_>, target: &Target) -> Result<Reply, ApiError> {
    let function = function(state, target)?;
    let version = version_of(function, target)?;
    let qualifier = asked_qualifier(target);
    let answer = code_json(ctx.site, function, version, qualifier.as_deref());
    Ok(Reply::ok(&with_dependencies(
        state,
        &ctx.site.domain_id,
        answer,
    )))
}

/// `DELETE /functions/{urn}`: the whole function when unqualified, else one
/// version (an alias stands for the version it points at). `latest` alone cannot go.
pub(crate) fn delete(state: &mut State, target: &Target) -> Result<Reply, ApiError> {
    let version = match &target.qualifier {
        None => {
            return state
                .remove(&target.package, &target.name)
                .map(|_| Reply::no_content())
                .ok_or_else(|| ApiError::function_not_found(&target.package, &target.name));
        }
        Some(Qualifier::Version(v)) => v.clone(),
        Some(Qualifier::Alias(a)) => function(state, target)?
            .alias(a)
            .map(|alias| alias.version.clone())
            .ok_or_else(|| ApiError::alias_not_found(a))?,
    };
    let function = function_mut(state, target)?;
    if version == LATEST {
        return Err(ApiError::bad_request(
            code::INVALID_PARAMETER,
            "the latest version cannot be deleted on its own; delete the function (URN without a version) instead",
        ));
    }
    if function.version(&version).is_none() {
        return Err(ApiError::version_not_found(&version));
    }
    for alias in &function.aliases {
        match alias.uses(&version) {
            Some(crate::runtime::state::AliasUse::Target) => {
                return Err(ApiError::conflict(
                    code::VERSION_USED_BY_ALIAS,
                    format!("version `{version}` is used by alias `{}`", alias.name),
                ));
            }
            Some(crate::runtime::state::AliasUse::Canary) => {
                return Err(ApiError::forbidden(
                    code::VERSION_IS_CANARY,
                    format!(
                        "version `{version}` is an additional (canary) version of alias `{}`",
                        alias.name
                    ),
                ));
            }
            None => {}
        }
    }
    function.versions.retain(|v| v.name != version);
    function.triggers.retain(|t| t.qualifier != version);
    function.settings.snapshots.retain(|v| *v != version);
    function.async_configs.retain(|c| c.qualifier != version);
    Ok(Reply::no_content())
}

/// `PUT /functions/{urn}/code`.
pub(crate) fn update_code(
    state: &mut State,
    ctx: &Ctx<'_>,
    target: &Target,
    body: &[u8],
) -> Result<Reply, ApiError> {
    let body = object_body(body, false)?;
    check_depend_versions(state, &body)?;
    let function = function_mut(state, target)?;
    require_latest(target)?;
    let (code_type, code) = check_update_code(&body)?;
    let latest = &mut function.latest;
    for key in CODE_FIELDS {
        if let Some(value) = field(&body, key) {
            latest.metadata.insert(key.to_owned(), value.clone());
        }
    }
    latest.metadata.insert("code_type".into(), json!(code_type));
    latest.code = code;
    latest.last_modified = ctx.now;
    latest.image_name = image_name(LATEST, ctx.now);
    let qualifier = asked_qualifier(target);
    Ok(Reply::ok(&code_json(
        ctx.site,
        function,
        &function.latest,
        qualifier.as_deref(),
    )))
}

/// `PUT /functions/{urn}/config`. Each field sent replaces the stored one;
/// `null` removes it; fields not sent are kept (whether the service resets them is
/// not documented).
pub(crate) fn update_metadata(
    state: &mut State,
    ctx: &Ctx<'_>,
    target: &Target,
    body: &[u8],
) -> Result<Reply, ApiError> {
    let mut body = object_body(body, false)?;
    check_depend_versions(state, &body)?;
    let function = function_mut(state, target)?;
    require_latest(target)?;
    let latest = &function.latest;
    check_update_metadata(
        &body,
        &function.name,
        latest.text("runtime").unwrap_or_default(),
        latest.text("code_type").unwrap_or_default(),
    )?;
    for key in FIXED_BY_METADATA {
        body.remove(key);
    }
    let latest = &mut function.latest;
    for (key, value) in body {
        if value.is_null() {
            latest.metadata.remove(&key);
        } else {
            latest.metadata.insert(key, value);
        }
    }
    latest.last_modified = ctx.now;
    latest.image_name = image_name(LATEST, ctx.now);
    let qualifier = asked_qualifier(target);
    Ok(Reply::ok(&function_json(
        ctx.site,
        function,
        &function.latest,
        qualifier.as_deref(),
        Shape::Full,
    )))
}
