//! Where the emulated service lives (project, region, account) and the path URNs it
//! accepts.

use fgs_proto::{FunctionUrn, Qualifier};

use crate::api::api_error::{ApiError, code};
use crate::runtime::state::LATEST;

/// The package a short URN without one means.
const DEFAULT_PACKAGE: &str = "default";

/// The project, region and account the emulator plays.
#[derive(Debug, Clone)]
pub(crate) struct Site {
    pub project_id: String,
    pub region: String,
    pub domain_id: String,
}

impl Site {
    /// `urn:fss:{region}:{project}:function:{package}:{name}`.
    pub(crate) fn urn(&self, package: &str, name: &str) -> String {
        format!(
            "urn:fss:{}:{}:function:{package}:{name}",
            self.region, self.project_id
        )
    }

    /// The URN with `:{qualifier}` appended (`latest`, a version, or `!alias`).
    pub(crate) fn qualified_urn(&self, package: &str, name: &str, qualifier: &str) -> String {
        format!("{}:{qualifier}", self.urn(package, name))
    }
}

/// The function (and version or alias) a path URN names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Target {
    pub package: String,
    pub name: String,
    pub qualifier: Option<Qualifier>,
}

impl Target {
    /// Reads a path URN in any form the service accepts. The region of a full
    /// URN is not checked: users may point any region's config at the emulator.
    pub(crate) fn parse(urn: &str, site: &Site) -> Result<Target, ApiError> {
        let parsed: FunctionUrn = urn.parse().map_err(|e: fgs_proto::Error| {
            ApiError::bad_request(
                code::INVALID_PARAMETER,
                format!(
                    "invalid function URN: {}",
                    e.message().unwrap_or("malformed")
                ),
            )
        })?;
        if let Some(project) = parsed.project_id()
            && project != site.project_id
        {
            return Err(ApiError::forbidden(
                code::FORBIDDEN,
                format!(
                    "the URN names project `{project}`, but this is project `{}`",
                    site.project_id
                ),
            ));
        }
        Ok(Target {
            package: parsed.package().unwrap_or(DEFAULT_PACKAGE).to_owned(),
            name: parsed.name().to_owned(),
            qualifier: parsed.qualifier().cloned(),
        })
    }

    /// The qualifier as the state stores it: `latest` when absent, `!name` for aliases.
    pub(crate) fn qualifier_or_latest(&self) -> String {
        match &self.qualifier {
            None => LATEST.to_owned(),
            Some(q) => q.to_string(),
        }
    }

    /// Whether the URN names the whole function: no qualifier, or `latest`.
    pub(crate) fn is_whole_function(&self) -> bool {
        match &self.qualifier {
            None => true,
            Some(Qualifier::Version(v)) => v == LATEST,
            Some(Qualifier::Alias(_)) => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> Site {
        Site {
            project_id: "p1".into(),
            region: "cn-north-4".into(),
            domain_id: "d".into(),
        }
    }

    #[test]
    fn every_form() {
        let t = |s: &str| Target::parse(s, &site());
        let plain = Target {
            package: "default".into(),
            name: "f".into(),
            qualifier: None,
        };
        assert_eq!(t("f").unwrap(), plain);
        assert_eq!(t("default:f").unwrap(), plain);
        assert_eq!(t("p1:default:f").unwrap(), plain);
        assert_eq!(
            t("urn:fss:any-region:p1:function:default:f").unwrap(),
            plain
        );
        let alias = t("p1:pkg:f:!dev").unwrap();
        assert_eq!(alias.package, "pkg");
        assert_eq!(alias.qualifier, Some(Qualifier::Alias("dev".into())));
        assert_eq!(alias.qualifier_or_latest(), "!dev");
        assert!(!alias.is_whole_function());
        let latest = t("urn:fss:r:p1:function:default:f:latest").unwrap();
        assert!(latest.is_whole_function());
        assert_eq!(plain.qualifier_or_latest(), "latest");
        assert_eq!(t("a::b").unwrap_err().code, code::INVALID_PARAMETER);
        assert_eq!(t("p2:default:f").unwrap_err().status.as_u16(), 403);
        assert_eq!(
            site().qualified_urn("default", "f", "!dev"),
            "urn:fss:cn-north-4:p1:function:default:f:!dev"
        );
    }
}
