//! Target `error_body`: the service-error reader on arbitrary bodies.
//!
//! The input is a body, answered with each of a few error statuses to an operation that
//! has no body of its own to read (`Delete`), so only the error path runs. It must
//! become `Error::Service` with the status and the body unchanged, code and message
//! (when read) non-empty, a `Display` naming the status, and `is_retryable` exactly for
//! 429 and 5xx.

use fgs_proto::functions::Delete;
use fgs_proto::{Error, Operation, ServiceError};
use http::{Response, StatusCode};

/// The statuses each body is answered with.
const STATUSES: [u16; 6] = [400, 401, 404, 429, 500, 502];

/// What the service-error reader found in the body (the same for every status).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Outcome {
    /// The error code read from the body, if any.
    pub code: Option<String>,
    /// The message read from the body, if any.
    pub message: Option<String>,
    /// The request id read from the body, if any.
    pub request_id: Option<String>,
}

/// Runs one fuzz input.
pub(crate) fn run(body: &[u8]) -> Outcome {
    let op = Delete::new("urn:fss:r:p:function:default:f");
    let mut first: Option<Outcome> = None;
    for status in STATUSES {
        let mut response = Response::new(body);
        *response.status_mut() = StatusCode::from_u16(status).expect("a valid status");
        let error = match op.response(response) {
            Err(Error::Service(error)) => error,
            other => panic!("HTTP {status}: expected a service error, got {other:?}"),
        };
        let outcome = check(&error, status, body);
        match &first {
            Some(seen) => assert_eq!(seen, &outcome, "HTTP {status} read the body differently"),
            None => first = Some(outcome),
        }
    }
    first.expect("at least one status")
}

fn check(error: &ServiceError, status: u16, body: &[u8]) -> Outcome {
    assert_eq!(error.status().as_u16(), status);
    assert_eq!(error.raw_body(), body);
    assert_eq!(error.is_retryable(), status == 429 || status >= 500);
    for text in [error.code(), error.message(), error.request_id()]
        .into_iter()
        .flatten()
    {
        assert!(!text.is_empty());
    }
    let shown = error.to_string();
    assert!(shown.contains(&format!("(HTTP {status}")), "{shown}");
    let _ = format!("{error:?}");
    Outcome {
        code: error.code().map(str::to_owned),
        message: error.message().map(str::to_owned),
        request_id: error.request_id().map(str::to_owned),
    }
}
