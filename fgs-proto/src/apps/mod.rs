//! Function applications and the templates they are created from: an application is a
//! set of functions (and the resources around them) deployed together from an
//! application template.
//!
//! The official API has no Go SDK counterpart; the types are named in the style of
//! [`functions`](crate::functions): `apps::ListTemplates` (ListAppTemplates),
//! `apps::GetTemplate` (ShowAppTemplate), `apps::Create` (CreateFunctionApp),
//! `apps::List` (ListFunctionApplications), `apps::Get` (ShowFunctionApp) and
//! `apps::Delete` (DeleteFunctionApp). Templates for a single function are in
//! [`templates`](crate::templates).

mod create;
mod delete;
mod get;
mod get_template;
mod list;
mod list_templates;

pub use create::{Create, CreateBody, CreateOutput};
pub use delete::Delete;
pub use get::{App, Get, RepoInfo, StackResource};
pub use get_template::{AppTemplateDetail, AppTemplateResource, GetTemplate};
pub use list::{AppSummary, List, ListOutput};
pub use list_templates::{AppTemplate, ListTemplates, ListTemplatesOutput};

use http::Method;

use crate::config::Config;
use crate::request::RequestBuilder;

/// `…/fgs/applications`.
fn applications(config: &Config, method: Method) -> RequestBuilder {
    let mut builder = RequestBuilder::new(config, method);
    builder.path("applications");
    builder
}

/// `…/fgs/application/templates`.
fn app_templates(config: &Config) -> RequestBuilder {
    let mut builder = RequestBuilder::new(config, Method::GET);
    builder.path("application").path("templates");
    builder
}
