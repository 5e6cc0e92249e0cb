//! Applications created from templates, and VPC endpoints.

/// An application: what CreateFunctionApp made from a template.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct AppRecord {
    pub id: String,
    pub name: String,
    pub description: String,
    pub template_id: String,
    /// The functions it created, `(package, name)`, in creation order.
    pub functions: Vec<(String, String)>,
    pub stack_id: String,
    /// Epoch milliseconds.
    pub last_modified_ms: i64,
}

/// A VPC endpoint of one subnet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct VpcEndpointRecord {
    pub vpc_id: String,
    pub subnet_id: String,
    pub flavor: Option<String>,
    pub xrole: Option<String>,
    pub address: String,
    pub endpoints: Vec<String>,
}
