//! Reliability, round 2: what a hostile network, server or careless caller must not get
//! through, each scenario through both adapters (fgs-ureq and fgs-hyper) unless it is
//! about one adapter's transport. `--nocapture` prints the figures.

mod caller;
mod emulator;
mod flood;
mod pages;
mod retries;
mod server;
mod transport;

use caller::maxitems_zero_and_above_400_mean_the_default;
use emulator::{
    invoke_payloads_above_the_limits_are_refused_by_the_server,
    the_async_log_is_bounded_and_can_be_cleared,
};
use flood::a_flood_of_100_continue_cannot_stretch_the_timeout;
use pages::{a_repeated_marker_ends_the_walk, an_endless_listing_stops_at_the_page_cap};
use retries::{
    the_operation_timeout_bounds_attempts_and_waits, the_retry_budget_bounds_retries_in_an_outage,
};
use server::server_error_text_is_kept_escaped_and_bounded;
use transport::{
    a_connection_the_server_ended_after_answering_is_not_used_again,
    a_declared_length_above_the_limit_fails_before_the_body,
    a_name_resolution_failure_is_connect_not_sent, an_oversized_chunk_size_is_protocol_in_both,
};

fgs_tests::through_both_adapters!(
    maxitems_zero_and_above_400_mean_the_default,
    an_endless_listing_stops_at_the_page_cap,
    a_repeated_marker_ends_the_walk,
    server_error_text_is_kept_escaped_and_bounded,
    the_operation_timeout_bounds_attempts_and_waits,
    the_retry_budget_bounds_retries_in_an_outage,
    a_name_resolution_failure_is_connect_not_sent,
    a_declared_length_above_the_limit_fails_before_the_body,
    an_oversized_chunk_size_is_protocol_in_both,
    a_connection_the_server_ended_after_answering_is_not_used_again,
    invoke_payloads_above_the_limits_are_refused_by_the_server,
    the_async_log_is_bounded_and_can_be_cleared,
    a_flood_of_100_continue_cannot_stretch_the_timeout,
);
