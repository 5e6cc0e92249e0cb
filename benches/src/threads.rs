//! Threads a stretch of calls starts: the thread ids of this process seen while the
//! calls run, by a thread that lists `/proc/self/task` again and again, minus those
//! there before. A thread started per call (ureq's resolver with a timeout set) lives
//! for a lookup, tens of microseconds — long enough to be seen over hundreds of calls,
//! though one may slip through: a lower bound, exact when it is zero. Linux only.

use std::collections::BTreeSet;
use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// The ids of this process's threads now.
pub fn tasks() -> io::Result<BTreeSet<u64>> {
    Ok(std::fs::read_dir("/proc/self/task")?
        .filter_map(|entry| entry.ok()?.file_name().to_str()?.parse().ok())
        .collect())
}

/// Runs `run` and returns its result with the number of threads started meanwhile.
pub fn started_during<T>(run: impl FnOnce() -> T) -> io::Result<(T, usize)> {
    tasks()?;
    let stop = Arc::new(AtomicBool::new(false));
    let sampler = {
        let stop = Arc::clone(&stop);
        std::thread::spawn(move || {
            let mut seen = BTreeSet::new();
            while !stop.load(Ordering::Relaxed) {
                seen.extend(tasks().unwrap_or_default());
            }
            seen
        })
    };
    // The sampler is in the listing before the calls start.
    std::thread::sleep(Duration::from_millis(10));
    let before = tasks()?;
    let result = run();
    stop.store(true, Ordering::Relaxed);
    let seen = sampler
        .join()
        .map_err(|_| io::Error::other("the sampler panicked"))?;
    Ok((result, seen.difference(&before).count()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(target_os = "linux")]
    #[test]
    fn threads_started_are_counted() {
        // Other tests of this binary run meanwhile and may add threads: at least these.
        let ((), started) = started_during(|| {
            for _ in 0..3 {
                std::thread::spawn(|| std::thread::sleep(Duration::from_millis(20)))
                    .join()
                    .unwrap();
            }
        })
        .unwrap();
        assert!(started >= 3, "{started}");
    }
}
