//! The demo's steps: one function's life through every operation, in the order a
//! newcomer would use them.

mod apps;
mod async_destinations;
mod events;
mod functions;
mod invocations;
mod layers;
mod metrics;
mod observability;
mod scaling;
mod tags;
mod teardown;
mod triggers;
mod versions;
mod workflows;

use fgs_proto::FunctionUrn;

use super::Target;
use super::step::{Failure, Walker};

/// The package the demo function lives in.
pub(super) const PACKAGE: &str = "default";

/// The URNs of the demo function, known once Create has answered.
pub(super) struct Urns {
    /// Without qualifier: "the function" (versions, aliases, triggers, deletion).
    pub base: String,
    /// With `:latest`, as Create answers it.
    pub latest: String,
}

impl Urns {
    /// The URN of version or alias `qualifier` (`v1`, `!prod`).
    pub(crate) fn qualified(&self, qualifier: &str) -> String {
        format!("{}:{qualifier}", self.base)
    }
}

/// Runs every step. `created` is set to the function's URN as soon as Create has
/// succeeded and cleared once the function is deleted, so that the caller can clean up
/// after a failure.
pub(super) fn walk(
    walker: &mut Walker<'_>,
    target: &Target<'_>,
    function_name: &str,
    created: &mut Option<String>,
) -> Result<(), Failure> {
    if let Target::Emulator(emu) = target {
        emu.register_handler(function_name, super::function_code::emulated_handler);
    }
    let func_urn = functions::create(walker, function_name)?;
    let urns = urns(&func_urn, function_name);
    *created = Some(urns.base.clone());
    walker.legend.urn = Some(urns.base.clone());
    let first_digest = functions::read(walker, function_name, &urns)?;
    versions::publish_first(walker, &urns)?;
    functions::update(walker, function_name, &urns, first_digest.as_deref())?;
    versions::publish_second_and_alias(walker, &urns)?;
    invocations::invoke(walker, target, &urns)?;
    triggers::walk(walker, &urns)?;
    scaling::walk(walker, &urns)?;
    tags::walk(walker, &urns)?;
    observability::transfer(walker, function_name, &urns)?;
    observability::settings(walker, &urns)?;
    observability::walk(walker, &urns)?;
    async_destinations::walk(walker, target, &urns)?;
    metrics::walk(walker, target, &urns)?;
    apps::walk(walker, target, &urns)?;
    workflows::walk(walker, &urns)?;
    let layer = layers::publish(walker, &urns)?;
    events::walk(walker, &urns)?;
    layers::remove(walker, &layer)?;
    teardown::delete(walker, &urns)?;
    *created = None;
    teardown::confirm_gone(walker, target, &urns)
}

/// The URNs from Create's `func_urn`; should the service not answer one, the short form
/// `package:name`, which every operation accepts too.
fn urns(func_urn: &str, function_name: &str) -> Urns {
    match func_urn.parse::<FunctionUrn>() {
        Ok(urn) if urn.qualifier().is_some() => Urns {
            base: urn.unqualified().to_string(),
            latest: func_urn.to_owned(),
        },
        // Without a qualifier a URN means `latest` for every operation used with it.
        Ok(_) => Urns {
            base: func_urn.to_owned(),
            latest: func_urn.to_owned(),
        },
        Err(_) => {
            let short = format!("{PACKAGE}:{function_name}");
            Urns {
                base: short.clone(),
                latest: short,
            }
        }
    }
}
