//! Routing: which of the 21 operations a method and raw path name.
//!
//! The raw path is split on `/` **before** each segment is percent-decoded, so a `%2F`
//! inside a URN stays inside its segment, and a URN may arrive raw (`:`) or encoded
//! (`%3A`).

use http::Method;
use percent_encoding::percent_decode_str;

/// An operation of the FunctionGraph v2 API, named after the Go SDK method (trigger
/// operations carry a `Trigger(s)` suffix). Used to aim [`Fault`](crate::Fault)s.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Route {
    /// Matches every request, including ones that name no operation.
    Any,
    /// `POST /v2/{project_id}/fgs/functions`
    Create,
    /// `GET /v2/{project_id}/fgs/functions`
    List,
    /// `GET …/functions/{urn}/config`
    GetMetadata,
    /// `GET …/functions/{urn}/code`
    GetCode,
    /// `DELETE …/functions/{urn}`
    Delete,
    /// `PUT …/functions/{urn}/code`
    UpdateCode,
    /// `PUT …/functions/{urn}/config`
    UpdateMetadata,
    /// `POST …/functions/{urn}/versions`
    CreateVersion,
    /// `GET …/functions/{urn}/versions`
    ListVersion,
    /// `POST …/functions/{urn}/aliases`
    CreateAlias,
    /// `PUT …/functions/{urn}/aliases/{name}`
    UpdateAlias,
    /// `DELETE …/functions/{urn}/aliases/{name}`
    DeleteAlias,
    /// `GET …/functions/{urn}/aliases/{name}`
    GetAlias,
    /// `GET …/functions/{urn}/aliases`
    ListAlias,
    /// `POST …/functions/{urn}/invocations`
    Invoke,
    /// `POST …/functions/{urn}/invocations-async`
    AsyncInvoke,
    /// `GET /v2/{project_id}/fgs/triggers/{urn}`
    ListTriggers,
    /// `POST /v2/{project_id}/fgs/triggers/{urn}`
    CreateTrigger,
    /// `DELETE …/triggers/{urn}/{type}/{id}`
    DeleteTrigger,
    /// `GET …/triggers/{urn}/{type}/{id}`
    GetTrigger,
    /// `DELETE /v2/{project_id}/fgs/triggers/{urn}`
    DeleteAllTriggers,
}

impl Route {
    /// Whether a fault aimed at `self` applies to a request routed to `actual` (`None`
    /// for a request that names no operation).
    pub fn matches(self, actual: Option<Route>) -> bool {
        self == Route::Any || Some(self) == actual
    }
}

/// A routed request: the operation and its path parameters, percent-decoded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Matched {
    pub route: Route,
    pub project_id: String,
    pub function_urn: Option<String>,
    pub alias: Option<String>,
    pub trigger: Option<TriggerRef>,
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

/// Routes `method` + `raw_path` (the path as it came on the wire).
pub(crate) fn route(method: &Method, raw_path: &str) -> Result<Matched, RouteError> {
    let segments = decode_segments(raw_path)?;
    let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
    let ["v2", project_id, "fgs", rest @ ..] = segments.as_slice() else {
        return Err(RouteError::NotFound);
    };
    let mut matched = Matched {
        route: Route::Any,
        project_id: (*project_id).to_owned(),
        function_urn: None,
        alias: None,
        trigger: None,
    };
    let urn = |m: &mut Matched, urn: &str| m.function_urn = Some(urn.to_owned());
    let allowed: &[(Method, Route)] = match rest {
        ["functions"] => &[(Method::GET, Route::List), (Method::POST, Route::Create)],
        ["functions", u] => {
            urn(&mut matched, u);
            &[(Method::DELETE, Route::Delete)]
        }
        ["functions", u, leaf] => {
            urn(&mut matched, u);
            match *leaf {
                "config" => &[
                    (Method::GET, Route::GetMetadata),
                    (Method::PUT, Route::UpdateMetadata),
                ],
                "code" => &[
                    (Method::GET, Route::GetCode),
                    (Method::PUT, Route::UpdateCode),
                ],
                "versions" => &[
                    (Method::GET, Route::ListVersion),
                    (Method::POST, Route::CreateVersion),
                ],
                "aliases" => &[
                    (Method::GET, Route::ListAlias),
                    (Method::POST, Route::CreateAlias),
                ],
                "invocations" => &[(Method::POST, Route::Invoke)],
                "invocations-async" => &[(Method::POST, Route::AsyncInvoke)],
                _ => return Err(RouteError::NotFound),
            }
        }
        ["functions", u, "aliases", alias] => {
            urn(&mut matched, u);
            matched.alias = Some((*alias).to_owned());
            &[
                (Method::GET, Route::GetAlias),
                (Method::PUT, Route::UpdateAlias),
                (Method::DELETE, Route::DeleteAlias),
            ]
        }
        ["triggers", u] => {
            urn(&mut matched, u);
            &[
                (Method::GET, Route::ListTriggers),
                (Method::POST, Route::CreateTrigger),
                (Method::DELETE, Route::DeleteAllTriggers),
            ]
        }
        ["triggers", u, type_code, id] => {
            urn(&mut matched, u);
            matched.trigger = Some(TriggerRef {
                type_code: (*type_code).to_owned(),
                id: (*id).to_owned(),
            });
            &[
                (Method::GET, Route::GetTrigger),
                (Method::DELETE, Route::DeleteTrigger),
            ]
        }
        _ => return Err(RouteError::NotFound),
    };
    match allowed.iter().find(|(m, _)| m == method) {
        Some((_, route)) => {
            matched.route = *route;
            Ok(matched)
        }
        None => Err(RouteError::MethodNotAllowed(
            allowed.iter().map(|(m, _)| m.clone()).collect(),
        )),
    }
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

    #[test]
    fn routes_every_operation() {
        let cases = [
            (Method::POST, "/functions", Route::Create),
            (Method::GET, "/functions", Route::List),
            (Method::GET, "/functions/f/config", Route::GetMetadata),
            (Method::PUT, "/functions/f/config", Route::UpdateMetadata),
            (Method::GET, "/functions/f/code", Route::GetCode),
            (Method::PUT, "/functions/f/code", Route::UpdateCode),
            (Method::DELETE, "/functions/f", Route::Delete),
            (Method::POST, "/functions/f/versions", Route::CreateVersion),
            (Method::GET, "/functions/f/versions", Route::ListVersion),
            (Method::POST, "/functions/f/aliases", Route::CreateAlias),
            (Method::GET, "/functions/f/aliases", Route::ListAlias),
            (Method::GET, "/functions/f/aliases/a", Route::GetAlias),
            (Method::PUT, "/functions/f/aliases/a", Route::UpdateAlias),
            (Method::DELETE, "/functions/f/aliases/a", Route::DeleteAlias),
            (Method::POST, "/functions/f/invocations", Route::Invoke),
            (
                Method::POST,
                "/functions/f/invocations-async",
                Route::AsyncInvoke,
            ),
            (Method::GET, "/triggers/f", Route::ListTriggers),
            (Method::POST, "/triggers/f", Route::CreateTrigger),
            (Method::DELETE, "/triggers/f", Route::DeleteAllTriggers),
            (Method::GET, "/triggers/f/TIMER/id", Route::GetTrigger),
            (Method::DELETE, "/triggers/f/TIMER/id", Route::DeleteTrigger),
        ];
        for (method, path, expected) in cases {
            let m = route(&method, &format!("{P}{path}")).unwrap();
            assert_eq!(m.route, expected, "{method} {path}");
            assert_eq!(m.project_id, "p1");
        }
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
