//! An emulator in a child process, so that the server's CPU time and memory are not
//! counted as the client's.
//!
//! A benchmark program re-runs its own executable with [`SERVE_FLAG`]; that child
//! ([`serve`]) starts a benchmark emulator ([`emulator_builder`](super::emulator_builder)),
//! prints `listening on http://ADDR` and serves until its standard input closes. The
//! parent ([`ChildEmulator`]) holds that input open, so the child ends with the parent
//! even when the parent is killed; one command, no second terminal, nothing to build
//! first.

use std::io::{self, BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::time::{Duration, Instant};

/// The argument that makes a benchmark program serve instead of measure.
pub const SERVE_FLAG: &str = "--serve";

/// The readiness line's prefix, as the `fgs-emulator` binary prints it too.
const READY_PREFIX: &str = "listening on ";
/// How long a child may take to exit once its input is closed.
const EXIT_GRACE: Duration = Duration::from_secs(5);

/// A benchmark emulator running in a child process (this executable, re-run with
/// [`SERVE_FLAG`]). Dropping it stops the child.
#[derive(Debug)]
pub struct ChildEmulator {
    child: Child,
    /// Closing it tells the child to exit.
    stdin: Option<ChildStdin>,
    endpoint: String,
}

impl ChildEmulator {
    /// Starts this executable with [`SERVE_FLAG`] and waits until it listens.
    pub fn spawn() -> io::Result<ChildEmulator> {
        ChildEmulator::spawn_command(Command::new(std::env::current_exe()?).arg(SERVE_FLAG))
    }

    /// Starts `command`, which must print `listening on http://ADDR` on its standard
    /// output when ready and exit when its standard input closes.
    pub fn spawn_command(command: &mut Command) -> io::Result<ChildEmulator> {
        let mut child = command
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()?;
        let stdin = child.stdin.take();
        let mut emulator = ChildEmulator {
            child,
            stdin,
            endpoint: String::new(),
        };
        let stdout = emulator
            .child
            .stdout
            .take()
            .ok_or_else(|| io::Error::other("the child's stdout is not piped"))?;
        let mut line = String::new();
        BufReader::new(stdout).read_line(&mut line)?;
        // Dropping `emulator` on the error path stops the child.
        emulator.endpoint = line
            .trim_end()
            .strip_prefix(READY_PREFIX)
            .ok_or_else(|| {
                io::Error::other(format!(
                    "the child did not announce its address (printed {line:?})"
                ))
            })?
            .to_owned();
        Ok(emulator)
    }

    /// The child emulator's base URL, `http://127.0.0.1:PORT`.
    pub fn endpoint(&self) -> &str {
        &self.endpoint
    }

    /// The child's process id.
    pub fn id(&self) -> u32 {
        self.child.id()
    }
}

impl Drop for ChildEmulator {
    fn drop(&mut self) {
        // End of input asks the child to stop; a child that does not is killed.
        drop(self.stdin.take());
        let deadline = Instant::now() + EXIT_GRACE;
        while Instant::now() < deadline {
            match self.child.try_wait() {
                Ok(Some(_)) => return,
                Ok(None) => std::thread::sleep(Duration::from_millis(10)),
                Err(_) => break,
            }
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The child's side: starts a benchmark emulator, announces it on standard output, and
/// serves until standard input closes.
pub fn serve() -> io::Result<()> {
    let emulator = super::emulator_builder().start()?;
    let mut stdout = io::stdout().lock();
    writeln!(stdout, "{READY_PREFIX}{}", emulator.endpoint())?;
    stdout.flush()?;
    drop(stdout);
    // Blocks until the parent closes the pipe (or exits).
    io::copy(&mut io::stdin().lock(), &mut io::sink())?;
    emulator.stop();
    Ok(())
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;

    #[test]
    fn a_child_that_does_not_announce_itself_is_an_error_and_is_stopped() {
        let error =
            ChildEmulator::spawn_command(Command::new("sh").args(["-c", "echo hello; cat"]))
                .unwrap_err();
        assert!(error.to_string().contains("\"hello\\n\""), "{error}");
    }

    #[test]
    fn the_child_reads_its_address_and_ends_when_dropped() {
        // A stand-in server: announces an address, then waits for end of input.
        let child = ChildEmulator::spawn_command(Command::new("sh").args([
            "-c",
            "echo 'listening on http://127.0.0.1:4321'; cat >/dev/null; echo done >&2",
        ]))
        .unwrap();
        assert_eq!(child.endpoint(), "http://127.0.0.1:4321");
        let started = Instant::now();
        drop(child);
        // It exited by itself when its input closed, long before the kill deadline.
        assert!(started.elapsed() < EXIT_GRACE, "{:?}", started.elapsed());
    }
}
