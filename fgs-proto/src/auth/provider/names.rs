//! Every environment variable and profile-file name the providers read, spelled as the
//! official Huawei Cloud Python SDK (`huaweicloudsdkcore` 3.1.219) spells them. Each
//! constant says which of its files defines the name.

/// `HUAWEICLOUD_SDK_AK` — `auth/provider.py`, `EnvCredentialProvider`.
pub const ENV_AK: &str = "HUAWEICLOUD_SDK_AK";
/// `HUAWEICLOUD_SDK_SK` — `auth/provider.py`, `EnvCredentialProvider`.
pub const ENV_SK: &str = "HUAWEICLOUD_SDK_SK";
/// `HUAWEICLOUD_SDK_SECURITY_TOKEN` — `auth/provider.py`, `EnvCredentialProvider`.
pub const ENV_SECURITY_TOKEN: &str = "HUAWEICLOUD_SDK_SECURITY_TOKEN";
/// `HUAWEICLOUD_SDK_PROJECT_ID` — `auth/provider.py`, `EnvCredentialProvider`.
pub const ENV_PROJECT_ID: &str = "HUAWEICLOUD_SDK_PROJECT_ID";
/// `HUAWEICLOUD_SDK_DOMAIN_ID` — `auth/provider.py`, `EnvCredentialProvider`.
pub const ENV_DOMAIN_ID: &str = "HUAWEICLOUD_SDK_DOMAIN_ID";
/// `HUAWEICLOUD_SDK_IDP_ID` — `auth/provider.py`, `EnvCredentialProvider`.
pub const ENV_IDP_ID: &str = "HUAWEICLOUD_SDK_IDP_ID";
/// `HUAWEICLOUD_SDK_ID_TOKEN_FILE` — `auth/provider.py`, `EnvCredentialProvider`.
pub const ENV_ID_TOKEN_FILE: &str = "HUAWEICLOUD_SDK_ID_TOKEN_FILE";
/// `HUAWEICLOUD_SDK_CREDENTIALS_FILE` — `auth/provider.py`, `ProfileCredentialProvider`.
pub const ENV_CREDENTIALS_FILE: &str = "HUAWEICLOUD_SDK_CREDENTIALS_FILE";
/// `HUAWEICLOUD_SDK_IAM_ENDPOINT` — `auth/internal.py`, `IamHelper`.
pub const ENV_IAM_ENDPOINT: &str = "HUAWEICLOUD_SDK_IAM_ENDPOINT";
/// `HUAWEICLOUD_SDK_STS_ENDPOINT` — `auth/internal.py`, `StsHelper`.
pub const ENV_STS_ENDPOINT: &str = "HUAWEICLOUD_SDK_STS_ENDPOINT";
/// `HC_CONTAINER_CREDENTIALS_FULL_URI` — `auth/provider.py`,
/// `PodIdentityCredentialProvider`.
pub const ENV_CONTAINER_CREDENTIALS_FULL_URI: &str = "HC_CONTAINER_CREDENTIALS_FULL_URI";
/// `HC_CONTAINER_AUTHORIZATION_TOKEN_FILE` — `auth/provider.py`,
/// `PodIdentityCredentialProvider`.
pub const ENV_CONTAINER_AUTHORIZATION_TOKEN_FILE: &str = "HC_CONTAINER_AUTHORIZATION_TOKEN_FILE";
/// `HUAWEICLOUD_OIDC_PROVIDER_URN` — `auth/provider.py`, `OidcStsCredentialProvider`.
pub const ENV_OIDC_PROVIDER_URN: &str = "HUAWEICLOUD_OIDC_PROVIDER_URN";
/// `HUAWEICLOUD_OIDC_AGENCY_URN` — `auth/provider.py`, `OidcStsCredentialProvider`.
pub const ENV_OIDC_AGENCY_URN: &str = "HUAWEICLOUD_OIDC_AGENCY_URN";
/// `HUAWEICLOUD_OIDC_ID_TOKEN` — `auth/provider.py`, `OidcStsCredentialProvider`.
pub const ENV_OIDC_ID_TOKEN: &str = "HUAWEICLOUD_OIDC_ID_TOKEN";
/// `HUAWEICLOUD_OIDC_TOKEN_FILE` — `auth/provider.py`, `OidcStsCredentialProvider`.
pub const ENV_OIDC_TOKEN_FILE: &str = "HUAWEICLOUD_OIDC_TOKEN_FILE";
/// `HUAWEICLOUD_OIDC_SESSION_NAME` — `auth/provider.py`, `OidcStsCredentialProvider`.
pub const ENV_OIDC_SESSION_NAME: &str = "HUAWEICLOUD_OIDC_SESSION_NAME";
/// `HUAWEICLOUD_OIDC_DURATION_SECONDS` — `auth/provider.py`,
/// `OidcStsCredentialProvider`.
pub const ENV_OIDC_DURATION_SECONDS: &str = "HUAWEICLOUD_OIDC_DURATION_SECONDS";
/// `HUAWEICLOUD_OIDC_POLICY` — `auth/provider.py`, `OidcStsCredentialProvider`.
pub const ENV_OIDC_POLICY: &str = "HUAWEICLOUD_OIDC_POLICY";
/// `HUAWEICLOUD_OIDC_POLICY_IDS` — `auth/provider.py`, `OidcStsCredentialProvider`.
pub const ENV_OIDC_POLICY_IDS: &str = "HUAWEICLOUD_OIDC_POLICY_IDS";
/// `HOME` — `utils/filepath_utils.py`, `get_home_path` (Linux, macOS).
pub const ENV_HOME: &str = "HOME";
/// `USERPROFILE` — `utils/filepath_utils.py`, `get_home_path` (Windows).
pub const ENV_USERPROFILE: &str = "USERPROFILE";

/// The profile file's directory below the home directory — `auth/provider.py`,
/// `ProfileCredentialProvider._DEFAULT_CREDENTIALS_FILE_DIR`.
pub const PROFILE_DIR: &str = ".huaweicloud";
/// The profile file's name — `auth/provider.py`,
/// `ProfileCredentialProvider._DEFAULT_CREDENTIALS_FILE_NAME`.
pub const PROFILE_FILE: &str = "credentials";
/// The profile section of regional services like FunctionGraph (`BasicCredentials`) —
/// `auth/provider.py`, `_CredentialType.BASIC`.
pub const SECTION_BASIC: &str = "basic";
/// The profile section of global services (`GlobalCredentials`) — `auth/provider.py`,
/// `_CredentialType.GLOBAL`.
pub const SECTION_GLOBAL: &str = "global";
/// Profile key `ak` — `auth/provider.py`, `ProfileCredentialProvider._AK_NAME`.
pub const KEY_AK: &str = "ak";
/// Profile key `sk` — `auth/provider.py`, `ProfileCredentialProvider._SK_NAME`.
pub const KEY_SK: &str = "sk";
/// Profile key `project_id` — `auth/provider.py`,
/// `ProfileCredentialProvider._PROJECT_ID_NAME`.
pub const KEY_PROJECT_ID: &str = "project_id";
/// Profile key `domain_id` — `auth/provider.py`,
/// `ProfileCredentialProvider._DOMAIN_ID_NAME`.
pub const KEY_DOMAIN_ID: &str = "domain_id";
/// Profile key `security_token` — `auth/provider.py`,
/// `ProfileCredentialProvider._SECURITY_TOKEN_NAME`.
pub const KEY_SECURITY_TOKEN: &str = "security_token";
/// Profile key `iam_endpoint` — `auth/provider.py`,
/// `ProfileCredentialProvider._IAM_ENDPOINT_NAME`.
pub const KEY_IAM_ENDPOINT: &str = "iam_endpoint";
/// Profile key `idp_id` — `auth/provider.py`, `ProfileCredentialProvider._IDP_ID_NAME`.
pub const KEY_IDP_ID: &str = "idp_id";
/// Profile key `id_token_file` — `auth/provider.py`,
/// `ProfileCredentialProvider._ID_TOKEN_FILE_NAME`.
pub const KEY_ID_TOKEN_FILE: &str = "id_token_file";

/// The metadata session-token path (IMDSv2 style) — `auth/internal.py`,
/// `MetadataAccessor._GET_TOKEN_PATH`.
pub const METADATA_TOKEN_PATH: &str = "/meta-data/latest/api/token";
/// The metadata temporary-key path — `auth/internal.py`,
/// `MetadataAccessor._GET_SECURITY_KEY_PATH`.
pub const METADATA_SECURITY_KEY_PATH: &str = "/openstack/latest/securitykey";
/// The metadata session-token header — `auth/internal.py`,
/// `MetadataAccessor._X_METADATA_TOKEN`.
pub const X_METADATA_TOKEN: &str = "X-Metadata-Token";
/// The header asking for a session token's lifetime — `auth/internal.py`,
/// `MetadataAccessor._X_METADATA_TOKEN_TTL_SECONDS`.
pub const X_METADATA_TOKEN_TTL_SECONDS: &str = "X-Metadata-Token-Ttl-Seconds";
/// IAM's project listing — `auth/internal.py`, `IamHelper.KEYSTONE_LIST_PROJECT_URI`.
pub const IAM_PROJECTS_PATH: &str = "/v3/projects";
/// IAM's id-token exchange — `auth/internal.py`,
/// `IamHelper.CREATE_TOKEN_BY_ID_TOKEN_URI`.
pub const IAM_ID_TOKEN_PATH: &str = "/v3.0/OS-AUTH/id-token/tokens";
/// IAM's temporary keys for a token — `auth/internal.py`,
/// `IamHelper.CREATE_TEMPORARY_ACCESS_KEY_BY_TOKEN_URI`.
pub const IAM_SECURITY_TOKENS_PATH: &str = "/v3.0/OS-CREDENTIAL/securitytokens";
/// STS's OIDC assume-agency — `auth/internal.py`,
/// `OidcStsAccessor._ASSUME_AGENCY_WITH_OIDC_URI`.
pub const STS_ASSUME_WITH_OIDC_PATH: &str = "/v5/agencies/assume-with-oidc";
/// The header naming the identity provider of an id token — `auth/internal.py`,
/// `IamHelper.get_create_unscoped_token_by_id_token_request`.
pub const X_IDP_ID: &str = "X-Idp-Id";
/// The header IAM answers the token in — `auth/internal.py`,
/// `IamHelper.create_unscoped_token_by_id_token`.
pub const X_SUBJECT_TOKEN: &str = "X-Subject-Token";

/// Every environment variable above, with the official file it comes from, for tests
/// and documentation.
pub const ENVIRONMENT: &[(&str, &str)] = &[
    (ENV_AK, "auth/provider.py"),
    (ENV_SK, "auth/provider.py"),
    (ENV_SECURITY_TOKEN, "auth/provider.py"),
    (ENV_PROJECT_ID, "auth/provider.py"),
    (ENV_DOMAIN_ID, "auth/provider.py"),
    (ENV_IDP_ID, "auth/provider.py"),
    (ENV_ID_TOKEN_FILE, "auth/provider.py"),
    (ENV_CREDENTIALS_FILE, "auth/provider.py"),
    (ENV_IAM_ENDPOINT, "auth/internal.py"),
    (ENV_STS_ENDPOINT, "auth/internal.py"),
    (ENV_CONTAINER_CREDENTIALS_FULL_URI, "auth/provider.py"),
    (ENV_CONTAINER_AUTHORIZATION_TOKEN_FILE, "auth/provider.py"),
    (ENV_OIDC_PROVIDER_URN, "auth/provider.py"),
    (ENV_OIDC_AGENCY_URN, "auth/provider.py"),
    (ENV_OIDC_ID_TOKEN, "auth/provider.py"),
    (ENV_OIDC_TOKEN_FILE, "auth/provider.py"),
    (ENV_OIDC_SESSION_NAME, "auth/provider.py"),
    (ENV_OIDC_DURATION_SECONDS, "auth/provider.py"),
    (ENV_OIDC_POLICY, "auth/provider.py"),
    (ENV_OIDC_POLICY_IDS, "auth/provider.py"),
    (ENV_HOME, "utils/filepath_utils.py"),
    (ENV_USERPROFILE, "utils/filepath_utils.py"),
];

/// Every profile-file key of a section, with the official file it comes from.
pub const PROFILE_KEYS: &[(&str, &str)] = &[
    (KEY_AK, "auth/provider.py"),
    (KEY_SK, "auth/provider.py"),
    (KEY_PROJECT_ID, "auth/provider.py"),
    (KEY_DOMAIN_ID, "auth/provider.py"),
    (KEY_SECURITY_TOKEN, "auth/provider.py"),
    (KEY_IAM_ENDPOINT, "auth/provider.py"),
    (KEY_IDP_ID, "auth/provider.py"),
    (KEY_ID_TOKEN_FILE, "auth/provider.py"),
];
