//! The request line each step prints: method and path of the request the operation
//! built, made readable.

use http::Request;
use percent_encoding::percent_decode_str;

/// Placeholders that stand for long values in printed paths.
#[derive(Debug, Clone, Default)]
pub(super) struct Legend {
    /// Printed as `{project_id}`.
    pub project_id: String,
    /// The demo function's URN without qualifier, printed as `{urn}` once known.
    pub urn: Option<String>,
}

impl Legend {
    /// `METHOD /path?query` of `request`, with each path segment percent-decoded (a URN
    /// travels encoded: `%3A` for `:`) and the URN and project id shown as placeholders.
    pub(crate) fn request_line<B>(&self, request: &Request<B>) -> String {
        let path: Vec<String> = request
            .uri()
            .path()
            .split('/')
            .map(|segment| percent_decode_str(segment).decode_utf8_lossy().into_owned())
            .collect();
        let mut line = format!("{} {}", request.method(), path.join("/"));
        if let Some(query) = request.uri().query() {
            line.push('?');
            line.push_str(query);
        }
        self.shorten(&line)
    }

    /// `text` with the URN and the project id replaced by their placeholders (the URN
    /// first: it contains the project id).
    pub(crate) fn shorten(&self, text: &str) -> String {
        let text = match &self.urn {
            Some(urn) if !urn.is_empty() => text.replace(urn.as_str(), "{urn}"),
            _ => text.to_owned(),
        };
        if self.project_id.is_empty() {
            text
        } else {
            text.replace(self.project_id.as_str(), "{project_id}")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_segments_and_uses_placeholders() {
        let legend = Legend {
            project_id: "p123".into(),
            urn: Some("urn:fss:r1:p123:function:default:f".into()),
        };
        let request = Request::put(
            "http://h/v2/p123/fgs/functions/urn%3Afss%3Ar1%3Ap123%3Afunction%3Adefault%3Af%3A%21prod/config?a=1",
        )
        .body(())
        .unwrap();
        assert_eq!(
            legend.request_line(&request),
            "PUT /v2/{project_id}/fgs/functions/{urn}:!prod/config?a=1"
        );
        let before_create = Legend {
            urn: None,
            ..legend
        };
        assert_eq!(
            before_create.shorten("urn:fss:r1:p123:function:default:f"),
            "urn:fss:r1:{project_id}:function:default:f"
        );
    }
}
