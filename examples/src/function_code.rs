//! The demo function: its Python source (what a real FunctionGraph runs) and a Rust
//! handler that behaves the same way (what the emulator runs, as it runs no Python).

use fgs_emulator::{FunctionError, InvocationContext};
use serde_json::{Value, json};

/// The first code, uploaded inline by Create.
pub const FIRST_SOURCE: &str = "\
def handler(event, context):
    name = event.get('name', 'world')
    context.getLogger().info('greeting ' + name)
    return {'greeting': 'hello ' + name}
";

/// The second code, uploaded as a zip by UpdateCode: the greeting comes from the
/// `GREETING` environment variable, and `{"fail": true}` raises an error.
pub const SECOND_SOURCE: &str = "\
def handler(event, context):
    if event.get('fail'):
        raise ValueError('asked to fail')
    name = event.get('name', 'world')
    context.getLogger().info('greeting ' + name)
    return {'greeting': (context.getUserData('GREETING') or 'hello') + ' ' + name}
";

/// The file the zip holds, and its handler.
pub(crate) const FILE_NAME: &str = "index.py";
/// `file.function` of both sources.
pub(crate) const HANDLER: &str = "index.handler";

/// What the emulator runs for the demo function: [`SECOND_SOURCE`] in Rust (for the
/// first code's events it answers the same, as `GREETING` is not set yet).
pub fn emulated_handler(
    event: &[u8],
    context: &InvocationContext,
) -> Result<Vec<u8>, FunctionError> {
    let event: Value = serde_json::from_slice(event)
        .map_err(|e| FunctionError::new("JSONDecodeError", e.to_string()))?;
    if event.get("fail").and_then(Value::as_bool) == Some(true) {
        return Err(FunctionError::new("ValueError", "asked to fail"));
    }
    let name = event.get("name").and_then(Value::as_str).unwrap_or("world");
    context.log(format!("greeting {name}"));
    let greeting = context.env("GREETING").unwrap_or("hello");
    Ok(json!({"greeting": format!("{greeting} {name}")})
        .to_string()
        .into_bytes())
}
