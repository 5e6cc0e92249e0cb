//! Fuzz target `error_body`: see `fuzz/harness/error_body.rs` for what it checks.
#![no_main]

#[path = "../harness/mod.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = harness::error_body::run(data);
});
