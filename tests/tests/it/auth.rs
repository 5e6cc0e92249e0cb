//! Authentication through each adapter: IAM token instead of AK/SK, and a wrong secret
//! key answered with a typed 401 that is not retried.

use fgs_emulator::Emulator;
use fgs_proto::functions::{GetMetadata, Invoke, List};
use fgs_proto::{Config, Credentials, Error};
use fgs_tests::{Connect, RequestCounter, aksk_emulator, echo_function, fast_retries};

fgs_tests::through_both_adapters!(
    token_auth,
    wrong_secret_key_is_a_typed_401,
    wrong_token_is_a_typed_401
);

const TOKEN: &str = "fgs-tests-iam-token";

/// An emulator that accepts only `X-Auth-Token: TOKEN`; `Emulator::config` then
/// carries that token.
fn token_emulator() -> Emulator {
    Emulator::builder()
        .token(TOKEN)
        .start()
        .expect("emulator starts")
}

fn token_auth<S: Connect>() {
    let emu = token_emulator();
    let config = emu.config();
    assert!(matches!(config.credentials(), Credentials::Token(_)));
    let sdk = S::connect(config, fast_retries());

    let created = sdk
        .send(&echo_function("by-token"))
        .expect("Create with a token");
    let urn = created.func_urn.expect("func_urn");
    assert_eq!(
        urn,
        format!("{}:latest", emu.function_urn("default", "by-token"))
    );
    let function = sdk.send(&GetMetadata::new(&urn)).expect("GetMetadata");
    assert_eq!(function.func_name.as_deref(), Some("by-token"));
    let names: Vec<String> = sdk
        .all_items(List::new())
        .expect("List")
        .into_iter()
        .filter_map(|f| f.func_name)
        .collect();
    assert_eq!(names, ["by-token"]);
    let invoked = sdk
        .send(&Invoke::new(&urn).raw_event(br#"{"k":"v"}"#.to_vec()))
        .expect("Invoke");
    // The emulator's default handler echoes the event.
    assert_eq!(invoked.result(), br#"{"k":"v"}"#);
}

/// Asserts the typed 401 the emulator answers to bad credentials.
#[track_caller]
fn assert_unauthorized(sdk_name: &str, error: &Error) {
    assert!(matches!(error, Error::Service(_)), "{sdk_name}: {error:?}");
    assert_eq!(error.status().map(|s| s.as_u16()), Some(401), "{sdk_name}");
    assert_eq!(error.code(), Some("FSS.0401"), "{sdk_name}: {error}");
    assert!(
        !error.is_retryable(),
        "{sdk_name}: 401 must not be retryable"
    );
    assert!(
        error.request_id().is_some(),
        "{sdk_name}: the emulator sends X-Request-Id"
    );
}

fn wrong_secret_key_is_a_typed_401<S: Connect>() {
    let emu = aksk_emulator();
    let wrong = Config::new(
        emu.endpoint(),
        emu.project_id(),
        Credentials::ak_sk(fgs_tests::harness::ACCESS_KEY, "not-the-secret-key"),
    )
    .expect("valid config");
    let sdk = S::connect(wrong, fast_retries());
    let requests = RequestCounter::start(&emu);
    let error = sdk.send(&List::new()).expect_err("a wrong SK is refused");
    assert_unauthorized(sdk.name(), &error);
    assert_eq!(
        requests.received(),
        1,
        "{}: a 401 is not retried",
        sdk.name()
    );
    // Nothing was created by a refused request.
    let error = sdk.send(&echo_function("refused")).expect_err("refused");
    assert_unauthorized(sdk.name(), &error);
    assert!(emu.snapshot().functions.is_empty());
}

fn wrong_token_is_a_typed_401<S: Connect>() {
    let emu = token_emulator();
    let wrong = Config::new(
        emu.endpoint(),
        emu.project_id(),
        Credentials::token("not-the-token"),
    )
    .expect("valid config");
    let sdk = S::connect(wrong, fast_retries());
    let requests = RequestCounter::start(&emu);
    let error = sdk
        .send(&GetMetadata::new("default:any"))
        .expect_err("refused");
    assert_unauthorized(sdk.name(), &error);
    assert_eq!(
        requests.received(),
        1,
        "{}: a 401 is not retried",
        sdk.name()
    );
}
