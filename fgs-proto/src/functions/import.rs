//! Import — `POST /v2/{project_id}/fgs/functions/import` (official name ImportFunction).

use http::{Method, Request, Response};

use crate::body::Body;
use crate::code::CodePackage;
use crate::code::body::json_with_base64_field;
use crate::config::Config;
use crate::error::Error;
use crate::model::Function;
use crate::model::macros::request_body;
use crate::operation::Operation;
use crate::request::RequestBuilder;
use crate::response;

use super::setters::body_setters;

/// Largest package ImportFunction and ExportFunction move: 50 MiB of zip (before
/// base64). Not a quota the service raises.
pub const MAX_IMPORT_PACKAGE_LEN: usize = 50 * 1024 * 1024;

/// What goes before the base64 digits of an uploaded package.
const FILE_CODE_OPEN: &[u8] = br#""file_code":""#;

request_body! {
    /// The body of [`Import`]: every field of the OAS `ImportFunctionRequestBody`.
    /// `file_code` is required by the service; a [`CodePackage`] given to
    /// [`Import::new`] fills it while the request is written.
    pub struct ImportBody {
        required {
            /// The file name of the package (`hello.zip`).
            pub file_name: String,
            /// The file type (`zip`).
            pub file_type: String,
            /// The name the imported function gets.
            pub func_name: String,
        }
        optional {
            /// The package, base64-encoded. Prefer [`Import::new`]'s package, which is
            /// encoded straight into the request body.
            pub file_code: Option<String>,
            /// The application (package) the function joins; the service's default is
            /// `default`.
            pub package: Option<String>,
        }
    }
}

/// Creates a function from a package that [`Export`](super::Export) produced: a zip
/// holding the function's code and its configuration. Answers the new function; 409
/// `FSS.1061` when a function of that name exists in the package.
///
/// The package travels base64-encoded inside the JSON body, encoded a chunk at a time
/// while the body is produced (as code uploads are). It must be a zip (the request fails
/// with [`Error::InvalidInput`] otherwise) of at most [`MAX_IMPORT_PACKAGE_LEN`] bytes.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation};
/// use fgs_proto::code::CodePackage;
/// use fgs_proto::functions::Import;
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let zip = CodePackage::from_files([("hello.yaml", "{}")])?;
/// let op = Import::new("hello", "hello.zip", zip.clone()).package("default");
/// let request = op.request(&config)?;
/// assert_eq!(request.method(), "POST");
/// assert_eq!(request.uri().path(), "/v2/p1/fgs/functions/import");
/// let body: serde_json::Value = serde_json::from_slice(&request.body().to_bytes())?;
/// assert_eq!(body["func_name"], "hello");
/// assert_eq!(body["file_type"], "zip");
/// use base64::Engine as _;
/// let file = body["file_code"].as_str().unwrap();
/// assert_eq!(base64::engine::general_purpose::STANDARD.decode(file)?, zip.as_bytes());
///
/// let response = http::Response::builder().status(200).body(
///     r#"{"func_name":"hello","func_urn":"urn:fss:r:p1:function:default:hello","runtime":"Python3.9"}"#,
/// )?;
/// assert_eq!(op.response(response)?.func_name.as_deref(), Some("hello"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Import {
    body: ImportBody,
    package: Option<CodePackage>,
}

impl Import {
    /// Imports the zip `package` (named `file_name`) as the function `func_name`.
    pub fn new(
        func_name: impl Into<String>,
        file_name: impl Into<String>,
        package: CodePackage,
    ) -> Self {
        Import {
            body: ImportBody {
                file_name: file_name.into(),
                file_type: "zip".to_owned(),
                func_name: func_name.into(),
                file_code: None,
                package: None,
                extra: serde_json::Map::new(),
            },
            package: Some(package),
        }
    }

    /// Imports a package already base64-encoded (`file_code` as the service takes it).
    pub fn from_base64(
        func_name: impl Into<String>,
        file_name: impl Into<String>,
        file_code: impl Into<String>,
    ) -> Self {
        let mut op = Import::new(func_name, file_name, CodePackage::new(Vec::new()));
        op.package = None;
        op.body.file_code = Some(file_code.into());
        op
    }

    /// The file type (default `zip`, the only one the service documents).
    pub fn file_type(mut self, file_type: impl Into<String>) -> Self {
        self.body.file_type = file_type.into();
        self
    }

    /// The body (without the package, which is kept apart until the request is
    /// written).
    pub fn body(&self) -> &ImportBody {
        &self.body
    }

    /// The body, for direct access to every field.
    pub fn body_mut(&mut self) -> &mut ImportBody {
        &mut self.body
    }

    /// The package uploaded in `file_code`, if one was given.
    pub fn code_package(&self) -> Option<&CodePackage> {
        self.package.as_ref()
    }
}

body_setters!(Import => ImportBody { package: String });

/// Fails unless `bytes` start as a zip archive does (a local file header, or the end
/// record of an empty archive) and fit [`MAX_IMPORT_PACKAGE_LEN`].
fn check_zip(bytes: &[u8]) -> Result<(), Error> {
    if bytes.len() > MAX_IMPORT_PACKAGE_LEN {
        return Err(Error::invalid_input(
            "file_code",
            format!(
                "the package is {} bytes; FunctionGraph imports at most \
                 {MAX_IMPORT_PACKAGE_LEN} (50 MiB)",
                bytes.len()
            ),
        ));
    }
    if !(bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")) {
        return Err(Error::invalid_input(
            "file_code",
            "is not a zip archive (ImportFunction takes the zip ExportFunction produces)",
        ));
    }
    Ok(())
}

impl Operation for Import {
    type Output = Function;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        let body = match (&self.package, &self.body.file_code) {
            (Some(_), Some(_)) => {
                return Err(Error::invalid_input(
                    "file_code",
                    "is set in the body and as a package; give one",
                ));
            }
            (None, None) => return Err(Error::invalid_input("file_code", "is required")),
            (Some(package), None) => {
                check_zip(package.as_bytes())?;
                json_with_base64_field(&self.body, Some(package), FILE_CODE_OPEN)?
            }
            (None, Some(_)) => json_with_base64_field(&self.body, None, FILE_CODE_OPEN)?,
        };
        RequestBuilder::new(config, Method::POST)
            .path("functions")
            .path("import")
            .body(body)
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<Function, Error> {
        response::json(&response)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Credentials;

    fn config() -> Config {
        Config::new("http://127.0.0.1:9", "p1", Credentials::token("T")).unwrap()
    }

    #[test]
    fn bad_packages_are_typed_errors() {
        let not_zip = Import::new("f", "f.zip", CodePackage::new(b"hello".to_vec()));
        match not_zip.request(&config()) {
            Err(Error::InvalidInput(e)) => assert_eq!(e.field(), "file_code"),
            other => panic!("{other:?}"),
        }
        let mut both = Import::new("f", "f.zip", CodePackage::new(b"PK\x05\x06".to_vec()));
        both.body_mut().file_code = Some("UEs=".into());
        assert!(matches!(
            both.request(&config()),
            Err(Error::InvalidInput(_))
        ));
        let mut neither = Import::from_base64("f", "f.zip", "UEs=");
        neither.body_mut().file_code = None;
        assert!(matches!(
            neither.request(&config()),
            Err(Error::InvalidInput(_))
        ));
        let big = vec![0u8; MAX_IMPORT_PACKAGE_LEN + 1];
        assert!(check_zip(&big).unwrap_err().to_string().contains("50 MiB"));
    }

    #[test]
    fn a_base64_package_is_sent_as_given() {
        let op = Import::from_base64("f", "f.zip", "UEsFBg==");
        let body = op.request(&config()).unwrap().body().to_bytes();
        let value: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(value["file_code"], "UEsFBg==");
        assert_eq!(op.code_package(), None);
    }
}
