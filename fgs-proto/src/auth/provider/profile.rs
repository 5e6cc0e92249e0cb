//! The profile file: `~/.huaweicloud/credentials` (or `HUAWEICLOUD_SDK_CREDENTIALS_FILE`),
//! an INI file read as Python's `configparser` reads it, and its provider.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use bytes::Bytes;
use http::Response;

use super::env::{EnvSettings, begin, delegate};
use super::federation::Federation;
use super::names::*;
use super::{
    CredentialsError, CredentialsErrorKind, DEFAULT_IAM_ENDPOINT, Provided, Provider, Step,
};
use crate::error::TransportError;
use crate::secret::Secret;

const NAME: &str = "profile";

/// The profile file's path: `HUAWEICLOUD_SDK_CREDENTIALS_FILE` if set, else
/// `$HOME/.huaweicloud/credentials` (`%USERPROFILE%` on Windows); `None` without a home
/// directory. `lookup` reads the environment.
///
/// ```
/// use std::path::PathBuf;
/// use fgs_proto::auth::provider::default_profile_path;
/// let path = default_profile_path(|k| (k == "HOME").then(|| "/home/me".to_owned()));
/// # #[cfg(not(windows))]
/// assert_eq!(path, Some(PathBuf::from("/home/me/.huaweicloud/credentials")));
/// ```
pub fn default_profile_path(lookup: impl Fn(&str) -> Option<String>) -> Option<PathBuf> {
    let var = |name: &str| lookup(name).filter(|v| !v.is_empty());
    if let Some(file) = var(ENV_CREDENTIALS_FILE) {
        return Some(PathBuf::from(file));
    }
    let home = if cfg!(windows) {
        var(ENV_USERPROFILE)
    } else {
        var(ENV_HOME)
    };
    home.map(|home| Path::new(&home).join(PROFILE_DIR).join(PROFILE_FILE))
}

/// A parsed profile file: its sections, each a map of lower-case keys to values.
#[derive(Clone, PartialEq, Eq)]
pub struct ProfileFile {
    sections: BTreeMap<String, ProfileSection>,
}

/// One section of a profile file.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct ProfileSection {
    values: BTreeMap<String, String>,
}

impl ProfileSection {
    /// The value of `key` (keys are case-insensitive, as in `configparser`).
    pub fn get(&self, key: &str) -> Option<&str> {
        self.values
            .get(&key.to_ascii_lowercase())
            .map(String::as_str)
            .filter(|v| !v.is_empty())
    }

    /// The keys, lower-case, in order.
    pub fn keys(&self) -> impl Iterator<Item = &str> {
        self.values.keys().map(String::as_str)
    }
}

impl std::fmt::Debug for ProfileSection {
    /// Shows the keys only: values include secret keys and tokens.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_set().entries(self.values.keys()).finish()
    }
}

impl std::fmt::Debug for ProfileFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_map().entries(self.sections.iter()).finish()
    }
}

impl ProfileFile {
    /// Parses the text of the file at `path` (the path only names the file in errors).
    ///
    /// The format is Python `configparser`'s, which the official SDK reads it with:
    /// `[section]` headers; `key = value` or `key: value` (keys are case-insensitive,
    /// values trimmed); whole-line comments starting with `#` or `;`; indented lines
    /// continue the previous value; values of a `[DEFAULT]` section apply to every
    /// section. As in `configparser`'s strict mode, a key before any section, a line
    /// that is none of these, and a repeated section or key are errors, which name the
    /// file and the line.
    ///
    /// ```
    /// use std::path::Path;
    /// use fgs_proto::auth::provider::ProfileFile;
    ///
    /// let text = "[basic]\nak = AK\nsk = SK\nproject_id = p1\n";
    /// let file = ProfileFile::parse(text, Path::new("/home/me/.huaweicloud/credentials"))?;
    /// assert_eq!(file.section("basic").and_then(|s| s.get("ak")), Some("AK"));
    ///
    /// let error = ProfileFile::parse("[basic]\nak AK\n", Path::new("creds")).unwrap_err();
    /// assert!(error.message().starts_with("creds:2:"), "{error}");
    /// # Ok::<(), fgs_proto::auth::provider::CredentialsError>(())
    /// ```
    pub fn parse(text: &str, path: &Path) -> Result<ProfileFile, CredentialsError> {
        let mut sections: BTreeMap<String, ProfileSection> = BTreeMap::new();
        let mut current: Option<String> = None;
        // The key a continuation line adds to.
        let mut last_key: Option<String> = None;
        let error = |line: usize, why: &str| {
            CredentialsError::new(
                NAME,
                CredentialsErrorKind::Invalid,
                format!("{}:{line}: {why}", path.display()),
            )
        };
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        for (index, raw) in text.lines().enumerate() {
            let number = index + 1;
            let line = raw.trim_end();
            let trimmed = line.trim_start();
            if trimmed.is_empty() {
                last_key = None;
                continue;
            }
            if trimmed.starts_with('#') || trimmed.starts_with(';') {
                continue;
            }
            let indented = trimmed.len() != line.len();
            if indented && let (Some(section), Some(key)) = (&current, &last_key) {
                if let Some(value) = sections
                    .get_mut(section)
                    .and_then(|s| s.values.get_mut(key))
                {
                    value.push('\n');
                    value.push_str(trimmed);
                }
                continue;
            }
            if let Some(header) = trimmed.strip_prefix('[') {
                let name = header
                    .strip_suffix(']')
                    .ok_or_else(|| error(number, "a section header must end with `]`"))?
                    .trim();
                if name.is_empty() {
                    return Err(error(number, "the section has no name"));
                }
                if sections.contains_key(name) {
                    return Err(error(number, &format!("section `{name}` appears twice")));
                }
                sections.insert(name.to_owned(), ProfileSection::default());
                current = Some(name.to_owned());
                last_key = None;
                continue;
            }
            let Some(at) = trimmed.find(['=', ':']) else {
                return Err(error(
                    number,
                    "expected `key = value`, a `[section]` header or a comment",
                ));
            };
            let key = trimmed[..at].trim().to_ascii_lowercase();
            let value = trimmed[at + 1..].trim().to_owned();
            if key.is_empty() {
                return Err(error(number, "the line has a value but no key"));
            }
            let Some(section) = &current else {
                return Err(error(number, "a key before any `[section]` header"));
            };
            let values = &mut sections.entry(section.clone()).or_default().values;
            if values.contains_key(&key) {
                return Err(error(
                    number,
                    &format!("key `{key}` appears twice in section `{section}`"),
                ));
            }
            values.insert(key.clone(), value);
            last_key = Some(key);
        }
        // `[DEFAULT]` fills in what a section leaves out, as in `configparser`.
        if let Some(defaults) = sections.remove("DEFAULT") {
            for section in sections.values_mut() {
                for (key, value) in &defaults.values {
                    section
                        .values
                        .entry(key.clone())
                        .or_insert_with(|| value.clone());
                }
            }
        }
        Ok(ProfileFile { sections })
    }

    /// A section by name (section names are case-sensitive, as in `configparser`).
    pub fn section(&self, name: &str) -> Option<&ProfileSection> {
        self.sections.get(name)
    }

    /// The section names, in order.
    pub fn section_names(&self) -> impl Iterator<Item = &str> {
        self.sections.keys().map(String::as_str)
    }
}

impl ProfileSection {
    /// The section's settings, named as the environment's.
    pub(crate) fn basic(&self) -> EnvSettings {
        let get = |key: &str| self.get(key).map(str::to_owned);
        EnvSettings {
            ak: get(KEY_AK),
            sk: get(KEY_SK).map(Secret::new),
            security_token: get(KEY_SECURITY_TOKEN).map(Secret::new),
            project_id: get(KEY_PROJECT_ID),
            domain_id: get(KEY_DOMAIN_ID),
            idp_id: get(KEY_IDP_ID),
            id_token_file: get(KEY_ID_TOKEN_FILE).map(PathBuf::from),
            iam_endpoint: get(KEY_IAM_ENDPOINT),
        }
    }
}

/// Credentials from the `[basic]` section of the profile file (the section of
/// regional services such as FunctionGraph): `ak`, `sk`, `security_token`,
/// `project_id`, `domain_id`, `iam_endpoint`, or federation with `idp_id` +
/// `id_token_file`. The file is read at every fetch.
#[derive(Debug)]
pub struct Profile {
    path: Option<PathBuf>,
    section: String,
    iam_endpoint: String,
    federation: Option<(Box<Federation>, Provided)>,
}

impl Profile {
    /// The provider of the file at `path` (see [`default_profile_path`]; `None`: there
    /// is no file to read). Federation exchanges the id token at the profile's
    /// `iam_endpoint`, else at `iam_endpoint`, else at the global IAM endpoint.
    pub fn new(path: Option<PathBuf>, iam_endpoint: Option<&str>) -> Self {
        Profile {
            path,
            section: SECTION_BASIC.to_owned(),
            iam_endpoint: iam_endpoint.unwrap_or(DEFAULT_IAM_ENDPOINT).to_owned(),
            federation: None,
        }
    }

    /// Reads another section than `[basic]`.
    pub fn section(mut self, section: impl Into<String>) -> Self {
        self.section = section.into();
        self
    }
}

impl Provider for Profile {
    fn name(&self) -> &'static str {
        NAME
    }

    fn start(&mut self, _now: SystemTime) -> Result<Step, CredentialsError> {
        self.federation = None;
        match &self.path {
            Some(path) => Ok(Step::ReadFile(path.clone())),
            None => Err(CredentialsError::new(
                NAME,
                CredentialsErrorKind::NotConfigured,
                "no home directory, and HUAWEICLOUD_SDK_CREDENTIALS_FILE is not set",
            )),
        }
    }

    fn on_file(
        &mut self,
        contents: Result<String, std::io::Error>,
        now: SystemTime,
    ) -> Result<Step, CredentialsError> {
        if self.federation.is_some() {
            return delegate(&mut self.federation, NAME, |f| f.on_file(contents, now));
        }
        let path = self.path.clone().unwrap_or_default();
        let text = contents.map_err(|e| {
            let kind = if e.kind() == std::io::ErrorKind::NotFound {
                CredentialsErrorKind::NotConfigured
            } else {
                CredentialsErrorKind::Invalid
            };
            CredentialsError::new(
                NAME,
                kind,
                format!("credentials file `{}`: {e}", path.display()),
            )
        })?;
        let file = ProfileFile::parse(&text, &path)?;
        let section = file.section(&self.section).ok_or_else(|| {
            CredentialsError::new(
                NAME,
                CredentialsErrorKind::NotConfigured,
                format!(
                    "credentials file `{}` has no section `[{}]`",
                    path.display(),
                    self.section
                ),
            )
        })?;
        let where_ = format!("section `[{}]` of `{}`", self.section, path.display());
        let resolved = section.basic().resolve(NAME, &where_, &self.iam_endpoint)?;
        begin(resolved, &mut self.federation, now)
    }

    fn on_response(
        &mut self,
        response: Response<Bytes>,
        now: SystemTime,
    ) -> Result<Step, CredentialsError> {
        delegate(&mut self.federation, NAME, |f| f.on_response(response, now))
    }

    fn on_transport_error(&mut self, error: TransportError) -> Result<Step, CredentialsError> {
        delegate(&mut self.federation, NAME, |f| f.on_transport_error(error))
    }
}
