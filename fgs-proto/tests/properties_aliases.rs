//! Property tests for the alias paths: whatever the URN and the alias name, the
//! request path has exactly its segments, each decoding back to its input.

mod common;

use fgs_proto::functions::{DeleteAlias, GetAlias, UpdateAlias};
use fgs_proto::{Config, Credentials, Error, Operation};
use proptest::prelude::*;

fn config() -> Config {
    Config::new("http://127.0.0.1:9", "p1", Credentials::token("t")).unwrap()
}

/// Whether the core refuses `value` as a path parameter (empty, a dot segment, or
/// longer than 1024 bytes).
fn refused(value: &str) -> bool {
    value.is_empty() || value == "." || value == ".." || value.len() > 1024
}

/// Checks the path of an alias request for `urn` and `alias`.
fn check_alias_path<O: Operation>(op: &O, urn: &str, alias: &str) -> Result<(), TestCaseError> {
    match op.request(&config()) {
        Ok(request) => {
            let path = request.uri().path();
            let segments: Vec<&str> = path.split('/').collect();
            // "", "v2", "p1", "fgs", "functions", {urn}, "aliases", {alias}
            prop_assert_eq!(segments.len(), 8, "{}", path);
            prop_assert_eq!(&segments[..5], &["", "v2", "p1", "fgs", "functions"]);
            prop_assert_eq!(segments[6], "aliases");
            prop_assert_eq!(common::decode(segments[5]), urn.as_bytes().to_vec());
            prop_assert_eq!(common::decode(segments[7]), alias.as_bytes().to_vec());
            prop_assert!(request.uri().query().is_none());
        }
        Err(Error::InvalidInput(input)) => {
            // The URN is checked first, then the alias name.
            if refused(urn) {
                prop_assert_eq!(input.field(), "function_urn");
            } else {
                prop_assert_eq!(input.field(), "alias_name");
                prop_assert!(refused(alias), "alias {:?} refused", alias);
            }
        }
        Err(other) => prop_assert!(false, "unexpected error {}", other),
    }
    Ok(())
}

/// Strings biased towards what could break a path: separators, dots, percent signs,
/// query and fragment markers, non-ASCII.
fn nasty() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[/.%?#!:;@&=+$, a-z]{0,12}",
        Just(".".to_owned()),
        Just("..".to_owned()),
        Just(String::new()),
        Just("%2F..%2F".to_owned()),
    ]
}

proptest! {
    #[test]
    fn get_alias_path_segments_round_trip(urn in nasty(), alias in nasty()) {
        check_alias_path(&GetAlias::new(urn.clone(), alias.clone()), &urn, &alias)?;
    }

    #[test]
    fn delete_alias_path_segments_round_trip(urn in nasty(), alias in nasty()) {
        check_alias_path(&DeleteAlias::new(urn.clone(), alias.clone()), &urn, &alias)?;
    }

    #[test]
    fn update_alias_path_segments_round_trip(urn in nasty(), alias in nasty()) {
        check_alias_path(&UpdateAlias::new(urn.clone(), alias.clone(), "v1"), &urn, &alias)?;
    }
}
