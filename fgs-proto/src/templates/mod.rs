//! Function templates: the service's catalogue of ready-made single functions (code,
//! handler, runtime, memory, triggers), to start a function from.
//!
//! The official API has no Go SDK counterpart; the types are named in the style of
//! [`functions`](crate::functions): `templates::List` (ListFunctionTemplate) and
//! `templates::Get` (ShowFunctionTemplate). Templates of whole applications are in
//! [`apps`](crate::apps).

mod get;
mod list;

pub use get::{FunctionTemplate, Get, TemplateDetail, TemplateTrigger};
pub use list::{List, ListOutput};

use http::Method;

use crate::config::Config;
use crate::request::RequestBuilder;

/// `…/fgs/templates`.
fn templates(config: &Config) -> RequestBuilder {
    let mut builder = RequestBuilder::new(config, Method::GET);
    builder.path("templates");
    builder
}
