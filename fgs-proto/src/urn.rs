//! Function URNs: `urn:fss:{region}:{project}:function:{package}:{name}[:{qualifier}]`.
//!
//! The service also accepts short forms wherever a URN is a path parameter: `name`,
//! `package:name`, `project:package:name` and `project:package:name:qualifier`.
//! [`FunctionUrn`] parses and displays all of them; the parse is lenient — any field may
//! hold any character but `:` — because the service, not the SDK, owns the naming rules.
//! Operations take the URN as text (`impl Into<String>`), so a `&FunctionUrn`, a
//! `FunctionUrn` or a plain `&str` all work.

use std::fmt;
use std::str::FromStr;

use crate::error::Error;

/// A version or an alias that a URN points at.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Qualifier {
    /// A version: `latest` or a published version name.
    Version(String),
    /// An alias, written `!name` in a URN.
    Alias(String),
}

impl Qualifier {
    /// The `latest` version.
    pub fn latest() -> Self {
        Qualifier::Version("latest".to_owned())
    }

    fn parse(text: &str) -> Result<Self, Error> {
        match text.strip_prefix('!') {
            Some("") => Err(urn_error(text, "empty alias name after `!`")),
            Some(alias) => Ok(Qualifier::Alias(alias.to_owned())),
            None if text.is_empty() => Err(urn_error(text, "empty qualifier")),
            None => Ok(Qualifier::Version(text.to_owned())),
        }
    }
}

impl fmt::Display for Qualifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Qualifier::Version(v) => f.write_str(v),
            Qualifier::Alias(a) => write!(f, "!{a}"),
        }
    }
}

/// A function URN, full or short.
///
/// ```
/// use fgs_proto::{FunctionUrn, Qualifier};
///
/// let urn: FunctionUrn = "urn:fss:cn-north-4:0123:function:default:hello:!prod".parse()?;
/// assert_eq!(urn.name(), "hello");
/// assert_eq!(urn.qualifier(), Some(&Qualifier::Alias("prod".into())));
/// assert_eq!(urn.unqualified().to_string(), "urn:fss:cn-north-4:0123:function:default:hello");
///
/// let short: FunctionUrn = "default:hello".parse()?;
/// assert_eq!(short.package(), Some("default"));
/// assert_eq!(short.to_string(), "default:hello");
/// # Ok::<(), fgs_proto::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct FunctionUrn {
    region: Option<String>,
    project_id: Option<String>,
    package: Option<String>,
    name: String,
    qualifier: Option<Qualifier>,
}

impl FunctionUrn {
    /// A full URN without qualifier.
    pub fn new(
        region: impl Into<String>,
        project_id: impl Into<String>,
        package: impl Into<String>,
        name: impl Into<String>,
    ) -> Result<Self, Error> {
        let urn = FunctionUrn {
            region: Some(region.into()),
            project_id: Some(project_id.into()),
            package: Some(package.into()),
            name: name.into(),
            qualifier: None,
        };
        for (field, value) in [
            ("region", urn.region.as_deref()),
            ("project_id", urn.project_id.as_deref()),
            ("package", urn.package.as_deref()),
            ("name", Some(urn.name.as_str())),
        ] {
            check_field(field, value.unwrap_or_default())?;
        }
        Ok(urn)
    }

    /// The same URN pointing at a version.
    pub fn with_version(self, version: impl Into<String>) -> Result<Self, Error> {
        let version = version.into();
        if version.starts_with('!') {
            return Err(urn_error(&version, "a version cannot start with `!`"));
        }
        check_field("version", &version)?;
        self.qualified(Qualifier::Version(version))
    }

    /// The same URN pointing at an alias.
    pub fn with_alias(self, alias: impl Into<String>) -> Result<Self, Error> {
        let alias = alias.into();
        check_field("alias", &alias)?;
        self.qualified(Qualifier::Alias(alias))
    }

    fn qualified(mut self, qualifier: Qualifier) -> Result<Self, Error> {
        if self.project_id.is_none() || self.package.is_none() {
            return Err(urn_error(
                &self.to_string(),
                "a qualified short URN needs project and package (`project:package:name:qualifier`)",
            ));
        }
        self.qualifier = Some(qualifier);
        Ok(self)
    }

    /// The same URN without qualifier ("the function", for delete and delete-all).
    pub fn unqualified(&self) -> Self {
        FunctionUrn {
            qualifier: None,
            ..self.clone()
        }
    }

    /// The region, in the full form.
    pub fn region(&self) -> Option<&str> {
        self.region.as_deref()
    }

    /// The project id, when present.
    pub fn project_id(&self) -> Option<&str> {
        self.project_id.as_deref()
    }

    /// The package (application), when present.
    pub fn package(&self) -> Option<&str> {
        self.package.as_deref()
    }

    /// The function name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The version or alias, when present.
    pub fn qualifier(&self) -> Option<&Qualifier> {
        self.qualifier.as_ref()
    }

    /// Whether this is the full `urn:fss:...` form.
    pub fn is_full(&self) -> bool {
        self.region.is_some()
    }
}

impl FromStr for FunctionUrn {
    type Err = Error;

    fn from_str(text: &str) -> Result<Self, Error> {
        let fields: Vec<&str> = text.split(':').collect();
        if fields.iter().any(|f| f.is_empty()) {
            return Err(urn_error(text, "empty field"));
        }
        let owned = |s: &str| Some(s.to_owned());
        // Only `urn:fss:` starts the full form: a function or package may well be named
        // `urn`, and its short forms must still parse.
        if fields.len() > 2 && fields[0] == "urn" && fields[1] == "fss" {
            // Full form: urn:fss:{region}:{project}:function:{package}:{name}[:{qualifier}]
            if !(7..=8).contains(&fields.len()) || fields[4] != "function" {
                return Err(urn_error(
                    text,
                    "expected urn:fss:{region}:{project}:function:{package}:{name}[:{qualifier}]",
                ));
            }
            return Ok(FunctionUrn {
                region: owned(fields[2]),
                project_id: owned(fields[3]),
                package: owned(fields[5]),
                name: fields[6].to_owned(),
                qualifier: fields.get(7).map(|q| Qualifier::parse(q)).transpose()?,
            });
        }
        let (project_id, package, name, qualifier) = match fields.as_slice() {
            [name] => (None, None, *name, None),
            [package, name] => (None, owned(package), *name, None),
            [project, package, name] => (owned(project), owned(package), *name, None),
            [project, package, name, qualifier] => (
                owned(project),
                owned(package),
                *name,
                Some(Qualifier::parse(qualifier)?),
            ),
            _ => {
                return Err(urn_error(
                    text,
                    "too many `:`-separated fields for a short URN",
                ));
            }
        };
        Ok(FunctionUrn {
            region: None,
            project_id,
            package,
            name: name.to_owned(),
            qualifier,
        })
    }
}

impl fmt::Display for FunctionUrn {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.region, &self.project_id, &self.package) {
            (Some(region), Some(project), Some(package)) => write!(
                f,
                "urn:fss:{region}:{project}:function:{package}:{}",
                self.name
            )?,
            (_, Some(project), Some(package)) => write!(f, "{project}:{package}:{}", self.name)?,
            (_, _, Some(package)) => write!(f, "{package}:{}", self.name)?,
            _ => f.write_str(&self.name)?,
        }
        if let Some(q) = &self.qualifier {
            write!(f, ":{q}")?;
        }
        Ok(())
    }
}

impl From<FunctionUrn> for String {
    fn from(urn: FunctionUrn) -> String {
        urn.to_string()
    }
}

impl From<&FunctionUrn> for String {
    fn from(urn: &FunctionUrn) -> String {
        urn.to_string()
    }
}

fn check_field(field: &'static str, value: &str) -> Result<(), Error> {
    if value.is_empty() {
        return Err(Error::invalid_input(field, "must not be empty"));
    }
    if value.contains(':') {
        return Err(Error::invalid_input(field, "must not contain `:`"));
    }
    Ok(())
}

fn urn_error(text: &str, why: &str) -> Error {
    Error::invalid_input("function_urn", format!("`{text}`: {why}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn into_string_is_the_display_form() {
        let text = "urn:fss:cn-north-4:p:function:default:f:latest";
        let u: FunctionUrn = text.parse().unwrap();
        assert_eq!(String::from(u.clone()), text);
        let s: String = u.into();
        assert_eq!(s, text);
    }

    #[test]
    fn full_forms() {
        let u: FunctionUrn = "urn:fss:cn-north-4:p:function:default:f".parse().unwrap();
        assert!(u.is_full());
        assert_eq!(u.qualifier(), None);
        assert_eq!(
            (u.region(), u.project_id(), u.package(), u.name()),
            (Some("cn-north-4"), Some("p"), Some("default"), "f")
        );
        assert_eq!(String::from(&u), "urn:fss:cn-north-4:p:function:default:f");
        let v1 = u.clone().with_version("v1").unwrap();
        assert_eq!(v1.qualifier(), Some(&Qualifier::Version("v1".into())));
        let v: FunctionUrn = "urn:fss:cn-north-4:p:function:default:f:latest"
            .parse()
            .unwrap();
        assert_eq!(v.qualifier(), Some(&Qualifier::latest()));
        assert_eq!(v.unqualified(), u);
        let a = u.clone().with_alias("dev").unwrap();
        assert_eq!(
            a.to_string(),
            "urn:fss:cn-north-4:p:function:default:f:!dev"
        );
        assert_eq!(a.to_string().parse::<FunctionUrn>().unwrap(), a);
    }

    #[test]
    fn short_forms() {
        for text in [
            "f",
            "pkg:f",
            "p:pkg:f",
            "p:pkg:f:v1",
            "p:pkg:f:!a",
            "fn-with.dots_and~",
            "urn",
            "urn:f",
            // Two fields are a package and a name, even `urn` and `fss`.
            "urn:fss",
            "urn:xyz:f",
        ] {
            let u: FunctionUrn = text.parse().unwrap();
            assert_eq!(u.to_string(), text);
            assert!(!u.is_full());
        }
        assert_eq!("pkg:f".parse::<FunctionUrn>().unwrap().name(), "f");
    }

    #[test]
    fn rejects_malformed() {
        for text in [
            "",
            "a::b",
            "urn:fss:r:p:function:pkg",
            "urn:fss:r:p:notfunction:pkg:f",
            "urn:fss:r:p:function:pkg:f:q:extra",
            "a:b:c:d:e",
            "p:pkg:f:!",
        ] {
            assert!(text.parse::<FunctionUrn>().is_err(), "{text}");
        }
        let short: FunctionUrn = "pkg:f".parse().unwrap();
        assert!(short.with_version("v1").is_err());
        assert!(FunctionUrn::new("r", "p", "pkg", "a:b").is_err());
        let full = FunctionUrn::new("r", "p", "pkg", "f").unwrap();
        assert!(full.clone().with_version("!x").is_err());
        assert!(full.with_alias("").is_err());
    }
}
