//! The providers' conversations, step by step, without a network.

use std::path::Path;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use bytes::Bytes;
use http::{Response, StatusCode};

use super::*;
use crate::auth::Credentials;

const KEYS: &str = r#"{"credential":{"access":"TMPAK","secret":"TMPSK","securitytoken":"ST","expires_at":"2030-01-01T00:00:00.000000Z"}}"#;

fn now() -> SystemTime {
    UNIX_EPOCH + Duration::from_secs(1_800_000_000)
}

fn answer(status: u16, body: &str) -> Response<Bytes> {
    Response::builder()
        .status(status)
        .body(Bytes::from(body.to_owned()))
        .unwrap()
}

fn sent(step: Result<Step, CredentialsError>) -> http::Request<crate::Body> {
    match step.unwrap() {
        Step::Send(request) => request,
        other => panic!("{other:?}"),
    }
}

fn ready(step: Result<Step, CredentialsError>) -> Provided {
    match step.unwrap() {
        Step::Ready(provided) => provided,
        other => panic!("{other:?}"),
    }
}

#[test]
fn metadata_asks_a_session_token_then_the_key() {
    let mut p = EcsMetadata::new("http://meta");
    let token = sent(p.start(now()));
    assert_eq!(
        (token.method().as_str(), token.uri().to_string().as_str()),
        ("PUT", "http://meta/meta-data/latest/api/token")
    );
    assert_eq!(token.headers()["x-metadata-token-ttl-seconds"], "21600");
    let key = sent(p.on_response(answer(200, "SESSION"), now()));
    assert_eq!(key.uri(), "http://meta/openstack/latest/securitykey");
    assert_eq!(key.headers()["x-metadata-token"], "SESSION");
    assert!(
        !format!("{key:?}").contains("SESSION"),
        "the session token is sensitive"
    );
    let provided = ready(p.on_response(answer(200, KEYS), now()));
    assert!(
        matches!(&provided.credentials, Credentials::AkSk(k) if k.access_key() == "TMPAK" && k.security_token().is_some())
    );
    assert!(provided.expires_at.is_some());
    // The session token is kept for the next fetch.
    assert_eq!(
        sent(p.start(now())).headers()["x-metadata-token"],
        "SESSION"
    );
}

#[test]
fn metadata_without_session_tokens_and_a_401_retry() {
    let mut p = EcsMetadata::new("http://meta");
    sent(p.start(now()));
    // 404: the service has no session tokens; the key is asked for without one.
    let key = sent(p.on_response(answer(404, ""), now()));
    assert!(!key.headers().contains_key("x-metadata-token"));
    // A 401 gets a new session token, once.
    let token = sent(p.on_response(answer(401, "token required"), now()));
    assert_eq!(token.method(), "PUT");
    let key = sent(p.on_response(answer(200, "NEW"), now()));
    assert_eq!(key.headers()["x-metadata-token"], "NEW");
    let e = p.on_response(answer(401, "still no"), now()).unwrap_err();
    assert_eq!(
        (e.provider(), e.kind(), e.status()),
        (
            "ecs-metadata",
            CredentialsErrorKind::Rejected,
            Some(StatusCode::UNAUTHORIZED)
        )
    );
    // No agency: no token helps.
    let mut p = EcsMetadata::new("http://meta");
    sent(p.start(now()));
    sent(p.on_response(answer(405, ""), now()));
    let e = p
        .on_response(
            answer(401, "Please configure Cloud Service Agency first"),
            now(),
        )
        .unwrap_err();
    assert!(e.message().contains("Agency"), "{e}");
}

#[test]
fn federation_exchanges_the_id_token_then_the_iam_token() {
    let mut p = Federation::new("env", "idp-1", "/t/id_token", "http://iam");
    assert!(
        matches!(p.start(now()).unwrap(), Step::ReadFile(path) if path == Path::new("/t/id_token"))
    );
    let exchange = sent(p.on_file(Ok("IDTOKEN\n".into()), now()));
    assert_eq!(exchange.uri(), "http://iam/v3.0/OS-AUTH/id-token/tokens");
    assert_eq!(exchange.headers()["x-idp-id"], "idp-1");
    assert_eq!(
        &exchange.body().to_bytes()[..],
        br#"{"auth":{"id_token":{"id":"IDTOKEN"}}}"#
    );
    let token = Response::builder()
        .status(201)
        .header("x-subject-token", "IAMTOKEN")
        .body(Bytes::from_static(b"{}"))
        .unwrap();
    let keys = sent(p.on_response(token, now()));
    assert_eq!(keys.uri(), "http://iam/v3.0/OS-CREDENTIAL/securitytokens");
    let body: serde_json::Value = serde_json::from_slice(&keys.body().to_bytes()).unwrap();
    assert_eq!(body["auth"]["identity"]["token"]["id"], "IAMTOKEN");
    assert_eq!(body["auth"]["identity"]["token"]["duration_seconds"], 21600);
    assert!(
        ready(p.on_response(answer(201, KEYS), now()))
            .expires_at
            .is_some()
    );
}

#[test]
fn pod_identity_and_oidc_sts() {
    let mut pod = PodIdentity::new("http://pod/creds", "/t/token");
    assert!(matches!(pod.start(now()).unwrap(), Step::ReadFile(_)));
    let request = sent(pod.on_file(Ok("PODTOKEN".into()), now()));
    assert_eq!(
        (
            request.method().as_str(),
            request.headers()["authorization"].to_str().unwrap()
        ),
        ("POST", "PODTOKEN")
    );
    assert_eq!(&request.body().to_bytes()[..], b"{}");
    ready(pod.on_response(answer(200, KEYS), now()));

    let env = |k: &str| match k {
        "HUAWEICLOUD_OIDC_PROVIDER_URN" => Some("iam::1:identity-provider:p".to_owned()),
        "HUAWEICLOUD_OIDC_AGENCY_URN" => Some("iam::1:agency:a".to_owned()),
        "HUAWEICLOUD_OIDC_ID_TOKEN" => Some("IDT".to_owned()),
        "HUAWEICLOUD_OIDC_POLICY_IDS" => Some("a, b,".to_owned()),
        names::ENV_PROJECT_ID => Some("p-oidc".to_owned()),
        _ => None,
    };
    let mut sts = OidcSts::new(OidcStsSettings::from_lookup(env), Some("http://sts"));
    let request = sent(sts.start(now()));
    assert_eq!(request.uri(), "http://sts/v5/agencies/assume-with-oidc");
    let body: serde_json::Value = serde_json::from_slice(&request.body().to_bytes()).unwrap();
    assert_eq!(body["agency_session_name"], "oidc-sts-session");
    assert_eq!(body["duration_seconds"], 3600);
    assert_eq!(body["policy_ids"], serde_json::json!(["a", "b"]));
    let provided = ready(sts.on_response(answer(200, KEYS), now()));
    assert_eq!(provided.project_id.as_deref(), Some("p-oidc"));
}

#[test]
fn the_default_chain_is_the_official_order_and_sticks_to_its_choice() {
    assert_eq!(
        DEFAULT_CHAIN,
        [
            Source::OidcSts,
            Source::Env,
            Source::Profile,
            Source::EcsMetadata,
            Source::PodIdentity
        ]
    );
    // Nothing set up but metadata: OIDC, env and profile are passed over.
    let mut chain = Chain::of(&DEFAULT_CHAIN, &|_| None, &ChainEndpoints::default());
    let token = sent(chain.start(now()));
    assert_eq!(
        token.uri(),
        "http://169.254.169.254/meta-data/latest/api/token"
    );
    sent(chain.on_response(answer(200, "S"), now()));
    ready(chain.on_response(answer(200, KEYS), now()));
    assert_eq!(chain.chosen(), Some("ecs-metadata"));
    // A refresh asks metadata again, not the sources before it.
    assert_eq!(
        sent(chain.start(now())).uri(),
        "http://169.254.169.254/openstack/latest/securitykey"
    );

    // Metadata unreachable: pod identity is next, and without it the error names
    // metadata, the source that was there but failed.
    let mut chain = Chain::of(&DEFAULT_CHAIN, &|_| None, &ChainEndpoints::default());
    sent(chain.start(now()));
    let e = chain
        .on_transport_error(crate::TransportError::new(
            crate::TransportErrorKind::Connect,
            false,
            "refused",
        ))
        .unwrap_err();
    assert_eq!(
        (e.provider(), e.kind()),
        ("ecs-metadata", CredentialsErrorKind::Unavailable)
    );
    assert!(e.message().contains("cce-pod-identity"), "{e}");

    // Env wins over everything after it; half a key pair stops the chain.
    let env = |k: &str| match k {
        "HUAWEICLOUD_SDK_AK" => Some("AK".to_owned()),
        "HUAWEICLOUD_SDK_SK" => Some("SK".to_owned()),
        "HUAWEICLOUD_SDK_PROJECT_ID" => Some("p1".to_owned()),
        _ => None,
    };
    let mut chain = Chain::of(&DEFAULT_CHAIN, &env, &ChainEndpoints::default());
    assert_eq!(ready(chain.start(now())).project_id.as_deref(), Some("p1"));
    assert_eq!(chain.chosen(), Some("env"));
    let half = |k: &str| (k == "HUAWEICLOUD_SDK_AK").then(|| "AK".to_owned());
    let e = Chain::of(&DEFAULT_CHAIN, &half, &ChainEndpoints::default())
        .start(now())
        .unwrap_err();
    assert_eq!(
        (e.provider(), e.kind()),
        ("env", CredentialsErrorKind::Invalid)
    );
}

#[test]
fn profile_errors_name_the_file_and_the_line() {
    let path = Path::new("/home/me/.huaweicloud/credentials");
    let cases = [
        ("ak = x\n", 1, "before any"),
        ("[basic]\nak = 1\n\n# c\nak = 2\n", 5, "twice"),
        ("[basic]\n[basic]\n", 2, "twice"),
        ("[basic\n", 1, "`]`"),
        ("[basic]\n= v\n", 2, "no key"),
        ("[basic]\njust words\n", 2, "expected"),
    ];
    for (text, line, why) in cases {
        let e = ProfileFile::parse(text, path).unwrap_err();
        assert_eq!(e.kind(), CredentialsErrorKind::Invalid);
        let prefix = format!("/home/me/.huaweicloud/credentials:{line}: ");
        assert!(
            e.message().starts_with(&prefix) && e.message().contains(why),
            "{text:?}: {e}"
        );
    }
    let file = ProfileFile::parse(
        "\u{feff}; comment\n[DEFAULT]\niam_endpoint = http://iam\n[basic]\nAK: A\nsk = S\n  continued\n",
        path,
    )
    .unwrap();
    let basic = file.section("basic").unwrap();
    assert_eq!(
        (basic.get("ak"), basic.get("sk"), basic.get("iam_endpoint")),
        (Some("A"), Some("S\ncontinued"), Some("http://iam"))
    );
    // `[DEFAULT]` is not a section of its own: its values are every section's.
    assert_eq!(file.section_names().collect::<Vec<_>>(), ["basic"]);
    assert_eq!(
        basic.keys().collect::<Vec<_>>(),
        ["ak", "iam_endpoint", "sk"]
    );
    // Debug shows sections and keys, never values.
    let text = format!("{file:?}");
    assert!(!text.contains("continued"), "{text}");
    assert_eq!(text, r#"{"basic": {"ak", "iam_endpoint", "sk"}}"#);
}

#[test]
fn a_profile_gives_its_keys_and_project_and_reports_a_missing_or_unreadable_file() {
    let path = Path::new("/home/me/.huaweicloud/credentials");
    let mut profile = Profile::new(Some(path.into()), None);
    assert!(matches!(profile.start(now()).unwrap(), Step::ReadFile(p) if p == path));
    let provided = ready(profile.on_file(
        Ok("[basic]\nak = AK\nsk = SK\nproject_id = p1\ndomain_id = d1\n".into()),
        now(),
    ));
    assert_eq!(provided.credentials, Credentials::ak_sk("AK", "SK"));
    assert_eq!(provided.project_id.as_deref(), Some("p1"));
    assert_eq!(provided.domain_id.as_deref(), Some("d1"));
    for (error, kind) in [
        (
            std::io::ErrorKind::NotFound,
            CredentialsErrorKind::NotConfigured,
        ),
        (
            std::io::ErrorKind::PermissionDenied,
            CredentialsErrorKind::Invalid,
        ),
    ] {
        profile.start(now()).unwrap();
        let e = profile
            .on_file(Err(std::io::Error::from(error)), now())
            .unwrap_err();
        assert_eq!(e.kind(), kind, "{error:?}: {e}");
        assert!(
            e.message().contains("/home/me/.huaweicloud/credentials"),
            "{e}"
        );
    }
}

#[test]
fn the_project_lookup_is_signed_and_its_answer_read() {
    let request = project_list_request(
        "http://iam",
        "cn-north-4",
        &Credentials::temporary_ak_sk("AK", "SK", "ST"),
        now(),
    )
    .unwrap();
    assert_eq!(request.uri(), "http://iam/v3/projects?name=cn-north-4");
    assert!(
        request.headers()["authorization"]
            .to_str()
            .unwrap()
            .starts_with("SDK-HMAC-SHA256 Access=AK")
    );
    assert_eq!(request.headers()["x-security-token"], "ST");
    let one = answer(200, r#"{"projects":[{"id":"p1","name":"cn-north-4"}]}"#);
    assert_eq!(parse_project_list("cn-north-4", &one).unwrap(), "p1");
    let none = parse_project_list("cn-north-4", &answer(200, r#"{"projects":[]}"#)).unwrap_err();
    assert!(none.message().contains("no project"), "{none}");
    let two = parse_project_list("r", &answer(200, r#"{"projects":[{"id":"a"},{"id":"b"}]}"#))
        .unwrap_err();
    assert!(two.message().contains("[a,b]"), "{two}");
    assert_eq!(
        parse_project_list("r", &answer(403, "no"))
            .unwrap_err()
            .kind(),
        CredentialsErrorKind::Rejected
    );
}

#[test]
fn provided_credentials_debug_every_field_and_no_secret() {
    let mut provided = Provided::temporary(
        Credentials::temporary_ak_sk("AK-VISIBLE", "SK-HIDDEN", "ST-HIDDEN"),
        UNIX_EPOCH + Duration::from_secs(1),
    );
    provided.project_id = Some("p-visible".into());
    provided.domain_id = Some("d-visible".into());
    provided.iam_endpoint = Some("http://iam-visible".into());
    let text = format!("{provided:?}");
    for shown in [
        "Provided",
        "AK-VISIBLE",
        "expires_at: Some(",
        "p-visible",
        "d-visible",
        "http://iam-visible",
    ] {
        assert!(text.contains(shown), "{shown} missing from {text}");
    }
    assert!(!text.contains("HIDDEN"), "{text}");
}

#[test]
fn temporary_credentials_debug_the_key_and_expiry_but_no_secret() {
    let answer = TemporaryCredentials {
        access: "AK-VISIBLE".into(),
        secret: "SK-HIDDEN".into(),
        security_token: "ST-HIDDEN".into(),
        expires_at: UNIX_EPOCH + Duration::from_secs(5),
    };
    let text = format!("{answer:?}");
    assert!(text.starts_with("TemporaryCredentials"), "{text}");
    assert!(
        text.contains("AK-VISIBLE") && text.contains("expires_at"),
        "{text}"
    );
    assert!(!text.contains("HIDDEN"), "{text}");
}

#[test]
fn an_empty_iam_endpoint_variable_leaves_the_profile_the_chains_endpoint() {
    let endpoints = ChainEndpoints {
        iam: Some("http://iam-of-the-chain".into()),
        ..ChainEndpoints::default()
    };
    let with = |value: &'static str| {
        move |name: &str| (name == names::ENV_IAM_ENDPOINT).then(|| value.to_owned())
    };
    let empty = format!("{:?}", Source::Profile.provider(&with(""), &endpoints));
    assert!(empty.contains("http://iam-of-the-chain"), "{empty}");
    let set = format!(
        "{:?}",
        Source::Profile.provider(&with("http://iam-of-env"), &endpoints)
    );
    assert!(set.contains("http://iam-of-env"), "{set}");
}

#[test]
fn every_provider_names_itself() {
    let chain = Chain::of(&DEFAULT_CHAIN, &|_| None, &ChainEndpoints::default());
    assert_eq!(
        chain.names(),
        [
            "oidc-sts",
            "env",
            "profile",
            "ecs-metadata",
            "cce-pod-identity"
        ]
    );
    assert_eq!(Static::new(Credentials::token("T")).name(), "static");
}

/// An environment of `vars` (name, value).
fn env_of(vars: &[(&str, &str)]) -> Env {
    let vars: Vec<(String, String)> = vars
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    let settings = EnvSettings::from_lookup(|name| {
        vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
    });
    Env::new(settings, Some("http://iam-default"))
}

#[test]
fn the_environments_keys_come_with_its_project_and_account() {
    let mut env = env_of(&[
        (names::ENV_AK, "AK"),
        (names::ENV_SK, "SK"),
        (names::ENV_SECURITY_TOKEN, "ST"),
        (names::ENV_PROJECT_ID, "p1"),
        (names::ENV_DOMAIN_ID, "d1"),
    ]);
    let provided = ready(env.start(now()));
    assert_eq!(
        provided.credentials,
        Credentials::temporary_ak_sk("AK", "SK", "ST")
    );
    assert_eq!(provided.project_id.as_deref(), Some("p1"));
    assert_eq!(provided.domain_id.as_deref(), Some("d1"));
    assert_eq!(provided.expires_at, None);
}

#[test]
fn half_a_setup_is_invalid_and_none_is_not_configured() {
    for (vars, kind) in [
        (
            &[(names::ENV_IDP_ID, "idp")][..],
            CredentialsErrorKind::Invalid,
        ),
        (
            &[(names::ENV_ID_TOKEN_FILE, "/t")][..],
            CredentialsErrorKind::Invalid,
        ),
        (&[(names::ENV_AK, "AK")][..], CredentialsErrorKind::Invalid),
        (&[(names::ENV_SK, "SK")][..], CredentialsErrorKind::Invalid),
        (&[][..], CredentialsErrorKind::NotConfigured),
    ] {
        let error = env_of(vars).start(now()).unwrap_err();
        assert_eq!(error.kind(), kind, "{vars:?}: {error}");
        assert_eq!(error.provider(), "env");
        assert!(
            error
                .to_string()
                .starts_with("credentials from `env`: the environment "),
            "{error}"
        );
    }
}

#[test]
fn a_federation_from_the_environment_answers_with_its_project_account_and_iam() {
    let mut env = env_of(&[
        (names::ENV_IDP_ID, "idp-1"),
        (names::ENV_ID_TOKEN_FILE, "/t/id_token"),
        (names::ENV_PROJECT_ID, "p1"),
        (names::ENV_DOMAIN_ID, "d1"),
        (names::ENV_IAM_ENDPOINT, "http://iam-of-env"),
    ]);
    assert!(matches!(env.start(now()).unwrap(), Step::ReadFile(_)));
    let exchange = sent(env.on_file(Ok("IDTOKEN".into()), now()));
    assert!(exchange.uri().to_string().starts_with("http://iam-of-env/"));
    let token = Response::builder()
        .status(201)
        .header("x-subject-token", "IAMTOKEN")
        .body(Bytes::from_static(b"{}"))
        .unwrap();
    sent(env.on_response(token, now()));
    let provided = ready(env.on_response(answer(201, KEYS), now()));
    assert_eq!(
        provided.credentials,
        Credentials::temporary_ak_sk("TMPAK", "TMPSK", "ST")
    );
    assert_eq!(provided.project_id.as_deref(), Some("p1"));
    assert_eq!(provided.domain_id.as_deref(), Some("d1"));
    assert_eq!(provided.iam_endpoint.as_deref(), Some("http://iam-of-env"));
}

#[test]
fn federations_and_chains_name_themselves() {
    let federation = Federation::new("profile", "idp", "/t", "http://iam");
    assert_eq!(federation.name(), "profile");
    let mut chain = Chain::new(vec![Box::new(Static::new(Credentials::token("T")))]);
    assert_eq!(chain.name(), "chain");
    ready(chain.start(now()));
    assert_eq!(chain.name(), "static");
}

/// Whether a step asks the metadata service for a session token (a PUT).
fn asks_a_token(step: Result<Step, CredentialsError>) -> bool {
    sent(step).method() == http::Method::PUT
}

#[test]
fn a_metadata_service_without_session_tokens_is_asked_again_after_a_day() {
    const DAY: Duration = Duration::from_secs(24 * 60 * 60);
    let mut p = EcsMetadata::new("http://meta");
    assert!(asks_a_token(p.start(now())));
    // 404: no session tokens here; the key is asked for without one.
    assert!(!asks_a_token(p.on_response(answer(404, ""), now())));
    ready(p.on_response(answer(200, KEYS), now()));
    for (after, token_again) in [
        (Duration::from_secs(2 * 60 * 60), false),
        (DAY, false),
        (DAY + Duration::from_secs(1), true),
    ] {
        let mut q = EcsMetadata::new("http://meta");
        q.start(now()).unwrap();
        q.on_response(answer(404, ""), now()).unwrap();
        q.on_response(answer(200, KEYS), now()).unwrap();
        assert_eq!(
            asks_a_token(q.start(now() + after)),
            token_again,
            "{after:?} after the token was refused"
        );
    }
    // A session token held is used, however old.
    let mut held = EcsMetadata::new("http://meta");
    held.start(now()).unwrap();
    held.on_response(answer(200, "SESSION"), now()).unwrap();
    held.on_response(answer(200, KEYS), now()).unwrap();
    let key = sent(held.start(now() + DAY * 2));
    assert_eq!(key.method(), http::Method::GET);
    assert_eq!(key.headers()["x-metadata-token"], "SESSION");
}

#[test]
fn a_required_session_token_refused_is_an_error() {
    let mut p = EcsMetadata::new("http://meta");
    p.start(now()).unwrap();
    p.on_response(answer(404, ""), now()).unwrap();
    // The key needs a token after all: one is asked for, and this time a 404 is final.
    assert!(asks_a_token(
        p.on_response(answer(401, "token required"), now())
    ));
    let e = p.on_response(answer(404, ""), now()).unwrap_err();
    assert_eq!(
        (e.kind(), e.status()),
        (CredentialsErrorKind::Rejected, Some(StatusCode::NOT_FOUND))
    );
}

#[test]
fn pod_identity_with_empty_variables_is_not_configured() {
    for (uri, file) in [("", "/t/token"), ("http://pod/creds", ""), ("", "")] {
        let mut pod = PodIdentity::from_lookup(|name| match name {
            names::ENV_CONTAINER_CREDENTIALS_FULL_URI => Some(uri.to_owned()),
            names::ENV_CONTAINER_AUTHORIZATION_TOKEN_FILE => Some(file.to_owned()),
            _ => None,
        });
        assert!(
            pod.start(now()).unwrap_err().is_not_configured(),
            "{uri:?} {file:?}"
        );
    }
    let mut pod = PodIdentity::from_lookup(|name| match name {
        names::ENV_CONTAINER_CREDENTIALS_FULL_URI => Some("http://pod/creds".to_owned()),
        names::ENV_CONTAINER_AUTHORIZATION_TOKEN_FILE => Some("/t/token".to_owned()),
        _ => None,
    });
    assert!(matches!(pod.start(now()).unwrap(), Step::ReadFile(_)));
    assert_eq!(pod.name(), "cce-pod-identity");
}

#[cfg(not(windows))]
#[test]
fn the_profile_path_is_the_variable_else_home_and_empty_values_are_unset() {
    let path = |vars: &'static [(&'static str, &'static str)]| {
        default_profile_path(|name| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        })
    };
    assert_eq!(
        path(&[
            (names::ENV_CREDENTIALS_FILE, "/etc/fgs/creds"),
            ("HOME", "/home/me")
        ]),
        Some("/etc/fgs/creds".into())
    );
    assert_eq!(
        path(&[(names::ENV_CREDENTIALS_FILE, ""), ("HOME", "/home/me")]),
        Some("/home/me/.huaweicloud/credentials".into())
    );
    assert_eq!(path(&[("HOME", "")]), None);
    assert_eq!(path(&[]), None);
}
