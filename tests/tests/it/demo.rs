//! The README demo, run as a test: every operation of the registry reported OK, the same steps in
//! "real endpoint" mode, and the cleanup after a failed step.

use fgs_emulator::{Fault, Route};
use fgs_examples::{self as demo, Cleanup, Outcome, Target, operations};
use fgs_tests::aksk_emulator;

const README: &str = include_str!("../../../README.md");

#[test]
fn every_operation_is_reported_ok() {
    let emu = aksk_emulator();
    let client = fgs_ureq::Client::new(emu.config());
    let mut out = Vec::new();
    let report = demo::run(&client, Target::Emulator(&emu), "demo-test", &mut out)
        .unwrap_or_else(|e| panic!("{e}\n{}", String::from_utf8_lossy(&out)));
    let text = String::from_utf8(out).expect("UTF-8 output");

    let missing = report.missing();
    assert!(
        missing.is_empty(),
        "the demo did not run {missing:?}: {text}"
    );
    assert_eq!(report.operations_ok().len(), operations().len(), "{text}");
    assert!(report.is_complete());
    assert!(
        report
            .steps()
            .iter()
            .all(|s| matches!(s.outcome, Outcome::Ok(_))),
        "nothing is skipped on the emulator: {text}"
    );
    let all = operations().len();
    assert!(
        text.ends_with(&format!("\n{all}/{all} operations OK\n")),
        "{text}"
    );
    assert!(text.contains("fgs-emulator"), "{text}");
    // Every step printed with its number, operation and request line.
    for (i, step) in report.steps().iter().enumerate() {
        let line = format!("{:>2}  {:<24} {}", i + 1, step.operation, step.request_line);
        assert!(text.contains(&line), "missing `{line}` in\n{text}");
    }
    let line_of = |operation: &str| {
        report
            .steps()
            .iter()
            .find(|s| s.operation == operation)
            .map(|s| s.request_line.as_str())
            .unwrap()
    };
    assert_eq!(
        line_of("function.Create"),
        "POST /v2/{project_id}/fgs/functions"
    );
    assert_eq!(
        line_of("function.UpdateMetadata"),
        "PUT /v2/{project_id}/fgs/functions/{urn}:latest/config"
    );
    assert_eq!(
        line_of("trigger.DeleteAll"),
        "DELETE /v2/{project_id}/fgs/triggers/{urn}"
    );
    assert!(
        text.contains("function_error() says: ValueError: asked to fail"),
        "{text}"
    );
    // The excerpt the README shows is what the demo prints.
    let excerpt = README
        .split("```text\n")
        .nth(1)
        .and_then(|rest| rest.split("```").next())
        .expect("the README shows the demo's output in its first text block");
    for line in excerpt.lines().filter(|line| line.trim() != "...") {
        assert!(text.contains(line), "README line `{line}` not in\n{text}");
    }
    // The function is gone at the end.
    assert!(emu.snapshot().functions.is_empty());
}

#[test]
fn real_endpoint_mode_skips_only_the_function_error_step() {
    // The emulator stands in for FunctionGraph; the demo treats it as a real endpoint.
    let emu = aksk_emulator();
    emu.register_handler("demo-remote", demo::emulated_handler);
    let client = fgs_ureq::Client::new(emu.config());
    let mut out = Vec::new();
    let report = demo::run(&client, Target::Service, "demo-remote", &mut out)
        .unwrap_or_else(|e| panic!("{e}\n{}", String::from_utf8_lossy(&out)));
    let text = String::from_utf8(out).unwrap();
    assert!(report.is_complete(), "{text}");
    let skipped: Vec<_> = report
        .steps()
        .iter()
        .filter(|s| matches!(s.outcome, Outcome::Skipped(_)))
        .map(|s| s.operation)
        .collect();
    assert_eq!(skipped, ["function.Invoke"], "{text}");
    assert!(
        text.contains("skipped: the function-error step needs a failing handler"),
        "{text}"
    );
    assert!(
        text.contains("deleted at the end, and also if a step fails"),
        "{text}"
    );
    assert!(emu.snapshot().functions.is_empty());
}

#[test]
fn a_failed_step_stops_the_demo_and_deletes_the_function() {
    let emu = aksk_emulator();
    // CreateAlias is not idempotent: a 500 is not retried and fails the step.
    emu.inject(Fault::status(500).on(Route::of::<fgs_proto::functions::CreateAlias>()));
    let client = fgs_ureq::Client::new(emu.config());
    let mut out = Vec::new();
    let error = demo::run(&client, Target::Service, "demo-fails", &mut out)
        .expect_err("the injected 500 fails the demo");
    let text = String::from_utf8(out).unwrap();

    assert_eq!(error.operation, Some("function.CreateAlias"));
    assert!(matches!(error.cleanup, Cleanup::Deleted), "{error:?}");
    assert!(!error.report.is_complete());
    assert!(
        error
            .report
            .operations_ok()
            .contains("function.ListVersions")
    );
    assert!(
        !error
            .report
            .operations_ok()
            .contains("function.CreateAlias")
    );
    assert!(
        text.contains("FAILED at function.CreateAlias: FSS.0500"),
        "{text}"
    );
    assert!(text.contains("cleanup: deleted urn:fss:"), "{text}");
    assert!(
        text.ends_with("operations OK\n") && !text.contains("21/21"),
        "{text}"
    );
    assert!(
        error.to_string().contains("the demo function was deleted"),
        "{error}"
    );
    // Nothing is left behind: the function, its versions, all gone.
    assert!(emu.snapshot().functions.is_empty(), "{:?}", emu.snapshot());
}
