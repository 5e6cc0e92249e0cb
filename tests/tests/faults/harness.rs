//! The fault-case machinery: a case as data (operation, server script, client
//! settings, expected outcome, request count, time bounds), run through both adapters
//! under a watchdog, checked, and reported as one figure line per adapter.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use fgs_proto::functions::{GetMetadata, Invoke};
use fgs_proto::{Error, TransportErrorKind};
use fgs_testkit::{Received, Reply, TestServer, URN, aksk_config, closed_port_url, scripted};
use fgs_tests::{ClientSettings, Sdk, echo_function};

use crate::hardening::watchdog;
use fgs_testkit::fast_retries;
use fgs_tests::Adapter;

/// Attempts of the default policy of these cases.
pub(crate) const ATTEMPTS: u32 = 3;
/// How much longer than its bound a case may run before the watchdog calls it a hang.
const HANG_MARGIN: Duration = Duration::from_secs(10);
/// Scheduling slack on a loaded 2-core machine, added to timing bounds.
pub(crate) const SLACK: Duration = Duration::from_millis(750);

/// The operation a case sends.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Op {
    /// Idempotent.
    GetMetadata,
    /// Not idempotent: a second request would create a second function.
    Create,
    /// Not idempotent: a second request would run the function twice.
    Invoke,
}

impl Op {
    fn idempotent(self) -> bool {
        matches!(self, Op::GetMetadata)
    }

    /// Sends the operation; a success is summarised as the function name or the
    /// invocation result.
    pub(crate) fn send(self, sdk: &impl Sdk) -> Result<String, Error> {
        match self {
            Op::GetMetadata => sdk
                .send(&GetMetadata::new(URN))
                .map(|f| f.func_name.unwrap_or_default()),
            Op::Create => sdk
                .send(&echo_function("hello"))
                .map(|f| f.func_name.unwrap_or_default()),
            Op::Invoke => sdk
                .send(&Invoke::new(URN).raw_event(br#"{"k":1}"#.to_vec()))
                .map(|out| out.result_text().into_owned()),
        }
    }
}

/// Where the client connects.
pub(crate) enum Server {
    /// A scripted testkit server.
    Script(Vec<Reply>),
    /// A testkit server answering with a function of the request.
    Handler(fn(&Received) -> Reply),
    /// A port nobody listens on.
    ClosedPort,
}

/// What a case must end in.
#[derive(Debug)]
pub(crate) enum Expect {
    /// Success, with this summary.
    Output(&'static str),
    /// A transport error of one of these kinds, with this `request_sent`.
    Transport(&'static [TransportErrorKind], bool),
    /// A service error with this status whose raw body contains this text.
    Service(u16, &'static str),
}

pub(crate) struct Case {
    op: Op,
    server: Server,
    settings: ClientSettings,
    expect: Expect,
    /// Requests the server must see; `None`: what the retry policy implies for the
    /// error that came back.
    requests: Option<usize>,
    /// The least time the call may take.
    at_least: Duration,
    /// The most time the call may take.
    at_most: Duration,
}

impl Case {
    pub(crate) fn new(op: Op, server: Server, expect: Expect) -> Case {
        Case {
            op,
            server,
            settings: ClientSettings::new()
                .timeout(Duration::from_secs(5))
                .retry_policy(fast_retries(ATTEMPTS)),
            expect,
            requests: None,
            at_least: Duration::ZERO,
            at_most: Duration::from_secs(2),
        }
    }

    pub(crate) fn requests(mut self, n: usize) -> Case {
        self.requests = Some(n);
        self
    }

    pub(crate) fn settings(mut self, settings: ClientSettings) -> Case {
        self.settings = settings;
        self
    }

    pub(crate) fn between(mut self, at_least: Duration, at_most: Duration) -> Case {
        self.at_least = at_least;
        self.at_most = at_most;
        self
    }
}

/// What one run produced.
struct Run {
    result: Result<String, Error>,
    elapsed: Duration,
    requests: Vec<Received>,
}

/// Serialises the output of parallel tests so that each figure line stays whole.
static PRINT: Mutex<()> = Mutex::new(());

/// Runs the case through both adapters, each under a watchdog, and checks it.
pub(crate) fn check(name: &'static str, case: impl Fn() -> Case + Send + Copy + 'static) {
    for adapter in Adapter::BOTH {
        let bound = case().at_most;
        let what = format!("{name} via {adapter:?}");
        let (run, case) = watchdog(&what, bound + HANG_MARGIN, move || {
            let case = case();
            (run_once(&case, adapter), case)
        });
        report(name, adapter, &run);
        verify(&what, &case, &run);
    }
}

fn run_once(case: &Case, adapter: Adapter) -> Run {
    let server = match &case.server {
        Server::Script(replies) => Some(TestServer::start(scripted(replies.clone()))),
        Server::Handler(handler) => Some(TestServer::start(*handler)),
        Server::ClosedPort => None,
    };
    let url = server
        .as_ref()
        .map_or_else(closed_port_url, TestServer::url);
    let client = adapter
        .client(&case.settings, aksk_config(&url))
        .expect("client");
    let started = Instant::now();
    let result = case.op.send(&client);
    let elapsed = started.elapsed();
    Run {
        result,
        elapsed,
        requests: server.map(|s| s.requests()).unwrap_or_default(),
    }
}

fn report(name: &str, adapter: Adapter, run: &Run) {
    let outcome = match &run.result {
        Ok(summary) => format!("ok {summary:?}"),
        Err(Error::Transport(t)) => format!("{:?} sent={}", t.kind(), t.request_sent()),
        Err(Error::Service(s)) => format!("service {}", s.status().as_u16()),
        Err(other) => format!("{other}"),
    };
    let gaps: Vec<String> = run
        .requests
        .windows(2)
        .map(|w| format!("{}ms", (w[1].at - w[0].at).as_millis()))
        .collect();
    let _line = PRINT.lock();
    println!(
        "[fault] {name:<48} {:<9} {outcome:<22} requests={} elapsed={}ms gaps=[{}]",
        format!("{adapter:?}"),
        run.requests.len(),
        run.elapsed.as_millis(),
        gaps.join(" ")
    );
    if let Err(error) = &run.result {
        println!("[fault]     error: {error}");
    }
}

fn verify(what: &str, case: &Case, run: &Run) {
    match (&case.expect, &run.result) {
        (Expect::Output(expected), Ok(summary)) => assert_eq!(summary, expected, "{what}"),
        (Expect::Transport(kinds, sent), Err(Error::Transport(t))) => {
            assert!(kinds.contains(&t.kind()), "{what}: {t} ({:?})", t.kind());
            assert_eq!(t.request_sent(), *sent, "{what}: {t}");
            assert!(!t.to_string().is_empty());
        }
        (Expect::Service(status, body), Err(Error::Service(s))) => {
            assert_eq!(s.status().as_u16(), *status, "{what}");
            let raw = String::from_utf8_lossy(s.raw_body());
            assert!(raw.contains(body), "{what}: raw body {raw:?}");
        }
        (expected, got) => panic!("{what}: expected {expected:?}, got {got:?}"),
    }
    if !matches!(case.server, Server::ClosedPort) {
        let expected = case
            .requests
            .unwrap_or_else(|| policy_requests(case.op, &run.result));
        assert_eq!(
            run.requests.len(),
            expected,
            "{what}: requests the server saw"
        );
    }
    assert!(
        run.elapsed >= case.at_least,
        "{what}: took {:?}, less than {:?}",
        run.elapsed,
        case.at_least
    );
    assert!(
        run.elapsed <= case.at_most,
        "{what}: took {:?}, more than {:?}",
        run.elapsed,
        case.at_most
    );
}

/// The number of requests the retry policy allows for the error that ended the call:
/// every attempt when the failure is retried, one when it is not.
fn policy_requests(op: Op, result: &Result<String, Error>) -> usize {
    let retried = match result {
        Ok(_) => false,
        Err(Error::Transport(t)) => {
            t.kind().is_retryable() && (!t.request_sent() || op.idempotent())
        }
        Err(Error::Service(s)) => {
            s.status().as_u16() == 429 || (s.status().is_server_error() && op.idempotent())
        }
        Err(_) => false,
    };
    if retried { ATTEMPTS as usize } else { 1 }
}
