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
