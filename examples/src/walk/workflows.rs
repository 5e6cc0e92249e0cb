//! workflow.Create, List, Get, StartSync, Update, Start, Stop, Retry, Callback,
//! GetExecution, ListExecutions, GetExecutionPage, BatchDelete: a workflow calling the
//! demo function, run synchronously, then changed to wait for a callback, started,
//! stopped, retried, resumed by the callback, read back and deleted.

use std::time::{Duration, Instant};

use fgs_proto::workflows::{
    Action, BatchDelete, Callback, CallbackResult, Create, Definition, ExecutionDetails,
    ExecutionStatus, Get, GetExecution, GetExecutionPage, List, ListExecutions, OperationState,
    Retry, Start, StartSync, State, Stop, SyncStatus, Update, WorkflowFunction, WorkflowMode,
};
use serde_json::json;

use super::Urns;
use crate::step::{Failure, Walker};

/// The demo workflow's name.
const NAME: &str = "fgs-quickstart-flow";
/// How long the demo waits for an execution to get somewhere.
const WAIT: Duration = Duration::from_secs(10);

/// The demo function, called as `greet`, then (with `wait`) a state that waits for a
/// callback, then the end.
fn definition(urns: &Urns, wait: bool) -> Definition {
    let call = OperationState::operation("greet", "greet", vec![Action::call("greet")]);
    let mut states: Vec<State> = vec![call.then(if wait { "wait" } else { "done" }).into()];
    if wait {
        // Waits until CreateCallbackWorkflow names it.
        states.push(State::Raw(json!({
            "id": "wait", "name": "wait", "type": "Event", "transition": "done"
        })));
    }
    states.push(OperationState::end_state("done", "done").into());
    Definition::new(
        NAME,
        "greet",
        vec![WorkflowFunction::new("greet", &urns.latest)],
        states,
    )
    .with_mode(WorkflowMode::Express)
}

pub(super) fn walk(walker: &mut Walker<'_>, urns: &Urns) -> Result<(), Failure> {
    let created = walker.send(
        "workflow.Create",
        &Create::new(definition(urns, false)),
        |w| Ok(format!("workflow {} created", w.name().unwrap_or_default())),
    )?;
    let id = created.id.clone().unwrap_or_default();
    let urn = created.workflow_urn.clone().unwrap_or_default();
    walker.send(
        "workflow.List",
        &List::new().workflow_name(NAME),
        |page| match page.workflows().iter().any(|w| w.id() == Some(id.as_str())) {
            true => Ok(format!(
                "{} workflow(s) named {NAME}",
                page.workflows().len()
            )),
            false => Err("the new workflow is not listed".to_owned()),
        },
    )?;
    walker.send("workflow.Get", &Get::new(&id), |info| {
        let states = info.definition().map(|d| d.states().len()).unwrap_or(0);
        Ok(format!("{states} state(s), starting at greet"))
    })?;
    walker.send(
        "workflow.StartSync",
        &StartSync::new(&id, json!({"name": "fgs"})),
        |run| match run.status() {
            Some(SyncStatus::Success) => Ok(format!(
                "final output {}",
                run.output().map(ToString::to_string).unwrap_or_default()
            )),
            other => Err(format!("the execution ended {other:?}: {:?}", run.errors())),
        },
    )?;
    walker.send(
        "workflow.Update",
        &Update::new(&id, definition(urns, true)),
        |_| Ok("now waits for a callback after greet".to_owned()),
    )?;
    let started = walker.send(
        "workflow.Start",
        &Start::new(&id, json!({"name": "fgs"})),
        |s| {
            Ok(format!(
                "execution {}",
                s.execution_id().unwrap_or_default()
            ))
        },
    )?;
    let execution = started.execution_id.clone().unwrap_or_default();
    walker.send("workflow.Stop", &Stop::new(&id, &execution), |()| {
        Ok("stopped".to_owned())
    })?;
    walker.send("workflow.Retry", &Retry::new(&id, &execution), |()| {
        Ok("running again from where it stopped".to_owned())
    })?;
    wait_until(walker, "workflow.Callback", &id, &execution, |d| {
        d.node("wait").last().and_then(|r| r.status()) == Some(&ExecutionStatus::Running)
    })?;
    let mut output = serde_json::Map::new();
    output.insert("approved".into(), json!(true));
    walker.send(
        "workflow.Callback",
        &Callback::new(&id, &execution, "wait", CallbackResult::Success, output),
        |_| Ok("the waiting state resumed".to_owned()),
    )?;
    wait_until(walker, "workflow.GetExecution", &id, &execution, |d| {
        d.status() != Some(&ExecutionStatus::Running)
    })?;
    walker.send(
        "workflow.GetExecution",
        &GetExecution::new(&id, &execution),
        |d| {
            // Each state's runs: the one Stop cut short, then the retried one.
            let runs: Vec<String> = d
                .node_execution_details()
                .iter()
                .map(|node| {
                    let statuses: Vec<&str> = node
                        .executions()
                        .iter()
                        .filter_map(|r| r.status().map(|s| s.as_str()))
                        .collect();
                    format!(
                        "{} {}",
                        node.node_id().unwrap_or_default(),
                        statuses.join("→")
                    )
                })
                .collect();
            match d.status() {
                Some(ExecutionStatus::Success) => Ok(format!("success · {}", runs.join(" · "))),
                other => Err(format!("the execution is {other:?}")),
            }
        },
    )?;
    walker.send(
        "workflow.ListExecutions",
        &ListExecutions::new(&id),
        |list| Ok(format!("{} execution(s) kept", list.executions().len())),
    )?;
    walker.send(
        "workflow.GetExecutionPage",
        &GetExecutionPage::new(&id, 0, 10),
        |page| {
            Ok(format!(
                "history of {} execution(s)",
                page.total().unwrap_or(0)
            ))
        },
    )?;
    walker.send(
        "workflow.BatchDelete",
        &BatchDelete::new([urn.as_str()]),
        |out| match out.success() {
            [deleted] if *deleted == urn => Ok("workflow deleted".to_owned()),
            _ => Err(format!("not deleted: {:?}", out.fail())),
        },
    )?;
    Ok(())
}

/// Reads the execution until `done` holds (at most [`WAIT`]); a failure names `step`,
/// the step that needs it.
fn wait_until(
    walker: &Walker<'_>,
    step: &'static str,
    id: &str,
    execution: &str,
    done: impl Fn(&ExecutionDetails) -> bool,
) -> Result<(), Failure> {
    let deadline = Instant::now() + WAIT;
    loop {
        let details = walker
            .client
            .send(&GetExecution::new(id, execution))
            .map_err(|e| Failure::sdk(step, e))?;
        if done(&details) {
            return Ok(());
        }
        if Instant::now() >= deadline {
            return Err(Failure::unexpected(
                step,
                "the execution did not get there in time",
            ));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}
