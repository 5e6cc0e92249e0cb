//! ListFunctionStatistics, ShowFunctionMetrics, ListFunctionAsMetric, ListStatistics,
//! ShowFuncReservedInstanceMetrics, ListQuotas, ShowTenantMetric, ShowWorkFlowMetric:
//! figures computed from the emulator's own invocation records (and the workflow
//! executions reported to them), one point per time bucket, `-1` for a bucket without
//! data; quotas from the configured limits and the current state.

use serde_json::{Value, json};

use super::Ctx;
use super::paging::Page;
use crate::api::api_error::{ApiError, code};
use crate::api::routes::query_value;
use crate::http::reply::Reply;
use crate::http::site::Target;
use crate::runtime::state::{FunctionRecord, State};
use crate::runtime::stats::{
    Invocation, InvocationSeries, Outcome, Series, Window, WorkflowRun, epoch_ms,
    invocation_series, workflow_series,
};

/// The longest period the series operations take: a year, in minutes.
const MAX_PERIOD_MINUTES: i64 = 366 * 24 * 60;
/// The period of the workflow metrics when none is given: an hour.
const DEFAULT_WORKFLOW_PERIOD: i64 = 60;
/// The window of ListFunctionAsMetric when none is given: a day, in seconds.
const DEFAULT_RANKING_SECONDS: i64 = 24 * 60 * 60;
/// The window of ShowFuncReservedInstanceMetrics: the last hour, by minute.
const INSTANCE_REPORT_MINUTES: i64 = 60;
/// The code-size quota of an account: 10 GB, in MB.
const CODE_SIZE_QUOTA_MB: i64 = 10 * 1024;
/// The workflow quota of an account.
const WORKFLOW_QUOTA: i64 = 512;

fn series_json(series: &Series) -> Value {
    series
        .iter()
        .map(|(timestamp, value)| json!({"timestamp": timestamp, "value": value}))
        .collect()
}

/// A period in minutes from a path or query: 1 to a year; 400 `FSS.0400` otherwise.
fn period(text: &str, name: &str) -> Result<i64, ApiError> {
    match text.trim().parse::<i64>() {
        Ok(n) if (1..=MAX_PERIOD_MINUTES).contains(&n) => Ok(n),
        _ => Err(ApiError::invalid(
            name,
            format!("`{text}` is not a number of minutes between 1 and {MAX_PERIOD_MINUTES}"),
        )),
    }
}

/// An epoch timestamp from the query (seconds or milliseconds, as the operation takes).
fn epoch(query: &[(String, String)], name: &str) -> Result<Option<i64>, ApiError> {
    query_value(query, name)
        .map(|text| {
            text.trim()
                .parse::<i64>()
                .ok()
                .filter(|n| *n >= 0)
                .ok_or_else(|| ApiError::invalid(name, format!("`{text}` is not a timestamp")))
        })
        .transpose()
}

/// The records of one function.
fn invocations_of(state: &State, function: &FunctionRecord) -> Vec<Invocation> {
    state
        .stats
        .invocations(|i| i.package == function.package && i.name == function.name)
}

/// The reserved instances a function holds (all its versions and aliases).
fn reserved_of(function: &FunctionRecord) -> i64 {
    function.reserved.iter().map(|r| r.count).sum()
}

fn invocation_json(series: &InvocationSeries, instances: bool) -> Value {
    let mut body = json!({
        "concurrency_num": series_json(&series.concurrency_num),
        "count": series_json(&series.count),
        "duration": series_json(&series.duration),
        "fail_count": series_json(&series.fail_count),
        "function_error_count": series_json(&series.function_error_count),
        "max_duration": series_json(&series.max_duration),
        "min_duration": series_json(&series.min_duration),
        "reject_count": series_json(&series.reject_count),
        "reserved_instance_num": series_json(&series.reserved_instance_num),
        "system_error_count": series_json(&series.system_error_count),
    });
    if instances {
        // One execution per instance (`concurrent_num` 1): instances follow concurrency.
        body["instance_num"] = series_json(&series.concurrency_num);
    }
    body
}

fn function_of<'s>(
    state: &'s State,
    ctx: &Ctx<'_>,
    urn: &str,
) -> Result<&'s FunctionRecord, ApiError> {
    let target = Target::parse(urn, ctx.site)?;
    super::function(state, &target)
}

/// `GET /functions/{func_urn}/statistics/{period}` and `…/slareports/{period}` (with
/// `instance_num`): the function's series over the last `period` minutes.
pub(crate) fn function_series(
    state: &State,
    ctx: &Ctx<'_>,
    urn: &str,
    period_text: &str,
    instances: bool,
) -> Result<Reply, ApiError> {
    let function = function_of(state, ctx, urn)?;
    let minutes = period(period_text, "period")?;
    let window = Window::last_minutes(epoch_ms(ctx.now), minutes);
    let series = invocation_series(
        &window,
        &invocations_of(state, function),
        reserved_of(function),
    );
    Ok(Reply::ok(&invocation_json(&series, instances)))
}

/// `GET /functions/{func_urn}/instancereports`: instances in use and reserved, per
/// minute of the last hour; `marker` and `limit` (default 100, at most 500) select
/// points.
pub(crate) fn instance_report(
    state: &State,
    ctx: &Ctx<'_>,
    urn: &str,
    query: &[(String, String)],
) -> Result<Reply, ApiError> {
    let function = function_of(state, ctx, urn)?;
    let page = Page::with_limit(query, 100, 500, false)?;
    let window = Window::last_minutes(epoch_ms(ctx.now), INSTANCE_REPORT_MINUTES);
    let series = invocation_series(
        &window,
        &invocations_of(state, function),
        reserved_of(function),
    );
    let select = |s: &Series| -> Series { page.apply(s).items.to_vec() };
    Ok(Reply::ok(&json!({
        "instanceNum": series_json(&select(&series.concurrency_num)),
        "reservedInstanceNum": series_json(&select(&series.reserved_instance_num)),
    })))
}

/// `GET /functions/statistics?filter=`: `monitor_data` answers the series of all
/// functions over `period` minutes (default 60) in `statistics`; `monthly_report` the
/// invocations and GB-seconds per month (`option` `0` this month, `1` last month, `2`
/// the last three, `3` the last six; anything else `0`).
pub(crate) fn project_statistics(
    state: &State,
    ctx: &Ctx<'_>,
    query: &[(String, String)],
) -> Result<Reply, ApiError> {
    match query_value(query, "filter") {
        Some("monitor_data") => {
            let minutes = query_value(query, "period")
                .map(|p| period(p, "period"))
                .transpose()?
                .unwrap_or(60);
            let window = Window::last_minutes(epoch_ms(ctx.now), minutes);
            let reserved = state.functions().map(reserved_of).sum();
            let series = invocation_series(&window, &state.stats.invocations(|_| true), reserved);
            Ok(Reply::ok(
                &json!({ "statistics": invocation_json(&series, false) }),
            ))
        }
        Some("monthly_report") => {
            let months = match query_value(query, "option") {
                Some("1") => Months::Last,
                Some("2") => Months::Recent(3),
                Some("3") => Months::Recent(6),
                _ => Months::Recent(1),
            };
            Ok(Reply::ok(&monthly(state, ctx.now, months)))
        }
        Some(other) => Err(ApiError::invalid(
            "filter",
            format!("`{other}` is not `monitor_data` or `monthly_report`"),
        )),
        None => Err(ApiError::missing("filter")),
    }
}

/// Which months a monthly report covers.
#[derive(Debug, Clone, Copy)]
enum Months {
    /// This month and the `n - 1` before it.
    Recent(u8),
    /// Last month alone.
    Last,
}

/// `(year, month)` `back` months before `now`'s.
fn month_before(now: time::OffsetDateTime, back: i32) -> (i32, u8) {
    let index = now.year() * 12 + i32::from(u8::from(now.month())) - 1 - back;
    (index.div_euclid(12), (index.rem_euclid(12) + 1) as u8)
}

fn monthly(state: &State, now: time::OffsetDateTime, months: Months) -> Value {
    let wanted: Vec<(i32, u8)> = match months {
        Months::Recent(n) => (0..i32::from(n))
            .rev()
            .map(|b| month_before(now, b))
            .collect(),
        Months::Last => vec![month_before(now, 1)],
    };
    let records = state.stats.invocations(|i| i.outcome != Outcome::Rejected);
    let month_of = |ms: i64| {
        time::OffsetDateTime::from_unix_timestamp(ms.div_euclid(1000))
            .map(|t| (t.year(), u8::from(t.month())))
            .ok()
    };
    let mut count = Vec::new();
    let mut gbs = Vec::new();
    let mut gpu_gbs = Vec::new();
    for (year, month) in wanted {
        let here: Vec<&Invocation> = records
            .iter()
            .filter(|i| month_of(i.started_ms) == Some((year, month)))
            .collect();
        let gb_seconds: f64 = here
            .iter()
            .map(|i| i.duration_ms / 1000.0 * f64::from(i.memory_mb) / 1024.0)
            .sum();
        let date = format!("{year:04}-{month:02}");
        count.push(json!({"date": date, "value": here.len()}));
        gbs.push(json!({"date": date, "value": (gb_seconds * 1e6).round() / 1e6}));
        gpu_gbs.push(json!({"date": date, "value": 0}));
    }
    json!({"count": count, "gbs": gbs, "gpu_gbs": gpu_gbs})
}

/// `GET /function/report?type=&start_time=&end_time=&limit=`: the functions invoked in
/// the window (epoch seconds; default the last day), largest `failcount` first, at
/// most `limit` (default 10).
pub(crate) fn functions_by_metric(
    state: &State,
    ctx: &Ctx<'_>,
    query: &[(String, String)],
) -> Result<Reply, ApiError> {
    match query_value(query, "type") {
        None | Some("failcount") => {}
        Some(other) => {
            return Err(ApiError::invalid(
                "type",
                format!("`{other}` is not a metric type the report knows (`failcount`)"),
            ));
        }
    }
    let now_s = ctx.now.unix_timestamp();
    let end = epoch(query, "end_time")?.unwrap_or(now_s);
    let start = epoch(query, "start_time")?.unwrap_or(end - DEFAULT_RANKING_SECONDS);
    if start > end {
        return Err(ApiError::invalid("start_time", "is after end_time"));
    }
    let limit = match query_value(query, "limit") {
        None => 10,
        Some(text) => text
            .trim()
            .parse::<usize>()
            .ok()
            .filter(|n| (1..=500).contains(n))
            .ok_or_else(|| ApiError::invalid("limit", format!("`{text}` is not 1 to 500")))?,
    };
    let window = start.saturating_mul(1000)..=end.saturating_mul(1000).saturating_add(999);
    let mut failures: std::collections::BTreeMap<(String, String), usize> = Default::default();
    for i in state.stats.invocations(|i| window.contains(&i.started_ms)) {
        *failures.entry((i.package, i.name)).or_default() +=
            usize::from(i.outcome == Outcome::Failed);
    }
    let mut ranked: Vec<(String, usize)> = state
        .functions()
        .filter_map(|f| {
            let failed = failures.get(&(f.package.clone(), f.name.clone()))?;
            Some((ctx.site.urn(&f.package, &f.name), *failed))
        })
        .collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let count = ranked.len();
    let values: Vec<Value> = ranked
        .iter()
        .take(limit)
        .map(|(urn, value)| json!({"key": urn, "value": value}))
        .collect();
    Ok(Reply::ok(&json!({
        "count": count,
        "next_marker": values.len(),
        "values": values,
    })))
}

/// The window of a workflow metric query: `start_time`/`end_time` (epoch ms) if
/// given, else the last `period` minutes (default an hour).
fn workflow_window(ctx: &Ctx<'_>, query: &[(String, String)]) -> Result<Window, ApiError> {
    let now_ms = epoch_ms(ctx.now);
    let minutes = query_value(query, "period")
        .map(|p| period(p, "period"))
        .transpose()?
        .unwrap_or(DEFAULT_WORKFLOW_PERIOD);
    let end = epoch(query, "end_time")?.unwrap_or(now_ms);
    let start = epoch(query, "start_time")?.unwrap_or(end - minutes * 60_000);
    if start > end {
        return Err(ApiError::invalid("start_time", "is after end_time"));
    }
    if end - start > MAX_PERIOD_MINUTES * 60_000 {
        return Err(ApiError::invalid(
            "start_time",
            "the window is longer than a year",
        ));
    }
    Ok(Window::between(start, end))
}

fn workflow_json(window: &Window, runs: &[WorkflowRun], metric_type: Option<&str>) -> Value {
    let series = workflow_series(window, runs);
    let all = [
        ("totalCount", "count", &series.count),
        ("averageDuration", "duration", &series.duration),
        ("errorCount", "fail_count", &series.fail_count),
        ("running", "running_count", &series.running_count),
    ];
    let known = metric_type
        .is_some_and(|m| m == "rejectCount" || all.iter().any(|(name, _, _)| *name == m));
    let body: serde_json::Map<String, Value> = all
        .iter()
        .filter(|(name, _, _)| !known || metric_type == Some(*name))
        .map(|(_, field, s)| ((*field).to_owned(), series_json(s)))
        .collect();
    Value::Object(body)
}

/// `GET /workflow-statistic?period=&start_time=&end_time=&metric_type=`: the series of
/// every workflow's executions; `metric_type` (`totalCount`, `errorCount`,
/// `averageDuration`, `running`) keeps one series, `rejectCount` none (executions are
/// not refused), anything else all.
pub(crate) fn project_workflows(
    state: &State,
    ctx: &Ctx<'_>,
    query: &[(String, String)],
) -> Result<Reply, ApiError> {
    let window = workflow_window(ctx, query)?;
    let runs = state.stats.workflow_runs(|_| true);
    Ok(Reply::ok(&workflow_json(
        &window,
        &runs,
        query_value(query, "metric_type"),
    )))
}

/// `GET /workflow-statistic/{workflow_urn}`: the series of one workflow's executions.
/// The URN is `urn:fss:{region}:{project}:workflow:{package}:{name}:{version}`.
pub(crate) fn workflow(
    state: &State,
    ctx: &Ctx<'_>,
    urn: &str,
    query: &[(String, String)],
) -> Result<Reply, ApiError> {
    let parts: Vec<&str> = urn.split(':').collect();
    let name = match parts.as_slice() {
        ["urn", "fss", _, project, "workflow", _, name, _] if !name.is_empty() => {
            if *project != ctx.site.project_id {
                return Err(ApiError::forbidden(
                    code::FORBIDDEN,
                    "the workflow URN names another project",
                ));
            }
            *name
        }
        _ => {
            return Err(ApiError::invalid(
                "workflow_urn",
                "expected urn:fss:{region}:{project}:workflow:{package}:{name}:{version}",
            ));
        }
    };
    let window = workflow_window(ctx, query)?;
    let runs = state.stats.workflow_runs(|r| r.workflow == name);
    Ok(Reply::ok(&workflow_json(&window, &runs, None)))
}

/// `GET /quotas`: the configured function limit, the code-size and workflow quotas,
/// each with its use now.
pub(crate) fn quotas(state: &State) -> Reply {
    let functions = state.functions().count();
    let code_bytes: usize = state
        .functions()
        .flat_map(|f| std::iter::once(&f.latest).chain(f.versions.iter()))
        .map(|v| v.code.bytes.len())
        .sum();
    let code_mb = code_bytes.div_ceil(1024 * 1024);
    Reply::ok(&json!({"quotas": {"resources": [
        {"quota": state.limits.functions_per_account, "type": "fgs_func_num", "used": functions},
        {"quota": CODE_SIZE_QUOTA_MB, "type": "fgs_func_code_size", "unit": "MB", "used": code_mb},
        {"quota": WORKFLOW_QUOTA, "type": "fgs_workflow_num", "used": workflow_count(state)},
    ]}}))
}

/// How many workflows the project holds, as the workflow store last reported it.
fn workflow_count(state: &State) -> usize {
    state.stats.workflow_count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_and_months() {
        assert_eq!(period("15", "period").unwrap(), 15);
        for bad in ["0", "-1", "x", "9999999"] {
            assert!(period(bad, "period").is_err(), "{bad}");
        }
        let t = time::macros::datetime!(2026-02-10 12:00 UTC);
        assert_eq!(month_before(t, 0), (2026, 2));
        assert_eq!(month_before(t, 2), (2025, 12));
    }

    #[test]
    fn workflow_metric_types_select_series() {
        let w = Window::between(0, 0);
        let keys = |m: Option<&str>| -> Vec<String> {
            workflow_json(&w, &[], m)
                .as_object()
                .unwrap()
                .keys()
                .cloned()
                .collect()
        };
        assert_eq!(keys(None).len(), 4);
        assert_eq!(keys(Some("errorCount")), ["fail_count"]);
        assert!(keys(Some("rejectCount")).is_empty());
        assert_eq!(keys(Some("whatever")).len(), 4);
    }
}
