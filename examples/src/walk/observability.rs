//! function.Export, Import, UpdateCollectState, GetSnapshotState, UpdateSnapshot and
//! observability.EnableLts, GetLtsDetails, EnableAsyncStatusLog, GetAsyncStatusLog,
//! UpdateTracing, GetTracing: the demo function exported and imported as a copy (equal
//! code, then the copy deleted), pinned, its `v1` snapshot state read and switched off,
//! LTS and the async status log switched on and shown, tracing keys set, shown and
//! cleared.

use fgs_proto::functions::{
    Delete, Export, GetSnapshotState, Import, SnapshotAction, UpdateCollectState, UpdateSnapshot,
};
use fgs_proto::observability::{
    EnableAsyncStatusLog, EnableLts, GetAsyncStatusLog, GetLtsDetails, GetTracing, UpdateTracing,
};

use super::{PACKAGE, Urns};
use crate::step::{Failure, Walker};

/// Exports the demo function and imports the package as `{name}-copy`, which must have
/// the same code digest; the copy is deleted again.
pub(super) fn transfer(
    walker: &mut Walker<'_>,
    function_name: &str,
    urns: &Urns,
) -> Result<(), Failure> {
    let exported = walker.send(
        "function.Export",
        &Export::new(&urns.latest),
        |out| match out.package() {
            Some(zip) => Ok(format!(
                "a {}-byte zip of code and configuration",
                zip.len()
            )),
            None => Ok(format!("a document · link {:?}", out.link())),
        },
    )?;
    let Some(package) = exported.into_package() else {
        return Err(Failure::unexpected(
            "function.Import",
            "the export answered no package to import",
        ));
    };
    let copy_name = format!("{function_name}-copy");
    walker.send(
        "function.Import",
        &Import::new(&copy_name, format!("{copy_name}.zip"), package).package(PACKAGE),
        |f| {
            Ok(format!(
                "{} imported · digest {}…",
                f.func_name.as_deref().unwrap_or("?"),
                f.digest.as_deref().unwrap_or("").get(..12).unwrap_or("")
            ))
        },
    )?;
    walker.send(
        "function.Delete",
        &Delete::new(format!("{PACKAGE}:{copy_name}")),
        |()| Ok(format!("the copy {copy_name} deleted")),
    )?;
    Ok(())
}

/// Pins the demo function, reads and switches off the snapshots of `v1`.
pub(super) fn settings(walker: &mut Walker<'_>, urns: &Urns) -> Result<(), Failure> {
    walker.send(
        "function.UpdateCollectState",
        &UpdateCollectState::new(&urns.base, true),
        |()| Ok("pinned to the top of the list".to_owned()),
    )?;
    let v1 = urns.qualified("v1");
    walker.send(
        "function.GetSnapshotState",
        &GetSnapshotState::new(&v1),
        |s| Ok(format!("snapshots of v1: {}", s.state().unwrap_or("?"))),
    )?;
    walker.send(
        "function.UpdateSnapshot",
        &UpdateSnapshot::new(&v1, SnapshotAction::Disable),
        |()| Ok("snapshots of v1 off (they are for Java functions)".to_owned()),
    )?;
    Ok(())
}

/// LTS, the async status log and tracing.
pub(super) fn walk(walker: &mut Walker<'_>, urns: &Urns) -> Result<(), Failure> {
    walker.send("observability.EnableLts", &EnableLts::new(), |()| {
        Ok("LTS log reporting on".to_owned())
    })?;
    walker.send(
        "observability.GetLtsDetails",
        &GetLtsDetails::new(&urns.base),
        |d| {
            Ok(format!(
                "logs to group {} · stream {}",
                d.group_name().or(d.group_id()).unwrap_or("?"),
                d.stream_name().or(d.stream_id()).unwrap_or("?")
            ))
        },
    )?;
    walker.send(
        "observability.EnableAsyncStatusLog",
        &EnableAsyncStatusLog::new(),
        |()| Ok("async status log on".to_owned()),
    )?;
    walker.send(
        "observability.GetAsyncStatusLog",
        &GetAsyncStatusLog::new(),
        |d| {
            Ok(format!(
                "group {}",
                d.group_name().or(d.group_id()).unwrap_or("?")
            ))
        },
    )?;
    walker.send(
        "observability.UpdateTracing",
        &UpdateTracing::new(&urns.base, "FGSQUICKSTARTAPMAK", "fgs-quickstart-apm-sk"),
        |()| Ok("APM tracing keys set".to_owned()),
    )?;
    walker.send(
        "observability.GetTracing",
        &GetTracing::new(&urns.base),
        |keys| match keys.tracing_ak() {
            Some(ak) => Ok(format!("tracing with AK {ak} (the SK is masked)")),
            None => Err("no tracing AK".to_owned()),
        },
    )?;
    // Switched off again: the second UpdateTracing of the walk.
    walker.send(
        "observability.UpdateTracing",
        &UpdateTracing::disable(&urns.base),
        |()| Ok("tracing off again".to_owned()),
    )?;
    Ok(())
}
