//! The process's own resource usage: CPU time (user + system, all threads) from
//! `getrusage(RUSAGE_SELF)`, and resident memory — peak and current — from
//! `/proc/self/status`.
//!
//! The peak is `VmHWM`, not `getrusage`'s `ru_maxrss`: Linux carries `ru_maxrss` over
//! `execve`, so a program started by `cargo run` would report the peak of the cargo
//! process it was forked from (some 50 MB) if that is higher than its own. Where there
//! is no `/proc`, `ru_maxrss` is the fallback.
//!
//! `getrusage` comes through the `nix` crate's safe wrapper, so this crate keeps
//! `unsafe` forbidden. Unix only; elsewhere every reading fails with
//! [`io::ErrorKind::Unsupported`].

use std::io;
use std::time::Duration;

/// A reading of the process's resource usage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Usage {
    /// User plus system CPU time of every thread of the process so far.
    pub cpu: Duration,
    /// The largest resident set size the process has had so far, in bytes.
    pub peak_rss: u64,
}

/// Reads the process's CPU time and peak RSS.
///
/// ```
/// let before = fgs_benches::usage::now()?;
/// let spin: u64 = (0..1_000_000u64).map(|i| i ^ (i >> 3)).sum();
/// let after = fgs_benches::usage::now()?;
/// assert!(after.cpu >= before.cpu && after.peak_rss >= before.peak_rss, "{spin}");
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn now() -> io::Result<Usage> {
    now_with(true)
}

/// [`now`], reading the peak RSS only if `memory`.
fn now_with(memory: bool) -> io::Result<Usage> {
    #[cfg(unix)]
    {
        use nix::sys::resource::{UsageWho, getrusage};
        use nix::sys::time::TimeValLike;

        let usage = getrusage(UsageWho::RUSAGE_SELF).map_err(io::Error::from)?;
        let micros = usage.user_time().num_microseconds() + usage.system_time().num_microseconds();
        let peak_rss = match memory.then(|| status_field("VmHWM")) {
            None => 0,
            Some(Ok(bytes)) => bytes,
            Some(Err(_)) => u64::try_from(usage.max_rss()).unwrap_or(0) * MAX_RSS_UNIT,
        };
        Ok(Usage {
            cpu: Duration::from_micros(u64::try_from(micros).unwrap_or(0)),
            peak_rss,
        })
    }
    #[cfg(not(unix))]
    {
        let _ = memory;
        Err(io::Error::new(
            io::ErrorKind::Unsupported,
            "getrusage is available on Unix only",
        ))
    }
}

/// The process's CPU time so far (user plus system, every thread): [`now`] without the
/// memory reading, for timing loops.
pub fn cpu_time() -> io::Result<Duration> {
    now_with(false).map(|usage| usage.cpu)
}

/// Bytes per unit of `ru_maxrss`: kibibytes on Linux and the BSDs, bytes on macOS.
#[cfg(all(unix, not(target_vendor = "apple")))]
const MAX_RSS_UNIT: u64 = 1024;
#[cfg(target_vendor = "apple")]
const MAX_RSS_UNIT: u64 = 1;

/// The process's resident set size now, in bytes (`VmRSS` of `/proc/self/status`;
/// Linux only).
pub fn current_rss() -> io::Result<u64> {
    status_field("VmRSS")
}

/// A field of `/proc/self/status`, in bytes.
fn status_field(name: &str) -> io::Result<u64> {
    let status = std::fs::read_to_string("/proc/self/status")?;
    status_field_bytes(&status, name).ok_or_else(|| {
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("/proc/self/status has no {name} line"),
        )
    })
}

/// A `Name:   1234 kB` field of a `/proc/<pid>/status` text, in bytes.
fn status_field_bytes(status: &str, name: &str) -> Option<u64> {
    status.lines().find_map(|line| {
        let value = line.strip_prefix(name)?.strip_prefix(':')?;
        let mut parts = value.split_whitespace();
        let number: u64 = parts.next()?.parse().ok()?;
        match parts.next() {
            Some("kB") => number.checked_mul(1024),
            None => Some(number),
            Some(_) => None,
        }
    })
}

/// Bytes as MiB, for reports.
pub fn mib(bytes: u64) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_fields_are_read_in_bytes() {
        let status = "Name:\tx\nVmHWM:\t  2048 kB\nVmRSS:\t    1536 kB\nThreads:\t3\n";
        assert_eq!(status_field_bytes(status, "VmRSS"), Some(1536 * 1024));
        assert_eq!(status_field_bytes(status, "VmHWM"), Some(2048 * 1024));
        assert_eq!(status_field_bytes(status, "Threads"), Some(3));
        assert_eq!(status_field_bytes(status, "VmSwap"), None);
        assert_eq!(status_field_bytes("VmRSS:\tlots kB\n", "VmRSS"), None);
        assert_eq!(status_field_bytes("VmRSS:\t1 MB\n", "VmRSS"), None);
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn touching_memory_raises_the_readings() {
        let before = now().unwrap();
        let rss_before = current_rss().unwrap();
        // 64 MiB written page by page: resident, whatever the allocator does.
        let block = vec![1u8; 64 * 1024 * 1024];
        let rss_during = current_rss().unwrap();
        let after = now().unwrap();
        assert!(
            rss_during >= rss_before + 60 * 1024 * 1024,
            "{rss_before} -> {rss_during}"
        );
        // The kernel syncs per-thread RSS counters lazily: allow it a few pages.
        assert!(
            after.peak_rss + (1 << 20) >= rss_during,
            "{after:?} vs {rss_during}"
        );
        assert!(after.cpu >= before.cpu);
        assert_eq!(
            block.iter().map(|&b| usize::from(b)).sum::<usize>(),
            block.len()
        );
    }
}
