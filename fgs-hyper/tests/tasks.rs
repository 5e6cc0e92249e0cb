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
