//! Request snapshots of the operations the core issue built (GetMetadata, List), beyond
//! the minimal ones. Each snapshot is the exact request, signed at a fixed time with
//! fixed credentials.
//! (The minimal AK/SK-signed request of every operation is snapshotted by `registry.rs`,
//! from the fixtures in `common/fixtures.rs`.)

mod common;

use common::{URN, aksk_config, render, token_config};
use fgs_proto::functions::{GetMetadata, List};

#[test]
fn get_metadata_token() {
    insta::assert_snapshot!(render(&GetMetadata::new(URN), &token_config()));
}

#[test]
fn list_all_fields() {
    let op = List::new()
        .marker("400")
        .maxitems(50)
        .package_name("default")
        .func_name("hello world");
    insta::assert_snapshot!(render(&op, &aksk_config()));
}

/// The snapshots pin the `User-Agent`; this is where the default is checked: a config
/// left alone sends [`DEFAULT_USER_AGENT`](fgs_proto::DEFAULT_USER_AGENT) (the crate
/// version), one with `with_user_agent` sends its own, and a header-breaking value is
/// refused.
#[test]
fn user_agent_defaults_to_the_crate_version() {
    use fgs_proto::{Config, Credentials, DEFAULT_USER_AGENT, Operation};
    let config = Config::new("http://127.0.0.1:9", "p1", Credentials::token("t")).unwrap();
    let user_agent = |config: &Config| {
        let request = GetMetadata::new(URN).request(config).unwrap();
        request.headers()[http::header::USER_AGENT].clone()
    };
    assert_eq!(user_agent(&config), DEFAULT_USER_AGENT);
    assert_eq!(
        DEFAULT_USER_AGENT,
        concat!("fgs-rust/", env!("CARGO_PKG_VERSION"))
    );
    let pinned = config.clone().with_user_agent("fgs-rust/snapshot").unwrap();
    assert_eq!(user_agent(&pinned), "fgs-rust/snapshot");
    assert!(config.with_user_agent("a\r\nx-injected: 1").is_err());
}
