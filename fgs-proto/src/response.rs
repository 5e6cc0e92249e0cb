//! Classifying a response: success, service error, or an answer we cannot read.
//!
//! Every operation's `response` goes through [`check_status`] and then one of the body
//! decoders here, so all operations treat error bodies, request ids and undecodable
//! bodies the same way.

use http::header::AsHeaderName;
use http::{HeaderMap, HeaderName, Response, StatusCode};
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::error::{DecodeError, Error, ServiceError};
use crate::text::{MAX_ERROR_TEXT, clean, snippet};

/// Response headers that carry a request id, in order of preference. `HeaderName`s, so
/// that looking them up does not parse the names again.
const REQUEST_ID_HEADERS: [HeaderName; 3] = [
    HeaderName::from_static("x-request-id"),
    HeaderName::from_static("x-cff-request-id"),
    HeaderName::from_static("x-apig-request-id"),
];

/// The request id from the headers, if any.
pub(crate) fn request_id(headers: &HeaderMap) -> Option<String> {
    REQUEST_ID_HEADERS
        .iter()
        .find_map(|name| header_text(headers, name))
        .map(|id| clean(id, MAX_ERROR_TEXT))
}

/// The value of header `name` as trimmed text; `None` if absent, empty or not visible
/// ASCII.
pub(crate) fn header_text(headers: &HeaderMap, name: impl AsHeaderName) -> Option<&str> {
    headers
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::trim)
        .filter(|v| !v.is_empty())
}

/// `Ok(())` for any 2xx status; otherwise the body read as a [`ServiceError`].
pub(crate) fn check_status<B: AsRef<[u8]>>(response: &Response<B>) -> Result<(), Error> {
    if response.status().is_success() {
        Ok(())
    } else {
        Err(service_error(
            response.status(),
            response.headers(),
            response.body().as_ref(),
        )
        .into())
    }
}

/// Reads an error answer leniently: FSS/APIGW `{"error_code","error_msg"}`,
/// `{"code","message"}`, `{"errorCode","errorMsg"}`, a nested `{"error":{...}}`, or
/// anything else (kept raw).
pub(crate) fn service_error(status: StatusCode, headers: &HeaderMap, body: &[u8]) -> ServiceError {
    let mut code = None;
    let mut message = None;
    let mut body_request_id = None;
    // Invalid UTF-8 in one field must not cost the others: such a body is read again
    // with the bad bytes replaced (U+FFFD).
    let parsed = serde_json::from_slice::<Value>(body).or_else(|error| match error.classify() {
        serde_json::error::Category::Syntax | serde_json::error::Category::Data => {
            serde_json::from_str::<Value>(&String::from_utf8_lossy(body))
        }
        _ => Err(error),
    });
    if let Ok(Value::Object(map)) = parsed {
        let fields = match map.get("error") {
            Some(Value::Object(inner)) => inner,
            _ => &map,
        };
        code = first_text(fields, &["error_code", "errorCode", "code"]);
        message = first_text(
            fields,
            &["error_msg", "errorMsg", "error_message", "message", "msg"],
        );
        body_request_id = first_text(&map, &["request_id", "requestId"])
            .or_else(|| first_text(fields, &["request_id", "requestId"]));
    }
    ServiceError {
        status,
        code,
        message,
        request_id: request_id(headers).or(body_request_id),
        raw_body: body.to_vec(),
    }
}

/// The first of `keys` whose value is a non-empty string or a number, as text.
pub(crate) fn first_text(map: &serde_json::Map<String, Value>, keys: &[&str]) -> Option<String> {
    keys.iter().find_map(|key| match map.get(*key) {
        Some(Value::String(s)) if !s.is_empty() => Some(clean(s, MAX_ERROR_TEXT)),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    })
}

/// Decodes a success body as JSON into `T`.
///
/// The fast path is a plain `serde_json::from_slice`; only when that fails is the body
/// decoded again with `serde_path_to_error`, so that the error names the bad field
/// without making every successful parse pay for path tracking.
pub(crate) fn decode_json<T: DeserializeOwned>(
    status: StatusCode,
    headers: &HeaderMap,
    body: &[u8],
) -> Result<T, Error> {
    match serde_json::from_slice(body) {
        Ok(value) => Ok(value),
        Err(first) => {
            let mut de = serde_json::Deserializer::from_slice(body);
            let (path, message) = match serde_path_to_error::deserialize::<_, T>(&mut de) {
                Err(e) => {
                    let path = e.path().to_string();
                    (path, e.into_inner().to_string())
                }
                // Cannot normally happen (same input, same decoder); report the first error.
                Ok(_) => (".".to_owned(), first.to_string()),
            };
            let message = if body.is_empty() {
                "expected a JSON body, got an empty one".to_owned()
            } else {
                message
            };
            Err(DecodeError {
                status,
                path,
                message,
                snippet: snippet(body, 200),
                request_id: request_id(headers),
            }
            .into())
        }
    }
}

/// [`check_status`] then [`decode_json`].
pub(crate) fn json<T: DeserializeOwned, B: AsRef<[u8]>>(
    response: &Response<B>,
) -> Result<T, Error> {
    check_status(response)?;
    decode_json(
        response.status(),
        response.headers(),
        response.body().as_ref(),
    )
}

/// [`check_status`] for operations whose success has no body to read (deletes).
pub(crate) fn empty<B: AsRef<[u8]>>(response: &Response<B>) -> Result<(), Error> {
    check_status(response)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resp(status: u16, headers: &[(&str, &str)], body: &str) -> Response<Vec<u8>> {
        let mut b = Response::builder().status(status);
        for (k, v) in headers {
            b = b.header(*k, *v);
        }
        b.body(body.as_bytes().to_vec()).unwrap()
    }

    fn service(r: &Response<Vec<u8>>) -> ServiceError {
        match check_status(r) {
            Err(Error::Service(e)) => *e,
            other => panic!("expected a service error, got {other:?}"),
        }
    }

    #[test]
    fn fss_error_body() {
        let r = resp(
            404,
            &[("X-Request-Id", "rid-1")],
            r#"{"error_code":"FSS.1051","error_msg":"Not found the function"}"#,
        );
        let e = service(&r);
        assert_eq!(e.code(), Some("FSS.1051"));
        assert_eq!(e.message(), Some("Not found the function"));
        assert_eq!(e.request_id(), Some("rid-1"));
        assert_eq!(
            e.to_string(),
            "FSS.1051: Not found the function (HTTP 404 Not Found, request id rid-1)"
        );
    }

    #[test]
    fn invalid_utf8_in_the_message_keeps_the_code() {
        let mut body = br#"{"error_code":"FSS.1051","error_msg":"bad "#.to_vec();
        body.push(0xff);
        body.extend_from_slice(br#" byte"}"#);
        let r = Response::builder().status(404).body(body.clone()).unwrap();
        let e = service(&r);
        assert_eq!(e.code(), Some("FSS.1051"));
        assert_eq!(e.message(), Some("bad \u{fffd} byte"));
        assert_eq!(e.raw_body(), &body[..]);
    }

    #[test]
    fn server_text_cannot_forge_log_lines_and_is_bounded() {
        let r = resp(
            500,
            &[],
            r#"{"error_code":"FSS.0500\r\nINFO forged","error_msg":"\u001b[2Jgone\r\nINFO forged line"}"#,
        );
        let e = service(&r);
        let text = Error::from(e.clone()).to_string();
        assert!(!text.contains(['\r', '\n', '\u{1b}']), "{text:?}");
        assert_eq!(
            text,
            "FSS.0500\\r\\nINFO forged: \\u{1b}[2Jgone\\r\\nINFO forged line (HTTP 500 Internal Server Error)"
        );
        assert!(!format!("{e:?}").contains('\u{1b}'));

        let huge = format!(
            r#"{{"error_code":"FSS.1","error_msg":"{}"}}"#,
            "x".repeat(20 << 20)
        );
        let r = resp(500, &[], &huge);
        let e = service(&r);
        let message = e.message().unwrap_or_default();
        assert_eq!(
            message.chars().count(),
            MAX_ERROR_TEXT + 1,
            "cut, with an ellipsis"
        );
        assert!(message.ends_with('…'));
        assert!(Error::from(e.clone()).to_string().len() < 1200);
        assert_eq!(
            e.raw_body().len(),
            huge.len(),
            "the raw body stays available"
        );
    }

    #[test]
    fn apigw_body_with_request_id() {
        let r = resp(
            401,
            &[],
            r#"{"error_msg":"Incorrect IAM authentication information","error_code":"APIGW.0301","request_id":"abc"}"#,
        );
        let e = service(&r);
        assert_eq!(e.code(), Some("APIGW.0301"));
        assert_eq!(e.request_id(), Some("abc"));
    }

    #[test]
    fn code_message_and_camel_and_nested_shapes() {
        let e = service(&resp(400, &[], r#"{"code":"E1","message":"m1"}"#));
        assert_eq!((e.code(), e.message()), (Some("E1"), Some("m1")));
        let e = service(&resp(400, &[], r#"{"errorCode":"E2","errorMsg":"m2"}"#));
        assert_eq!((e.code(), e.message()), (Some("E2"), Some("m2")));
        let e = service(&resp(400, &[], r#"{"error":{"code":"E3","message":"m3"}}"#));
        assert_eq!((e.code(), e.message()), (Some("E3"), Some("m3")));
        let e = service(&resp(400, &[], r#"{"code":401,"message":"numeric"}"#));
        assert_eq!(e.code(), Some("401"));
        // An empty field gives way to the next name, and so does one of another type.
        let e = service(&resp(
            400,
            &[],
            r#"{"error_code":"","code":"E4","error_msg":null,"message":"m4"}"#,
        ));
        assert_eq!((e.code(), e.message()), (Some("E4"), Some("m4")));
    }

    #[test]
    fn html_gateway_page_is_kept_raw() {
        let html = "<html>\n<head><title>502 Bad Gateway</title></head>\n</html>";
        let e = service(&resp(502, &[], html));
        assert_eq!(e.code(), None);
        assert_eq!(e.raw_body(), html.as_bytes());
        assert!(e.is_retryable());
        assert!(e.to_string().contains("HTTP 502 Bad Gateway"), "{e}");
        assert!(
            e.to_string().contains("<title>502 Bad Gateway</title>"),
            "{e}"
        );
    }

    #[test]
    fn decode_error_names_the_field() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct T {
            items: Vec<Inner>,
        }
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Inner {
            n: Option<i32>,
        }
        let r = resp(200, &[], r#"{"items":[{"n":1},{"n":"x"}]}"#);
        match json::<T, _>(&r) {
            Err(Error::Decode(e)) => {
                assert_eq!(e.path(), "items[1].n");
                assert!(e.body_snippet().starts_with("{\"items\""));
            }
            other => panic!("{other:?}"),
        }
        match json::<T, _>(&resp(200, &[], "")) {
            Err(Error::Decode(e)) => assert!(e.message().contains("empty"), "{e}"),
            other => panic!("{other:?}"),
        }
    }
}
