//! DeleteAlias, Delete of a version, Delete of the function, and the typed not-found
//! errors that follow.

use fgs_proto::Error;
use fgs_proto::functions::{Delete, DeleteAlias, GetAlias, GetMetadata, List, ListVersion};
use fgs_tests::Sdk;

use super::{Life, NAME};

pub(super) fn delete_alias_version_function<S: Sdk>(life: &Life<'_, S>) {
    let who = life.sdk.name();
    // prod points at v2 with v1 as canary: it goes first, then v1 can.
    life.sdk
        .send(&DeleteAlias::new(&life.base, "prod"))
        .expect("DeleteAlias");
    let gone = life
        .sdk
        .send(&GetAlias::new(&life.base, "prod"))
        .expect_err("deleted");
    assert_eq!(
        (gone.is_not_found(), gone.code()),
        (true, Some("FSS.1053")),
        "{who}"
    );

    life.sdk
        .send(&Delete::new(life.qualified("v1")))
        .expect("Delete v1");
    let versions: Vec<_> = life
        .sdk
        .all_items(ListVersion::new(&life.base))
        .expect("ListVersion")
        .into_iter()
        .filter_map(|v| v.version)
        .collect();
    assert_eq!(versions, ["latest", "v2"], "{who}");

    life.sdk.send(&Delete::new(&life.base)).expect("Delete");
    let error = life
        .sdk
        .send(&GetMetadata::new(&life.latest))
        .expect_err("the function is gone");
    assert!(matches!(error, Error::Service(_)), "{who}: {error:?}");
    assert!(error.is_not_found(), "{who}: {error}");
    assert_eq!(error.code(), Some("FSS.1051"), "{who}");
    assert!(error.message().is_some_and(|m| !m.is_empty()), "{who}");
    assert!(!error.is_retryable(), "{who}");
    // The other functions stay.
    let left = life.sdk.all_items(List::new()).expect("List");
    assert_eq!(left.len(), 25, "{who}");
    assert!(
        life.emu.snapshot().function("default", NAME).is_none(),
        "{who}"
    );
}
