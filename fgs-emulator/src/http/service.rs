//! One request, start to finish: read the body (bounded), apply a pending fault, route,
//! authenticate, run the operation, and stamp `X-Request-Id` on the answer.

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
use crate::http::body::{BodyError, read_bounded};
use crate::http::reply::Reply;
use crate::shared::Shared;

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
    let routed = route(&parts.method, parts.uri.path());
    let limit = shared.limits.for_request(&parts.headers);
    let body = match read_bounded(body, &parts.headers, limit).await {
        Ok(body) => Ok(body),
        Err(BodyError::TooLarge) => Err(ApiError::too_large(
            code::BODY_TOO_LARGE,
            format!("the request body is larger than {limit} bytes"),
        )),
        Err(BodyError::Broken) => return Err(DropConnection),
    };
    if let Some(fired) = shared.faults.take(routed.as_ref().ok().map(Matched::route)) {
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
        Err(RouteError::NotFound) => {
            return ApiError::not_found(
                code::NOT_FOUND,
                format!("no API at {} {}", parts.method, parts.uri.path()),
            )
            .into();
        }
        Err(RouteError::MethodNotAllowed(allowed)) => {
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
            return reply.header(ALLOW.as_str(), &allow.join(", "));
        }
        Err(RouteError::BadEncoding) => {
            return ApiError::bad_request(
                code::INVALID_PARAMETER,
                "a path segment is not valid percent-encoded UTF-8",
            )
            .into();
        }
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
