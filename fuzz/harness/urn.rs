//! Target `urn`: function URNs as text.
//!
//! 1. `FunctionUrn::from_str` on the input (lossy UTF-8): what parses displays as the
//!    very text it came from and parses back to an equal value (the parse loses
//!    nothing), and its unqualified form round-trips too.
//! 2. `GetMetadata::new(text).request(..)`: either `InvalidInput`, or a request whose
//!    path is exactly `/v2/{project}/fgs/functions/{segment}/config`, where the segment
//!    holds only unreserved characters and `%XX` escapes and decodes back to the text.
//!    No URN can add, remove or change a path segment.

use fgs_proto::functions::GetMetadata;
use fgs_proto::{Config, Credentials, Error, FunctionUrn, Operation};
use percent_encoding::percent_decode_str;

/// What one input did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Outcome {
    /// Whether the text parsed as a `FunctionUrn`.
    pub parsed: bool,
    /// Whether `GetMetadata` built a request for it.
    pub built: bool,
}

/// Runs one fuzz input.
pub(crate) fn run(data: &[u8]) -> Outcome {
    let text = String::from_utf8_lossy(data);
    Outcome {
        parsed: parse_round_trips(&text),
        built: path_is_one_segment(&text),
    }
}

fn parse_round_trips(text: &str) -> bool {
    let Ok(urn) = text.parse::<FunctionUrn>() else {
        return false;
    };
    let shown = urn.to_string();
    assert_eq!(shown, text, "display differs from the parsed text");
    assert_eq!(shown.parse::<FunctionUrn>().ok().as_ref(), Some(&urn));
    let unqualified = urn.unqualified();
    assert_eq!(unqualified.qualifier(), None);
    assert_eq!(
        unqualified.to_string().parse::<FunctionUrn>().ok(),
        Some(unqualified.clone()),
        "{unqualified}"
    );
    true
}

fn path_is_one_segment(text: &str) -> bool {
    let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("t"))
        .expect("a valid fixed config");
    let request = match GetMetadata::new(text).request(&config) {
        Ok(request) => request,
        Err(Error::InvalidInput(_)) => return false,
        Err(other) => panic!("GetMetadata::request failed with {other:?}"),
    };
    let path = request.uri().path();
    let segments: Vec<&str> = path.split('/').collect();
    assert_eq!(segments.len(), 7, "{path}");
    assert_eq!(
        segments[..5],
        ["", "v2", "p1", "fgs", "functions"],
        "{path}"
    );
    assert_eq!(segments[6], "config", "{path}");
    let segment = segments[5];
    assert!(
        segment
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.~%".contains(&b)),
        "{segment}"
    );
    assert_eq!(
        percent_decode_str(segment).collect::<Vec<u8>>(),
        text.as_bytes(),
        "{segment}"
    );
    assert_eq!(request.uri().query(), None);
    true
}
