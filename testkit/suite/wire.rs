//! What goes on the wire through each adapter: signatures that verify, headers nobody
//! rewrote, reused connections.

use std::time::Duration;

use fgs_client::ClientSettings;
use fgs_proto::RetryPolicy;
use fgs_proto::functions::{GetMetadata, List};
use fgs_testkit::{
    ACCESS_KEY, Connect, PROJECT, Poke, Reply, TOKEN, TestServer, URN, aksk_config, scripted,
    token_config,
};

use fgs_testkit::this_adapter;

this_adapter!(
    signed_requests_verify_on_the_server_as_received,
    token_requests_carry_the_token_and_a_host,
    a_thousand_sequential_calls_reuse_connections,
    clones_share_the_pool,
);

fn signed_requests_verify_on_the_server_as_received<S: Connect>() {
    let server = TestServer::start(|request| {
        if request.method == "POST" {
            Reply::json(200, r#"{"func_name":"poked"}"#)
        } else if request.path().ends_with("/functions") {
            Reply::json(200, r#"{"functions":[],"next_marker":0,"count":0}"#)
        } else {
            Reply::json(200, r#"{"func_name":"hello"}"#)
        }
    });
    let client = S::with_settings(&ClientSettings::new(), aksk_config(&server.url())).unwrap();
    client.send(&GetMetadata::new(URN)).unwrap();
    client
        .send(&List::new().maxitems(10).marker("5").func_name("a b&c"))
        .unwrap();
    client.send(&Poke::new(3)).unwrap();

    let requests = server.requests();
    assert_eq!(requests.len(), 3);
    for request in &requests {
        assert_eq!(
            request.signature,
            Some(Ok(ACCESS_KEY.to_owned())),
            "{}",
            request.request_line()
        );
        // Signed before sending, and sent as signed.
        let signed = request.signed_header_names();
        for name in ["host", "user-agent", "x-project-id", "x-sdk-date"] {
            assert!(signed.iter().any(|s| s == name), "{name} not in {signed:?}");
        }
        assert_eq!(
            request.header("user-agent"),
            Some(fgs_proto::DEFAULT_USER_AGENT)
        );
        assert_eq!(request.header("x-project-id"), Some(PROJECT));
        assert_eq!(request.headers.get_all("host").iter().count(), 1);
        assert_eq!(request.headers.get_all("user-agent").iter().count(), 1);
    }
    assert_eq!(
        requests[0].path(),
        format!(
            "/v2/{PROJECT}/fgs/functions/{}/config",
            URN.replace(':', "%3A")
        )
    );
    assert_eq!(
        requests[1].query(),
        Some("func_name=a%20b%26c&marker=5&maxitems=10")
    );
    assert_eq!(requests[2].body, br#"{"n":3}"#);
}

fn token_requests_carry_the_token_and_a_host<S: Connect>() {
    let server = TestServer::start(scripted(vec![Reply::json(200, r#"{"func_name":"f"}"#)]));
    let client = S::with_settings(&ClientSettings::new(), token_config(&server.url())).unwrap();
    client.send(&GetMetadata::new(URN)).unwrap();
    let request = &server.requests()[0];
    assert_eq!(request.header("x-auth-token"), Some(TOKEN));
    assert_eq!(request.signature, None);
    let authority = server.url().trim_start_matches("http://").to_owned();
    assert_eq!(request.header("host"), Some(authority.as_str()));
    assert_eq!(
        request.header("user-agent"),
        Some(fgs_proto::DEFAULT_USER_AGENT)
    );
}

fn a_thousand_sequential_calls_reuse_connections<S: Connect>() {
    let server = TestServer::start(scripted(vec![Reply::json(200, r#"{"func_name":"f"}"#)]));
    let client = S::connect(aksk_config(&server.url()), RetryPolicy::none());
    for _ in 0..1000 {
        client.send(&GetMetadata::new(URN)).unwrap();
    }
    assert_eq!(server.request_count(), 1000);
    assert!(
        server.connections() <= 2,
        "{} connections",
        server.connections()
    );
}

fn clones_share_the_pool<S: Connect + Clone>() {
    let server = TestServer::start(scripted(vec![Reply::json(200, r#"{"func_name":"f"}"#)]));
    let settings = ClientSettings::new().timeout(Duration::from_secs(5));
    let client = S::with_settings(&settings, token_config(&server.url())).unwrap();
    let clone = client.clone();
    for _ in 0..10 {
        client.send(&GetMetadata::new(URN)).unwrap();
        clone.send(&GetMetadata::new(URN)).unwrap();
    }
    assert_eq!(server.connections(), 1);
}
