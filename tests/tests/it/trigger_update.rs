//! UpdateTrigger through each adapter against the emulator: a TIMER trigger disabled
//! (it stops counting as an active timer) and enabled again, a DIS trigger's polling
//! changed, and the refusals the service documents.

use std::time::Duration;

use fgs_proto::code::Code;
use fgs_proto::functions::{Create, FunctionConfig};
use fgs_proto::model::{
    DisEventData, MemorySize, PollingUnit, Runtime, ShardIteratorType, SmnEventData,
    TimerEventData, TriggerStatus, TriggerType, TypedEventData,
};
use fgs_proto::triggers::{self, Get, Update, UpdateEventData};
use fgs_tests::{Connect, start};

fgs_tests::through_both_adapters!(disable_and_enable_again);

fn disable_and_enable_again<S: Connect>() {
    let (emu, sdk) = start::<S>();
    let who = sdk.name();
    let config = FunctionConfig::new(
        Runtime::Python39,
        "index.handler",
        MemorySize::mb(128),
        Duration::from_secs(3),
    );
    let source = "def handler(event, context):\n    return 'ok'\n";
    let function = sdk
        .send(&Create::new(
            "ticking",
            "default",
            config,
            Code::inline_source(source),
        ))
        .expect("Create");
    let urn = function.func_urn.clone().unwrap();
    let timer = sdk
        .send(&triggers::Create::new(
            &urn,
            TimerEventData::rate("tick", "3m"),
        ))
        .expect("CreateTrigger");
    let id = timer.trigger_id.clone().unwrap();
    let active = |emu: &fgs_emulator::Emulator| {
        let state = emu.snapshot();
        let f = state.function("default", "ticking").expect("exists");
        f.active_timers()
            .map(|t| t.trigger_id.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(active(&emu), vec![id.clone()], "{who}");

    let disabled = sdk
        .send(&Update::new(&urn, TriggerType::Timer, &id).trigger_status(TriggerStatus::Disabled))
        .expect("disable");
    assert_eq!(
        disabled.trigger_status,
        Some(TriggerStatus::Disabled),
        "{who}"
    );
    let read = sdk
        .send(&Get::new(&urn, TriggerType::Timer, &id))
        .expect("Get");
    assert_eq!(read.trigger_status, Some(TriggerStatus::Disabled), "{who}");
    let Some(TypedEventData::Timer(schedule)) = read.typed_event_data() else {
        panic!("{who}: not a timer")
    };
    assert_eq!(
        schedule.schedule.as_deref(),
        Some("3m"),
        "{who}: event data kept"
    );
    assert!(
        active(&emu).is_empty(),
        "{who}: a disabled timer is not active"
    );

    let enabled = sdk
        .send(&Update::new(&urn, TriggerType::Timer, &id).trigger_status(TriggerStatus::Active))
        .expect("enable");
    assert_eq!(enabled.trigger_status, Some(TriggerStatus::Active), "{who}");
    assert_eq!(active(&emu), vec![id.clone()], "{who}");

    // Event data: a DIS trigger's polling changes, its stream stays.
    let dis = sdk
        .send(&triggers::Create::new(
            &urn,
            DisEventData::new("stream-1", ShardIteratorType::Latest, false),
        ))
        .expect("Create DIS");
    let dis_id = dis.trigger_id.clone().unwrap();
    let mut change = UpdateEventData::new();
    change.polling_interval = Some(10);
    change.polling_unit = Some(PollingUnit::Milliseconds);
    change.is_serial = Some(true);
    let changed = sdk
        .send(&Update::new(&urn, TriggerType::Dis, &dis_id).event_data(change))
        .expect("update DIS");
    let Some(TypedEventData::Dis(data)) = changed.typed_event_data() else {
        panic!("{who}: not DIS")
    };
    assert_eq!(
        (
            data.polling_interval,
            data.polling_unit,
            data.is_serial.as_deref()
        ),
        (Some(10), Some(PollingUnit::Milliseconds), Some("true")),
        "{who}"
    );
    assert_eq!(data.stream_name.as_deref(), Some("stream-1"), "{who}");

    // Out of range polling (1–60) is refused as at creation, and nothing changes.
    let mut too_slow = UpdateEventData::new();
    too_slow.polling_interval = Some(600);
    let err = sdk
        .send(&Update::new(&urn, TriggerType::Dis, &dis_id).event_data(too_slow))
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(400), "{who}: {err}");
    let kept = sdk
        .send(&Get::new(&urn, TriggerType::Dis, &dis_id))
        .expect("Get DIS");
    let Some(TypedEventData::Dis(data)) = kept.typed_event_data() else {
        panic!("{who}: not DIS")
    };
    assert_eq!(data.polling_interval, Some(10), "{who}");

    // An SMN trigger cannot be disabled; an unknown trigger is not found.
    let smn = sdk
        .send(&triggers::Create::new(
            &urn,
            SmnEventData::new("urn:smn:cn-north-4:p:topic"),
        ))
        .expect("Create SMN");
    let err = sdk
        .send(
            &Update::new(&urn, TriggerType::Smn, smn.trigger_id.unwrap())
                .trigger_status(TriggerStatus::Disabled),
        )
        .unwrap_err();
    assert_eq!(err.status().map(|s| s.as_u16()), Some(400), "{who}: {err}");
    let err = sdk
        .send(
            &Update::new(&urn, TriggerType::Timer, "no-such-trigger")
                .trigger_status(TriggerStatus::Active),
        )
        .unwrap_err();
    assert!(err.is_not_found(), "{who}: {err}");
    assert_eq!(err.code(), Some("FSS.1131"), "{who}");
}
