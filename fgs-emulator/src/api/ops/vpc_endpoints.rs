//! CreateVpcEndpoint, DeleteVpcEndpoint: one endpoint per VPC subnet, stored with its
//! settings; creating it again answers the stored one.

use serde_json::json;

use super::Ctx;
use crate::api::api_error::{ApiError, code};
use crate::api::validate::{object_body, opt_str, req_str};
use crate::http::reply::Reply;
use crate::runtime::state::{State, VpcEndpointRecord};

fn endpoint_json(e: &VpcEndpointRecord) -> serde_json::Value {
    json!({"address": e.address, "endpoints": e.endpoints})
}

/// `POST /vpc-endpoint`: `vpc_id` and `subnet_id` required (non-empty strings),
/// `flavor` and `xrole` optional; the endpoint gets a domain address and one private
/// IP address.
pub(crate) fn create(state: &mut State, ctx: &Ctx<'_>, body: &[u8]) -> Result<Reply, ApiError> {
    let body = object_body(body, false)?;
    let vpc_id = req_str(&body, "vpc_id")?;
    let subnet_id = req_str(&body, "subnet_id")?;
    for (name, value) in [("vpc_id", vpc_id), ("subnet_id", subnet_id)] {
        if value.trim().is_empty() {
            return Err(ApiError::invalid(name, "must not be empty"));
        }
    }
    let flavor = opt_str(&body, "flavor")?.map(str::to_owned);
    let xrole = opt_str(&body, "xrole")?.map(str::to_owned);
    if let Some(existing) = state
        .vpc_endpoints
        .iter()
        .find(|e| e.vpc_id == vpc_id && e.subnet_id == subnet_id)
    {
        return Ok(Reply::ok(&endpoint_json(existing)));
    }
    let n = state.vpc_endpoints.len();
    let id = uuid::Uuid::new_v4().simple().to_string();
    let record = VpcEndpointRecord {
        vpc_id: vpc_id.to_owned(),
        subnet_id: subnet_id.to_owned(),
        flavor,
        xrole,
        address: format!(
            "https://{}.vpcep.functiongraph.{}.myhuaweicloud.com",
            &id[..12],
            ctx.site.region
        ),
        endpoints: vec![format!("192.168.{}.{}", n / 250, 2 + n % 250)],
    };
    let answer = endpoint_json(&record);
    state.vpc_endpoints.push(record);
    Ok(Reply::ok(&answer))
}

/// `DELETE /vpc-endpoint/{vpc_id}/{subnet_id}`: 204; 404 `FSS.0404` when that subnet
/// has none.
pub(crate) fn delete(state: &mut State, vpc_id: &str, subnet_id: &str) -> Result<Reply, ApiError> {
    let at = state
        .vpc_endpoints
        .iter()
        .position(|e| e.vpc_id == vpc_id && e.subnet_id == subnet_id)
        .ok_or_else(|| {
            ApiError::not_found(
                code::NOT_FOUND,
                format!("no VPC endpoint in subnet `{subnet_id}` of VPC `{vpc_id}`"),
            )
        })?;
    state.vpc_endpoints.remove(at);
    Ok(Reply::no_content())
}
