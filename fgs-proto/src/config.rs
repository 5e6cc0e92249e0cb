//! Where requests go and how they are authorized.

use std::fmt;

use http::HeaderValue;
use http::uri::{Authority, Scheme};

use crate::auth::Credentials;
use crate::encoding;
use crate::error::Error;
use crate::secret::Secret;

/// The `User-Agent` fgs sends unless told otherwise.
pub const DEFAULT_USER_AGENT: &str = concat!("fgs-rust/", env!("CARGO_PKG_VERSION"));

/// A service endpoint: scheme, authority, and an optional path prefix (for gateways that
/// mount the API below a path).
#[derive(Clone, PartialEq, Eq)]
pub struct Endpoint {
    scheme: Scheme,
    authority: Authority,
    prefix: String,
}

impl Endpoint {
    /// The public endpoint of a region: `https://functiongraph.{region}.myhuaweicloud.com`.
    pub fn for_region(region: &str) -> Result<Self, Error> {
        if region.is_empty()
            || !region
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        {
            return Err(Error::invalid_input(
                "region",
                format!("`{region}` is not a region id (letters, digits, `-`)"),
            ));
        }
        Endpoint::parse(&format!("https://functiongraph.{region}.myhuaweicloud.com"))
    }

    /// Parses an explicit endpoint URL: `http://127.0.0.1:8080`,
    /// `https://fgs.example.com/gateway`. Only `http` and `https` are accepted; a query or
    /// fragment is rejected.
    ///
    /// The host must not be empty, and a port, when given, must be 1–65535: an
    /// out-of-range port is an error, not a silent fallback to the scheme's default.
    /// The error text never shows user info (`user:password@`), which may hold a
    /// password.
    pub fn parse(url: &str) -> Result<Self, Error> {
        let shown = without_user_info(url);
        let bad = |why: &str| Error::invalid_input("endpoint", format!("`{shown}`: {why}"));
        let uri: http::Uri = url.parse().map_err(|_| bad("not a valid URL"))?;
        let scheme = uri.scheme().cloned().ok_or_else(|| bad("missing scheme"))?;
        if scheme != Scheme::HTTP && scheme != Scheme::HTTPS {
            return Err(bad("scheme must be http or https"));
        }
        let authority = uri
            .authority()
            .cloned()
            .ok_or_else(|| bad("missing host"))?;
        if authority.host().is_empty() {
            return Err(bad("missing host"));
        }
        if authority.as_str().contains('@') {
            return Err(bad("user info is not supported"));
        }
        // `http::Uri` accepts any digits as a port and `port_u16` is then `None`:
        // clients would connect to the default port instead.
        let after_host = &authority.as_str()[authority.host().len()..];
        if let Some(port) = after_host.strip_prefix(':') {
            match port.parse::<u16>() {
                Ok(1..) => {}
                _ => return Err(bad("the port must be a number from 1 to 65535")),
            }
        }
        if uri.query().is_some() || url.contains('#') {
            return Err(bad("query and fragment are not allowed"));
        }
        let prefix = uri.path().trim_end_matches('/').to_owned();
        Ok(Endpoint {
            scheme,
            authority,
            prefix,
        })
    }

    /// `http` or `https`.
    pub fn scheme(&self) -> &Scheme {
        &self.scheme
    }

    /// `host[:port]`, exactly as configured (and as signed in the `Host` header).
    pub fn authority(&self) -> &Authority {
        &self.authority
    }

    /// The path prefix, without a trailing `/` (empty for none).
    pub fn prefix(&self) -> &str {
        &self.prefix
    }
}

/// `url` with the user info of its authority (everything up to the last `@` before
/// the path) replaced by `***`, so that an error text cannot echo a password.
fn without_user_info(url: &str) -> std::borrow::Cow<'_, str> {
    let start = url.find("://").map_or(0, |i| i + 3);
    let rest = &url[start..];
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    match rest[..end].rfind('@') {
        Some(at) => format!("{}***{}", &url[..start], &rest[at..]).into(),
        None => url.into(),
    }
}

impl fmt::Display for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}://{}{}", self.scheme, self.authority, self.prefix)
    }
}

impl fmt::Debug for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Endpoint({self})")
    }
}

/// Everything a request needs besides the operation: endpoint, project and credentials.
///
/// ```
/// use fgs_proto::{Config, Credentials};
///
/// let config = Config::new(
///     "http://127.0.0.1:8080",
///     "0123456789abcdef0123456789abcdef",
///     Credentials::ak_sk("AK", "SK"),
/// )?;
/// assert_eq!(config.endpoint().to_string(), "http://127.0.0.1:8080");
/// # Ok::<(), fgs_proto::Error>(())
/// ```
#[derive(Clone)]
pub struct Config {
    endpoint: Endpoint,
    project_id: String,
    /// `project_id` as the `X-Project-Id` value of AK/SK requests, made once: a
    /// `HeaderValue` made per request is an allocation and a validation per request.
    project_id_header: HeaderValue,
    credentials: Credentials,
    region: Option<String>,
    user_agent: HeaderValue,
    /// `{scheme}://{authority}{prefix}/v2/{project_id}/fgs`, computed once.
    base_url: String,
    /// The credentials (and the project id, if empty) are still to come from a
    /// provider: requests cannot be authorized yet.
    provided: bool,
}

impl Config {
    /// A config for an explicit endpoint URL.
    pub fn new(
        endpoint: &str,
        project_id: impl Into<String>,
        credentials: Credentials,
    ) -> Result<Self, Error> {
        Config::with_endpoint(Endpoint::parse(endpoint)?, project_id, credentials)
    }

    /// A config for a region's public endpoint.
    pub fn for_region(
        region: &str,
        project_id: impl Into<String>,
        credentials: Credentials,
    ) -> Result<Self, Error> {
        let mut config =
            Config::with_endpoint(Endpoint::for_region(region)?, project_id, credentials)?;
        config.region = Some(region.to_owned());
        Ok(config)
    }

    /// A config for an already parsed [`Endpoint`].
    pub fn with_endpoint(
        endpoint: Endpoint,
        project_id: impl Into<String>,
        credentials: Credentials,
    ) -> Result<Self, Error> {
        let project_id = project_id.into();
        validate_project_id(&project_id)?;
        validate_credentials(&credentials)?;
        let base_url = format!("{endpoint}/v2/{}/fgs", encoding::encode(&project_id));
        Ok(Config {
            endpoint,
            project_id_header: project_id_header(&project_id)?,
            project_id,
            credentials,
            region: None,
            user_agent: HeaderValue::from_static(DEFAULT_USER_AGENT),
            base_url,
            provided: false,
        })
    }

    /// A config whose credentials come from a credentials provider that the client
    /// drives (fgs-client's `ClientBuilder::credentials_provider`, by default the
    /// official chain); so does the project id when `project_id` is `None` (from the
    /// provider, else looked up in IAM by the region). Until the client fills them in
    /// ([`Config::with_credentials`], [`Config::with_project_id`]), requests cannot be
    /// authorized ([`Config::needs_provider`]).
    ///
    /// ```
    /// use fgs_proto::{Config, Endpoint};
    /// let config = Config::from_provider(Endpoint::for_region("cn-north-4")?, None)?
    ///     .with_region("cn-north-4");
    /// assert!(config.needs_provider());
    /// assert_eq!(config.project_id(), "");
    /// # Ok::<(), fgs_proto::Error>(())
    /// ```
    pub fn from_provider(endpoint: Endpoint, project_id: Option<String>) -> Result<Self, Error> {
        if let Some(project_id) = &project_id {
            validate_project_id(project_id)?;
        }
        let project_id = project_id.unwrap_or_default();
        let base_url = format!("{endpoint}/v2/{}/fgs", encoding::encode(&project_id));
        Ok(Config {
            endpoint,
            project_id_header: project_id_header(&project_id)?,
            project_id,
            credentials: Credentials::token("provided"),
            region: None,
            user_agent: HeaderValue::from_static(DEFAULT_USER_AGENT),
            base_url,
            provided: true,
        })
    }

    /// Whether the credentials are still to come from a provider (see
    /// [`Config::from_provider`]).
    pub fn needs_provider(&self) -> bool {
        self.provided || self.project_id.is_empty()
    }

    /// The same config with other credentials (a provider's). Checked as
    /// [`Config::new`] checks them.
    pub fn with_credentials(mut self, credentials: Credentials) -> Result<Self, Error> {
        validate_credentials(&credentials)?;
        self.credentials = credentials;
        self.provided = false;
        Ok(self)
    }

    /// The same config with another project id (a provider's, or IAM's).
    pub fn with_project_id(mut self, project_id: impl Into<String>) -> Result<Self, Error> {
        let project_id = project_id.into();
        validate_project_id(&project_id)?;
        self.base_url = format!("{}/v2/{}/fgs", self.endpoint, encoding::encode(&project_id));
        self.project_id_header = project_id_header(&project_id)?;
        self.project_id = project_id;
        Ok(self)
    }

    /// Reads the configuration through `lookup` (pass `|k| std::env::var(k).ok()` for the
    /// process environment; tests pass a map). Empty values count as unset.
    ///
    /// | variable | meaning |
    /// |---|---|
    /// | `FGS_ENDPOINT` | explicit endpoint URL (wins over `FGS_REGION`) |
    /// | `FGS_REGION` | region id, e.g. `cn-north-4` |
    /// | `HUAWEICLOUD_SDK_PROJECT_ID` | project id (required) |
    /// | `HUAWEICLOUD_SDK_AK`, `HUAWEICLOUD_SDK_SK` | AK/SK credentials (preferred when set) |
    /// | `HUAWEICLOUD_SDK_SECURITY_TOKEN` | security token of temporary AK/SK |
    /// | `FGS_AUTH_TOKEN` | IAM token, used when no AK/SK is set |
    ///
    /// ```
    /// use std::collections::HashMap;
    /// let env = HashMap::from([
    ///     ("FGS_REGION", "cn-north-4"),
    ///     ("HUAWEICLOUD_SDK_PROJECT_ID", "0123456789abcdef0123456789abcdef"),
    ///     ("FGS_AUTH_TOKEN", "token"),
    /// ]);
    /// let config = fgs_proto::Config::from_env(|k| env.get(k).map(|v| v.to_string()))?;
    /// assert_eq!(config.region(), Some("cn-north-4"));
    /// # Ok::<(), fgs_proto::Error>(())
    /// ```
    pub fn from_env(lookup: impl Fn(&str) -> Option<String>) -> Result<Self, Error> {
        let var = |name: &str| lookup(name).filter(|v| !v.is_empty());
        // Secret values go straight into a `Secret`, so that they are wiped on drop on
        // every path, the error paths included.
        let secret = |name: &str| var(name).map(Secret::new);
        let project_id = var("HUAWEICLOUD_SDK_PROJECT_ID")
            .ok_or_else(|| Error::invalid_input("HUAWEICLOUD_SDK_PROJECT_ID", "is not set"))?;
        let credentials = match (var("HUAWEICLOUD_SDK_AK"), secret("HUAWEICLOUD_SDK_SK")) {
            (Some(ak), Some(sk)) => match secret("HUAWEICLOUD_SDK_SECURITY_TOKEN") {
                Some(token) => Credentials::temporary_ak_sk(ak, sk, token),
                None => Credentials::ak_sk(ak, sk),
            },
            (Some(_), None) => {
                return Err(Error::invalid_input(
                    "HUAWEICLOUD_SDK_SK",
                    "is not set but HUAWEICLOUD_SDK_AK is",
                ));
            }
            (None, Some(_)) => {
                return Err(Error::invalid_input(
                    "HUAWEICLOUD_SDK_AK",
                    "is not set but HUAWEICLOUD_SDK_SK is",
                ));
            }
            (None, None) => match secret("FGS_AUTH_TOKEN") {
                Some(token) => Credentials::token(token),
                None => {
                    return Err(Error::invalid_input(
                        "credentials",
                        "set HUAWEICLOUD_SDK_AK and HUAWEICLOUD_SDK_SK, or FGS_AUTH_TOKEN",
                    ));
                }
            },
        };
        let region = var("FGS_REGION");
        let mut config = match (var("FGS_ENDPOINT"), &region) {
            (Some(endpoint), _) => Config::new(&endpoint, project_id, credentials)?,
            (None, Some(region)) => Config::for_region(region, project_id, credentials)?,
            (None, None) => {
                return Err(Error::invalid_input(
                    "endpoint",
                    "set FGS_ENDPOINT or FGS_REGION",
                ));
            }
        };
        config.region = region;
        Ok(config)
    }

    /// Replaces the `User-Agent` (default [`DEFAULT_USER_AGENT`]). It is set when the
    /// request is built, so it is covered by the AK/SK signature.
    pub fn with_user_agent(mut self, user_agent: &str) -> Result<Self, Error> {
        self.user_agent = HeaderValue::from_str(user_agent)
            .map_err(|_| Error::invalid_input("user_agent", "not a valid header value"))?;
        Ok(self)
    }

    /// Records the region (informational; e.g. for building full URNs).
    pub fn with_region(mut self, region: impl Into<String>) -> Self {
        self.region = Some(region.into());
        self
    }

    /// The endpoint.
    pub fn endpoint(&self) -> &Endpoint {
        &self.endpoint
    }

    /// The project id.
    pub fn project_id(&self) -> &str {
        &self.project_id
    }

    /// The project id as an `X-Project-Id` header value.
    pub(crate) fn project_id_header(&self) -> &HeaderValue {
        &self.project_id_header
    }

    /// The credentials.
    pub fn credentials(&self) -> &Credentials {
        &self.credentials
    }

    /// The region, when known.
    pub fn region(&self) -> Option<&str> {
        self.region.as_deref()
    }

    /// The `User-Agent` sent with every request.
    pub fn user_agent(&self) -> &HeaderValue {
        &self.user_agent
    }

    /// `{endpoint}/v2/{project_id}/fgs`: every operation's path starts here.
    pub(crate) fn base_url(&self) -> &str {
        &self.base_url
    }
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("endpoint", &self.endpoint)
            .field("project_id", &self.project_id)
            .field("credentials", &self.credentials)
            .field("region", &self.region)
            .field("user_agent", &self.user_agent)
            .field("needs_provider", &self.needs_provider())
            .finish()
    }
}

/// The `X-Project-Id` value of a project id (one [`validate_project_id`] accepted, or the
/// empty one of a config still waiting for its provider).
fn project_id_header(project_id: &str) -> Result<HeaderValue, Error> {
    HeaderValue::from_str(project_id).map_err(|e| Error::invalid_input("project_id", e.to_string()))
}

fn validate_project_id(project_id: &str) -> Result<(), Error> {
    let path_safe = project_id
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~'));
    if project_id.is_empty() || !path_safe || project_id == "." || project_id == ".." {
        return Err(Error::invalid_input(
            "project_id",
            "must be a non-empty token of letters, digits, `-`, `_`, `.`, `~`",
        ));
    }
    Ok(())
}

fn validate_credentials(credentials: &Credentials) -> Result<(), Error> {
    let header_safe = |s: &str| HeaderValue::from_str(s).is_ok();
    match credentials {
        Credentials::Token(token) => {
            if token.is_empty() || !header_safe(token.expose()) {
                return Err(Error::invalid_input(
                    "token",
                    "must be a non-empty, printable ASCII header value",
                ));
            }
        }
        Credentials::AkSk(k) => {
            if k.access_key().is_empty()
                || !k
                    .access_key()
                    .bytes()
                    .all(|b| b.is_ascii_graphic() && b != b',')
            {
                return Err(Error::invalid_input(
                    "access_key",
                    "must be a non-empty token of printable ASCII without `,`",
                ));
            }
            if k.secret_key().is_empty() {
                return Err(Error::invalid_input("secret_key", "must not be empty"));
            }
            if let Some(token) = k.security_token()
                && (token.is_empty() || !header_safe(token.expose()))
            {
                return Err(Error::invalid_input(
                    "security_token",
                    "must be a non-empty, printable ASCII header value",
                ));
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    const PID: &str = "0123456789abcdef0123456789abcdef";

    fn env(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        move |k| map.get(k).cloned()
    }

    #[test]
    fn region_endpoint() {
        let c = Config::for_region("cn-north-4", PID, Credentials::token("t")).unwrap();
        assert_eq!(
            c.endpoint().to_string(),
            "https://functiongraph.cn-north-4.myhuaweicloud.com"
        );
        assert_eq!(
            c.base_url(),
            format!("https://functiongraph.cn-north-4.myhuaweicloud.com/v2/{PID}/fgs")
        );
        assert!(Config::for_region("cn/north", PID, Credentials::token("t")).is_err());
    }

    #[test]
    fn explicit_endpoints() {
        let c = Config::new("http://127.0.0.1:8080", PID, Credentials::token("t")).unwrap();
        assert_eq!(c.endpoint().authority().as_str(), "127.0.0.1:8080");
        assert_eq!(c.base_url(), format!("http://127.0.0.1:8080/v2/{PID}/fgs"));
        let c = Config::new("https://gw.example.com/api/", PID, Credentials::token("t")).unwrap();
        assert_eq!(
            c.base_url(),
            format!("https://gw.example.com/api/v2/{PID}/fgs")
        );
        for bad in [
            "ftp://x",
            "127.0.0.1:8080",
            "http://",
            "http://h/?q=1",
            "http://u@h",
            "",
            "http://127.0.0.1:99999",
            "http://127.0.0.1:65536",
            "http://127.0.0.1:0",
            "http://h:",
            "http://:8080",
            "http://[::1]:70000",
        ] {
            let e = Config::new(bad, PID, Credentials::token("t")).unwrap_err();
            assert!(
                matches!(&e, Error::InvalidInput(i) if i.field() == "endpoint"),
                "{bad}: {e}"
            );
        }
    }

    #[test]
    fn ports_in_range_are_kept() {
        for (url, port) in [
            ("http://127.0.0.1:1", 1),
            ("http://127.0.0.1:65535", 65535),
            ("http://[::1]:8080", 8080),
        ] {
            let c = Config::new(url, PID, Credentials::token("t")).unwrap();
            assert_eq!(c.endpoint().authority().port_u16(), Some(port), "{url}");
        }
        let c = Config::new("http://[::1]", PID, Credentials::token("t")).unwrap();
        assert_eq!(c.endpoint().authority().port_u16(), None);
    }

    #[test]
    fn user_info_is_not_echoed() {
        for url in [
            "http://admin:hunter2@h",
            "https://admin:hunter2@h:99999/p",
            "admin:hunter2@h",
            "http://a@b:hunter2@h/x",
        ] {
            let e = Config::new(url, PID, Credentials::token("t")).unwrap_err();
            let text = format!("{e} {e:?}");
            assert!(!text.contains("hunter2"), "{url}: {text}");
            assert!(matches!(&e, Error::InvalidInput(i) if i.field() == "endpoint"));
        }
        assert_eq!(without_user_info("http://u:p@h/a@b"), "http://***@h/a@b");
        assert_eq!(without_user_info("http://h/a@b"), "http://h/a@b");
    }

    #[test]
    fn project_id_must_be_path_safe() {
        for bad in ["", "a/b", "..", "a b", "a?b", "a%2F"] {
            let e = Config::new("http://h", bad, Credentials::token("t")).unwrap_err();
            assert!(
                matches!(&e, Error::InvalidInput(i) if i.field() == "project_id"),
                "{bad}"
            );
        }
    }

    #[test]
    fn credentials_are_validated() {
        assert!(Config::new("http://h", PID, Credentials::token("")).is_err());
        assert!(Config::new("http://h", PID, Credentials::token("a\nb")).is_err());
        assert!(Config::new("http://h", PID, Credentials::ak_sk("", "sk")).is_err());
        assert!(Config::new("http://h", PID, Credentials::ak_sk("ak", "")).is_err());
        assert!(Config::new("http://h", PID, Credentials::ak_sk("a,k", "sk")).is_err());
    }

    #[test]
    fn from_env_prefers_ak_sk_and_endpoint() {
        let c = Config::from_env(env(&[
            ("FGS_ENDPOINT", "http://127.0.0.1:9"),
            ("FGS_REGION", "cn-north-4"),
            ("HUAWEICLOUD_SDK_PROJECT_ID", PID),
            ("HUAWEICLOUD_SDK_AK", "AK"),
            ("HUAWEICLOUD_SDK_SK", "SK"),
            ("HUAWEICLOUD_SDK_SECURITY_TOKEN", "ST"),
            ("FGS_AUTH_TOKEN", "TOKEN"),
        ]))
        .unwrap();
        assert_eq!(c.endpoint().to_string(), "http://127.0.0.1:9");
        assert_eq!(c.region(), Some("cn-north-4"));
        match c.credentials() {
            Credentials::AkSk(k) => {
                assert_eq!(k.access_key(), "AK");
                assert_eq!(k.secret_key().expose(), "SK");
                assert_eq!(k.security_token().map(|s| s.expose()), Some("ST"));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn from_env_token_and_errors() {
        let c = Config::from_env(env(&[
            ("FGS_REGION", "ap-southeast-1"),
            ("HUAWEICLOUD_SDK_PROJECT_ID", PID),
            ("FGS_AUTH_TOKEN", "TOKEN"),
            ("HUAWEICLOUD_SDK_AK", ""),
        ]))
        .unwrap();
        assert!(matches!(c.credentials(), Credentials::Token(t) if t.expose() == "TOKEN"));
        let field = |pairs: &[(&str, &str)]| match Config::from_env(env(pairs)) {
            Err(Error::InvalidInput(i)) => i.field().to_owned(),
            other => panic!("{other:?}"),
        };
        assert_eq!(field(&[]), "HUAWEICLOUD_SDK_PROJECT_ID");
        assert_eq!(field(&[("HUAWEICLOUD_SDK_PROJECT_ID", PID)]), "credentials");
        assert_eq!(
            field(&[
                ("HUAWEICLOUD_SDK_PROJECT_ID", PID),
                ("HUAWEICLOUD_SDK_AK", "a")
            ]),
            "HUAWEICLOUD_SDK_SK"
        );
        assert_eq!(
            field(&[("HUAWEICLOUD_SDK_PROJECT_ID", PID), ("FGS_AUTH_TOKEN", "t")]),
            "endpoint"
        );
    }

    #[test]
    fn debug_hides_secrets() {
        let c = Config::new(
            "http://h",
            PID,
            Credentials::temporary_ak_sk("AK", "SENTINEL-SK", "SENTINEL-ST"),
        )
        .unwrap();
        let dbg = format!("{c:?}");
        assert!(!dbg.contains("SENTINEL"), "{dbg}");
        assert!(dbg.contains("AK"));
        let t = Config::new("http://h", PID, Credentials::token("SENTINEL-TOKEN")).unwrap();
        assert!(!format!("{t:?}").contains("SENTINEL"));
    }
}
