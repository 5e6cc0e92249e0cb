//! The call driver end to end with one real operation (GetMetadata), a closure
//! transport and a fake clock: success, API error, retry then success, give-up; and
//! who holds the request body between attempts.

use std::time::{Duration, SystemTime};

use fgs_proto::auth::verify::Verifier;
use fgs_proto::code::{Code, CodePackage};
use fgs_proto::functions::{GetMetadata, Invoke, UpdateCode};
use fgs_proto::registry::OperationInfo;
use fgs_proto::{
    Body, Call, Config, Credentials, Error, KEEP_BODY_LIMIT, Operation, RetryPolicy, Secret, Step,
    TransportError, TransportErrorKind,
};
use http::{Request, Response};

const PID: &str = "0123456789abcdef0123456789abcdef";
const URN: &str =
    "urn:fss:cn-north-4:0123456789abcdef0123456789abcdef:function:default:hello:latest";

fn config() -> Config {
    Config::new(
        "http://127.0.0.1:18765",
        PID,
        Credentials::ak_sk("AK", "SK"),
    )
    .unwrap()
}

fn start() -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(1_705_307_400)
}

type Answer = Result<Response<Vec<u8>>, TransportError>;

fn answer(status: u16, headers: &[(&str, &str)], body: &str) -> Answer {
    let mut b = Response::builder().status(status);
    for (k, v) in headers {
        b = b.header(*k, *v);
    }
    Ok(b.body(body.as_bytes().to_vec()).unwrap())
}

/// What a driven call did: the result, the requests it sent (with the fake time of
/// each), and the sleeps it asked for.
struct Run<T> {
    result: Result<T, Error>,
    sent: Vec<(SystemTime, Request<Body>)>,
    sleeps: Vec<Duration>,
}

/// The adapter loop, with a fake clock that advances only by the sleeps.
fn drive<O: Operation>(op: &O, policy: RetryPolicy, mut answers: Vec<Answer>) -> Run<O::Output> {
    answers.reverse();
    let config = config();
    let mut clock = start();
    let mut sent = Vec::new();
    let mut sleeps = Vec::new();
    let mut call = Call::new(op, &config, policy).unwrap();
    let result = loop {
        let request = match call.next_request(clock) {
            Ok(r) => r,
            Err(e) => break Err(e),
        };
        sent.push((clock, request));
        let reply = answers
            .pop()
            .expect("the driver sent more requests than scripted");
        let step = match reply {
            Ok(response) => call.on_response(response),
            Err(error) => call.on_transport_error(error),
        };
        match step {
            Step::Done(output) => break Ok(output),
            Step::Retry(delay) => {
                sleeps.push(delay);
                clock += delay;
            }
            Step::Failed(error) => break Err(error),
        }
    };
    assert_eq!(call.attempts() as usize, sent.len());
    assert!(
        answers.is_empty(),
        "{} scripted answers unused",
        answers.len()
    );
    Run {
        result,
        sent,
        sleeps,
    }
}

fn verify_signature(time: SystemTime, request: &Request<Body>) {
    let mut bytes = Request::new(request.body().to_bytes());
    *bytes.method_mut() = request.method().clone();
    *bytes.uri_mut() = request.uri().clone();
    *bytes.headers_mut() = request.headers().clone();
    Verifier::new(time)
        .verify_request(&bytes, |ak| (ak == "AK").then(|| Secret::new("SK")))
        .expect("every attempt carries a valid signature for its own time");
}

#[test]
fn success() {
    let body = r#"{"func_urn":"urn:x:latest","func_name":"hello","memory_size":256,"runtime":"Python3.9"}"#;
    let run = drive(
        &GetMetadata::new(URN),
        RetryPolicy::default(),
        vec![answer(200, &[], body)],
    );
    let f = run.result.unwrap();
    assert_eq!(f.func_name.as_deref(), Some("hello"));
    assert_eq!(f.memory_size, Some(256));
    assert!(run.sleeps.is_empty());
    let (time, request) = &run.sent[0];
    assert_eq!(request.method(), "GET");
    assert_eq!(
        request.uri().to_string(),
        format!(
            "http://127.0.0.1:18765/v2/{PID}/fgs/functions/urn%3Afss%3Acn-north-4%3A{PID}%3Afunction%3Adefault%3Ahello%3Alatest/config"
        )
    );
    assert_eq!(request.headers()["x-sdk-date"], "20240115T083000Z");
    assert_eq!(request.headers()["x-project-id"], PID);
    assert_eq!(request.headers()["host"], "127.0.0.1:18765");
    verify_signature(*time, request);
}

#[test]
fn api_error_is_typed_and_not_retried() {
    let run = drive(
        &GetMetadata::new(URN),
        RetryPolicy::default(),
        vec![answer(
            404,
            &[("x-request-id", "req-404")],
            r#"{"error_code":"FSS.1051","error_msg":"Not found the function"}"#,
        )],
    );
    let e = run.result.unwrap_err();
    assert!(e.is_not_found());
    assert_eq!(e.code(), Some("FSS.1051"));
    assert_eq!(e.message(), Some("Not found the function"));
    assert_eq!(e.request_id(), Some("req-404"));
    assert!(!e.is_retryable());
    assert_eq!(run.sent.len(), 1);
    assert_eq!(
        e.to_string(),
        "FSS.1051: Not found the function (HTTP 404 Not Found, request id req-404)"
    );
}

#[test]
fn retry_then_success_resigns_each_attempt() {
    let run = drive(
        &GetMetadata::new(URN),
        RetryPolicy::default()
            .seed(3)
            .base_delay(Duration::from_secs(1)),
        vec![
            answer(503, &[], r#"{"error_code":"FSS.0503","error_msg":"busy"}"#),
            Err(TransportError::new(
                TransportErrorKind::Io,
                true,
                "connection reset",
            )),
            answer(200, &[], r#"{"func_name":"hello"}"#),
        ],
    );
    assert_eq!(run.result.unwrap().func_name.as_deref(), Some("hello"));
    assert_eq!(run.sent.len(), 3);
    assert_eq!(run.sleeps.len(), 2);
    // 1 s base, equal jitter: [0.5, 1] s, then [1, 2] s.
    assert!(
        run.sleeps[0] >= Duration::from_millis(500) && run.sleeps[0] <= Duration::from_secs(1),
        "{:?}",
        run.sleeps
    );
    assert!(
        run.sleeps[1] >= Duration::from_secs(1) && run.sleeps[1] <= Duration::from_secs(2),
        "{:?}",
        run.sleeps
    );
    // Each attempt is signed for its own (later) time, and verifies.
    for (time, request) in &run.sent {
        verify_signature(*time, request);
    }
    // The third attempt is at least 1.5 s later: a new X-Sdk-Date, a new signature.
    assert_ne!(
        run.sent[0].1.headers()["x-sdk-date"],
        run.sent[2].1.headers()["x-sdk-date"]
    );
    assert_ne!(
        run.sent[0].1.headers()["authorization"],
        run.sent[2].1.headers()["authorization"]
    );
}

#[test]
fn retry_after_is_honoured() {
    let run = drive(
        &GetMetadata::new(URN),
        RetryPolicy::default(),
        vec![
            answer(
                429,
                &[("retry-after", "2")],
                r#"{"error_code":"FSS.0429","error_msg":"slow down"}"#,
            ),
            answer(200, &[], "{}"),
        ],
    );
    assert!(run.result.is_ok());
    assert_eq!(run.sleeps, vec![Duration::from_secs(2)]);
}

#[test]
fn gives_up_after_max_attempts_with_the_last_error() {
    let run = drive(
        &GetMetadata::new(URN),
        RetryPolicy::default().max_attempts(3),
        vec![
            answer(500, &[], r#"{"error_code":"FSS.0500","error_msg":"one"}"#),
            answer(502, &[], "<html><title>502 Bad Gateway</title></html>"),
            answer(503, &[], r#"{"error_code":"FSS.0503","error_msg":"three"}"#),
        ],
    );
    let e = run.result.unwrap_err();
    assert_eq!(e.code(), Some("FSS.0503"));
    assert_eq!(e.status().map(|s| s.as_u16()), Some(503));
    assert!(e.is_retryable());
    assert_eq!(run.sent.len(), 3);
    assert_eq!(run.sleeps.len(), 2);

    let transport = drive(
        &GetMetadata::new(URN),
        RetryPolicy::default().max_attempts(2),
        vec![
            Err(TransportError::new(
                TransportErrorKind::Timeout,
                true,
                "read timed out",
            )),
            Err(TransportError::new(
                TransportErrorKind::Timeout,
                true,
                "read timed out",
            )),
        ],
    );
    let e = transport.result.unwrap_err();
    assert!(matches!(&e, Error::Transport(t) if t.kind() == TransportErrorKind::Timeout));
    // The call driver names the operation and the endpoint.
    assert_eq!(
        e.to_string(),
        "timed out: read timed out (GetMetadata to http://127.0.0.1:18765)"
    );
}

#[test]
fn give_up_returns_the_error_of_the_attempt_a_retry_was_due_for() {
    let config = config();
    let op = GetMetadata::new(URN);
    let mut call = Call::new(&op, &config, RetryPolicy::default()).unwrap();
    assert!(call.give_up().is_none(), "no retry pending");
    let _ = call.next_request(start()).unwrap();
    let busy = answer(503, &[], r#"{"error_code":"FSS.0503","error_msg":"busy"}"#).unwrap();
    assert!(matches!(call.on_response(busy), Step::Retry(_)));
    let error = call.give_up().expect("the 503");
    assert_eq!(error.code(), Some("FSS.0503"));
    assert!(call.give_up().is_none(), "taken");

    let _ = call.next_request(start()).unwrap();
    let reset = TransportError::new(TransportErrorKind::Io, true, "reset");
    assert!(matches!(call.on_transport_error(reset), Step::Retry(_)));
    let error = call.give_up().expect("the reset");
    assert!(matches!(&error, Error::Transport(t) if t.kind() == TransportErrorKind::Io));
}

#[test]
fn decode_failure_on_success_is_not_retried() {
    let run = drive(
        &GetMetadata::new(URN),
        RetryPolicy::default(),
        vec![answer(
            200,
            &[("x-request-id", "r1")],
            r#"{"memory_size":"lots"}"#,
        )],
    );
    match run.result.unwrap_err() {
        Error::Decode(d) => {
            assert_eq!(d.path(), "memory_size");
            assert_eq!(d.status().as_u16(), 200);
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn invalid_input_fails_before_anything_is_sent() {
    let config = config();
    for bad in ["", ".", ".."] {
        let op = GetMetadata::new(bad);
        match Call::new(&op, &config, RetryPolicy::default()) {
            Err(Error::InvalidInput(i)) => assert_eq!(i.field(), "function_urn"),
            other => panic!("{bad:?}: {:?}", other.err()),
        }
    }
}

/// A user-defined, non-idempotent operation: the trait is open for extension.
struct Touch;

impl Operation for Touch {
    type Output = ();
    const INFO: &'static OperationInfo = &OperationInfo::custom(
        "Touch",
        http::Method::POST,
        "/v2/{project_id}/fgs/functions/{function_urn}/config",
        false,
    );
    fn idempotent(&self) -> bool {
        false
    }
    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        let mut r = GetMetadata::new("f").request(config)?;
        *r.method_mut() = http::Method::POST;
        Ok(r)
    }
    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<(), Error> {
        if response.status().is_success() {
            Ok(())
        } else {
            Err(Error::invalid_input("status", "not 2xx"))
        }
    }
}

#[test]
fn non_idempotent_is_not_resent_after_the_server_may_have_acted() {
    // Reset after sending: the server may have acted, so no retry.
    let run = drive(
        &Touch,
        RetryPolicy::default(),
        vec![Err(TransportError::new(
            TransportErrorKind::Io,
            true,
            "reset",
        ))],
    );
    assert!(matches!(run.result, Err(Error::Transport(_))));
    assert_eq!(run.sent.len(), 1);
    // 5xx: the server may have acted too.
    let run = drive(&Touch, RetryPolicy::default(), vec![answer(500, &[], "")]);
    assert!(run.result.is_err());
    assert_eq!(run.sent.len(), 1);
    // Connection refused and 429: the server did not act, so retrying is safe.
    let run = drive(
        &Touch,
        RetryPolicy::default(),
        vec![
            Err(TransportError::new(
                TransportErrorKind::Connect,
                false,
                "refused",
            )),
            answer(429, &[], ""),
            answer(204, &[], ""),
        ],
    );
    assert!(run.result.is_ok());
    assert_eq!(run.sent.len(), 3);
}

#[test]
fn token_auth_sends_the_token_and_no_signature() {
    let config = Config::new("http://127.0.0.1:18765", PID, Credentials::token("TOKEN-1")).unwrap();
    let op = GetMetadata::new(URN);
    let mut call = Call::new(&op, &config, RetryPolicy::none()).unwrap();
    let request = call.next_request(start()).unwrap();
    assert_eq!(request.headers()["x-auth-token"], "TOKEN-1");
    assert!(request.headers()["x-auth-token"].is_sensitive());
    assert!(!request.headers().contains_key("authorization"));
    assert!(!request.headers().contains_key("x-sdk-date"));
    assert!(matches!(
        call.on_response(Response::new(b"{}".to_vec())),
        Step::Done(_)
    ));
}

#[test]
fn a_large_body_is_handed_to_the_transport_and_built_again_for_a_retry() {
    // An in-memory body above the limit (an event of the caller's).
    let op = Invoke::new(URN).raw_event(vec![b'7'; KEEP_BODY_LIMIT + 1]);
    let config = config();
    let mut call = Call::new(&op, &config, RetryPolicy::default().seed(1)).unwrap();
    let first = call.next_request(start()).unwrap();
    assert!(first.body().len() > KEEP_BODY_LIMIT as u64);
    // The request holds the only reference: once the transport drops it, it is freed.
    assert!(
        first.body().as_bytes().is_some_and(|b| b.is_unique()),
        "the call keeps no copy"
    );
    let sent = first.body().to_bytes().to_vec();
    drop(first);
    let refused = TransportError::new(TransportErrorKind::Connect, false, "refused");
    let Step::Retry(delay) = call.on_transport_error(refused) else {
        panic!("a request that never left is retried");
    };
    let second = call.next_request(start() + delay).unwrap();
    assert_eq!(
        second.body().to_bytes(),
        sent.as_slice(),
        "the same body again"
    );
    assert!(second.body().as_bytes().is_some_and(|b| b.is_unique()));
    verify_signature(start() + delay, &second);
}

#[test]
fn a_code_upload_is_streamed_and_produced_again_for_a_retry() {
    let package: Vec<u8> = (0..KEEP_BODY_LIMIT).map(|i| (i % 251) as u8).collect();
    let op = UpdateCode::new(URN, Code::zip("big.zip", CodePackage::new(package.clone())));
    let config = config();
    let mut call = Call::new(&op, &config, RetryPolicy::default().seed(1)).unwrap();
    let first = call.next_request(start()).unwrap();
    assert!(first.body().is_streamed(), "the base64 is not held");
    let sent = first.body().to_bytes();
    assert_eq!(sent.len() as u64, first.body().len());
    let json: serde_json::Value = serde_json::from_slice(&sent).unwrap();
    let file = json["func_code"]["file"].as_str().unwrap();
    use base64::Engine as _;
    assert_eq!(
        base64::engine::general_purpose::STANDARD
            .decode(file)
            .unwrap(),
        package
    );
    // Signed over the streamed bytes.
    verify_signature(start(), &first);
    drop(first);
    let Step::Retry(delay) = call.on_response(answer(503, &[], "").unwrap()) else {
        panic!("a 503 on an idempotent upload is retried");
    };
    let second = call.next_request(start() + delay).unwrap();
    assert!(second.body().is_streamed());
    assert_eq!(second.body().to_bytes(), sent, "the same body again");
    verify_signature(start() + delay, &second);
}

#[test]
fn a_small_body_is_kept_and_shared_between_attempts() {
    let op = Invoke::new(URN).raw_event(br#"{"k":1}"#.to_vec());
    let config = config();
    let mut call = Call::new(&op, &config, RetryPolicy::default()).unwrap();
    let first = call.next_request(start()).unwrap();
    // The call holds a second reference to the same buffer, for a retry.
    let bytes = |request: &Request<Body>| request.body().as_bytes().cloned().expect("in memory");
    assert!(!first.body().as_bytes().is_some_and(|b| b.is_unique()));
    let second = call.next_request(start()).unwrap();
    assert_eq!(bytes(&first).as_ptr(), bytes(&second).as_ptr());
    verify_signature(start(), &second);
}

#[test]
fn every_secret_header_is_marked_sensitive() {
    let op = GetMetadata::new(URN);
    let temporary = Config::new(
        "http://127.0.0.1:18765",
        PID,
        Credentials::temporary_ak_sk("AK", "SK", "SECURITY-TOKEN"),
    )
    .unwrap();
    let mut call = Call::new(&op, &temporary, RetryPolicy::none()).unwrap();
    let request = call.next_request(start()).unwrap();
    for name in ["authorization", "x-security-token"] {
        assert!(request.headers()[name].is_sensitive(), "{name}");
    }
    // `http`'s Debug hides sensitive values: neither the signature nor the token shows.
    let debug = format!("{request:?}");
    let signature = request.headers()["authorization"].to_str().unwrap();
    let signature = signature.rsplit("Signature=").next().unwrap();
    assert!(!debug.contains(signature), "{debug}");
    assert!(!debug.contains("SECURITY-TOKEN"), "{debug}");
    // Not secret, so not hidden.
    assert!(!request.headers()["x-project-id"].is_sensitive());
}

#[test]
fn a_body_of_exactly_the_limit_is_not_kept_one_byte_less_is() {
    // The limit written out (1 MiB): a test through the constant alone would follow a
    // change of it.
    assert_eq!(KEEP_BODY_LIMIT, 1_048_576);
    let config = config();
    for (len, kept) in [(1_048_575, true), (1_048_576, false)] {
        let op = Invoke::new(URN).raw_event(vec![b'7'; len]);
        let mut call = Call::new(&op, &config, RetryPolicy::default()).unwrap();
        let first = call.next_request(start()).unwrap();
        assert_eq!(first.body().len(), len as u64);
        let unique = first.body().as_bytes().is_some_and(|b| b.is_unique());
        assert_eq!(!unique, kept, "a body of {len} bytes kept: {}", !unique);
    }
}

/// A streamed body of `len` bytes that counts the passes over it (each `chunks` call).
struct CountedSource {
    len: usize,
    passes: std::sync::Arc<std::sync::atomic::AtomicUsize>,
}

impl fgs_proto::BodySource for CountedSource {
    fn len(&self) -> u64 {
        self.len as u64
    }

    fn chunks(&self) -> Box<dyn Iterator<Item = bytes::Bytes> + Send + 'static> {
        self.passes
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let chunk = bytes::Bytes::from(vec![b'x'; 64 * 1024]);
        Box::new(std::iter::repeat_n(chunk, self.len / (64 * 1024)))
    }
}

/// An operation whose request carries a [`CountedSource`] and counts its builds.
struct Streamed {
    len: usize,
    passes: std::sync::Arc<std::sync::atomic::AtomicUsize>,
    builds: std::sync::atomic::AtomicUsize,
}

impl Operation for Streamed {
    type Output = ();
    const INFO: &'static OperationInfo = &OperationInfo::custom(
        "Streamed",
        http::Method::PUT,
        "/v2/{project_id}/fgs/functions/{function_urn}/code",
        true,
    );
    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        self.builds
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let mut r = GetMetadata::new("f").request(config)?;
        *r.method_mut() = http::Method::PUT;
        *r.body_mut() = Body::from_source(CountedSource {
            len: self.len,
            passes: self.passes.clone(),
        });
        Ok(r)
    }
    fn response<B: AsRef<[u8]>>(&self, _: Response<B>) -> Result<(), Error> {
        Ok(())
    }
}

/// An operation that counts how often its request is built.
struct Counted {
    builds: std::cell::Cell<u32>,
}

impl Operation for Counted {
    type Output = fgs_proto::model::Function;
    const INFO: &'static OperationInfo = GetMetadata::INFO;
    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        self.builds.set(self.builds.get() + 1);
        let mut request = GetMetadata::new(URN).request(config)?;
        request.extensions_mut().insert("from the operation");
        Ok(request)
    }
    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<Self::Output, Error> {
        GetMetadata::new(URN).response(response)
    }
}

#[test]
fn a_streamed_body_is_kept_and_hashed_once_for_all_attempts() {
    // Above the limit: a streamed body is kept whatever its size (it costs nothing).
    let len = 2 * KEEP_BODY_LIMIT;
    for (credentials, hashes) in [
        (Credentials::ak_sk("AK", "SK"), 1),
        (Credentials::token("TOKEN"), 0),
    ] {
        let config = Config::new("http://127.0.0.1:18765", PID, credentials).unwrap();
        let op = Streamed {
            len,
            passes: Default::default(),
            builds: Default::default(),
        };
        let mut call = Call::new(&op, &config, RetryPolicy::default().seed(1)).unwrap();
        let mut now = start();
        for attempt in 1..=3 {
            let request = call.next_request(now).unwrap();
            assert_eq!(request.body().len(), len as u64);
            if hashes > 0 {
                verify_signature(now, &request);
            }
            if attempt < 3 {
                let Step::Retry(delay) = call.on_response(answer(503, &[], "").unwrap()) else {
                    panic!("a 503 on an idempotent operation is retried");
                };
                now += delay;
            }
        }
        let passes = op.passes.load(std::sync::atomic::Ordering::Relaxed);
        // The verifier reads the body once per verified attempt.
        let verified = if hashes > 0 { 3 } else { 0 };
        assert_eq!(passes - verified, hashes, "passes over the body to sign it");
        // Each retry builds its head again; the streamed body built first is kept.
        assert_eq!(
            op.builds.load(std::sync::atomic::Ordering::Relaxed),
            3,
            "the head is built once per attempt"
        );
    }
}

#[test]
fn a_call_names_its_operation_policy_and_attempt() {
    let op = GetMetadata::new(URN);
    let config = config();
    let policy = RetryPolicy::default().max_attempts(5).seed(9);
    let mut call = Call::new(&op, &config, policy.clone()).unwrap();
    assert_eq!(call.name(), "GetMetadata");
    assert_eq!(call.policy(), &policy);
    assert_eq!(call.attempts(), 0);
    let _ = call.next_request(start()).unwrap();
    let _ = call.next_request(start()).unwrap();
    assert_eq!(call.attempts(), 2);
    let debug = format!("{call:?}");
    for part in [
        "Call",
        "GetMetadata",
        "GET",
        "attempt: 2",
        "max_attempts: 5",
    ] {
        assert!(debug.contains(part), "{part}: {debug}");
    }
    assert!(!debug.contains("SK\""), "{debug}");
}

#[test]
fn the_first_attempt_takes_the_head_as_built_and_a_retry_builds_it_again() {
    let op = Counted {
        builds: std::cell::Cell::new(0),
    };
    let config = config();
    let mut call = Call::new(&op, &config, RetryPolicy::default()).unwrap();
    let first = call.next_request(start()).unwrap();
    assert_eq!(op.builds.get(), 1, "built once for the first attempt");
    assert_eq!(
        first.extensions().get::<&str>(),
        Some(&"from the operation")
    );
    verify_signature(start(), &first);
    let later = start() + Duration::from_secs(1);
    let second = call.next_request(later).unwrap();
    assert_eq!(op.builds.get(), 2, "the retry's head is built again");
    // The same unsigned head, signed anew, with the operation's extensions.
    assert_eq!(second.uri(), first.uri());
    assert_eq!(
        second.extensions().get::<&str>(),
        Some(&"from the operation")
    );
    assert_ne!(
        second.headers()["x-sdk-date"],
        first.headers()["x-sdk-date"]
    );
    let names = |r: &Request<Body>| r.headers().keys().cloned().collect::<Vec<_>>();
    assert_eq!(names(&second), names(&first));
    verify_signature(later, &second);
}
