//! Invoke (result, log, and a function error) and AsyncInvoke.

use std::time::Duration;

use fgs_emulator::AsyncStatus;
use fgs_proto::functions::{AsyncInvoke, Invoke};
use fgs_proto::model::ResponseVersion;
use serde_json::json;

use super::Urns;
use super::functions::{show, text};
use crate::Target;
use crate::step::{Failure, Walker};

/// How long the demo waits for the emulator to finish an asynchronous invocation.
const ASYNC_WAIT: Duration = Duration::from_secs(10);
/// Longest log excerpt printed.
const LOG_EXCERPT: usize = 60;

pub(super) fn invoke(
    walker: &mut Walker<'_>,
    target: &Target<'_>,
    urns: &Urns,
) -> Result<(), Failure> {
    let invoke = Invoke::new(&urns.latest)
        .event(&json!({"name": "fgs"}))
        .map_err(|e| Failure::sdk("function.Invoke", e))?
        .tail_log(true)
        .response_version(ResponseVersion::V1);
    walker.send("function.Invoke", &invoke, |out| {
        if let Some(error) = out.function_error() {
            return Err(format!("the function failed: {error}"));
        }
        let log = out.log().ok_or("no log, though the tail was asked for")?;
        Ok(format!(
            "result {} · status {} · log tail of {} lines, with “{}”",
            out.result_text(),
            show(&out.function_status()),
            log.lines().count(),
            line_with(log, "greeting"),
        ))
    })?;

    let failing = Invoke::new(&urns.latest)
        .event(&json!({"fail": true}))
        .map_err(|e| Failure::sdk("function.Invoke", e))?;
    match target {
        Target::Emulator(_) => {
            walker.send("function.Invoke", &failing, |out| {
                let error = out
                    .function_error()
                    .ok_or("the function was expected to fail")?;
                Ok(format!(
                    "the call is Ok; function_error() says: {}: {}",
                    error.error_type().unwrap_or("?"),
                    error.message().unwrap_or("?"),
                ))
            })?;
        }
        Target::Service => walker.skip(
            "function.Invoke",
            &failing,
            "the function-error step needs a failing handler, which only the emulator can register",
        )?,
    }

    let event = json!({"name": "async"});
    let async_invoke = AsyncInvoke::new(&urns.latest)
        .event(&event)
        .map_err(|e| Failure::sdk("function.AsyncInvoke", e))?;
    walker.send("function.AsyncInvoke", &async_invoke, |out| {
        let id = text(&out.request_id, "request_id")?;
        let ran = match target {
            Target::Emulator(emu) => {
                let done = emu
                    .wait_for_async(id, ASYNC_WAIT)
                    .ok_or("the emulator did not finish the invocation")?;
                match &done.status {
                    AsyncStatus::Succeeded(output) => format!(
                        "the emulator ran it on {}: {}",
                        String::from_utf8_lossy(&done.event),
                        String::from_utf8_lossy(output)
                    ),
                    other => return Err(format!("the invocation ended {other:?}")),
                }
            }
            Target::Service => "queued; the service runs it in the background".to_owned(),
        };
        Ok(format!("request_id {id} · {ran}"))
    })?;
    Ok(())
}

/// The last log line that contains `needle` (the function's own line, between the
/// runtime's), else the last line; cut to [`LOG_EXCERPT`] characters.
fn line_with(log: &str, needle: &str) -> String {
    let mut lines = log.lines().map(str::trim).filter(|l| !l.is_empty());
    let line = lines
        .clone()
        .rev()
        .find(|l| l.contains(needle))
        .or_else(|| lines.next_back())
        .unwrap_or("");
    match line.char_indices().nth(LOG_EXCERPT) {
        Some((end, _)) => format!("{}…", &line[..end]),
        None => line.to_owned(),
    }
}
