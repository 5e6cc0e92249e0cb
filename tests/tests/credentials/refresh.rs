//! Temporary credentials from the emulator's metadata service: cached, refreshed before
//! they expire (one fetch however many calls need them), refreshed once when the
//! service says they expired; the metadata service down; the project looked up once.

use std::sync::{Arc, Barrier, Mutex};
use std::time::Duration;

use fgs_client::credentials::CredentialsSource;
use fgs_proto::auth::provider::{CredentialsErrorKind, names};
use fgs_proto::functions::List;
use fgs_proto::{Body, Credentials, TransportError};
use fgs_tests::Connect;

use crate::{AK, SK, emulator_settings, identity_emulator, provided_config};

fgs_testkit::through_both_adapters!(
    metadata_down_is_a_typed_error_naming_the_provider,
    credentials_the_service_says_expired_are_refreshed_once,
    the_project_id_is_looked_up_once_for_many_calls,
);

const LIFETIME: Duration = Duration::from_secs(4);
const MARGIN: Duration = Duration::from_secs(2);
/// Past the refresh margin of the first credentials, before they expire.
const INTO_THE_MARGIN: Duration = Duration::from_millis(2300);

#[test]
fn refreshed_before_expiry_with_one_fetch_for_32_calls_fgs_ureq() {
    let emu = identity_emulator(LIFETIME);
    let client = fgs_ureq::Client::builder(provided_config(&emu, true))
        .settings(emulator_settings(&emu).refresh_margin(MARGIN))
        .credentials_provider(CredentialsSource::ecs_metadata())
        .build()
        .expect("client");
    client.send(&List::new()).expect("first call");
    client.send(&List::new()).expect("second call, cached");
    assert_eq!(emu.identity_requests().metadata_keys, 1);
    std::thread::sleep(INTO_THE_MARGIN);
    let barrier = Arc::new(Barrier::new(32));
    let threads: Vec<_> = (0..32)
        .map(|_| {
            let (client, barrier) = (client.clone(), barrier.clone());
            std::thread::spawn(move || {
                barrier.wait();
                client.send(&List::new()).map(drop)
            })
        })
        .collect();
    for thread in threads {
        thread.join().expect("thread").expect("call at expiry");
    }
    let counts = emu.identity_requests();
    assert_eq!(counts.metadata_keys, 2, "one refresh for 32 calls");
    assert_eq!(counts.metadata_tokens, 1, "the session token is kept");
}

#[test]
fn refreshed_before_expiry_with_one_fetch_for_32_calls_fgs_hyper() {
    let emu = identity_emulator(LIFETIME);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    runtime.block_on(async {
        let client = fgs_hyper::Client::builder(provided_config(&emu, true))
            .settings(emulator_settings(&emu).refresh_margin(MARGIN))
            .credentials_provider(CredentialsSource::ecs_metadata())
            .build()
            .expect("client");
        client.send(&List::new()).await.expect("first call");
        client
            .send(&List::new())
            .await
            .expect("second call, cached");
        assert_eq!(emu.identity_requests().metadata_keys, 1);
        tokio::time::sleep(INTO_THE_MARGIN).await;
        let tasks: Vec<_> = (0..32)
            .map(|_| {
                let client = client.clone();
                tokio::spawn(async move { client.send(&List::new()).await.map(drop) })
            })
            .collect();
        for task in tasks {
            task.await.expect("task").expect("call at expiry");
        }
    });
    let counts = emu.identity_requests();
    assert_eq!(counts.metadata_keys, 2, "one refresh for 32 calls");
    assert_eq!(counts.metadata_tokens, 1, "the session token is kept");
}

fn metadata_down_is_a_typed_error_naming_the_provider<S: Connect>() {
    let emu = identity_emulator(LIFETIME);
    let settings = emulator_settings(&emu)
        .metadata_endpoint(fgs_testkit::closed_port_url())
        .credentials_provider(CredentialsSource::ecs_metadata());
    let sdk = S::with_settings(&settings, provided_config(&emu, true)).expect("client");
    let error = sdk.send(&List::new()).unwrap_err();
    let e = error
        .as_credentials()
        .unwrap_or_else(|| panic!("{}: {error:?}", sdk.name()));
    assert_eq!(
        (e.provider(), e.kind()),
        ("ecs-metadata", CredentialsErrorKind::Unavailable)
    );
    assert!(error.to_string().contains("ecs-metadata"), "{error}");
}

fn credentials_the_service_says_expired_are_refreshed_once<S: Connect>() {
    let emu = identity_emulator(Duration::from_secs(3600));
    let settings = emulator_settings(&emu).credentials_provider(CredentialsSource::ecs_metadata());
    let sdk = S::with_settings(&settings, provided_config(&emu, true)).expect("client");
    sdk.send(&List::new()).expect("first call");
    assert_eq!(emu.identity_requests().metadata_keys, 1);
    // The service now holds the keys expired, an hour before the client expects.
    emu.expire_temporary_credentials();
    sdk.send(&List::new()).expect("refreshed and sent again");
    assert_eq!(
        emu.identity_requests().metadata_keys,
        2,
        "{}: one refresh",
        sdk.name()
    );
    sdk.send(&List::new()).expect("the new keys are cached");
    assert_eq!(emu.identity_requests().metadata_keys, 2, "{}", sdk.name());

    // Without a provider, the same answer is the service's typed 401.
    emu.expire_temporary_credentials();
    let fixed = S::connect(
        sdk_config_with_expired_keys(&emu),
        fgs_tests::fast_retries(),
    );
    let error = fixed.send(&List::new()).unwrap_err();
    assert_eq!(error.status().map(|s| s.as_u16()), Some(401), "{error:?}");
    assert_eq!(error.code(), Some("APIG.0301"));
    assert!(
        error.message().is_some_and(|m| m.contains("expires")),
        "{error:?}"
    );
}

/// A config with temporary keys fetched from `emu`'s metadata service by hand.
fn sdk_config_with_expired_keys(emu: &fgs_emulator::Emulator) -> fgs_proto::Config {
    let url = format!("{}{}", emu.endpoint(), names::METADATA_SECURITY_KEY_PATH);
    let body = ureq::get(&url)
        .call()
        .expect("metadata")
        .into_body()
        .read_to_vec()
        .expect("body");
    let keys = fgs_proto::auth::provider::parse_temporary_credentials("test", &body).expect("keys");
    emu.expire_temporary_credentials();
    fgs_proto::Config::new(
        emu.endpoint(),
        emu.project_id(),
        Credentials::temporary_ak_sk(keys.access, keys.secret, keys.security_token),
    )
    .expect("config")
}

fn the_project_id_is_looked_up_once_for_many_calls<S: Connect>() {
    let emu = identity_emulator(Duration::from_secs(3600));
    let settings = emulator_settings(&emu)
        .credentials_provider(CredentialsSource::fixed(Credentials::ak_sk(AK, SK)));
    let sdk = S::with_settings(&settings, provided_config(&emu, false)).expect("client");
    for _ in 0..10 {
        sdk.send(&List::new()).expect("List");
    }
    assert_eq!(emu.identity_requests().project_lists, 1, "{}", sdk.name());

    // With temporary keys, refreshed: still one lookup.
    let emu = identity_emulator(Duration::from_secs(3600));
    let settings = emulator_settings(&emu).credentials_provider(CredentialsSource::ecs_metadata());
    let sdk = S::with_settings(&settings, provided_config(&emu, false)).expect("client");
    sdk.send(&List::new()).expect("List");
    emu.expire_temporary_credentials();
    for _ in 0..5 {
        sdk.send(&List::new()).expect("List");
    }
    let counts = emu.identity_requests();
    assert_eq!(
        (counts.metadata_keys, counts.project_lists),
        (2, 1),
        "{}",
        sdk.name()
    );
}

/// A client over a transport of the user's sends the provider's requests through it.
#[test]
fn provider_requests_go_through_a_transport_of_yours() {
    let emu = identity_emulator(Duration::from_secs(3600));
    let seen: Arc<Mutex<Vec<String>>> = Arc::default();
    let log = seen.clone();
    let agent = ureq::Agent::new_with_defaults();
    let transport = move |request: http::Request<Body>| {
        log.lock().unwrap().push(request.uri().path().to_owned());
        let (parts, body) = request.into_parts();
        let request = http::Request::from_parts(parts, body.to_bytes().to_vec());
        let response = agent.run(request).map_err(|e| {
            TransportError::new(fgs_proto::TransportErrorKind::Io, true, e.to_string())
        })?;
        let (parts, mut body) = response.into_parts();
        let bytes = body.read_to_vec().map_err(|e| {
            TransportError::new(fgs_proto::TransportErrorKind::Io, true, e.to_string())
        })?;
        Ok::<_, TransportError>(http::Response::from_parts(parts, bytes))
    };
    let client = fgs_ureq::Client::builder(provided_config(&emu, false))
        .settings(emulator_settings(&emu).credentials_provider(CredentialsSource::ecs_metadata()))
        .transport(transport)
        .build()
        .expect("client");
    client.send(&List::new()).expect("List");
    let seen = seen.lock().unwrap().clone();
    assert_eq!(
        seen,
        [
            names::METADATA_TOKEN_PATH,
            names::METADATA_SECURITY_KEY_PATH,
            names::IAM_PROJECTS_PATH,
            &format!("/v2/{}/fgs/functions", emu.project_id())
        ],
    );
}
