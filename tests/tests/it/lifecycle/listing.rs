//! List in small pages over more functions than fit in one: every function exactly once.

use std::collections::BTreeSet;

use fgs_proto::code::Code;
use fgs_proto::functions::{Create, List};
use fgs_proto::model::Runtime;
use fgs_tests::Sdk;

use super::Life;

/// Functions created besides `life` and `life-zip`.
const EXTRA: usize = 24;
/// Page size: 26 functions make pages of 7, 7, 7 and 5.
const PAGE: u32 = 7;

pub(super) fn every_function_once_in_pages<S: Sdk>(life: &Life<'_, S>) {
    let who = life.sdk.name();
    for i in 0..EXTRA {
        life.sdk
            .send(&Create::new(
                format!("page-{i:02}"),
                "default",
                fgs_proto::functions::FunctionConfig::new(
                    Runtime::Python39,
                    "index.handler",
                    fgs_proto::model::MemorySize::mb(128),
                    std::time::Duration::from_secs(3),
                ),
                Code::inline_source("def handler(event, context):\n    return 1\n"),
            ))
            .expect("Create");
    }
    let mut expected: BTreeSet<String> = (0..EXTRA).map(|i| format!("page-{i:02}")).collect();
    expected.extend(["life".to_owned(), "life-zip".to_owned()]);

    let pages = life
        .sdk
        .all_pages(List::new().maxitems(PAGE))
        .expect("every page");
    let sizes: Vec<usize> = pages
        .iter()
        .map(|page| page.functions.as_ref().map_or(0, Vec::len))
        .collect();
    assert_eq!(sizes, [7, 7, 7, 5], "{who}");
    assert!(pages.iter().all(|page| page.count == Some(26)), "{who}");

    let names: Vec<String> = pages
        .into_iter()
        .flat_map(|page| page.functions.unwrap_or_default())
        .map(|f| f.func_name.expect("func_name"))
        .collect();
    let unique: BTreeSet<String> = names.iter().cloned().collect();
    assert_eq!(
        unique.len(),
        names.len(),
        "{who}: a function listed twice: {names:?}"
    );
    assert_eq!(unique, expected, "{who}");

    // The item iterator walks the same pages.
    let items = life
        .sdk
        .all_items(List::new().maxitems(PAGE))
        .expect("items");
    assert_eq!(items.len(), 26, "{who}");
    // And a filter narrows the listing (the service matches a name part).
    let zips = life
        .sdk
        .all_items(List::new().func_name("zip").maxitems(PAGE))
        .expect("filtered");
    let zips: Vec<_> = zips.iter().filter_map(|f| f.func_name.as_deref()).collect();
    assert_eq!(zips, ["life-zip"], "{who}");
}
