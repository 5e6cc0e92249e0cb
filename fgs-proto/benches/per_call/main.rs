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
//! After criterion's own report the run prints a table of ratios (ours / floor) computed
//! from the samples criterion took, and checks the two targets.
//!
//! Run: `cargo bench -p fgs-proto --bench per_call` (criterion's usual arguments apply,
//! e.g. `-- GetMetadata` to run one group).
//!
//! Why criterion rather than divan: `iter_custom` hands every sample back to us, so
//! the ratio table comes from the very samples criterion analysed, in one process;
//! divan has no way to read its results back, so ratios would need a second, private
//! timing loop. Default features are off: no plots (nobody reads them here) and no
//! rayon (its threads would compete with the measurement for the machine's two cores).

mod fixtures;
mod ratios;
mod timing;

use std::hint::black_box;

use criterion::Criterion;
use fgs_proto::auth::{SigningKey, sign_request};
use fgs_proto::{Config, Operation};
use hmac::{Hmac, KeyInit, Mac};
use serde_json::Value;
use sha2::{Digest, Sha256};

use fixtures::{Case, SECRET_KEY, aksk_config, fixed_now};
use timing::{Group, SAMPLE_SIZE, Samples};

/// The benchmark ids inside each operation's group.
mod ids {
    pub const BUILD: &str = "build";
    pub const BUILD_SIGN: &str = "build_sign";
    pub const FLOOR_SIGN: &str = "floor_sign";
    pub const PARSE_OK: &str = "parse_ok";
    pub const FLOOR_PARSE_OK: &str = "floor_parse_ok";
    pub const PARSE_ERR: &str = "parse_err";
    pub const FLOOR_PARSE_ERR: &str = "floor_parse_err";
}

fn main() {
    let mut criterion = Criterion::default()
        .sample_size(SAMPLE_SIZE)
        .configure_from_args();
    let samples = Samples::default();
    let config = aksk_config();

    let groups = ["GetMetadata", "List", "Invoke", "UpdateCode"];
    operation(
        &mut criterion,
        &samples,
        &config,
        groups[0],
        fixtures::get_metadata(),
    );
    operation(
        &mut criterion,
        &samples,
        &config,
        groups[1],
        fixtures::list(),
    );
    operation(
        &mut criterion,
        &samples,
        &config,
        groups[2],
        fixtures::invoke(),
    );
    operation(
        &mut criterion,
        &samples,
        &config,
        groups[3],
        fixtures::update_code(),
    );

    criterion.final_summary();
    ratios::print(&samples, &groups);
}

/// Benchmarks one operation, each measurement followed by its floor.
fn operation<O: Operation>(
    criterion: &mut Criterion,
    samples: &Samples,
    config: &Config,
    name: &'static str,
    case: Case<O>,
) {
    let Case { op, ok, err } = case;
    let now = fixed_now();
    check_fixtures(name, &op, config, &ok, &err);

    let body = op.request(config).expect("request builds").into_body();
    let string_to_sign = {
        let mut request = op.request(config).expect("request builds");
        let key = SigningKey::new("HPUAEXAMPLEAK0000001", SECRET_KEY);
        sign_request(&mut request, &key, now)
            .expect("request signs")
            .string_to_sign
    };

    let mut group = Group::new(criterion, samples, name);
    group.bench(ids::BUILD, || (), |()| op.request(config));
    group.bench(
        ids::BUILD_SIGN,
        || (),
        |()| fgs_proto::prepare(&op, config, now),
    );
    group.bench(
        ids::FLOOR_SIGN,
        || (),
        |()| {
            let body_hash = Sha256::digest(black_box(&body));
            let mut mac = <Hmac<Sha256>>::new_from_slice(SECRET_KEY.as_bytes()).expect("any key");
            mac.update(black_box(string_to_sign.as_bytes()));
            (body_hash, mac.finalize().into_bytes())
        },
    );
    group.bench(ids::PARSE_OK, || ok.to_response(), |r| op.response(r));
    group.bench(
        ids::FLOOR_PARSE_OK,
        || (),
        |()| serde_json::from_slice::<Value>(&ok.body).expect("JSON"),
    );
    group.bench(ids::PARSE_ERR, || err.to_response(), |r| op.response(r));
    group.bench(
        ids::FLOOR_PARSE_ERR,
        || (),
        |()| serde_json::from_slice::<Value>(&err.body).expect("JSON"),
    );
    group.finish();
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
