//! CreateTrigger bodies and per-type `event_data` checks.

use fgs_proto::model::TriggerType;
use serde_json::Value;

use super::apig::check_apig;
use super::timer::check_timer;
use super::{Kind, Object, check_types, field, opt_object, opt_str, req_str};
use crate::api::api_error::{ApiError, code};

/// Types that may be created `DISABLED`, and those that start that way.
const MAY_BE_DISABLED: [&str; 5] = ["TIMER", "DDS", "DMS", "KAFKA", "LTS"];
const DISABLED_BY_DEFAULT: [&str; 2] = ["DDS", "KAFKA"];

/// A validated CreateTrigger body.
#[derive(Debug, Clone)]
pub(crate) struct TriggerInput {
    pub type_code: String,
    pub status: String,
    pub event_data: Object,
    pub event_type_code: Option<String>,
}

/// Validates a CreateTrigger body.
pub(crate) fn check_trigger(body: &Object) -> Result<TriggerInput, ApiError> {
    let type_code = req_str(body, "trigger_type_code")?;
    if !TriggerType::KNOWN.contains(&type_code) {
        return Err(ApiError::bad_request(
            code::TRIGGER_TYPE,
            format!("unsupported trigger type `{type_code}`"),
        ));
    }
    let event_data = opt_object(body, "event_data")?
        .ok_or_else(|| ApiError::missing("event_data"))?
        .clone();
    let status = match opt_str(body, "trigger_status")? {
        None if DISABLED_BY_DEFAULT.contains(&type_code) => "DISABLED",
        None => "ACTIVE",
        Some(given) => check_status(type_code, given)?,
    };
    let event_type_code = opt_str(body, "event_type_code")?.map(str::to_owned);
    check_event_data(type_code, &event_data)?;
    Ok(TriggerInput {
        type_code: type_code.to_owned(),
        status: status.to_owned(),
        event_data,
        event_type_code,
    })
}

/// A `trigger_status` a trigger of `type_code` may have.
fn check_status(type_code: &str, given: &str) -> Result<&'static str, ApiError> {
    match given {
        "ACTIVE" => Ok("ACTIVE"),
        "DISABLED" if MAY_BE_DISABLED.contains(&type_code) => Ok("DISABLED"),
        "DISABLED" => Err(ApiError::invalid(
            "trigger_status",
            format!("a {type_code} trigger cannot be DISABLED"),
        )),
        other => Err(ApiError::invalid(
            "trigger_status",
            format!("`{other}` is not ACTIVE or DISABLED"),
        )),
    }
}

/// A validated UpdateTrigger body: the new status, if any, and the event data once the
/// changes are applied (checked as CreateTrigger checks it).
#[derive(Debug, Clone)]
pub(crate) struct TriggerUpdate {
    pub status: Option<&'static str>,
    pub event_data: Object,
}

/// Validates an UpdateTrigger body for a trigger of `type_code` whose event data is
/// `current`. `event_data` is documented as a list of objects whose fields replace the
/// trigger's; a single object is taken as a list of one.
pub(crate) fn check_update(
    type_code: &str,
    current: &Object,
    body: &Object,
) -> Result<TriggerUpdate, ApiError> {
    let status = opt_str(body, "trigger_status")?
        .map(|given| check_status(type_code, given))
        .transpose()?;
    let changes: Vec<&Value> = match field(body, "event_data") {
        None => Vec::new(),
        Some(Value::Array(entries)) => entries.iter().collect(),
        Some(entry) => vec![entry],
    };
    let mut event_data = current.clone();
    for change in changes {
        let Value::Object(change) = change else {
            return Err(ApiError::invalid("event_data", "must be a list of objects"));
        };
        check_types(
            change,
            &[
                ("is_serial", Kind::Bool),
                ("max_fetch_bytes", Kind::Int),
                ("polling_interval", Kind::Int),
                ("polling_unit", Kind::Str),
            ],
        )?;
        for (key, value) in change {
            // The change sends `is_serial` as a boolean; event data holds it as the
            // text `"true"`/`"false"`, as CreateTrigger takes and answers it.
            let value = match (key.as_str(), value) {
                ("is_serial", Value::Bool(serial)) => Value::String(serial.to_string()),
                _ => value.clone(),
            };
            event_data.insert(key.clone(), value);
        }
    }
    check_event_data(type_code, &event_data)?;
    Ok(TriggerUpdate { status, event_data })
}

fn check_event_data(type_code: &str, event: &Object) -> Result<(), ApiError> {
    match type_code {
        "TIMER" => check_timer(event),
        "APIG" | "DEDICATEDGATEWAY" => check_apig(event),
        "OBS" => {
            text(event, "bucket", 64, code::OBS_TRIGGER)?;
            let events = field(event, "events")
                .and_then(Value::as_array)
                .filter(|e| !e.is_empty() && e.iter().all(Value::is_string));
            if events.is_none() {
                return Err(ApiError::bad_request(
                    code::OBS_TRIGGER,
                    "event_data.events must be a non-empty array of event names",
                ));
            }
            Ok(())
        }
        "SMN" => text(event, "topic_urn", 255, code::SMN_TRIGGER),
        "DIS" => {
            text(event, "stream_name", 255, code::DIS_TRIGGER)?;
            range(event, "batch_size", 1, 10_000, code::DIS_TRIGGER)?;
            range(event, "polling_interval", 1, 60, code::DIS_TRIGGER)
        }
        "DMS" => {
            text(event, "queue_id", 255, code::DMS_TRIGGER)?;
            text(event, "consumer_group_id", 255, code::DMS_TRIGGER)
        }
        "KAFKA" => {
            text(event, "instance_id", 255, code::KAFKA_TRIGGER)?;
            let topics = field(event, "topic_ids")
                .and_then(Value::as_array)
                .filter(|t| !t.is_empty() && t.iter().all(Value::is_string));
            if topics.is_none() {
                return Err(ApiError::bad_request(
                    code::KAFKA_TRIGGER,
                    "event_data.topic_ids must be a non-empty array of topic ids",
                ));
            }
            range(event, "batch_size", 1, 1000, code::KAFKA_TRIGGER)?;
            let sasl_ssl = field(event, "kafka_ssl_enable").and_then(Value::as_bool) == Some(true);
            let credentials = ["kafka_user", "kafka_password"].iter().all(|key| {
                field(event, key)
                    .and_then(Value::as_str)
                    .is_some_and(|s| !s.is_empty())
            });
            if sasl_ssl && !credentials {
                return Err(ApiError::bad_request(
                    code::KAFKA_SASL,
                    "a SASL_SSL Kafka trigger needs kafka_user and kafka_password",
                ));
            }
            Ok(())
        }
        "LTS" => {
            // Old docs named the keys `group_id` / `topic_id`; examples use `log_*`.
            for (key, old) in [("log_group_id", "group_id"), ("log_topic_id", "topic_id")] {
                if field(event, key).is_none() && field(event, old).is_some() {
                    text(event, old, 255, code::LTS_TRIGGER)?;
                } else {
                    text(event, key, 255, code::LTS_TRIGGER)?;
                }
            }
            Ok(())
        }
        // The other types' fields are not documented well enough to check.
        _ => Ok(()),
    }
}

/// A required string of 1..=`max` characters.
fn text(event: &Object, key: &str, max: usize, code: &'static str) -> Result<(), ApiError> {
    match field(event, key).and_then(Value::as_str) {
        Some(s) if (1..=max).contains(&s.chars().count()) => Ok(()),
        _ => Err(ApiError::bad_request(
            code,
            format!("event_data.{key} is required: a string of 1-{max} characters"),
        )),
    }
}

/// An optional integer within `min..=max`.
fn range(
    event: &Object,
    key: &str,
    min: i64,
    max: i64,
    code: &'static str,
) -> Result<(), ApiError> {
    match field(event, key) {
        None => Ok(()),
        Some(v) if v.as_i64().is_some_and(|n| (min..=max).contains(&n)) => Ok(()),
        Some(_) => Err(ApiError::bad_request(
            code,
            format!("event_data.{key} must be an integer between {min} and {max}"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn check(v: Value) -> Result<TriggerInput, ApiError> {
        check_trigger(v.as_object().unwrap())
    }

    #[test]
    fn statuses() {
        let timer = json!({"name": "t", "schedule_type": "Rate", "schedule": "3m"});
        let t = check(json!({"trigger_type_code": "TIMER", "event_data": timer})).unwrap();
        assert_eq!(t.status, "ACTIVE");
        let kafka = json!({"instance_id": "i", "topic_ids": ["t"], "batch_size": 100});
        let k = check(json!({"trigger_type_code": "KAFKA", "event_data": kafka})).unwrap();
        assert_eq!(k.status, "DISABLED");
        let smn = json!({"trigger_type_code": "SMN", "trigger_status": "DISABLED", "event_data": {"topic_urn": "u"}});
        assert_eq!(check(smn).unwrap_err().code, code::INVALID_PARAMETER);
        let bad =
            json!({"trigger_type_code": "TIMER", "trigger_status": "PAUSED", "event_data": timer});
        assert_eq!(check(bad).unwrap_err().code, code::INVALID_PARAMETER);
    }

    #[test]
    fn types_and_event_data() {
        assert_eq!(
            check(json!({"trigger_type_code": "FTP", "event_data": {}}))
                .unwrap_err()
                .code,
            code::TRIGGER_TYPE
        );
        assert_eq!(
            check(json!({"trigger_type_code": "TIMER"}))
                .unwrap_err()
                .message,
            "missing required parameter `event_data`"
        );
        let cases = [
            ("OBS", json!({"bucket": "b"}), code::OBS_TRIGGER),
            ("SMN", json!({}), code::SMN_TRIGGER),
            (
                "DIS",
                json!({"stream_name": "s", "batch_size": 0}),
                code::DIS_TRIGGER,
            ),
            ("DMS", json!({"queue_id": "q"}), code::DMS_TRIGGER),
            (
                "KAFKA",
                json!({"instance_id": "i", "topic_ids": []}),
                code::KAFKA_TRIGGER,
            ),
            ("LTS", json!({"log_group_id": "g"}), code::LTS_TRIGGER),
            ("APIG", json!({}), code::APIG_TRIGGER),
            ("TIMER", json!({}), code::TIMER_TRIGGER),
        ];
        for (kind, event, expected) in cases {
            let e = check(json!({"trigger_type_code": kind, "event_data": event})).unwrap_err();
            assert_eq!(e.code, expected, "{kind}");
        }
        let sasl = json!({"trigger_type_code": "KAFKA", "event_data": {
            "instance_id": "i", "topic_ids": ["t"], "kafka_ssl_enable": true, "kafka_user": "u"}});
        assert_eq!(check(sasl).unwrap_err().code, code::KAFKA_SASL);
        let lts_old =
            json!({"trigger_type_code": "LTS", "event_data": {"group_id": "g", "topic_id": "t"}});
        assert!(check(lts_old).is_ok());
        let cts = json!({"trigger_type_code": "CTS", "event_data": {"anything": 1}});
        assert!(check(cts).is_ok());
    }

    #[test]
    fn updates() {
        let timer = json!({"name": "t", "schedule_type": "Rate", "schedule": "3m"});
        let current = timer.as_object().unwrap();
        let update = |body: Value| check_update("TIMER", current, body.as_object().unwrap());
        let off = update(json!({"trigger_status": "DISABLED"})).unwrap();
        assert_eq!((off.status, &off.event_data), (Some("DISABLED"), current));
        let renamed =
            update(json!({"event_data": [{"schedule": "5m"}, {"user_event": "x"}]})).unwrap();
        assert_eq!(renamed.status, None);
        assert_eq!(renamed.event_data["schedule"], "5m");
        assert_eq!(renamed.event_data["user_event"], "x");
        let one = update(json!({"event_data": {"schedule": "7m"}})).unwrap();
        assert_eq!(one.event_data["schedule"], "7m");
        assert_eq!(
            update(json!({"event_data": ["x"]})).unwrap_err().code,
            code::INVALID_PARAMETER
        );
        assert_eq!(
            update(json!({"event_data": [{"schedule_type": "Never"}]}))
                .unwrap_err()
                .code,
            code::TIMER_TRIGGER
        );
        let smn = json!({"topic_urn": "u"});
        let smn = smn.as_object().unwrap();
        let body = json!({"trigger_status": "DISABLED"});
        assert!(check_update("SMN", smn, body.as_object().unwrap()).is_err());
        let dis = json!({"stream_name": "s", "is_serial": "false"});
        let dis = dis.as_object().unwrap();
        let body = json!({"event_data": [{"is_serial": true, "polling_interval": "x"}]});
        assert!(check_update("DIS", dis, body.as_object().unwrap()).is_err());
        let body = json!({"event_data": [{"is_serial": true}]});
        let serial = check_update("DIS", dis, body.as_object().unwrap()).unwrap();
        assert_eq!(serial.event_data["is_serial"], "true");
    }
}
