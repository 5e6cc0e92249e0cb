//! The results of a run and how they are printed: one line per client, and one line
//! per SDK client comparing it with its floor.

use super::args::{ClientKind, Op};
use super::sample::Sample;

/// Everything a run measured.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// The operation.
    pub op: Op,
    /// Per client, in the order they took turns: every timed call added up.
    pub results: Vec<(ClientKind, Sample)>,
}

/// An SDK client against its floor.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ratio {
    /// The SDK client.
    pub sdk: ClientKind,
    /// Its floor.
    pub floor: ClientKind,
    /// SDK calls/s over floor calls/s (1.0: as fast as the floor).
    pub calls_per_s: f64,
    /// SDK CPU per call over floor CPU per call (1.0: as cheap as the floor).
    pub cpu_per_call: f64,
    /// SDK CPU per call minus floor CPU per call, in microseconds.
    pub cpu_us_delta: f64,
}

impl Report {
    /// The totals of `client`, if it was measured.
    pub fn sample(&self, client: ClientKind) -> Option<Sample> {
        self.results
            .iter()
            .find(|(kind, _)| *kind == client)
            .map(|(_, sample)| *sample)
    }

    /// Each SDK client measured together with its floor, compared.
    pub fn ratios(&self) -> Vec<Ratio> {
        self.results
            .iter()
            .filter_map(|&(sdk, sdk_sample)| {
                let floor = sdk.floor()?;
                let floor_sample = self.sample(floor)?;
                Some(Ratio {
                    sdk,
                    floor,
                    calls_per_s: sdk_sample.calls_per_s() / floor_sample.calls_per_s(),
                    cpu_per_call: sdk_sample.cpu_us_per_call()
                        / floor_sample.cpu_us_per_call().max(f64::MIN_POSITIVE),
                    cpu_us_delta: sdk_sample.cpu_us_per_call() - floor_sample.cpu_us_per_call(),
                })
            })
            .collect()
    }

    /// The output lines: one per client, then one per ratio.
    ///
    /// ```text
    /// client=fgs-ureq op=get-metadata n=25000 calls_per_s=8123 cpu_us_per_call=190.4
    /// ratio=fgs-ureq/raw-ureq op=get-metadata calls_per_s=0.981 cpu_per_call=1.021 cpu_us_delta=+3.9
    /// ```
    pub fn lines(&self) -> Vec<String> {
        let op = self.op.name();
        let clients = self.results.iter().map(|(client, sample)| {
            format!(
                "client={} op={op} n={} calls_per_s={:.0} cpu_us_per_call={:.1}",
                client.name(),
                sample.calls,
                sample.calls_per_s(),
                sample.cpu_us_per_call(),
            )
        });
        let ratios = self.ratios().into_iter().map(|ratio| {
            format!(
                "ratio={}/{} op={op} calls_per_s={:.3} cpu_per_call={:.3} cpu_us_delta={:+.1}",
                ratio.sdk.name(),
                ratio.floor.name(),
                ratio.calls_per_s,
                ratio.cpu_per_call,
                ratio.cpu_us_delta,
            )
        });
        clients.chain(ratios).collect()
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
                (ClientKind::FgsUreq, sample(1000, 1000, 110)),
                (ClientKind::RawUreq, sample(1000, 900, 100)),
                (ClientKind::FgsHyper, sample(1000, 500, 60)),
            ],
        };
        // fgs-hyper has no floor in this run: no ratio for it.
        let ratios = report.ratios();
        assert_eq!(ratios.len(), 1);
        let ratio = ratios[0];
        assert_eq!(
            (ratio.sdk, ratio.floor),
            (ClientKind::FgsUreq, ClientKind::RawUreq)
        );
        assert!((ratio.calls_per_s - 0.9).abs() < 1e-9, "{ratio:?}");
        assert!((ratio.cpu_per_call - 1.1).abs() < 1e-9, "{ratio:?}");
        assert!((ratio.cpu_us_delta - 10.0).abs() < 1e-9, "{ratio:?}");
        assert_eq!(
            report.lines(),
            [
                "client=fgs-ureq op=get-metadata n=1000 calls_per_s=1000 cpu_us_per_call=110.0",
                "client=raw-ureq op=get-metadata n=1000 calls_per_s=1111 cpu_us_per_call=100.0",
                "client=fgs-hyper op=get-metadata n=1000 calls_per_s=2000 cpu_us_per_call=60.0",
                "ratio=fgs-ureq/raw-ureq op=get-metadata calls_per_s=0.900 cpu_per_call=1.100 cpu_us_delta=+10.0",
            ]
        );
    }
}
