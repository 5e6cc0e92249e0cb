//! CreateVersion — `POST /v2/{project_id}/fgs/dependencies/version`
//! (official name CreateDependencyVersion).

use base64::Engine as _;
use http::{Method, Request, Response};

use crate::body::Body;
use crate::code::CodePackage;
use crate::config::Config;
use crate::error::Error;
use crate::functions::setters::body_setters;
use crate::model::macros::{open_enum, request_body};
use crate::model::{Dependency, Runtime};
use crate::operation::Operation;
use crate::request::RequestBuilder;
use crate::response;

open_enum! {
    /// How a dependency version's package is supplied (`depend_type`).
    pub enum DependType {
        /// A zip, base64-encoded in `depend_file`.
        Zip = "zip",
        /// A zip in OBS at `depend_link`.
        Obs = "obs",
    }
}

request_body! {
    /// The body of [`CreateVersion`]: every field of the OAS
    /// `CreateDependencyRequestBody`.
    pub struct CreateVersionBody {
        required {
            /// How the package is supplied.
            pub depend_type: DependType,
            /// Dependency name: up to 96 letters, digits, `_`, `.` or `-`, starting with
            /// a letter and ending with a letter or digit. A new name creates the
            /// dependency; an existing one adds a version to it.
            pub name: String,
            /// The runtime the dependency is for.
            pub runtime: Runtime,
        }
        optional {
            /// The zip, base64-encoded, for `depend_type` `zip` (up to 40 MB; larger
            /// packages go through OBS).
            pub depend_file: Option<String>,
            /// OBS URL of the zip, for `depend_type` `obs`.
            pub depend_link: Option<String>,
            /// Description, at most 512 characters.
            pub description: Option<String>,
        }
    }
}

/// Publishes a new version of a dependency (creating the dependency on its first
/// version). Returns the version: its `id` is what functions list in
/// `depend_version_list`, `dep_id` the dependency's id.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation};
/// use fgs_proto::code::CodePackage;
/// use fgs_proto::dependencies::CreateVersion;
/// use fgs_proto::model::Runtime;
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let zip = CodePackage::from_files([("python/greeting.py", "WORD = 'hi'\n")])?;
/// let op = CreateVersion::zip("greeting", Runtime::Python39, &zip).description("shared words");
/// let request = op.request(&config)?;
/// assert_eq!(request.uri().path(), "/v2/p1/fgs/dependencies/version");
/// let body: serde_json::Value = serde_json::from_slice(&request.body().to_bytes())?;
/// assert_eq!(body["depend_type"], "zip");
/// assert!(body["depend_file"].as_str().unwrap().starts_with("UEsDB"));
///
/// let response = http::Response::builder().status(200).body(
///     r#"{"id":"v-1","dep_id":"d-1","name":"greeting","version":1,"runtime":"Python3.9"}"#,
/// )?;
/// let version = op.response(response)?;
/// assert_eq!(version.id.as_deref(), Some("v-1"));
/// assert_eq!(version.runtime, Some(Runtime::Python39));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct CreateVersion {
    body: CreateVersionBody,
}

impl CreateVersion {
    /// A version of dependency `name` for `runtime`, supplied as `depend_type`; set
    /// `depend_file` or `depend_link` to match (or use [`zip`](Self::zip),
    /// [`obs`](Self::obs)).
    pub fn new(name: impl Into<String>, runtime: Runtime, depend_type: DependType) -> Self {
        CreateVersion {
            body: CreateVersionBody {
                depend_type,
                name: name.into(),
                runtime,
                depend_file: None,
                depend_link: None,
                description: None,
                extra: serde_json::Map::new(),
            },
        }
    }

    /// A version whose package is `package`, sent base64-encoded.
    pub fn zip(name: impl Into<String>, runtime: Runtime, package: &CodePackage) -> Self {
        let file = base64::engine::general_purpose::STANDARD.encode(package.as_bytes());
        CreateVersion::new(name, runtime, DependType::Zip).depend_file(file)
    }

    /// A version whose package is the zip at OBS URL `link`.
    pub fn obs(name: impl Into<String>, runtime: Runtime, link: impl Into<String>) -> Self {
        CreateVersion::new(name, runtime, DependType::Obs).depend_link(link)
    }

    /// The body.
    pub fn body(&self) -> &CreateVersionBody {
        &self.body
    }

    /// The body, for direct access to every field.
    pub fn body_mut(&mut self) -> &mut CreateVersionBody {
        &mut self.body
    }
}

body_setters!(CreateVersion => CreateVersionBody {
    depend_file: String,
    depend_link: String,
    description: String,
});

impl Operation for CreateVersion {
    type Output = Dependency;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn idempotent(&self) -> bool {
        false
    }

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        RequestBuilder::new(config, Method::POST)
            .path("dependencies")
            .path("version")
            .json(&self.body)?
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<Dependency, Error> {
        response::json(&response)
    }
}
