//! ListQuotas — `GET /v2/{project_id}/fgs/quotas` (official name ListQuotas).

use http::{Method, Request, Response};

use crate::body::Body;
use crate::config::Config;
use crate::error::Error;
use crate::model::macros::{accessors, model, open_enum};
use crate::operation::Operation;
use crate::request::RequestBuilder;
use crate::response;

open_enum! {
    /// What a quota limits (the API's `Resources.type`).
    pub enum QuotaType {
        /// Idle time before a v1 function's instance is released.
        FuncScaleDownTimeout = "fgs_func_scale_down_timeout",
        /// Instances of v1 functions.
        FuncOccurs = "fgs_func_occurs",
        /// Idle time of a v1 function's instance.
        FuncPatIdleTime = "fgs_func_pat_idle_time",
        /// Functions.
        FuncNum = "fgs_func_num",
        /// All code packages together, MB.
        FuncCodeSize = "fgs_func_code_size",
        /// Workflows.
        WorkflowNum = "fgs_workflow_num",
        /// On-demand instances.
        OnDemandInstanceLimit = "fgs_on_demand_instance_limit",
        /// Requests per second of a function.
        FuncQosLimit = "fgs_func_qos_limit",
    }
}

model! {
    /// One quota: its limit and how much is used (the API's `Resources`).
    pub struct Quota {
        /// The limit.
        pub quota: Option<i64>,
        /// What it limits.
        #[wire = "type"]
        pub kind: Option<QuotaType>,
        /// The unit (`MB` for the code size; none otherwise).
        pub unit: Option<String>,
        /// How much is used.
        pub used: Option<i64>,
    }
}

accessors!(Quota { copy quota: i64, ref kind: QuotaType, str unit, copy used: i64 });

model! {
    /// The quotas (the API's `ListQuotasResult`).
    pub struct QuotaList {
        /// Every quota.
        pub resources: Option<Vec<Quota>>,
    }
}

accessors!(QuotaList { slice resources: Quota });

model! {
    /// The answer of [`ListQuotas`].
    pub struct ListQuotasOutput {
        /// The quotas.
        pub quotas: Option<QuotaList>,
    }
}

impl ListQuotasOutput {
    /// Every quota; empty if the service sent none.
    pub fn resources(&self) -> &[Quota] {
        self.quotas.as_ref().map_or(&[], QuotaList::resources)
    }

    /// The quota of `kind`, if listed.
    pub fn get(&self, kind: &QuotaType) -> Option<&Quota> {
        self.resources()
            .iter()
            .find(|q| q.kind.as_ref() == Some(kind))
    }
}

/// The account's quotas: each limit with its current usage.
///
/// ```
/// use fgs_proto::{Config, Credentials, Operation, metrics::{ListQuotas, QuotaType}};
///
/// let config = Config::new("http://127.0.0.1:8080", "p1", Credentials::token("T"))?;
/// let op = ListQuotas::new();
/// assert_eq!(op.request(&config)?.uri().path(), "/v2/p1/fgs/quotas");
/// let response = http::Response::builder().status(200).body(
///     r#"{"quotas":{"resources":[{"quota":400,"type":"fgs_func_num","used":3}]}}"#,
/// )?;
/// let quotas = op.response(response)?;
/// let functions = quotas.get(&QuotaType::FuncNum).unwrap();
/// assert_eq!((functions.quota(), functions.used()), (Some(400), Some(3)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListQuotas {}

impl ListQuotas {
    /// The account's quotas.
    pub fn new() -> Self {
        ListQuotas {}
    }
}

impl Operation for ListQuotas {
    type Output = ListQuotasOutput;
    const INFO: &'static crate::registry::OperationInfo = crate::registry::row::<Self>();

    fn request(&self, config: &Config) -> Result<Request<Body>, Error> {
        RequestBuilder::new(config, Method::GET)
            .path("quotas")
            .build()
    }

    fn response<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<ListQuotasOutput, Error> {
        response::json(&response)
    }
}
