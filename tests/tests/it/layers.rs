//! Dependencies (layers) and test events, through each adapter against the emulator: a
//! layer version used by a function, its deletion (allowed, as the API documents) and a
//! later update naming it refused; a function's test events created, listed, read,
//! updated, deleted, with the per-function limit.

use fgs_proto::code::{Code, CodePackage};
use fgs_proto::dependencies::{CreateVersion, DeleteVersion, GetVersion, List, ListVersion};
use fgs_proto::events;
use fgs_proto::functions::{Create, FunctionConfig, GetCode, UpdateCode};
use fgs_proto::model::{MemorySize, Runtime};
use fgs_tests::{Connect, start};

fgs_tests::through_both_adapters!(layers_and_events);

fn layers_and_events<S: Connect>() {
    let (_emu, sdk) = start::<S>();
    let who = sdk.name();
    let zip = CodePackage::from_files([("python/words.py", "WORD = 'hi'\n")]).unwrap();
    let first = sdk
        .send(&CreateVersion::zip("words", Runtime::Python39, &zip).description("shared"))
        .expect("CreateVersion 1");
    let second = sdk
        .send(&CreateVersion::zip("words", Runtime::Python39, &zip))
        .expect("CreateVersion 2");
    assert_eq!((first.version, second.version), (Some(1), Some(2)), "{who}");
    assert_eq!(
        first.dep_id, second.dep_id,
        "{who}: one dependency, two versions"
    );
    assert_eq!(first.size, Some(zip.len() as i64), "{who}");
    let dep_id = first.dep_id.clone().unwrap();
    let listed = sdk.send(&List::new().name("words")).expect("List");
    assert_eq!(listed.count(), Some(1), "{who}");
    assert_eq!(
        listed.dependencies()[0].version,
        Some(2),
        "{who}: the latest version"
    );
    let versions = sdk
        .send(&ListVersion::new(&dep_id).maxitems(1))
        .expect("ListVersion");
    assert_eq!(
        (versions.count(), versions.next_marker()),
        (Some(2), Some(1)),
        "{who}"
    );
    let shown = sdk.send(&GetVersion::new(&dep_id, 1)).expect("GetVersion");
    assert_eq!(shown.description.as_deref(), Some("shared"), "{who}");
    assert!(shown.download_link.is_some(), "{who}");

    // A function naming an unknown version is refused; naming the first one works.
    let config = FunctionConfig::new(
        Runtime::Python39,
        "index.handler",
        MemorySize::mb(128),
        std::time::Duration::from_secs(3),
    );
    let source = "def handler(event, context):\n    return 'ok'\n";
    let err = sdk
        .send(
            &Create::new(
                "layered",
                "default",
                config.clone(),
                Code::inline_source(source),
            )
            .depend_version_list(vec!["no-such-version".to_owned()]),
        )
        .unwrap_err();
    assert_eq!(
        (err.status().map(|s| s.as_u16()), err.code()),
        (Some(404), Some("FSS.1056")),
        "{who}"
    );
    let version_id = first.id.clone().unwrap();
    let function = sdk
        .send(
            &Create::new("layered", "default", config, Code::inline_source(source))
                .depend_version_list(vec![version_id.clone()]),
        )
        .expect("Create with a layer");
    let urn = function.func_urn.clone().unwrap();
    let code = sdk.send(&GetCode::new(&urn)).expect("GetCode");
    let names: Vec<_> = code
        .dependencies
        .iter()
        .flatten()
        .map(|d| (d.id.clone(), d.version))
        .collect();
    assert_eq!(names, vec![(Some(version_id.clone()), Some(1))], "{who}");

    // Deleting the version in use is allowed (204); the function no longer resolves it,
    // and an update naming it is refused.
    sdk.send(&DeleteVersion::new(&dep_id, 1))
        .expect("DeleteVersion");
    let err = sdk.send(&GetVersion::new(&dep_id, 1)).unwrap_err();
    assert!(err.is_not_found(), "{who}: {err}");
    let code = sdk.send(&GetCode::new(&urn)).expect("GetCode after");
    assert_eq!(
        code.depend_version_list,
        Some(vec![version_id.clone()]),
        "{who}"
    );
    assert_eq!(
        code.dependencies.as_deref().map(<[_]>::len),
        Some(0),
        "{who}"
    );
    let err = sdk
        .send(
            &UpdateCode::new(&urn, Code::inline_source(source))
                .depend_version_list(vec![version_id]),
        )
        .unwrap_err();
    assert_eq!(err.code(), Some("FSS.1056"), "{who}");

    // Test events.
    let created = sdk
        .send(&events::Create::new(&urn, "event-a", r#"{"k":"v"}"#))
        .expect("CreateEvent");
    let id = created.id.clone().unwrap();
    assert_eq!(created.name(), Some("event-a"), "{who}");
    let err = sdk
        .send(&events::Create::new(&urn, "event-a", "{}"))
        .unwrap_err();
    assert_eq!(
        (err.status().map(|s| s.as_u16()), err.code()),
        (Some(409), Some("FSS.0409")),
        "{who}"
    );
    let err = sdk
        .send(&events::Create::new(&urn, "event-b", "not json"))
        .unwrap_err();
    assert_eq!(err.code(), Some("FSS.0400"), "{who}");
    sdk.send(&events::Update::new(&urn, &id, r#"{"k":"w"}"#))
        .expect("UpdateEvent");
    let shown = sdk.send(&events::Get::new(&urn, &id)).expect("ShowEvent");
    assert_eq!(
        shown.decoded_content().as_deref(),
        Some(&br#"{"k":"w"}"#[..]),
        "{who}"
    );
    for n in 1..10 {
        sdk.send(&events::Create::new(&urn, format!("event-{n}"), "{}"))
            .expect("CreateEvent up to the limit");
    }
    let err = sdk
        .send(&events::Create::new(&urn, "event-over", "{}"))
        .unwrap_err();
    assert_eq!(
        (err.status().map(|s| s.as_u16()), err.code()),
        (Some(403), Some("FSS.0403")),
        "{who}"
    );
    let listed = sdk.send(&events::List::new(&urn)).expect("ListEvents");
    assert_eq!(listed.count, Some(10), "{who}");
    assert_eq!(listed.events()[0].name(), Some("event-a"), "{who}");
    assert_eq!(
        listed.events()[0].content(),
        None,
        "{who}: the list leaves content out"
    );
    sdk.send(&events::Delete::new(&urn, &id))
        .expect("DeleteEvent");
    let err = sdk.send(&events::Get::new(&urn, &id)).unwrap_err();
    assert!(err.is_not_found(), "{who}: {err}");
    assert_eq!(
        sdk.send(&events::List::new(&urn))
            .expect("ListEvents")
            .count,
        Some(9),
        "{who}"
    );
}
