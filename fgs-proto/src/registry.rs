//! The one table of all operations: for each, its names (ours, the official API's, the
//! Go SDK's), HTTP method, path template, idempotency, resource group and paging.
//!
//! Everything that must know "all operations" — request snapshots, parse and no-panic
//! suites, fuzzing, field coverage, the emulator's routes, the demo, the README table —
//! reads [`ALL`] or expands [`for_each_operation!`](crate::for_each_operation), so that an
//! operation missing from one of them fails by name instead of by a hand-kept count.
//!
//! ```
//! use fgs_proto::{Operation, functions::GetMetadata, registry};
//!
//! let info = GetMetadata::INFO;
//! assert_eq!(info.name, "GetMetadata");
//! assert_eq!(info.official, "ShowFunctionConfig");
//! assert_eq!(info.path, "/v2/{project_id}/fgs/functions/{function_urn}/config");
//! assert_eq!(registry::by_official("ShowFunctionConfig"), Some(info));
//! assert!(registry::ALL.iter().any(|row| *row == info));
//! ```

use http::Method;

/// One operation's row in the registry.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct OperationInfo {
    /// Our name, unique among all operations: the Rust type's name, with `Trigger(s)`
    /// added for the trigger operations (`"GetMetadata"`, `"ListTriggers"`). It is
    /// [`Operation::NAME`](crate::Operation::NAME), shown in logs and traces.
    pub name: &'static str,
    /// The Rust type, relative to the crate root (`"functions::GetMetadata"`).
    pub rust_type: &'static str,
    /// The official API operation name (`"ShowFunctionConfig"`), which also names its
    /// OpenAPI definition file.
    pub official: &'static str,
    /// The Go SDK's name for it, when the Go SDK has the operation (`"GetMetadata"`,
    /// `"List"` for `triggers::List`).
    pub go: Option<&'static str>,
    /// The HTTP method.
    pub method: Method,
    /// The path template exactly as the OpenAPI definition writes it
    /// (`/v2/{project_id}/fgs/functions/{function_urn}/config`).
    pub path: &'static str,
    /// Whether sending the request twice has the same effect as sending it once.
    pub idempotent: bool,
    /// The resource the operation belongs to.
    pub group: Group,
    /// How a listing is paged.
    pub paging: Paging,
}

/// The resource an operation belongs to (the crate module that holds it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Group {
    /// Functions, their code, versions, aliases and invocations ([`crate::functions`]).
    Functions,
    /// Triggers ([`crate::triggers`]).
    Triggers,
    /// Dependencies (layers) and their versions ([`crate::dependencies`]).
    Dependencies,
    /// A function's test events ([`crate::events`]).
    Events,
    /// Maximum and reserved instances ([`crate::scaling`]).
    Scaling,
    /// Tags on functions ([`crate::tags`]).
    Tags,
    /// LTS logs, the asynchronous status log and tracing ([`crate::observability`]).
    Observability,
    /// Asynchronous invocation configuration and records
    /// ([`crate::async_invocations`]).
    AsyncInvocations,
    /// Metrics, statistics and quotas ([`crate::metrics`]).
    Metrics,
    /// Applications and their templates ([`crate::apps`]).
    Apps,
    /// Function templates ([`crate::templates`]).
    Templates,
    /// The service bridge ([`crate::bridge`]).
    Bridge,
    /// VPC endpoints ([`crate::vpc_endpoints`]).
    VpcEndpoints,
    /// Workflows (function flows) and their executions ([`crate::workflows`]).
    Workflows,
    /// An operation defined outside this crate ([`OperationInfo::custom`]).
    Custom,
}

impl Group {
    /// The module name (`"functions"`).
    pub const fn module(self) -> &'static str {
        match self {
            Group::Functions => "functions",
            Group::Triggers => "triggers",
            Group::Dependencies => "dependencies",
            Group::Events => "events",
            Group::Scaling => "scaling",
            Group::Tags => "tags",
            Group::Observability => "observability",
            Group::AsyncInvocations => "async_invocations",
            Group::Metrics => "metrics",
            Group::Apps => "apps",
            Group::Templates => "templates",
            Group::Bridge => "bridge",
            Group::VpcEndpoints => "vpc_endpoints",
            Group::Workflows => "workflows",
            Group::Custom => "custom",
        }
    }
}

/// How an operation's results are paged.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Paging {
    /// One answer holds everything.
    None,
    /// A `marker` and a page size (`maxitems` or `limit`) in the query, the next marker
    /// in the answer; the operation implements
    /// [`Paginated`](crate::paginate::Paginated).
    Marker,
    /// An `offset` and a `limit` (in the query or the body), a total count in the
    /// answer; the next page starts where this one ends, so the pager computes its
    /// offset. The operation implements [`Paginated`](crate::paginate::Paginated), its
    /// page marker being the offset.
    Offset,
}

/// One segment of a path template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Segment {
    /// Text that must appear as is (`fgs`, `functions`).
    Literal(&'static str),
    /// A parameter, by its name in the template (`function_urn`).
    Param(&'static str),
}

impl OperationInfo {
    /// The row of an operation defined outside this crate (the [`Operation`] trait is
    /// open): `name` serves as official name too, there is no Go name, no paging, and
    /// the group is [`Group::Custom`]. Such rows are not in [`ALL`].
    ///
    /// [`Operation`]: crate::Operation
    pub const fn custom(
        name: &'static str,
        method: Method,
        path: &'static str,
        idempotent: bool,
    ) -> Self {
        OperationInfo {
            name,
            rust_type: name,
            official: name,
            go: None,
            method,
            path,
            idempotent,
            group: Group::Custom,
            paging: Paging::None,
        }
    }

    /// The segments of [`path`](Self::path), without the leading `/`.
    pub fn segments(&self) -> impl Iterator<Item = Segment> + '_ {
        self.path.trim_start_matches('/').split('/').map(|segment| {
            match segment.strip_prefix('{') {
                Some(rest) => Segment::Param(rest.trim_end_matches('}')),
                None => Segment::Literal(segment),
            }
        })
    }

    /// Matches path `segments` (already split on `/`, without the leading empty one)
    /// against the template: the parameters by name, in template order, or `None` when
    /// the count differs, a literal differs or a parameter is empty.
    pub fn match_segments<'s, S: AsRef<str>>(
        &self,
        segments: &'s [S],
    ) -> Option<Vec<(&'static str, &'s str)>> {
        let mut params = Vec::new();
        let mut given = segments.iter();
        for template in self.segments() {
            let segment = given.next()?.as_ref();
            match template {
                Segment::Literal(text) if text == segment => {}
                Segment::Param(name) if !segment.is_empty() => params.push((name, segment)),
                _ => return None,
            }
        }
        given.next().is_none().then_some(params)
    }

    /// How many literal segments the template has: when two templates match a path,
    /// the one with more literals is the more specific.
    pub fn literal_count(&self) -> usize {
        self.segments()
            .filter(|s| matches!(s, Segment::Literal(_)))
            .count()
    }
}

/// The row of the operation named `name` ([`OperationInfo::name`]).
pub fn by_name(name: &str) -> Option<&'static OperationInfo> {
    ALL.iter().copied().find(|info| info.name == name)
}

/// The row of the operation with official name `official`.
pub fn by_official(official: &str) -> Option<&'static OperationInfo> {
    ALL.iter().copied().find(|info| info.official == official)
}

/// Links an operation type to its registry row. Implemented by the table below for
/// every listed type and for no other, so an [`Operation`](crate::Operation) whose type
/// is not in the table does not compile.
pub trait Registered {
    /// The type's row.
    const ROW: &'static OperationInfo;
}

/// The row of `O`, for `const INFO` in `impl Operation`.
pub const fn row<O: Registered>() -> &'static OperationInfo {
    O::ROW
}

/// Declares the table: one line per operation. Generates [`ALL`], a [`Registered`] impl
/// per type, and the exported [`for_each_operation!`](crate::for_each_operation).
///
/// The first token is `$`, passed in so the generated macro can have variables of its
/// own.
macro_rules! operations {
    ($d:tt
        $( $group:ident :: $ty:ident => {
            name: $name:literal,
            official: $official:literal,
            go: $go:expr,
            method: $method:ident,
            path: $path:literal,
            idempotent: $idempotent:literal,
            paging: $paging:ident $(,)?
        } ),* $(,)?
    ) => {
        $(
            impl Registered for crate::$group::$ty {
                const ROW: &'static OperationInfo = &OperationInfo {
                    name: $name,
                    rust_type: concat!(stringify!($group), "::", stringify!($ty)),
                    official: $official,
                    go: $go,
                    method: Method::$method,
                    path: $path,
                    idempotent: $idempotent,
                    group: group_of(stringify!($group)),
                    paging: Paging::$paging,
                };
            }
        )*

        /// Every operation, in the order of the table (by resource, then as the API
        /// reference lists them).
        pub static ALL: &[&OperationInfo] = &[
            $( <crate::$group::$ty as Registered>::ROW ),*
        ];

        /// Expands `$callback! { fgs_proto::functions::Create, …, fgs_proto::triggers::DeleteAll }`:
        /// every operation type of the [registry](crate::registry), in its order, so
        /// generic code can be instantiated for each. `$callback` must be a macro in
        /// scope at the call site.
        ///
        /// ```
        /// use fgs_proto::Operation;
        ///
        /// macro_rules! names {
        ///     ($($op:ty),* $(,)?) => { [$(<$op as Operation>::NAME),*] };
        /// }
        /// let names = fgs_proto::for_each_operation!(names);
        /// assert_eq!(names.len(), fgs_proto::registry::ALL.len());
        /// assert!(names.contains(&"GetMetadata"));
        /// ```
        #[macro_export]
        macro_rules! for_each_operation {
            ($d callback:ident) => {
                $d callback! { $( $d crate::$group::$ty ),* }
            };
        }
    };
}

/// The group named by a module name in the table (a typo there fails to compile: a
/// panic in a constant is a compile error).
const fn group_of(module: &str) -> Group {
    match module.as_bytes() {
        b"functions" => Group::Functions,
        b"triggers" => Group::Triggers,
        b"dependencies" => Group::Dependencies,
        b"events" => Group::Events,
        b"scaling" => Group::Scaling,
        b"tags" => Group::Tags,
        b"observability" => Group::Observability,
        b"async_invocations" => Group::AsyncInvocations,
        b"metrics" => Group::Metrics,
        b"apps" => Group::Apps,
        b"templates" => Group::Templates,
        b"bridge" => Group::Bridge,
        b"vpc_endpoints" => Group::VpcEndpoints,
        b"workflows" => Group::Workflows,
        _ => panic!("unknown operation group"),
    }
}

operations! { $
    functions::Create => {
        name: "Create", official: "CreateFunction", go: Some("Create"),
        method: POST, path: "/v2/{project_id}/fgs/functions",
        idempotent: false, paging: None,
    },
    functions::List => {
        name: "List", official: "ListFunctions", go: Some("List"),
        method: GET, path: "/v2/{project_id}/fgs/functions",
        idempotent: true, paging: Marker,
    },
    functions::GetMetadata => {
        name: "GetMetadata", official: "ShowFunctionConfig", go: Some("GetMetadata"),
        method: GET, path: "/v2/{project_id}/fgs/functions/{function_urn}/config",
        idempotent: true, paging: None,
    },
    functions::GetCode => {
        name: "GetCode", official: "ShowFunctionCode", go: Some("GetCode"),
        method: GET, path: "/v2/{project_id}/fgs/functions/{function_urn}/code",
        idempotent: true, paging: None,
    },
    functions::Delete => {
        name: "Delete", official: "DeleteFunction", go: Some("Delete"),
        method: DELETE, path: "/v2/{project_id}/fgs/functions/{function_urn}",
        idempotent: true, paging: None,
    },
    functions::UpdateCode => {
        name: "UpdateCode", official: "UpdateFunctionCode", go: Some("UpdateCode"),
        method: PUT, path: "/v2/{project_id}/fgs/functions/{function_urn}/code",
        idempotent: true, paging: None,
    },
    functions::UpdateMetadata => {
        name: "UpdateMetadata", official: "UpdateFunctionConfig", go: Some("UpdateMetadata"),
        method: PUT, path: "/v2/{project_id}/fgs/functions/{function_urn}/config",
        idempotent: true, paging: None,
    },
    functions::CreateVersion => {
        name: "CreateVersion", official: "CreateFunctionVersion", go: Some("CreateVersion"),
        method: POST, path: "/v2/{project_id}/fgs/functions/{function_urn}/versions",
        idempotent: false, paging: None,
    },
    functions::ListVersion => {
        name: "ListVersion", official: "ListFunctionVersions", go: Some("ListVersions"),
        method: GET, path: "/v2/{project_id}/fgs/functions/{function_urn}/versions",
        idempotent: true, paging: Marker,
    },
    functions::CreateAlias => {
        name: "CreateAlias", official: "CreateVersionAlias", go: Some("CreateAlias"),
        method: POST, path: "/v2/{project_id}/fgs/functions/{function_urn}/aliases",
        idempotent: false, paging: None,
    },
    functions::UpdateAlias => {
        name: "UpdateAlias", official: "UpdateVersionAlias", go: Some("UpdateAlias"),
        method: PUT, path: "/v2/{project_id}/fgs/functions/{function_urn}/aliases/{alias_name}",
        idempotent: true, paging: None,
    },
    functions::DeleteAlias => {
        name: "DeleteAlias", official: "DeleteVersionAlias", go: Some("DeleteAlias"),
        method: DELETE, path: "/v2/{project_id}/fgs/functions/{function_urn}/aliases/{alias_name}",
        idempotent: true, paging: None,
    },
    functions::GetAlias => {
        name: "GetAlias", official: "ShowVersionAlias", go: Some("GetAlias"),
        method: GET, path: "/v2/{project_id}/fgs/functions/{function_urn}/aliases/{alias_name}",
        idempotent: true, paging: None,
    },
    functions::ListAlias => {
        name: "ListAlias", official: "ListVersionAliases", go: Some("ListAlias"),
        method: GET, path: "/v2/{project_id}/fgs/functions/{function_urn}/aliases",
        idempotent: true, paging: None,
    },
    functions::Invoke => {
        name: "Invoke", official: "InvokeFunction", go: Some("Invoke"),
        method: POST, path: "/v2/{project_id}/fgs/functions/{function_urn}/invocations",
        idempotent: false, paging: None,
    },
    functions::AsyncInvoke => {
        name: "AsyncInvoke", official: "AsyncInvokeFunction", go: Some("AsyncInvoke"),
        method: POST, path: "/v2/{project_id}/fgs/functions/{function_urn}/invocations-async",
        idempotent: false, paging: None,
    },
    triggers::List => {
        name: "ListTriggers", official: "ListFunctionTriggers", go: Some("List"),
        method: GET, path: "/v2/{project_id}/fgs/triggers/{function_urn}",
        idempotent: true, paging: None,
    },
    triggers::Create => {
        name: "CreateTrigger", official: "CreateFunctionTrigger", go: Some("Create"),
        method: POST, path: "/v2/{project_id}/fgs/triggers/{function_urn}",
        idempotent: false, paging: None,
    },
    triggers::Delete => {
        name: "DeleteTrigger", official: "DeleteFunctionTrigger", go: Some("Delete"),
        method: DELETE,
        path: "/v2/{project_id}/fgs/triggers/{function_urn}/{trigger_type_code}/{trigger_id}",
        idempotent: true, paging: None,
    },
    triggers::Get => {
        name: "GetTrigger", official: "ShowFunctionTrigger", go: Some("Get"),
        method: GET,
        path: "/v2/{project_id}/fgs/triggers/{function_urn}/{trigger_type_code}/{trigger_id}",
        idempotent: true, paging: None,
    },
    triggers::DeleteAll => {
        name: "DeleteAllTriggers", official: "BatchDeleteFunctionTriggers", go: Some("DeleteAll"),
        method: DELETE, path: "/v2/{project_id}/fgs/triggers/{function_urn}",
        idempotent: true, paging: None,
    },
    dependencies::List => {
        name: "ListDependencies", official: "ListDependencies", go: None,
        method: GET, path: "/v2/{project_id}/fgs/dependencies",
        idempotent: true, paging: Marker,
    },
    dependencies::CreateVersion => {
        name: "CreateDependencyVersion", official: "CreateDependencyVersion", go: None,
        method: POST, path: "/v2/{project_id}/fgs/dependencies/version",
        idempotent: false, paging: None,
    },
    dependencies::ListVersion => {
        name: "ListDependencyVersions", official: "ListDependencyVersion", go: None,
        method: GET, path: "/v2/{project_id}/fgs/dependencies/{depend_id}/version",
        idempotent: true, paging: Marker,
    },
    dependencies::GetVersion => {
        name: "GetDependencyVersion", official: "ShowDependencyVersion", go: None,
        method: GET, path: "/v2/{project_id}/fgs/dependencies/{depend_id}/version/{version}",
        idempotent: true, paging: None,
    },
    dependencies::DeleteVersion => {
        name: "DeleteDependencyVersion", official: "DeleteDependencyVersion", go: None,
        method: DELETE, path: "/v2/{project_id}/fgs/dependencies/{depend_id}/version/{version}",
        idempotent: true, paging: None,
    },
    events::Create => {
        name: "CreateEvent", official: "CreateEvent", go: None,
        method: POST, path: "/v2/{project_id}/fgs/functions/{function_urn}/events",
        idempotent: false, paging: None,
    },
    events::List => {
        name: "ListEvents", official: "ListEvents", go: None,
        method: GET, path: "/v2/{project_id}/fgs/functions/{function_urn}/events",
        idempotent: true, paging: None,
    },
    events::Get => {
        name: "GetEvent", official: "ShowEvent", go: None,
        method: GET, path: "/v2/{project_id}/fgs/functions/{function_urn}/events/{event_id}",
        idempotent: true, paging: None,
    },
    events::Update => {
        name: "UpdateEvent", official: "UpdateEvent", go: None,
        method: PUT, path: "/v2/{project_id}/fgs/functions/{function_urn}/events/{event_id}",
        idempotent: true, paging: None,
    },
    events::Delete => {
        name: "DeleteEvent", official: "DeleteEvent", go: None,
        method: DELETE, path: "/v2/{project_id}/fgs/functions/{function_urn}/events/{event_id}",
        idempotent: true, paging: None,
    },
    triggers::Update => {
        name: "UpdateTrigger", official: "UpdateTrigger", go: None,
        method: PUT,
        path: "/v2/{project_id}/fgs/triggers/{function_urn}/{trigger_type_code}/{trigger_id}",
        idempotent: true, paging: None,
    },
    scaling::UpdateMaxInstanceConfig => {
        name: "UpdateMaxInstanceConfig", official: "UpdateFunctionMaxInstanceConfig", go: None,
        method: PUT, path: "/v2/{project_id}/fgs/functions/{function_urn}/config-max-instance",
        idempotent: true, paging: None,
    },
    scaling::UpdateReservedInstances => {
        name: "UpdateReservedInstances", official: "UpdateFunctionReservedInstancesCount",
        go: None,
        method: PUT, path: "/v2/{project_id}/fgs/functions/{function_urn}/reservedinstances",
        idempotent: true, paging: None,
    },
    scaling::ListReservedInstances => {
        name: "ListReservedInstances", official: "ListFunctionReservedInstances", go: None,
        method: GET, path: "/v2/{project_id}/fgs/functions/reservedinstances",
        idempotent: true, paging: Marker,
    },
    scaling::ListReservedInstanceConfigs => {
        name: "ListReservedInstanceConfigs", official: "ListReservedInstanceConfigs", go: None,
        method: GET, path: "/v2/{project_id}/fgs/functions/reservedinstanceconfigs",
        idempotent: true, paging: Marker,
    },
    tags::Create => {
        name: "CreateTags", official: "CreateTags", go: None,
        method: POST, path: "/v2/{project_id}/{resource_type}/{resource_id}/tags/create",
        idempotent: false, paging: None,
    },
    tags::Delete => {
        name: "DeleteTags", official: "DeleteTags", go: None,
        method: DELETE, path: "/v2/{project_id}/{resource_type}/{resource_id}/tags/delete",
        idempotent: true, paging: None,
    },
    tags::List => {
        name: "ListTags", official: "ListFunctionTags", go: None,
        method: GET, path: "/v2/{project_id}/{resource_type}/{resource_id}/tags",
        idempotent: true, paging: None,
    },
    tags::ListProject => {
        name: "ListProjectTags", official: "ShowProjectTagsList", go: None,
        method: GET, path: "/v2/{project_id}/{resource_type}/tags",
        idempotent: true, paging: None,
    },
    tags::ListResources => {
        name: "ListResourcesByTags", official: "ShowResInstanceInfo", go: None,
        method: POST, path: "/v2/{project_id}/{resource_type}/resource-instances/{action}",
        idempotent: false, paging: Offset,
    },
    functions::Import => {
        name: "Import", official: "ImportFunction", go: None,
        method: POST, path: "/v2/{project_id}/fgs/functions/import",
        idempotent: false, paging: None,
    },
    functions::Export => {
        name: "Export", official: "ExportFunction", go: None,
        method: GET, path: "/v2/{project_id}/fgs/functions/{function_urn}/export",
        idempotent: true, paging: None,
    },
    functions::UpdateCollectState => {
        name: "UpdateCollectState", official: "UpdateFunctionCollectState", go: None,
        method: PUT, path: "/v2/{project_id}/fgs/functions/{func_urn}/collect/{state}",
        idempotent: true, paging: None,
    },
    functions::GetSnapshotState => {
        name: "GetSnapshotState", official: "ShowFuncSnapshotState", go: None,
        method: GET, path: "/v2/{project_id}/fgs/functions/{function_urn}/snapshots/{action}",
        idempotent: true, paging: None,
    },
    functions::UpdateSnapshot => {
        name: "UpdateSnapshot", official: "UpdateFuncSnapshot", go: None,
        method: POST, path: "/v2/{project_id}/fgs/functions/{function_urn}/snapshots/{action}",
        idempotent: false, paging: None,
    },
    observability::EnableLts => {
        name: "EnableLtsLogs", official: "EnableLtsLogs", go: None,
        method: POST, path: "/v2/{project_id}/fgs/functions/enable-lts-logs",
        idempotent: false, paging: None,
    },
    observability::GetLtsDetails => {
        name: "GetLtsLogDetails", official: "ShowLtsLogDetails", go: None,
        method: GET, path: "/v2/{project_id}/fgs/functions/{function_urn}/lts-log-detail",
        idempotent: true, paging: None,
    },
    observability::EnableAsyncStatusLog => {
        name: "EnableAsyncStatusLog", official: "EnableAsyncStatusLog", go: None,
        method: POST, path: "/v2/{project_id}/fgs/functions/enable-async-status-logs",
        idempotent: false, paging: None,
    },
    observability::GetAsyncStatusLog => {
        name: "GetAsyncStatusLog", official: "ShowProjectAsyncStatusLogInfo", go: None,
        method: GET, path: "/v2/{project_id}/fgs/functions/async-status-log-detail",
        idempotent: true, paging: None,
    },
    observability::GetTracing => {
        name: "GetTracing", official: "ShowTracing", go: None,
        method: GET, path: "/v2/{project_id}/fgs/functions/{function_urn}/tracing",
        idempotent: true, paging: None,
    },
    observability::UpdateTracing => {
        name: "UpdateTracing", official: "UpdateTracing", go: None,
        method: PUT, path: "/v2/{project_id}/fgs/functions/{function_urn}/tracing",
        idempotent: true, paging: None,
    },
    async_invocations::UpdateConfig => {
        name: "UpdateAsyncInvokeConfig", official: "UpdateFunctionAsyncInvokeConfig", go: None,
        method: PUT, path: "/v2/{project_id}/fgs/functions/{function_urn}/async-invoke-config",
        idempotent: true, paging: None,
    },
    async_invocations::GetConfig => {
        name: "GetAsyncInvokeConfig", official: "ShowFunctionAsyncInvokeConfig", go: None,
        method: GET, path: "/v2/{project_id}/fgs/functions/{function_urn}/async-invoke-config",
        idempotent: true, paging: None,
    },
    async_invocations::ListConfigs => {
        name: "ListAsyncInvokeConfigs", official: "ListFunctionAsyncInvokeConfig", go: None,
        method: GET, path: "/v2/{project_id}/fgs/functions/{function_urn}/async-invoke-configs",
        idempotent: true, paging: Marker,
    },
    async_invocations::DeleteConfig => {
        name: "DeleteAsyncInvokeConfig", official: "DeleteFunctionAsyncInvokeConfig", go: None,
        method: DELETE, path: "/v2/{project_id}/fgs/functions/{function_urn}/async-invoke-config",
        idempotent: true, paging: None,
    },
    async_invocations::List => {
        name: "ListAsyncInvocations", official: "ListAsyncInvocations", go: None,
        method: GET, path: "/v2/{project_id}/fgs/functions/{function_urn}/async-invocations",
        idempotent: true, paging: Marker,
    },
    async_invocations::ListActive => {
        name: "ListActiveAsyncInvocations", official: "ListActiveAsyncInvocations", go: None,
        method: GET, path: "/v2/{project_id}/fgs/functions/{function_urn}/active-async-invocations",
        idempotent: true, paging: Marker,
    },
    async_invocations::Cancel => {
        name: "CancelAsyncInvocation", official: "CancelAsyncInvocation", go: None,
        method: POST, path: "/v2/{project_id}/fgs/functions/{function_urn}/cancel",
        idempotent: false, paging: None,
    },
    metrics::GetStatistics => {
        name: "GetFunctionStatistics", official: "ListFunctionStatistics", go: None,
        method: GET, path: "/v2/{project_id}/fgs/functions/{func_urn}/statistics/{period}",
        idempotent: true, paging: None,
    },
    metrics::GetMetrics => {
        name: "GetFunctionMetrics", official: "ShowFunctionMetrics", go: None,
        method: GET, path: "/v2/{project_id}/fgs/functions/{func_urn}/slareports/{period}",
        idempotent: true, paging: None,
    },
    metrics::ListFunctionsByMetric => {
        name: "ListFunctionsByMetric", official: "ListFunctionAsMetric", go: None,
        method: GET, path: "/v2/{project_id}/fgs/function/report",
        idempotent: true, paging: None,
    },
    metrics::GetProjectStatistics => {
        name: "GetProjectStatistics", official: "ListStatistics", go: None,
        method: GET, path: "/v2/{project_id}/fgs/functions/statistics",
        idempotent: true, paging: None,
    },
    metrics::GetReservedInstanceMetrics => {
        name: "GetReservedInstanceMetrics", official: "ShowFuncReservedInstanceMetrics",
        go: None,
        method: GET, path: "/v2/{project_id}/fgs/functions/{func_urn}/instancereports",
        idempotent: true, paging: None,
    },
    metrics::ListQuotas => {
        name: "ListQuotas", official: "ListQuotas", go: None,
        method: GET, path: "/v2/{project_id}/fgs/quotas",
        idempotent: true, paging: None,
    },
    metrics::GetProjectWorkflowMetrics => {
        name: "GetProjectWorkflowMetrics", official: "ShowTenantMetric", go: None,
        method: GET, path: "/v2/{project_id}/fgs/workflow-statistic",
        idempotent: true, paging: None,
    },
    metrics::GetWorkflowMetrics => {
        name: "GetWorkflowMetrics", official: "ShowWorkFlowMetric", go: None,
        method: GET, path: "/v2/{project_id}/fgs/workflow-statistic/{workflow_urn}",
        idempotent: true, paging: None,
    },
    apps::ListTemplates => {
        name: "ListAppTemplates", official: "ListAppTemplates", go: None,
        method: GET, path: "/v2/{project_id}/fgs/application/templates",
        idempotent: true, paging: Marker,
    },
    apps::GetTemplate => {
        name: "GetAppTemplate", official: "ShowAppTemplate", go: None,
        method: GET, path: "/v2/{project_id}/fgs/application/templates/{id}",
        idempotent: true, paging: None,
    },
    apps::Create => {
        name: "CreateApp", official: "CreateFunctionApp", go: None,
        method: POST, path: "/v2/{project_id}/fgs/applications",
        idempotent: false, paging: None,
    },
    apps::List => {
        name: "ListApps", official: "ListFunctionApplications", go: None,
        method: GET, path: "/v2/{project_id}/fgs/applications",
        idempotent: true, paging: Marker,
    },
    apps::Get => {
        name: "GetApp", official: "ShowFunctionApp", go: None,
        method: GET, path: "/v2/{project_id}/fgs/applications/{id}",
        idempotent: true, paging: None,
    },
    apps::Delete => {
        name: "DeleteApp", official: "DeleteFunctionApp", go: None,
        method: DELETE, path: "/v2/{project_id}/fgs/applications/{id}",
        idempotent: true, paging: None,
    },
    templates::List => {
        name: "ListFunctionTemplates", official: "ListFunctionTemplate", go: None,
        method: GET, path: "/v2/{project_id}/fgs/templates",
        idempotent: true, paging: Marker,
    },
    templates::Get => {
        name: "GetFunctionTemplate", official: "ShowFunctionTemplate", go: None,
        method: GET, path: "/v2/{project_id}/fgs/templates/{template_id}",
        idempotent: true, paging: None,
    },
    bridge::ListFunctions => {
        name: "ListBridgeFunctions", official: "ListBridgeFunctions", go: None,
        method: GET, path: "/v2/{project_id}/fgs/functions/{function_urn}/servicebridge/relation",
        idempotent: true, paging: None,
    },
    bridge::ListVersions => {
        name: "ListBridgeVersions", official: "ListBridgeVersions", go: None,
        method: GET, path: "/v2/{project_id}/fgs/servicebridge/version",
        idempotent: true, paging: None,
    },
    vpc_endpoints::Create => {
        name: "CreateVpcEndpoint", official: "CreateVpcEndpoint", go: None,
        method: POST, path: "/v2/{project_id}/fgs/vpc-endpoint",
        idempotent: false, paging: None,
    },
    vpc_endpoints::Delete => {
        name: "DeleteVpcEndpoint", official: "DeleteVpcEndpoint", go: None,
        method: DELETE, path: "/v2/{project_id}/fgs/vpc-endpoint/{vpc_id}/{subnet_id}",
        idempotent: true, paging: None,
    },
    workflows::Create => {
        name: "CreateWorkflow", official: "CreateWorkflow", go: None,
        method: POST, path: "/v2/{project_id}/fgs/workflows",
        idempotent: false, paging: None,
    },
    workflows::List => {
        name: "ListWorkflows", official: "ListWorkflow", go: None,
        method: GET, path: "/v2/{project_id}/fgs/workflows",
        idempotent: true, paging: Offset,
    },
    workflows::Get => {
        name: "GetWorkflow", official: "ShowWorkFlow", go: None,
        method: GET, path: "/v2/{project_id}/fgs/workflows/{workflow_id}",
        idempotent: true, paging: None,
    },
    workflows::Update => {
        name: "UpdateWorkflow", official: "UpdateWorkFlow", go: None,
        method: PUT, path: "/v2/{project_id}/fgs/workflows/{workflow_id}",
        idempotent: true, paging: None,
    },
    workflows::BatchDelete => {
        name: "BatchDeleteWorkflows", official: "BatchDeleteWorkflows", go: None,
        method: DELETE, path: "/v2/{project_id}/fgs/workflows",
        idempotent: true, paging: None,
    },
    workflows::Start => {
        name: "StartWorkflowExecution", official: "StartWorkflowExecution", go: None,
        method: POST, path: "/v2/{project_id}/fgs/workflows/{workflow_id}/executions",
        idempotent: false, paging: None,
    },
    workflows::StartSync => {
        name: "StartSyncWorkflowExecution", official: "StartSyncWorkflowExecution", go: None,
        method: POST, path: "/v2/{project_id}/fgs/workflows/{workflow_id}/sync-executions",
        idempotent: false, paging: None,
    },
    workflows::ListExecutions => {
        name: "ListWorkflowExecutions", official: "ListWorkflowExecutions", go: None,
        method: GET, path: "/v2/{project_id}/fgs/workflows/{workflow_id}/executions",
        idempotent: true, paging: Offset,
    },
    workflows::GetExecution => {
        name: "GetWorkflowExecution", official: "ShowWorkflowExecution", go: None,
        method: GET, path: "/v2/{project_id}/fgs/workflows/{workflow_id}/executions/{execution_id}",
        idempotent: true, paging: None,
    },
    workflows::GetExecutionPage => {
        name: "GetWorkflowExecutionPage", official: "ShowWorkflowExecutionForPage", go: None,
        method: GET, path: "/v2/{project_id}/fgs/workflows/{workflow_id}/executions-history",
        idempotent: true, paging: Offset,
    },
    workflows::Retry => {
        name: "RetryWorkflowExecution", official: "RetryWorkFlow", go: None,
        method: POST, path: "/v2/{project_id}/fgs/workflows/{workflow_id}/executions/{execution_id}/retry",
        idempotent: false, paging: None,
    },
    workflows::Stop => {
        name: "StopWorkflowExecution", official: "StopWorkFlow", go: None,
        method: POST, path: "/v2/{project_id}/fgs/workflows/{workflow_id}/executions/{execution_id}/terminate",
        idempotent: false, paging: None,
    },
    workflows::Callback => {
        name: "CallbackWorkflow", official: "CreateCallbackWorkflow", go: None,
        method: POST, path: "/v2/{project_id}/fgs/workflows/{workflow_id}/callback",
        idempotent: false, paging: None,
    },
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    #[test]
    fn names_are_unique() {
        for field in [
            |i: &OperationInfo| i.name,
            |i: &OperationInfo| i.official,
            |i: &OperationInfo| i.rust_type,
        ] {
            let mut seen = BTreeSet::new();
            for info in ALL {
                assert!(seen.insert(field(info)), "{} appears twice", field(info));
            }
        }
        let mut routes = BTreeSet::new();
        for info in ALL {
            assert!(
                routes.insert((info.method.as_str(), info.path)),
                "{}: another operation has {} {}",
                info.name,
                info.method,
                info.path
            );
        }
    }

    /// Whether `name` is the type's name `ty` with words added: it starts with the
    /// type's first word and holds the others in order (`GetTrigger` for `Get`,
    /// `CreateDependencyVersion` for `CreateVersion`).
    fn named_after(name: &str, ty: &str) -> bool {
        let words = ty.char_indices().filter(|(_, c)| c.is_ascii_uppercase());
        let starts: Vec<usize> = words.map(|(i, _)| i).chain([ty.len()]).collect();
        let mut rest = name;
        for (n, pair) in starts.windows(2).enumerate() {
            let word = &ty[pair[0]..pair[1]];
            match rest.find(word) {
                Some(0) => {}
                Some(_) if n > 0 => {}
                _ => return false,
            }
            let at = rest.find(word).unwrap_or_default();
            rest = &rest[at + word.len()..];
        }
        true
    }

    #[test]
    fn names_follow_their_types() {
        assert!(named_after("GetTrigger", "Get"));
        assert!(named_after("CreateDependencyVersion", "CreateVersion"));
        assert!(named_after("DeleteAllTriggers", "DeleteAll"));
        assert!(!named_after("ListDependencyVersions", "GetVersion"));
        assert!(!named_after("VersionCreate", "CreateVersion"));
    }

    #[test]
    fn rows_agree_with_themselves() {
        for info in ALL {
            let (module, ty) = info.rust_type.split_once("::").unwrap_or_default();
            assert_eq!(module, info.group.module(), "{}", info.name);
            assert!(
                named_after(info.name, ty),
                "{}: not named after its type {ty}",
                info.name
            );
            assert!(
                info.path.starts_with("/v2/{project_id}/"),
                "{}: {}",
                info.name,
                info.path
            );
            assert!(
                info.segments()
                    .all(|s| !matches!(s, Segment::Literal("") | Segment::Param(""))),
                "{}: empty segment in {}",
                info.name,
                info.path
            );
            assert_eq!(by_name(info.name), Some(*info));
            assert_eq!(by_official(info.official), Some(*info));
        }
    }

    #[test]
    fn templates_match_paths() {
        let info = row::<crate::functions::GetAlias>();
        let path = ["v2", "p1", "fgs", "functions", "u", "aliases", "a"];
        assert_eq!(
            info.match_segments(&path),
            Some(vec![
                ("project_id", "p1"),
                ("function_urn", "u"),
                ("alias_name", "a")
            ])
        );
        assert_eq!(info.match_segments(&path[..6]), None);
        assert_eq!(info.match_segments(&[&path[..], &["x"]].concat()), None);
        assert_eq!(
            info.match_segments(&["v2", "p1", "fgs", "functions", "", "aliases", "a"]),
            None
        );
        assert_eq!(
            info.match_segments(&["v2", "p1", "fgs", "triggers", "u", "aliases", "a"]),
            None
        );
        assert_eq!(info.literal_count(), 4);
    }
}
