//! One request, start to finish: route and authenticate on the head (a request that
//! cannot be accepted is refused before its body is read), read the body (bounded in
//! size and time), apply a pending fault, authenticate the signature, run the
//! operation, and stamp `X-Request-Id` on the answer.

use std::fmt;
use std::sync::Arc;
use std::time::SystemTime;

use bytes::Bytes;
use http::header::ALLOW;
use http::request::Parts;
use http::{Request, Response, StatusCode};
use http_body_util::Full;
use hyper::body::Incoming;

use crate::api::api_error::{ApiError, code};
use crate::api::ops::{self, dispatch};
use crate::api::routes::{Matched, RouteError, route};
use crate::hooks::fault::FaultAction;
use crate::http::body::{BodyError, declared_length, drain, read_bounded};
use crate::http::reply::Reply;
use crate::shared::Shared;

/// The largest body of a request refused on its head that is read (and discarded) so
/// that the connection can stay open.
const DISCARD_ON_REFUSAL: u64 = 64 * 1024;

/// Returned to hyper to close the connection without an answer.
#[derive(Debug)]
pub(crate) struct DropConnection;

impl fmt::Display for DropConnection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("connection dropped")
    }
}

impl std::error::Error for DropConnection {}

/// Serves one request.
pub(crate) async fn handle(
    shared: Arc<Shared>,
    request: Request<Incoming>,
) -> Result<Response<Full<Bytes>>, DropConnection> {
    let request_id = uuid::Uuid::new_v4().to_string();
    let (parts, body) = request.into_parts();
    if is_health_check(&parts) {
        let reply = Reply::bytes(
            StatusCode::OK,
            crate::http::reply::APPLICATION_JSON,
            Bytes::from_static(br#"{"status":"ok"}"#),
        );
        return Ok(finish(&shared, &parts, reply, &request_id));
    }
    let routed = route(&parts.method, parts.uri.path());
    let fired = shared.faults.take(routed.as_ref().ok().map(Matched::route));
    // The identity endpoints (when on) check their own requests once the body is read.
    if fired.is_none() && !shared.auth.identity.handles(&parts) {
        let refused = match &routed {
            Err(error) => Some(route_error(&parts, error)),
            Ok(_) => shared.auth.check_head(&parts).err().map(Reply::from),
        };
        if let Some(reply) = refused {
            // A small body is discarded (never kept), so that the client finishes
            // sending and reads the answer on a connection that stays open. A larger
            // one is not read at all: the answer goes out at once and the connection
            // closes after it.
            if declared_length(&parts.headers).is_some_and(|len| len <= DISCARD_ON_REFUSAL) {
                drain(body).await;
            }
            return Ok(finish(&shared, &parts, reply, &request_id));
        }
    }
    let limit = shared.limits.for_request(&parts.headers);
    let body = match read_bounded(body, &parts.headers, limit, shared.limits.timeout).await {
        Ok(body) => Ok(body),
        Err(BodyError::TooLarge) => Err(ApiError::too_large(
            code::BODY_TOO_LARGE,
            format!("the request body is larger than {limit} bytes"),
        )),
        Err(BodyError::Broken) => return Err(DropConnection),
        Err(BodyError::TooSlow) => Err(ApiError::new(
            StatusCode::REQUEST_TIMEOUT,
            code::REQUEST_TIMEOUT,
            format!(
                "the request body did not arrive within {:?}",
                shared.limits.timeout
            ),
        )),
    };
    if let Some(fired) = fired {
        if !fired.delay.is_zero() {
            tokio::time::sleep(fired.delay).await;
        }
        match fired.action {
            FaultAction::DropConnection => return Err(DropConnection),
            FaultAction::Respond {
                status,
                body,
                retry_after,
            } => {
                let body = body.unwrap_or_else(|| {
                    let code = format!("FSS.{:04}", status.as_u16());
                    let error =
                        serde_json::json!({"error_code": code, "error_msg": "injected fault"});
                    Bytes::from(error.to_string())
                });
                let mut reply = Reply::bytes(status, crate::http::reply::APPLICATION_JSON, body);
                if let Some(value) = retry_after {
                    reply = reply.header("retry-after", &value);
                }
                return Ok(finish(&shared, &parts, reply, &request_id));
            }
            FaultAction::Proceed => {}
        }
    }
    let reply = match body {
        Ok(body) => process(&shared, &parts, routed, body, &request_id).await,
        Err(too_large) => too_large.into(),
    };
    Ok(finish(&shared, &parts, reply, &request_id))
}

async fn process(
    shared: &Arc<Shared>,
    parts: &Parts,
    routed: Result<Matched, RouteError>,
    body: Bytes,
    request_id: &str,
) -> Reply {
    let now = SystemTime::now();
    if let Some(reply) = shared
        .auth
        .identity
        .serve(&shared.site, parts, &body, now, || {
            shared.auth.check(parts, &body, now)
        })
    {
        return reply;
    }
    let matched = match routed {
        Ok(matched) => matched,
        Err(error) => return route_error(parts, &error),
    };
    if let Err(error) = shared.auth.check(parts, &body, now) {
        return error.into();
    }
    if matched.project_id != shared.site.project_id {
        return ApiError::forbidden(
            code::FORBIDDEN,
            format!(
                "project `{}` is not the project of this endpoint",
                matched.project_id
            ),
        )
        .into();
    }
    let request = ops::Request {
        matched: &matched,
        query: parts.uri.query(),
        headers: &parts.headers,
        body,
        request_id,
    };
    match dispatch(shared, request).await {
        Ok(reply) => reply,
        Err(error) => error.into(),
    }
}

/// `GET /health` (or `HEAD`): the readiness probe of scripts and containers. It needs
/// no credentials and no fault applies to it; the service has no such path, so it
/// cannot shadow an operation.
fn is_health_check(parts: &Parts) -> bool {
    parts.uri.path() == HEALTH_PATH
        && (parts.method == http::Method::GET || parts.method == http::Method::HEAD)
}

/// The path of the health check.
pub(crate) const HEALTH_PATH: &str = "/health";

/// The answer to a request no route takes.
fn route_error(parts: &Parts, error: &RouteError) -> Reply {
    match error {
        RouteError::NotFound => ApiError::not_found(
            code::NOT_FOUND,
            format!("no API at {} {}", parts.method, parts.uri.path()),
        )
        .into(),
        RouteError::MethodNotAllowed(allowed) => {
            let allow: Vec<&str> = allowed.iter().map(http::Method::as_str).collect();
            let reply: Reply = ApiError::new(
                StatusCode::METHOD_NOT_ALLOWED,
                code::METHOD_NOT_ALLOWED,
                format!(
                    "{} is not allowed here; use {}",
                    parts.method,
                    allow.join(", ")
                ),
            )
            .into();
            reply.header(ALLOW.as_str(), &allow.join(", "))
        }
        RouteError::BadEncoding => ApiError::bad_request(
            code::INVALID_PARAMETER,
            "a path segment is not valid percent-encoded UTF-8",
        )
        .into(),
    }
}

fn finish(shared: &Shared, parts: &Parts, reply: Reply, request_id: &str) -> Response<Full<Bytes>> {
    if shared.log_requests {
        eprintln!(
            "{} {} -> {} ({request_id})",
            parts.method,
            parts.uri.path(),
            reply.status.as_u16()
        );
    }
    let reply = reply.header("x-request-id", request_id);
    let mut response = Response::new(Full::new(reply.body));
    *response.status_mut() = reply.status;
    *response.headers_mut() = reply.headers;
    response
}
