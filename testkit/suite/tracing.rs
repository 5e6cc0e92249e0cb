//! Tracing through an adapter (the `tracing` feature of fgs-client, which the adapters'
//! `tracing` features forward to; their dev-dependencies turn it on): a span per call,
//! events per attempt, no secrets.

use std::time::Duration;

use fgs_client::ClientSettings;
use fgs_proto::RetryPolicy;
use fgs_proto::functions::GetMetadata;
use fgs_testkit::{
    Connect, Reply, SECRET_KEY, TOKEN, TestServer, TraceLog, URN, aksk_config, scripted,
    token_config,
};

use fgs_testkit::this_adapter;

this_adapter!(a_retried_call_is_traced_without_secrets);

fn a_retried_call_is_traced_without_secrets<S: Connect>() {
    let server = TestServer::start(scripted(vec![
        Reply::fss_error(503, "FSS.0503", "busy", "req-1"),
        Reply::json(200, r#"{"func_name":"hello"}"#),
        Reply::fss_error(404, "FSS.1051", "not found", "req-2"),
    ]));
    let policy = RetryPolicy::default().base_delay(Duration::from_millis(5));
    // The async client runs its calls on this thread (`block_on`), where the recording
    // subscriber is installed.
    let (log, _guard) = TraceLog::install();
    let aksk = S::connect(aksk_config(&server.url()), policy);
    aksk.send(&GetMetadata::new(URN)).unwrap();
    let token = S::with_settings(&ClientSettings::new(), token_config(&server.url())).unwrap();
    token.send(&GetMetadata::new(URN)).unwrap_err();

    let spans: Vec<_> = log
        .lines()
        .into_iter()
        .filter(|l| l.starts_with("span fgs.call"))
        .collect();
    assert_eq!(spans.len(), 2, "{spans:?}");
    assert!(spans[0].contains("operation=GetMetadata"), "{spans:?}");
    let records = log
        .lines()
        .into_iter()
        .filter(|l| l.starts_with("record fgs.call"))
        .collect::<Vec<_>>();
    assert!(
        records.iter().any(|l| l.contains("method=GET")),
        "{records:?}"
    );
    assert!(
        records.iter().any(|l| l.contains("path=/v2/")),
        "{records:?}"
    );
    assert!(
        records.iter().any(|l| l.contains("attempt=2")),
        "{records:?}"
    );

    assert_eq!(log.events("fgs.attempt").len(), 3);
    let responses = log.events("fgs.response");
    assert_eq!(responses.len(), 3, "{responses:?}");
    assert!(responses[0].contains("status=503") && responses[0].contains("latency_ms="));
    assert!(responses[1].contains("status=200"));
    assert!(
        responses.iter().all(|l| l.starts_with("event fgs.call")),
        "parented to the call span"
    );
    let retries = log.events("fgs.retry");
    assert_eq!(retries.len(), 1);
    assert!(retries[0].contains("delay_ms="));
    let failed = log.events("fgs.failed");
    assert_eq!(failed.len(), 1);
    assert!(
        failed[0].contains("FSS.1051") && failed[0].contains("req-2"),
        "{failed:?}"
    );

    let everything = log.lines().join("\n");
    assert!(!everything.contains(SECRET_KEY));
    assert!(!everything.contains(TOKEN));
    assert!(!everything.contains("Signature="));
    assert!(!everything.to_ascii_lowercase().contains("authorization"));
}
