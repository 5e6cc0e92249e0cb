//! What one call costs in fgs-proto, next to its floor, measured in the same run.
//!
//! For GetMetadata, List (a page of 3 functions), Invoke (a small JSON event, v1
//! envelope) and UpdateCode (a 1 MiB zip), each in its own criterion group:
//!
//! | id | ours | floor it is compared with |
//! |---|---|---|
//! | `build` | `op.request(&config)` | — |
//! | `build_sign` | `fgs_proto::prepare(&op, &config, fixed_now)` (AK/SK) | `floor_sign`: one SHA-256 of the request body + one HMAC-SHA256 of the string to sign |
//! | `parse_ok` | `op.response(200 response)` | `floor_parse_ok`: `serde_json::from_slice::<Value>` of the same body |
//! | `parse_err` | `op.response(404 FSS.1051)` | `floor_parse_err`: the same on the error body |
//!
//! After criterion's report, the run times each measurement again in alternation with
//! its floor (`interleave`: short batches, back to back) and prints a table of ratios
//! (ours / floor) and the two targets: ratios between benchmarks criterion ran seconds
//! apart are not reliable on a busy two-core machine.
//!
//! Run: `cargo bench -p fgs-proto --bench per_call` (criterion's usual arguments apply,
//! e.g. `-- GetMetadata` to run one group; the ratio table covers the groups that ran
//! in full).
//!
//! Why criterion rather than divan: it prints each operation's group side by side with
//! confidence intervals and change detection against the last run, and `iter_custom`
//! lets both criterion and the ratio pass time the same routine the same way (setup
//! outside the clock). Default features are off: no plots (nobody reads them here) and
//! no rayon (its threads would compete with the measurement for the two cores).

mod fixtures;
mod interleave;
mod ratios;
mod timing;

use std::hint::black_box;

use criterion::Criterion;
use fgs_proto::auth::{SigningKey, sign_request};
use fgs_proto::{Config, Operation};
use hmac::{Hmac, KeyInit, Mac};
use serde_json::Value;
use sha2::{Digest, Sha256};

use fixtures::{ACCESS_KEY, Case, SECRET_KEY, aksk_config, fixed_now};
use interleave::interleave;
use ratios::OperationRounds;
use timing::Routine;

/// The benchmark ids inside each operation's group.
mod ids {
    pub(crate) const BUILD: &str = "build";
    pub(crate) const BUILD_SIGN: &str = "build_sign";
    pub(crate) const FLOOR_SIGN: &str = "floor_sign";
    pub(crate) const PARSE_OK: &str = "parse_ok";
    pub(crate) const FLOOR_PARSE_OK: &str = "floor_parse_ok";
    pub(crate) const PARSE_ERR: &str = "parse_err";
    pub(crate) const FLOOR_PARSE_ERR: &str = "floor_parse_err";
}

fn main() {
    let mut criterion = Criterion::default().configure_from_args();
    let config = aksk_config();

    let results = [
        operation(
            &mut criterion,
            &config,
            "GetMetadata",
            fixtures::get_metadata(),
        ),
        operation(&mut criterion, &config, "List", fixtures::list()),
        operation(&mut criterion, &config, "Invoke", fixtures::invoke()),
        operation(
            &mut criterion,
            &config,
            "UpdateCode",
            fixtures::update_code(),
        ),
    ];

    criterion.final_summary();
    ratios::print(&results.into_iter().flatten().collect::<Vec<_>>());
}

/// Benchmarks one operation in its own criterion group, each measurement followed by
/// its floor; then, if criterion measured them all, times them again in alternation
/// for the ratio table.
fn operation<O: Operation>(
    criterion: &mut Criterion,
    config: &Config,
    name: &'static str,
    case: Case<O>,
) -> Option<OperationRounds> {
    let Case { op, ok, err } = case;
    let now = fixed_now();
    check_fixtures(name, &op, config, &ok, &err);

    let body = op
        .request(config)
        .expect("request builds")
        .into_body()
        .to_bytes();
    let string_to_sign = {
        let mut request = op
            .request(config)
            .expect("request builds")
            .map(|b| b.to_bytes());
        let key = SigningKey::new(ACCESS_KEY, SECRET_KEY);
        sign_request(&mut request, &key, now)
            .expect("request signs")
            .string_to_sign
    };

    let mut build = Routine::new(ids::BUILD, || (), |()| op.request(config));
    let mut build_sign = Routine::new(
        ids::BUILD_SIGN,
        || (),
        |()| fgs_proto::prepare(&op, config, now),
    );
    let mut floor_sign = Routine::new(
        ids::FLOOR_SIGN,
        || (),
        |()| {
            let body_hash = Sha256::digest(black_box(&body));
            let mut mac = <Hmac<Sha256>>::new_from_slice(SECRET_KEY.as_bytes()).expect("any key");
            mac.update(black_box(string_to_sign.as_bytes()));
            (body_hash, mac.finalize().into_bytes())
        },
    );
    let mut parse_ok = Routine::new(ids::PARSE_OK, || ok.to_response(), |r| op.response(r));
    let mut floor_parse_ok = Routine::new(
        ids::FLOOR_PARSE_OK,
        || (),
        |()| serde_json::from_slice::<Value>(&ok.body).expect("JSON"),
    );
    let mut parse_err = Routine::new(ids::PARSE_ERR, || err.to_response(), |r| op.response(r));
    let mut floor_parse_err = Routine::new(
        ids::FLOOR_PARSE_ERR,
        || (),
        |()| serde_json::from_slice::<Value>(&err.body).expect("JSON"),
    );

    let mut group = criterion.benchmark_group(name);
    for routine in [
        &mut build,
        &mut build_sign,
        &mut floor_sign,
        &mut parse_ok,
        &mut floor_parse_ok,
        &mut parse_err,
        &mut floor_parse_err,
    ] {
        group.bench_function(routine.id, |b| {
            b.iter_custom(|iters| routine.run_for_criterion(iters))
        });
    }
    group.finish();

    let all = [
        &build,
        &build_sign,
        &floor_sign,
        &parse_ok,
        &floor_parse_ok,
        &parse_err,
        &floor_parse_err,
    ];
    if !all.iter().all(|r| r.was_measured()) {
        return None;
    }
    Some(OperationRounds {
        name,
        sign: interleave(&mut [&mut build, &mut build_sign, &mut floor_sign]),
        parse_ok: interleave(&mut [&mut parse_ok, &mut floor_parse_ok]),
        parse_err: interleave(&mut [&mut parse_err, &mut floor_parse_err]),
    })
}

/// The fixtures must take the paths they are named after: a success that parses, an
/// error that is read as `FSS.1051`, and a request that signs.
fn check_fixtures<O: Operation>(
    name: &str,
    op: &O,
    config: &Config,
    ok: &fixtures::CannedResponse,
    err: &fixtures::CannedResponse,
) {
    if let Err(e) = op.response(ok.to_response()) {
        panic!("{name}: the 200 fixture does not parse: {e}");
    }
    match op.response(err.to_response()) {
        Err(e)
            if e.code() == Some("FSS.1051") && e.status() == Some(http::StatusCode::NOT_FOUND) => {}
        Err(e) => panic!("{name}: the 404 fixture parses as {e}"),
        Ok(_) => panic!("{name}: the 404 fixture parses as a success"),
    }
    let request = fgs_proto::prepare(op, config, fixed_now()).expect("request signs");
    assert!(
        request.headers().contains_key("authorization"),
        "{name}: the request is signed"
    );
}
