//! Triggers: Create (TIMER and APIG), List, Get, Delete, DeleteAll.

use fgs_proto::model::{
    ApigAuth, ApigEventData, ApigRequestMethod, ApigTriggerFuncInfo, TimerEventData, TriggerStatus,
    TriggerType, TypedEventData,
};
use fgs_proto::triggers::{Create, Delete, DeleteAll, Get, List};
use fgs_tests::Sdk;

use super::Life;

pub(super) fn create_list_get_delete<S: Sdk>(life: &Life<'_, S>) {
    let who = life.sdk.name();
    let timer = life
        .sdk
        .send(
            &Create::new(
                &life.base,
                TimerEventData::rate("every-3m", "3m").with_user_event("tick"),
            )
            .trigger_status(TriggerStatus::Active),
        )
        .expect("Create TIMER");
    let timer_id = timer.trigger_id.clone().expect("trigger_id");
    assert_eq!(timer.trigger_type_code, Some(TriggerType::Timer), "{who}");
    assert_eq!(timer.trigger_status, Some(TriggerStatus::Active), "{who}");

    let api = ApigEventData::new(
        "life_api",
        "group-1",
        "/life",
        ApigAuth::NoAuth,
        ApigTriggerFuncInfo::new(5000),
    )
    .with_req_method(ApigRequestMethod::Post);
    let apig = life
        .sdk
        .send(&Create::new(&life.base, api))
        .expect("Create APIG");
    let apig_id = apig.trigger_id.clone().expect("trigger_id");
    assert_eq!(apig.trigger_type_code, Some(TriggerType::Apig), "{who}");
    let Some(TypedEventData::Apig(view)) = apig.typed_event_data() else {
        panic!("{who}: not APIG: {apig:?}");
    };
    assert_eq!(view.path.as_deref(), Some("/life"), "{who}");
    // Fields the service adds to the event data come back through the typed view.
    assert!(
        view.invoke_url
            .as_deref()
            .is_some_and(|u| u.ends_with("/life")),
        "{who}"
    );
    assert!(view.api_id.is_some(), "{who}");

    let mut listed: Vec<String> = life
        .sdk
        .send(&List::new(&life.base))
        .expect("List")
        .into_iter()
        .map(|t| t.trigger_id.expect("trigger_id"))
        .collect();
    listed.sort();
    let mut expected = vec![timer_id.clone(), apig_id.clone()];
    expected.sort();
    assert_eq!(listed, expected, "{who}");

    // Addressed from the trigger Create answered with: its type code and id.
    let read = life
        .sdk
        .send(&Get::of(&life.base, &timer).expect("type code and id"))
        .expect("Get");
    let Some(TypedEventData::Timer(schedule)) = read.typed_event_data() else {
        panic!("{who}: not a timer: {read:?}");
    };
    assert_eq!(
        (
            schedule.name.as_deref(),
            schedule.schedule.as_deref(),
            schedule.user_event.as_deref()
        ),
        (Some("every-3m"), Some("3m"), Some("tick")),
        "{who}"
    );

    life.sdk
        .send(&Delete::of(&life.base, &read).expect("type code and id"))
        .expect("Delete");
    let gone = life
        .sdk
        .send(&Get::new(&life.base, TriggerType::Timer, &timer_id))
        .expect_err("deleted");
    assert_eq!(
        (gone.is_not_found(), gone.code()),
        (true, Some("FSS.1131")),
        "{who}"
    );
    let left: Vec<_> = life
        .sdk
        .send(&List::new(&life.base))
        .expect("List")
        .into_iter()
        .filter_map(|t| t.trigger_id)
        .collect();
    assert_eq!(left, [apig_id], "{who}");

    life.sdk
        .send(&DeleteAll::new(&life.base))
        .expect("DeleteAll");
    assert!(
        life.sdk
            .send(&List::new(&life.base))
            .expect("List")
            .is_empty(),
        "{who}"
    );
}
