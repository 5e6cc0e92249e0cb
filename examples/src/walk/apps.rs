//! app.ListTemplates, GetTemplate, Create, List, Get, Delete; template.List, Get;
//! bridge.ListFunctions, ListVersions; vpc.Create, Delete: an application made from a
//! template (its functions created and deleted with it), the function templates, the
//! demo function's bridge functions, and a VPC endpoint.

use fgs_proto::bridge::{BridgeType, ListFunctions, ListVersions};
use fgs_proto::{Error, Operation, apps, templates, vpc_endpoints};

use super::Urns;
use crate::Target;
use crate::step::{Failure, Walker};

pub(super) fn walk(
    walker: &mut Walker<'_>,
    target: &Target<'_>,
    urns: &Urns,
) -> Result<(), Failure> {
    let listed = walker.send(
        "app.ListTemplates",
        &apps::ListTemplates::new(),
        |page| match page.templates().first() {
            Some(t) => Ok(format!(
                "{} application template(s), the first “{}”",
                page.count().unwrap_or(0),
                t.name().unwrap_or("?")
            )),
            None => Err("no application template".to_owned()),
        },
    )?;
    let template_id = listed
        .templates()
        .first()
        .and_then(|t| t.id())
        .unwrap_or_default()
        .to_owned();
    walker.send(
        "app.GetTemplate",
        &apps::GetTemplate::new(&template_id),
        |t| {
            Ok(format!(
                "deployed {} time(s)",
                t.deploy_count().unwrap_or(0)
            ))
        },
    )?;
    // On the service this deploys what the template describes, deleted again below.
    let created = walker.send(
        "app.Create",
        &apps::Create::new("fgs-quickstart-app", &template_id),
        |c| {
            c.application_id()
                .map(|id| format!("application {id}"))
                .ok_or_else(|| "no application_id".to_owned())
        },
    )?;
    let id = created.application_id().unwrap_or_default().to_owned();
    walker.send("app.List", &apps::List::new(), |page| {
        Ok(format!("{} application(s)", page.count().unwrap_or(0)))
    })?;
    walker.send("app.Get", &apps::Get::new(&id), |app| {
        Ok(format!(
            "status {}, first function {}",
            app.status().unwrap_or("?"),
            app.stack_resources()
                .and_then(|r| r.physical_resource_name())
                .unwrap_or("?")
        ))
    })?;
    walker.send("app.Delete", &apps::Delete::new(&id), |()| {
        Ok("application and its functions deleted".to_owned())
    })?;

    let page = walker.send(
        "template.List",
        &templates::List::new().maxitems(10),
        |page| {
            Ok(format!(
                "{} function template(s)",
                page.func_templates().len()
            ))
        },
    )?;
    let first = page
        .func_templates()
        .first()
        .and_then(|t| t.id())
        .unwrap_or_default()
        .to_owned();
    walker.send("template.Get", &templates::Get::new(first), |t| {
        Ok(format!(
            "“{}”: {} with handler {}",
            t.template_name().unwrap_or("?"),
            t.runtime().unwrap_or("?"),
            t.handler().unwrap_or("?")
        ))
    })?;

    walker.send(
        "bridge.ListFunctions",
        &ListFunctions::new(&urns.base),
        |bound| Ok(format!("{} bridge function(s) bound", bound.len())),
    )?;
    walker.send(
        "bridge.ListVersions",
        &ListVersions::new(BridgeType::Rds),
        |versions| Ok(format!("{} rds bridge version(s)", versions.len())),
    )?;

    // The demo has no VPC of its own: the emulator stores any, while the service
    // refuses made-up ids, and that refusal is the step's answer there.
    let endpoint = vpc_endpoints::Create::new("vpc-fgs-quickstart", "subnet-fgs-quickstart");
    send_or_refused(walker, target, "vpc.Create", &endpoint, |e| {
        format!("endpoint {}", e.address().unwrap_or("?"))
    })?;
    let delete = vpc_endpoints::Delete::new("vpc-fgs-quickstart", "subnet-fgs-quickstart");
    send_or_refused(walker, target, "vpc.Delete", &delete, |()| {
        "endpoint deleted".to_owned()
    })?;
    Ok(())
}

/// Sends `operation`; against the service a 4xx refusal counts as its answer too (the
/// demo's made-up resources may not exist there), against the emulator only success.
pub(super) fn send_or_refused<O: Operation>(
    walker: &mut Walker<'_>,
    target: &Target<'_>,
    name: &'static str,
    operation: &O,
    show: impl FnOnce(&O::Output) -> String,
) -> Result<(), Failure> {
    let request = operation
        .request(walker.client.config())
        .map_err(|e| Failure::sdk(name, e))?;
    let client = walker.client;
    let refusal_ok = matches!(target, Target::Service);
    walker
        .call(
            name,
            &request,
            || match client.send(operation) {
                Ok(output) => Ok(Ok(output)),
                Err(Error::Service(e)) if refusal_ok && e.status().is_client_error() => Ok(Err(e)),
                Err(e) => Err(e),
            },
            |answer| {
                Ok(match answer {
                    Ok(output) => show(output),
                    Err(e) => format!(
                        "refused by the service: {} {}",
                        e.status().as_u16(),
                        e.code().unwrap_or("")
                    ),
                })
            },
        )
        .map(|_| ())
}
