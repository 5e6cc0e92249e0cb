//! Scaling through each adapter against the emulator: a function's maximum instances
//! set and shown by GetMetadata; reserved instances of `latest` and of a version set,
//! shown by GetMetadata and both lists (walked in pages of one), refused above the
//! function's maximum and above the account's quota (the default, and one configured on
//! the builder), and released.

use fgs_emulator::Emulator;
use fgs_proto::functions::{CreateVersion, GetMetadata};
use fgs_proto::scaling::{
    ListReservedInstanceConfigs, ListReservedInstances, UpdateMaxInstanceConfig,
    UpdateReservedInstances,
};
use fgs_tests::harness::{ACCESS_KEY, SECRET_KEY};
use fgs_tests::{Connect, echo_function, fast_retries, start};

fgs_tests::through_both_adapters!(max_and_reserved_instances);

fn max_and_reserved_instances<S: Connect>() {
    let (_emu, sdk) = start::<S>();
    let who = sdk.name();
    let function = sdk.send(&echo_function("scaled")).expect("Create");
    let base = function
        .func_urn
        .clone()
        .unwrap()
        .trim_end_matches(":latest")
        .to_owned();
    let latest = format!("{base}:latest");

    let updated = sdk
        .send(&UpdateMaxInstanceConfig::new(&base, 10))
        .expect("UpdateMaxInstanceConfig");
    assert_eq!(
        updated.strategy_config.and_then(|s| s.concurrency),
        Some(10),
        "{who}"
    );
    let shown = sdk.send(&GetMetadata::new(&latest)).expect("GetMetadata");
    assert_eq!(
        shown.strategy_config.as_ref().and_then(|s| s.concurrency),
        Some(10),
        "{who}"
    );
    assert_eq!(
        shown.reserved_instance_count, None,
        "{who}: none reserved yet"
    );
    let err = sdk
        .send(&UpdateMaxInstanceConfig::new(&base, 5000))
        .unwrap_err();
    assert_eq!(
        (err.status().map(|s| s.as_u16()), err.code()),
        (Some(400), Some("FSS.1026")),
        "{who}"
    );

    let reserved = sdk
        .send(&UpdateReservedInstances::new(&latest, 3).idle_mode(true))
        .expect("reserve on latest");
    assert_eq!(
        (reserved.count(), reserved.idle_mode()),
        (Some(3), Some(true)),
        "{who}"
    );
    let shown = sdk.send(&GetMetadata::new(&latest)).expect("GetMetadata");
    assert_eq!(
        (
            shown.reserved_instance_count,
            shown.reserved_instance_idle_mode
        ),
        (Some(3), Some(true)),
        "{who}"
    );
    let err = sdk
        .send(&UpdateReservedInstances::new(&latest, 11))
        .unwrap_err();
    assert_eq!(
        err.status().map(|s| s.as_u16()),
        Some(400),
        "{who}: above the maximum of 10: {err}"
    );

    let v1 = sdk
        .send(&CreateVersion::new(&base).version("v1"))
        .expect("CreateVersion");
    assert_eq!(v1.version.as_deref(), Some("v1"), "{who}");
    let on_v1 = format!("{base}:v1");
    sdk.send(&UpdateReservedInstances::new(&on_v1, 2))
        .expect("reserve on v1");
    let listed: Vec<_> = sdk
        .items(ListReservedInstances::new().limit(1))
        .collect::<Result<_, _>>()
        .expect("ListReservedInstances");
    let counts: Vec<_> = listed
        .iter()
        .map(|r| (r.func_urn().unwrap_or_default().to_owned(), r.count()))
        .collect();
    assert_eq!(
        counts,
        vec![(latest.clone(), Some(3)), (on_v1.clone(), Some(2))],
        "{who}"
    );
    let one = sdk
        .send(&ListReservedInstances::new().urn(&on_v1))
        .expect("ListReservedInstances urn");
    assert_eq!(
        (one.count(), one.reservedinstances().len()),
        (Some(1), 1),
        "{who}"
    );
    let pages = sdk
        .all_pages(
            ListReservedInstanceConfigs::new()
                .function_urn(&base)
                .limit(1),
        )
        .expect("ListReservedInstanceConfigs");
    assert_eq!(pages.len(), 2, "{who}: two pages of one");
    let configs: Vec<_> = pages
        .iter()
        .flat_map(|p| p.reserved_instances())
        .map(|c| {
            (
                c.qualifier_type().unwrap_or_default().to_owned(),
                c.qualifier_name().unwrap_or_default().to_owned(),
                c.min_count(),
                c.idle_mode(),
            )
        })
        .collect();
    assert_eq!(
        configs,
        vec![
            ("version".into(), "latest".into(), Some(3), Some(true)),
            ("version".into(), "v1".into(), Some(2), Some(false)),
        ],
        "{who}"
    );

    // The account quota (90 by default) counts every function's reservations.
    sdk.send(&UpdateMaxInstanceConfig::new(&base, -1))
        .expect("no maximum");
    let err = sdk
        .send(&UpdateReservedInstances::new(&on_v1, 88))
        .unwrap_err();
    assert_eq!(
        (err.status().map(|s| s.as_u16()), err.code()),
        (Some(403), Some("FSS.1076")),
        "{who}: 3 + 88 > 90"
    );
    sdk.send(&UpdateReservedInstances::new(&on_v1, 87))
        .expect("3 + 87 = 90 fits");

    // Releasing: 0 removes the version's reservation.
    sdk.send(&UpdateReservedInstances::new(&on_v1, 0))
        .expect("release");
    let left = sdk
        .send(&ListReservedInstances::new())
        .expect("ListReservedInstances after");
    assert_eq!(left.count(), Some(1), "{who}");
    let shown = sdk.send(&GetMetadata::new(&on_v1)).expect("GetMetadata v1");
    assert_eq!(shown.reserved_instance_count, None, "{who}");

    // A quota configured on the builder holds instead of the default.
    let small = Emulator::builder()
        .ak_sk(ACCESS_KEY, SECRET_KEY)
        .reserved_instances_per_account(4)
        .max_instances_per_function(20)
        .start()
        .expect("emulator");
    let sdk = S::connect(small.config(), fast_retries());
    let urn = sdk
        .send(&echo_function("small"))
        .expect("Create")
        .func_urn
        .unwrap();
    let err = sdk
        .send(&UpdateReservedInstances::new(&urn, 5))
        .unwrap_err();
    assert_eq!(err.code(), Some("FSS.1076"), "{who}");
    let err = sdk
        .send(&UpdateMaxInstanceConfig::new(&urn, 21))
        .unwrap_err();
    assert_eq!(err.code(), Some("FSS.1026"), "{who}");
    sdk.send(&UpdateReservedInstances::new(&urn, 4))
        .expect("4 fits");
}
