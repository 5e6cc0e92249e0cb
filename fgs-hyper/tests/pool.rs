//! The pool opens no more connections than there are calls in flight, and keeps them.
//! (hyper-util's pooled client, racing a new connection against every checkout, opened
//! 43 to 57 for this load.)

use fgs_proto::functions::GetMetadata;
use fgs_testkit::{Reply, TestServer, token_config};

const CONCURRENCY: usize = 32;
const CALLS_PER_TASK: usize = 200;

async fn round(client: &fgs_hyper::Client) {
    let tasks: Vec<_> = (0..CONCURRENCY)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move {
                for _ in 0..CALLS_PER_TASK {
                    client.send(&GetMetadata::new("f")).await.expect("call");
                }
            })
        })
        .collect();
    for task in tasks {
        task.await.expect("task");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn thirty_two_calls_in_flight_open_at_most_thirty_two_connections_and_keep_them() {
    // Answers as fast as possible: connections are between two requests often.
    let server = TestServer::start(|_| Reply::json(200, r#"{"func_name":"f"}"#));
    let client = fgs_hyper::Client::new(token_config(&server.url()));
    round(&client).await;
    let opened = server.connections();
    eprintln!("{opened} connections for {CONCURRENCY} calls in flight");
    assert!(
        opened <= CONCURRENCY,
        "{opened} connections for {CONCURRENCY} calls in flight"
    );
    assert!(
        opened > 1,
        "the calls ran concurrently ({opened} connection)"
    );
    for _ in 0..2 {
        round(&client).await;
        assert_eq!(server.connections(), opened, "the connections were kept");
    }
    assert_eq!(server.request_count(), 3 * CONCURRENCY * CALLS_PER_TASK);
}
