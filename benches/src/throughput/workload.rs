//! The functions a run needs, created before it and deleted after it, and the
//! operation every call sends.

use fgs_proto::Error;
use fgs_proto::code::Code;
use fgs_proto::functions::{Create, Delete, GetMetadata, Invoke, List};
use fgs_proto::model::Runtime;

use super::args::Op;

/// Functions a `list` run creates, so that its page holds this many items.
pub const LIST_FUNCTIONS: usize = 3;

/// The event an `invoke` run sends; the emulator's default handler echoes it.
pub const INVOKE_EVENT: &str = r#"{"name":"fgs","n":1}"#;

/// The code of every benchmark function (the emulator runs none of it: its default
/// handler echoes the event).
const SOURCE: &str = "def handler(event, context):\n    return event\n";

/// The operation of a run.
#[derive(Debug, Clone)]
pub(crate) enum Workload {
    GetMetadata(GetMetadata),
    List(List),
    Invoke(Invoke),
}

/// The functions created for a run, and its operation.
#[derive(Debug)]
pub(crate) struct Fixture {
    pub(crate) workload: Workload,
    /// Short names (`default:NAME`) of the functions to delete afterwards.
    created: Vec<String>,
}

impl Fixture {
    /// Creates what `op` needs, with names ending in `suffix`.
    pub(crate) fn set_up(
        op: Op,
        client: &fgs_ureq::Client,
        suffix: &str,
    ) -> Result<Fixture, Error> {
        let names: Vec<String> = match op {
            Op::GetMetadata => vec![format!("fgs-bench-meta-{suffix}")],
            Op::List => (0..LIST_FUNCTIONS)
                .map(|i| format!("fgs-bench-list-{suffix}-{i}"))
                .collect(),
            Op::Invoke => vec![format!("fgs-bench-echo-{suffix}")],
        };
        let mut fixture = Fixture {
            workload: Workload::List(List::new()),
            created: Vec::new(),
        };
        let mut urn = String::new();
        for name in &names {
            let create = Create::new(
                name,
                "default",
                fgs_proto::functions::FunctionConfig::new(
                    Runtime::Python39,
                    "index.handler",
                    fgs_proto::model::MemorySize::mb(128),
                    std::time::Duration::from_secs(30),
                ),
                Code::inline_source(SOURCE),
            );
            let function = match client.send(&create) {
                Ok(function) => function,
                Err(error) => {
                    fixture.tear_down(client);
                    return Err(error);
                }
            };
            fixture.created.push(format!("default:{name}"));
            urn = function.func_urn.unwrap_or_default();
        }
        fixture.workload = match op {
            Op::GetMetadata => Workload::GetMetadata(GetMetadata::new(urn)),
            Op::List => Workload::List(List::new()),
            Op::Invoke => Workload::Invoke(Invoke::new(urn).raw_event(INVOKE_EVENT)),
        };
        Ok(fixture)
    }

    /// Deletes the functions created, as far as possible; returns how many could not
    /// be deleted.
    pub(crate) fn tear_down(&mut self, client: &fgs_ureq::Client) -> usize {
        let created = std::mem::take(&mut self.created);
        created
            .iter()
            .filter(|name| client.send(&Delete::new(name.as_str())).is_err())
            .count()
    }
}
