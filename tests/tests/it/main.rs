//! Cross-transport integration tests: every scenario is a generic function over
//! [`fgs_tests::Sdk`], run once through fgs-ureq (blocking) and once through fgs-hyper
//! (async), each run against an emulator of its own with AK/SK authentication on.
//!
//! One test binary (modules, not files under `tests/`), so the SDK, both adapters and
//! the emulator are linked once.

/// For each scenario `name` (a function generic over `S: Sdk`), declares a module
/// `name` with two tests, `fgs_ureq` and `fgs_hyper`, that run it through each adapter.
macro_rules! through_both_adapters {
    ($($scenario:ident),* $(,)?) => {
        $(
            mod $scenario {
                #[test]
                fn fgs_ureq() {
                    super::$scenario::<fgs_tests::Blocking>();
                }

                #[test]
                fn fgs_hyper() {
                    super::$scenario::<fgs_tests::Async>();
                }
            }
        )*
    };
}

mod auth;
mod bench;
mod demo;
mod large_code;
mod lifecycle;
mod readme;
mod retries;
