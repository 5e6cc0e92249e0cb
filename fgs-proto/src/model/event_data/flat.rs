//! `EventData`: the flat `event_data` object of every trigger type, as the OAS models it
//! (`TriggerEventDataRequestBody` ∪ `TriggerEventDataResponseBody`), and the APIG
//! `func_info` sub-object.

use serde_json::{Map, Value};

use super::enums::{
    ApigAuth, ApigBackendType, ApigMatchMode, ApigProtocol, ApigRequestMethod, InvocationType,
    PollingUnit, ScheduleType, ShardIteratorType,
};
use crate::model::macros::model;
use crate::secret::Secret;

model! {
    /// The `event_data` of a trigger, any type: one flat object whose meaningful keys
    /// depend on the trigger type. Every field the official definitions know
    /// is here, so nothing is out of reach; keys they do not know are kept in `extra`.
    ///
    /// For the common types, the per-type views ([`TimerEventData`](crate::model::TimerEventData),
    /// [`ApigEventData`](crate::model::ApigEventData), ...) show only the keys of that
    /// type and have constructors taking the required ones; convert with `From` in
    /// either direction, or through [`TypedEventData`](crate::model::TypedEventData).
    /// Passwords are [`Secret`]s: they are sent and read, but never printed by `Debug`.
    pub struct EventData {
        /// TIMER: trigger name; APIG: API name; CTS/OBS: notification name (OBS default:
        /// the trigger id).
        pub name: Option<String>,
        /// TIMER: `Rate` or `Cron`.
        pub schedule_type: Option<ScheduleType>,
        /// TIMER: the rate (`3m`, `2h`, `1d`) or the cron expression.
        pub schedule: Option<String>,
        /// TIMER: extra text delivered to the function in the event's `user_event`.
        pub user_event: Option<String>,
        /// APIG: API group id.
        pub group_id: Option<String>,
        /// APIG: API group name.
        pub group_name: Option<String>,
        /// APIG: publish environment id, e.g. `DEFAULT_ENVIRONMENT_RELEASE_ID`.
        pub env_id: Option<String>,
        /// APIG: publish environment name, e.g. `RELEASE`.
        pub env_name: Option<String>,
        /// APIG: how callers authenticate.
        pub auth: Option<ApigAuth>,
        /// APIG: `HTTP` or `HTTPS`.
        pub protocol: Option<ApigProtocol>,
        /// APIG: the API's URL path, e.g. `/a/b`.
        pub path: Option<String>,
        /// APIG: the HTTP method the API answers.
        pub req_method: Option<ApigRequestMethod>,
        /// APIG: prefix (`SWA`) or exact (`NORMAL`) path matching.
        pub match_mode: Option<ApigMatchMode>,
        /// APIG: 1 = public API, 2 = private API.
        #[wire = "type"]
        pub api_type: Option<i64>,
        /// APIG: the backend type, `FUNCTION`.
        pub backend_type: Option<ApigBackendType>,
        /// APIG: the group's sub-domain.
        pub sl_domain: Option<String>,
        /// APIG: how the gateway calls the function.
        pub func_info: Option<ApigTriggerFuncInfo>,
        /// APIG (dedicated gateway): instance id; DDS, KAFKA, RABBITMQ: instance id.
        pub instance_id: Option<String>,
        /// APIG response: the APIG trigger id.
        pub triggerid: Option<String>,
        /// APIG response: the API id.
        pub api_id: Option<String>,
        /// APIG response: the API name.
        pub api_name: Option<String>,
        /// APIG response: the URL that invokes the API.
        pub invoke_url: Option<String>,
        /// APIG response: the integration application (ROMA) id.
        pub roma_app_id: Option<String>,
        /// OBS: the bucket.
        pub bucket: Option<String>,
        /// OBS: the events, e.g. `s3:ObjectCreated:*`.
        pub events: Option<Vec<String>>,
        /// OBS: only objects whose key starts with this.
        pub prefix: Option<String>,
        /// OBS: only objects whose key ends with this.
        pub suffix: Option<String>,
        /// SMN: the topic URN.
        pub topic_urn: Option<String>,
        /// SMN response: `Unconfirmed` or `Confirmed` (not in the official OAS).
        pub subscription_status: Option<String>,
        /// DIS: the stream name.
        pub stream_name: Option<String>,
        /// DIS: where reading starts.
        pub sharditerator_type: Option<ShardIteratorType>,
        /// DIS, DMS: the polling interval (DIS: in `polling_unit`; DMS: seconds).
        pub polling_interval: Option<i64>,
        /// DIS: the unit of `polling_interval`.
        pub polling_unit: Option<PollingUnit>,
        /// DIS, DDS, KAFKA, RABBITMQ: the most records one invocation receives.
        pub batch_size: Option<i64>,
        /// DIS: the most bytes fetched at once.
        pub max_fetch_bytes: Option<i64>,
        /// DIS: `"true"` to process one batch fully before fetching the next (a string
        /// on the wire).
        pub is_serial: Option<String>,
        /// DMS: the queue id.
        pub queue_id: Option<String>,
        /// DMS: the consumer group id.
        pub consumer_group_id: Option<String>,
        /// KAFKA: the topic ids.
        pub topic_ids: Option<Vec<String>>,
        /// KAFKA: the SASL user.
        pub kafka_user: Option<String>,
        /// KAFKA: the SASL password.
        pub kafka_password: Option<Secret>,
        /// KAFKA: whether the connection uses SASL_SSL.
        pub kafka_ssl_enable: Option<bool>,
        /// KAFKA: the instance's connect address.
        pub kafka_connect_address: Option<String>,
        /// LTS: the log group id.
        pub log_group_id: Option<String>,
        /// LTS: the log stream (topic) id.
        pub log_topic_id: Option<String>,
        /// CTS: the operations to subscribe to, each `Service:resType;…:op1;op2`.
        pub operations: Option<Vec<String>>,
        /// DDS: the database name.
        pub db_name: Option<String>,
        /// DDS: the collection name.
        pub collection_name: Option<String>,
        /// DDS: the database user.
        pub db_user: Option<String>,
        /// DDS: the database password.
        pub db_password: Option<Secret>,
        /// DDS response: the instance addresses.
        pub instance_addrs: Option<Vec<String>>,
        /// DDS response: `Sharding`, `ReplicaSet` or `Single`.
        pub mode: Option<String>,
        /// RABBITMQ: the exchange name.
        pub exchange_name: Option<String>,
        /// RABBITMQ: the virtual host.
        pub vhost: Option<String>,
        /// RABBITMQ: the account name.
        pub access_user: Option<String>,
        /// RABBITMQ: the account password.
        pub access_password: Option<Secret>,
        /// RABBITMQ: the instance's connect address.
        pub connect_address: Option<String>,
        /// RABBITMQ: whether the connection uses SSL.
        pub ssl_enable: Option<bool>,
        /// EVENTGRID: the channel id.
        pub channel_id: Option<String>,
        /// EVENTGRID: the channel name.
        pub channel_name: Option<String>,
        /// EVENTGRID: the event source name.
        pub source_name: Option<String>,
        /// EVENTGRID: the trigger name.
        pub trigger_name: Option<String>,
        /// EVENTGRID: the agency used.
        pub agency: Option<String>,
        /// EVENTGRID: the event types.
        pub event_types: Option<Vec<String>>,
        /// EVENTGRID: whether OBS object keys are encoded (`Key_encode`, capital K, on
        /// the wire).
        #[wire = "Key_encode"]
        pub key_encode: Option<bool>,
        /// EVENTGRID: `ACTIVE` or `DISABLE`.
        pub status: Option<String>,
        /// EVENTGRID: creation time.
        pub created_time: Option<String>,
    }
}

impl EventData {
    /// Event data given as raw JSON, sent exactly as given: every key is kept in
    /// [`extra`](EventData::extra), none is interpreted. For trigger types this SDK does
    /// not model, or to send a value the typed fields cannot express.
    ///
    /// ```
    /// use fgs_proto::model::EventData;
    ///
    /// let mut map = serde_json::Map::new();
    /// map.insert("instance_id".into(), "i-1".into());
    /// map.insert("batch_size".into(), "10".into()); // a string, not the typed i64
    /// let data = EventData::from_raw(map);
    /// assert_eq!(data.batch_size, None);
    /// assert_eq!(serde_json::to_string(&data)?, r#"{"batch_size":"10","instance_id":"i-1"}"#);
    /// # Ok::<(), serde_json::Error>(())
    /// ```
    pub fn from_raw(map: Map<String, Value>) -> Self {
        EventData {
            extra: map,
            ..Default::default()
        }
    }
}

model! {
    /// How API Gateway calls the function (`func_info` of APIG event data).
    pub struct ApigTriggerFuncInfo {
        /// Gateway timeout in milliseconds, 1…60000 (required for APIG).
        pub timeout: Option<i64>,
        /// `sync` or `async`.
        pub invocation_type: Option<InvocationType>,
        /// The function URN.
        pub function_urn: Option<String>,
        /// The function version.
        pub version: Option<String>,
    }
}

impl ApigTriggerFuncInfo {
    /// Calls with a gateway timeout of `timeout_ms` milliseconds.
    pub fn new(timeout_ms: i64) -> Self {
        ApigTriggerFuncInfo {
            timeout: Some(timeout_ms),
            ..Default::default()
        }
    }
}
