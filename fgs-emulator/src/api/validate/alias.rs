//! Alias bodies and their canary settings.

use std::collections::BTreeMap;

use serde_json::Value;

use super::names::is_alias_name;
use super::{Object, opt_description, opt_object, req_str};
use crate::api::api_error::{ApiError, code};

/// A validated CreateAlias / UpdateAlias body. Whether the versions exist is checked
/// against the state by the operation.
#[derive(Debug, Clone)]
pub(crate) struct AliasInput {
    pub version: String,
    pub description: Option<String>,
    pub weights: BTreeMap<String, u32>,
    /// The strategy as sent (echoed back) and as parsed (evaluated at invocation).
    pub strategy: Option<(Object, BTreeMap<String, VersionStrategy>)>,
}

/// A rule-based canary: route to a version when the request matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct VersionStrategy {
    /// `combine_type: or` (any rule) rather than `and` (every rule).
    pub any: bool,
    pub rules: Vec<Rule>,
}

/// One rule of a [`VersionStrategy`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Rule {
    pub source: RuleSource,
    pub param: String,
    /// `op: in` (value is a comma-separated list) rather than `=`.
    pub one_of: bool,
    pub value: String,
}

/// Where a rule reads its parameter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RuleSource {
    Header,
    Cookie,
}

/// Validates the alias name of a CreateAlias body.
pub(crate) fn check_name(body: &Object) -> Result<String, ApiError> {
    let name = req_str(body, "name")?;
    if is_alias_name(name) {
        Ok(name.to_owned())
    } else {
        Err(ApiError::bad_request(
            code::ALIAS_NAME,
            "alias name must be 1-63 letters, digits, `_` or `-`, starting with a letter",
        ))
    }
}

/// Validates the fields CreateAlias and UpdateAlias share.
pub(crate) fn check_alias(body: &Object) -> Result<AliasInput, ApiError> {
    let version = req_str(body, "version")?.to_owned();
    let description = opt_description(body)?.map(str::to_owned);
    let weights = match opt_object(body, "additional_version_weights")? {
        Some(weights) => check_weights(weights, &version)?,
        None => BTreeMap::new(),
    };
    let strategy = match opt_object(body, "additional_version_strategy")? {
        Some(raw) => {
            let parsed = raw
                .iter()
                .map(|(v, s)| Ok((v.clone(), check_strategy(v, s, &version)?)))
                .collect::<Result<BTreeMap<_, _>, ApiError>>()?;
            Some((raw.clone(), parsed))
        }
        None => None,
    };
    Ok(AliasInput {
        version,
        description,
        weights,
        strategy,
    })
}

fn check_weights(weights: &Object, primary: &str) -> Result<BTreeMap<String, u32>, ApiError> {
    let mut out = BTreeMap::new();
    for (version, weight) in weights {
        if version == primary {
            return Err(ApiError::bad_request(
                code::CANARY_VERSION,
                format!("the additional version `{version}` is the alias's own version"),
            ));
        }
        let weight = weight
            .as_u64()
            .filter(|w| *w <= 100)
            .and_then(|w| u32::try_from(w).ok())
            .ok_or_else(|| {
                ApiError::bad_request(
                    code::CANARY_WEIGHTS,
                    format!("the weight of `{version}` must be an integer between 0 and 100"),
                )
            })?;
        out.insert(version.clone(), weight);
    }
    if out.values().sum::<u32>() > 100 {
        return Err(ApiError::bad_request(
            code::CANARY_WEIGHTS,
            "additional version weights must add up to at most 100",
        ));
    }
    Ok(out)
}

fn check_strategy(version: &str, raw: &Value, primary: &str) -> Result<VersionStrategy, ApiError> {
    let invalid = |why: String| {
        ApiError::bad_request(
            code::CANARY_STRATEGY,
            format!("additional_version_strategy of `{version}`: {why}"),
        )
    };
    if version == primary {
        return Err(ApiError::bad_request(
            code::CANARY_VERSION,
            format!("the additional version `{version}` is the alias's own version"),
        ));
    }
    let strategy = raw
        .as_object()
        .ok_or_else(|| invalid("must be an object".into()))?;
    let any = match strategy.get("combine_type").and_then(Value::as_str) {
        None | Some("and") => false,
        Some("or") => true,
        Some(other) => {
            return Err(invalid(format!(
                "combine_type `{other}` is not `and` or `or`"
            )));
        }
    };
    let rules = strategy
        .get("rules")
        .and_then(Value::as_array)
        .filter(|rules| !rules.is_empty())
        .ok_or_else(|| invalid("rules must be a non-empty array".into()))?;
    let rules = rules
        .iter()
        .map(|rule| {
            let rule = rule
                .as_object()
                .ok_or_else(|| invalid("each rule must be an object".into()))?;
            let text = |key: &str| {
                rule.get(key)
                    .and_then(Value::as_str)
                    .ok_or_else(|| invalid(format!("rule.{key} must be a string")))
            };
            let source = match text("rule_type")?.to_ascii_lowercase().as_str() {
                "header" => RuleSource::Header,
                "cookie" => RuleSource::Cookie,
                other => {
                    return Err(invalid(format!(
                        "rule_type `{other}` is not header or cookie"
                    )));
                }
            };
            let param = text("param")?;
            if param.is_empty()
                || !param
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
            {
                return Err(invalid(
                    "rule.param must be letters, digits, `_` or `-`".into(),
                ));
            }
            let one_of = match text("op")? {
                "=" => false,
                "in" => true,
                other => return Err(invalid(format!("op `{other}` is not `=` or `in`"))),
            };
            Ok(Rule {
                source,
                param: param.to_owned(),
                one_of,
                value: text("value")?.to_owned(),
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(VersionStrategy { any, rules })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn check(v: Value) -> Result<AliasInput, ApiError> {
        check_alias(v.as_object().unwrap())
    }

    #[test]
    fn weights() {
        let a = check(json!({"version": "v1", "additional_version_weights": {"v2": 30}})).unwrap();
        assert_eq!(a.weights, BTreeMap::from([("v2".to_owned(), 30)]));
        for bad in [
            json!({"v2": 101}),
            json!({"v2": -1}),
            json!({"v2": "5"}),
            json!({"v2": 60, "v3": 50}),
        ] {
            let e = check(json!({"version": "v1", "additional_version_weights": bad})).unwrap_err();
            assert_eq!(e.code, code::CANARY_WEIGHTS);
        }
        let e =
            check(json!({"version": "v1", "additional_version_weights": {"v1": 5}})).unwrap_err();
        assert_eq!(e.code, code::CANARY_VERSION);
    }

    #[test]
    fn strategies() {
        let a = check(
            json!({"version": "v1", "additional_version_strategy": {"v2": {
                "combine_type": "or",
                "rules": [{"rule_type": "Header", "param": "x-user", "op": "in", "value": "a,b"}]
            }}}),
        )
        .unwrap();
        let (_, parsed) = a.strategy.unwrap();
        assert_eq!(
            parsed["v2"],
            VersionStrategy {
                any: true,
                rules: vec![Rule {
                    source: RuleSource::Header,
                    param: "x-user".into(),
                    one_of: true,
                    value: "a,b".into()
                }]
            }
        );
        for bad in [
            json!({"rules": []}),
            json!({"combine_type": "xor", "rules": [{"rule_type": "header", "param": "p", "op": "=", "value": "v"}]}),
            json!({"rules": [{"rule_type": "query", "param": "p", "op": "=", "value": "v"}]}),
            json!({"rules": [{"rule_type": "header", "param": "p q", "op": "=", "value": "v"}]}),
            json!({"rules": [{"rule_type": "header", "param": "p", "op": "!=", "value": "v"}]}),
        ] {
            let e = check(json!({"version": "v1", "additional_version_strategy": {"v2": bad}}))
                .unwrap_err();
            assert_eq!(e.code, code::CANARY_STRATEGY);
        }
    }

    #[test]
    fn names() {
        assert_eq!(
            check_name(json!({"name": "dev"}).as_object().unwrap()).unwrap(),
            "dev"
        );
        assert_eq!(
            check_name(json!({"name": "!dev"}).as_object().unwrap())
                .unwrap_err()
                .code,
            code::ALIAS_NAME
        );
    }
}
