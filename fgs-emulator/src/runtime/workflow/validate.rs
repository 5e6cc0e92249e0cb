//! What Create and Update check of a definition before storing it, with the messages
//! the emulator answers (400 `FGS.3002`, the service's code for invalid parameters).

use std::collections::BTreeSet;

use fgs_proto::workflows::{Definition, State, StateKind};
use serde_json::Value;

/// The checks that need nothing but the definition; `function_exists` says whether a
/// workflow function's URN names an existing function.
pub(crate) fn validate(
    definition: &Definition,
    function_exists: impl Fn(&str) -> Result<bool, String>,
) -> Result<(), String> {
    let name = definition.name().unwrap_or_default();
    if !valid_name(name, 64) {
        return Err(format!(
            "invalid workflow name `{name}`: 1 to 64 letters, digits, `_`, `(`, `)`, `.` or `-`"
        ));
    }
    for (field, present) in [
        ("constants", definition.constants.is_some()),
        ("functions", definition.functions.is_some()),
        ("retries", definition.retries.is_some()),
        ("states", definition.states.is_some()),
    ] {
        if !present {
            return Err(format!("missing required parameter `{field}`"));
        }
    }
    let states = definition.states();
    if states.is_empty() || states.len() > 100 {
        return Err(format!(
            "a workflow has 1 to 100 states, not {}",
            states.len()
        ));
    }
    let functions = unique(
        "function",
        definition
            .functions()
            .iter()
            .map(|f| f.name().unwrap_or_default()),
    )?;
    let retries = unique(
        "retry policy",
        definition
            .retries()
            .iter()
            .map(|r| r.name().unwrap_or_default()),
    )?;
    let mut ids = BTreeSet::new();
    for state in states {
        let id = state.id().unwrap_or_default();
        if id.is_empty() {
            return Err("every state needs an `id`".to_owned());
        }
        if !ids.insert(id) {
            return Err(format!("duplicate state id `{id}`"));
        }
    }
    let start = definition.start().unwrap_or_default();
    if !ids.contains(start) {
        return Err(format!("the start state `{start}` does not exist"));
    }
    let goes_to = |from: &str, to: &str| -> Result<(), String> {
        if ids.contains(to) {
            Ok(())
        } else {
            Err(format!(
                "state `{from}` transitions to `{to}`, which does not exist"
            ))
        }
    };
    for state in states {
        let id = state.id().unwrap_or_default();
        match state {
            State::Typed(typed) => {
                let ends = typed.end() == Some(true) || typed.kind() == Some(&StateKind::End);
                match typed.transition().filter(|t| !t.is_empty()) {
                    Some(to) if !ends => goes_to(id, to)?,
                    None if !ends => {
                        return Err(format!("state `{id}` neither ends nor has a transition"));
                    }
                    _ => {}
                }
                if typed.kind() == Some(&StateKind::Operation)
                    && (typed.actions().is_empty() || typed.actions().len() > 10)
                {
                    return Err(format!("operation state `{id}` needs 1 to 10 actions"));
                }
                if typed.kind() == Some(&StateKind::Sleep)
                    && !typed.duration().is_some_and(|d| (1..=86_400).contains(&d))
                {
                    return Err(format!(
                        "sleep state `{id}` needs a duration of 1 to 86400 seconds"
                    ));
                }
                for action in typed.actions() {
                    let called = action
                        .function_ref()
                        .and_then(|f| f.ref_name())
                        .unwrap_or_default();
                    if !functions.contains(called) {
                        return Err(format!(
                            "state `{id}` calls `{called}`, which is not one of the workflow's functions"
                        ));
                    }
                }
                for handler in typed.on_errors() {
                    if let Some(to) = handler.transition().filter(|t| !t.is_empty()) {
                        goes_to(id, to)?;
                    }
                    if let Some(policy) = handler.retry_ref().filter(|r| !r.is_empty())
                        && !retries.contains(policy)
                    {
                        return Err(format!(
                            "state `{id}` refers to the retry policy `{policy}`, which does not exist"
                        ));
                    }
                }
            }
            State::Raw(raw) => {
                let branches = raw
                    .get("data_conditions")
                    .and_then(Value::as_array)
                    .into_iter()
                    .flatten()
                    .chain(raw.get("default_condition"))
                    .chain(std::iter::once(raw));
                for branch in branches {
                    if let Some(to) = branch
                        .get("transition")
                        .and_then(Value::as_str)
                        .filter(|t| !t.is_empty())
                    {
                        goes_to(id, to)?;
                    }
                }
            }
            _ => {}
        }
    }
    for function in definition.functions() {
        let urn = function.operation().unwrap_or_default();
        match function_exists(urn) {
            Ok(true) => {}
            Ok(false) => return Err(format!("the function `{urn}` does not exist")),
            Err(why) => {
                return Err(format!(
                    "function `{}`: {why}",
                    function.name().unwrap_or_default()
                ));
            }
        }
    }
    Ok(())
}

/// The names, refused if one is empty or repeated.
fn unique<'a>(
    what: &str,
    names: impl Iterator<Item = &'a str>,
) -> Result<BTreeSet<&'a str>, String> {
    let mut seen = BTreeSet::new();
    for name in names {
        if name.is_empty() {
            return Err(format!("every {what} needs a name"));
        }
        if !seen.insert(name) {
            return Err(format!("duplicate {what} name `{name}`"));
        }
    }
    Ok(seen)
}

/// 1 to `max` characters of `[_a-zA-Z0-9().-]` or CJK ideographs.
fn valid_name(name: &str, max: usize) -> bool {
    let count = name.chars().count();
    (1..=max).contains(&count)
        && name.chars().all(|c| {
            c.is_ascii_alphanumeric()
                || matches!(c, '_' | '(' | ')' | '.' | '-')
                || ('\u{4e00}'..='\u{9fa5}').contains(&c)
        })
}

#[cfg(test)]
mod tests {
    use fgs_proto::workflows::{Action, OperationState, WorkflowFunction};
    use serde_json::json;

    use super::*;

    fn flow(states: Vec<State>) -> Definition {
        Definition::new("f", "a", vec![WorkflowFunction::new("fn", "urn:x")], states)
    }

    fn op(id: &str) -> OperationState {
        OperationState::operation(id, id, vec![Action::call("fn")])
    }

    fn check(definition: &Definition) -> Result<(), String> {
        validate(definition, |urn| Ok(urn == "urn:x"))
    }

    #[test]
    fn a_good_definition_passes_and_each_fault_is_named() {
        assert_eq!(check(&flow(vec![op("a").ends().into()])), Ok(()));
        let cases = [
            (flow(vec![op("a").then("zz").into()]), "transitions to `zz`"),
            (
                flow(vec![op("a").into()]),
                "neither ends nor has a transition",
            ),
            (
                flow(vec![op("b").ends().into()]),
                "start state `a` does not exist",
            ),
            (
                flow(vec![OperationState::sleep("a", "a", 0).ends().into()]),
                "duration of 1 to 86400",
            ),
            (
                flow(vec![
                    OperationState::operation("a", "a", vec![]).ends().into(),
                ]),
                "1 to 10 actions",
            ),
            (
                flow(vec![State::Raw(json!({"id": "a", "type": "Switch",
                        "data_conditions": [{"condition": "$.x", "transition": "q"}]}))]),
                "transitions to `q`",
            ),
            (flow(vec![]), "1 to 100 states"),
        ];
        for (definition, message) in cases {
            let error = check(&definition).unwrap_err();
            assert!(error.contains(message), "`{error}` lacks `{message}`");
        }
        let mut missing = flow(vec![op("a").ends().into()]);
        missing.functions = Some(vec![WorkflowFunction::new("fn", "urn:gone")]);
        assert_eq!(
            check(&missing),
            Err("the function `urn:gone` does not exist".to_owned())
        );
        let mut unnamed = flow(vec![op("a").ends().into()]);
        unnamed.name = Some("bad name!".into());
        assert!(
            check(&unnamed)
                .unwrap_err()
                .contains("invalid workflow name")
        );
        let mut no_retries = flow(vec![op("a").ends().into()]);
        no_retries.retries = None;
        assert!(check(&no_retries).unwrap_err().contains("`retries`"));
    }
}
