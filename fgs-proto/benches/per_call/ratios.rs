//! The closing table: each measurement next to its floor, with the ratio ours / floor,
//! and the two targets checked.

use crate::ids;
use crate::timing::Samples;

/// Fewer samples than this means criterion ran in test or list mode: no ratios then.
const MIN_SAMPLES: usize = 10;

/// Parsing the GetMetadata response may cost at most this many `Value` parses.
const PARSE_TARGET_RATIO: f64 = 1.0;
/// Building and signing GetMetadata may take at most this long.
const BUILD_SIGN_TARGET_NS: f64 = 5_000.0;

/// One line of the table: a measurement, and the floor it is compared with.
struct Row {
    label: &'static str,
    ours: Option<f64>,
    floor: Option<(&'static str, f64)>,
}

/// Prints the table for `groups` (operation names) to stdout, Markdown-formatted.
pub fn print(samples: &Samples, groups: &[&'static str]) {
    let median = |group: &str, id: &str| {
        samples
            .median_ns(group, id)
            .filter(|(_, n)| *n >= MIN_SAMPLES)
            .map(|(ns, _)| ns)
    };
    let mut lines = Vec::new();
    for &group in groups {
        let build = median(group, ids::BUILD);
        let build_sign = median(group, ids::BUILD_SIGN);
        let floor_sign = median(group, ids::FLOOR_SIGN);
        let rows = [
            Row {
                label: "build request",
                ours: build,
                floor: None,
            },
            Row {
                label: "build + AK/SK sign",
                ours: build_sign,
                floor: floor_sign.map(|f| ("sha256(body) + hmac", f)),
            },
            Row {
                label: "sign alone (build+sign − build)",
                ours: build_sign.zip(build).map(|(bs, b)| bs - b),
                floor: floor_sign.map(|f| ("sha256(body) + hmac", f)),
            },
            Row {
                label: "parse 200",
                ours: median(group, ids::PARSE_OK),
                floor: median(group, ids::FLOOR_PARSE_OK).map(|f| ("Value parse of body", f)),
            },
            Row {
                label: "parse 404 FSS.1051",
                ours: median(group, ids::PARSE_ERR),
                floor: median(group, ids::FLOOR_PARSE_ERR).map(|f| ("Value parse of body", f)),
            },
        ];
        for row in rows {
            let Some(ours) = row.ours else { continue };
            lines.push(match row.floor {
                Some((what, floor)) => format!(
                    "| {group} | {} | {} | {what} | {} | {:.2}× |",
                    row.label,
                    human(ours),
                    human(floor),
                    ours / floor
                ),
                None => format!("| {group} | {} | {} | — | — | — |", row.label, human(ours)),
            });
        }
    }
    println!();
    if lines.is_empty() {
        println!("(no ratios: criterion ran in test or list mode, or nothing matched the filter)");
        return;
    }
    println!("## ours / floor (median of each benchmark's measurement samples)");
    println!();
    println!("| operation | measurement | ours | floor | floor time | ratio |");
    println!("|---|---|---:|---|---:|---:|");
    for line in &lines {
        println!("{line}");
    }
    println!();
    if let (Some(ours), Some(floor)) = (
        median("GetMetadata", ids::PARSE_OK),
        median("GetMetadata", ids::FLOOR_PARSE_OK),
    ) {
        let ratio = ours / floor;
        println!(
            "target: GetMetadata parse 200 ≤ {PARSE_TARGET_RATIO:.1}× Value parse: {ratio:.2}× — {}",
            verdict(ratio <= PARSE_TARGET_RATIO)
        );
    }
    if let Some(ours) = median("GetMetadata", ids::BUILD_SIGN) {
        println!(
            "target: GetMetadata build + sign ≤ {}: {} — {}",
            human(BUILD_SIGN_TARGET_NS),
            human(ours),
            verdict(ours <= BUILD_SIGN_TARGET_NS)
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
