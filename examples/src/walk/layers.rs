//! dependency.CreateVersion, List, ListVersion, GetVersion: a layer published and used
//! by the demo function (UpdateCode names it); dependency.DeleteVersion at the end.

use fgs_proto::code::Code;
use fgs_proto::code::CodePackage;
use fgs_proto::dependencies::{CreateVersion, DeleteVersion, GetVersion, List, ListVersion};
use fgs_proto::functions::{GetCode, UpdateCode};
use fgs_proto::model::Runtime;

use super::Urns;
use super::functions::show;
use crate::function_code::{FILE_NAME, SECOND_SOURCE};
use crate::step::{Failure, Walker};

/// The demo's layer.
const LAYER: &str = "quickstart-words";

/// The published layer version: dependency id, version number.
pub(super) struct Layer {
    dep_id: String,
    version: i64,
}

pub(super) fn publish(walker: &mut Walker<'_>, urns: &Urns) -> Result<Layer, Failure> {
    let zip = CodePackage::from_files([("python/words.py", "GREETING = 'hello'\n")])
        .map_err(|e| Failure::sdk("dependency.CreateVersion", e))?;
    let created = walker.send(
        "dependency.CreateVersion",
        &CreateVersion::zip(LAYER, Runtime::Python39, &zip).description("shared words"),
        |v| {
            Ok(format!(
                "layer {} version {} · id {} · {} bytes",
                show(&v.name),
                v.version.unwrap_or_default(),
                show(&v.id),
                v.size.unwrap_or_default()
            ))
        },
    )?;
    let (Some(id), Some(dep_id), Some(version)) = (created.id, created.dep_id, created.version)
    else {
        return Err(Failure::unexpected(
            "dependency.CreateVersion",
            "no id, dep_id or version",
        ));
    };
    walker.send("dependency.List", &List::new().name(LAYER), |page| {
        Ok(format!(
            "{} dependency named {LAYER}",
            page.dependencies().len()
        ))
    })?;
    walker.send(
        "dependency.ListVersion",
        &ListVersion::new(&dep_id),
        |page| {
            Ok(format!(
                "{} version(s) of {LAYER}",
                page.dependencies().len()
            ))
        },
    )?;
    walker.send(
        "dependency.GetVersion",
        &GetVersion::new(&dep_id, version),
        |v| {
            Ok(format!(
                "version {} · etag {}",
                v.version.unwrap_or_default(),
                show(&v.etag)
            ))
        },
    )?;
    // The function uses the layer: UpdateCode names the version next to the code.
    let code = CodePackage::from_files([(FILE_NAME, SECOND_SOURCE)])
        .map_err(|e| Failure::sdk("function.UpdateCode", e))?;
    let update = UpdateCode::new(&urns.latest, Code::zip("index.zip", code))
        .depend_version_list(vec![id.clone()]);
    walker.send("function.UpdateCode", &update, |f| {
        Ok(format!(
            "the function now loads {:?}",
            f.depend_version_list.clone().unwrap_or_default()
        ))
    })?;
    walker.send("function.GetCode", &GetCode::new(&urns.latest), |code| {
        let names: Vec<String> = code
            .dependencies
            .as_deref()
            .unwrap_or_default()
            .iter()
            .map(|d| show(&d.name))
            .collect();
        match names.iter().any(|n| n == LAYER) {
            true => Ok(format!("dependencies: {}", names.join(", "))),
            false => Err(format!("{LAYER} is not among the dependencies {names:?}")),
        }
    })?;
    Ok(Layer { dep_id, version })
}

pub(super) fn remove(walker: &mut Walker<'_>, layer: &Layer) -> Result<(), Failure> {
    walker.send(
        "dependency.DeleteVersion",
        &DeleteVersion::new(&layer.dep_id, layer.version),
        |()| Ok(format!("version {} of {LAYER} deleted", layer.version)),
    )?;
    Ok(())
}
