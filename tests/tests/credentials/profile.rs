//! The profile file and the chain, through both clients.

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Duration;

use fgs_client::credentials::CredentialsSource;
use fgs_proto::Error;
use fgs_proto::auth::provider::{
    Chain, ChainEndpoints, CredentialsErrorKind, DEFAULT_CHAIN, Profile,
};
use fgs_proto::functions::List;
use fgs_tests::Connect;

use crate::{AK, SK, emulator_settings, identity_emulator, provided_config, temp_file};

fgs_testkit::through_both_adapters!(
    a_profile_with_every_key_authorizes_calls,
    a_malformed_profile_names_the_file_and_the_line,
    the_chain_tries_sources_in_the_official_order
);

fn profile_source(path: PathBuf) -> CredentialsSource {
    CredentialsSource::new(move |endpoints| {
        Box::new(Profile::new(Some(path.clone()), endpoints.iam.as_deref()))
    })
}

fn a_profile_with_every_key_authorizes_calls<S: Connect>() {
    let emu = identity_emulator(Duration::from_secs(3600));
    // The key pair with its project, account, security token and IAM endpoint.
    let keys = temp_file(
        "credentials",
        &format!(
            "# fgs test profile\n[basic]\nak = {AK}\nsk = {SK}\nsecurity_token = ST-ignored-by-permanent-keys\n\
             project_id = {}\ndomain_id = d0123\niam_endpoint = {}\n\n[global]\nak = other\nsk = other\n",
            emu.project_id(),
            emu.endpoint()
        ),
    );
    let settings = emulator_settings(&emu).credentials_provider(profile_source(keys));
    let sdk = S::with_settings(&settings, provided_config(&emu, false)).expect("client");
    sdk.send(&List::new())
        .expect("List with the profile's keys");
    // The profile named the project: nothing was looked up.
    assert_eq!(emu.identity_requests().project_lists, 0, "{}", sdk.name());

    // Federation: idp_id + id_token_file, exchanged at the profile's iam_endpoint; the
    // project is looked up there too.
    let id_token = temp_file("id_token", "eyJ-an-oidc-id-token\n");
    let federated = temp_file(
        "credentials",
        &format!(
            "[basic]\nidp_id = my-idp\nid_token_file = {}\niam_endpoint = {}\n",
            id_token.display(),
            emu.endpoint()
        ),
    );
    let settings = fgs_client::ClientSettings::new()
        .retry_policy(fgs_tests::fast_retries())
        .credentials_provider(profile_source(federated));
    let sdk = S::with_settings(&settings, provided_config(&emu, false)).expect("client");
    sdk.send(&List::new()).expect("List with federated keys");
    sdk.send(&List::new()).expect("List again");
    let counts = emu.identity_requests();
    assert_eq!(counts.id_token_exchanges, 1, "{}", sdk.name());
    assert_eq!(counts.project_lists, 1, "{}", sdk.name());
}

fn a_malformed_profile_names_the_file_and_the_line<S: Connect>() {
    let emu = identity_emulator(Duration::from_secs(3600));
    let path = temp_file("credentials", &format!("[basic]\nak = {AK}\nsk {SK}\n"));
    let settings = emulator_settings(&emu).credentials_provider(profile_source(path.clone()));
    let sdk = S::with_settings(&settings, provided_config(&emu, true)).expect("client");
    let error = sdk.send(&List::new()).unwrap_err();
    let Error::Credentials(e) = &error else {
        panic!("{}: {error:?}", sdk.name())
    };
    assert_eq!(
        (e.provider(), e.kind()),
        ("profile", CredentialsErrorKind::Invalid)
    );
    let place = format!("{}:3:", path.display());
    assert!(e.message().starts_with(&place), "{}: {e}", sdk.name());
    assert!(!error.to_string().contains(SK), "{error}");
}

/// Env before the profile, the profile before metadata, metadata when nothing else is
/// set up (OIDC, first, is not set up here; pod identity, last, never reached).
fn the_chain_tries_sources_in_the_official_order<S: Connect>() {
    let emu = identity_emulator(Duration::from_secs(3600));
    // A profile whose secret key is wrong: using it would fail with a 401.
    let wrong = temp_file("credentials", &format!("[basic]\nak = {AK}\nsk = wrong\n"));
    let right = temp_file("credentials", &format!("[basic]\nak = {AK}\nsk = {SK}\n"));
    let run = |vars: Vec<(&'static str, String)>| {
        let env: HashMap<&str, String> = vars.into_iter().collect();
        let source = CredentialsSource::new(move |endpoints: &ChainEndpoints| {
            Box::new(Chain::of(
                &DEFAULT_CHAIN,
                &|k| env.get(k).cloned(),
                endpoints,
            ))
        });
        let settings = emulator_settings(&emu).credentials_provider(source);
        let sdk = S::with_settings(&settings, provided_config(&emu, true)).expect("client");
        sdk.send(&List::new()).map(drop)
    };
    let file = |path: &PathBuf| {
        (
            "HUAWEICLOUD_SDK_CREDENTIALS_FILE",
            path.display().to_string(),
        )
    };

    run(vec![
        ("HUAWEICLOUD_SDK_AK", AK.into()),
        ("HUAWEICLOUD_SDK_SK", SK.into()),
        file(&wrong),
    ])
    .expect("the environment wins over the profile");
    assert_eq!(
        run(vec![file(&wrong)])
            .unwrap_err()
            .status()
            .map(|s| s.as_u16()),
        Some(401)
    );
    run(vec![file(&right)]).expect("the profile");
    assert_eq!(
        emu.identity_requests().metadata_keys,
        0,
        "the profile wins over metadata"
    );
    let missing = right.with_file_name("absent");
    run(vec![file(&missing)]).expect("ECS metadata when nothing else is set up");
    assert_eq!(emu.identity_requests().metadata_keys, 1);
}
