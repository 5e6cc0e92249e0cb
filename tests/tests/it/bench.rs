//! The end-to-end benchmarks (`fgs_benches`) checked for what they claim, never
//! for their figures: the raw clients send the SDK's exact bytes, a throughput run
//! makes every call it reports against a real emulator, and the upload run stores the
//! whole zip.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use fgs_benches::throughput::floor::{RawRequest, hyper_call, hyper_client, ureq_agent, ureq_call};
use fgs_benches::throughput::{Args, ClientKind, LIST_FUNCTIONS, Op, run_against};
use fgs_benches::{self as bench, Auth, upload};
use fgs_proto::functions::{GetMetadata, Invoke, List};
use fgs_proto::{Config, Operation, RetryPolicy};
use fgs_testkit::{ACCESS_KEY, Received, Reply, TestServer, URN, aksk_config, token_config};
use fgs_tests::RequestCounter;

/// A whole second near now, so that a signature dated with it verifies.
fn fixed_now() -> SystemTime {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("after 1970")
        .as_secs();
    UNIX_EPOCH + Duration::from_secs(secs)
}

/// A request line, the header lines in order, and the body.
type Wire = (String, Vec<(String, Vec<u8>)>, Vec<u8>);

/// What identifies a request on the wire.
fn wire(received: &Received) -> Wire {
    (
        received.request_line(),
        received.raw_headers.clone(),
        received.body.clone(),
    )
}

/// Sends `operation` through fgs-ureq and raw-ureq, then fgs-hyper and raw-hyper, all
/// dated `now`, and checks that each raw client put its SDK client's exact bytes on the
/// wire.
fn same_bytes<O: Operation + Sync>(operation: &O, config: fn(&str) -> Config) {
    let server = TestServer::start(|_| Reply::json(200, "{}"));
    let config = config(&server.url());
    let now = fixed_now();
    let raw = RawRequest::new(operation, &config).expect("prepared");

    fgs_ureq::Client::builder(config.clone())
        .clock(move || now)
        .retry_policy(RetryPolicy::none())
        .build()
        .expect("client")
        .send(operation)
        .expect("fgs-ureq");
    ureq_call(&ureq_agent(), raw.at(now).expect("signed")).expect("raw-ureq");

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        fgs_hyper::Client::builder(config.clone())
            .clock(move || now)
            .retry_policy(RetryPolicy::none())
            .build()
            .expect("client")
            .send(operation)
            .await
            .expect("fgs-hyper");
        hyper_call(&hyper_client(), raw.at(now).expect("signed"))
            .await
            .expect("raw-hyper");
    });

    let received = server.requests();
    assert_eq!(received.len(), 4);
    assert_eq!(
        wire(&received[1]),
        wire(&received[0]),
        "raw-ureq vs fgs-ureq"
    );
    assert_eq!(
        wire(&received[3]),
        wire(&received[2]),
        "raw-hyper vs fgs-hyper"
    );
    for request in &received {
        if request.header("authorization").is_some() {
            assert_eq!(request.signature, Some(Ok(ACCESS_KEY.to_owned())));
        }
    }
}

#[test]
fn raw_clients_send_the_sdk_requests_byte_for_byte() {
    let get = GetMetadata::new(URN);
    let list = List::new().maxitems(3);
    let invoke = Invoke::new(URN).raw_event(br#"{"name":"fgs","n":1}"#.to_vec());
    for config in [aksk_config as fn(&str) -> Config, token_config] {
        same_bytes(&get, config);
        same_bytes(&list, config);
        same_bytes(&invoke, config);
    }
}

#[test]
fn a_signed_raw_request_is_signed_anew_for_each_call() {
    let raw = RawRequest::new(&GetMetadata::new(URN), &aksk_config("http://127.0.0.1:1"))
        .expect("prepared");
    let now = fixed_now();
    let first = raw.at(now).expect("signed");
    let later = raw.at(now + Duration::from_secs(1)).expect("signed");
    assert_ne!(first.headers()["x-sdk-date"], later.headers()["x-sdk-date"]);
    assert_ne!(
        first.headers()["authorization"],
        later.headers()["authorization"]
    );
    assert_eq!(raw.at(now).expect("signed").headers(), first.headers());
}

/// Runs `op` with every client, `n` calls for `rounds` rounds, and checks the calls
/// the emulator received against those the report counts.
fn throughput_run(op: Op, auth: Auth, setup_calls: u64) {
    let emu = bench::emulator_builder().start().expect("emulator");
    let config = bench::config(emu.endpoint(), auth).expect("config");
    let args = Args {
        op,
        n: 7,
        rounds: 2,
        auth,
        // Below the warm-up count, so that each client warms up with `n` calls.
        concurrency: Some(3),
        ..Args::default()
    };
    let requests = RequestCounter::start(&emu);
    let mut out = Vec::new();
    let report = run_against(&config, &args, &mut out).expect("the run succeeds");
    let out = String::from_utf8(out).expect("text");

    for client in ClientKind::ALL {
        let sample = report.sample(client).expect("measured");
        assert_eq!(sample.calls, 14, "{client:?}");
        assert!(sample.wall > Duration::ZERO, "{client:?}");
    }
    // Per client: 7 warm-up calls, 14 timed ones and 7 counting threads; plus the setup
    // and the clean-up.
    let clients = ClientKind::ALL.len() as u64;
    assert_eq!(
        requests.received(),
        clients * (7 + 14 + 7) + 2 * setup_calls,
        "{out}"
    );
    assert!(emu.snapshot().functions.is_empty(), "cleaned up");

    let lines: Vec<&str> = out.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(lines.len(), 8, "{out}");
    for (line, client) in lines.iter().zip(ClientKind::ALL) {
        let start = format!(
            "client={} op={} n=14 calls_per_s=",
            client.name(),
            op.name()
        );
        assert!(line.starts_with(&start), "{line}");
        assert!(line.contains(" cpu_us_per_call="), "{line}");
        assert!(line.contains(" threads_per_call="), "{line}");
    }
    // Counted for every client (the in-process emulator's threads are counted too, so
    // the figures are not checked here; fgs-ureq's `tests/threads.rs` checks its own).
    for client in ClientKind::ALL {
        assert!(report.threads(client).is_some(), "{client:?}: {out}");
    }
    assert!(lines[5].starts_with(&format!("ratio=fgs-ureq/raw-ureq op={}", op.name())));
    assert!(lines[6].starts_with(&format!("ratio=fgs-ureq/raw-tcp op={}", op.name())));
    assert!(lines[7].starts_with(&format!("ratio=fgs-hyper/raw-hyper op={}", op.name())));
}

#[test]
fn a_get_metadata_run_makes_every_call_it_reports() {
    throughput_run(Op::GetMetadata, Auth::AkSk, 1);
}

#[test]
fn a_list_run_makes_every_call_it_reports() {
    throughput_run(Op::List, Auth::Token, LIST_FUNCTIONS as u64);
}

#[test]
fn an_invoke_run_makes_every_call_it_reports() {
    throughput_run(Op::Invoke, Auth::AkSk, 1);
}

#[test]
fn a_failing_call_fails_the_run() {
    let emu = bench::emulator_builder().start().expect("emulator");
    // Credentials the emulator does not accept: setup fails, and says so.
    let config = Config::new(
        emu.endpoint(),
        fgs_emulator::DEFAULT_PROJECT_ID,
        fgs_proto::Credentials::token("wrong"),
    )
    .expect("config");
    let error = run_against(&config, &Args::default(), &mut Vec::new()).unwrap_err();
    assert!(
        error.contains("cannot create the benchmark functions"),
        "{error}"
    );
}

#[test]
fn the_upload_run_sends_the_whole_zip_with_token_auth() {
    let emu = bench::emulator_builder().start().expect("emulator");
    let config = bench::config(emu.endpoint(), Auth::Token).expect("config");
    let mut out = Vec::new();
    let report = upload::run_against(&config, 2, &mut out).expect("the upload succeeds");
    let out = String::from_utf8(out).expect("text");
    // The run itself checks the service's code_size against the zip.
    assert!(
        (2 << 20..(2 << 20) + 1024).contains(&report.zip_len),
        "{report:?}"
    );
    // The zip was resident at some point.
    assert!(report.peak_rss >= report.zip_len, "{report:?}");
    assert!(out.contains("peak_over_zip="), "{out}");
    assert!(emu.snapshot().functions.is_empty(), "cleaned up");
}
