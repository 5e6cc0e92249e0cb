//! Target `responses`: one response (status, headers, body) fed to the response parser
//! of every operation of the registry.
//!
//! Beyond "no panic", each answer must land in the right class: a non-2xx status is a
//! `Service` error carrying that status and the body unchanged (except that `Invoke`
//! reports a function that ran and failed, flagged by `X-Is-Func-Err`, as `Ok`), a
//! `Decode` error only follows a
//! 2xx, and no other error class can come out of a response. For the two paged
//! listings, the pager fed an accepted page either stops or moves to a larger marker
//! (no answer can make paging loop) whose request builds.

use std::fmt::Debug;

use fgs_proto::functions::{List, ListVersion};
use fgs_proto::paginate::{Pager, Paginated};
use fgs_proto::registry::{self, OperationInfo, Paging};
use fgs_proto::workflows;
use fgs_proto::{Config, Credentials, Error, Operation};
use fgs_proto::{apps, templates};
use fgs_proto::{async_invocations, dependencies, scaling, tags};
use http::Response;

use super::fixtures::Fixture;
use super::wire;

/// How one operation took a response.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// `Ok(output)`.
    Accepted,
    /// `Err(Error::Service)`: the service said no.
    Service,
    /// `Err(Error::Decode)`: a 2xx whose body does not fit the output.
    Decode,
}

/// Each operation's name and verdict, one per operation of the registry.
pub(crate) type Verdicts = Vec<(&'static str, Verdict)>;

/// The paged operations (marker or offset), whose pager [`feed_all`] checks too.
const PAGED: [&OperationInfo; 16] = [
    List::INFO,
    ListVersion::INFO,
    dependencies::List::INFO,
    dependencies::ListVersion::INFO,
    scaling::ListReservedInstances::INFO,
    scaling::ListReservedInstanceConfigs::INFO,
    tags::ListResources::INFO,
    async_invocations::ListConfigs::INFO,
    async_invocations::List::INFO,
    async_invocations::ListActive::INFO,
    apps::ListTemplates::INFO,
    apps::List::INFO,
    templates::List::INFO,
    workflows::List::INFO,
    workflows::ListExecutions::INFO,
    workflows::GetExecutionPage::INFO,
];

/// Runs one fuzz input; `None` if it does not read as a response (see [`wire`]).
pub(crate) fn run(data: &[u8]) -> Option<Verdicts> {
    wire::response(data).map(|response| feed_all(&response))
}

/// Feeds `response` to every operation of the registry (its fixture), checking the
/// invariants above.
pub(crate) fn feed_all(response: &Response<Vec<u8>>) -> Verdicts {
    let mut verdicts = Verdicts::new();
    macro_rules! each {
        ($($op:ty),* $(,)?) => { $(
            verdicts.push(feed(&<$op as Fixture>::minimal(), response).0);
        )* };
    }
    fgs_proto::for_each_operation!(each);
    if let Some(page) = feed(&List::minimal(), response).1 {
        check_paging(List::minimal(), &page);
    }
    if let Some(page) = feed(&ListVersion::minimal(), response).1 {
        check_paging(ListVersion::minimal(), &page);
    }
    if let Some(page) = feed(&dependencies::List::minimal(), response).1 {
        check_paging(dependencies::List::minimal(), &page);
    }
    if let Some(page) = feed(&dependencies::ListVersion::minimal(), response).1 {
        check_paging(dependencies::ListVersion::minimal(), &page);
    }
    if let Some(page) = feed(&scaling::ListReservedInstances::minimal(), response).1 {
        check_paging(scaling::ListReservedInstances::minimal(), &page);
    }
    if let Some(page) = feed(&scaling::ListReservedInstanceConfigs::minimal(), response).1 {
        check_paging(scaling::ListReservedInstanceConfigs::minimal(), &page);
    }
    if let Some(page) = feed(&tags::ListResources::minimal(), response).1 {
        check_paging(tags::ListResources::minimal(), &page);
    }
    if let Some(page) = feed(&async_invocations::ListConfigs::minimal(), response).1 {
        check_paging(async_invocations::ListConfigs::minimal(), &page);
    }
    if let Some(page) = feed(&async_invocations::List::minimal(), response).1 {
        check_paging(async_invocations::List::minimal(), &page);
    }
    if let Some(page) = feed(&async_invocations::ListActive::minimal(), response).1 {
        check_paging(async_invocations::ListActive::minimal(), &page);
    }
    if let Some(page) = feed(&apps::ListTemplates::minimal(), response).1 {
        check_paging(apps::ListTemplates::minimal(), &page);
    }
    if let Some(page) = feed(&apps::List::minimal(), response).1 {
        check_paging(apps::List::minimal(), &page);
    }
    if let Some(page) = feed(&templates::List::minimal(), response).1 {
        check_paging(templates::List::minimal(), &page);
    }
    if let Some(page) = feed(&workflows::List::minimal(), response).1 {
        check_paging(workflows::List::minimal(), &page);
    }
    if let Some(page) = feed(&workflows::ListExecutions::minimal(), response).1 {
        check_paging(workflows::ListExecutions::minimal(), &page);
    }
    if let Some(page) = feed(&workflows::GetExecutionPage::minimal(), response).1 {
        check_paging(workflows::GetExecutionPage::minimal(), &page);
    }
    for info in registry::ALL {
        assert_eq!(
            info.paging != Paging::None,
            PAGED.contains(info),
            "{}: the paging check does not match the registry",
            info.name
        );
    }
    assert_eq!(verdicts.len(), registry::ALL.len());
    verdicts
}

/// Feeds `response` to `op` and checks the class of the answer; the output when
/// accepted.
fn feed<O: Operation>(
    op: &O,
    response: &Response<Vec<u8>>,
) -> ((&'static str, Verdict), Option<O::Output>)
where
    O::Output: Debug,
{
    let name = O::NAME;
    let status = response.status();
    // The body is lent, not copied: every operation reads the same bytes.
    let mut lent = Response::new(response.body().as_slice());
    *lent.status_mut() = status;
    *lent.headers_mut() = response.headers().clone();
    match op.response(lent) {
        Ok(output) => {
            // `Invoke` alone may accept a non-2xx: the function ran and failed, which
            // the service flags with `X-Is-Func-Err`.
            let function_failed =
                name == "Invoke" && response.headers().contains_key("x-is-func-err");
            assert!(
                status.is_success() || function_failed,
                "{name} accepted HTTP {status}"
            );
            let _ = format!("{output:?}");
            ((name, Verdict::Accepted), Some(output))
        }
        Err(Error::Service(e)) => {
            assert!(
                !status.is_success(),
                "{name}: service error for HTTP {status}"
            );
            assert_eq!(e.status(), status, "{name}");
            assert_eq!(e.raw_body(), response.body().as_slice(), "{name}");
            let _ = (format!("{e}"), format!("{e:?}"));
            ((name, Verdict::Service), None)
        }
        Err(Error::Decode(e)) => {
            assert!(
                status.is_success(),
                "{name}: decode error for HTTP {status}"
            );
            assert_eq!(e.status(), status, "{name}");
            let _ = (format!("{e}"), format!("{e:?}"));
            ((name, Verdict::Decode), None)
        }
        Err(other) => panic!("{name}: a response produced {other:?}"),
    }
}

/// A pager that starts at the first page and is fed `page` must stop or move to a
/// strictly larger marker, and the next page's request must build.
fn check_paging<O: Paginated>(first: O, page: &O::Output) {
    let mut pager = Pager::new(first);
    pager.advance(page);
    let Some(next) = pager.next_operation() else {
        return;
    };
    let marker = next.page_marker().unwrap_or_default();
    let value: i64 = marker
        .parse()
        .unwrap_or_else(|_| panic!("{}: next marker `{marker}` is not a number", O::NAME));
    assert!(value > 0, "{}: paging did not move forward", O::NAME);
    let config = Config::new("http://127.0.0.1:8080", "p", Credentials::token("t"))
        .expect("a valid fixed config");
    let request = next
        .request(&config)
        .unwrap_or_else(|e| panic!("{}: next page request: {e}", O::NAME));
    let query = request.uri().query().unwrap_or_default();
    if O::INFO.paging == Paging::Offset && query.split('&').any(|p| p.starts_with("offset=")) {
        // Offset paging in the query (the workflow listings).
        assert!(
            query
                .split('&')
                .any(|pair| pair == format!("offset={value}")),
            "{}: offset {value} not in `{query}`",
            O::NAME
        );
        return;
    }
    if O::INFO.paging == Paging::Offset {
        // Offset paging sends the offset in the JSON body, as text.
        let body = request.body().to_bytes();
        let body = String::from_utf8_lossy(&body);
        assert!(
            body.contains(&format!(r#""offset":"{value}""#)),
            "{}: offset {value} not in `{body}`",
            O::NAME
        );
        return;
    }
    assert!(
        query
            .split('&')
            .any(|pair| pair == format!("marker={value}")),
        "{}: marker {value} not in `{query}`",
        O::NAME
    );
}
