//! One function's whole life, through each adapter against an AK/SK emulator, every
//! answer checked: create (inline and zip) → list in pages → read metadata and code →
//! update code and configuration → versions and aliases → invoke (v0, v1, tail log,
//! function error, async) → triggers → delete alias, version, function → not found.

mod code;
mod functions;
mod invoke;
mod listing;
mod teardown;
mod triggers;
mod versions;

use fgs_emulator::Emulator;
use fgs_tests::{Connect, Sdk, start};

fgs_tests::through_both_adapters!(lifecycle);

/// The function the scenario follows, and where it lives.
pub(crate) struct Life<'a, S> {
    pub sdk: &'a S,
    pub emu: &'a Emulator,
    /// Its URN without qualifier.
    pub base: String,
    /// Its URN with `:latest`, as Create answers it.
    pub latest: String,
}

impl<S: Sdk> Life<'_, S> {
    /// The URN of version or alias `qualifier` (`v1`, `!prod`).
    pub(crate) fn qualified(&self, qualifier: &str) -> String {
        format!("{}:{qualifier}", self.base)
    }
}

/// The name of the function the scenario follows.
pub(crate) const NAME: &str = "life";

fn lifecycle<S: Connect>() {
    let (emu, sdk) = start::<S>();
    let life = functions::create(&sdk, &emu);
    listing::every_function_once_in_pages(&life);
    functions::read(&life);
    functions::update(&life);
    versions::publish(&life);
    versions::aliases(&life);
    invoke::sync_and_async(&life);
    triggers::create_list_get_delete(&life);
    teardown::delete_alias_version_function(&life);
}
