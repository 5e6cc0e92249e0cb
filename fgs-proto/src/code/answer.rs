//! UpdateCode's answer, read without the code it echoes.
//!
//! The service answers UpdateCode with the function's code description, and
//! its `func_code.file` is the uploaded package again, in base64 (the OAS example shows
//! it). The caller has that package already; keeping the echo would copy it out of the
//! response into a `String` — 53 MiB more for a 40 MiB zip, on top of the response
//! itself. So that one value is skipped (checked as JSON, never allocated), and every
//! other field is read as usual.

use std::marker::PhantomData;

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::{Map, Value};

use crate::model::macros::Key;
use crate::model::{FuncCode, Function};

/// A [`Function`] read without `func_code.file`.
pub(crate) struct WithoutEchoedCode(pub(crate) Function);

impl<'de> Deserialize<'de> for WithoutEchoedCode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let (fields, code) = deserializer
            .deserialize_map(Entries::<Option<CodeWithoutFile>>::except("func_code"))?;
        let mut function: Function = from_fields(fields)?;
        function.func_code = code.flatten().map(|code| code.0);
        Ok(WithoutEchoedCode(function))
    }
}

/// A [`FuncCode`] read without `file`.
struct CodeWithoutFile(FuncCode);

impl<'de> Deserialize<'de> for CodeWithoutFile {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let (fields, _file) =
            deserializer.deserialize_map(Entries::<IgnoredAny>::except("file"))?;
        from_fields(fields).map(CodeWithoutFile)
    }
}

/// The entries of a JSON object but one, and that one read as `T`.
struct Entries<T> {
    except: &'static str,
    _value: PhantomData<T>,
}

impl<T> Entries<T> {
    fn except(key: &'static str) -> Self {
        Entries {
            except: key,
            _value: PhantomData,
        }
    }
}

impl<'de, T: Deserialize<'de>> Visitor<'de> for Entries<T> {
    type Value = (Map<String, Value>, Option<T>);

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut fields = Map::new();
        let mut excepted = None;
        while let Some(key) = map.next_key::<Key<'de>>()? {
            if key.as_str() == self.except {
                excepted = Some(map.next_value::<T>()?);
            } else {
                let value = map.next_value::<Value>()?;
                fields.insert(key.into_string(), value);
            }
        }
        Ok((fields, excepted))
    }
}

/// A model from the entries read, with the failing field's path in the error.
fn from_fields<T: de::DeserializeOwned, E: de::Error>(fields: Map<String, Value>) -> Result<T, E> {
    serde_path_to_error::deserialize(Value::Object(fields))
        .map_err(|e| E::custom(format!("{}: {}", e.path(), e.inner())))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(json: &str) -> Result<Function, serde_json::Error> {
        serde_json::from_str::<WithoutEchoedCode>(json).map(|w| w.0)
    }

    #[test]
    fn every_field_but_the_echoed_file_is_kept() {
        let function = read(
            r#"{"func_name":"f","code_size":3,"new_field":[1],
                "func_code":{"file":"UEsD","link":"https://obs/x.zip","other":true}}"#,
        )
        .unwrap();
        assert_eq!(function.func_name.as_deref(), Some("f"));
        assert_eq!(function.code_size, Some(3));
        assert_eq!(function.extra["new_field"], serde_json::json!([1]));
        let code = function.func_code.unwrap();
        assert_eq!(code.file, None);
        assert_eq!(code.link.as_deref(), Some("https://obs/x.zip"));
        assert_eq!(code.extra["other"], true);
    }

    #[test]
    fn absent_or_null_code_and_bad_fields() {
        assert_eq!(read(r#"{"func_name":"f"}"#).unwrap().func_code, None);
        assert_eq!(read(r#"{"func_code":null}"#).unwrap().func_code, None);
        assert_eq!(
            read(r#"{"func_code":{}}"#).unwrap().func_code,
            Some(FuncCode::default())
        );
        // A wrong type elsewhere names its field.
        let error = read(r#"{"code_size":"big"}"#).unwrap_err();
        assert!(error.to_string().contains("code_size"), "{error}");
        // The skipped value must still be JSON, and func_code an object.
        assert!(read(r#"{"func_code":{"file":nope}}"#).is_err());
        assert!(read(r#"{"func_code":"UEsD"}"#).is_err());
        assert!(read("[]").is_err());
    }
}
