//! trigger.Create (twice), List, Get, Update, Delete, DeleteAll.

use fgs_proto::model::TimerEventData;
use fgs_proto::model::{Trigger, TriggerStatus, TriggerType, TypedEventData};
use fgs_proto::triggers::{Create, Delete, DeleteAll, Get, List, Update};

use super::Urns;
use super::functions::{show, text};
use crate::step::{Failure, Walker};

pub(super) fn walk(walker: &mut Walker<'_>, urns: &Urns) -> Result<(), Failure> {
    let hourly = TimerEventData::rate("quickstart-hourly", "1h").with_user_event("tick");
    let first = walker.send("trigger.Create", &Create::new(&urns.base, hourly), describe)?;
    let first_id = first
        .trigger_id
        .ok_or_else(|| Failure::unexpected("trigger.Create", "no trigger_id"))?;
    let nightly = TimerEventData::cron("quickstart-nightly", "0 0 2 * * ?");
    walker.send(
        "trigger.Create",
        &Create::new(&urns.base, nightly),
        describe,
    )?;

    walker.send("trigger.List", &List::new(&urns.base), |triggers| {
        if triggers.len() != 2 {
            return Err(format!("{} triggers, expected 2", triggers.len()));
        }
        let names: Vec<String> = triggers.iter().map(name).collect();
        Ok(format!("{} triggers: {}", triggers.len(), names.join(", ")))
    })?;
    walker.send(
        "trigger.Get",
        &Get::new(&urns.base, TriggerType::Timer, &first_id),
        describe,
    )?;
    walker.send(
        "trigger.Update",
        &Update::new(&urns.base, TriggerType::Timer, &first_id)
            .trigger_status(TriggerStatus::Disabled),
        |trigger| match trigger.trigger_status {
            Some(TriggerStatus::Disabled) => describe(trigger),
            _ => Err(format!(
                "still {}",
                show(&trigger.trigger_status.as_ref().map(ToString::to_string))
            )),
        },
    )?;
    walker.send(
        "trigger.Delete",
        &Delete::new(&urns.base, TriggerType::Timer, &first_id),
        |()| Ok(format!("trigger {first_id} deleted")),
    )?;
    walker.send("trigger.DeleteAll", &DeleteAll::new(&urns.base), |()| {
        Ok("the function's remaining triggers deleted".to_owned())
    })?;
    Ok(())
}

/// `TIMER 1b2c… quickstart-hourly: Rate 1h, ACTIVE`.
fn describe(trigger: &Trigger) -> Result<String, String> {
    let id = text(&trigger.trigger_id, "trigger_id")?;
    let schedule = match trigger.typed_event_data() {
        Some(TypedEventData::Timer(timer)) => format!(
            "{} {}",
            show(&timer.schedule_type.as_ref().map(ToString::to_string)),
            show(&timer.schedule)
        ),
        _ => return Err("not a TIMER trigger".into()),
    };
    Ok(format!(
        "{} {} · schedule {schedule} · {} · trigger_id {id}",
        show(&trigger.trigger_type_code.as_ref().map(ToString::to_string)),
        name(trigger),
        show(&trigger.trigger_status.as_ref().map(ToString::to_string)),
    ))
}

/// The trigger's name from its event data.
fn name(trigger: &Trigger) -> String {
    match trigger.typed_event_data() {
        Some(TypedEventData::Timer(timer)) => show(&timer.name),
        _ => show(&trigger.trigger_id),
    }
}
