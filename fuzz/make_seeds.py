#!/usr/bin/env python3
"""Writes the seed corpus of every fuzz target into fuzz/corpus/<target>/.

Sources: the OAS examples (fgs-proto/tests/data/oas/), the signing vectors
(fgs-proto/tests/data/signing-vectors.json), the URN forms of the API spec, and a few
hand-written answers a gateway or the service may give. Re-run after those change:

    python3 fuzz/make_seeds.py

The file formats are described in fuzz/harness/wire.rs. Files this script does not
write (there are none today) are left alone; files it writes are overwritten.
"""
import base64
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
DATA = ROOT / "fgs-proto" / "tests" / "data"
CORPUS = ROOT / "fuzz" / "corpus"

written = {}


def write(target, name, data):
    if isinstance(data, str):
        data = data.encode()
    path = CORPUS / target / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    written[target] = written.get(target, 0) + 1


def response(status, headers, body):
    head = "".join(f"{k}: {v}\n" for k, v in headers)
    if isinstance(body, str):
        body = body.encode()
    return f"{status}\n{head}\n".encode() + body


def compact(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def oas_responses():
    """(operation, status, mime, example) for every example of every OAS file."""
    for path in sorted((DATA / "oas").glob("*.json")):
        doc = json.loads(path.read_text())
        for methods in doc["paths"].values():
            for op in methods.values():
                for status, answer in op["responses"].items():
                    for mime, example in (answer.get("examples") or {}).items():
                        # ShowResInstanceInfo's examples hold `total_count` beside
                        # `application/json`: not a media type, not an example.
                        if "/" not in mime:
                            continue
                        yield path.stem, status, mime, example


# --- responses -------------------------------------------------------------------
JSON = ("Content-Type", "application/json")
RID = ("X-Request-Id", "0f5e8c12-4b1d-4a7e-9c3e-6d2b1a0f9e77")
for name, status, mime, example in oas_responses():
    body = example if isinstance(example, str) else compact(example)
    headers = [("Content-Type", mime), RID]
    if name == "InvokeFunction":
        headers += [
            ("X-Cff-Request-Id", "5a1c0f7e-2d3b-4c8a-9e1f-0b6d7c8e9f00"),
            ("X-Cff-Invoke-Summary",
             '{"funcDigest":"a1b2","duration":12.5,"billingDuration":13,"memorySize":128,"memoryUsed":31.2}'),
            ("X-Cff-Billing-Duration", "13"),
            ("X-Func-Err-Code", "0"),
        ]
    write("responses", f"oas-{name}-{status}", response(status, headers, body))
    if status.startswith(("4", "5")):
        write("error_body", f"oas-{name}-{status}", body)

for name in ["DeleteFunction", "DeleteFunctionTrigger", "DeleteVersionAlias",
             "BatchDeleteFunctionTriggers", "DeleteDependencyVersion", "DeleteEvent",
             "CreateTags", "DeleteTags", "DeleteFunctionAsyncInvokeConfig",
             "DeleteVpcEndpoint"]:
    write("responses", f"oas-{name}-204", response(204, [RID], ""))
# DeleteFunctionApp answers 200 without a body; the workflow metrics' OAS files have no
# success example, so their seeds are written from the schema (`WorkflowStatisticsResp`).
write("responses", "oas-DeleteFunctionApp-200", response(200, [RID], ""))
workflow_metrics = compact({
    "count": [{"timestamp": 1649767560000, "value": 3}],
    "duration": [{"timestamp": 1649767560000, "value": 12.5}],
    "fail_count": [{"timestamp": 1649767560000, "value": -1}],
    "running_count": [{"timestamp": 1649767560000, "value": 0}]})
for name in ["ShowTenantMetric", "ShowWorkFlowMetric"]:
    write("responses", f"oas-{name}-200", response(200, [JSON, RID], workflow_metrics))

# Successes whose OAS documents no body: the POST/PUT switches answer 200 with none,
# UpdateFuncSnapshot 204, and ExportFunction the package (here an empty zip, base64).
for name in ["EnableLtsLogs", "EnableAsyncStatusLog", "UpdateTracing",
             "UpdateFunctionCollectState"]:
    write("responses", f"oas-{name}-200", response(200, [RID], ""))
write("responses", "oas-UpdateFuncSnapshot-204", response(204, [RID], ""))
EMPTY_ZIP = b"PK\x05\x06" + bytes(18)
write("responses", "oas-ExportFunction-200", response(
    200, [("Content-Type", "application/octet-stream"), RID], base64.b64encode(EMPTY_ZIP)))
write("responses", "export-raw-zip", response(
    200, [("Content-Type", "application/zip"), RID], EMPTY_ZIP))
write("responses", "export-link", response(200, [JSON], compact(
    {"download_url": "https://obs.example.com/hello.zip"})))


# The workflow files document whole answers for CreateCallbackWorkflow alone; the
# others get a body built from the `example` of every documented field.
def from_examples(schema, defs):
    if "$ref" in schema:
        return from_examples(defs[schema["$ref"].split("/")[-1]], defs)
    if schema.get("properties"):
        return {k: from_examples(v, defs) for k, v in schema["properties"].items()}
    if schema.get("type") == "array" and "$ref" in schema.get("items", {}):
        return [from_examples(schema["items"], defs)]
    return schema.get("example")


for name in ["CreateWorkflow", "ListWorkflow", "ShowWorkFlow", "UpdateWorkFlow",
             "BatchDeleteWorkflows", "StartWorkflowExecution", "StartSyncWorkflowExecution",
             "ListWorkflowExecutions", "ShowWorkflowExecution", "ShowWorkflowExecutionForPage"]:
    doc = json.loads((DATA / "oas" / f"{name}.json").read_text())
    for methods in doc["paths"].values():
        for op in methods.values():
            for status, answer in op["responses"].items():
                if status.startswith("2") and "schema" in answer:
                    body = compact(from_examples(answer["schema"], doc["definitions"]))
                    write("responses", f"oas-{name}-{status}", response(status, [JSON, RID], body))
for name in ["RetryWorkFlow", "StopWorkFlow"]:
    write("responses", f"oas-{name}-200", response(200, [RID], ""))
write("responses", "workflow-raw-states", response(200, [JSON], compact({
    "id": "w1", "definition": {"name": "odd", "start": "s", "mode": "TURBO", "states": [
        {"id": "s", "type": "Switch", "data_conditions": [{"condition": "$.a > 1", "transition": "t"}]},
        {"id": "t", "type": "End", "end": True, "actions": [], "transition": ""},
        {"id": "u", "type": "Sleep", "duration": "5"}, "not-a-state", None]}})))

invoke_ok = [("X-Cff-Request-Id", "5a1c0f7e-2d3b-4c8a-9e1f-0b6d7c8e9f00"),
             ("X-Cff-Response-Version", "v1"),
             ("X-Cff-Function-Log", base64.b64encode(b"START RequestId: 5a1c\nEND RequestId: 5a1c").decode()),
             ("X-Cff-Invoke-Summary", '{"duration":3,"billingDuration":4,"memorySize":256,"memoryUsed":40}')]
write("responses", "invoke-v1-envelope", response(200, invoke_ok + [JSON], compact(
    {"request_id": "5a1c0f7e", "result": "{\"statusCode\":200,\"body\":\"hi\"}",
     "log": "START\nEND", "status": 200})))
write("responses", "invoke-function-error", response(500, [
    ("X-Cff-Request-Id", "5a1c0f7e"), ("X-Is-Func-Err", "true"), ("X-Func-Err-Code", "1"),
    ("Content-Type", "text/plain")], '{"errorMessage":"boom","errorType":"ZeroDivisionError"}'))
write("responses", "invoke-bad-log-and-summary", response(200, [
    ("X-Cff-Function-Log", "not base64!"), ("X-Cff-Invoke-Summary", "{not json"),
    ("X-Cff-Response-Version", "v1")], "[1,2"))
write("responses", "async-invoke-hyphen", response(202, [JSON], '{"request-id":"4f9a6b0c"}'))
write("responses", "list-functions-odd", response(200, [JSON], compact({
    "functions": [{"func_name": "a", "func_vpc": None, "mount_config": None,
                   "func_vpc_id": "v1", "runtime": "Rust1.95", "memory_size": 128,
                   "some_future_field": {"x": [1]}}],
    "next_marker": 1, "count": 3})))
write("responses", "list-versions-page", response(200, [JSON], compact({
    "versions": [{"func_name": "a", "version": "v1"}], "next_marker": 2, "count": 10})))
write("responses", "triggers-odd-types", response(200, [JSON], compact([
    {"trigger_id": "t1", "trigger_type_code": "TIMER", "trigger_status": "ACTIVE",
     "event_data": {"name": "t", "schedule_type": "Rate", "schedule": "3m"}},
    {"trigger_id": "t2", "trigger_type_code": "FUTURE_TYPE", "trigger_status": "PAUSED",
     "event_data": {"anything": True}},
    {"trigger_id": "t3", "trigger_type_code": "KAFKA", "event_data": None}])))
# CancelAsyncInvocation's 200 has no body (its OAS example is `{}`, no media type); an
# async record of a status the OAS lacks.
write("responses", "oas-CancelAsyncInvocation-200", response(200, [RID], ""))
write("responses", "async-records-odd", response(200, [JSON], compact({
    "invocations": [{"request_id": "r1", "status": "CANCELED", "error_code": 4208},
                    {"request_id": "r2", "status": "WAIT", "start_time": None}],
    "next_marker": 2, "count": 5})))
write("responses", "gateway-502-html", response(502, [("Content-Type", "text/html"), ("Server", "nginx")],
    "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
    "<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n"))
write("responses", "throttled-429", response(429, [JSON, ("Retry-After", "7"), RID],
    compact({"error_code": "FSS.0429", "error_msg": "Too many requests"})))
write("responses", "apigw-401", response(401, [JSON], compact({
    "error_msg": "Incorrect IAM authentication information", "error_code": "APIGW.0301",
    "request_id": "b2c3"})))
write("responses", "empty-500", response(500, [], ""))
write("responses", "empty-200", response(200, [JSON], ""))
write("responses", "not-json-200", response(200, [("Content-Type", "text/plain")], "OK"))

# --- error_body -------------------------------------------------------------------
for name, body in {
    "fss": {"error_code": "FSS.1051", "error_msg": "Not found the function"},
    "apigw-request-id": {"error_msg": "Incorrect IAM authentication information",
                         "error_code": "APIGW.0301", "request_id": "b2c3"},
    "code-message": {"code": "E1", "message": "m1"},
    "camel": {"errorCode": "E2", "errorMsg": "m2", "requestId": "r2"},
    "nested": {"error": {"code": "E3", "message": "m3", "request_id": "r3"}},
    "numeric-code": {"code": 401, "message": "numeric"},
    "empty-strings": {"error_code": "", "error_msg": "", "code": "fallback"},
    "wrong-types": {"error_code": ["x"], "error_msg": {"m": 1}, "error": "flat"},
}.items():
    write("error_body", name, compact(body))
write("error_body", "html-502", "<html>\n<head><title>502 Bad Gateway</title></head>\n</html>\n")
write("error_body", "empty", "")
write("error_body", "json-array", "[{\"error_code\":\"FSS.0001\"}]")
write("error_body", "plain-text", "upstream connect error or disconnect/reset before headers")
write("error_body", "invalid-utf8", b"\xff\xfe{\"error_code\":\"\xc3\"}")

# --- authorization ----------------------------------------------------------------
vectors = json.loads((DATA / "signing-vectors.json").read_text())
for v in vectors:
    expected = v["expected"]
    head = "".join(f"{k}: {val}\n" for k, val in expected["headers_out"].items())
    body = (v["body"] or "").encode("utf-8", "surrogateescape")
    write("authorization", f"vector-{v['name']}",
          f"{v['method']} {expected['uri_out']}\n{head}\n".encode() + body)
    write("authorization", f"header-{v['name']}", expected["authorization"])
first = vectors[0]["expected"]
good = first["authorization"]
for name, value in {
    "no-spaces": good.replace(", ", ","),
    "reordered": "SDK-HMAC-SHA256 Signature=00, Access=AK, SignedHeaders=host",
    "duplicate-access": good + ", Access=AK2",
    "uppercase-header": good.replace("host", "Host"),
    "empty-header-name": good.replace("host;", ";"),
    "unknown-field": good + ", Credential=x",
    "lowercase-algorithm": good.replace("SDK-HMAC-SHA256", "sdk-hmac-sha256"),
    "no-algorithm-space": good.replace("SDK-HMAC-SHA256 ", "SDK-HMAC-SHA256"),
}.items():
    write("authorization", f"header-{name}", value)
write("authorization", "request-token-auth",
      "GET /v2/p1/fgs/functions\nX-Auth-Token: MIIDexampletoken\nHost: 127.0.0.1:8080\n\n")
# Header values may be UTF-8 beyond ASCII: the signer signs them as text.
write("authorization", "request-utf8-headers",
      "PUT /v2/p1/fgs/functions/f%C3%BCnf/config?name=%E4%B8%AD\nHost: fünf.example\n"
      "X-Note:  中文  \nContent-Type: application/json\n\n{\"k\":\"v\"}")
write("authorization", "request-bad-date",
      "GET /v2/p1/fgs/functions\nX-Sdk-Date: 2024-01-15T08:30:00Z\nHost: h\n"
      f"Authorization: {good}\n\n")

# --- urn --------------------------------------------------------------------------
urns = set()
for _, _, _, example in oas_responses():
    text = json.dumps(example)
    for start in [i for i in range(len(text)) if text.startswith("urn:fss:", i)]:
        urns.add(text[start:text.index('"', start)])
for i, urn in enumerate(sorted(urns)):
    write("urn", f"oas-{i:02}", urn)
for name, text in {
    "full-latest": "urn:fss:cn-north-4:0123456789abcdef0123456789abcdef:function:default:hello:latest",
    "full-unqualified": "urn:fss:cn-north-4:0123456789abcdef0123456789abcdef:function:default:hello",
    "full-alias": "urn:fss:cn-north-4:0123456789abcdef0123456789abcdef:function:default:hello:!dev",
    "full-version": "urn:fss:cn-north-4:0123456789abcdef0123456789abcdef:function:default:hello:v20240101-120000",
    "short-name": "hello",
    "short-package": "default:hello",
    "short-project": "0123456789abcdef0123456789abcdef:default:hello",
    "short-qualified": "0123456789abcdef0123456789abcdef:default:hello:!prod",
    "named-urn": "urn:hello",
    "too-many-fields": "urn:fss:r:p:function:pkg:f:q:extra",
    "not-function": "urn:fss:r:p:notfunction:pkg:f",
    "empty-field": "urn:fss::p:function:pkg:f",
    "empty-alias": "p:pkg:f:!",
    "dot": ".",
    "dot-dot": "..",
    "slashes": "../../v3/auth:x/y?z#w",
    "percent": "a%2Fb%zz%",
    "unicode": "urn:fss:cn-north-4:p:function:默认:函数:!别名",
    "spaces": " urn:fss:r:p:function:default:f ",
}.items():
    write("urn", name, text)

for target, count in sorted(written.items()):
    print(f"{target}: {count} files")
