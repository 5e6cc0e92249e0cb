//! The results of a run and how they are printed: one line per client, and one line
//! per SDK client comparing it with its floor.

use super::args::{ClientKind, Op};
use super::sample::Sample;

/// Everything a run measured.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The operation.
    pub op: Op,
    /// Per client, in the order given on the command line: its sample of each round.
    pub results: Vec<(ClientKind, Vec<Sample>)>,
    /// Per client: threads the process started per call, over untimed calls made after
    /// the rounds (see [`crate::threads`]); absent where not measured.
    pub threads_per_call: Vec<(ClientKind, f64)>,
}

/// An SDK client against its floor.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ratio {
    /// The SDK client.
    pub sdk: ClientKind,
    /// Its floor.
    pub floor: ClientKind,
    /// SDK calls/s over floor calls/s, over all rounds (1.0: as fast as the floor).
    pub calls_per_s: f64,
    /// The median over rounds of the same ratio within each round. The two clients
    /// run back to back in a round, so this cancels slower drift of the machine, and
    /// the median ignores a round that another process disturbed.
    pub calls_per_s_round_median: f64,
    /// SDK CPU per call over floor CPU per call (1.0: as cheap as the floor).
    pub cpu_per_call: f64,
    /// SDK CPU per call minus floor CPU per call, in microseconds.
    pub cpu_us_delta: f64,
}

impl Report {
    /// The totals of `client` over all rounds, if it was measured.
    pub fn sample(&self, client: ClientKind) -> Option<Sample> {
        self.rounds(client)
            .map(|rounds| rounds.iter().fold(Sample::default(), |a, b| a.plus(*b)))
    }

    /// The samples of `client`, one per round, if it was measured.
    pub fn rounds(&self, client: ClientKind) -> Option<&[Sample]> {
        self.results
            .iter()
            .find(|(kind, _)| *kind == client)
            .map(|(_, rounds)| rounds.as_slice())
    }

    /// Each SDK client measured together with its floors, compared with each.
    pub fn ratios(&self) -> Vec<Ratio> {
        self.results
            .iter()
            .flat_map(|&(sdk, ref sdk_rounds)| {
                sdk.floors()
                    .iter()
                    .filter_map(move |&floor| self.ratio(sdk, sdk_rounds, floor))
            })
            .collect()
    }

    fn ratio(&self, sdk: ClientKind, sdk_rounds: &[Sample], floor: ClientKind) -> Option<Ratio> {
        let floor_rounds = self.rounds(floor)?;
        let sdk_total = self.sample(sdk)?;
        let floor_total = self.sample(floor)?;
        let per_round = sdk_rounds
            .iter()
            .zip(floor_rounds)
            .map(|(s, f)| s.calls_per_s() / f.calls_per_s())
            .collect();
        Some(Ratio {
            sdk,
            floor,
            calls_per_s: sdk_total.calls_per_s() / floor_total.calls_per_s(),
            calls_per_s_round_median: median(per_round),
            cpu_per_call: sdk_total.cpu_us_per_call()
                / floor_total.cpu_us_per_call().max(f64::MIN_POSITIVE),
            cpu_us_delta: sdk_total.cpu_us_per_call() - floor_total.cpu_us_per_call(),
        })
    }

    /// Threads started per call by `client`, if measured.
    pub fn threads(&self, client: ClientKind) -> Option<f64> {
        self.threads_per_call
            .iter()
            .find(|(kind, _)| *kind == client)
            .map(|&(_, threads)| threads)
    }

    /// The output lines: one per client (totals over all rounds), then one per ratio.
    ///
    /// ```text
    /// client=fgs-ureq op=get-metadata n=30000 calls_per_s=8123 cpu_us_per_call=190.4 threads_per_call=0.00
    /// ratio=fgs-ureq/raw-ureq op=get-metadata calls_per_s=0.981 calls_per_s_round_median=0.990 cpu_per_call=1.021 cpu_us_delta=+3.9
    /// ```
    pub fn lines(&self) -> Vec<String> {
        let op = self.op.name();
        let clients = self.results.iter().filter_map(|&(client, _)| {
            let total = self.sample(client)?;
            let threads = match self.threads(client) {
                Some(threads) => format!(" threads_per_call={threads:.2}"),
                None => String::new(),
            };
            Some(format!(
                "client={} op={op} n={} calls_per_s={:.0} cpu_us_per_call={:.1}{threads}",
                client.name(),
                total.calls,
                total.calls_per_s(),
                total.cpu_us_per_call(),
            ))
        });
        let ratios = self.ratios().into_iter().map(|ratio| {
            format!(
                "ratio={}/{} op={op} calls_per_s={:.3} calls_per_s_round_median={:.3} \
                 cpu_per_call={:.3} cpu_us_delta={:+.1}",
                ratio.sdk.name(),
                ratio.floor.name(),
                ratio.calls_per_s,
                ratio.calls_per_s_round_median,
                ratio.cpu_per_call,
                ratio.cpu_us_delta,
            )
        });
        clients.chain(ratios).collect()
    }
}

/// The median (the mean of the middle two for an even count; NaN for none).
fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    match values.len() {
        0 => f64::NAN,
        n if n % 2 == 1 => values[n / 2],
        n => (values[n / 2 - 1] + values[n / 2]) / 2.0,
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use super::*;

    fn sample(calls: u64, wall_ms: u64, cpu_ms: u64) -> Sample {
        Sample {
            calls,
            wall: Duration::from_millis(wall_ms),
            cpu: Duration::from_millis(cpu_ms),
        }
    }

    #[test]
    fn ratios_pair_each_sdk_client_with_its_own_floor() {
        let report = Report {
            op: Op::GetMetadata,
            results: vec![
                (
                    ClientKind::FgsUreq,
                    vec![sample(500, 500, 50), sample(500, 500, 60)],
                ),
                (
                    ClientKind::RawUreq,
                    vec![sample(500, 400, 50), sample(500, 500, 50)],
                ),
                (ClientKind::FgsHyper, vec![sample(1000, 500, 60)]),
            ],
            threads_per_call: vec![(ClientKind::FgsUreq, 0.0), (ClientKind::RawUreq, 1.0)],
        };
        // fgs-hyper has no floor in this run, fgs-ureq one of its two: one ratio.
        let ratios = report.ratios();
        assert_eq!(ratios.len(), 1);
        let ratio = ratios[0];
        assert_eq!(
            (ratio.sdk, ratio.floor),
            (ClientKind::FgsUreq, ClientKind::RawUreq)
        );
        assert!((ratio.calls_per_s - 0.9).abs() < 1e-9, "{ratio:?}");
        // Rounds: 0.8 and 1.0.
        assert!(
            (ratio.calls_per_s_round_median - 0.9).abs() < 1e-9,
            "{ratio:?}"
        );
        assert!((ratio.cpu_per_call - 1.1).abs() < 1e-9, "{ratio:?}");
        assert!((ratio.cpu_us_delta - 10.0).abs() < 1e-9, "{ratio:?}");
        assert_eq!(
            report.lines(),
            [
                "client=fgs-ureq op=get-metadata n=1000 calls_per_s=1000 cpu_us_per_call=110.0 \
                 threads_per_call=0.00",
                "client=raw-ureq op=get-metadata n=1000 calls_per_s=1111 cpu_us_per_call=100.0 \
                 threads_per_call=1.00",
                "client=fgs-hyper op=get-metadata n=1000 calls_per_s=2000 cpu_us_per_call=60.0",
                "ratio=fgs-ureq/raw-ureq op=get-metadata calls_per_s=0.900 \
                 calls_per_s_round_median=0.900 cpu_per_call=1.100 cpu_us_delta=+10.0",
            ]
        );
    }

    #[test]
    fn the_median_ignores_one_disturbed_round() {
        assert_eq!(median(vec![1.0, 0.2, 1.1]), 1.0);
        assert_eq!(median(vec![1.0, 0.2, 1.1, 0.9]), 0.95);
        assert!(median(Vec::new()).is_nan());
    }
}
