//! Credentials from providers, through both clients against the emulator's identity
//! side (ECS metadata, IAM project listing, id-token exchange): the profile file, the
//! chain's order, refreshing before expiry (one fetch for 32 concurrent calls), a
//! metadata service that is down, credentials the service says expired, the project
//! lookup, and the table of the official SDK's names.

mod names;
mod profile;
mod refresh;

use std::path::PathBuf;
use std::time::Duration;

use fgs_client::ClientSettings;
use fgs_emulator::Emulator;
use fgs_proto::{Config, Endpoint};

/// The emulator's permanent key pair.
pub const AK: &str = "CREDSAK0123456789";
/// Its secret key; a sentinel the tests can look for.
pub const SK: &str = "SENTINEL-CREDS-SK-71c3";

/// An emulator with AK/SK auth whose identity side issues keys that last `lifetime`.
pub fn identity_emulator(lifetime: Duration) -> Emulator {
    Emulator::builder()
        .ak_sk(AK, SK)
        .temporary_credentials(lifetime)
        .start()
        .expect("emulator starts")
}

/// A config for `emu` whose credentials come from a provider; its project id too when
/// `project` is false (then looked up by the emulator's region).
pub fn provided_config(emu: &Emulator, project: bool) -> Config {
    let endpoint = Endpoint::parse(emu.endpoint()).expect("endpoint");
    let project = project.then(|| emu.project_id().to_owned());
    Config::from_provider(endpoint, project)
        .expect("config")
        .with_region(emu.region())
}

/// Settings whose metadata and IAM endpoints are `emu`'s.
pub fn emulator_settings(emu: &Emulator) -> ClientSettings {
    ClientSettings::new()
        .metadata_endpoint(emu.endpoint())
        .iam_endpoint(emu.endpoint())
        .retry_policy(fgs_tests::fast_retries())
}

/// A file in a fresh temporary directory, with `text`.
pub fn temp_file(name: &str, text: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "fgs-credentials-{}-{}",
        std::process::id(),
        fgs_testkit::unique_suffix()
    ));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, text).expect("write temp file");
    path
}
