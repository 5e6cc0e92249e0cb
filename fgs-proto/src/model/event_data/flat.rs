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
    /// depend on the trigger type (spec §10). Every field the official definitions know
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
        pub name: String,
        /// TIMER: `Rate` or `Cron`.
        pub schedule_type: ScheduleType,
        /// TIMER: the rate (`3m`, `2h`, `1d`) or the cron expression.
        pub schedule: String,
        /// TIMER: extra text delivered to the function in the event's `user_event`.
        pub user_event: String,
        /// APIG: API group id.
        pub group_id: String,
        /// APIG: API group name.
        pub group_name: String,
        /// APIG: publish environment id, e.g. `DEFAULT_ENVIRONMENT_RELEASE_ID`.
        pub env_id: String,
        /// APIG: publish environment name, e.g. `RELEASE`.
        pub env_name: String,
        /// APIG: how callers authenticate.
        pub auth: ApigAuth,
        /// APIG: `HTTP` or `HTTPS`.
        pub protocol: ApigProtocol,
        /// APIG: the API's URL path, e.g. `/a/b`.
        pub path: String,
        /// APIG: the HTTP method the API answers.
        pub req_method: ApigRequestMethod,
        /// APIG: prefix (`SWA`) or exact (`NORMAL`) path matching.
        pub match_mode: ApigMatchMode,
        /// APIG: 1 = public API, 2 = private API.
        #[wire = "type"]
        pub api_type: i64,
        /// APIG: the backend type, `FUNCTION`.
        pub backend_type: ApigBackendType,
        /// APIG: the group's sub-domain.
        pub sl_domain: String,
        /// APIG: how the gateway calls the function.
        pub func_info: ApigTriggerFuncInfo,
        /// APIG (dedicated gateway): instance id; DDS, KAFKA, RABBITMQ: instance id.
        pub instance_id: String,
        /// APIG response: the APIG trigger id.
        pub triggerid: String,
        /// APIG response: the API id.
        pub api_id: String,
        /// APIG response: the API name.
        pub api_name: String,
        /// APIG response: the URL that invokes the API.
        pub invoke_url: String,
        /// APIG response: the integration application (ROMA) id.
        pub roma_app_id: String,
        /// OBS: the bucket.
        pub bucket: String,
        /// OBS: the events, e.g. `s3:ObjectCreated:*`.
        pub events: Vec<String>,
        /// OBS: only objects whose key starts with this.
        pub prefix: String,
        /// OBS: only objects whose key ends with this.
        pub suffix: String,
        /// SMN: the topic URN.
        pub topic_urn: String,
        /// SMN response: `Unconfirmed` or `Confirmed` (spec §10.3; not in the OAS).
        pub subscription_status: String,
        /// DIS: the stream name.
        pub stream_name: String,
        /// DIS: where reading starts.
        pub sharditerator_type: ShardIteratorType,
        /// DIS, DMS: the polling interval (DIS: in `polling_unit`; DMS: seconds).
        pub polling_interval: i64,
        /// DIS: the unit of `polling_interval`.
        pub polling_unit: PollingUnit,
        /// DIS, DDS, KAFKA, RABBITMQ: the most records one invocation receives.
        pub batch_size: i64,
        /// DIS: the most bytes fetched at once.
        pub max_fetch_bytes: i64,
        /// DIS: `"true"` to process one batch fully before fetching the next (a string
        /// on the wire).
        pub is_serial: String,
        /// DMS: the queue id.
        pub queue_id: String,
        /// DMS: the consumer group id.
        pub consumer_group_id: String,
        /// KAFKA: the topic ids.
        pub topic_ids: Vec<String>,
        /// KAFKA: the SASL user.
        pub kafka_user: String,
        /// KAFKA: the SASL password.
        pub kafka_password: Secret,
        /// KAFKA: whether the connection uses SASL_SSL.
        pub kafka_ssl_enable: bool,
        /// KAFKA: the instance's connect address.
        pub kafka_connect_address: String,
        /// LTS: the log group id.
        pub log_group_id: String,
        /// LTS: the log stream (topic) id.
        pub log_topic_id: String,
        /// CTS: the operations to subscribe to, each `Service:resType;…:op1;op2`.
        pub operations: Vec<String>,
        /// DDS: the database name.
        pub db_name: String,
        /// DDS: the collection name.
        pub collection_name: String,
        /// DDS: the database user.
        pub db_user: String,
        /// DDS: the database password.
        pub db_password: Secret,
        /// DDS response: the instance addresses.
        pub instance_addrs: Vec<String>,
        /// DDS response: `Sharding`, `ReplicaSet` or `Single`.
        pub mode: String,
        /// RABBITMQ: the exchange name.
        pub exchange_name: String,
        /// RABBITMQ: the virtual host.
        pub vhost: String,
        /// RABBITMQ: the account name.
        pub access_user: String,
        /// RABBITMQ: the account password.
        pub access_password: Secret,
        /// RABBITMQ: the instance's connect address.
        pub connect_address: String,
        /// RABBITMQ: whether the connection uses SSL.
        pub ssl_enable: bool,
        /// EVENTGRID: the channel id.
        pub channel_id: String,
        /// EVENTGRID: the channel name.
        pub channel_name: String,
        /// EVENTGRID: the event source name.
        pub source_name: String,
        /// EVENTGRID: the trigger name.
        pub trigger_name: String,
        /// EVENTGRID: the agency used.
        pub agency: String,
        /// EVENTGRID: the event types.
        pub event_types: Vec<String>,
        /// EVENTGRID: whether OBS object keys are encoded (`Key_encode`, capital K, on
        /// the wire).
        #[wire = "Key_encode"]
        pub key_encode: bool,
        /// EVENTGRID: `ACTIVE` or `DISABLE`.
        pub status: String,
        /// EVENTGRID: creation time.
        pub created_time: String,
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
        pub timeout: i64,
        /// `sync` or `async`.
        pub invocation_type: InvocationType,
        /// The function URN.
        pub function_urn: String,
        /// The function version.
        pub version: String,
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
