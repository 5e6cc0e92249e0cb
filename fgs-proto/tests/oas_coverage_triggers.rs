//! The models of Invoke, AsyncInvoke and the trigger operations against the official
//! OpenAPI definitions: every OAS property has a field of that wire name, and a body
//! with every property set (a sample built from the schema) decodes without landing
//! in `extra` and serialises back to the same JSON — so names and types both match.

use fgs_proto::functions::AsyncInvokeOutput;
use fgs_proto::model::{
    ApigEventData, ApigTriggerFuncInfo, CtsEventData, DisEventData, DmsEventData, EventData,
    InvokeEnvelope, KafkaEventData, LtsEventData, ObsEventData, SmnEventData, TimerEventData,
    Trigger,
};
use fgs_proto::triggers::CreateBody;
use serde::Serialize;
use serde::de::DeserializeOwned;
use serde_json::{Value, json};

fn definitions(file: &str) -> Value {
    let path = format!("{}/tests/data/oas/{file}.json", env!("CARGO_MANIFEST_DIR"));
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    doc["definitions"].clone()
}

/// A value for `schema` with every property set: the first enum value, `sample-<name>`
/// strings, 7 for integers, `true` for booleans, one-element arrays.
fn sample(schema: &Value, defs: &Value, name: &str) -> Value {
    if let Some(reference) = schema["$ref"].as_str() {
        let def = reference.trim_start_matches("#/definitions/");
        return sample(&defs[def], defs, def);
    }
    if let Some(values) = schema["enum"].as_array() {
        return values[0].clone();
    }
    if let Some(properties) = schema["properties"].as_object() {
        return properties
            .iter()
            .map(|(key, prop)| (key.clone(), sample(prop, defs, key)))
            .collect::<serde_json::Map<_, _>>()
            .into();
    }
    match schema["type"].as_str() {
        Some("string") => json!(format!("sample-{name}")),
        Some("integer") => json!(7),
        Some("number") => json!(7.5),
        Some("boolean") => json!(true),
        Some("array") => json!([sample(&schema["items"], defs, name)]),
        other => panic!("{name}: no sample for type {other:?}"),
    }
}

fn property_names(defs: &Value, def: &str) -> Vec<String> {
    defs[def]["properties"]
        .as_object()
        .unwrap_or_else(|| panic!("{def} has no properties"))
        .keys()
        .cloned()
        .collect()
}

/// Every property of `file`'s definition `def` is one of `fields`, and the full sample
/// round-trips through `T`.
fn covers<T: DeserializeOwned + Serialize>(fields: &[&str], file: &str, def: &str) {
    let defs = definitions(file);
    let names = property_names(&defs, def);
    assert!(!names.is_empty());
    let missing: Vec<_> = names
        .iter()
        .filter(|n| !fields.contains(&n.as_str()))
        .collect();
    assert!(
        missing.is_empty(),
        "{file}/{def}: not modelled: {missing:?}"
    );
    let full = sample(&defs[def], &defs, def);
    let model: T = serde_json::from_value(full.clone())
        .unwrap_or_else(|e| panic!("{file}/{def}: {e}\n{full:#}"));
    assert_eq!(serde_json::to_value(&model).unwrap(), full, "{file}/{def}");
}

#[test]
fn trigger_responses() {
    for (file, def) in [
        ("ListFunctionTriggers", "ListFunctionTriggerResult"),
        ("ShowFunctionTrigger", "ShowFunctionTriggerResponseBody"),
        ("CreateFunctionTrigger", "CreateFunctionTriggerResponseBody"),
    ] {
        covers::<Trigger>(Trigger::FIELDS, file, def);
    }
}

#[test]
fn event_data_request_and_response() {
    covers::<EventData>(
        EventData::FIELDS,
        "CreateFunctionTrigger",
        "TriggerEventDataRequestBody",
    );
    covers::<EventData>(
        EventData::FIELDS,
        "ShowFunctionTrigger",
        "TriggerEventDataResponseBody",
    );
    covers::<EventData>(
        EventData::FIELDS,
        "ListFunctionTriggers",
        "TriggerEventDataResponseBody",
    );
    covers::<ApigTriggerFuncInfo>(
        ApigTriggerFuncInfo::FIELDS,
        "ListFunctionTriggers",
        "ApigTriggerFuncInfo",
    );
}

#[test]
fn create_body() {
    covers::<CreateBody>(
        CreateBody::FIELDS,
        "CreateFunctionTrigger",
        "CreateFunctionTriggerRequestBody",
    );
}

#[test]
fn invocation_bodies() {
    covers::<InvokeEnvelope>(
        InvokeEnvelope::FIELDS,
        "InvokeFunction",
        "InvokeFunctionResponseBody",
    );
    covers::<AsyncInvokeOutput>(
        AsyncInvokeOutput::FIELDS,
        "AsyncInvokeFunction",
        "AsyncInvokeFunctionResponseBody",
    );
}

/// Checks one view: its wire names are flat wire names, and the view of a flat object
/// with every field set holds exactly the view's fields, unchanged.
fn view_matches_flat<V>(fields: &[&str], full: &EventData)
where
    V: Serialize + for<'a> From<&'a EventData> + Into<EventData> + Clone + std::fmt::Debug,
{
    let unknown: Vec<_> = fields
        .iter()
        .filter(|f| !EventData::FIELDS.contains(f))
        .collect();
    assert!(
        unknown.is_empty(),
        "view fields not in EventData: {unknown:?}"
    );
    let view = V::from(full);
    let json = serde_json::to_value(&view).unwrap();
    let keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    let mut expected = fields.to_vec();
    expected.sort_unstable();
    let mut keys_sorted = keys.clone();
    keys_sorted.sort_unstable();
    assert_eq!(keys_sorted, expected, "{view:?}");
    let full_json = serde_json::to_value(full).unwrap();
    for key in keys {
        assert_eq!(json[key], full_json[key], "{key}");
    }
    // And back: the flat data of the view serialises like the view.
    let flat: EventData = view.clone().into();
    assert_eq!(serde_json::to_value(&flat).unwrap(), json);
}

#[test]
fn every_view_is_a_subset_of_the_flat_data() {
    let defs = definitions("ShowFunctionTrigger");
    let mut full = sample(&defs["TriggerEventDataResponseBody"], &defs, "event_data");
    // `subscription_status` (spec §10.3) is not in the OAS; give it a value too.
    full["subscription_status"] = json!("Confirmed");
    let full: EventData = serde_json::from_value(full).unwrap();
    view_matches_flat::<TimerEventData>(TimerEventData::FIELDS, &full);
    view_matches_flat::<ApigEventData>(ApigEventData::FIELDS, &full);
    view_matches_flat::<ObsEventData>(ObsEventData::FIELDS, &full);
    view_matches_flat::<SmnEventData>(SmnEventData::FIELDS, &full);
    view_matches_flat::<DisEventData>(DisEventData::FIELDS, &full);
    view_matches_flat::<DmsEventData>(DmsEventData::FIELDS, &full);
    view_matches_flat::<KafkaEventData>(KafkaEventData::FIELDS, &full);
    view_matches_flat::<LtsEventData>(LtsEventData::FIELDS, &full);
    view_matches_flat::<CtsEventData>(CtsEventData::FIELDS, &full);
}

#[test]
fn views_hold_the_keys_spec_section_10_lists() {
    // Spot checks of the per-type key sets against spec §10 (required keys).
    for key in ["name", "schedule_type", "schedule", "user_event"] {
        assert!(TimerEventData::FIELDS.contains(&key), "{key}");
    }
    for key in [
        "name",
        "group_id",
        "env_id",
        "env_name",
        "auth",
        "protocol",
        "path",
        "req_method",
        "match_mode",
        "type",
        "func_info",
        "sl_domain",
        "instance_id",
    ] {
        assert!(ApigEventData::FIELDS.contains(&key), "{key}");
    }
    for key in [
        "stream_name",
        "sharditerator_type",
        "polling_interval",
        "polling_unit",
        "batch_size",
        "max_fetch_bytes",
        "is_serial",
    ] {
        assert!(DisEventData::FIELDS.contains(&key), "{key}");
    }
    for key in [
        "instance_id",
        "topic_ids",
        "batch_size",
        "kafka_user",
        "kafka_password",
    ] {
        assert!(KafkaEventData::FIELDS.contains(&key), "{key}");
    }
    assert!(EventData::FIELDS.contains(&"Key_encode"));
    assert!(!EventData::FIELDS.contains(&"key_encode"));
}
