//! `UreqTransport::new`: an agent the user configured keeps ureq's defaults, yet the
//! client still reads error statuses as responses. (What both adapters share is tested
//! once for both, in fgs-testkit's `tests/adapters/`.)

use fgs_proto::functions::GetMetadata;
use fgs_testkit::{Reply, TestServer, URN, aksk_config, scripted};
use fgs_ureq::{Client, UreqTransport};

#[test]
fn a_users_agent_still_reads_error_statuses_as_responses() {
    let server = TestServer::start(scripted(vec![Reply::fss_error(
        409, "FSS.1061", "conflict", "req-409",
    )]));
    // ureq's defaults: error statuses become `ureq::Error::StatusCode`, redirects are
    // followed. The client overrides both per request.
    let agent = fgs_ureq::ureq::Agent::new_with_defaults();
    let client = Client::with_transport(aksk_config(&server.url()), UreqTransport::new(agent));
    let error = client.send(&GetMetadata::new(URN)).unwrap_err();
    assert_eq!(error.code(), Some("FSS.1061"));
    assert_eq!(error.request_id(), Some("req-409"));
}

/// An agent that already reads error statuses and follows no redirect is used as it is
/// when its timeout is the attempt's; with any other timeout the attempt's still holds.
#[test]
fn a_plain_agent_keeps_the_attempts_own_timeout() {
    use std::time::Duration;

    use fgs_proto::TransportErrorKind;
    use fgs_ureq::RequestOptions;

    let server = TestServer::start(|_| Reply::json(200, "{}").delay(Duration::from_millis(600)));
    let agent = fgs_ureq::ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .max_redirects_will_error(false)
        .timeout_global(Some(Duration::from_secs(30)))
        .build()
        .new_agent();
    let client = Client::builder(aksk_config(&server.url()))
        .timeout(Duration::from_secs(30))
        .transport(UreqTransport::new(agent))
        .build()
        .unwrap();
    // The agent's own timeout is the attempt's: the slow answer arrives within it.
    assert!(client.send(&GetMetadata::new(URN)).is_ok());
    // A shorter timeout for one call cuts the same answer off.
    let options = RequestOptions::new()
        .timeout(Duration::from_millis(150))
        .retry_policy(fgs_ureq::RetryPolicy::none());
    let error = client
        .send_with(&GetMetadata::new(URN), options)
        .unwrap_err();
    let fgs_ureq::Error::Transport(error) = error else {
        panic!("expected a transport error, got {error:?}");
    };
    assert_eq!(error.kind(), TransportErrorKind::Timeout);
}
