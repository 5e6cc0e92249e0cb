//! Export — `GET /v2/{project_id}/fgs/functions/{function_urn}/export` (official name
//! ExportFunction).

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use http::{Method, Request, Response};
use serde_json::Value;

use crate::body::Body;
use crate::code::CodePackage;
use crate::config::Config;
use crate::error::{DecodeError, Error};
use crate::model::macros::open_enum;
use crate::operation::Operation;
use crate::request::RequestBuilder;
use crate::response;
use crate::text::snippet;

open_enum! {
    /// What [`Export`] packs when asked with `type` (which the service does not let
    /// mix with `code` / `config`).
    pub enum ExportType {
        /// The code only.
        Code = "code",
        /// The configuration only.
        Config = "config",
    }
}

/// Exports a function as a package for [`Import`](super::Import): by default (`code=true`
/// and `config=true`) a zip of the function's code and its configuration. 404
/// `FSS.1051` for an unknown function.
///
/// The API reference documents no schema for the answer; its example is the zip
/// base64-encoded. [`ExportOutput`] reads every form an answer can take: the zip's bytes
/// as they are, the zip base64-encoded (bare or as a JSON string), or a JSON document
/// (which may carry a download link instead). Anything else is a
/// [`Error::Decode`]. The answer is bounded by the client's response size limit (the
/// service exports at most 50 MiB).
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, functions::Export};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = Export::new("urn:fss:r:p1:function:default:hello:latest");
/// let request = op.request(&config)?;
/// assert_eq!(request.method(), "GET");
/// assert_eq!(request.uri().query(), Some("config=true&code=true"));
/// // The zip, base64-encoded (here an empty archive).
/// let response = http::Response::builder().status(200).body("UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==")?;
/// let package = op.response(response)?;
/// assert_eq!(&package.package().unwrap()[..4], b"PK\x05\x06");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Export {
    function_urn: String,
    config: Option<bool>,
    code: Option<bool>,
    kind: Option<ExportType>,
}

impl Export {
    /// Exports the code and the configuration of `function_urn` (`code=true&config=true`),
    /// the package [`Import`](super::Import) takes.
    pub fn new(function_urn: impl Into<String>) -> Self {
        Export {
            function_urn: function_urn.into(),
            config: Some(true),
            code: Some(true),
            kind: None,
        }
    }

    /// Whether to export the configuration (`config`).
    pub fn config(mut self, config: bool) -> Self {
        self.config = Some(config);
        self
    }

    /// Whether to export the code (`code`).
    pub fn code(mut self, code: bool) -> Self {
        self.code = Some(code);
        self
    }

    /// Exports one part by `type` instead, dropping `code` and `config` (the service
    /// refuses a mix).
    pub fn kind(mut self, kind: ExportType) -> Self {
        self.kind = Some(kind);
        self.code = None;
        self.config = None;
        self
    }

    /// The URN exported.
    pub fn function_urn(&self) -> &str {
        &self.function_urn
    }
}

/// An export: the package, or a JSON document when the service answers with one (a
/// download link, say).
#[derive(Clone, PartialEq)]
#[non_exhaustive]
pub enum ExportOutput {
    /// The package's bytes (a zip), decoded from base64 when it came encoded.
    Package(Vec<u8>),
    /// A JSON object in place of the package.
    Document(serde_json::Map<String, Value>),
}

impl ExportOutput {
    /// The package's bytes, when the answer carried them.
    pub fn package(&self) -> Option<&[u8]> {
        match self {
            ExportOutput::Package(bytes) => Some(bytes),
            ExportOutput::Document(_) => None,
        }
    }

    /// The package, ready for [`Import::new`](super::Import::new).
    pub fn into_package(self) -> Option<CodePackage> {
        match self {
            ExportOutput::Package(bytes) => Some(CodePackage::new(bytes)),
            ExportOutput::Document(_) => None,
        }
    }

    /// The JSON document, when the answer was one.
    pub fn document(&self) -> Option<&serde_json::Map<String, Value>> {
        match self {
            ExportOutput::Document(map) => Some(map),
            ExportOutput::Package(_) => None,
        }
    }

    /// The first `http(s)://` string of the document, taken as a download link.
    pub fn link(&self) -> Option<&str> {
        self.document()?.values().find_map(|value| {
            value
                .as_str()
                .filter(|s| s.starts_with("https://") || s.starts_with("http://"))
        })
    }
}

/// The package's size, not its bytes.
impl std::fmt::Debug for ExportOutput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExportOutput::Package(bytes) => write!(f, "Package({} bytes)", bytes.len()),
            ExportOutput::Document(map) => f.debug_tuple("Document").field(map).finish(),
        }
    }
}

/// Whether `bytes` start as a zip archive does.
fn is_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06")
}

/// Reads an export answer's body (see [`Export`]); `Err(why)` when it is none of the
/// forms.
fn read_export(body: &[u8]) -> Result<ExportOutput, String> {
    if is_zip(body) {
        return Ok(ExportOutput::Package(body.to_vec()));
    }
    let text = body.trim_ascii();
    if text.is_empty() {
        return Err("expected the exported package, got an empty body".to_owned());
    }
    match serde_json::from_slice::<Value>(text) {
        Ok(Value::Object(map)) => return Ok(ExportOutput::Document(map)),
        Ok(Value::String(encoded)) => {
            return decode_package(encoded.trim().as_bytes());
        }
        Ok(_) => return Err("expected a package or a JSON object".to_owned()),
        Err(_) => {}
    }
    decode_package(text)
}

/// The base64 `text`, decoded, which must be a zip.
fn decode_package(text: &[u8]) -> Result<ExportOutput, String> {
    let bytes = STANDARD
        .decode(text)
        .map_err(|e| format!("neither a zip nor base64 of one: {e}"))?;
    if !is_zip(&bytes) {
        return Err("the base64 body does not decode to a zip archive".to_owned());
    }
    Ok(ExportOutput::Package(bytes))
}

fn flag(value: Option<bool>) -> Option<&'static str> {
    value.map(|v| if v { "true" } else { "false" })
}

impl Operation for Export {
    type Output = ExportOutput;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        if self.kind.is_none() && self.code != Some(true) && self.config != Some(true) {
            return Err(Error::invalid_input(
                "code",
                "export the code, the configuration, or both (or set a type)",
            ));
        }
        RequestBuilder::new(config, Method::GET)
            .path("functions")
            .param("function_urn", &self.function_urn)?
            .path("export")
            .query("config", flag(self.config))
            .query("code", flag(self.code))
            .query("type", self.kind.as_ref().map(ExportType::as_str))
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<ExportOutput, Error> {
        response::check_status(&response)?;
        let body = response.body().as_ref();
        read_export(body).map_err(|message| {
            DecodeError {
                status: response.status(),
                path: ".".to_owned(),
                message,
                snippet: snippet(body, 200),
                request_id: response::request_id(response.headers()),
            }
            .into()
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const EMPTY_ZIP: &[u8] = b"PK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0";

    #[test]
    fn every_form_of_the_package_reads() {
        let encoded = STANDARD.encode(EMPTY_ZIP);
        for body in [
            EMPTY_ZIP.to_vec(),
            encoded.clone().into_bytes(),
            format!("\"{encoded}\"\n").into_bytes(),
            format!("  {encoded}\r\n").into_bytes(),
        ] {
            let out = read_export(&body).unwrap();
            assert_eq!(out.package(), Some(EMPTY_ZIP));
            assert_eq!(format!("{out:?}"), "Package(22 bytes)");
        }
        let doc = read_export(br#"{"name":"x","url":"https://obs.example/f.zip"}"#).unwrap();
        assert_eq!(doc.link(), Some("https://obs.example/f.zip"));
        assert_eq!(doc.package(), None);
        assert!(doc.into_package().is_none());
    }

    #[test]
    fn what_is_no_package_is_refused() {
        for body in [
            &b""[..],
            b"   ",
            b"[1,2]",
            b"null",
            b"\"not base64!\"",
            b"aGVsbG8=",
            b"\xff\xfe",
        ] {
            assert!(read_export(body).is_err(), "{body:?}");
        }
    }

    #[test]
    fn requests_say_what_to_export() {
        let config =
            Config::new("http://127.0.0.1:9", "p1", crate::Credentials::token("T")).unwrap();
        let op = Export::new("default:f").kind(ExportType::Code);
        assert_eq!(
            op.request(&config).unwrap().uri().query(),
            Some("type=code")
        );
        let nothing = Export::new("default:f").code(false).config(false);
        assert!(matches!(
            nothing.request(&config),
            Err(Error::InvalidInput(_))
        ));
    }
}
