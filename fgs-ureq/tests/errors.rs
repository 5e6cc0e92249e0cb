//! Every error class, surfaced through the blocking client against scripted servers.

use std::time::{Duration, Instant};

use fgs_proto::functions::GetMetadata;
use fgs_testkit::{
    Poke, Reply, TestServer, URN, aksk_config, closed_port_url, scripted, token_config,
};
use fgs_ureq::{Client, Error, RequestOptions, RetryPolicy, TransportErrorKind};

fn fast_retries(attempts: u32) -> RetryPolicy {
    RetryPolicy::default()
        .max_attempts(attempts)
        .base_delay(Duration::from_millis(5))
        .max_delay(Duration::from_millis(20))
}

fn client(server: &TestServer, policy: RetryPolicy) -> Client {
    Client::builder(aksk_config(&server.url()))
        .retry_policy(policy)
        .timeout(Duration::from_secs(5))
        .build()
        .unwrap()
}

fn transport_error(error: &Error) -> &fgs_ureq::TransportError {
    match error {
        Error::Transport(t) => t,
        other => panic!("expected a transport error, got {other:?}"),
    }
}

#[test]
fn a_4xx_with_an_fss_body_is_a_service_error_and_not_retried() {
    let server = TestServer::start(scripted(vec![Reply::fss_error(
        404,
        "FSS.1051",
        "function not found",
        "req-404",
    )]));
    let error = client(&server, fast_retries(3))
        .send(&GetMetadata::new(URN))
        .unwrap_err();
    assert!(matches!(error, Error::Service(_)), "{error:?}");
    assert_eq!(error.status().map(|s| s.as_u16()), Some(404));
    assert_eq!(error.code(), Some("FSS.1051"));
    assert_eq!(error.message(), Some("function not found"));
    assert_eq!(error.request_id(), Some("req-404"));
    assert!(error.is_not_found());
    let text = error.to_string();
    assert!(
        text.contains("FSS.1051") && text.contains("function not found"),
        "{text}"
    );
    assert_eq!(server.request_count(), 1);
}

#[test]
fn a_5xx_is_retried_then_given_up() {
    let server = TestServer::start(scripted(vec![Reply::fss_error(
        503, "FSS.0503", "busy", "req-503",
    )]));
    let error = client(&server, fast_retries(3))
        .send(&GetMetadata::new(URN))
        .unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(503));
    assert_eq!(error.code(), Some("FSS.0503"));
    assert!(error.is_retryable());
    assert_eq!(server.request_count(), 3);
}

#[test]
fn a_429_retry_after_is_honoured() {
    let server = TestServer::start(scripted(vec![
        Reply::fss_error(429, "FSS.0429", "slow down", "req-429").header("retry-after", "1"),
        Reply::json(200, r#"{"func_name":"hello"}"#),
    ]));
    let function = client(&server, fast_retries(3))
        .send(&GetMetadata::new(URN))
        .unwrap();
    assert_eq!(function.func_name.as_deref(), Some("hello"));
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    let waited = requests[1].at - requests[0].at;
    assert!(waited >= Duration::from_secs(1), "retried after {waited:?}");
}

#[test]
fn connection_refused_is_a_connect_error_before_sending() {
    let url = closed_port_url();
    let client = Client::builder(aksk_config(&url))
        .retry_policy(fast_retries(2))
        .build()
        .unwrap();
    // Even the non-idempotent operation is retried: nothing can have reached a server.
    let started = Instant::now();
    let error = client.send(&Poke::new(1)).unwrap_err();
    let transport = transport_error(&error);
    assert_eq!(transport.kind(), TransportErrorKind::Connect);
    assert!(!transport.request_sent());
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[test]
fn a_reset_mid_body_is_an_io_error_and_retried_when_idempotent() {
    let server = TestServer::start(scripted(vec![Reply::ResetMidBody {
        declared: 1000,
        sent: br#"{"func_name":"hel"#.to_vec(),
    }]));
    let error = client(&server, fast_retries(2))
        .send(&GetMetadata::new(URN))
        .unwrap_err();
    let transport = transport_error(&error);
    assert_eq!(transport.kind(), TransportErrorKind::Io, "{transport}");
    assert!(transport.request_sent());
    assert_eq!(server.request_count(), 2);
}

#[test]
fn a_slow_server_hits_the_timeout() {
    let server = TestServer::start(scripted(vec![
        Reply::json(200, r#"{"func_name":"late"}"#).delay(Duration::from_secs(3)),
    ]));
    let client = Client::builder(aksk_config(&server.url()))
        .timeout(Duration::from_millis(300))
        .retry_policy(RetryPolicy::none())
        .build()
        .unwrap();
    let started = Instant::now();
    let error = client.send(&GetMetadata::new(URN)).unwrap_err();
    let elapsed = started.elapsed();
    assert!(elapsed >= Duration::from_millis(300), "{elapsed:?}");
    assert!(elapsed < Duration::from_millis(800), "{elapsed:?}");
    let transport = transport_error(&error);
    assert_eq!(transport.kind(), TransportErrorKind::Timeout);
    assert!(transport.request_sent());
    assert_eq!(
        error.to_string(),
        "timed out: no complete response within 300ms (request timeout)"
    );
}

#[test]
fn the_timeout_can_be_overridden_per_call() {
    let server = TestServer::start(scripted(vec![
        Reply::json(200, r#"{"func_name":"late"}"#).delay(Duration::from_secs(3)),
    ]));
    let client = client(&server, RetryPolicy::none()); // 5 s by default
    let started = Instant::now();
    let options = RequestOptions::new().timeout(Duration::from_millis(200));
    let error = client
        .send_with(&GetMetadata::new(URN), options)
        .unwrap_err();
    assert_eq!(transport_error(&error).kind(), TransportErrorKind::Timeout);
    assert!(started.elapsed() < Duration::from_millis(700));
    assert!(error.to_string().contains("200ms"), "{error}");
}

#[test]
fn the_retry_policy_can_be_overridden_per_call() {
    let server = TestServer::start(scripted(vec![Reply::fss_error(
        500, "FSS.0500", "oops", "r",
    )]));
    let client = client(&server, fast_retries(4));
    let options = RequestOptions::new().retry_policy(RetryPolicy::none());
    client
        .send_with(&GetMetadata::new(URN), options)
        .unwrap_err();
    assert_eq!(server.request_count(), 1);
    client.send(&GetMetadata::new(URN)).unwrap_err();
    assert_eq!(server.request_count(), 1 + 4);
}

#[test]
fn a_body_above_the_limit_is_refused() {
    let server = TestServer::start(scripted(vec![Reply::bytes(200, vec![b' '; 64 * 1024])]));
    let client = Client::builder(aksk_config(&server.url()))
        .max_response_size(1024)
        .retry_policy(fast_retries(3))
        .build()
        .unwrap();
    let error = client.send(&GetMetadata::new(URN)).unwrap_err();
    let transport = transport_error(&error);
    assert_eq!(transport.kind(), TransportErrorKind::BodyTooLarge);
    assert!(
        error.to_string().contains("more than 1024 bytes"),
        "{error}"
    );
    // Not retryable: the same answer would come again.
    assert_eq!(server.request_count(), 1);
}

#[test]
fn a_non_json_200_is_a_decode_error() {
    let server = TestServer::start(scripted(vec![Reply::bytes(
        200,
        b"<html>gateway says hi</html>".to_vec(),
    )]));
    let error = client(&server, fast_retries(3))
        .send(&GetMetadata::new(URN))
        .unwrap_err();
    match &error {
        Error::Decode(decode) => {
            assert_eq!(decode.status().as_u16(), 200);
            assert!(decode.body_snippet().contains("<html>"));
        }
        other => panic!("expected a decode error, got {other:?}"),
    }
    assert_eq!(server.request_count(), 1);
}

#[test]
fn a_non_idempotent_request_is_not_resent_after_the_server_read_it() {
    let server = TestServer::start(scripted(vec![Reply::Drop]));
    let error = client(&server, fast_retries(3))
        .send(&Poke::new(7))
        .unwrap_err();
    let transport = transport_error(&error);
    assert!(transport.request_sent());
    assert!(
        matches!(
            transport.kind(),
            TransportErrorKind::Io | TransportErrorKind::Protocol
        ),
        "{transport}"
    );
    assert_eq!(server.request_count(), 1);
    assert_eq!(server.requests()[0].body, br#"{"n":7}"#);
}

#[test]
fn the_same_drop_is_retried_for_an_idempotent_operation() {
    let server = TestServer::start(scripted(vec![
        Reply::Drop,
        Reply::json(200, r#"{"func_name":"hello"}"#),
    ]));
    let function = client(&server, fast_retries(3))
        .send(&GetMetadata::new(URN))
        .unwrap();
    assert_eq!(function.func_name.as_deref(), Some("hello"));
    assert_eq!(server.request_count(), 2);
}

#[test]
fn redirects_are_not_followed() {
    let server = TestServer::start(scripted(vec![
        Reply::bytes(302, Vec::new()).header("location", "http://127.0.0.1:9/elsewhere"),
    ]));
    let client = Client::builder(token_config(&server.url()))
        .build()
        .unwrap();
    let error = client.send(&GetMetadata::new(URN)).unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(302));
    assert_eq!(server.request_count(), 1);
}

#[test]
fn a_users_agent_still_reads_error_statuses_as_responses() {
    let server = TestServer::start(scripted(vec![Reply::fss_error(
        409, "FSS.1061", "conflict", "req-409",
    )]));
    // ureq's defaults: error statuses become `ureq::Error::StatusCode`, redirects are
    // followed. The client overrides both per request.
    let agent = fgs_ureq::ureq::Agent::new_with_defaults();
    let client = Client::with_agent(aksk_config(&server.url()), agent);
    let error = client.send(&GetMetadata::new(URN)).unwrap_err();
    assert_eq!(error.code(), Some("FSS.1061"));
    assert_eq!(error.request_id(), Some("req-409"));
}

#[test]
fn a_connect_timeout_is_reported_as_such_and_allows_retrying_anything() {
    let unresponsive = fgs_testkit::Unresponsive::new();
    let client = Client::builder(aksk_config(unresponsive.url()))
        .connect_timeout(Duration::from_millis(200))
        .retry_policy(fast_retries(2))
        .build()
        .unwrap();
    let started = Instant::now();
    // Non-idempotent, yet retried: the request never left.
    let error = client.send(&Poke::new(1)).unwrap_err();
    let elapsed = started.elapsed();
    let transport = transport_error(&error);
    assert_eq!(transport.kind(), TransportErrorKind::Timeout, "{transport}");
    assert!(!transport.request_sent());
    assert_eq!(
        error.to_string(),
        "timed out: no connection within 200ms (connect timeout)"
    );
    assert!(
        elapsed >= Duration::from_millis(400),
        "two attempts: {elapsed:?}"
    );
    assert!(elapsed < Duration::from_millis(1500), "{elapsed:?}");
}
