//! Fuzz target `authorization`: see `fuzz/harness/authorization.rs` for what it checks.
#![no_main]

#[path = "../harness/mod.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = harness::authorization::run(data);
});
