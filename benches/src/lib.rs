//! The end-to-end benchmarks: how little the SDK adds on top of the wire.
//!
//! An SDK's cost is measured here as **ratios within one process run** — the SDK's
//! client against a raw client that sends the same bytes — so that the figures hold on
//! a noisy machine, where absolute numbers drift from run to run.
//!
//! - [`throughput`] (`cargo bench -p fgs-benches --bench throughput`): calls
//!   per second and CPU per call of fgs-ureq and fgs-hyper against raw ureq and raw
//!   hyper clients, interleaved over rounds;
//! - [`upload`] (`cargo bench -p fgs-benches --bench upload_memory`): peak
//!   resident memory of an UpdateCode of a large zip through fgs-ureq, as a multiple of
//!   the zip's size.
//!
//! Both run against fgs-emulator: in this process, in a child process
//! ([`child::ChildEmulator`], so that the server's CPU and memory are not counted), or
//! at an endpoint of your choice. [`usage`] reads the process's CPU time and memory.

pub mod child;
pub mod program;
pub mod threads;
pub mod throughput;
pub mod upload;
pub mod usage;

use fgs_emulator::{Emulator, EmulatorBuilder};
use fgs_proto::{Config, Credentials, Error};

/// The access key the benchmark emulators accept. Not a secret: the emulator is local.
pub const BENCH_ACCESS_KEY: &str = "FGSBENCHACCESSKEY001";
/// The secret key that goes with [`BENCH_ACCESS_KEY`].
pub const BENCH_SECRET_KEY: &str = "fgs-bench-secret-key-0123456789abcdef";
/// The IAM token the benchmark emulators accept.
pub const BENCH_TOKEN: &str = "fgs-bench-token";

/// How the benchmark client authenticates.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Auth {
    /// `X-Auth-Token`: nothing to compute per call.
    Token,
    /// `SDK-HMAC-SHA256`: every call (every attempt) is signed anew.
    AkSk,
}

impl Auth {
    /// `token` or `aksk`, as the command line spells it.
    pub fn name(self) -> &'static str {
        match self {
            Auth::Token => "token",
            Auth::AkSk => "aksk",
        }
    }

    /// Reads `token` or `aksk`.
    pub fn parse(text: &str) -> Option<Auth> {
        match text {
            "token" => Some(Auth::Token),
            "aksk" => Some(Auth::AkSk),
            _ => None,
        }
    }
}

/// An emulator that accepts both the benchmark AK/SK and the benchmark token.
pub fn emulator_builder() -> EmulatorBuilder {
    Emulator::builder()
        .ak_sk(BENCH_ACCESS_KEY, BENCH_SECRET_KEY)
        .token(BENCH_TOKEN)
}

/// A client configuration for a benchmark emulator at `endpoint` with `auth`.
///
/// ```
/// use fgs_proto::Credentials;
/// use fgs_benches::{Auth, config};
///
/// let config = config("http://127.0.0.1:8080", Auth::Token)?;
/// assert!(matches!(config.credentials(), Credentials::Token(_)));
/// # Ok::<(), fgs_proto::Error>(())
/// ```
pub fn config(endpoint: &str, auth: Auth) -> Result<Config, Error> {
    let credentials = match auth {
        Auth::Token => Credentials::token(BENCH_TOKEN),
        Auth::AkSk => Credentials::ak_sk(BENCH_ACCESS_KEY, BENCH_SECRET_KEY),
    };
    Config::new(endpoint, fgs_emulator::DEFAULT_PROJECT_ID, credentials)
}

/// A client configuration from the environment ([`Config::from_env`]) for an endpoint
/// given on the command line, with the credentials `auth` asks for: AK/SK variables
/// are hidden for [`Auth::Token`], the token variable for [`Auth::AkSk`], so that the
/// choice holds when both are set.
pub fn config_from_env(
    endpoint: &str,
    auth: Auth,
    lookup: impl Fn(&str) -> Option<String>,
) -> Result<Config, Error> {
    Config::from_env(|key| match (key, auth) {
        ("FGS_ENDPOINT", _) => Some(endpoint.to_owned()),
        ("HUAWEICLOUD_SDK_AK" | "HUAWEICLOUD_SDK_SK", Auth::Token) => None,
        ("FGS_AUTH_TOKEN", Auth::AkSk) => None,
        _ => lookup(key),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_from_env_keeps_the_chosen_credentials() {
        let env = |key: &str| match key {
            "HUAWEICLOUD_SDK_PROJECT_ID" => Some("p1".to_owned()),
            "HUAWEICLOUD_SDK_AK" => Some("AK".to_owned()),
            "HUAWEICLOUD_SDK_SK" => Some("SK".to_owned()),
            "FGS_AUTH_TOKEN" => Some("T".to_owned()),
            "FGS_ENDPOINT" => Some("http://ignored:1".to_owned()),
            _ => None,
        };
        let token = config_from_env("http://127.0.0.1:9", Auth::Token, env).unwrap();
        assert!(matches!(token.credentials(), Credentials::Token(_)));
        assert_eq!(token.endpoint().authority().as_str(), "127.0.0.1:9");
        let aksk = config_from_env("http://127.0.0.1:9", Auth::AkSk, env).unwrap();
        assert!(matches!(aksk.credentials(), Credentials::AkSk(_)));
        // Without the credentials asked for, the configuration fails instead of
        // silently using the other kind.
        let only_token = |key: &str| match key {
            "HUAWEICLOUD_SDK_AK" | "HUAWEICLOUD_SDK_SK" => None,
            other => env(other),
        };
        assert!(config_from_env("http://127.0.0.1:9", Auth::AkSk, only_token).is_err());
    }

    #[test]
    fn auth_names_round_trip() {
        for auth in [Auth::Token, Auth::AkSk] {
            assert_eq!(Auth::parse(auth.name()), Some(auth));
        }
        assert_eq!(Auth::parse("AKSK"), None);
    }
}
