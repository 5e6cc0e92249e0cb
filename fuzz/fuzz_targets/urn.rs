//! Fuzz target `urn`: see `fuzz/harness/urn.rs` for what it checks.
#![no_main]

#[path = "../harness/mod.rs"]
mod harness;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let _ = harness::urn::run(data);
});
