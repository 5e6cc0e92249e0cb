//! Configs, a retry policy and a test-only operation shared by the adapter suites.

use std::time::Duration;

use fgs_proto::functions::GetMetadata;
use fgs_proto::model::Function;
use fgs_proto::registry::OperationInfo;
use fgs_proto::{Body, Config, Credentials, Error, Operation, RetryPolicy};
use http::{Request, Response};

use crate::{ACCESS_KEY, PROJECT, SECRET_KEY, TOKEN};

/// An AK/SK config (sentinel secret key) for `url`.
pub fn aksk_config(url: &str) -> Config {
    Config::new(url, PROJECT, Credentials::ak_sk(ACCESS_KEY, SECRET_KEY)).expect("valid config")
}

/// An IAM-token config (sentinel token) for `url`.
pub fn token_config(url: &str) -> Config {
    Config::new(url, PROJECT, Credentials::token(TOKEN)).expect("valid config")
}

/// A policy with `attempts` attempts and short delays (10–20 ms), so that retry counts
/// are tested without slowing a suite down.
pub fn fast_retries(attempts: u32) -> RetryPolicy {
    RetryPolicy::default()
        .max_attempts(attempts)
        .base_delay(Duration::from_millis(10))
        .max_delay(Duration::from_millis(20))
}

/// A non-idempotent operation (`POST .../fgs/test/poke` with a JSON body), standing in
/// for Create/Invoke in transport tests. Its answer is read like GetMetadata's.
#[derive(Debug, Clone)]
pub struct Poke {
    /// The JSON body sent.
    pub body: String,
}

impl Poke {
    /// A poke carrying `{"n":n}`.
    pub fn new(n: u32) -> Poke {
        Poke {
            body: format!(r#"{{"n":{n}}}"#),
        }
    }
}

impl Operation for Poke {
    type Output = Function;
    const INFO: &'static OperationInfo = &OperationInfo::custom(
        "Poke",
        http::Method::POST,
        "/v2/{project_id}/fgs/test/poke",
        false,
    );

    fn idempotent(&self) -> bool {
        false
    }

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        let uri = format!(
            "{}/v2/{}/fgs/test/poke",
            config.endpoint(),
            config.project_id()
        );
        Request::post(uri)
            .header("content-type", "application/json")
            .header("user-agent", config.user_agent())
            .body(Body::from(self.body.clone()))
            .map_err(|e| Error::invalid_input("uri", e.to_string()))
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<Function, Error> {
        GetMetadata::new("poke").response(response)
    }
}
