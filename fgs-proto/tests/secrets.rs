//! Secrets never appear in `Debug`/`Display` output, rendered requests or errors.

use std::time::{Duration, SystemTime};

use fgs_proto::functions::GetMetadata;
use fgs_proto::{Call, Config, Credentials, RetryPolicy, Step, inspect};

const SK: &str = "SENTINEL-SK-7f3a";
const TOKEN: &str = "SENTINEL-TOKEN-91c2";
const SECURITY_TOKEN: &str = "SENTINEL-ST-55d0";

fn assert_clean(what: &str, text: &str) {
    for sentinel in [SK, TOKEN, SECURITY_TOKEN] {
        assert!(!text.contains(sentinel), "{what} leaks {sentinel}:\n{text}");
    }
}

#[test]
fn no_secret_in_any_rendering() {
    let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
    let configs = [
        Config::new(
            "http://127.0.0.1:9",
            "p1",
            Credentials::temporary_ak_sk("AK", SK, SECURITY_TOKEN),
        )
        .unwrap(),
        Config::new("http://127.0.0.1:9", "p1", Credentials::token(TOKEN)).unwrap(),
    ];
    for config in &configs {
        assert_clean("Config Debug", &format!("{config:?}"));
        assert_clean("Credentials Debug", &format!("{:?}", config.credentials()));
        let op = GetMetadata::new("default:f");
        let request = fgs_proto::prepare(&op, config, now).unwrap();
        assert_clean("Request Debug", &format!("{request:?}"));
        assert_clean("inspect::http", &inspect::http(&request));
        assert_clean("inspect::curl", &inspect::curl(&request));
        assert_clean(
            "inspect::http revealing the signature",
            &inspect::Render::new().reveal_signature(true).http(&request),
        );

        // Errors built from a response that echoes the request's headers back.
        let mut call = Call::new(&op, config, RetryPolicy::none()).unwrap();
        let request = call.next_request(now).unwrap();
        let echoed = format!("{:?}", request.headers());
        assert_clean("echoed headers", &echoed);
        let response = http::Response::builder()
            .status(401)
            .body(echoed.into_bytes())
            .unwrap();
        match call.on_response(response) {
            Step::Failed(e) => {
                assert_clean("Error Display", &e.to_string());
                assert_clean("Error Debug", &format!("{e:?}"));
            }
            other => panic!("{other:?}"),
        }
    }
}

#[test]
fn invalid_credentials_errors_do_not_echo_the_value() {
    let bad_token = format!("{TOKEN}\n");
    let e = Config::new("http://h", "p1", Credentials::token(bad_token.as_str())).unwrap_err();
    assert_clean("Error Display", &e.to_string());
    assert_clean("Error Debug", &format!("{e:?}"));
}

/// The signing types print their inputs but neither the secret key nor the signature
/// (which authorizes a replay of its request while its date is fresh), nor the
/// `Authorization` value that carries it; nor does a call in progress.
#[test]
fn signing_types_print_no_key_and_no_signature() {
    use fgs_proto::auth::{Authorization, SigningKey, sign_request};
    let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
    let key = SigningKey::new("AK", SK);
    assert_clean("SigningKey Debug", &format!("{key:?}"));
    let mut request = http::Request::builder()
        .uri("http://127.0.0.1:9/v2/p1/fgs/functions")
        .header("host", "127.0.0.1:9")
        .body(Vec::new())
        .unwrap();
    let signature = sign_request(&mut request, &key, now).unwrap();
    assert_eq!(signature.signature.len(), 64);
    let printed = format!("{signature:?}");
    assert!(!printed.contains(&signature.signature), "{printed}");
    assert!(printed.contains(&signature.canonical_request.replace('\n', "\\n")));
    let header = request.headers()["authorization"].to_str().unwrap();
    let parsed = Authorization::parse(header).unwrap();
    assert_eq!(parsed.signature, signature.signature);
    let printed = format!("{parsed:?}");
    assert!(!printed.contains(parsed.signature), "{printed}");

    let config = Config::new("http://127.0.0.1:9", "p1", Credentials::token(TOKEN)).unwrap();
    let op = GetMetadata::new("default:f");
    let mut call = Call::new(&op, &config, RetryPolicy::none()).unwrap();
    let _ = call.next_request(now).unwrap();
    let printed = format!("{call:?}");
    assert_clean("Call Debug", &printed);
    assert!(printed.contains("GetMetadata"), "{printed}");
}

/// What the redacting `Debug`s do show: the access key, the signed headers and a
/// `***` where a secret would be (an empty text would pass every check above).
#[test]
fn redacting_debug_texts_show_what_is_not_secret() {
    use fgs_proto::auth::{Authorization, SigningKey};
    let key = format!("{:?}", SigningKey::new("AK-1", SK));
    assert!(key.starts_with("SigningKey {"), "{key}");
    assert!(key.contains(r#"access_key: "AK-1""#), "{key}");
    assert!(key.contains(r#"secret_key: "***""#), "{key}");
    let parsed = Authorization::parse(
        "SDK-HMAC-SHA256 Access=AK-1, SignedHeaders=host;x-sdk-date, Signature=ab12",
    )
    .unwrap();
    let parsed = format!("{parsed:?}");
    assert!(parsed.starts_with("Authorization {"), "{parsed}");
    for part in [r#""AK-1""#, r#""host""#, r#""x-sdk-date""#, r#""***""#] {
        assert!(parsed.contains(part), "{part}: {parsed}");
    }
    assert_eq!(format!("{:?}", Credentials::token(TOKEN)), "Token(***)");
    let keys = format!(
        "{:?}",
        Credentials::temporary_ak_sk("AK-1", SK, SECURITY_TOKEN)
    );
    assert!(keys.starts_with("AkSk {"), "{keys}");
    assert!(keys.contains(r#"access_key: "AK-1""#), "{keys}");
    assert!(keys.contains("security_token: Some("), "{keys}");
}
