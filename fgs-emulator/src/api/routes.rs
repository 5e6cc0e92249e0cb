//! Routing: which operation of the registry a method and raw path name, matched
//! against the registry's path templates.
//!
//! The raw path is split on `/` **before** each segment is percent-decoded, so a `%2F`
//! inside a URN stays inside its segment, and a URN may arrive raw (`:`) or encoded
//! (`%3A`).

use fgs_proto::Operation;
use fgs_proto::registry::{self, OperationInfo};
use http::Method;
use percent_encoding::percent_decode_str;

/// What a [`Fault`](crate::Fault) is aimed at: every request, or one operation of the
/// registry ([`fgs_proto::registry`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Route {
    /// Matches every request, including ones that name no operation.
    Any,
    /// Requests routed to this operation.
    Operation(&'static OperationInfo),
}

impl Route {
    /// The route of operation type `O` (`Route::of::<functions::GetMetadata>()`).
    pub const fn of<O: Operation>() -> Route {
        Route::Operation(O::INFO)
    }

    /// The route of the registry operation named `name` ([`OperationInfo::name`]), if
    /// there is one.
    pub fn named(name: &str) -> Option<Route> {
        registry::by_name(name).map(Route::Operation)
    }

    /// Whether a fault aimed at `self` applies to a request routed to `actual` (`None`
    /// for a request that names no operation).
    pub fn matches(self, actual: Option<Route>) -> bool {
        self == Route::Any || Some(self) == actual
    }
}

impl From<&'static OperationInfo> for Route {
    fn from(info: &'static OperationInfo) -> Route {
        Route::Operation(info)
    }
}

/// A routed request: the operation and its path parameters, percent-decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Matched {
    pub operation: &'static OperationInfo,
    pub project_id: String,
    pub function_urn: Option<String>,
    pub alias: Option<String>,
    pub trigger: Option<TriggerRef>,
    /// Every path parameter by its template name, decoded.
    pub params: Vec<(&'static str, String)>,
}

impl Matched {
    /// The path parameter `name`, if the template has it.
    pub(crate) fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The route faults are matched against.
    pub(crate) fn route(&self) -> Route {
        Route::Operation(self.operation)
    }
}

/// `{trigger_type_code}/{trigger_id}` from a trigger path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct TriggerRef {
    pub type_code: String,
    pub id: String,
}

/// Why a path did not route.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum RouteError {
    /// No operation has this path.
    NotFound,
    /// The path exists, the method does not; the allowed methods.
    MethodNotAllowed(Vec<Method>),
    /// A segment is not valid UTF-8 once decoded.
    BadEncoding,
}

/// Routes `method` + `raw_path` (the path as it came on the wire). When several
/// templates match (a literal segment where another has a parameter), the one with
/// more literal segments wins.
pub(crate) fn route(method: &Method, raw_path: &str) -> Result<Matched, RouteError> {
    let segments = decode_segments(raw_path)?;
    let mut allowed = Vec::new();
    let mut best: Option<(&'static OperationInfo, Vec<(&str, &str)>)> = None;
    for &info in registry::ALL {
        let Some(params) = info.match_segments(&segments) else {
            continue;
        };
        if info.method != *method {
            allowed.push(info.method.clone());
        } else if best
            .as_ref()
            .is_none_or(|(b, _)| info.literal_count() > b.literal_count())
        {
            best = Some((info, params));
        }
    }
    let Some((operation, params)) = best else {
        if allowed.is_empty() {
            return Err(RouteError::NotFound);
        }
        allowed.sort_by(|a, b| a.as_str().cmp(b.as_str()));
        allowed.dedup();
        return Err(RouteError::MethodNotAllowed(allowed));
    };
    let param = |name: &str| {
        params
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| (*v).to_owned())
    };
    Ok(Matched {
        operation,
        project_id: param("project_id").unwrap_or_default(),
        function_urn: param("function_urn"),
        alias: param("alias_name"),
        trigger: param("trigger_type_code")
            .zip(param("trigger_id"))
            .map(|(type_code, id)| TriggerRef { type_code, id }),
        params: params
            .iter()
            .map(|(name, value)| (*name, (*value).to_owned()))
            .collect(),
    })
}

/// Splits the raw path on `/`, then decodes each segment. One trailing `/` is tolerated;
/// any other empty segment makes the path unknown.
fn decode_segments(raw_path: &str) -> Result<Vec<String>, RouteError> {
    let path = raw_path.strip_prefix('/').ok_or(RouteError::NotFound)?;
    let path = path.strip_suffix('/').unwrap_or(path);
    path.split('/')
        .map(|segment| {
            if segment.is_empty() {
                return Err(RouteError::NotFound);
            }
            percent_decode_str(segment)
                .decode_utf8()
                .map(|s| s.into_owned())
                .map_err(|_| RouteError::BadEncoding)
        })
        .collect()
}

/// The decoded `key=value` pairs of a raw query string (`+` is kept literally: the
/// signing canonicalization treats the query as percent-encoded only).
pub(crate) fn query_pairs(raw_query: Option<&str>) -> Vec<(String, String)> {
    let decode = |s: &str| percent_decode_str(s).decode_utf8_lossy().into_owned();
    raw_query
        .unwrap_or_default()
        .split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| match pair.split_once('=') {
            Some((k, v)) => (decode(k), decode(v)),
            None => (decode(pair), String::new()),
        })
        .collect()
}

/// The first non-empty value of `key` among decoded query pairs.
pub(crate) fn query_value<'q>(pairs: &'q [(String, String)], key: &str) -> Option<&'q str> {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
        .filter(|v| !v.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    const P: &str = "/v2/p1/fgs";

    /// A concrete path for `info`'s template: each parameter by its name.
    fn sample_path(info: &OperationInfo) -> String {
        info.path
            .split('/')
            .map(|segment| match segment.strip_prefix('{') {
                Some("project_id}") => "p1".to_owned(),
                Some(param) => format!("x-{}", param.trim_end_matches('}')),
                None => segment.to_owned(),
            })
            .collect::<Vec<_>>()
            .join("/")
    }

    #[test]
    fn routes_every_operation_of_the_registry() {
        for info in registry::ALL {
            let path = sample_path(info);
            let m = route(&info.method, &path)
                .unwrap_or_else(|e| panic!("{}: {path} does not route: {e:?}", info.name));
            assert_eq!(m.operation, *info, "{} {path}", info.method);
            assert_eq!(m.project_id, "p1");
        }
    }

    #[test]
    fn path_parameters_are_read_by_name() {
        let m = route(&Method::PUT, &format!("{P}/functions/f/aliases/a")).unwrap();
        assert_eq!(m.route(), Route::of::<fgs_proto::functions::UpdateAlias>());
        assert_eq!(m.function_urn.as_deref(), Some("f"));
        assert_eq!(m.alias.as_deref(), Some("a"));
        let m = route(&Method::GET, &format!("{P}/triggers/f/TIMER/id")).unwrap();
        assert_eq!(m.route(), Route::named("GetTrigger").unwrap());
        assert_eq!(
            m.trigger.map(|t| (t.type_code, t.id)),
            Some(("TIMER".into(), "id".into()))
        );
        assert_eq!(Route::named("NoSuchOperation"), None);
    }

    #[test]
    fn decodes_segments_after_splitting() {
        let m = route(&Method::GET, "/v2/p1/fgs/functions/a%2Fb%3Ac/config").unwrap();
        assert_eq!(m.function_urn.as_deref(), Some("a/b:c"));
        let m = route(
            &Method::GET,
            "/v2/p1/fgs/functions/p1:default:f:!dev/config/",
        )
        .unwrap();
        assert_eq!(m.function_urn.as_deref(), Some("p1:default:f:!dev"));
        let m = route(&Method::DELETE, "/v2/p1/fgs/triggers/f/TIMER/x%20y").unwrap();
        assert_eq!(
            m.trigger,
            Some(TriggerRef {
                type_code: "TIMER".into(),
                id: "x y".into()
            })
        );
    }

    #[test]
    fn unknown_paths_and_methods() {
        for path in [
            "",
            "/",
            "/v2",
            "/v1.0/p1/fss/functions",
            "/v2/p1/fgs/functions/f/nope",
            "/v2/p1/fgs/functions//config",
            "/v2/p1/fgs/other",
            "/v2/p1/fgs/functions/f/aliases/a/b",
        ] {
            assert_eq!(
                route(&Method::GET, path),
                Err(RouteError::NotFound),
                "{path}"
            );
        }
        assert_eq!(
            route(&Method::PATCH, "/v2/p1/fgs/functions"),
            Err(RouteError::MethodNotAllowed(vec![
                Method::GET,
                Method::POST
            ]))
        );
        assert_eq!(
            route(&Method::GET, "/v2/p1/fgs/functions/%FF/config"),
            Err(RouteError::BadEncoding)
        );
    }

    #[test]
    fn query() {
        assert_eq!(
            query_pairs(Some("marker=1&func_name=a%20b&flag&=x")),
            vec![
                ("marker".into(), "1".into()),
                ("func_name".into(), "a b".into()),
                ("flag".into(), String::new()),
                (String::new(), "x".into()),
            ]
        );
        assert!(query_pairs(None).is_empty());
        let pairs = query_pairs(Some("a=&a=2&b=3"));
        assert_eq!(
            query_value(&pairs, "a"),
            None,
            "the first value counts, and it is empty"
        );
        assert_eq!(query_value(&pairs, "b"), Some("3"));
    }
}
