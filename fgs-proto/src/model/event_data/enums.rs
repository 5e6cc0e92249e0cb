//! The enumerated values of trigger `event_data` fields (OAS `TriggerEventData*Body`).
//! All are open: a value this SDK version does not know is kept in `Other`.

use crate::model::macros::open_enum;

open_enum! {
    /// How callers of an API Gateway trigger authenticate (`auth`).
    pub enum ApigAuth {
        /// IAM authentication: only IAM users may call.
        Iam = "IAM",
        /// App key and secret (the most secure option).
        App = "APP",
        /// No authentication: anyone may call.
        NoAuth = "NONE",
    }
}

open_enum! {
    /// The protocol of an API Gateway API (`protocol`).
    pub enum ApigProtocol {
        /// Plain HTTP.
        Http = "HTTP",
        /// HTTPS.
        Https = "HTTPS",
    }
}

open_enum! {
    /// The HTTP method an API Gateway API answers (`req_method`).
    pub enum ApigRequestMethod {
        /// GET.
        Get = "GET",
        /// POST.
        Post = "POST",
        /// PUT.
        Put = "PUT",
        /// DELETE.
        Delete = "DELETE",
        /// HEAD.
        Head = "HEAD",
        /// PATCH.
        Patch = "PATCH",
        /// OPTIONS.
        Options = "OPTIONS",
        /// Any method.
        Any = "ANY",
    }
}

open_enum! {
    /// How an API Gateway API matches request paths (`match_mode`).
    pub enum ApigMatchMode {
        /// Prefix match.
        Prefix = "SWA",
        /// Exact match.
        Exact = "NORMAL",
    }
}

open_enum! {
    /// The backend type of an API Gateway API (`backend_type`).
    pub enum ApigBackendType {
        /// A FunctionGraph function.
        Function = "FUNCTION",
    }
}

open_enum! {
    /// How API Gateway invokes the function (`func_info.invocation_type`).
    pub enum InvocationType {
        /// Synchronously: the caller gets the function's answer.
        Sync = "sync",
        /// Asynchronously.
        Async = "async",
    }
}

open_enum! {
    /// The kind of schedule of a timer trigger (`schedule_type`).
    pub enum ScheduleType {
        /// A fixed rate: `3m`, `2h`, `1d`.
        Rate = "Rate",
        /// A cron expression.
        Cron = "Cron",
    }
}

open_enum! {
    /// Where a DIS trigger starts reading (`sharditerator_type`).
    pub enum ShardIteratorType {
        /// From the oldest record still stored.
        TrimHorizon = "TRIM_HORIZON",
        /// From the newest record.
        Latest = "LATEST",
    }
}

open_enum! {
    /// The unit of a DIS trigger's `polling_interval` (`polling_unit`).
    pub enum PollingUnit {
        /// Seconds.
        Seconds = "s",
        /// Milliseconds.
        Milliseconds = "ms",
    }
}
