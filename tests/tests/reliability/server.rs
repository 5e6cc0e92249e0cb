//! What a hostile server answers reaches the caller typed, bounded and safe to log.

use fgs_proto::Error;
use fgs_proto::functions::GetMetadata;
use fgs_testkit::{Reply, TestServer, URN, token_config};
use fgs_tests::Connect;

/// Point 8: invalid UTF-8 in `error_msg` keeps `error_code`; control characters are
/// escaped; a 20 MB message is cut.
pub(crate) fn server_error_text_is_kept_escaped_and_bounded<S: Connect>() {
    let mut forged = br#"{"error_code":"FSS.1051","error_msg":"bad "#.to_vec();
    forged.push(0xff);
    forged.extend_from_slice(br#" \u001b[2J\r\nINFO forged line"}"#);
    let huge = format!(
        r#"{{"error_code":"FSS.0500","error_msg":"{}"}}"#,
        "x".repeat(20 << 20)
    );
    let replies = [forged, huge.into_bytes()];
    let server = TestServer::start(move |request| {
        let which = usize::from(request.path().contains("huge"));
        Reply::bytes(404, replies[which].clone()).header("content-type", "application/json")
    });
    let sdk = S::connect(token_config(&server.url()), fgs_proto::RetryPolicy::none());

    let error = sdk.send(&GetMetadata::new(URN)).expect_err("a 404");
    assert_eq!(error.code(), Some("FSS.1051"), "{}", sdk.name());
    let text = error.to_string();
    assert_eq!(
        text,
        "FSS.1051: bad \u{fffd} \\u{1b}[2J\\r\\nINFO forged line (HTTP 404 Not Found)",
        "{}",
        sdk.name()
    );

    let error = sdk
        .send(&GetMetadata::new(format!("{URN}-huge")))
        .expect_err("a 404");
    let text = error.to_string();
    assert!(text.len() < 1200, "{}: {} bytes", sdk.name(), text.len());
    let Error::Service(service) = &error else {
        panic!("{}: {error:?}", sdk.name());
    };
    assert_eq!(service.code(), Some("FSS.0500"));
    assert!(service.raw_body().len() > 20 << 20, "the raw body is kept");
    println!(
        "[reliability] {}: 20 MiB error_msg -> Display of {} bytes",
        sdk.name(),
        text.len()
    );
}
