//! Aliases, and how a weighted or rule-based alias picks the version to run.

use std::collections::BTreeMap;

use http::HeaderMap;
use http::header::COOKIE;
use time::OffsetDateTime;

use crate::api::validate::Object;
use crate::api::validate::alias::{Rule, RuleSource, VersionStrategy};

/// An alias of a function.
#[derive(Debug, Clone)]
pub(crate) struct AliasRecord {
    pub name: String,
    pub version: String,
    pub description: String,
    /// Canary weights: `{version: percent}`.
    pub weights: BTreeMap<String, u32>,
    /// Rule-based canary: as sent, and parsed.
    pub strategy: Option<(Object, BTreeMap<String, VersionStrategy>)>,
    pub last_modified: OffsetDateTime,
    /// Invocations through the weights so far; drives the deterministic pick.
    pub weighted_picks: u64,
}

/// How an alias uses a version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AliasUse {
    Target,
    Canary,
}

impl AliasRecord {
    /// Whether and how this alias uses `version`.
    pub(crate) fn uses(&self, version: &str) -> Option<AliasUse> {
        if self.version == version {
            Some(AliasUse::Target)
        } else if self.weights.contains_key(version)
            || self
                .strategy
                .as_ref()
                .is_some_and(|(_, parsed)| parsed.contains_key(version))
        {
            Some(AliasUse::Canary)
        } else {
            None
        }
    }

    /// The version an invocation through this alias runs. A matching rule-based strategy
    /// wins; otherwise the weights decide, deterministically: call `n` lands on slot
    /// `n * 61 mod 100` (61 is coprime with 100, so every 100 calls visit each slot once
    /// and the split is exact per 100 calls, yet well mixed).
    pub(crate) fn pick_version(&mut self, headers: &HeaderMap) -> String {
        if let Some((_, strategies)) = &self.strategy
            && let Some((version, _)) = strategies.iter().find(|(_, s)| matches(s, headers))
        {
            return version.clone();
        }
        if self.weights.is_empty() {
            return self.version.clone();
        }
        let slot = u32::try_from((self.weighted_picks % 100) * 61 % 100).unwrap_or(0);
        self.weighted_picks = self.weighted_picks.wrapping_add(1);
        let mut upper = 0;
        for (version, weight) in &self.weights {
            upper += weight;
            if slot < upper {
                return version.clone();
            }
        }
        self.version.clone()
    }
}

fn matches(strategy: &VersionStrategy, headers: &HeaderMap) -> bool {
    let rule_matches = |rule: &Rule| {
        let Some(actual) = lookup(rule, headers) else {
            return false;
        };
        if rule.one_of {
            rule.value.split(',').any(|v| v.trim() == actual)
        } else {
            rule.value == actual
        }
    };
    if strategy.any {
        strategy.rules.iter().any(rule_matches)
    } else {
        strategy.rules.iter().all(rule_matches)
    }
}

fn lookup(rule: &Rule, headers: &HeaderMap) -> Option<String> {
    match rule.source {
        RuleSource::Header => headers
            .get(rule.param.as_str())
            .and_then(|v| v.to_str().ok())
            .map(|v| v.trim().to_owned()),
        RuleSource::Cookie => headers
            .get_all(COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .find_map(|pair| {
                let (name, value) = pair.trim().split_once('=')?;
                (name == rule.param).then(|| value.to_owned())
            }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn alias(weights: &[(&str, u32)]) -> AliasRecord {
        AliasRecord {
            name: "a".into(),
            version: "v1".into(),
            description: String::new(),
            weights: weights.iter().map(|(v, w)| ((*v).to_owned(), *w)).collect(),
            strategy: None,
            last_modified: OffsetDateTime::UNIX_EPOCH,
            weighted_picks: 0,
        }
    }

    #[test]
    fn weights_split_exactly_per_hundred_calls() {
        let mut a = alias(&[("v2", 30), ("v3", 10)]);
        let mut counts = BTreeMap::new();
        for _ in 0..200 {
            *counts.entry(a.pick_version(&HeaderMap::new())).or_insert(0) += 1;
        }
        assert_eq!(counts["v1"], 120);
        assert_eq!(counts["v2"], 60);
        assert_eq!(counts["v3"], 20);
        assert_eq!(a.uses("v1"), Some(AliasUse::Target));
        assert_eq!(a.uses("v3"), Some(AliasUse::Canary));
        assert_eq!(a.uses("v9"), None);
    }

    #[test]
    fn rules_pick_their_version() {
        let mut a = alias(&[]);
        let strategy = VersionStrategy {
            any: false,
            rules: vec![
                Rule {
                    source: RuleSource::Header,
                    param: "x-user".into(),
                    one_of: true,
                    value: "ann, bob".into(),
                },
                Rule {
                    source: RuleSource::Cookie,
                    param: "beta".into(),
                    one_of: false,
                    value: "1".into(),
                },
            ],
        };
        a.strategy = Some((Object::new(), BTreeMap::from([("v2".to_owned(), strategy)])));
        let mut headers = HeaderMap::new();
        headers.insert("x-user", "bob".parse().unwrap());
        assert_eq!(a.pick_version(&headers), "v1", "both rules must match");
        headers.insert(COOKIE, "a=b; beta=1".parse().unwrap());
        assert_eq!(a.pick_version(&headers), "v2");
        assert_eq!(a.uses("v2"), Some(AliasUse::Canary));
    }
}
