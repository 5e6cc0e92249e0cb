//! Running the client layer's one attempt loop (written as an `async fn`) to the end on
//! the calling thread, for the blocking client.
//!
//! Under a blocking transport every future of the loop is ready when first polled, so
//! this polls once. It still parks and waits for a wake-up if a future is pending, so
//! that it is correct for any future, not only for the ones it is given today.

use std::future::Future;
use std::pin::pin;
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};
use std::thread::{self, Thread};

/// Wakes the thread that is blocked on the future.
struct Unpark(Thread);

impl Wake for Unpark {
    fn wake(self: Arc<Self>) {
        self.0.unpark();
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.0.unpark();
    }
}

thread_local! {
    /// This thread's waker, made once: a blocking call costs no allocation for it.
    static WAKER: Waker = Waker::from(Arc::new(Unpark(thread::current())));
}

/// Polls `future` on this thread until it is done.
pub(crate) fn block_on<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    // Outside thread teardown the cached waker is there; during it, make one.
    let waker = WAKER
        .try_with(Waker::clone)
        .unwrap_or_else(|_| Waker::from(Arc::new(Unpark(thread::current()))));
    let mut context = Context::from_waker(&waker);
    loop {
        if let Poll::Ready(output) = future.as_mut().poll(&mut context) {
            return output;
        }
        // A spurious wake-up only costs another poll.
        thread::park();
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::time::Duration;

    use super::*;

    /// A future that is pending until another thread sets its flag and wakes it.
    struct Flagged {
        set: Arc<AtomicBool>,
        spawned: bool,
    }

    impl Future for Flagged {
        type Output = &'static str;

        fn poll(mut self: std::pin::Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Self::Output> {
            if self.set.load(Ordering::SeqCst) {
                return Poll::Ready("woken");
            }
            if !self.spawned {
                self.spawned = true;
                let (set, waker) = (self.set.clone(), cx.waker().clone());
                thread::spawn(move || {
                    thread::sleep(Duration::from_millis(20));
                    set.store(true, Ordering::SeqCst);
                    waker.wake();
                });
            }
            Poll::Pending
        }
    }

    #[test]
    fn a_ready_future_is_returned_at_once() {
        assert_eq!(block_on(async { 7 }), 7);
    }

    #[test]
    fn a_pending_future_is_polled_again_when_woken() {
        let future = Flagged {
            set: Arc::new(AtomicBool::new(false)),
            spawned: false,
        };
        assert_eq!(block_on(future), "woken");
    }
}
