//! Get — `GET /v2/{project_id}/fgs/templates/{template_id}` (official name
//! ShowFunctionTemplate).

use http::{Request, Response};

use super::templates;
use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::macros::{accessors, model};
use crate::operation::Operation;
use crate::response;

model! {
    /// What a template's function takes and gives (the API's `TempDetail`).
    pub struct TemplateDetail {
        /// Its input.
        pub input: Option<String>,
        /// Its output.
        pub output: Option<String>,
        /// What to set up before using it.
        pub warning: Option<String>,
    }
}

accessors!(TemplateDetail { str input, str output, str warning });

model! {
    /// A trigger a template comes with (the API's `TriggerMetadataList`).
    pub struct TemplateTrigger {
        /// The trigger's event data.
        pub event_data: Option<String>,
        /// The event type.
        pub event_type: Option<String>,
        /// The trigger's name.
        pub trigger_name: Option<String>,
        /// The trigger type (`APIG`, `TIMER`, …).
        pub trigger_type: Option<String>,
    }
}

accessors!(TemplateTrigger {
    str event_data,
    str event_type,
    str trigger_name,
    str trigger_type,
});

model! {
    /// A function template (the API's `ShowFunctionTemplateResponseBody`).
    pub struct FunctionTemplate {
        /// The code (inline source, or where it is).
        pub code: Option<String>,
        /// How the code is given (`inline`, `zip`, `obs`, …).
        pub code_type: Option<String>,
        /// The dependencies it needs.
        pub dependencies: Option<Vec<String>>,
        /// Its description.
        pub description: Option<String>,
        /// Encrypted user data for the function.
        pub encrypted_user_data: Option<String>,
        /// The function's handler.
        pub handler: Option<String>,
        /// Its id.
        pub id: Option<String>,
        /// The function's memory, MB.
        pub memory_size: Option<i64>,
        /// The function's runtime (`Python3.9`, `PHP7.3`, …).
        pub runtime: Option<String>,
        /// Its use case (`basic_function_usage`, …).
        pub scene: Option<String>,
        /// The cloud service it works with.
        pub service: Option<String>,
        /// What the function takes and gives.
        pub temp_detail: Option<TemplateDetail>,
        /// Its name.
        pub template_name: Option<String>,
        /// The function's timeout, seconds.
        pub timeout: Option<i64>,
        /// Its title.
        pub title: Option<String>,
        /// The triggers it comes with.
        pub trigger_metadata_list: Option<Vec<TemplateTrigger>>,
        /// Its type.
        #[wire = "type"]
        pub kind: Option<i64>,
        /// User data for the function.
        pub user_data: Option<String>,
    }
}

accessors!(FunctionTemplate {
    str code,
    str code_type,
    slice dependencies: String,
    str description,
    str encrypted_user_data,
    str handler,
    str id,
    copy memory_size: i64,
    str runtime,
    str scene,
    str service,
    ref temp_detail: TemplateDetail,
    str template_name,
    copy timeout: i64,
    str title,
    slice trigger_metadata_list: TemplateTrigger,
    copy kind: i64,
    str user_data,
});

/// One function template, with its code.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, templates::Get};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = Get::new("d3aa6e4c");
/// assert_eq!(op.request(&config)?.uri().path(), "/v2/p1/fgs/templates/d3aa6e4c");
/// let response = http::Response::builder().status(200).body(
///     r#"{"id":"d3aa6e4c","handler":"index.handler","runtime":"Python3.9","memory_size":256,"type":1}"#,
/// )?;
/// let template = op.response(response)?;
/// assert_eq!((template.handler(), template.memory_size()), (Some("index.handler"), Some(256)));
/// assert_eq!(template.kind(), Some(1));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Get {
    template_id: String,
}

impl Get {
    /// The function template `template_id`.
    pub fn new(template_id: impl Into<String>) -> Self {
        Get {
            template_id: template_id.into(),
        }
    }
}

impl Operation for Get {
    type Output = FunctionTemplate;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        templates(config)
            .param("template_id", &self.template_id)?
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<FunctionTemplate, Error> {
        response::json(&response)
    }
}
