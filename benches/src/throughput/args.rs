//! The throughput program's command line.

use crate::Auth;

/// Usage text of the throughput program.
pub const USAGE: &str = "\
usage: throughput [OPTIONS]

Calls per second and CPU per call of the fgs clients against raw clients that send the
same bytes (the floor), over fgs-emulator.

  --op OP             get-metadata (default), list or invoke
  --n N               calls per client per round (default 2000)
  --rounds R          rounds; the clients take turns each round, the order rotating by
                      one place every round (default 20)
  --client C          fgs-ureq, raw-ureq, raw-tcp, fgs-hyper, raw-hyper, a
                      comma-separated list of them, or all (default all)
  --concurrency C     calls in flight per client (default 32 for hyper, 1 for ureq;
                      ureq clients use C threads)
  --auth A            aksk (default: every call signed) or token
  --server S          where the emulator runs: in-process (default; the CPU figures
                      then include the server's) or child (this program re-run with
                      --serve: client CPU only)
  --endpoint URL      use a running service instead, with the credentials of the
                      environment (HUAWEICLOUD_SDK_PROJECT_ID, HUAWEICLOUD_SDK_AK/_SK or
                      FGS_AUTH_TOKEN, as --auth chooses)
  -h, --help          this text";

/// The operation every call of a run sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// `functions::GetMetadata` of one function.
    GetMetadata,
    /// `functions::List`: one page of three functions.
    List,
    /// `functions::Invoke` of an echo function with a small event.
    Invoke,
}

impl Op {
    /// The name on the command line and in the output.
    pub fn name(self) -> &'static str {
        match self {
            Op::GetMetadata => "get-metadata",
            Op::List => "list",
            Op::Invoke => "invoke",
        }
    }

    fn parse(text: &str) -> Option<Op> {
        [Op::GetMetadata, Op::List, Op::Invoke]
            .into_iter()
            .find(|op| op.name() == text)
    }
}

/// A client under test.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClientKind {
    /// `fgs_ureq::Client`.
    FgsUreq,
    /// A plain `ureq::Agent` configured for speed (no timeouts, so no resolver
    /// thread) sending the prepared request: fgs-ureq's floor.
    RawUreq,
    /// A minimal keep-alive HTTP/1.1 client over `std::net::TcpStream`, written for
    /// the benchmark: one write per request, no timeouts. fgs-ureq's second floor.
    RawTcp,
    /// `fgs_hyper::Client`.
    FgsHyper,
    /// A plain hyper-util client sending the prepared request: fgs-hyper's floor.
    RawHyper,
}

impl ClientKind {
    /// Every client, each SDK client before its floors.
    pub const ALL: [ClientKind; 5] = [
        ClientKind::FgsUreq,
        ClientKind::RawUreq,
        ClientKind::RawTcp,
        ClientKind::FgsHyper,
        ClientKind::RawHyper,
    ];

    /// The name on the command line and in the output.
    pub fn name(self) -> &'static str {
        match self {
            ClientKind::FgsUreq => "fgs-ureq",
            ClientKind::RawUreq => "raw-ureq",
            ClientKind::RawTcp => "raw-tcp",
            ClientKind::FgsHyper => "fgs-hyper",
            ClientKind::RawHyper => "raw-hyper",
        }
    }

    /// Whether it runs on tokio.
    pub fn is_async(self) -> bool {
        matches!(self, ClientKind::FgsHyper | ClientKind::RawHyper)
    }

    /// For an SDK client, the raw clients it is measured against.
    pub fn floors(self) -> &'static [ClientKind] {
        match self {
            ClientKind::FgsUreq => &[ClientKind::RawUreq, ClientKind::RawTcp],
            ClientKind::FgsHyper => &[ClientKind::RawHyper],
            ClientKind::RawUreq | ClientKind::RawTcp | ClientKind::RawHyper => &[],
        }
    }

    fn parse(text: &str) -> Option<ClientKind> {
        ClientKind::ALL.into_iter().find(|kind| kind.name() == text)
    }
}

/// Where the emulator runs when no `--endpoint` is given.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Server {
    /// In this process: one command, but the process CPU includes the server's.
    InProcess,
    /// In a child process (this program re-run with `--serve`): client CPU only.
    Child,
}

/// What a run measures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Args {
    /// The operation.
    pub op: Op,
    /// Calls per client per round.
    pub n: usize,
    /// Rounds.
    pub rounds: usize,
    /// The clients, in the order they take turns.
    pub clients: Vec<ClientKind>,
    /// Calls in flight per client (`None`: 32 for hyper clients, 1 for ureq clients).
    pub concurrency: Option<usize>,
    /// Token or AK/SK.
    pub auth: Auth,
    /// Where the emulator runs (ignored with an endpoint).
    pub server: Server,
    /// A running service to measure against instead of an emulator of our own.
    pub endpoint: Option<String>,
}

impl Default for Args {
    fn default() -> Self {
        Args {
            op: Op::GetMetadata,
            n: 2000,
            rounds: 20,
            clients: ClientKind::ALL.to_vec(),
            concurrency: None,
            auth: Auth::AkSk,
            server: Server::InProcess,
            endpoint: None,
        }
    }
}

impl Args {
    /// Calls in flight for `client`.
    pub fn concurrency_of(&self, client: ClientKind) -> usize {
        self.concurrency
            .unwrap_or(if client.is_async() { 32 } else { 1 })
    }

    /// Reads the arguments (without the program name); `Ok(None)` for `--help`.
    ///
    /// ```
    /// use fgs_benches::throughput::{Args, ClientKind, Op};
    ///
    /// let args = Args::parse(["--op", "list", "--n=50", "--client", "raw-hyper"].map(String::from))?
    ///     .expect("not --help");
    /// assert_eq!((args.op, args.n, args.rounds), (Op::List, 50, 20));
    /// assert_eq!(args.clients, [ClientKind::RawHyper]);
    /// assert_eq!(args.concurrency_of(ClientKind::RawHyper), 32);
    /// # Ok::<(), String>(())
    /// ```
    pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Option<Args>, String> {
        let mut parsed = Args::default();
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            let (name, inline) = match arg.split_once('=') {
                Some((name, value)) if name.starts_with("--") => {
                    (name.to_owned(), Some(value.to_owned()))
                }
                _ => (arg.clone(), None),
            };
            if matches!(name.as_str(), "-h" | "--help") {
                return Ok(None);
            }
            let mut value = || {
                inline
                    .clone()
                    .or_else(|| args.next())
                    .ok_or_else(|| format!("{name} needs a value"))
            };
            match name.as_str() {
                "--op" => {
                    let text = value()?;
                    parsed.op = Op::parse(&text).ok_or(format!("unknown --op `{text}`"))?;
                }
                "--n" => parsed.n = positive(&name, &value()?)?,
                "--rounds" => parsed.rounds = positive(&name, &value()?)?,
                "--concurrency" => parsed.concurrency = Some(positive(&name, &value()?)?),
                "--client" => {
                    let text = value()?;
                    parsed.clients = match text.as_str() {
                        "all" => ClientKind::ALL.to_vec(),
                        list => list
                            .split(',')
                            .map(|one| {
                                ClientKind::parse(one).ok_or(format!("unknown --client `{one}`"))
                            })
                            .collect::<Result<_, _>>()?,
                    };
                }
                "--auth" => {
                    let text = value()?;
                    parsed.auth = Auth::parse(&text).ok_or(format!("unknown --auth `{text}`"))?;
                }
                "--server" => {
                    parsed.server = match value()?.as_str() {
                        "in-process" => Server::InProcess,
                        "child" => Server::Child,
                        other => return Err(format!("unknown --server `{other}`")),
                    };
                }
                "--endpoint" => parsed.endpoint = Some(value()?),
                _ => return Err(format!("unknown argument `{arg}`")),
            }
        }
        Ok(Some(parsed))
    }
}

fn positive(flag: &str, text: &str) -> Result<usize, String> {
    match text.parse::<usize>() {
        Ok(n) if n > 0 => Ok(n),
        _ => Err(format!("{flag} must be a positive number, not `{text}`")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Option<Args>, String> {
        Args::parse(args.iter().map(|s| (*s).to_owned()))
    }

    #[test]
    fn defaults_measure_every_client_on_get_metadata_with_aksk() {
        let args = parse(&[]).unwrap().unwrap();
        assert_eq!(args, Args::default());
        assert_eq!(args.op, Op::GetMetadata);
        assert_eq!(args.auth, Auth::AkSk);
        assert_eq!(args.clients, ClientKind::ALL);
        assert_eq!(args.concurrency_of(ClientKind::FgsUreq), 1);
        assert_eq!(args.concurrency_of(ClientKind::FgsHyper), 32);
    }

    #[test]
    fn every_flag_is_read_in_both_spellings() {
        let args = parse(&[
            "--op=invoke",
            "--n",
            "7",
            "--rounds=3",
            "--client",
            "fgs-ureq",
            "--concurrency",
            "4",
            "--auth=token",
            "--server",
            "child",
            "--endpoint=http://127.0.0.1:8080",
        ])
        .unwrap()
        .unwrap();
        assert_eq!(args.op, Op::Invoke);
        assert_eq!((args.n, args.rounds), (7, 3));
        assert_eq!(args.clients, [ClientKind::FgsUreq]);
        assert_eq!(args.concurrency_of(ClientKind::FgsUreq), 4);
        let list = parse(&["--client", "fgs-ureq,raw-ureq"]).unwrap().unwrap();
        assert_eq!(list.clients, [ClientKind::FgsUreq, ClientKind::RawUreq]);
        assert_eq!(args.concurrency_of(ClientKind::RawHyper), 4);
        assert_eq!(args.auth, Auth::Token);
        assert_eq!(args.server, Server::Child);
        assert_eq!(args.endpoint.as_deref(), Some("http://127.0.0.1:8080"));
    }

    #[test]
    fn bad_arguments_say_what_is_wrong() {
        let error = |args: &[&str]| parse(args).unwrap_err();
        assert!(error(&["--n", "0"]).contains("positive"));
        assert!(error(&["--n", "x"]).contains("positive"));
        assert!(error(&["--rounds"]).contains("needs a value"));
        assert!(error(&["--op", "delete"]).contains("unknown --op"));
        assert!(error(&["--client", "reqwest"]).contains("unknown --client"));
        assert!(error(&["--client", "fgs-ureq,"]).contains("unknown --client"));
        assert!(error(&["--auth", "none"]).contains("unknown --auth"));
        assert!(error(&["--server", "remote"]).contains("unknown --server"));
        assert!(error(&["--fast"]).contains("unknown argument"));
        assert_eq!(parse(&["--n", "5", "--help"]).unwrap(), None);
    }

    #[test]
    fn every_sdk_client_has_a_floor_of_its_own_kind() {
        for kind in ClientKind::ALL {
            assert_eq!(ClientKind::parse(kind.name()), Some(kind));
            for floor in kind.floors() {
                assert_eq!(floor.is_async(), kind.is_async());
                assert!(floor.floors().is_empty());
            }
        }
    }
}
