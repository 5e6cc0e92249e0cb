//! Property tests for the trigger and invocation operations: arbitrary URNs, trigger
//! type codes and trigger ids each stay exactly one path segment that decodes back to
//! the input, and no invoke answer headers can make a 200 fail.

mod common;

use fgs_proto::functions::{AsyncInvoke, Invoke};
use fgs_proto::model::TimerEventData;
use fgs_proto::triggers::{Create, Delete, DeleteAll, Get, List};
use fgs_proto::{Config, Credentials, Error, Operation};
use proptest::prelude::*;

fn config() -> Config {
    Config::new("http://127.0.0.1:9", "p1", Credentials::token("t")).unwrap()
}

/// What `RequestBuilder::param` rejects.
fn invalid(param: &str) -> bool {
    param.is_empty() || param == "." || param == ".." || param.len() > 1024
}

/// Checks that `op`'s path is `/v2/p1/fgs/{prefix}/{params…}{suffix}`, each parameter
/// one segment decoding to its input — or that an invalid parameter was refused by name.
fn check_path<O: Operation>(
    op: &O,
    prefix: &str,
    params: &[(&str, &str)],
    suffix: Option<&str>,
) -> Result<(), TestCaseError> {
    match op.request(&config()) {
        Ok(request) => {
            prop_assert!(params.iter().all(|(_, v)| !invalid(v)));
            let path = request.uri().path().to_owned();
            let segments: Vec<&str> = path.split('/').collect();
            let expected_len = 5 + params.len() + usize::from(suffix.is_some());
            prop_assert_eq!(segments.len(), expected_len, "{}", path);
            prop_assert_eq!(&segments[..5], &["", "v2", "p1", "fgs", prefix][..]);
            for (segment, (_, input)) in segments[5..].iter().zip(params) {
                prop_assert_eq!(common::decode(segment), input.as_bytes().to_vec());
            }
            if let Some(suffix) = suffix {
                prop_assert_eq!(segments.last().copied(), Some(suffix));
            }
            prop_assert!(request.uri().query().is_none());
        }
        Err(Error::InvalidInput(i)) => {
            let field = params.iter().find(|(_, v)| invalid(v)).map(|(f, _)| *f);
            prop_assert_eq!(Some(i.field()), field);
        }
        Err(other) => prop_assert!(false, "unexpected error {}", other),
    }
    Ok(())
}

proptest! {
    #[test]
    fn one_trigger_paths(urn in any::<String>(), code in any::<String>(), id in any::<String>()) {
        let params = [
            ("function_urn", urn.as_str()),
            ("trigger_type_code", code.as_str()),
            ("trigger_id", id.as_str()),
        ];
        check_path(&Get::new(&*urn, &*code, &*id), "triggers", &params, None)?;
        check_path(&Delete::new(&*urn, &*code, &*id), "triggers", &params, None)?;
    }

    #[test]
    fn function_trigger_paths(urn in any::<String>()) {
        let params = [("function_urn", urn.as_str())];
        check_path(&List::new(&*urn), "triggers", &params, None)?;
        check_path(&DeleteAll::new(&*urn), "triggers", &params, None)?;
        check_path(&Create::new(&*urn, TimerEventData::rate("t", "1m")), "triggers", &params, None)?;
    }

    #[test]
    fn invocation_paths(urn in any::<String>()) {
        let params = [("function_urn", urn.as_str())];
        check_path(&Invoke::new(&*urn), "functions", &params, Some("invocations"))?;
        check_path(&AsyncInvoke::new(&*urn), "functions", &params, Some("invocations-async"))?;
    }

    /// Whatever the log, summary, billing, version and error headers and the body hold,
    /// a 200 is an `Ok` output whose result is the body (unless a v1 envelope parsed);
    /// a log that is valid base64 is decoded.
    #[test]
    fn invoke_answers_never_fail(
        log_bytes in proptest::collection::vec(any::<u8>(), 1..40),
        garbage_log in proptest::option::of("[ -~]{0,40}"),
        summary in "[ -~]{0,40}",
        billing in "[ -~]{0,10}",
        version in prop_oneof![Just("v0".to_owned()), Just("v1".to_owned()), "[ -~]{0,4}"],
        is_err in "[ -~]{0,6}",
        code in "[ -~]{0,6}",
        body in proptest::collection::vec(any::<u8>(), 0..64),
    ) {
        use base64::Engine as _;
        let log = garbage_log
            .clone()
            .unwrap_or_else(|| base64::engine::general_purpose::STANDARD.encode(&log_bytes));
        let response = http::Response::builder()
            .status(200)
            .header("x-cff-function-log", &log)
            .header("x-cff-invoke-summary", &summary)
            .header("x-cff-billing-duration", &billing)
            .header("x-cff-response-version", &version)
            .header("x-is-func-err", &is_err)
            .header("x-func-err-code", &code)
            .body(body.clone())
            .unwrap();
        let out = Invoke::new("f").response(response).unwrap();
        if out.envelope().is_none() {
            prop_assert_eq!(out.result(), &body[..]);
        }
        if garbage_log.is_none() {
            let expected = String::from_utf8_lossy(&log_bytes);
            prop_assert_eq!(out.log(), Some(expected.as_ref()));
        }
        let flagged = is_err.trim().eq_ignore_ascii_case("true")
            || !(code.trim().is_empty() || code.trim() == "0");
        prop_assert_eq!(out.function_error().is_some(), flagged);
    }
}
