//! The large-upload memory program (`cargo bench -p fgs-benches --bench
//! upload_memory -- --mib 40`): the peak resident memory of the client process while
//! fgs-ureq or fgs-hyper sends UpdateCode with an N MiB zip, as a multiple of the
//! zip's size. By default each adapter is measured in a fresh process of its own (this
//! program re-run with `--client`), so that one's peak is not the other's.
//!
//! The emulator runs in a child process ([`ChildEmulator`]) so that its memory is not
//! the client's, with token authentication: the service limits AK/SK-signed bodies to
//! 12 MB (the emulator does too), and a 40 MiB zip is a 56 MB body in base64.
//!
//! The run creates a small function, reads the baseline RSS, generates the zip
//! ([`generate_zip`]), sends it, checks that the service stored every byte, and reads
//! the process's peak RSS (`VmHWM`).
//!
//! ```
//! use fgs_benches::{self as bench, Auth, upload};
//!
//! let emu = bench::emulator_builder().start()?;
//! let report = upload::run_against(&bench::config(emu.endpoint(), Auth::Token)?, 1, &mut Vec::new())?;
//! assert!(report.zip_len > 1024 * 1024);
//! assert!(report.peak_rss >= report.baseline_rss);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

mod zip;

use std::io::Write;
use std::time::{Duration, Instant};

use fgs_proto::Config;
use fgs_proto::code::Code;
use fgs_proto::functions::{Create, Delete, UpdateCode};
use fgs_proto::model::Runtime;

pub use zip::generate_zip;

use super::Auth;
use super::child::ChildEmulator;
use super::usage::{self, mib};
use fgs_testkit::unique_suffix;

/// Usage text of the upload_memory program.
pub const USAGE: &str = "\
usage: upload_memory [--mib N] [--client C] [--endpoint URL]

Peak resident memory of the process while fgs-ureq or fgs-hyper uploads an N MiB zip
with UpdateCode (token auth), as a multiple of the zip's size.

  --mib N          size of the generated zip in MiB (default 40; the service takes 50 MB)
  --client C       fgs-ureq, fgs-hyper, or both (default: each in a fresh process)
  --endpoint URL   a running service (credentials from HUAWEICLOUD_SDK_PROJECT_ID and
                   FGS_AUTH_TOKEN) instead of fgs-emulator in a child process
  -h, --help       this text";

/// Per-attempt timeout of the upload: ample for loopback, and for a slow debug build.
const UPLOAD_TIMEOUT: Duration = Duration::from_secs(300);
/// Seed of the generated payload.
const SEED: u64 = 0x0066_6773_5f7a_6970;

/// The client an upload goes through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UploadClient {
    /// `fgs_ureq::Client`.
    FgsUreq,
    /// `fgs_hyper::Client`, on a current-thread tokio runtime.
    FgsHyper,
}

impl UploadClient {
    /// The name on the command line and in the output.
    pub fn name(self) -> &'static str {
        match self {
            UploadClient::FgsUreq => "fgs-ureq",
            UploadClient::FgsHyper => "fgs-hyper",
        }
    }
}

/// What an upload run measured.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct UploadReport {
    /// The client that uploaded.
    pub client: UploadClient,
    /// Resident memory before the zip was generated, in bytes.
    pub baseline_rss: u64,
    /// The zip's size in bytes.
    pub zip_len: u64,
    /// The process's peak resident memory, in bytes.
    pub peak_rss: u64,
    /// How long the UpdateCode call took.
    pub upload_time: Duration,
}

impl UploadReport {
    /// Peak RSS over the zip's size: the figure the target is about.
    pub fn peak_over_zip(&self) -> f64 {
        self.peak_rss as f64 / self.zip_len.max(1) as f64
    }

    /// Growth of RSS over the baseline, over the zip's size: the upload's own cost.
    pub fn growth_over_zip(&self) -> f64 {
        self.peak_rss.saturating_sub(self.baseline_rss) as f64 / self.zip_len.max(1) as f64
    }

    /// The result line.
    ///
    /// ```
    /// use std::time::Duration;
    /// use fgs_benches::upload::UploadReport;
    ///
    /// use fgs_benches::upload::UploadClient;
    ///
    /// let report = UploadReport { client: UploadClient::FgsUreq, baseline_rss: 4 << 20,
    ///                             zip_len: 40 << 20, peak_rss: 48 << 20,
    ///                             upload_time: Duration::from_millis(250) };
    /// assert_eq!(report.line(), "client=fgs-ureq zip_mib=40.00 baseline_rss_mib=4.0 \
    ///     peak_rss_mib=48.0 peak_over_zip=1.20 growth_over_zip=1.10 upload_s=0.25");
    /// ```
    pub fn line(&self) -> String {
        format!(
            "client={} zip_mib={:.2} baseline_rss_mib={:.1} peak_rss_mib={:.1} \
             peak_over_zip={:.2} growth_over_zip={:.2} upload_s={:.2}",
            self.client.name(),
            mib(self.zip_len),
            mib(self.baseline_rss),
            mib(self.peak_rss),
            self.peak_over_zip(),
            self.growth_over_zip(),
            self.upload_time.as_secs_f64(),
        )
    }
}

/// What the command line asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UploadArgs {
    /// Zip size in MiB.
    pub mib: usize,
    /// The client; `None`: each, in a fresh process of its own.
    pub client: Option<UploadClient>,
    /// A running service instead of a child emulator.
    pub endpoint: Option<String>,
}

impl UploadArgs {
    /// Reads the arguments (without the program name); `Ok(None)` for `--help`.
    pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Option<UploadArgs>, String> {
        let mut parsed = UploadArgs {
            mib: 40,
            client: None,
            endpoint: None,
        };
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            let (name, inline) = match arg.split_once('=') {
                Some((name, value)) if name.starts_with("--") => {
                    (name.to_owned(), Some(value.to_owned()))
                }
                _ => (arg.clone(), None),
            };
            let mut value = || {
                inline
                    .clone()
                    .or_else(|| args.next())
                    .ok_or_else(|| format!("{name} needs a value"))
            };
            match name.as_str() {
                "-h" | "--help" => return Ok(None),
                "--mib" => {
                    let text = value()?;
                    parsed.mib = match text.parse::<usize>() {
                        Ok(n) if (1..=50).contains(&n) => n,
                        _ => return Err(format!("--mib must be 1 to 50, not `{text}`")),
                    };
                }
                "--client" => {
                    parsed.client = match value()?.as_str() {
                        "fgs-ureq" => Some(UploadClient::FgsUreq),
                        "fgs-hyper" => Some(UploadClient::FgsHyper),
                        "both" => None,
                        other => return Err(format!("unknown --client `{other}`")),
                    };
                }
                "--endpoint" => parsed.endpoint = Some(value()?),
                _ => return Err(format!("unknown argument `{arg}`")),
            }
        }
        Ok(Some(parsed))
    }
}

/// Runs the measurement `args` describe, printing to `out`.
pub fn run(args: &UploadArgs, out: &mut dyn Write) -> Result<(), String> {
    let io = |e: std::io::Error| e.to_string();
    let Some(client) = args.client else {
        // Each client in a fresh process: the peak of one is not the other's.
        for client in [UploadClient::FgsUreq, UploadClient::FgsHyper] {
            let mut command = std::process::Command::new(std::env::current_exe().map_err(io)?);
            command.args(["--mib", &args.mib.to_string(), "--client", client.name()]);
            if let Some(endpoint) = &args.endpoint {
                command.args(["--endpoint", endpoint]);
            }
            let output = command
                .stderr(std::process::Stdio::inherit())
                .output()
                .map_err(|e| format!("cannot run the {} upload: {e}", client.name()))?;
            out.write_all(&output.stdout).map_err(io)?;
            if !output.status.success() {
                return Err(format!("the {} upload failed", client.name()));
            }
        }
        return Ok(());
    };
    match &args.endpoint {
        Some(endpoint) => {
            let config =
                super::config_from_env(endpoint, Auth::Token, |key| std::env::var(key).ok())
                    .map_err(|e| format!("cannot configure the client: {e}"))?;
            writeln!(out, "# server: {endpoint}").map_err(io)?;
            run_with(&config, args.mib, client, out).map(drop)
        }
        None => {
            let child = ChildEmulator::spawn()
                .map_err(|e| format!("cannot start the child emulator: {e}"))?;
            writeln!(
                out,
                "# server: fgs-emulator in child process {} (its memory is not counted)",
                child.id()
            )
            .map_err(io)?;
            let config = super::config(child.endpoint(), Auth::Token).map_err(|e| e.to_string())?;
            run_with(&config, args.mib, client, out).map(drop)
        }
    }
}

/// [`run_with`] through fgs-ureq.
pub fn run_against(
    config: &Config,
    mib: usize,
    out: &mut dyn Write,
) -> Result<UploadReport, String> {
    run_with(config, mib, UploadClient::FgsUreq, out)
}

/// Uploads a generated `mib` MiB zip through `client` to the service `config` points
/// at and reports the memory it took, printing to `out`.
pub fn run_with(
    config: &Config,
    mib: usize,
    client_kind: UploadClient,
    out: &mut dyn Write,
) -> Result<UploadReport, String> {
    let io = |e: std::io::Error| e.to_string();
    let client = fgs_ureq::Client::builder(config.clone())
        .timeout(UPLOAD_TIMEOUT)
        .build()
        .map_err(|e| e.to_string())?;
    let name = format!("fgs-bench-upload-{}", unique_suffix());
    let create = Create::new(
        &name,
        "default",
        fgs_proto::functions::FunctionConfig::new(
            Runtime::Python39,
            "index.handler",
            fgs_proto::model::MemorySize::mb(128),
            std::time::Duration::from_secs(30),
        ),
        Code::inline_source("def handler(event, context):\n    return event\n"),
    );
    let urn = client
        .send(&create)
        .map_err(|e| format!("cannot create {name}: {e}"))?
        .func_urn
        .unwrap_or_default();
    let result = upload(&client, client_kind, config, &urn, mib, out);
    if let Err(error) = client.send(&Delete::new(format!("default:{name}"))) {
        writeln!(out, "# warning: {name} could not be deleted: {error}").map_err(io)?;
    }
    let report = result?;
    writeln!(out, "{}", report.line()).map_err(io)?;
    Ok(report)
}

/// The measured part: baseline, zip, UpdateCode, peak.
fn upload(
    client: &fgs_ureq::Client,
    client_kind: UploadClient,
    config: &Config,
    urn: &str,
    mib: usize,
    out: &mut dyn Write,
) -> Result<UploadReport, String> {
    let baseline_rss = usage::current_rss().map_err(|e| format!("cannot read the RSS: {e}"))?;
    writeln!(
        out,
        "# baseline RSS before generating the zip: {:.1} MiB",
        usage::mib(baseline_rss)
    )
    .map_err(|e| e.to_string())?;
    let zip = generate_zip(mib * 1024 * 1024, SEED).map_err(|e| e.to_string())?;
    let zip_len = zip.len() as u64;
    let update = UpdateCode::new(urn, Code::zip("payload.zip", zip));
    let started = Instant::now();
    let function = match client_kind {
        UploadClient::FgsUreq => client.send(&update),
        UploadClient::FgsHyper => {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .map_err(|e| format!("cannot start a tokio runtime: {e}"))?;
            runtime.block_on(async {
                let client = fgs_hyper::Client::builder(config.clone())
                    .timeout(UPLOAD_TIMEOUT)
                    .build()?;
                client.send(&update).await
            })
        }
    }
    .map_err(|e| format!("UpdateCode failed: {e}"))?;
    let upload_time = started.elapsed();
    drop(update);
    let peak_rss = usage::now()
        .map_err(|e| format!("getrusage: {e}"))?
        .peak_rss;
    // The service must have stored the whole zip, or the figure means nothing.
    if function.code_size != Some(zip_len as i64) {
        return Err(format!(
            "the service reports code_size {:?}, the zip is {zip_len} bytes",
            function.code_size
        ));
    }
    Ok(UploadReport {
        client: client_kind,
        baseline_rss,
        zip_len,
        peak_rss,
        upload_time,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Option<UploadArgs>, String> {
        UploadArgs::parse(args.iter().map(|s| (*s).to_owned()))
    }

    #[test]
    fn arguments() {
        assert_eq!(
            parse(&[]).unwrap(),
            Some(UploadArgs {
                mib: 40,
                client: None,
                endpoint: None
            })
        );
        let args = parse(&["--mib=4", "--endpoint", "http://127.0.0.1:1"])
            .unwrap()
            .unwrap();
        assert_eq!(
            (args.mib, args.endpoint.as_deref()),
            (4, Some("http://127.0.0.1:1"))
        );
        assert!(parse(&["--mib", "51"]).unwrap_err().contains("1 to 50"));
        assert!(parse(&["--mib", "0"]).is_err());
        assert!(parse(&["--mib"]).unwrap_err().contains("needs a value"));
        assert!(parse(&["--kib", "4"]).unwrap_err().contains("unknown"));
        let hyper = parse(&["--client", "fgs-hyper"]).unwrap().unwrap();
        assert_eq!(hyper.client, Some(UploadClient::FgsHyper));
        assert!(
            parse(&["--client=reqwest"])
                .unwrap_err()
                .contains("unknown --client")
        );
        assert_eq!(parse(&["-h"]).unwrap(), None);
    }

    #[test]
    fn ratios_are_over_the_zip_size() {
        let report = UploadReport {
            client: UploadClient::FgsHyper,
            baseline_rss: 10,
            zip_len: 100,
            peak_rss: 250,
            upload_time: Duration::ZERO,
        };
        assert_eq!(report.peak_over_zip(), 2.5);
        assert_eq!(report.growth_over_zip(), 2.4);
    }
}
