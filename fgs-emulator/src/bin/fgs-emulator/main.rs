//! `fgs-emulator`: runs the emulator as a process (see `--help`).
#![forbid(unsafe_code)]
#![warn(clippy::unwrap_used, clippy::expect_used)]

use std::io::{self, Write};
use std::process::ExitCode;

mod args;
mod banner;

use args::{Auth, Command, HELP, parse};

fn main() -> ExitCode {
    match parse(std::env::args().skip(1), |key| std::env::var(key).ok()) {
        Ok(Command::Help) => {
            print!("{HELP}");
            ExitCode::SUCCESS
        }
        Ok(Command::Version) => {
            println!("fgs-emulator {}", env!("CARGO_PKG_VERSION"));
            ExitCode::SUCCESS
        }
        Ok(Command::Run(builder, auth)) => match run(*builder, &auth) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("fgs-emulator: {e}");
                ExitCode::FAILURE
            }
        },
        Err(message) => {
            eprintln!("fgs-emulator: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(builder: fgs_emulator::EmulatorBuilder, auth: &Auth) -> io::Result<()> {
    let signals = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()?;
    // Listen for signals before announcing readiness, so a signal sent right after the
    // announcement cannot kill the process the default way.
    let stop = signals.block_on(async { StopSignal::install() })?;
    let emulator = builder.start()?;
    let mut stdout = io::stdout().lock();
    writeln!(stdout, "listening on {}", emulator.endpoint())?;
    stdout.flush()?;
    drop(stdout);
    // For people: stdout stays the one line that scripts wait for.
    let serving = banner::Serving {
        endpoint: emulator.endpoint(),
        project_id: emulator.project_id(),
        region: emulator.region(),
        auth,
    };
    // A closed stderr is no reason to stop serving.
    let _ = io::stderr().write_all(banner::banner(&serving).as_bytes());
    signals.block_on(stop.wait(|| emulator.clear_async_invocations()));
    emulator.stop();
    Ok(())
}

/// SIGINT or SIGTERM (Ctrl-C elsewhere); SIGHUP, which clears the async log.
struct StopSignal {
    #[cfg(unix)]
    terminate: tokio::signal::unix::Signal,
    #[cfg(unix)]
    interrupt: tokio::signal::unix::Signal,
    #[cfg(unix)]
    hangup: tokio::signal::unix::Signal,
}

impl StopSignal {
    fn install() -> io::Result<Self> {
        #[cfg(unix)]
        {
            use tokio::signal::unix::{SignalKind, signal};
            Ok(StopSignal {
                terminate: signal(SignalKind::terminate())?,
                interrupt: signal(SignalKind::interrupt())?,
                hangup: signal(SignalKind::hangup())?,
            })
        }
        #[cfg(not(unix))]
        {
            Ok(StopSignal {})
        }
    }

    /// Waits for a stop signal, calling `clear` on each SIGHUP meanwhile.
    async fn wait(mut self, clear: impl Fn()) {
        #[cfg(unix)]
        loop {
            tokio::select! {
                _ = self.terminate.recv() => break,
                _ = self.interrupt.recv() => break,
                _ = self.hangup.recv() => clear(),
            }
        }
        #[cfg(not(unix))]
        {
            let _ = tokio::signal::ctrl_c().await;
            let _ = (&mut self, clear);
        }
    }
}
