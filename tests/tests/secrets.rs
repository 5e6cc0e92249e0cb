//! Secrets never leak: sentinel secret key, IAM token and security token run all 21
//! operations through both adapters, with tracing on, against the emulator, and no
//! `Debug`/`Display` text (clients, configs, operations, outputs, errors and their
//! sources), no trace line and no rendered request contains them. Nor does any request
//! snapshot file of fgs-proto contain the credentials its snapshots are signed with.

mod hardening;

use std::collections::BTreeSet;
use std::error::Error as _;
use std::fmt::Debug;
use std::path::Path;
use std::time::{Duration, SystemTime};

use fgs_emulator::Emulator;
use fgs_proto::code::Code;
use fgs_proto::functions::{
    AsyncInvoke, CreateAlias, CreateVersion, Delete, DeleteAlias, GetAlias, GetCode, GetMetadata,
    Invoke, List, ListAlias, ListVersion, UpdateAlias, UpdateCode, UpdateMetadata,
};
use fgs_proto::inspect::Render;
use fgs_proto::model::{Runtime, TimerEventData};
use fgs_proto::{Config, Credentials, Error, Operation, RetryPolicy, triggers};
use fgs_testkit::{TraceLog, closed_port_url};
use fgs_tests::{Adapter, AnyClient, echo_function};
use fgs_tests::{ClientSettings, Sdk};

const ACCESS_KEY: &str = "HARDENINGAK000000001";
const SECRET_KEY: &str = "SENTINEL-SK-e2f1a9c4";
const TOKEN: &str = "SENTINEL-TOKEN-7c4d05b1";
const SECURITY_TOKEN: &str = "SENTINEL-STS-b38a6e27";
/// A wrong secret key, for the 401 path: it must not leak either.
const WRONG_SECRET_KEY: &str = "SENTINEL-WRONG-SK-90d2f3";

/// Every sentinel, and its random tail (a truncated value is a leak too).
fn needles() -> Vec<&'static str> {
    [SECRET_KEY, TOKEN, SECURITY_TOKEN, WRONG_SECRET_KEY]
        .into_iter()
        .flat_map(|s| [s, s.rsplit('-').next().unwrap_or(s)])
        .collect()
}

/// Everything a user could print or log, collected as text.
#[derive(Default)]
struct Observed {
    texts: Vec<(String, String)>,
    /// Calls sent (each opens one `fgs.call` span).
    calls: usize,
}

impl Observed {
    fn add(&mut self, what: impl Into<String>, text: impl Into<String>) {
        self.texts.push((what.into(), text.into()));
    }

    fn debug(&mut self, what: &str, value: &impl Debug) {
        self.add(format!("{what} Debug"), format!("{value:?}"));
    }

    fn error(&mut self, what: &str, error: &Error) {
        self.debug(what, error);
        self.add(format!("{what} Display"), error.to_string());
        let mut source = error.source();
        while let Some(inner) = source {
            self.add(format!("{what} source"), format!("{inner} / {inner:?}"));
            source = inner.source();
        }
    }

    /// `what leaks needle` for every text holding a sentinel.
    fn leaks(&self) -> Vec<String> {
        let mut leaks = Vec::new();
        for (what, text) in &self.texts {
            for needle in needles().into_iter().filter(|n| text.contains(n)) {
                leaks.push(format!("{what} leaks `{needle}`:\n{text}"));
            }
        }
        leaks
    }
}

/// Sends `op`, recording the operation, its rendered request (as the snapshots render
/// it) and the output or error. Returns the output.
fn run<O>(
    observed: &mut Observed,
    client: &AnyClient,
    config: &Config,
    op: &O,
) -> Result<O::Output, Error>
where
    O: Operation + Sync + Debug,
    O::Output: Debug,
{
    observed.debug(O::NAME, op);
    let request = fgs_proto::prepare(op, config, SystemTime::now()).expect("prepared");
    observed.add(
        format!("{} request", O::NAME),
        Render::new().reveal_signature(true).http(&request),
    );
    observed.add(format!("{} curl", O::NAME), Render::new().curl(&request));
    observed.debug(&format!("{} http::Request", O::NAME), &request);
    let result = client.send(op);
    observed.calls += 1;
    match &result {
        Ok(output) => observed.debug(&format!("{} output", O::NAME), output),
        Err(error) => observed.error(O::NAME, error),
    }
    result
}

/// All 21 operations on one function, in an order that makes each succeed.
fn all_operations(
    observed: &mut Observed,
    client: &AnyClient,
    config: &Config,
    emu: &Emulator,
    name: &str,
) {
    let urn = emu.function_urn("default", name);
    let code = || Code::inline_source("def handler(event, context):\n    return event\n");
    let ok = |what: &str, result: Result<(), Error>| {
        if let Err(error) = result {
            panic!("{what} via {}: {error}", client.name());
        }
    };
    ok(
        "Create",
        run(observed, client, config, &echo_function(name)).map(drop),
    );
    ok(
        "List",
        run(observed, client, config, &List::new().maxitems(10)).map(drop),
    );
    ok(
        "GetMetadata",
        run(observed, client, config, &GetMetadata::new(&urn)).map(drop),
    );
    ok(
        "GetCode",
        run(observed, client, config, &GetCode::new(&urn)).map(drop),
    );
    ok(
        "UpdateCode",
        run(observed, client, config, &UpdateCode::new(&urn, code())).map(drop),
    );
    let update = UpdateMetadata::new(
        &urn,
        name,
        fgs_proto::functions::FunctionConfig::new(
            Runtime::Python39,
            "index.handler",
            fgs_proto::model::MemorySize::mb(256),
            std::time::Duration::from_secs(30),
        ),
    );
    ok(
        "UpdateMetadata",
        run(observed, client, config, &update).map(drop),
    );
    let version = CreateVersion::new(&urn).version("v1");
    ok(
        "CreateVersion",
        run(observed, client, config, &version).map(drop),
    );
    ok(
        "ListVersion",
        run(observed, client, config, &ListVersion::new(&urn)).map(drop),
    );
    let alias = CreateAlias::new(&urn, "live", "v1");
    ok(
        "CreateAlias",
        run(observed, client, config, &alias).map(drop),
    );
    ok(
        "GetAlias",
        run(observed, client, config, &GetAlias::new(&urn, "live")).map(drop),
    );
    ok(
        "ListAlias",
        run(observed, client, config, &ListAlias::new(&urn)).map(drop),
    );
    let repoint = UpdateAlias::new(&urn, "live", "latest").description("moved");
    ok(
        "UpdateAlias",
        run(observed, client, config, &repoint).map(drop),
    );
    let invoke = Invoke::new(format!("{urn}:!live")).raw_event(br#"{"k":1}"#.to_vec());
    ok("Invoke", run(observed, client, config, &invoke).map(drop));
    let async_invoke = AsyncInvoke::new(&urn).raw_event(br#"{"k":2}"#.to_vec());
    ok(
        "AsyncInvoke",
        run(observed, client, config, &async_invoke).map(drop),
    );
    let mut trigger_ids = Vec::new();
    for timer in ["timer-a", "timer-b"] {
        let create = triggers::Create::new(&urn, TimerEventData::rate(timer, "3m"));
        let trigger = run(observed, client, config, &create).expect("CreateTrigger");
        trigger_ids.push(trigger.trigger_id.expect("a trigger id"));
    }
    ok(
        "ListTriggers",
        run(observed, client, config, &triggers::List::new(&urn)).map(drop),
    );
    let get = triggers::Get::new(&urn, "TIMER", &trigger_ids[0]);
    ok("GetTrigger", run(observed, client, config, &get).map(drop));
    let delete = triggers::Delete::new(&urn, "TIMER", &trigger_ids[0]);
    ok(
        "DeleteTrigger",
        run(observed, client, config, &delete).map(drop),
    );
    ok(
        "DeleteAllTriggers",
        run(observed, client, config, &triggers::DeleteAll::new(&urn)).map(drop),
    );
    ok(
        "DeleteAlias",
        run(observed, client, config, &DeleteAlias::new(&urn, "live")).map(drop),
    );
    ok(
        "Delete",
        run(observed, client, config, &Delete::new(&urn)).map(drop),
    );
    // And a service error: the function is gone.
    let gone = run(observed, client, config, &GetMetadata::new(&urn)).unwrap_err();
    assert!(gone.is_not_found(), "{gone}");
}

/// The 21 operation names, as the `fgs.call` spans carry them.
const OPERATION_NAMES: [&str; 21] = [
    "Create",
    "List",
    "GetMetadata",
    "GetCode",
    "UpdateCode",
    "UpdateMetadata",
    "CreateVersion",
    "ListVersion",
    "CreateAlias",
    "GetAlias",
    "ListAlias",
    "UpdateAlias",
    "Invoke",
    "AsyncInvoke",
    "CreateTrigger",
    "ListTriggers",
    "GetTrigger",
    "DeleteTrigger",
    "DeleteAllTriggers",
    "DeleteAlias",
    "Delete",
];

#[test]
fn no_secret_reaches_any_output_log_or_error() {
    let emu = Emulator::builder()
        .ak_sk(ACCESS_KEY, SECRET_KEY)
        .token(TOKEN)
        .start()
        .expect("emulator");
    let aksk = |endpoint: &str, sk: &str| {
        Config::new(
            endpoint,
            emu.project_id(),
            Credentials::temporary_ak_sk(ACCESS_KEY, sk, SECURITY_TOKEN),
        )
        .expect("config")
    };
    let token = |endpoint: &str| {
        Config::new(endpoint, emu.project_id(), Credentials::token(TOKEN)).expect("config")
    };
    let settings = ClientSettings::new()
        .timeout(Duration::from_secs(5))
        .retry_policy(RetryPolicy::default().base_delay(Duration::from_millis(5)));

    let mut observed = Observed::default();
    observed.debug("Emulator", &emu);
    let (log, _guard) = TraceLog::install();
    for adapter in Adapter::BOTH {
        let credentials = [
            ("aksk", aksk(emu.endpoint(), SECRET_KEY)),
            ("token", token(emu.endpoint())),
        ];
        for (kind, config) in credentials {
            observed.debug("Config", &config);
            let client = adapter.client(&settings, config.clone()).expect("client");
            observed.add("Client Debug", client.debug_text());
            all_operations(
                &mut observed,
                &client,
                &config,
                &emu,
                &format!("sec-{adapter:?}-{kind}").to_lowercase(),
            );
        }
        // Rejected credentials: the 401 must not echo what was sent or expected.
        let wrong = aksk(emu.endpoint(), WRONG_SECRET_KEY);
        let client = adapter.client(&settings, wrong.clone()).expect("client");
        let denied = run(&mut observed, &client, &wrong, &List::new()).unwrap_err();
        assert_eq!(denied.status().map(|s| s.as_u16()), Some(401), "{denied}");
        // A transport error, with the secrets in the config.
        let unreachable = aksk(&closed_port_url(), SECRET_KEY);
        let client = adapter
            .client(&settings, unreachable.clone())
            .expect("client");
        run(&mut observed, &client, &unreachable, &GetMetadata::new("f")).unwrap_err();
    }

    let lines = log.lines();
    for line in &lines {
        observed.add("trace line", line.clone());
    }
    let leaks = observed.leaks();
    assert!(leaks.is_empty(), "{}", leaks.join("\n"));

    // The check covered real traffic: one traced call per call sent, through both
    // adapters, and all 21 operations among them.
    let spans: Vec<&String> = lines
        .iter()
        .filter(|l| l.starts_with("span fgs.call"))
        .collect();
    assert_eq!(spans.len(), observed.calls, "traced calls");
    let traced: BTreeSet<&str> = spans
        .iter()
        .filter_map(|l| l.split(' ').find_map(|w| w.strip_prefix("operation=")))
        .collect();
    assert_eq!(
        traced,
        OPERATION_NAMES.into_iter().collect(),
        "operations traced"
    );
    assert!(log.events("fgs.response").len() >= 4 * 21);
    println!(
        "[secrets] {} calls ({} operations x 2 adapters x 2 credential kinds, plus error paths): \
         {} texts and {} trace lines inspected",
        observed.calls,
        traced.len(),
        observed.texts.len(),
        lines.len()
    );
}

#[test]
fn the_leak_check_catches_a_leak() {
    for needle in needles() {
        let mut observed = Observed::default();
        observed.add("planted", format!("x-auth-token: {needle}"));
        assert!(!observed.leaks().is_empty(), "`{needle}` went unnoticed");
    }
}

/// The credentials `fgs-proto/tests/common/mod.rs` signs the request snapshots with.
const SNAPSHOT_SECRETS: [&str; 2] = [
    "ExampleSecretKey0123456789abcdefghijklmnop",
    "MIIDexampletoken",
];

#[test]
fn no_request_snapshot_contains_a_secret() {
    let proto_tests = Path::new(env!("CARGO_MANIFEST_DIR")).join("../fgs-proto/tests");
    // The secrets are still the ones the snapshots are made with.
    let common = std::fs::read_to_string(proto_tests.join("common/mod.rs")).unwrap();
    for secret in SNAPSHOT_SECRETS {
        assert!(
            common.contains(secret),
            "{secret} is no longer the snapshot credential"
        );
    }
    let mut files = 0;
    let mut signed = 0;
    for entry in std::fs::read_dir(proto_tests.join("snapshots")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "snap") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        for secret in SNAPSHOT_SECRETS.into_iter().chain(needles()) {
            assert!(
                !text.contains(secret),
                "{} contains `{secret}`",
                path.display()
            );
        }
        files += 1;
        signed += usize::from(text.contains("SDK-HMAC-SHA256"));
    }
    assert!(files >= 50, "only {files} snapshot files");
    assert!(signed >= 10, "only {signed} signed snapshots");
    println!("[secrets] {files} request snapshots ({signed} signed) hold no secret");
}
