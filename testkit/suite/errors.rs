//! Every error class, surfaced through each adapter against scripted servers.
//!
//! Connection refused and a reset mid-body are fault cases of fgs-tests
//! (`tests/faults/main.rs`: `connection_refused`, `reset_mid_body`), with the same
//! assertions.

use std::time::{Duration, Instant};

use fgs_client::{ClientSettings, RequestOptions};
use fgs_proto::functions::GetMetadata;
use fgs_proto::{Error, RetryPolicy, TransportError, TransportErrorKind};
use fgs_testkit::{
    Connect, Poke, Reply, TestServer, URN, Unresponsive, aksk_config, closed_port_url,
    fast_retries, scripted, token_config,
};

use fgs_testkit::this_adapter;

this_adapter!(
    a_4xx_with_an_fss_body_is_a_service_error_and_not_retried,
    a_5xx_is_retried_then_given_up,
    a_429_retry_after_is_honoured,
    a_slow_server_hits_the_timeout,
    the_timeout_can_be_overridden_per_call,
    the_retry_policy_can_be_overridden_per_call,
    a_body_above_the_limit_is_refused,
    a_non_json_200_is_a_decode_error,
    a_non_idempotent_request_is_not_resent_after_the_server_read_it,
    the_same_drop_is_retried_for_an_idempotent_operation,
    redirects_are_not_followed,
    a_connect_timeout_is_reported_as_such_and_allows_retrying_anything,
    a_chain_printer_shows_the_call_once_and_the_cause_once,
);

/// A client of `S` for `server` (AK/SK) with `policy` and a 5 s timeout.
fn client<S: Connect>(server: &TestServer, policy: RetryPolicy) -> S {
    let settings = ClientSettings::new()
        .retry_policy(policy)
        .timeout(Duration::from_secs(5));
    S::with_settings(&settings, aksk_config(&server.url())).unwrap()
}

fn transport_error(error: &Error) -> &TransportError {
    match error {
        Error::Transport(t) => t,
        other => panic!("expected a transport error, got {other:?}"),
    }
}

fn a_4xx_with_an_fss_body_is_a_service_error_and_not_retried<S: Connect>() {
    let server = TestServer::start(scripted(vec![Reply::fss_error(
        404,
        "FSS.1051",
        "function not found",
        "req-404",
    )]));
    let error = client::<S>(&server, fast_retries(3))
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

fn a_5xx_is_retried_then_given_up<S: Connect>() {
    let server = TestServer::start(scripted(vec![Reply::fss_error(
        503, "FSS.0503", "busy", "req-503",
    )]));
    let error = client::<S>(&server, fast_retries(3))
        .send(&GetMetadata::new(URN))
        .unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(503));
    assert_eq!(error.code(), Some("FSS.0503"));
    assert!(error.is_retryable());
    assert_eq!(server.request_count(), 3);
}

fn a_429_retry_after_is_honoured<S: Connect>() {
    let server = TestServer::start(scripted(vec![
        Reply::fss_error(429, "FSS.0429", "slow down", "req-429").header("retry-after", "1"),
        Reply::json(200, r#"{"func_name":"hello"}"#),
    ]));
    let function = client::<S>(&server, fast_retries(3))
        .send(&GetMetadata::new(URN))
        .unwrap();
    assert_eq!(function.func_name.as_deref(), Some("hello"));
    let requests = server.requests();
    assert_eq!(requests.len(), 2);
    let waited = requests[1].at - requests[0].at;
    assert!(waited >= Duration::from_secs(1), "retried after {waited:?}");
}

fn a_slow_server_hits_the_timeout<S: Connect>() {
    let server = TestServer::start(scripted(vec![
        Reply::json(200, r#"{"func_name":"late"}"#).delay(Duration::from_secs(3)),
    ]));
    let settings = ClientSettings::new()
        .timeout(Duration::from_millis(300))
        .retry_policy(RetryPolicy::none());
    let client = S::with_settings(&settings, aksk_config(&server.url())).unwrap();
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
        format!(
            "timed out: no complete response within 300ms (request timeout) \
             (GetMetadata to {})",
            server.url()
        )
    );
}

fn the_timeout_can_be_overridden_per_call<S: Connect>() {
    let server = TestServer::start(scripted(vec![
        Reply::json(200, r#"{"func_name":"late"}"#).delay(Duration::from_secs(3)),
    ]));
    let client = client::<S>(&server, RetryPolicy::none()); // 5 s by default
    let started = Instant::now();
    let options = RequestOptions::new().timeout(Duration::from_millis(200));
    let error = client
        .send_with(&GetMetadata::new(URN), options)
        .unwrap_err();
    assert_eq!(transport_error(&error).kind(), TransportErrorKind::Timeout);
    assert!(started.elapsed() < Duration::from_millis(700));
    assert!(error.to_string().contains("200ms"), "{error}");
}

fn the_retry_policy_can_be_overridden_per_call<S: Connect>() {
    let server = TestServer::start(scripted(vec![Reply::fss_error(
        500, "FSS.0500", "oops", "r",
    )]));
    let client = client::<S>(&server, fast_retries(4));
    let options = RequestOptions::new().retry_policy(RetryPolicy::none());
    client
        .send_with(&GetMetadata::new(URN), options)
        .unwrap_err();
    assert_eq!(server.request_count(), 1);
    client.send(&GetMetadata::new(URN)).unwrap_err();
    assert_eq!(server.request_count(), 1 + 4);
}

fn a_body_above_the_limit_is_refused<S: Connect>() {
    let server = TestServer::start(scripted(vec![Reply::bytes(200, vec![b' '; 64 * 1024])]));
    let settings = ClientSettings::new()
        .max_response_size(1024)
        .retry_policy(fast_retries(3));
    let client = S::with_settings(&settings, aksk_config(&server.url())).unwrap();
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

fn a_non_json_200_is_a_decode_error<S: Connect>() {
    let server = TestServer::start(scripted(vec![Reply::bytes(
        200,
        b"<html>gateway says hi</html>".to_vec(),
    )]));
    let error = client::<S>(&server, fast_retries(3))
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

fn a_non_idempotent_request_is_not_resent_after_the_server_read_it<S: Connect>() {
    let server = TestServer::start(scripted(vec![Reply::Drop]));
    let error = client::<S>(&server, fast_retries(3))
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

fn the_same_drop_is_retried_for_an_idempotent_operation<S: Connect>() {
    let server = TestServer::start(scripted(vec![
        Reply::Drop,
        Reply::json(200, r#"{"func_name":"hello"}"#),
    ]));
    let function = client::<S>(&server, fast_retries(3))
        .send(&GetMetadata::new(URN))
        .unwrap();
    assert_eq!(function.func_name.as_deref(), Some("hello"));
    assert_eq!(server.request_count(), 2);
}

fn redirects_are_not_followed<S: Connect>() {
    let server = TestServer::start(scripted(vec![
        Reply::bytes(302, Vec::new()).header("location", "http://127.0.0.1:9/elsewhere"),
    ]));
    let client = S::with_settings(&ClientSettings::new(), token_config(&server.url())).unwrap();
    let error = client.send(&GetMetadata::new(URN)).unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(302));
    assert_eq!(server.request_count(), 1);
}

fn a_connect_timeout_is_reported_as_such_and_allows_retrying_anything<S: Connect>() {
    let unresponsive = Unresponsive::new();
    let settings = ClientSettings::new()
        .connect_timeout(Duration::from_millis(200))
        .retry_policy(fast_retries(2));
    let client = S::with_settings(&settings, aksk_config(unresponsive.url())).unwrap();
    let started = Instant::now();
    // Non-idempotent, yet retried: the request never left.
    let error = client.send(&Poke::new(1)).unwrap_err();
    let elapsed = started.elapsed();
    let transport = transport_error(&error);
    assert_eq!(transport.kind(), TransportErrorKind::Timeout, "{transport}");
    assert!(!transport.request_sent());
    assert_eq!(
        error.to_string(),
        format!(
            "timed out: no connection within 200ms (connect timeout) (Poke to {})",
            unresponsive.url()
        )
    );
    assert!(
        elapsed >= Duration::from_millis(400),
        "two attempts: {elapsed:?}"
    );
    assert!(elapsed < Duration::from_millis(1500), "{elapsed:?}");
}

/// What an anyhow-style printer shows (`Display`, then each `source()`): the operation
/// and endpoint once, and the operating system's cause once — in the message or in the
/// chain, never in both.
fn a_chain_printer_shows_the_call_once_and_the_cause_once<S: Connect>() {
    let url = closed_port_url();
    let settings = ClientSettings::new().retry_policy(RetryPolicy::none());
    let client = S::with_settings(&settings, aksk_config(&url)).unwrap();
    let error = client.send(&GetMetadata::new(URN)).unwrap_err();
    assert_eq!(transport_error(&error).kind(), TransportErrorKind::Connect);
    let mut chain = vec![error.to_string()];
    let mut next = std::error::Error::source(&error);
    while let Some(link) = next {
        chain.push(link.to_string());
        next = link.source();
    }
    let printed = chain.join("\nCaused by: ").to_lowercase();
    assert!(
        chain[0].ends_with(&format!("(GetMetadata to {url})")),
        "{chain:?}"
    );
    assert_eq!(printed.matches(&url).count(), 1, "{printed}");
    assert_eq!(printed.matches("refused").count(), 1, "{printed}");
}
