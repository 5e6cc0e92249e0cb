//! Every error-body shape the service or a gateway in front of it may send, checked
//! against one operation's `response`: each must become an `Error::Service` with the
//! code, message and request id read from wherever that shape keeps them.
#![allow(dead_code)]

use std::fmt::Debug;

use fgs_proto::{Error, Operation, ServiceError};

fn response(status: u16, headers: &[(&str, &str)], body: &str) -> http::Response<Vec<u8>> {
    let mut b = http::Response::builder().status(status);
    for (k, v) in headers {
        b = b.header(*k, *v);
    }
    b.body(body.as_bytes().to_vec()).unwrap()
}

fn service<O: Operation>(op: &O, response: http::Response<Vec<u8>>) -> ServiceError
where
    O::Output: Debug,
{
    match op.response(response) {
        Err(Error::Service(e)) => *e,
        other => panic!("{}: expected a service error, got {other:?}", O::NAME),
    }
}

/// Checks every known error shape against `op`.
pub(crate) fn assert_error_shapes<O: Operation>(op: &O)
where
    O::Output: Debug,
{
    // FSS: {"error_code","error_msg"}, request id in a header.
    let e = service(
        op,
        response(
            404,
            &[("X-Request-Id", "rid-404")],
            r#"{"error_code":"FSS.1051","error_msg":"Not found the function"}"#,
        ),
    );
    assert_eq!(e.status(), 404);
    assert_eq!(e.code(), Some("FSS.1051"));
    assert_eq!(e.message(), Some("Not found the function"));
    assert_eq!(e.request_id(), Some("rid-404"));
    assert!(!e.is_retryable());

    // API gateway: the same fields plus the request id in the body.
    let e = service(
        op,
        response(
            401,
            &[],
            r#"{"error_msg":"Incorrect IAM authentication information","error_code":"APIGW.0301","request_id":"rid-401"}"#,
        ),
    );
    assert_eq!(e.code(), Some("APIGW.0301"));
    assert_eq!(e.request_id(), Some("rid-401"));

    // {"code","message"}, {"errorCode","errorMsg"}, nested {"error":{...}}.
    let e = service(op, response(400, &[], r#"{"code":"E1","message":"m1"}"#));
    assert_eq!((e.code(), e.message()), (Some("E1"), Some("m1")));
    let e = service(
        op,
        response(403, &[], r#"{"errorCode":"E2","errorMsg":"m2"}"#),
    );
    assert_eq!((e.code(), e.message()), (Some("E2"), Some("m2")));
    let e = service(
        op,
        response(500, &[], r#"{"error":{"code":"E3","message":"m3"}}"#),
    );
    assert_eq!((e.code(), e.message()), (Some("E3"), Some("m3")));
    assert!(e.is_retryable());

    // 429 with the FSS shape: retryable.
    let e = service(
        op,
        response(
            429,
            &[],
            r#"{"error_code":"FSS.0429","error_msg":"too many requests"}"#,
        ),
    );
    assert!(e.is_retryable());

    // An HTML page from a gateway: nothing to read, the body is kept raw.
    let html =
        "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>nginx</body>\r\n</html>";
    let e = service(op, response(502, &[("Content-Type", "text/html")], html));
    assert_eq!(e.status(), 502);
    assert_eq!(e.code(), None);
    assert_eq!(e.raw_body(), html.as_bytes());
    assert!(e.is_retryable());
    assert!(e.to_string().contains("502 Bad Gateway"), "{e}");

    // An empty 503.
    let e = service(op, response(503, &[], ""));
    assert_eq!((e.code(), e.message()), (None, None));
    assert!(e.is_retryable());
}
