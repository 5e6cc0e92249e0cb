//! Building operation requests: the `{base}/v2/{project}/fgs/...` URI (or
//! `{base}/v2/{project}/...` for the tag operations) with encoded path
//! parameters, the query, the headers every operation sends, and the JSON body.

use http::header::{CONTENT_TYPE, USER_AGENT};
use http::{HeaderMap, HeaderName, HeaderValue, Method, Request, Uri};
use serde::Serialize;

use crate::body::Body;
use crate::config::Config;
use crate::encoding::push_encoded;
use crate::error::Error;

/// Longest path parameter accepted. Real URNs are well under 300 bytes; anything near
/// this is a caller bug, and servers answer 414 long before.
const MAX_PATH_PARAM: usize = 1024;

/// Builds one operation request. Path parameters are validated and percent-encoded, so
/// no input can add, remove or change a path segment.
pub(crate) struct RequestBuilder {
    method: Method,
    url: String,
    has_query: bool,
    headers: HeaderMap,
    body: Body,
}

impl RequestBuilder {
    /// A request to `{endpoint}/v2/{project_id}/fgs` with the headers every FunctionGraph
    /// v2 operation sends: `Content-Type: application/json` (the official SDKs send it
    /// even on GET and DELETE) and `User-Agent`.
    pub(crate) fn new(config: &Config, method: Method) -> Self {
        let mut url = String::with_capacity(config.base_url().len() + 160);
        url.push_str(config.base_url());
        let mut headers = HeaderMap::with_capacity(10);
        headers.insert(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        headers.insert(USER_AGENT, config.user_agent().clone());
        RequestBuilder {
            method,
            url,
            has_query: false,
            headers,
            body: Body::empty(),
        }
    }

    /// A request to `{endpoint}/v2/{project_id}`, without the `fgs` segment (the tag
    /// operations live there), with the same headers as [`RequestBuilder::new`].
    pub(crate) fn project(config: &Config, method: Method) -> Self {
        let mut builder = RequestBuilder::new(config, method);
        if builder.url.ends_with("/fgs") {
            builder.url.truncate(builder.url.len() - "/fgs".len());
        }
        builder
    }

    /// Appends literal path segments (`"functions"`, `"config"`).
    pub(crate) fn path(&mut self, literal: &'static str) -> &mut Self {
        debug_assert!(!self.has_query, "path after query");
        self.url.push('/');
        self.url.push_str(literal);
        self
    }

    /// Appends one path parameter, percent-encoded as one segment.
    pub(crate) fn param(&mut self, field: &'static str, value: &str) -> Result<&mut Self, Error> {
        check_path_param(field, value)?;
        self.url.push('/');
        push_encoded(&mut self.url, value.as_bytes());
        Ok(self)
    }

    /// Appends a query parameter. Call in ascending key order: the query is then already
    /// canonical and signing does not have to rewrite the URI.
    pub(crate) fn query(&mut self, key: &'static str, value: Option<&str>) -> &mut Self {
        if let Some(value) = value {
            self.url.push(if self.has_query { '&' } else { '?' });
            self.has_query = true;
            self.url.push_str(key);
            self.url.push('=');
            push_encoded(&mut self.url, value.as_bytes());
        }
        self
    }

    /// Appends `key=n` if a number is given (page sizes and limits).
    pub(crate) fn query_number(&mut self, key: &'static str, value: Option<u32>) -> &mut Self {
        match value {
            Some(n) => self.query(key, Some(&n.to_string())),
            None => self,
        }
    }

    /// Sets a header.
    pub(crate) fn header(&mut self, name: HeaderName, value: HeaderValue) -> &mut Self {
        self.headers.insert(name, value);
        self
    }

    /// Serialises `body` as the JSON body.
    pub(crate) fn json<T: Serialize + ?Sized>(&mut self, body: &T) -> Result<&mut Self, Error> {
        self.body = serde_json::to_vec(body)
            .map_err(|e| Error::invalid_input("body", format!("cannot serialise: {e}")))?
            .into();
        Ok(self)
    }

    /// Sets the body: bytes, or a streamed [`Body`].
    pub(crate) fn body(&mut self, body: impl Into<Body>) -> &mut Self {
        self.body = body.into();
        self
    }

    /// The finished request.
    pub(crate) fn build(&mut self) -> Result<Request<Body>, Error> {
        let uri = Uri::try_from(std::mem::take(&mut self.url))
            .map_err(|e| Error::invalid_input("uri", e.to_string()))?;
        let mut request = Request::new(std::mem::take(&mut self.body));
        *request.method_mut() = self.method.clone();
        *request.uri_mut() = uri;
        *request.headers_mut() = std::mem::take(&mut self.headers);
        Ok(request)
    }
}

/// A path parameter must be non-empty, not a dot segment (`.`/`..` would be collapsed
/// by URL normalisation and change the path), and of sane length.
pub(crate) fn check_path_param(field: &'static str, value: &str) -> Result<(), Error> {
    if value.is_empty() {
        return Err(Error::invalid_input(field, "must not be empty"));
    }
    if value == "." || value == ".." {
        return Err(Error::invalid_input(field, "must not be `.` or `..`"));
    }
    if value.len() > MAX_PATH_PARAM {
        return Err(Error::invalid_input(
            field,
            format!(
                "is {} bytes long; at most {MAX_PATH_PARAM} are accepted",
                value.len()
            ),
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_path_parameter_of_1024_bytes_is_accepted_and_1025_refused() {
        assert!(check_path_param("f", &"a".repeat(MAX_PATH_PARAM)).is_ok());
        assert!(check_path_param("f", &"a".repeat(MAX_PATH_PARAM + 1)).is_err());
        assert!(check_path_param("f", "...").is_ok());
    }
    use crate::auth::Credentials;
    use proptest::prelude::*;

    fn config() -> Config {
        Config::new("http://127.0.0.1:9/prefix", "p1", Credentials::token("t")).unwrap()
    }

    proptest! {
        /// Whatever strings are used as URN, alias name or trigger id, each stays exactly
        /// one path segment and decodes back to itself.
        #[test]
        fn params_are_exactly_one_segment_each(
            urn in any::<String>(), alias in any::<String>(), id in any::<String>(),
        ) {
            let mut b = RequestBuilder::new(&config(), Method::GET);
            b.path("triggers");
            let built = b
                .param("function_urn", &urn)
                .and_then(|b| b.param("alias_name", &alias))
                .and_then(|b| b.param("trigger_id", &id))
                .and_then(|b| b.build());
            let invalid = |s: &str| s.is_empty() || s == "." || s == ".." || s.len() > MAX_PATH_PARAM;
            match built {
                Ok(request) => {
                    prop_assert!(!invalid(&urn) && !invalid(&alias) && !invalid(&id));
                    let segments: Vec<&str> = request.uri().path().split('/').collect();
                    prop_assert_eq!(segments.len(), 9, "{}", request.uri());
                    prop_assert_eq!(&segments[..6], &["", "prefix", "v2", "p1", "fgs", "triggers"]);
                    for (segment, input) in segments[6..].iter().zip([&urn, &alias, &id]) {
                        prop_assert_eq!(crate::encoding::decode(segment), input.as_bytes().to_vec());
                    }
                }
                Err(Error::InvalidInput(_)) => {
                    prop_assert!(invalid(&urn) || invalid(&alias) || invalid(&id));
                }
                Err(other) => prop_assert!(false, "{}", other),
            }
        }
    }

    #[test]
    fn project_requests_have_no_fgs_segment() {
        let mut b = RequestBuilder::project(&config(), Method::GET);
        b.path("functions").path("tags");
        assert_eq!(
            b.build().unwrap().uri().path(),
            "/prefix/v2/p1/functions/tags"
        );
    }

    #[test]
    fn dot_segments_and_empty_values_are_rejected() {
        for bad in ["", ".", ".."] {
            let mut b = RequestBuilder::new(&config(), Method::GET);
            assert!(b.param("alias_name", bad).is_err(), "{bad:?}");
        }
        let long = "a".repeat(MAX_PATH_PARAM + 1);
        assert!(
            RequestBuilder::new(&config(), Method::GET)
                .param("trigger_id", &long)
                .is_err()
        );
        // `..` inside a longer value is harmless and kept.
        let mut b = RequestBuilder::new(&config(), Method::GET);
        b.param("function_urn", "a..b").unwrap();
        assert!(b.build().unwrap().uri().path().ends_with("/a..b"));
    }
}
