//! Each published crate's `html_root_url` (where the other crates' docs link to it
//! when its local docs are missing) names its own docs.rs page at the current version:
//! a stale one would send readers to another version's documentation.

use std::path::Path;

#[test]
fn every_published_crate_names_its_docs_rs_root_at_this_version() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    // One version for every crate of the workspace (`version.workspace = true`).
    let version = env!("CARGO_PKG_VERSION");
    for krate in [
        "fgs-proto",
        "fgs-client",
        "fgs-ureq",
        "fgs-hyper",
        "fgs-emulator",
    ] {
        let lib = std::fs::read_to_string(root.join(krate).join("src/lib.rs")).unwrap();
        let expected = format!("#![doc(html_root_url = \"https://docs.rs/{krate}/{version}\")]");
        assert_eq!(
            lib.lines().filter(|line| line.trim() == expected).count(),
            1,
            "{krate}/src/lib.rs must carry `{expected}`"
        );
    }
}
