//! The closing table: each measurement next to its floor, timed in alternation with it
//! (see `interleave`), with the ratio ours / floor, and the two targets checked.

use crate::ids;
use crate::interleave::Rounds;

/// Parsing the GetMetadata response may cost at most this many `Value` parses.
const PARSE_TARGET_RATIO: f64 = 1.0;
/// Building and signing GetMetadata may take at most this long.
const BUILD_SIGN_TARGET_NS: f64 = 5_000.0;

/// One operation's interleaved measurements.
pub(crate) struct OperationRounds {
    /// The operation (criterion group) name.
    pub name: &'static str,
    /// `build`, `build_sign` and `floor_sign`, in alternation.
    pub sign: Rounds,
    /// `parse_ok` and `floor_parse_ok`.
    pub parse_ok: Rounds,
    /// `parse_err` and `floor_parse_err`.
    pub parse_err: Rounds,
}

/// Prints the table to stdout, Markdown-formatted.
pub(crate) fn print(operations: &[OperationRounds]) {
    println!();
    if operations.is_empty() {
        println!("(no ratios: criterion ran in test or list mode, or a filter left a group out)");
        return;
    }
    println!("## ours / floor, timed in alternation in the same process");
    println!();
    println!(
        "best = fastest of all rounds (nothing interrupted it); median = median over rounds \
         of the ratio within each round."
    );
    println!();
    println!(
        "| operation | measurement | ours (best) | floor | floor (best) | ratio (best) | ratio (median) |"
    );
    println!("|---|---|---:|---|---:|---:|---:|");
    for op in operations {
        let name = op.name;
        let sign_floor = "sha256(body) + hmac";
        let value_floor = "Value parse of the body";
        if let Some(build) = op.sign.best(ids::BUILD) {
            println!(
                "| {name} | build request | {} | — | — | — | — |",
                human(build)
            );
        }
        row(
            name,
            "build + AK/SK sign",
            &op.sign,
            ids::BUILD_SIGN,
            sign_floor,
            ids::FLOOR_SIGN,
        );
        if let (Some(bs), Some(b), Some(f), Some(median)) = (
            op.sign.best(ids::BUILD_SIGN),
            op.sign.best(ids::BUILD),
            op.sign.best(ids::FLOOR_SIGN),
            op.sign
                .median_ratio_minus(ids::BUILD_SIGN, ids::BUILD, ids::FLOOR_SIGN),
        ) {
            println!(
                "| {name} | sign alone (build+sign − build) | {} | {sign_floor} | {} | {:.2}× | {median:.2}× |",
                human(bs - b),
                human(f),
                (bs - b) / f
            );
        }
        row(
            name,
            "parse 200",
            &op.parse_ok,
            ids::PARSE_OK,
            value_floor,
            ids::FLOOR_PARSE_OK,
        );
        row(
            name,
            "parse 404 FSS.1051",
            &op.parse_err,
            ids::PARSE_ERR,
            value_floor,
            ids::FLOOR_PARSE_ERR,
        );
    }
    println!();
    targets(operations);
}

fn row(name: &str, label: &str, rounds: &Rounds, ours: &str, floor_label: &str, floor: &str) {
    if let (Some(o), Some(f), Some(median)) = (
        rounds.best(ours),
        rounds.best(floor),
        rounds.median_ratio(ours, floor),
    ) {
        println!(
            "| {name} | {label} | {} | {floor_label} | {} | {:.2}× | {median:.2}× |",
            human(o),
            human(f),
            o / f
        );
    }
}

fn targets(operations: &[OperationRounds]) {
    let Some(op) = operations.iter().find(|op| op.name == "GetMetadata") else {
        return;
    };
    if let (Some(o), Some(f), Some(median)) = (
        op.parse_ok.best(ids::PARSE_OK),
        op.parse_ok.best(ids::FLOOR_PARSE_OK),
        op.parse_ok.median_ratio(ids::PARSE_OK, ids::FLOOR_PARSE_OK),
    ) {
        let best = o / f;
        println!(
            "target: GetMetadata parse 200 ≤ {PARSE_TARGET_RATIO:.1}× Value parse: \
             {best:.2}× best, {median:.2}× median — {}",
            verdict(best.max(median) <= PARSE_TARGET_RATIO)
        );
    }
    if let (Some(best), Some(median)) = (
        op.sign.best(ids::BUILD_SIGN),
        op.sign.median(ids::BUILD_SIGN),
    ) {
        println!(
            "target: GetMetadata build + sign ≤ {}: {} best, {} median — {}",
            human(BUILD_SIGN_TARGET_NS),
            human(best),
            human(median),
            verdict(best.max(median) <= BUILD_SIGN_TARGET_NS)
        );
    }
}

fn verdict(met: bool) -> &'static str {
    if met { "met" } else { "MISSED" }
}

/// Nanoseconds in the unit that keeps three significant digits readable.
fn human(ns: f64) -> String {
    if ns >= 1e6 {
        format!("{:.3} ms", ns / 1e6)
    } else if ns >= 1e3 {
        format!("{:.3} µs", ns / 1e3)
    } else {
        format!("{ns:.1} ns")
    }
}
