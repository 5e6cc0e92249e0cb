//! What a handler answers before it becomes an `http::Response`.

use bytes::Bytes;
use http::header::{CONTENT_TYPE, HeaderName, HeaderValue};
use http::{HeaderMap, StatusCode};
use serde_json::Value;

use crate::api::api_error::ApiError;

pub(crate) const APPLICATION_JSON: &str = "application/json";

/// Status, headers and body of an answer.
#[derive(Debug)]
pub(crate) struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl Reply {
    /// A JSON answer.
    pub(crate) fn json(status: StatusCode, value: &Value) -> Self {
        // Serializing a `Value` cannot fail: its map keys are always strings.
        let body = serde_json::to_vec(value).unwrap_or_default();
        Reply::bytes(status, APPLICATION_JSON, body)
    }

    /// 200 with a JSON body.
    pub(crate) fn ok(value: &Value) -> Self {
        Reply::json(StatusCode::OK, value)
    }

    /// An answer with a body of the given content type.
    pub(crate) fn bytes(
        status: StatusCode,
        content_type: &'static str,
        body: impl Into<Bytes>,
    ) -> Self {
        let mut headers = HeaderMap::new();
        headers.insert(CONTENT_TYPE, HeaderValue::from_static(content_type));
        Reply {
            status,
            headers,
            body: body.into(),
        }
    }

    /// 204 without a body.
    pub(crate) fn no_content() -> Self {
        Reply {
            status: StatusCode::NO_CONTENT,
            headers: HeaderMap::new(),
            body: Bytes::new(),
        }
    }

    /// Adds a header (any case; names go out lowercase). A value that is not a valid
    /// header value is left out rather than failing the answer.
    pub(crate) fn header(mut self, name: &str, value: &str) -> Self {
        if let (Ok(name), Ok(value)) = (
            HeaderName::from_bytes(name.as_bytes()),
            HeaderValue::from_str(value),
        ) {
            self.headers.insert(name, value);
        }
        self
    }
}

impl From<ApiError> for Reply {
    fn from(error: ApiError) -> Self {
        Reply::json(error.status, &error.body())
    }
}
