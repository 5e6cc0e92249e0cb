//! A plain HTTP client for the emulator tests: requests are written by hand from the
//! spec (not built by the SDK) and signed with `fgs_proto::auth::sign::sign_request` or
//! sent with a token.
#![allow(dead_code)]

use std::time::{Duration, SystemTime};

use fgs_emulator::Emulator;
use fgs_proto::auth::sign::{SigningKey, sign_request};
use http::HeaderMap;
use serde_json::{Value, json};

pub(crate) const PROJECT: &str = "0123456789abcdef0123456789abcdef";
pub(crate) const REGION: &str = "cn-north-4";
pub(crate) const AK: &str = "EMULATORTESTAK000001";
pub(crate) const SK: &str = "emulator-test-secret-key-0123456789";
pub(crate) const TOKEN: &str = "emulator-test-token";

/// `urn:fss:cn-north-4:{PROJECT}:function:default:{name}`.
pub(crate) fn urn(name: &str) -> String {
    format!("urn:fss:{REGION}:{PROJECT}:function:default:{name}")
}

/// An emulator that accepts the test AK/SK and the test token.
pub(crate) fn emulator() -> Emulator {
    Emulator::builder()
        .project_id(PROJECT)
        .region(REGION)
        .ak_sk(AK, SK)
        .token(TOKEN)
        .start()
        .expect("emulator starts")
}

/// How a [`Client`] authenticates.
#[derive(Debug, Clone)]
pub(crate) enum Auth {
    /// `SDK-HMAC-SHA256` with this AK/SK.
    Signed(String, String),
    /// `X-Auth-Token`.
    Token(String),
    /// Nothing.
    None,
}

/// An answer.
#[derive(Debug)]
pub(crate) struct Answer {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Vec<u8>,
}

impl Answer {
    /// The body as JSON (panics with the body text if it is not JSON).
    pub(crate) fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "status {}: body is not JSON ({e}): {}",
                self.status,
                String::from_utf8_lossy(&self.body)
            )
        })
    }

    pub(crate) fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }

    /// Asserts an FSS error answer and returns its message.
    #[track_caller]
    pub(crate) fn assert_error(&self, status: u16, code: &str) -> String {
        assert_eq!(
            (self.status, self.json()["error_code"].as_str()),
            (status, Some(code)),
            "body: {}",
            self.text()
        );
        let body = self.json();
        assert_eq!(body.as_object().map(|o| o.len()), Some(2), "{body}");
        body["error_msg"]
            .as_str()
            .expect("error_msg is a string")
            .to_owned()
    }

    /// Asserts a status and returns the JSON body.
    #[track_caller]
    pub(crate) fn expect(&self, status: u16) -> Value {
        assert_eq!(self.status, status, "body: {}", self.text());
        if self.body.is_empty() {
            Value::Null
        } else {
            self.json()
        }
    }
}

/// A blocking HTTP client bound to one emulator.
#[derive(Debug, Clone)]
pub(crate) struct Client {
    pub agent: ureq::Agent,
    pub endpoint: String,
    pub auth: Auth,
}

impl Client {
    pub(crate) fn new(emulator: &Emulator, auth: Auth) -> Client {
        Client::for_endpoint(emulator.endpoint(), auth)
    }

    pub(crate) fn for_endpoint(endpoint: &str, auth: Auth) -> Client {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(30)))
            .build()
            .into();
        Client {
            agent,
            endpoint: endpoint.to_owned(),
            auth,
        }
    }

    /// Signed with the test AK/SK.
    pub(crate) fn signed(emulator: &Emulator) -> Client {
        Client::new(emulator, Auth::Signed(AK.into(), SK.into()))
    }

    /// With the test token.
    pub(crate) fn token(emulator: &Emulator) -> Client {
        Client::new(emulator, Auth::Token(TOKEN.into()))
    }

    /// `{method} {endpoint}/v2/{PROJECT}/fgs{path}` with a JSON body (or none).
    pub(crate) fn call(&self, method: &str, path: &str, body: Option<&Value>) -> Answer {
        let body = body
            .map(|b| serde_json::to_vec(b).unwrap())
            .unwrap_or_default();
        self.raw(method, &format!("/v2/{PROJECT}/fgs{path}"), &[], body)
    }

    pub(crate) fn get(&self, path: &str) -> Answer {
        self.call("GET", path, None)
    }

    pub(crate) fn post(&self, path: &str, body: &Value) -> Answer {
        self.call("POST", path, Some(body))
    }

    pub(crate) fn put(&self, path: &str, body: &Value) -> Answer {
        self.call("PUT", path, Some(body))
    }

    pub(crate) fn delete(&self, path: &str) -> Answer {
        self.call("DELETE", path, None)
    }

    /// Any method, absolute path (with query), extra headers and raw body; signed or
    /// token-authenticated as configured. `Content-Type: application/json` is always sent.
    pub(crate) fn raw(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: Vec<u8>,
    ) -> Answer {
        let mut builder = http::Request::builder()
            .method(method)
            .uri(format!("{}{path}", self.endpoint))
            .header("content-type", "application/json");
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        let mut request = builder.body(body).expect("valid request");
        match &self.auth {
            Auth::Signed(ak, sk) => {
                request
                    .headers_mut()
                    .insert("x-project-id", PROJECT.parse().unwrap());
                sign_request(&mut request, &SigningKey::new(ak, sk), SystemTime::now())
                    .expect("signs");
            }
            Auth::Token(token) => {
                request
                    .headers_mut()
                    .insert("x-auth-token", token.parse().unwrap());
            }
            Auth::None => {}
        }
        self.send(request)
    }

    /// Sends a prepared request as is.
    pub(crate) fn send(&self, request: http::Request<impl Into<SentBody>>) -> Answer {
        let request = request.map(|body| body.into().0);
        let response = if request.body().is_empty() {
            self.agent.run(request.map(|_| ()))
        } else {
            self.agent.run(request)
        }
        .expect("the emulator answers");
        let status = response.status().as_u16();
        let headers = response.headers().clone();
        let body = response
            .into_body()
            .with_config()
            .limit(256 * 1024 * 1024)
            .read_to_vec()
            .expect("body reads");
        Answer {
            status,
            headers,
            body,
        }
    }

    /// Creates an inline Python function and returns the answer body.
    pub(crate) fn create_function(&self, name: &str) -> Value {
        self.post("/functions", &create_body(name)).expect(200)
    }

    /// Publishes `version` of `function`, then creates `alias` pointing at it (both must
    /// succeed): the setup of tests about qualified URNs.
    pub(crate) fn publish_with_alias(&self, function: &str, version: &str, alias: &str) {
        self.post(
            &format!("/functions/{function}/versions"),
            &json!({"version": version}),
        )
        .expect(200);
        self.post(
            &format!("/functions/{function}/aliases"),
            &json!({"name": alias, "version": version}),
        )
        .expect(200);
    }
}

/// A minimal valid Create body: inline Python 3.9, 128 MB, 30 s, code `print(1)`.
pub(crate) fn create_body(name: &str) -> Value {
    json!({
        "func_name": name,
        "package": "default",
        "runtime": "Python3.9",
        "handler": "index.handler",
        "memory_size": 128,
        "timeout": 30,
        "code_type": "inline",
        "func_code": {"file": "cHJpbnQoMSk="},
    })
}

/// A valid TIMER trigger body.
pub(crate) fn timer_body(name: &str) -> Value {
    json!({
        "trigger_type_code": "TIMER",
        "trigger_status": "ACTIVE",
        "event_data": {"name": name, "schedule_type": "Rate", "schedule": "3m"},
    })
}

/// A valid APIG trigger body.
pub(crate) fn apig_body(path: &str) -> Value {
    json!({
        "trigger_type_code": "APIG",
        "event_type_code": "APICreated",
        "event_data": {
            "name": "API_hello", "group_id": "0123456789abcdef0123456789abcdef",
            "env_id": "DEFAULT_ENVIRONMENT_RELEASE_ID", "env_name": "RELEASE",
            "auth": "NONE", "protocol": "HTTPS", "path": path, "req_method": "GET",
            "match_mode": "SWA", "type": 1, "sl_domain": "hello.apig.example.com",
            "func_info": {"timeout": 5000}
        }
    })
}

/// SHA-512 hex, as the service's `digest`.
pub(crate) fn sha512_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha512};
    hex::encode(Sha512::digest(bytes))
}

/// Whether `text` is an RFC 3339 timestamp with a numeric offset and whole seconds.
pub(crate) fn is_rfc3339(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() == 25
        && time::OffsetDateTime::parse(text, &time::format_description::well_known::Rfc3339).is_ok()
        && (b[19] == b'+' || b[19] == b'-')
}

/// Whether `text` is a hyphenated UUID.
pub(crate) fn is_uuid(text: &str) -> bool {
    uuid::Uuid::parse_str(text).is_ok_and(|u| u.hyphenated().to_string() == text)
}

/// A request body as the raw client sends it: bytes, from a `Vec` or an SDK `Body`.
pub(crate) struct SentBody(Vec<u8>);

impl From<Vec<u8>> for SentBody {
    fn from(bytes: Vec<u8>) -> Self {
        SentBody(bytes)
    }
}

impl From<fgs_proto::Body> for SentBody {
    fn from(body: fgs_proto::Body) -> Self {
        SentBody(body.to_bytes().to_vec())
    }
}

/// Starts the `fgs-emulator` binary with `args` and `FGS_EMULATOR_SK` = [`SK`], and
/// returns it with the rest of its stdout and the endpoint its first line announces.
pub(crate) fn spawn_binary(
    args: &[&str],
    envs: &[(&str, &str)],
) -> (
    std::process::Child,
    std::io::BufReader<std::process::ChildStdout>,
    String,
) {
    use std::io::BufRead;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_fgs-emulator"))
        .args(args)
        .env("FGS_EMULATOR_SK", SK)
        .envs(envs.iter().copied())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("the binary starts");
    let mut stdout = std::io::BufReader::new(child.stdout.take().expect("piped"));
    let mut line = String::new();
    stdout.read_line(&mut line).expect("a first line");
    let endpoint = line
        .strip_prefix("listening on ")
        .and_then(|rest| rest.strip_suffix('\n'))
        .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
        .to_owned();
    (child, stdout, endpoint)
}
