//! The fuzz corpus as a regression test: every committed seed in `fuzz/corpus/<target>/`
//! and every crash reproducer in `fuzz/regressions/<target>/` goes through the same
//! harness the cargo-fuzz targets run (`fuzz/harness/`), so CI exercises all targets and
//! their invariants on every run without cargo-fuzz or a nightly toolchain.
//!
//! Beyond "no invariant broke", each test checks that the seeds reach what they were
//! written for: every operation accepts its OAS example, the signing vectors verify, the
//! spec's URNs parse and build, the error shapes yield their codes.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

#[path = "../../fuzz/harness/mod.rs"]
mod harness;

use fgs_proto::auth::VerifyError;
use fgs_proto::registry;
use harness::responses::Verdict;

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../fuzz")
}

/// The files of `dir` by name; an absent directory has none.
fn read_dir(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return BTreeMap::new();
    };
    entries
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_file())
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&path).unwrap())
        })
        .collect()
}

/// The seed corpus of `target` (must exist and be non-empty).
fn corpus(target: &str) -> BTreeMap<String, Vec<u8>> {
    let dir = fuzz_dir().join("corpus").join(target);
    let files = read_dir(&dir);
    assert!(!files.is_empty(), "no corpus in {}", dir.display());
    files
}

/// The crash reproducers of `target` (may be none).
fn regressions(target: &str) -> BTreeMap<String, Vec<u8>> {
    read_dir(&fuzz_dir().join("regressions").join(target))
}

#[test]
fn every_target_has_a_corpus_and_nothing_else_is_there() {
    for base in ["corpus", "regressions"] {
        let stray: Vec<String> = read_dir(&fuzz_dir().join(base)).into_keys().collect();
        assert!(
            stray.is_empty(),
            "{base}/{stray:?}: files belong in {base}/<target>/"
        );
        if let Ok(entries) = std::fs::read_dir(fuzz_dir().join(base)) {
            for entry in entries {
                let name = entry.unwrap().file_name().to_string_lossy().into_owned();
                assert!(
                    harness::TARGETS.contains(&name.as_str()),
                    "{base}/{name} is not a fuzz target"
                );
            }
        }
    }
    for target in harness::TARGETS {
        assert!(corpus(target).len() >= 20, "{target}: a thin corpus");
    }
}

#[test]
fn responses_corpus() {
    let mut success_seeds = BTreeSet::new();
    for (name, data) in corpus("responses") {
        let verdicts = harness::responses::run(&data)
            .unwrap_or_else(|| panic!("seed {name} does not read as a response"));
        let names: Vec<&str> = verdicts.iter().map(|(op, _)| *op).collect();
        for info in registry::ALL {
            assert!(names.contains(&info.name), "{} was not fed", info.name);
        }
        // `oas-<File>-<2xx>`: the success example of that file's operation.
        let Some((file, status)) = name
            .strip_prefix("oas-")
            .and_then(|rest| rest.rsplit_once('-'))
        else {
            continue;
        };
        if !status.starts_with('2') {
            let accepted: Vec<_> = verdicts
                .iter()
                .filter(|(_, v)| *v == Verdict::Accepted)
                .collect();
            assert!(accepted.is_empty(), "{name}: accepted by {accepted:?}");
            continue;
        }
        // Each OAS file is named by the official name of the operation it documents.
        let op = registry::by_official(file)
            .unwrap_or_else(|| panic!("{name}: no operation is officially named {file}"))
            .name;
        let verdict = verdicts.iter().find(|(n, _)| *n == op).unwrap().1;
        assert_eq!(verdict, Verdict::Accepted, "{op} rejected {name}");
        success_seeds.insert(op);
    }
    let missing: Vec<_> = registry::ALL
        .iter()
        .filter(|info| !success_seeds.contains(info.name))
        .map(|info| format!("{} (oas-{}-2xx)", info.name, info.official))
        .collect();
    assert!(missing.is_empty(), "no success seed for {missing:?}");
    for (name, data) in regressions("responses") {
        eprintln!("regression {name}");
        let _ = harness::responses::run(&data);
    }
}

/// The `header-*` seeds that are not an `SDK-HMAC-SHA256` Authorization value.
const MALFORMED_HEADERS: [&str; 7] = [
    "derived_v11_hmac_sha256",
    "duplicate-access",
    "uppercase-header",
    "empty-header-name",
    "unknown-field",
    "lowercase-algorithm",
    "no-algorithm-space",
];

#[test]
fn authorization_corpus() {
    let mut vectors = 0;
    for (name, data) in corpus("authorization") {
        let outcome = harness::authorization::run(&data);
        if let Some(vector) = name.strip_prefix("vector-") {
            vectors += 1;
            if vector == "derived_v11_hmac_sha256" {
                // The verifier serves `SDK-HMAC-SHA256` only.
                assert_eq!(
                    outcome.verified,
                    Some(Err(VerifyError::UnsupportedAlgorithm)),
                    "{name}"
                );
            } else {
                assert_eq!(outcome.verified, Some(Ok(())), "{name}");
            }
            assert!(outcome.resigned, "{name} was not re-signed");
        }
        if let Some(header) = name.strip_prefix("header-") {
            let valid = !MALFORMED_HEADERS.contains(&header);
            assert_eq!(outcome.parsed, valid, "{name}");
        }
    }
    assert_eq!(vectors, 22, "every signing vector is a seed");
    let utf8 = harness::authorization::run(&corpus("authorization")["request-utf8-headers"]);
    assert!(utf8.resigned, "UTF-8 header values are signed and verify");
    for (name, data) in regressions("authorization") {
        eprintln!("regression {name}");
        let _ = harness::authorization::run(&data);
    }
}

#[test]
fn urn_corpus() {
    let mut spec_urns = 0;
    for (name, data) in corpus("urn") {
        let outcome = harness::urn::run(&data);
        let well_formed = name.starts_with("oas-")
            || name.starts_with("full-")
            || name.starts_with("short-")
            || name == "named-urn"
            || name == "unicode";
        if well_formed {
            spec_urns += 1;
            assert!(outcome.parsed && outcome.built, "{name}: {outcome:?}");
        }
        if [
            "too-many-fields",
            "not-function",
            "empty-field",
            "empty-alias",
        ]
        .contains(&name.as_str())
        {
            assert!(!outcome.parsed, "{name} parsed");
            assert!(outcome.built, "{name}: the request does not judge the URN");
        }
        if ["dot", "dot-dot"].contains(&name.as_str()) {
            assert!(!outcome.built, "{name} became a path segment");
        }
    }
    assert!(spec_urns >= 15, "{spec_urns}");
    for (name, data) in regressions("urn") {
        eprintln!("regression {name}");
        let _ = harness::urn::run(&data);
    }
}

#[test]
fn error_body_corpus() {
    let files = corpus("error_body");
    let code = |name: &str| harness::error_body::run(&files[name]).code;
    assert_eq!(code("fss").as_deref(), Some("FSS.1051"));
    assert_eq!(code("nested").as_deref(), Some("E3"));
    assert_eq!(code("numeric-code").as_deref(), Some("401"));
    assert_eq!(code("html-502"), None);
    let apigw = harness::error_body::run(&files["apigw-request-id"]);
    assert_eq!(apigw.request_id.as_deref(), Some("b2c3"));
    let mut with_code = 0;
    for (name, data) in &files {
        let outcome = harness::error_body::run(data);
        if name.starts_with("oas-") {
            assert!(outcome.code.is_some(), "{name}: {outcome:?}");
            with_code += 1;
        }
    }
    assert!(with_code >= 10, "{with_code}");
    for (name, data) in regressions("error_body") {
        eprintln!("regression {name}");
        let _ = harness::error_body::run(&data);
    }
}
