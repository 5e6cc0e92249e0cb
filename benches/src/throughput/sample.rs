//! What one timed stretch of calls cost: wall time and process CPU time.

use std::time::{Duration, Instant};

use crate::usage;

/// Calls made, the wall time they took and the process CPU time spent meanwhile.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sample {
    /// Calls made.
    pub calls: u64,
    /// Wall-clock time.
    pub wall: Duration,
    /// User plus system CPU time of the whole process (every thread).
    pub cpu: Duration,
}

impl Sample {
    /// Times `n` calls made by `run`.
    pub fn take(n: usize, run: impl FnOnce(usize) -> Result<(), String>) -> Result<Sample, String> {
        let cpu_before = usage::cpu_time().map_err(|e| format!("getrusage: {e}"))?;
        let started = Instant::now();
        run(n)?;
        let wall = started.elapsed();
        let cpu_after = usage::cpu_time().map_err(|e| format!("getrusage: {e}"))?;
        Ok(Sample {
            calls: n as u64,
            wall,
            cpu: cpu_after.saturating_sub(cpu_before),
        })
    }

    /// Both samples together.
    pub fn plus(self, other: Sample) -> Sample {
        Sample {
            calls: self.calls + other.calls,
            wall: self.wall + other.wall,
            cpu: self.cpu + other.cpu,
        }
    }

    /// Calls per second of wall time.
    pub fn calls_per_s(&self) -> f64 {
        self.calls as f64 / self.wall.as_secs_f64().max(f64::MIN_POSITIVE)
    }

    /// CPU microseconds per call.
    pub fn cpu_us_per_call(&self) -> f64 {
        self.cpu.as_secs_f64() * 1e6 / (self.calls.max(1) as f64)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rates_are_per_call_and_per_second() {
        let sample = Sample {
            calls: 2000,
            wall: Duration::from_millis(500),
            cpu: Duration::from_millis(100),
        };
        assert_eq!(sample.calls_per_s(), 4000.0);
        assert_eq!(sample.cpu_us_per_call(), 50.0);
        let twice = sample.plus(sample);
        assert_eq!(twice.calls, 4000);
        assert_eq!(twice.calls_per_s(), 4000.0);
        assert_eq!(twice.cpu_us_per_call(), 50.0);
    }

    #[test]
    fn take_counts_the_calls_and_passes_failures_on() {
        let sample = Sample::take(3, |n| {
            assert_eq!(n, 3);
            Ok(())
        })
        .unwrap();
        assert_eq!(sample.calls, 3);
        assert_eq!(
            Sample::take(3, |_| Err("refused".into())),
            Err("refused".to_owned())
        );
    }
}
