//! A server that always offers another page cannot keep a walk going (point 9).

use fgs_proto::functions::List;
use fgs_testkit::{Async, Blocking, Received, Reply, TestServer, token_config};
use fgs_tests::Connect;

/// What the scenarios need beyond [`Sdk`]: a walk with a page cap, and whether it
/// ended there.
pub(crate) trait CappedWalk: Connect {
    /// Walks `List` with `cap` (`None`: the default) and returns (items, capped).
    fn walk(&self, cap: Option<u64>) -> (usize, bool);
}

impl CappedWalk for Blocking {
    fn walk(&self, cap: Option<u64>) -> (usize, bool) {
        let mut pages = self.0.pages(List::new());
        if let Some(cap) = cap {
            pages = pages.max_pages(cap);
        }
        let mut items = 0;
        for page in pages.by_ref() {
            items += page.expect("a page").functions().len();
        }
        (items, pages.is_capped())
    }
}

impl CappedWalk for Async {
    fn walk(&self, cap: Option<u64>) -> (usize, bool) {
        self.block_on(async {
            let mut pages = self.client.pages(List::new());
            if let Some(cap) = cap {
                pages = pages.max_pages(cap);
            }
            let mut items = 0;
            while let Some(page) = pages.next().await {
                items += page.expect("a page").functions().len();
            }
            (items, pages.is_capped())
        })
    }
}

/// One function per page and always a next marker: `next(marker)`, no count.
fn endless(next: fn(u64) -> u64) -> TestServer {
    TestServer::start(move |request: &Received| {
        let marker = request
            .query()
            .and_then(|q| q.split('&').find_map(|kv| kv.strip_prefix("marker=")))
            .and_then(|m| m.parse::<u64>().ok())
            .unwrap_or(0);
        let body = format!(
            r#"{{"functions":[{{"func_name":"f{marker}"}}],"next_marker":{}}}"#,
            next(marker)
        );
        Reply::json(200, &body)
    })
}

/// The cap ends the walk (the default cap, 10 000 pages, is proven in fgs-proto's
/// pager tests: through the clients it takes 2.5 s (hyper) to 7.7 s (ureq) in a debug
/// build).
pub(crate) fn an_endless_listing_stops_at_the_page_cap<S: CappedWalk>() {
    let server = endless(|m| m + 1);
    let sdk = S::connect(token_config(&server.url()), fgs_proto::RetryPolicy::none());
    let (items, capped) = sdk.walk(Some(25));
    assert_eq!((items, capped), (25, true), "{}", sdk.name());
    assert_eq!(server.request_count(), 25, "{}", sdk.name());
}

pub(crate) fn a_repeated_marker_ends_the_walk<S: CappedWalk>() {
    // Every page offers marker 7: the second page repeats it.
    let server = endless(|_| 7);
    let sdk = S::connect(token_config(&server.url()), fgs_proto::RetryPolicy::none());
    let (items, capped) = sdk.walk(None);
    assert_eq!((items, capped), (2, false), "{}", sdk.name());
    assert_eq!(server.request_count(), 2, "{}", sdk.name());
}
