//! The small expression language of workflow definitions, as far as the emulator
//! evaluates it: JSONPath selections (`$`, `$.a.b`, `$.a[0]`, `$CONST.x`), constants
//! (`'text'`, numbers, booleans, `null`), alternatives (`a | b`: the first that
//! selects something), and comparisons (`<path> == <constant>`, with `!=`, `>`, `>=`,
//! `<`, `<=`) for switch conditions and error handlers.

use serde_json::{Map, Value};

/// Selects `path` (`$…`) in `root`; `None` when it selects nothing or is not a path.
pub(crate) fn select<'v>(path: &str, root: &'v Value) -> Option<&'v Value> {
    let rest = path.trim().strip_prefix('$')?;
    let mut current = root;
    let mut chars = rest;
    while !chars.is_empty() {
        if let Some(after) = chars.strip_prefix('.') {
            let end = after.find(['.', '[']).unwrap_or(after.len());
            let key = &after[..end];
            if key.is_empty() {
                return None;
            }
            current = current.get(key)?;
            chars = &after[end..];
        } else if let Some(after) = chars.strip_prefix('[') {
            let end = after.find(']')?;
            let index = &after[..end];
            current = match index.trim().parse::<usize>() {
                Ok(i) => current.get(i)?,
                Err(_) => current.get(index.trim().trim_matches(['\'', '"']))?,
            };
            chars = &after[end + 1..];
        } else {
            return None;
        }
    }
    Some(current)
}

/// Applies a state's data filter: an empty or absent filter keeps the value whole; a
/// path that selects nothing gives `null`.
pub(crate) fn filter(path: Option<&str>, value: Value) -> Value {
    match path.map(str::trim) {
        None | Some("") | Some("$") => value,
        Some(path) => select(path, &value).cloned().unwrap_or(Value::Null),
    }
}

/// A constant written in an expression, if `text` is one.
fn constant(text: &str) -> Option<Value> {
    let text = text.trim();
    if let Some(inner) = text
        .strip_prefix('\'')
        .and_then(|t| t.strip_suffix('\''))
        .or_else(|| text.strip_prefix('"').and_then(|t| t.strip_suffix('"')))
    {
        return Some(Value::String(inner.to_owned()));
    }
    match text {
        "true" => Some(Value::Bool(true)),
        "false" => Some(Value::Bool(false)),
        "null" => Some(Value::Null),
        _ => serde_json::from_str::<serde_json::Number>(text)
            .ok()
            .map(Value::Number),
    }
}

/// One operand: a path into the input (`$…`) or the constants (`$CONST…`), or a
/// constant.
fn operand(text: &str, input: &Value, constants: &Value) -> Option<Value> {
    let text = text.trim();
    if let Some(rest) = text.strip_prefix("$CONST") {
        return select(&format!("${rest}"), constants).cloned();
    }
    if text.starts_with('$') {
        return select(text, input).cloned();
    }
    constant(text)
}

/// The value of an argument expression: the first alternative that gives a value;
/// text that is neither a path nor a constant is itself.
fn argument(text: &str, input: &Value, constants: &Value) -> Value {
    let mut literal = true;
    for alternative in text.split(" | ") {
        let alternative = alternative.trim();
        literal &= !alternative.starts_with('$') && constant(alternative).is_none();
        if let Some(value) = operand(alternative, input, constants) {
            return value;
        }
    }
    if literal {
        Value::String(text.to_owned())
    } else {
        Value::Null
    }
}

/// A function's input from its `arguments`: each string evaluated, objects and arrays
/// walked, other values kept.
pub(crate) fn arguments(arguments: &Map<String, Value>, input: &Value, constants: &Value) -> Value {
    fn walk(value: &Value, input: &Value, constants: &Value) -> Value {
        match value {
            Value::String(text) => argument(text, input, constants),
            Value::Object(map) => Value::Object(
                map.iter()
                    .map(|(k, v)| (k.clone(), walk(v, input, constants)))
                    .collect(),
            ),
            Value::Array(items) => {
                Value::Array(items.iter().map(|v| walk(v, input, constants)).collect())
            }
            other => other.clone(),
        }
    }
    Value::Object(
        arguments
            .iter()
            .map(|(k, v)| (k.clone(), walk(v, input, constants)))
            .collect(),
    )
}

/// Evaluates a condition (`<operand> <op> <operand>`, or a lone operand that is true
/// when it is `true`); `Err` names what cannot be read.
pub(crate) fn condition(text: &str, input: &Value, constants: &Value) -> Result<bool, String> {
    const OPS: [&str; 6] = ["==", "!=", ">=", "<=", ">", "<"];
    let Some((at, op)) = OPS
        .iter()
        .filter_map(|op| text.find(op).map(|at| (at, *op)))
        .min_by_key(|(at, op)| (*at, std::cmp::Reverse(op.len())))
    else {
        return Ok(operand(text, input, constants) == Some(Value::Bool(true)));
    };
    let left = operand(&text[..at], input, constants).unwrap_or(Value::Null);
    let right_text = &text[at + op.len()..];
    let right = operand(right_text, input, constants)
        .ok_or_else(|| format!("cannot read `{}` in condition `{text}`", right_text.trim()))?;
    Ok(match op {
        "==" => equal(&left, &right),
        "!=" => !equal(&left, &right),
        _ => match (left.as_f64(), right.as_f64(), left.as_str(), right.as_str()) {
            (Some(l), Some(r), _, _) => order(op, l.partial_cmp(&r)),
            (_, _, Some(l), Some(r)) => order(op, Some(l.cmp(r))),
            _ => false,
        },
    })
}

/// Numbers compare by value (`500 == 500.0`), everything else structurally.
fn equal(left: &Value, right: &Value) -> bool {
    match (left.as_f64(), right.as_f64()) {
        (Some(l), Some(r)) => l == r,
        _ => left == right,
    }
}

fn order(op: &str, ordering: Option<std::cmp::Ordering>) -> bool {
    use std::cmp::Ordering::{Equal, Greater, Less};
    matches!(
        (op, ordering),
        (">", Some(Greater))
            | (">=", Some(Greater | Equal))
            | ("<", Some(Less))
            | ("<=", Some(Less | Equal))
    )
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn paths_select_keys_and_indexes() {
        let v = json!({"a": {"b": [10, {"c": "x"}]}});
        assert_eq!(select("$", &v), Some(&v));
        assert_eq!(select("$.a.b[0]", &v), Some(&json!(10)));
        assert_eq!(select("$.a.b[1].c", &v), Some(&json!("x")));
        assert_eq!(select("$.a['b'][0]", &v), Some(&json!(10)));
        assert_eq!(select("$.missing", &v), None);
        assert_eq!(select("a.b", &v), None);
        assert_eq!(filter(Some("$.a.b[0]"), v.clone()), json!(10));
        assert_eq!(filter(Some(""), v.clone()), v);
        assert_eq!(filter(Some("$.nope"), v), Value::Null);
    }

    #[test]
    fn arguments_map_paths_constants_and_alternatives() {
        let input = json!({"size": 3, "name": "n"});
        let constants = json!({"default": {"colour": "red"}});
        let args = json!({
            "size": "$.size",
            "colour": "$.colour | $CONST.default.colour",
            "label": "'fixed'",
            "n": 5,
            "plain": "hello",
            "nested": {"who": "$.name"},
            "gone": "$.nothing",
        });
        let out = arguments(args.as_object().unwrap(), &input, &constants);
        assert_eq!(
            out,
            json!({"size": 3, "colour": "red", "label": "fixed", "n": 5, "plain": "hello",
                   "nested": {"who": "n"}, "gone": null})
        );
    }

    #[test]
    fn conditions_compare() {
        let input = json!({"amount": 150, "kind": "gold", "flag": true});
        let c = json!({});
        assert_eq!(condition("$.amount > 100", &input, &c), Ok(true));
        assert_eq!(condition("$.amount <= 100", &input, &c), Ok(false));
        assert_eq!(condition("$.amount >= 150", &input, &c), Ok(true));
        assert_eq!(condition("$.kind == 'gold'", &input, &c), Ok(true));
        assert_eq!(condition("$.kind != 'gold'", &input, &c), Ok(false));
        assert_eq!(condition("$.flag", &input, &c), Ok(true));
        assert_eq!(condition("$.missing == null", &input, &c), Ok(true));
        assert!(condition("$.amount > ???", &input, &c).is_err());
    }
}
