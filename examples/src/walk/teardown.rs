//! DeleteAlias, Delete (a version, then the function), and a last GetMetadata that shows
//! how a typed not-found error reads.

use fgs_proto::functions::{Delete, DeleteAlias, GetMetadata};

use super::Urns;
use super::versions::ALIAS;
use crate::Target;
use crate::step::{Failure, Walker};

pub(super) fn delete(walker: &mut Walker<'_>, urns: &Urns) -> Result<(), Failure> {
    walker.send(
        "function.DeleteAlias",
        &DeleteAlias::new(&urns.base, ALIAS),
        |()| Ok(format!("alias {ALIAS} deleted")),
    )?;
    walker.send(
        "function.Delete",
        &Delete::new(urns.qualified("v1")),
        |()| Ok("version v1 deleted (the URN names a version)".to_owned()),
    )?;
    walker.send("function.Delete", &Delete::new(&urns.base), |()| {
        Ok("the function deleted, with its versions, aliases and triggers (the URN has no version)".to_owned())
    })?;
    Ok(())
}

/// Reads the deleted function: the emulator must answer 404 `FSS.1051`; the service may
/// still show it for a moment, as it deletes in the background.
pub(super) fn confirm_gone(
    walker: &mut Walker<'_>,
    target: &Target<'_>,
    urns: &Urns,
) -> Result<(), Failure> {
    let op = GetMetadata::new(&urns.latest);
    let request = fgs_proto::Operation::request(&op, walker.client.config())
        .map_err(|e| Failure::sdk("function.GetMetadata", e))?;
    let client = walker.client;
    let on_emulator = matches!(target, Target::Emulator(_));
    walker.call(
        "function.GetMetadata",
        &request,
        || match client.send(&op) {
            Ok(_) => Ok(None),
            Err(error) if error.is_not_found() => Ok(Some(error)),
            Err(error) => Err(error),
        },
        |answer| match answer {
            Some(error) => Ok(format!(
                "Err, as expected: is_not_found() · status {} · code {} · “{}”",
                error.status().map_or(0, |s| s.as_u16()),
                error.code().unwrap_or("?"),
                error.message().unwrap_or("?"),
            )),
            None if on_emulator => Err("the deleted function is still there".into()),
            None => Ok("still visible: the service finishes deleting in the background".into()),
        },
    )?;
    Ok(())
}
