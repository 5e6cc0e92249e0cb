//! The step runner: prints each operation's request line, runs it, checks the answer and
//! prints the key result.

use std::fmt::Display;
use std::io::Write;

use fgs_proto::{Error, Operation};
use http::Request;

use super::report::{Cause, Outcome, Report, Step};
use super::request_line::Legend;

/// Why the walk stopped: the operation (if any) and the cause.
#[derive(Debug)]
pub(super) struct Failure {
    pub operation: Option<&'static str>,
    pub cause: Cause,
}

impl Failure {
    pub(crate) fn sdk(operation: &'static str, error: Error) -> Self {
        Failure {
            operation: Some(operation),
            cause: Cause::Sdk(error),
        }
    }

    pub(crate) fn unexpected(operation: &'static str, what: impl Into<String>) -> Self {
        Failure {
            operation: Some(operation),
            cause: Cause::Unexpected(what.into()),
        }
    }
}

impl From<std::io::Error> for Failure {
    fn from(error: std::io::Error) -> Self {
        Failure {
            operation: None,
            cause: Cause::Output(error),
        }
    }
}

/// Indentation of the result line under a step's request line.
const RESULT_INDENT: &str = "       ";

/// Runs and prints the steps.
pub(super) struct Walker<'a> {
    pub client: &'a fgs_ureq::Client,
    out: &'a mut dyn Write,
    pub legend: Legend,
    pub report: Report,
}

impl<'a> Walker<'a> {
    pub(crate) fn new(client: &'a fgs_ureq::Client, out: &'a mut dyn Write) -> Self {
        let legend = Legend {
            project_id: client.config().project_id().to_owned(),
            urn: None,
        };
        Walker {
            client,
            out,
            legend,
            report: Report::default(),
        }
    }

    /// Writes one line of output.
    pub(crate) fn line(&mut self, text: impl Display) -> std::io::Result<()> {
        writeln!(self.out, "{text}")?;
        self.out.flush()
    }

    /// Sends `operation` as the step `name` (its Go SDK name); `check` turns a good
    /// answer into the printed result, or says what is wrong with it.
    pub(crate) fn send<O: Operation>(
        &mut self,
        name: &'static str,
        operation: &O,
        check: impl FnOnce(&O::Output) -> Result<String, String>,
    ) -> Result<O::Output, Failure> {
        let request = operation
            .request(self.client.config())
            .map_err(|e| Failure::sdk(name, e))?;
        let client = self.client;
        self.call(name, &request, || client.send(operation), check)
    }

    /// A step whose call is more than one `send` (walking pages, say): `request` is the
    /// first request it makes, for the printed request line.
    pub(crate) fn call<T>(
        &mut self,
        name: &'static str,
        request: &Request<fgs_proto::Body>,
        run: impl FnOnce() -> Result<T, Error>,
        check: impl FnOnce(&T) -> Result<String, String>,
    ) -> Result<T, Failure> {
        let request_line = self.legend.request_line(request);
        let number = self.report.steps().len() + 1;
        // The request line goes out before the call, so a slow call shows where it is.
        self.line(format_args!("{number:>2}  {name:<24} {request_line}"))?;
        let output = match run() {
            Ok(output) => output,
            Err(error) => {
                self.line(format_args!("{RESULT_INDENT}✗ {error}"))?;
                return Err(Failure::sdk(name, error));
            }
        };
        match check(&output) {
            Ok(result) => {
                let result = self.legend.shorten(&result);
                for line in result.lines() {
                    self.line(format_args!("{RESULT_INDENT}→ {line}"))?;
                }
                self.report.push(Step {
                    operation: name,
                    request_line,
                    outcome: Outcome::Ok(result),
                });
                Ok(output)
            }
            Err(what) => {
                self.line(format_args!("{RESULT_INDENT}✗ unexpected answer: {what}"))?;
                Err(Failure::unexpected(name, what))
            }
        }
    }

    /// A step that is not run here, with the reason printed in its place.
    pub(crate) fn skip<O: Operation>(
        &mut self,
        name: &'static str,
        operation: &O,
        why: &str,
    ) -> Result<(), Failure> {
        let request = operation
            .request(self.client.config())
            .map_err(|e| Failure::sdk(name, e))?;
        let request_line = self.legend.request_line(&request);
        let number = self.report.steps().len() + 1;
        self.line(format_args!("{number:>2}  {name:<24} {request_line}"))?;
        self.line(format_args!("{RESULT_INDENT}– skipped: {why}"))?;
        self.report.push(Step {
            operation: name,
            request_line,
            outcome: Outcome::Skipped(why.to_owned()),
        });
        Ok(())
    }
}
