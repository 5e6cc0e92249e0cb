//! Fault injection through both adapters against a hostile loopback server (testkit).
//!
//! Each case is written once, as data, and runs through fgs-ureq and fgs-hyper under a
//! watchdog. Every case must end in a typed error or the right result within its time
//! bound; the server counts the requests, which must match what the retry policy allows;
//! and a non-idempotent call (Create, Invoke) is never sent twice once the server may
//! have acted on it. `--nocapture` prints the figures (outcome, requests, elapsed time,
//! retry gaps, error text).

#[path = "../hardening/mod.rs"]
mod hardening;
mod harness;

use std::time::{Duration, SystemTime};

use fgs_proto::TransportErrorKind;
use fgs_testkit::fast_retries;
use fgs_testkit::{Received, Reply, TestServer, aksk_config, scripted};
use fgs_tests::Adapter;
use fgs_tests::ClientSettings;
use hardening::watchdog;
use harness::{ATTEMPTS, Case, Expect, Op, SLACK, Server, check};
use time::OffsetDateTime;
use time::macros::format_description;

const FUNCTION: &str = r#"{"func_name":"hello"}"#;
const GATEWAY_502: &str = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>";
const GATEWAY_504: &str = "<html><head><title>504 Gateway Time-out</title></head><body><center><h1>504 Gateway Time-out</h1></center><hr><center>nginx</center></body></html>";

/// A complete 200 response with `body`, as raw bytes.
fn http_200(body: &str) -> Vec<u8> {
    format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

fn html(status: u16, page: &str) -> Reply {
    Reply::bytes(status, page.as_bytes().to_vec()).header("content-type", "text/html")
}

// --- The connection fails -------------------------------------------------------------

#[test]
fn connection_refused() {
    // Nothing reached a server, so even Create is retried; three quick refusals.
    check("connection refused (Create)", || {
        Case::new(
            Op::Create,
            Server::ClosedPort,
            Expect::Transport(&[TransportErrorKind::Connect], false),
        )
    });
}

#[test]
fn reset_before_the_status_line() {
    use TransportErrorKind::{Io, Protocol};
    check("reset before the status line (GetMetadata)", || {
        Case::new(
            Op::GetMetadata,
            Server::Script(vec![Reply::Reset]),
            Expect::Transport(&[Io], true),
        )
        .requests(ATTEMPTS as usize)
    });
    // The server read the body, then reset: it may have created the function.
    check("reset before the status line (Create)", || {
        Case::new(
            Op::Create,
            Server::Script(vec![Reply::Reset]),
            Expect::Transport(&[Io, Protocol], true),
        )
        .requests(1)
    });
    check("reset before the status line (Invoke)", || {
        Case::new(
            Op::Invoke,
            Server::Script(vec![Reply::Reset]),
            Expect::Transport(&[Io, Protocol], true),
        )
        .requests(1)
    });
}

#[test]
fn closed_without_an_answer() {
    use TransportErrorKind::{Io, Protocol};
    check("closed without an answer (Invoke)", || {
        Case::new(
            Op::Invoke,
            Server::Script(vec![Reply::Drop]),
            Expect::Transport(&[Io, Protocol], true),
        )
        .requests(1)
    });
}

#[test]
fn reset_mid_body() {
    let cut = || Reply::ResetMidBody {
        declared: 200,
        sent: br#"{"func_name":"hel"#.to_vec(),
    };
    check("reset mid-body (GetMetadata)", move || {
        Case::new(
            Op::GetMetadata,
            Server::Script(vec![cut()]),
            Expect::Transport(&[TransportErrorKind::Io], true),
        )
        .requests(ATTEMPTS as usize)
    });
    check("reset mid-body (Create)", move || {
        Case::new(
            Op::Create,
            Server::Script(vec![cut()]),
            Expect::Transport(&[TransportErrorKind::Io], true),
        )
        .requests(1)
    });
}

#[test]
fn truncated_chunked_body() {
    use TransportErrorKind::{Io, Protocol};
    let truncated = || {
        Reply::raw(
            &b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n20\r\n{\"func_name\":\"hel"[..],
        )
    };
    check("truncated chunked body (GetMetadata)", move || {
        Case::new(
            Op::GetMetadata,
            Server::Script(vec![truncated()]),
            Expect::Transport(&[Io, Protocol], true),
        )
    });
    check("truncated chunked body (Invoke)", move || {
        Case::new(
            Op::Invoke,
            Server::Script(vec![truncated()]),
            Expect::Transport(&[Io, Protocol], true),
        )
        .requests(1)
    });
}

#[test]
fn content_length_beyond_the_body() {
    use TransportErrorKind::{Io, Protocol};
    check("content-length 100, 20 bytes, close", || {
        Case::new(
            Op::GetMetadata,
            Server::Script(vec![Reply::raw(
                &b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 100\r\n\r\n{\"func_name\":\"hello\"}"[..],
            )]),
            Expect::Transport(&[Io, Protocol], true),
        )
    });
}

// --- Slow servers and big bodies --------------------------------------------------------

/// The per-attempt timeout of the trickle cases.
const TRICKLE_TIMEOUT: Duration = Duration::from_secs(1);

fn trickle_settings() -> ClientSettings {
    ClientSettings::new()
        .timeout(TRICKLE_TIMEOUT)
        .retry_policy(fast_retries(ATTEMPTS))
}

#[test]
fn a_server_trickling_one_byte_per_second() {
    // From the first byte of the status line.
    check("trickle 1 B/s from the status line (GetMetadata)", || {
        Case::new(
            Op::GetMetadata,
            Server::Script(vec![
                Reply::trickle(http_200(FUNCTION), 0, Duration::from_secs(1)),
                Reply::json(200, FUNCTION),
            ]),
            Expect::Output("hello"),
        )
        .settings(trickle_settings())
        // The first attempt times out on time, the retry gets the fast answer.
        .requests(2)
        .between(TRICKLE_TIMEOUT, TRICKLE_TIMEOUT + SLACK)
    });
    // The head at once, then the body byte by byte: the timeout covers the body too.
    check("trickle 1 B/s in the body (Invoke)", || {
        let response = http_200(FUNCTION);
        let head = response.len() - FUNCTION.len();
        Case::new(
            Op::Invoke,
            Server::Script(vec![Reply::trickle(response, head, Duration::from_secs(1))]),
            Expect::Transport(&[TransportErrorKind::Timeout], true),
        )
        .settings(trickle_settings())
        // Invoke is not retried after a timeout: the function may be running.
        .requests(1)
        .between(TRICKLE_TIMEOUT, TRICKLE_TIMEOUT + SLACK)
    });
}

#[test]
fn a_body_ten_times_the_limit() {
    const LIMIT: u64 = 4096;
    let big = || format!(r#"{{"func_name":"{}"}}"#, "x".repeat(10 * LIMIT as usize));
    let limited = || {
        ClientSettings::new()
            .max_response_size(LIMIT)
            .retry_policy(fast_retries(ATTEMPTS))
    };
    check("body 10x the limit, content-length", move || {
        Case::new(
            Op::GetMetadata,
            Server::Script(vec![Reply::json(200, &big())]),
            Expect::Transport(&[TransportErrorKind::BodyTooLarge], true),
        )
        .settings(limited())
        .requests(1)
    });
    // Without a length up front the limit must hold while streaming.
    check("body 10x the limit, chunked", move || {
        let body = big();
        let mut raw = b"HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n".to_vec();
        for chunk in body.as_bytes().chunks(1000) {
            raw.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
            raw.extend_from_slice(chunk);
            raw.extend_from_slice(b"\r\n");
        }
        raw.extend_from_slice(b"0\r\n\r\n");
        Case::new(
            Op::GetMetadata,
            Server::Script(vec![Reply::raw(raw)]),
            Expect::Transport(&[TransportErrorKind::BodyTooLarge], true),
        )
        .settings(limited())
        .requests(1)
    });
}

// --- Error statuses ---------------------------------------------------------------------

#[test]
fn html_502_and_504_from_a_gateway() {
    check("HTML 502 from a gateway (GetMetadata)", || {
        Case::new(
            Op::GetMetadata,
            Server::Script(vec![html(502, GATEWAY_502)]),
            Expect::Service(502, "<h1>502 Bad Gateway</h1>"),
        )
        .requests(ATTEMPTS as usize)
    });
    check("HTML 504 from a gateway (GetMetadata)", || {
        Case::new(
            Op::GetMetadata,
            Server::Script(vec![html(504, GATEWAY_504)]),
            Expect::Service(504, "504 Gateway Time-out"),
        )
        .requests(ATTEMPTS as usize)
    });
    check("HTML 502 from a gateway (Create)", || {
        Case::new(
            Op::Create,
            Server::Script(vec![html(502, GATEWAY_502)]),
            Expect::Service(502, "nginx"),
        )
        .requests(1)
    });
}

#[test]
fn a_gateway_error_keeps_its_raw_body_and_has_no_fss_code() {
    for adapter in Adapter::BOTH {
        let error = watchdog("502 details", Duration::from_secs(10), move || {
            let server = TestServer::start(scripted(vec![html(502, GATEWAY_502)]));
            let settings = ClientSettings::new().retry_policy(fgs_proto::RetryPolicy::none());
            let client = adapter
                .client(&settings, aksk_config(&server.url()))
                .unwrap();
            Op::GetMetadata.send(&client).unwrap_err()
        });
        assert_eq!(error.code(), None, "{adapter:?}");
        assert!(error.is_retryable(), "{adapter:?}");
        let service = error.as_service().expect("a service error");
        assert_eq!(service.raw_body(), GATEWAY_502.as_bytes(), "{adapter:?}");
        assert!(error.to_string().contains("502"), "{error}");
    }
}

#[test]
fn busy_for_n_attempts_then_success() {
    let busy = || Reply::fss_error(503, "FSS.0503", "busy", "r");
    // N = 2 busy answers, 3 attempts allowed: N + 1 requests.
    check("503 twice, then 200", move || {
        Case::new(
            Op::GetMetadata,
            Server::Script(vec![busy(), busy(), Reply::json(200, FUNCTION)]),
            Expect::Output("hello"),
        )
        .requests(3)
    });
    // N = 4, 5 attempts allowed.
    check("503 four times, then 200", move || {
        Case::new(
            Op::GetMetadata,
            Server::Script(vec![
                busy(),
                busy(),
                busy(),
                busy(),
                Reply::json(200, FUNCTION),
            ]),
            Expect::Output("hello"),
        )
        .settings(
            ClientSettings::new()
                .timeout(Duration::from_secs(5))
                .retry_policy(fast_retries(5)),
        )
        .requests(5)
    });
}

#[test]
fn too_many_requests_with_retry_after_in_seconds() {
    // 429 means the service did not act: even Create is retried, after the delay asked.
    check("429 Retry-After: 1 (Create)", || {
        Case::new(
            Op::Create,
            Server::Script(vec![
                Reply::fss_error(429, "FSS.0429", "slow down", "r").header("retry-after", "1"),
                Reply::json(200, FUNCTION),
            ]),
            Expect::Output("hello"),
        )
        .requests(2)
        .between(Duration::from_secs(1), Duration::from_secs(1) + SLACK)
    });
}

/// Answers the first request with 429 and `Retry-After` as an HTTP date two seconds
/// ahead (whole seconds, so the wait is between 1 and 2 s), then the function.
fn retry_after_date(request: &Received) -> Reply {
    if request.index > 0 {
        return Reply::json(200, FUNCTION);
    }
    let format = format_description!(
        "[weekday repr:short], [day] [month repr:short] [year] [hour]:[minute]:[second] GMT"
    );
    let at = OffsetDateTime::from(SystemTime::now() + Duration::from_secs(2));
    let date = at.format(format).expect("an HTTP date");
    Reply::fss_error(429, "FSS.0429", "slow down", "r").header("retry-after", &date)
}

#[test]
fn too_many_requests_with_retry_after_as_an_http_date() {
    check("429 Retry-After: <HTTP date +2s> (GetMetadata)", || {
        Case::new(
            Op::GetMetadata,
            Server::Handler(retry_after_date),
            Expect::Output("hello"),
        )
        .requests(2)
        .between(Duration::from_secs(1), Duration::from_secs(2) + SLACK)
    });
}

// --- Not HTTP ---------------------------------------------------------------------------

#[test]
fn an_invalid_status_line() {
    use TransportErrorKind::{Io, Protocol};
    check("status line `HTTP/1.1 abc`", || {
        Case::new(
            Op::GetMetadata,
            Server::Script(vec![Reply::raw(
                &b"HTTP/1.1 abc\r\ncontent-length: 0\r\n\r\n"[..],
            )]),
            Expect::Transport(&[Protocol, Io], true),
        )
    });
    check("status line `HTTP/1.1 abc` (Create)", || {
        Case::new(
            Op::Create,
            Server::Script(vec![Reply::raw(&b"HTTP/1.1 abc\r\n\r\n"[..])]),
            Expect::Transport(&[Protocol, Io], true),
        )
        .requests(1)
    });
}

#[test]
fn garbage_bytes_instead_of_http() {
    use TransportErrorKind::{Io, Protocol};
    check("garbage bytes", || {
        Case::new(
            Op::GetMetadata,
            Server::Script(vec![Reply::raw(
                &b"\x00\xff\x13garbage \xc3\x28 not http\r\n\r\n"[..],
            )]),
            Expect::Transport(&[Protocol, Io], true),
        )
    });
}
