//! ListAppTemplates, ShowAppTemplate, CreateFunctionApp, ListFunctionApplications,
//! ShowFunctionApp, DeleteFunctionApp, ListFunctionTemplate, ShowFunctionTemplate: the
//! built-in templates, and applications that create (and on delete remove) the
//! functions their template describes.

use base64::Engine;
use base64::engine::general_purpose::STANDARD as BASE64;
use http::HeaderMap;
use serde_json::{Value, json};

use super::Ctx;
use super::paging::Page;
use crate::api::api_error::{ApiError, code};
use crate::api::routes::query_value;
use crate::api::validate::{object_body, opt_description, opt_object, opt_str, req_str};
use crate::http::reply::Reply;
use crate::runtime::catalog::{
    APP_TEMPLATES, AppTemplate, FUNCTION_TEMPLATES, FunctionTemplate, app_template,
    function_template,
};
use crate::runtime::state::{AppRecord, State};
use crate::runtime::stats::epoch_ms;

/// The package the functions of applications go in.
const APP_PACKAGE: &str = "default";
/// The longest application name.
const MAX_APP_NAME: usize = 60;

/// `query` value `name`, with the API's `all` meaning no filter.
fn filter<'q>(query: &'q [(String, String)], name: &str) -> Option<&'q str> {
    query_value(query, name).filter(|v| !v.is_empty() && *v != "all")
}

fn app_template_summary(t: &AppTemplate, chinese: bool) -> Value {
    json!({
        "category": t.category,
        "description": if chinese { t.description.1 } else { t.description.0 },
        "id": t.id,
        "image": "",
        "name": t.name,
        "runtime": t.runtime,
    })
}

fn wants_chinese(headers: &HeaderMap) -> bool {
    headers
        .get("x-language")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.trim().eq_ignore_ascii_case("zh-cn"))
}

/// `GET /application/templates?marker=&maxitems=&runtime=&category=`, texts in the
/// language of `X-Language` (`en-us`, or `zh-cn`).
pub(crate) fn list_app_templates(
    query: &[(String, String)],
    headers: &HeaderMap,
) -> Result<Reply, ApiError> {
    let page = Page::from_query(query)?;
    let runtime = filter(query, "runtime");
    let category = filter(query, "category");
    let matching: Vec<&AppTemplate> = APP_TEMPLATES
        .iter()
        .filter(|t| runtime.is_none_or(|r| t.runtime == r))
        .filter(|t| category.is_none_or(|c| t.category == c))
        .collect();
    let page = page.apply(&matching);
    let chinese = wants_chinese(headers);
    let templates: Vec<Value> = page
        .items
        .iter()
        .map(|t| app_template_summary(t, chinese))
        .collect();
    Ok(Reply::ok(&json!({
        "count": page.count,
        "next_marker": page.next_marker,
        "templates": templates,
    })))
}

/// `GET /application/templates/{id}`; 404 for an unknown id. `deploy_count` is how
/// many of the project's applications were created from it.
pub(crate) fn get_app_template(state: &State, id: &str) -> Result<Reply, ApiError> {
    let t = app_template(id).ok_or_else(|| {
        ApiError::not_found(
            code::NOT_FOUND,
            format!("the application template `{id}` does not exist"),
        )
    })?;
    let deploys = state.apps.iter().filter(|a| a.template_id == t.id).count();
    Ok(Reply::ok(&json!({
        "category": t.category,
        "create_time": t.created_ms,
        "deploy_count": deploys,
        "description": t.description.0,
        "image": "",
        "name": t.name,
        "params": "",
        "resources": [{
            "href": "/functiongraph/#/serverless/functionList",
            "icon": "",
            "resource_name": "FunctionGraph",
        }],
        "runtime": t.runtime,
        "template_guide": t.guide,
        "update_time": t.created_ms,
        "version": t.version,
    })))
}

/// The CreateFunction body of one function of an application.
fn create_function_body(app: &str, f: &crate::runtime::catalog::AppFunction) -> Vec<u8> {
    json!({
        "func_name": format!("{app}-{}", f.suffix),
        "package": APP_PACKAGE,
        "runtime": f.runtime,
        "handler": f.handler,
        "memory_size": f.memory_size,
        "timeout": f.timeout,
        "code_type": "inline",
        "func_code": {"file": BASE64.encode(f.code)},
        "description": format!("created by the application `{app}`"),
    })
    .to_string()
    .into_bytes()
}

/// `POST /applications`: `name` (1–60 letters, digits, `-`, `_`, starting with a
/// letter) and `template_id` required; creates the template's functions
/// (`{name}-{suffix}`, package `default`) as CreateFunction would, all or none.
pub(crate) fn create(state: &mut State, ctx: &Ctx<'_>, body: &[u8]) -> Result<Reply, ApiError> {
    let body = object_body(body, false)?;
    let name = req_str(&body, "name")?;
    let template_id = req_str(&body, "template_id")?;
    let description = opt_description(&body)?.unwrap_or_default().to_owned();
    for optional in ["agency_name", "enterprise_project_id"] {
        opt_str(&body, optional)?;
    }
    opt_object(&body, "params")?;
    let valid_name = name.len() <= MAX_APP_NAME
        && name.starts_with(|c: char| c.is_ascii_alphabetic())
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if !valid_name {
        return Err(ApiError::invalid(
            "name",
            "1 to 60 letters, digits, `-` or `_`, starting with a letter",
        ));
    }
    let template = app_template(template_id).ok_or_else(|| {
        ApiError::not_found(
            code::NOT_FOUND,
            format!("the application template `{template_id}` does not exist"),
        )
    })?;
    if state.apps.iter().any(|a| a.name == name) {
        return Err(ApiError::conflict(
            code::ALREADY_EXISTS,
            format!("the application `{name}` already exists"),
        ));
    }
    let mut created = Vec::new();
    for function in template.functions {
        match super::functions::create(state, ctx, &create_function_body(name, function)) {
            Ok(_) => created.push((
                APP_PACKAGE.to_owned(),
                format!("{name}-{}", function.suffix),
            )),
            Err(error) => {
                // All or none: what this application created so far goes again.
                for (package, function) in &created {
                    state.remove(package, function);
                }
                return Err(error);
            }
        }
    }
    let id = uuid::Uuid::new_v4().to_string();
    state.apps.push(AppRecord {
        id: id.clone(),
        name: name.to_owned(),
        description,
        template_id: template.id.to_owned(),
        functions: created,
        stack_id: uuid::Uuid::new_v4().to_string(),
        last_modified_ms: epoch_ms(ctx.now),
    });
    Ok(Reply::ok(&json!({ "application_id": id })))
}

fn app_of<'s>(state: &'s State, id: &str) -> Result<&'s AppRecord, ApiError> {
    state.apps.iter().find(|a| a.id == id).ok_or_else(|| {
        ApiError::not_found(
            code::NOT_FOUND,
            format!("the application `{id}` does not exist"),
        )
    })
}

/// `GET /applications?marker=&limit=` (limit default 100, at most 500), oldest first.
pub(crate) fn list(state: &State, query: &[(String, String)]) -> Result<Reply, ApiError> {
    let page = Page::with_limit(query, 100, 500, false)?;
    let page = page.apply(&state.apps);
    let applications: Vec<Value> = page
        .items
        .iter()
        .map(|a| {
            json!({
                "description": a.description,
                "id": a.id,
                "last_modified_time": a.last_modified_ms,
                "name": a.name,
                "status": "success",
            })
        })
        .collect();
    Ok(Reply::ok(&json!({
        "applications": applications,
        "count": page.count,
        "next_marker": page.next_marker,
    })))
}

/// `GET /applications/{id}`: the application, its stack, and as `stack_resources` (one
/// object, as the API defines it) its first function that still exists.
pub(crate) fn get(state: &State, ctx: &Ctx<'_>, id: &str) -> Result<Reply, ApiError> {
    let app = app_of(state, id)?;
    let resource = app
        .functions
        .iter()
        .find_map(|(package, name)| state.get(package, name))
        .map(|f| {
            json!({
                "display_name": "FunctionGraph",
                "href": format!("/functiongraph/?region={}#/serverless/functions/{}", ctx.site.region, f.name),
                "logical_resource_name": f.name,
                "logical_resource_type": "huaweicloud_fgs_function",
                "physical_resource_id": f.func_id,
                "physical_resource_name": f.name,
                "resource_status": "CREATION_COMPLETE",
                "status_message": "",
            })
        });
    Ok(Reply::ok(&json!({
        "apig_url": "",
        "description": app.description,
        "last_modified_time": app.last_modified_ms,
        "name": app.name,
        "pipeline_id": "",
        "project_id": ctx.site.project_id,
        "repo": {},
        "repo_name": "",
        "stack_id": app.stack_id,
        "stack_name": format!("{}-stack", app.name),
        "stack_resources": resource,
        "status": "success",
    })))
}

/// `DELETE /applications/{id}`: removes the application and the functions it created
/// (those still there); 200 with no body.
pub(crate) fn delete(state: &mut State, id: &str) -> Result<Reply, ApiError> {
    app_of(state, id)?;
    let at = state.apps.iter().position(|a| a.id == id);
    if let Some(app) = at.map(|i| state.apps.remove(i)) {
        for (package, name) in &app.functions {
            state.remove(package, name);
        }
    }
    Ok(Reply::bytes(
        http::StatusCode::OK,
        "application/json",
        Vec::new(),
    ))
}

fn function_template_json(t: &FunctionTemplate) -> Value {
    let triggers: Vec<Value> = t
        .triggers
        .iter()
        .map(|(kind, name, event_type)| {
            json!({"event_data": "", "event_type": event_type, "trigger_name": name, "trigger_type": kind})
        })
        .collect();
    json!({
        "code": t.code,
        "code_type": "inline",
        "dependencies": [],
        "description": t.description,
        "encrypted_user_data": "",
        "handler": t.handler,
        "id": t.id,
        "memory_size": t.memory_size,
        "runtime": t.runtime,
        "scene": t.scene,
        "service": t.service,
        "temp_detail": {"input": t.input, "output": t.output, "warning": ""},
        "template_name": t.template_name,
        "timeout": t.timeout,
        "title": t.title,
        "trigger_metadata_list": triggers,
        "type": 1,
        "user_data": "",
    })
}

/// `GET /templates?marker=&maxitems=&ispublic=&runtime=&scene=&service=`: the built-in
/// templates are all public, so `ispublic=false` finds none.
pub(crate) fn list_function_templates(query: &[(String, String)]) -> Result<Reply, ApiError> {
    let page = Page::from_query(query)?;
    let public = match query_value(query, "ispublic") {
        None | Some("") => None,
        Some(v) if v.eq_ignore_ascii_case("true") => Some(true),
        Some(v) if v.eq_ignore_ascii_case("false") => Some(false),
        Some(other) => {
            return Err(ApiError::bad_request(
                code::QUERY_PARAMETER,
                format!("ispublic `{other}` is not true or false"),
            ));
        }
    };
    let runtime = filter(query, "runtime");
    let scene = filter(query, "scene");
    let service = filter(query, "service");
    let matching: Vec<&FunctionTemplate> = FUNCTION_TEMPLATES
        .iter()
        .filter(|_| public != Some(false))
        .filter(|t| runtime.is_none_or(|r| t.runtime == r))
        .filter(|t| scene.is_none_or(|s| t.scene == s))
        .filter(|t| service.is_none_or(|s| t.service == s))
        .collect();
    let page = page.apply(&matching);
    let templates: Vec<Value> = page
        .items
        .iter()
        .map(|t| function_template_json(t))
        .collect();
    Ok(Reply::ok(&json!({
        "func_templates": templates,
        "next_marker": page.next_marker,
    })))
}

/// `GET /templates/{template_id}`; 404 `FSS.1059` for an unknown id.
pub(crate) fn get_function_template(id: &str) -> Result<Reply, ApiError> {
    function_template(id)
        .map(|t| Reply::ok(&function_template_json(t)))
        .ok_or_else(|| {
            ApiError::not_found(
                code::TEMPLATE_NOT_FOUND,
                "The function template does not exist.",
            )
        })
}
