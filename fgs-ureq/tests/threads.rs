//! Sequential calls on one connection start no thread: ureq's own resolver starts one
//! per call as soon as a timeout is set, which fgs-ureq's resolver avoids. A test
//! binary of its own, so that no other test's threads come and go meanwhile.

use std::collections::BTreeSet;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread;
use std::time::Duration;

use fgs_proto::functions::GetMetadata;
use fgs_testkit::{Reply, TestServer, token_config};

/// The ids of this process's threads now.
fn tasks() -> BTreeSet<u64> {
    std::fs::read_dir("/proc/self/task")
        .expect("/proc/self/task")
        .filter_map(|entry| entry.ok()?.file_name().to_str()?.parse().ok())
        .collect()
}

/// Every thread id seen while `run` runs, by a thread that lists the process's tasks
/// again and again (a thread started per call lives for a lookup: tens of
/// microseconds, long enough to be seen many times over hundreds of calls).
fn threads_seen_during(run: impl FnOnce()) -> BTreeSet<u64> {
    let stop = Arc::new(AtomicBool::new(false));
    let sampler = {
        let stop = Arc::clone(&stop);
        thread::spawn(move || {
            let mut seen = BTreeSet::new();
            while !stop.load(Ordering::Relaxed) {
                seen.extend(tasks());
            }
            seen
        })
    };
    // The sampler is running (and is in its own listing) before the calls start.
    thread::sleep(Duration::from_millis(20));
    let before = tasks();
    run();
    stop.store(true, Ordering::Relaxed);
    let seen = sampler.join().expect("sampler");
    seen.difference(&before).copied().collect()
}

#[test]
fn sequential_calls_on_one_connection_start_no_thread() {
    if !std::path::Path::new("/proc/self/task").exists() {
        eprintln!("no /proc/self/task: skipped");
        return;
    }
    let server = TestServer::start(|_| Reply::json(200, r#"{"func_name":"f"}"#));
    let url = server.url(); // http://127.0.0.1:PORT
    const CALLS: usize = 300;

    // The control: ureq with the same timeouts and its own resolver does start threads, and
    // this detector sees them (else the assertion below would prove nothing).
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .timeout_connect(Some(Duration::from_secs(10)))
        .timeout_global(Some(Duration::from_secs(60)))
        .build()
        .into();
    // Each body is read to its end, so that the connection is reused.
    let call = || {
        let mut response = agent.get(&url).call().expect("raw call");
        response.body_mut().read_to_string().expect("raw body");
    };
    call();
    let connections = server.connections();
    let started = threads_seen_during(|| (0..CALLS).for_each(|_| call()));
    assert_eq!(server.connections(), connections, "one connection, reused");
    assert!(
        !started.is_empty(),
        "the detector saw no thread of ureq's default resolver"
    );

    // fgs-ureq with its default settings (connect timeout and timeout both set).
    let client = fgs_ureq::Client::new(token_config(&url));
    let op = GetMetadata::new("f");
    client.send(&op).expect("warm up");
    let connections = server.connections();
    let started = threads_seen_during(|| {
        for _ in 0..CALLS {
            client.send(&op).expect("call");
        }
    });
    assert_eq!(started, BTreeSet::new(), "threads started during the calls");
    assert_eq!(server.connections(), connections, "one connection, reused");
}
