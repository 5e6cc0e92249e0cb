//! async.UpdateConfig, GetConfig, ListConfigs, List, ListActive, Cancel, DeleteConfig:
//! an async destination at work. `latest` sends the outcome of each asynchronous
//! invocation to version `v1` of the same function (which has no configuration of its
//! own, so nothing loops); the emulator shows the record `v1` received.

use std::time::{Duration, Instant};

use fgs_emulator::Emulator;
use fgs_proto::async_invocations::{
    Cancel, DeleteConfig, GetConfig, List, ListActive, ListConfigs, UpdateConfig,
};
use fgs_proto::functions::AsyncInvoke;
use fgs_proto::model::{FuncAsyncDestinationConfig, FuncDestinationConfig};
use serde_json::{Value, json};

use super::Urns;
use super::functions::text;
use crate::Target;
use crate::step::{Failure, Walker};

/// How long the demo waits for the emulator to run an invocation and its destination.
const WAIT: Duration = Duration::from_secs(10);

pub(super) fn walk(
    walker: &mut Walker<'_>,
    target: &Target<'_>,
    urns: &Urns,
) -> Result<(), Failure> {
    let v1 = urns.qualified("v1");
    let destination = FuncDestinationConfig::function(&v1);
    walker.send(
        "async.UpdateConfig",
        &UpdateConfig::new(&urns.latest)
            .max_async_retry_attempts(1)
            .max_async_event_age_in_seconds(3600)
            .destination_config(
                FuncAsyncDestinationConfig::new()
                    .on_success(destination.clone())
                    .on_failure(destination),
            ),
        |c| {
            Ok(format!(
                "latest: {} retry, events live {} s, outcomes go to v1",
                c.max_async_retry_attempts().unwrap_or(-1),
                c.max_async_event_age_in_seconds().unwrap_or(-1),
            ))
        },
    )?;
    walker.send("async.GetConfig", &GetConfig::new(&urns.latest), |c| {
        let on_success = c
            .destination_config()
            .and_then(|d| d.on_success.as_ref())
            .and_then(|d| d.func_urn())
            .ok_or("no on_success function")?;
        Ok(format!("on_success → {on_success}"))
    })?;
    walker.send("async.ListConfigs", &ListConfigs::new(&urns.base), |page| {
        Ok(format!(
            "{} configuration(s) among the versions and aliases",
            page.async_invoke_configs().len()
        ))
    })?;

    let invoke = AsyncInvoke::new(&urns.latest)
        .event(&json!({"name": "destination"}))
        .map_err(|e| Failure::sdk("function.AsyncInvoke", e))?;
    let queued = walker.send("function.AsyncInvoke", &invoke, |out| {
        let id = text(&out.request_id, "request_id")?;
        match target {
            Target::Emulator(emu) => delivered(emu, id),
            Target::Service => Ok(format!("request_id {id} · queued; its outcome goes to v1")),
        }
    })?;
    let request_id = queued.request_id.unwrap_or_default();

    walker.send("async.List", &List::new(&urns.latest), |page| {
        let statuses: Vec<&str> = page
            .invocations()
            .iter()
            .filter_map(|r| r.status().map(|s| s.as_str()))
            .collect();
        Ok(format!(
            "{} record(s) of latest: {}",
            page.count().unwrap_or_default(),
            statuses.join(", ")
        ))
    })?;
    walker.send("async.ListActive", &ListActive::new(&urns.latest), |page| {
        Ok(format!(
            "{} still waiting or running",
            page.invocations().len()
        ))
    })?;

    // The invocation has finished (on the emulator surely): cancelling it is refused.
    let cancel = Cancel::new(&urns.latest, &request_id);
    let request = fgs_proto::Operation::request(&cancel, walker.client.config())
        .map_err(|e| Failure::sdk("async.Cancel", e))?;
    let client = walker.client;
    walker.call(
        "async.Cancel",
        &request,
        || match client.send(&cancel) {
            Ok(()) => Ok(None),
            Err(error) if error.status().is_some_and(|s| s.as_u16() == 400) => Ok(Some(error)),
            Err(error) => Err(error),
        },
        |answer| match answer {
            Some(error) => Ok(format!(
                "Err, as expected: it has finished · status 400 · code {} · “{}”",
                error.code().unwrap_or("?"),
                error.message().unwrap_or("?"),
            )),
            None if matches!(target, Target::Emulator(_)) => {
                Err("a finished invocation was cancelled".into())
            }
            None => Ok("cancelled before it finished".into()),
        },
    )?;
    walker.send(
        "async.DeleteConfig",
        &DeleteConfig::new(&urns.latest),
        |()| Ok("configuration removed: no retries, no destinations".to_owned()),
    )?;
    Ok(())
}

/// What the destination `v1` received for the invocation `id`, once the emulator has run
/// both.
fn delivered(emu: &Emulator, id: &str) -> Result<String, String> {
    let source = emu
        .wait_for_async(id, WAIT)
        .ok_or("the emulator did not finish the invocation")?;
    let deadline = Instant::now() + WAIT;
    let record = loop {
        let found = emu.async_invocations().into_iter().find_map(|r| {
            let record: Value = serde_json::from_slice(&r.event).ok()?;
            (r.qualifier.as_deref() == Some("v1") && record["request_context"]["request_id"] == id)
                .then_some(record)
        });
        match found {
            Some(record) => break record,
            None if Instant::now() < deadline => std::thread::sleep(Duration::from_millis(5)),
            None => return Err("the destination v1 got no record".into()),
        }
    };
    let context = &record["request_context"];
    Ok(format!(
        "request_id {id} · ran in {} attempt(s)\nv1 got the record: condition “{}”, approximate_invoke_count {}, response_payload {}",
        source.attempts,
        context["condition"].as_str().unwrap_or("?"),
        context["approximate_invoke_count"],
        record["response_payload"].as_str().unwrap_or("?"),
    ))
}
