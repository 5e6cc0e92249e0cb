//! Lazy paging through each adapter over a listing served by a scripted server.

use fgs_client::ClientSettings;
use fgs_proto::RetryPolicy;
use fgs_proto::functions::List;
use fgs_testkit::{Connect, Received, Reply, TestServer, token_config};

use fgs_testkit::this_adapter;

this_adapter!(
    pages_are_fetched_lazily_and_items_flattened,
    paging_stops_after_an_error,
);

/// Serves functions f0..f4 in pages of `maxitems`, paged by `marker`.
fn listing(request: &Received) -> Reply {
    let query = request.query().unwrap_or_default();
    let param = |key: &str| {
        query
            .split('&')
            .find_map(|kv| kv.strip_prefix(key)?.strip_prefix('='))
            .and_then(|v| v.parse::<usize>().ok())
    };
    let (marker, max) = (
        param("marker").unwrap_or(0),
        param("maxitems").unwrap_or(400),
    );
    let end = (marker + max).min(5);
    let functions: Vec<String> = (marker..end)
        .map(|i| format!(r#"{{"func_name":"f{i}"}}"#))
        .collect();
    Reply::json(
        200,
        &format!(
            r#"{{"functions":[{}],"next_marker":{end},"count":5}}"#,
            functions.join(",")
        ),
    )
}

fn pages_are_fetched_lazily_and_items_flattened<S: Connect>() {
    let server = TestServer::start(listing);
    let client = S::with_settings(&ClientSettings::new(), token_config(&server.url())).unwrap();
    let mut pages = client.pages(List::new().maxitems(2));
    assert_eq!(
        server.request_count(),
        0,
        "nothing is sent before iterating"
    );
    let first = pages.next().unwrap().unwrap();
    assert_eq!(first.functions.unwrap().len(), 2);
    assert_eq!(server.request_count(), 1);

    let names: Vec<String> = client
        .items(List::new().maxitems(2))
        .map(|f| f.unwrap().func_name.unwrap())
        .collect();
    assert_eq!(names, ["f0", "f1", "f2", "f3", "f4"]);
    let targets: Vec<String> = server.requests()[1..]
        .iter()
        .map(|r| r.query().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(
        targets,
        ["maxitems=2", "marker=2&maxitems=2", "marker=4&maxitems=2"]
    );
}

fn paging_stops_after_an_error<S: Connect>() {
    let server = TestServer::start(|request| {
        if request.index == 0 {
            listing(request)
        } else {
            Reply::fss_error(500, "FSS.0500", "broken", "r")
        }
    });
    let client = S::connect(token_config(&server.url()), RetryPolicy::none());
    let results: Vec<_> = client.pages(List::new().maxitems(2)).collect();
    assert_eq!(results.len(), 2);
    assert!(results[0].is_ok());
    assert_eq!(results[1].as_ref().unwrap_err().code(), Some("FSS.0500"));
    assert_eq!(server.request_count(), 2);

    let items: Vec<_> = client.items(List::new().maxitems(2)).collect();
    // The second listing fails on its first page (the server now always errors).
    assert_eq!(items.len(), 1);
    assert!(items[0].is_err());
}
