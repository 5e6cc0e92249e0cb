//! The async pagers as `futures_core::Stream`s: a listing of two pages, served by a
//! closure transport, read through `Stream::poll_next` alone (no stream library).

use std::future::{Future, poll_fn, ready};
use std::pin::{Pin, pin};
use std::sync::{Arc, Mutex};
use std::task::{Context, Poll, Waker};
use std::time::Duration;

use fgs_client::bytes::Bytes;
use fgs_client::http::{Request, Response};
use fgs_client::nonblocking::Client;
use fgs_client::{AsyncBackend, AsyncTransport, ClientSettings};
use fgs_proto::functions::List;
use fgs_proto::{Body, Config, Credentials, Error, TransportError, TransportErrorKind};
use futures_core::Stream;

/// A backend that is never asked for a transport (the tests bring theirs) and does not
/// sleep, so every future of a call is ready when first polled.
struct Immediate;

/// The transport type `Immediate` would build; never built.
struct Unused;

impl AsyncTransport for Unused {
    fn send(
        &self,
        _request: Request<Body>,
    ) -> impl Future<Output = Result<Response<Bytes>, TransportError>> + Send {
        ready(Err(TransportError::new(
            TransportErrorKind::Other,
            false,
            "no transport",
        )))
    }
}

impl AsyncBackend for Immediate {
    const NAME: &'static str = "immediate";
    type Transport = Unused;

    fn connect(_settings: &ClientSettings) -> Result<Unused, Error> {
        Ok(Unused)
    }

    fn sleep(_delay: Duration) -> impl Future<Output = ()> + Send + 'static {
        ready(())
    }
}

/// Polls `future` once: with a closure transport that answers at once and a backend
/// that does not sleep, it must be ready.
fn now<F: Future>(future: F) -> F::Output {
    let mut context = Context::from_waker(Waker::noop());
    match pin!(future).poll(&mut context) {
        Poll::Ready(output) => output,
        Poll::Pending => panic!("pending with an immediate transport"),
    }
}

/// The next item of `stream`, through `Stream::poll_next`.
fn next<S: Stream + Unpin>(stream: &mut S) -> Option<S::Item> {
    now(poll_fn(|cx| Pin::new(&mut *stream).poll_next(cx)))
}

/// A client whose transport serves `List` in two pages (`a`, `b`, then `c`, of 3) and
/// records the path and query of each request.
fn two_pages() -> (Client<Immediate>, Arc<Mutex<Vec<String>>>) {
    let seen = Arc::new(Mutex::new(Vec::new()));
    let log = seen.clone();
    let transport = move |request: Request<Body>| {
        let target = request
            .uri()
            .path_and_query()
            .map_or_else(String::new, ToString::to_string);
        let body = if target.contains("marker=2") {
            r#"{"functions":[{"func_name":"c"}],"next_marker":3,"count":3}"#
        } else {
            r#"{"functions":[{"func_name":"a"},{"func_name":"b"}],"next_marker":2,"count":3}"#
        };
        log.lock().unwrap().push(target);
        ready(Ok::<_, TransportError>(Response::new(body)))
    };
    let config = Config::new(
        "http://127.0.0.1:9",
        "p1",
        Credentials::token("token-for-tests"),
    )
    .unwrap();
    (Client::with_transport(config, transport), seen)
}

fn names(functions: &[fgs_proto::model::Function]) -> Vec<&str> {
    functions
        .iter()
        .map(|f| f.func_name.as_deref().unwrap_or("?"))
        .collect()
}

#[test]
fn pages_are_a_stream() {
    let (client, seen) = two_pages();
    let mut pages = client.pages(List::new());
    assert_eq!(pages.size_hint(), (0, None));

    let first = next(&mut pages).unwrap().unwrap();
    assert_eq!(names(first.functions.as_deref().unwrap()), ["a", "b"]);
    let second = next(&mut pages).unwrap().unwrap();
    assert_eq!(names(second.functions.as_deref().unwrap()), ["c"]);
    assert!(next(&mut pages).is_none(), "ends after the last page");
    assert!(next(&mut pages).is_none(), "and stays ended");

    assert_eq!(
        *seen.lock().unwrap(),
        ["/v2/p1/fgs/functions", "/v2/p1/fgs/functions?marker=2"]
    );
}

#[test]
fn items_are_a_stream() {
    let (client, seen) = two_pages();
    let mut items = client.pages(List::new()).items();
    let mut read = Vec::new();
    while let Some(item) = next(&mut items) {
        read.push(item.unwrap().func_name.unwrap_or_default());
    }
    assert_eq!(read, ["a", "b", "c"]);
    assert_eq!(seen.lock().unwrap().len(), 2, "one request per page");
}
