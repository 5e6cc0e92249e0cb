//! What only the async client has: its futures are `Send`, and clones work from spawned
//! tasks on a multi-thread runtime. (What both adapters share is tested once for both,
//! in fgs-testkit's `tests/adapters/`.)

use fgs_hyper::Client;
use fgs_proto::functions::{GetMetadata, List};
use fgs_testkit::{Reply, TestServer, URN, scripted, token_config};

#[test]
fn calls_are_send_futures() {
    fn assert_send<T: Send>(_: T) {}
    let client = Client::new(token_config("http://127.0.0.1:9"));
    let op = GetMetadata::new(URN);
    assert_send(client.send(&op));
    assert_send(client.pages(List::new()).items());
    let mut pages = client.pages(List::new());
    assert_send(pages.next());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn clones_work_from_spawned_tasks() {
    let server = TestServer::start(scripted(vec![Reply::json(200, r#"{"func_name":"f"}"#)]));
    let client = Client::new(token_config(&server.url()));
    let tasks: Vec<_> = (0..8)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { client.send(&GetMetadata::new(URN)).await })
        })
        .collect();
    for task in tasks {
        assert_eq!(task.await.unwrap().unwrap().func_name.as_deref(), Some("f"));
    }
    assert_eq!(server.request_count(), 8);
}

/// Four tasks send one call each through clones of one client over one closure
/// transport whose future waits at a four-party barrier: only calls in flight at the
/// same time can pass it. The wait is bounded, so a client that serialised calls fails
/// the test instead of hanging it.
#[tokio::test(flavor = "current_thread")]
async fn calls_through_a_shared_custom_transport_run_at_the_same_time() {
    use std::sync::Arc;
    use std::time::Duration;

    use fgs_hyper::{Body, RetryPolicy, TransportError, TransportErrorKind};

    let barrier = Arc::new(tokio::sync::Barrier::new(4));
    let transport = move |_request: http::Request<Body>| {
        let barrier = Arc::clone(&barrier);
        async move {
            match tokio::time::timeout(Duration::from_secs(10), barrier.wait()).await {
                Ok(_) => Ok(http::Response::new(r#"{"func_name":"together"}"#)),
                Err(_) => Err(TransportError::new(
                    TransportErrorKind::Other,
                    false,
                    "the other calls never reached the transport",
                )),
            }
        }
    };
    let client = Client::builder(token_config("http://fgs.test"))
        .retry_policy(RetryPolicy::none())
        .transport(transport)
        .build()
        .unwrap();
    let op = GetMetadata::new(URN);
    let clone = client.clone();
    let (a, b, c, d) = tokio::join!(
        client.send(&op),
        clone.send(&op),
        client.send(&op),
        clone.send(&op)
    );
    for result in [a, b, c, d] {
        assert_eq!(result.unwrap().func_name.as_deref(), Some("together"));
    }
}

#[tokio::test]
async fn the_operation_timeout_cuts_off_a_transport_that_ignores_its_limits() {
    use std::time::Duration;

    use fgs_proto::{Body, RetryPolicy, TransportError, TransportErrorKind};

    // A transport of the user's that never answers and reads no `AttemptLimits`.
    let transport = |_request: http::Request<Body>| async {
        tokio::time::sleep(Duration::from_secs(30)).await;
        Ok::<_, TransportError>(http::Response::new("{}"))
    };
    let client = Client::builder(token_config("http://fgs.test"))
        .retry_policy(RetryPolicy::default().max_attempts(5))
        .operation_timeout(Duration::from_millis(300))
        .transport(transport)
        .build()
        .unwrap();
    let started = std::time::Instant::now();
    let error = client.send(&GetMetadata::new(URN)).await.unwrap_err();
    let elapsed = started.elapsed();
    assert!(
        matches!(&error, fgs_proto::Error::Transport(t) if t.kind() == TransportErrorKind::Timeout),
        "{error:?}"
    );
    assert!(error.to_string().contains("operation timeout"), "{error}");
    assert!(
        elapsed >= Duration::from_millis(290) && elapsed < Duration::from_millis(600),
        "{elapsed:?}"
    );
}
