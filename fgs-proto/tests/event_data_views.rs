//! The per-type views of trigger `event_data` against the flat OAS object: each view's
//! fields are flat fields, and converting between a view and the flat data keeps every
//! value. (Field coverage of the OAS objects themselves is in `field_coverage.rs`.)

mod common;

use common::oas_sample;
use fgs_proto::model::{
    ApigEventData, CtsEventData, DisEventData, DmsEventData, EventData, KafkaEventData,
    LtsEventData, ObsEventData, SmnEventData, TimerEventData,
};
use serde::Serialize;
use serde_json::{Value, json};

fn definitions(file: &str) -> Value {
    let path = format!("{}/tests/data/oas/{file}.json", env!("CARGO_MANIFEST_DIR"));
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    doc["definitions"].clone()
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
    let mut full = oas_sample(&defs["TriggerEventDataResponseBody"], &defs, "event_data");
    // `subscription_status` (documented for SMN) is not in the OAS; give it a value too.
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
    // Spot checks of the per-type key sets against the documented required keys.
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
