//! Caller input the service accepts is accepted.

use fgs_proto::functions::List;
use fgs_tests::{Connect, echo_function, start, unique_suffix};

/// `maxitems` of 0 or above 400 means the default page (400) to the service: the
/// clients send it and the emulator answers with the default page.
pub(crate) fn maxitems_zero_and_above_400_mean_the_default<S: Connect>() {
    let (_emu, sdk) = start::<S>();
    let names: Vec<String> = (0..3)
        .map(|i| format!("page-{i}-{}", unique_suffix()))
        .collect();
    for name in &names {
        sdk.send(&echo_function(name)).expect("Create");
    }
    for maxitems in [0, 401, u32::MAX] {
        let page = sdk
            .send(&List::new().maxitems(maxitems))
            .unwrap_or_else(|e| panic!("{}: maxitems {maxitems}: {e}", sdk.name()));
        assert_eq!(
            page.functions().len(),
            3,
            "{}: maxitems {maxitems}",
            sdk.name()
        );
    }
    let page = sdk.send(&List::new().maxitems(2)).expect("List");
    assert_eq!(
        page.functions().len(),
        2,
        "{}: a page size is still honoured",
        sdk.name()
    );
}
