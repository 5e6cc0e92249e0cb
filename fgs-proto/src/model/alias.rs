//! Version aliases and their canary settings.

use std::collections::BTreeMap;

use super::macros::{accessors, model};

model! {
    /// A version alias, as CreateAlias, UpdateAlias, GetAlias and ListAlias return it.
    pub struct Alias {
        /// Alias name.
        pub name: Option<String>,
        /// The version the alias points to.
        pub version: Option<String>,
        /// Description.
        pub description: Option<String>,
        /// Last modification time: text, usually RFC 3339 with an offset (older answers
        /// have `2017-06-26 03:21:10`).
        pub last_modified: Option<String>,
        /// The alias URN, `urn:fss:…:{function}:!{name}`.
        pub alias_urn: Option<String>,
        /// Canary by weight: `{ "<version>": <percent> }` of traffic sent to another
        /// version.
        pub additional_version_weights: Option<BTreeMap<String, i64>>,
        /// Canary by rule: for each other version, the rules that route a request to it.
        pub additional_version_strategy: Option<BTreeMap<String, VersionStrategy>>,
    }
}

accessors!(Alias {
    str name, str version, str description, str last_modified, str alias_urn,
    ref additional_version_weights: BTreeMap<String, i64>,
});

impl Alias {
    /// `alias_urn` parsed; `None` if the service sent none, `Some(Err(_))` if it is not
    /// a function URN.
    pub fn urn(&self) -> Option<Result<crate::urn::FunctionUrn, crate::error::Error>> {
        self.alias_urn.as_deref().map(str::parse)
    }
}

model! {
    /// When a request goes to a canary version: rules combined with `and` or `or`.
    pub struct VersionStrategy {
        /// `and` (all rules must match) or `or` (any rule).
        pub combine_type: Option<String>,
        /// The rules.
        pub rules: Option<Vec<VersionStrategyRule>>,
    }
}

impl VersionStrategy {
    /// Rules combined with `combine_type` (`and` / `or`).
    pub fn new(combine_type: impl Into<String>, rules: Vec<VersionStrategyRule>) -> Self {
        VersionStrategy {
            combine_type: Some(combine_type.into()),
            rules: Some(rules),
            ..Default::default()
        }
    }
}

model! {
    /// One canary rule: a request header or cookie compared with a value.
    pub struct VersionStrategyRule {
        /// `header` or `cookie` (the official examples also use `Header`).
        pub rule_type: Option<String>,
        /// The header or cookie name (letters, digits, `_`, `-`).
        pub param: Option<String>,
        /// `=` or `in`.
        pub op: Option<String>,
        /// The value; a comma-separated list for `in`.
        pub value: Option<String>,
    }
}

impl VersionStrategyRule {
    /// A rule `rule_type` `param` `op` `value`, e.g. `("header", "x-user", "in", "a,b")`.
    pub fn new(
        rule_type: impl Into<String>,
        param: impl Into<String>,
        op: impl Into<String>,
        value: impl Into<String>,
    ) -> Self {
        VersionStrategyRule {
            rule_type: Some(rule_type.into()),
            param: Some(param.into()),
            op: Some(op.into()),
            value: Some(value.into()),
            ..Default::default()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strategy_round_trips_and_keeps_unknowns() {
        let json = r#"{"name":"a1","version":"v1","additional_version_weights":{"v2":50},
            "additional_version_strategy":{"v2":{"combine_type":"and","rules":[
            {"rule_type":"Header","param":"version","op":"=","value":"v1","x":1}]}},"new":null}"#;
        let alias: Alias = serde_json::from_str(json).unwrap();
        assert_eq!(alias.additional_version_weights.as_ref().unwrap()["v2"], 50);
        let strategy = &alias.additional_version_strategy.as_ref().unwrap()["v2"];
        let rule = &strategy.rules.as_ref().unwrap()[0];
        assert_eq!(rule.rule_type.as_deref(), Some("Header"));
        assert_eq!(rule.extra["x"], 1);
        assert_eq!(alias.extra["new"], serde_json::Value::Null);
        let rule = VersionStrategyRule::new("header", "version", "=", "v1");
        assert_eq!(
            serde_json::to_value(VersionStrategy::new("and", vec![rule])).unwrap(),
            serde_json::json!({"combine_type":"and","rules":[
                {"rule_type":"header","param":"version","op":"=","value":"v1"}]})
        );
    }
}
