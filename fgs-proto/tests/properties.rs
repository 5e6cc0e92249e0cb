//! Property tests: URN round trips, path segments that no input can change, and
//! sign→verify round trips for arbitrary header, query and body values.

mod common;

use std::time::{Duration, SystemTime};

use fgs_proto::auth::sign::{SigningKey, sign_request};
use fgs_proto::auth::verify::{Verifier, VerifyError};
use fgs_proto::functions::GetMetadata;
use fgs_proto::{Config, Credentials, Error, FunctionUrn, Operation, Secret};
use http::{HeaderValue, Request};
use proptest::prelude::*;

/// A URN field: anything but `:` and not empty.
fn field() -> impl Strategy<Value = String> {
    "[^:]{1,20}"
}

fn urn() -> impl Strategy<Value = FunctionUrn> {
    let qualifier = prop_oneof![
        Just(None),
        field()
            .prop_filter("not an alias", |v| !v.starts_with('!'))
            .prop_map(|v| Some((false, v))),
        field().prop_map(|a| Some((true, a))),
    ];
    (field(), field(), field(), field(), qualifier, 0..5usize).prop_map(
        |(region, project, package, name, qualifier, form)| {
            let text = match form {
                0 => name,
                1 => format!("{package}:{name}"),
                2 => format!("{project}:{package}:{name}"),
                3 => format!("urn:fss:{region}:{project}:function:{package}:{name}"),
                _ => format!("{project}:{package}:{name}:v1"),
            };
            let mut urn: FunctionUrn = text.parse().expect("generated URNs parse");
            if form == 3 {
                urn = match qualifier {
                    None => urn,
                    Some((false, v)) => urn.with_version(v).unwrap(),
                    Some((true, a)) => urn.with_alias(a).unwrap(),
                };
            }
            urn
        },
    )
}

fn config() -> Config {
    Config::new("http://127.0.0.1:9", "p1", Credentials::token("t")).unwrap()
}

proptest! {
    #[test]
    fn urn_display_parse_round_trips(urn in urn()) {
        let text = urn.to_string();
        let back: FunctionUrn = text.parse().unwrap();
        prop_assert_eq!(back, urn);
    }

    #[test]
    fn any_urn_string_is_exactly_one_path_segment(urn in any::<String>()) {
        match GetMetadata::new(urn.clone()).request(&config()) {
            Ok(request) => {
                let path = request.uri().path();
                let segments: Vec<&str> = path.split('/').collect();
                // "", "v2", "p1", "fgs", "functions", {urn}, "config"
                prop_assert_eq!(segments.len(), 7, "{}", path);
                prop_assert_eq!(&segments[..5], &["", "v2", "p1", "fgs", "functions"]);
                prop_assert_eq!(segments[6], "config");
                prop_assert_eq!(common::decode(segments[5]), urn.as_bytes().to_vec());
                prop_assert!(request.uri().query().is_none());
            }
            Err(Error::InvalidInput(i)) => {
                prop_assert_eq!(i.field(), "function_urn");
                prop_assert!(urn.is_empty() || urn == "." || urn == ".." || urn.len() > 1024);
            }
            Err(other) => prop_assert!(false, "unexpected error {}", other),
        }
    }

    #[test]
    fn sign_then_verify_round_trips(
        query in proptest::collection::vec((any::<String>(), any::<String>()), 0..4),
        header in "[ \t]{0,2}[!-~]([ !-~]{0,30}[!-~])?[ \t]{0,2}",
        body in proptest::collection::vec(any::<u8>(), 0..200),
        flip in any::<prop::sample::Index>(),
    ) {
        let mut url = "http://127.0.0.1:9/v2/p1/fgs/functions/urn%3Afss%3Ax/config".to_owned();
        for (i, (k, v)) in query.iter().enumerate() {
            url.push(if i == 0 { '?' } else { '&' });
            url.push_str(&common::encode(k));
            url.push('=');
            url.push_str(&common::encode(v));
        }
        let mut request = Request::put(url)
            .header("content-type", "application/json")
            .header("x-custom", HeaderValue::from_str(&header).unwrap())
            .body(body.clone())
            .unwrap();
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_700_000_000);
        sign_request(&mut request, &SigningKey::new("AK", "SK"), now).unwrap();
        let secret = |_: &str| Some(Secret::new("SK"));
        prop_assert_eq!(Verifier::new(now).verify_request(&request, secret), Ok("AK"));

        // One bit of the body flipped: verification fails.
        if !body.is_empty() {
            let mut tampered = request.clone();
            let at = flip.index(body.len());
            tampered.body_mut()[at] ^= 1;
            prop_assert_eq!(
                Verifier::new(now).verify_request(&tampered, secret),
                Err(VerifyError::SignatureMismatch)
            );
        }
    }
}
