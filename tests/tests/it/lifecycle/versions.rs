//! CreateVersion ×2, ListVersion, CreateAlias with weights, GetAlias, UpdateAlias,
//! ListAlias.

use std::collections::BTreeMap;

use fgs_proto::functions::{
    CreateAlias, CreateVersion, GetAlias, ListAlias, ListVersion, UpdateAlias, UpdateMetadata,
};
use fgs_proto::model::Runtime;
use fgs_tests::Sdk;

use super::{Life, NAME};

/// Publishes v1, changes the configuration, publishes v2, and lists the versions.
pub(super) fn publish<S: Sdk>(life: &Life<'_, S>) {
    let who = life.sdk.name();
    let v1 = life
        .sdk
        .send(
            &CreateVersion::new(&life.base)
                .version("v1")
                .description("first"),
        )
        .expect("CreateVersion v1");
    assert_eq!(v1.version.as_deref(), Some("v1"), "{who}");
    assert_eq!(v1.version_description.as_deref(), Some("first"), "{who}");
    assert_eq!(v1.func_urn, Some(life.qualified("v1")), "{who}");

    life.sdk
        .send(
            &UpdateMetadata::new(
                &life.latest,
                NAME,
                fgs_proto::functions::FunctionConfig::new(
                    Runtime::Python39,
                    "index.handler",
                    fgs_proto::model::MemorySize::mb(512),
                    std::time::Duration::from_secs(15),
                ),
            )
            .env_vars([("GREETING", "hi")]),
        )
        .expect("UpdateMetadata");
    let v2 = life
        .sdk
        .send(
            &CreateVersion::new(&life.base)
                .version("v2")
                .description("second"),
        )
        .expect("CreateVersion v2");
    assert_eq!(v2.version.as_deref(), Some("v2"), "{who}");

    // Two per page: latest and v1, then v2.
    let pages = life
        .sdk
        .all_pages(ListVersion::new(&life.base).maxitems(2))
        .expect("ListVersion");
    assert_eq!(pages.len(), 2, "{who}");
    let versions: Vec<_> = pages
        .into_iter()
        .flat_map(|page| page.versions.unwrap_or_default())
        .collect();
    let names: Vec<_> = versions
        .iter()
        .filter_map(|v| v.version.as_deref())
        .collect();
    assert_eq!(names, ["latest", "v1", "v2"], "{who}");
    // Each version keeps the configuration it was published with.
    let greeting = |i: usize| versions[i].user_data_map().expect("user_data")["GREETING"].clone();
    assert_eq!(
        (greeting(1), greeting(2)),
        ("hello".into(), "hi".into()),
        "{who}"
    );
}

/// An alias with a weighted canary, read, re-pointed and listed.
pub(super) fn aliases<S: Sdk>(life: &Life<'_, S>) {
    let who = life.sdk.name();
    let created = life
        .sdk
        .send(
            &CreateAlias::new(&life.base, "prod", "v1")
                .description("what callers use")
                .additional_version_weights(BTreeMap::from([("v2".to_owned(), 30)])),
        )
        .expect("CreateAlias");
    assert_eq!(created.alias_urn, Some(life.qualified("!prod")), "{who}");
    assert_eq!(created.version.as_deref(), Some("v1"), "{who}");
    assert_eq!(
        created.additional_version_weights,
        Some(BTreeMap::from([("v2".to_owned(), 30)])),
        "{who}"
    );

    let read = life
        .sdk
        .send(&GetAlias::new(&life.base, "prod"))
        .expect("GetAlias");
    assert_eq!(read.name.as_deref(), Some("prod"), "{who}");
    assert_eq!(read.version.as_deref(), Some("v1"), "{who}");
    assert_eq!(
        read.description.as_deref(),
        Some("what callers use"),
        "{who}"
    );
    assert_eq!(
        read.additional_version_weights, created.additional_version_weights,
        "{who}"
    );

    let updated = life
        .sdk
        .send(
            &UpdateAlias::new(&life.base, "prod", "v2")
                .description("v2 is live")
                .additional_version_weights(BTreeMap::from([("v1".to_owned(), 10)])),
        )
        .expect("UpdateAlias");
    assert_eq!(updated.version.as_deref(), Some("v2"), "{who}");
    assert_eq!(
        updated.additional_version_weights,
        Some(BTreeMap::from([("v1".to_owned(), 10)])),
        "{who}"
    );

    life.sdk
        .send(&CreateAlias::new(&life.base, "dev", "latest"))
        .expect("CreateAlias dev");
    let mut listed: Vec<(String, String)> = life
        .sdk
        .send(&ListAlias::new(&life.base))
        .expect("ListAlias")
        .into_iter()
        .map(|a| (a.name.expect("name"), a.version.expect("version")))
        .collect();
    listed.sort();
    assert_eq!(
        listed,
        [
            ("dev".to_owned(), "latest".to_owned()),
            ("prod".to_owned(), "v2".to_owned())
        ],
        "{who}"
    );
    let stored = life.emu.snapshot();
    let prod = &stored.function("default", NAME).expect("stored").aliases;
    assert!(
        prod.iter().any(|a| a.name == "prod"
            && a.additional_version_weights == BTreeMap::from([("v1".to_owned(), 10)])),
        "{who}: {prod:?}"
    );
}
