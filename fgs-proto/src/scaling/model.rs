//! The models the scaling operations share.

use crate::model::macros::{model, open_enum};

open_enum! {
    /// What a [`MetricConfig`] measures.
    pub enum MetricType {
        /// The share of reserved instances in use.
        Concurrency = "Concurrency",
    }
}

model! {
    /// When and how reserved instances scale beyond their fixed count
    /// (`tactics_config`): on a schedule, on load, or both.
    pub struct TacticsConfig {
        /// Scheduled counts.
        pub cron_configs: Option<Vec<CronConfig>>,
        /// Load-driven counts.
        pub metric_configs: Option<Vec<MetricConfig>>,
    }
}

model! {
    /// A scheduled reserved-instance count.
    pub struct CronConfig {
        /// The schedule's name.
        pub name: Option<String>,
        /// A cron expression.
        pub cron: Option<String>,
        /// The instances kept while the schedule applies.
        pub count: Option<i64>,
        /// From when the schedule applies, epoch seconds.
        pub start_time: Option<i64>,
        /// Until when the schedule applies, epoch seconds.
        pub expired_time: Option<i64>,
    }
}

model! {
    /// A load-driven reserved-instance count.
    pub struct MetricConfig {
        /// The setting's name.
        pub name: Option<String>,
        /// What is measured.
        #[wire = "type"]
        pub metric_type: Option<MetricType>,
        /// The threshold, in percent.
        pub threshold: Option<i64>,
        /// The fewest instances kept.
        pub min: Option<i64>,
    }
}

model! {
    /// Where a page of a reserved-instance listing is (`page_info`).
    pub struct ListPageInfo {
        /// Where the next page starts (the `marker` to send).
        pub next_marker: Option<i64>,
        /// Where this page started.
        pub previous_marker: Option<i64>,
        /// Items on this page.
        pub current_count: Option<i64>,
    }
}
