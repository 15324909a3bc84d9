#!/usr/bin/env python3
"""Generate the labelled scan corpus (tests/data/scan/corpus.jsonl); seeded, reproducible.

Every line is built from a template whose labels are written by hand next to it;
random values only fill in the non-error parts (timestamps, ids, ports, ...) and
pick which catalogue entry a template uses.
"""
import json
import random
import uuid as _uuid
from pathlib import Path

HERE = Path(__file__).resolve().parent
CAT = HERE.parents[2] / "catalogs"
OUT = HERE / "corpus.jsonl"

R = random.Random(7302)


def load(src):
    return json.load(open(f"{CAT}/{src}.json"))["entries"]


SALTO = [e for e in load("salto") if e["code"]]
REV23 = load("rev23")
IMI = load("imiconnect")
VOIP = load("voipnow")
ASKIA = load("askia")

REASON = {400: "Bad Request", 401: "Unauthorized", 402: "Payment Required", 403: "Forbidden",
          404: "Not Found", 405: "Method Not Allowed", 408: "Request Timeout", 409: "Conflict",
          410: "Gone", 413: "Payload Too Large", 415: "Unsupported Media Type",
          422: "Unprocessable Entity", 429: "Too Many Requests", 500: "Internal Server Error",
          501: "Not Implemented", 502: "Bad Gateway", 503: "Service Unavailable",
          504: "Gateway Timeout", 200: "OK", 201: "Created", 204: "No Content"}

# ---------------------------------------------------------------- random fillers
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def _t():
    return dict(y=R.choice([2023, 2024, 2025]), mo=R.randint(1, 12), d=R.randint(1, 28),
                h=R.randint(0, 23), mi=R.randint(0, 59), s=R.randint(0, 59), ms=R.randint(0, 999))


def ts_iso():
    t = _t()
    return f"{t['y']}-{t['mo']:02d}-{t['d']:02d}T{t['h']:02d}:{t['mi']:02d}:{t['s']:02d}.{t['ms']:03d}Z"


def ts_py():
    t = _t()
    return f"{t['y']}-{t['mo']:02d}-{t['d']:02d} {t['h']:02d}:{t['mi']:02d}:{t['s']:02d},{t['ms']:03d}"


def ts_sys():
    t = _t()
    return f"{MONTHS[t['mo']-1]} {t['d']:2d} {t['h']:02d}:{t['mi']:02d}:{t['s']:02d}"


def ts_clf():
    t = _t()
    return f"{t['d']:02d}/{MONTHS[t['mo']-1]}/{t['y']}:{t['h']:02d}:{t['mi']:02d}:{t['s']:02d} +0000"


def ts_any():
    return R.choice([ts_iso, ts_py, ts_sys])()


def uid():
    return str(_uuid.UUID(int=R.getrandbits(128), version=4))


def uid_with(digits):
    """A UUID whose first group starts with a known code's digits."""
    u = uid()
    return digits + u[len(digits):]


def hexid(n=16):
    return "".join(R.choice("0123456789abcdef") for _ in range(n))


def ip():
    return f"{R.choice([10, 172, 192, 203, 198])}.{R.randint(0, 255)}.{R.randint(0, 255)}.{R.randint(1, 254)}"


def phone(tail=None):
    tail = tail or f"{R.randint(0, 9999):04d}"
    return R.choice([f"+1415555{tail}", f"+4477009{R.randint(0, 99):02d}{tail}", f"+3361234{tail}"])


def host():
    return R.choice(["api-gw-01", "web-3", "worker-7", "edge-eu-2", "ip-10-0-4-17", "app-blue-5"])


def pid():
    return R.randint(1000, 65000)


def ms():
    return R.choice([R.randint(3, 999), 401, 503, 105, 404, 1100])


def fmt_json(obj, style):
    if style == "compact":
        return json.dumps(obj, separators=(",", ":"), ensure_ascii=False)
    if style == "spaced":
        return json.dumps(obj, ensure_ascii=False)
    return repr(obj)  # python repr, single quotes


LINES = []


def add(line, findings=(), success=(), note="", **extra):
    obj = {"line": line, "findings": [dict(f) for f in findings]}
    if success:
        obj["success"] = [dict(s) for s in success]
    obj["note"] = note
    obj.update(extra)
    LINES.append(obj)


def F(code, source, **kw):
    d = {"code": str(code), "source": source}
    d.update(kw)
    return d


# ================================================================== SALTO
SALTO_BASE = "https://clp-accept-user.my-clay.com/v1.1"
SALTO_RES = ["sites/{u}/iqs", "sites/{u}/pods", "sites/{u}/users", "sites/{u}/locks/{u2}",
             "sites/{u}/iqs/{u2}/activate", "sites/{u}/pods/{u2}/members", "me/sites"]


def salto_pick(exclude=()):
    return R.choice([e for e in SALTO if e["code"] not in exclude])


def salto_url():
    return SALTO_BASE + "/" + R.choice(SALTO_RES).format(u=uid(), u2=uid())


def salto_status(e):
    return e["http_status"][0] if e["http_status"] else None


def salto_line(kind, e, st, inconsistent=False):
    c, m = e["code"], e["message"]
    f_http = F(st, "http")
    f_s = F(c, "salto")
    extra = {"inconsistent": True} if inconsistent else {}
    tag = f" (documented HTTP {e['http_status'][0]})" if inconsistent else ""
    if kind == 0:
        meth = R.choice(["POST", "PUT", "PATCH", "DELETE", "GET"])
        body = fmt_json({"code": int(c), "message": m}, R.choice(["compact", "spaced"]))
        add(f"{ts_iso()} ERROR [saltoks] {meth} {salto_url()} failed: HTTP {st} {body}",
            [f_http, f_s], note=f"salto response body: HTTP {st} + code {c}{tag}", **extra)
    elif kind == 1:
        add(f'time={ts_iso()} level=error component=lock-sync vendor=salto_ks http_status={st} '
            f'error_code={c} msg="{m}" site={uid()} took={ms()}ms',
            [f_http, f_s], note=f"key=value http_status + error_code {c}{tag}", **extra)
    elif kind == 2:
        add(f"{ts_py()} WARNING doors.sync: Salto KS refused the request (HTTP {st}, error code {c}): {m}",
            [f_http, f_s], note=f"prose HTTP {st} + 'error code {c}'{tag}", **extra)
    elif kind == 3:
        body = repr({"status": st, "code": int(c), "message": m})
        add(f"{ts_py()} ERROR salto_client: unexpected response {body}",
            [f_http, f_s], note=f"python repr dict status + code{tag}", **extra)
    elif kind == 4:
        key = R.choice(["errorCode", "ErrorCode", "error_code"])
        body = fmt_json({"StatusCode": st, key: int(c), "Message": m}, "spaced")
        add(f"salto response body: {body}", [f_http, f_s],
            note=f"StatusCode + {key} {c}{tag}", **extra)
    elif kind == 5:
        add(f'{ts_iso()} saltoks-proxy[{pid()}]: upstream replied "HTTP/1.1 {st} {REASON[st]}" '
            f'errorCode: {c} ({m})', [f_http, f_s],
            note=f"status line + errorCode: {c}{tag}", **extra)
    elif kind == 6:
        add(f"saltoks.errors.SaltoApiError: error {c}: {m} [status={st}, request_id={uid()}]",
            [f_s, f_http], note=f"exception text 'error {c}' + status={st}{tag}", **extra)


# consistent salto lines: HTTP status = documented one
salto_consistent = [e for e in SALTO if e["http_status"] and e["code"] != "2211"]
order = salto_consistent[:] + R.sample(salto_consistent, 8)
for i, e in enumerate(order):
    salto_line(i % 7, e, salto_status(e))

# inconsistent: logged with another HTTP status than the documented one
INCONS = [("1100", 500), ("2213", 409), ("1500", 403), ("2212", 401), ("2201", 503),
          ("2203", 400), ("4201", 500), ("1501", 401), ("2220", 400), ("3201", 502), ("1102", 422)]
for i, (c, st) in enumerate(INCONS):
    e = next(x for x in SALTO if x["code"] == c)
    salto_line((i * 3) % 7, e, st, inconsistent=True)

# code without HTTP status
for e in R.sample(salto_consistent, 5):
    add(f'{ts_iso()} pod-admin: failed to update pod "{R.choice(["Lobby", "Floor 3", "Garage"])}": '
        f'Salto error {e["code"]} "{e["message"]}"', [F(e["code"], "salto")],
        note="'Salto error N' without HTTP status")

# 2211 is documented with HTTP 200 although it reports a failure
add(f'{ts_iso()} WARN cert-sync: HTTP 200 but body {{"code":2211,"message":"Tenant Certificate Sync failed for Iq"}} iq={hexid(12)}',
    [F("2211", "salto")], [F("200", "http")],
    note="salto 2211 is documented with HTTP 200 yet is an error; 200 itself is success")
add(f"{ts_py()} ERROR cert_sync: salto error_code=2211 (Tenant Certificate Sync failed for Iq), status=200, retry in 300s",
    [F("2211", "salto")], [F("200", "http")], note="2211 with its documented 200")

# symbolic names standing alone
add(f"{ts_py()} ERROR iq_activation: IqActivationException while activating IQ {hexid(12)} on site {uid()}",
    [F("2208", "salto", name="IqActivationException")], note="salto name standing alone (2208)")
add(f"{ts_iso()} lock-sync[{pid()}]: CLP call unlock_door returned ClpFunctionException after {ms()}ms",
    [F("3010", "salto", name="ClpFunctionException")], note="salto name standing alone (3010, no HTTP status)")
add(f"{ts_iso()} ERROR salto: remote open failed, HTTP 500 RequestFailedException (site {uid()})",
    [F("500", "http"), F("3201", "salto", name="RequestFailedException")],
    note="salto 3201 by name with its documented 500")
add(f"{ts_sys()} {host()} salto-bridge[{pid()}]: error 3010 ClpFunctionException on lock {uid()}",
    [F("3010", "salto")], note="code and name of the same entry: one finding")
add(f"{ts_py()} ERROR onboarding: IqActivationException: activation code rejected (attempt 2/3)",
    [F("2208", "salto", name="IqActivationException")], note="salto exception name")

# multi-code lines
add(f"{ts_iso()} bulk pod import finished with 2 errors: row 14 -> error_code=2216, row 31 -> error_code=2217",
    [F("2216", "salto"), F("2217", "salto")], note="two salto codes; row numbers are not codes")
add(f'{ts_iso()} salto batch: [{{"user":"{uid()}","status":400,"code":2215}},{{"user":"{uid()}","status":400,"code":2221}}]',
    [F("400", "http"), F("2215", "salto"), F("400", "http"), F("2221", "salto")],
    note="two salto results, each status + code")

# ================================================================== REV23
REV_ERR = [e for e in REV23 if e["code"] not in ("200", "201")]
rev_templates = [
    lambda e: (f"{ts_iso()} WARN webhooks.rev23: delivery {hexid(24)} for event form.submitted -> response status {e['code']} {e['name']}",
               "rev23 webhook delivery status"),
    lambda e: (f"[rev23] GET https://api.rev23.com/v1/forms/{R.choice([7302, 2213, 1100, R.randint(1000, 99999)])} returned {e['code']} {e['name']}",
               "rev23 API 'returned N'; number in URL path is not a code"),
    lambda e: (f"{ts_iso()} " + fmt_json({"provider": "rev23", "event": "webhook.delivery_failed", "status": int(e["code"]),
                                         "attempt": R.randint(1, 5), "endpoint": f"https://hooks.example.com/rev23/{R.randint(100, 999)}"}, R.choice(["compact", "spaced"])),
               "rev23 webhook JSON status field; endpoint path number is not a code"),
    lambda e: (f"{ts_py()} ERROR cloudapp_sync: Rev23 CloudApp API error " + repr({"status_code": int(e["code"]), "reason": e["name"]}),
               "rev23 python repr status_code"),
    lambda e: (f'time={ts_iso()} level=error integration=rev23 rev23_status={e["code"]} job_id={R.randint(10000, 99999)} msg="{e["description"][:60].rsplit(" ", 1)[0]}"',
               "rev23 key=value status"),
    lambda e: (f"{ts_py()} WARNING forms: Rev23 CloudApp rejected the submission with status code {e['code']} ({e['name']})",
               "rev23 prose 'status code N'"),
    lambda e: (f"{ts_iso()} rev23-client: HTTP/1.1 {e['code']} {e['name']} (x-request-id={uid()})",
               "rev23 status line attributed to Rev23 by the logger name"),
    lambda e: (f"rev23 webhook callback {uid()} failed after {R.randint(2, 9)} retries, last status={e['code']}",
               "rev23 webhook last status="),
]
rev_codes = [e for e in REV_ERR] * 4 + R.sample(REV_ERR, 4)
R.shuffle(rev_codes)
for i, e in enumerate(rev_codes[:42]):
    line, note = rev_templates[i % len(rev_templates)](e)
    add(line, [F(e["code"], "rev23")], note=note)

# rev23 lines with two statuses
add(f"{ts_iso()} rev23 webhook {hexid(10)}: attempt 1 status=503, attempt 2 status=409 (tenant suspended), giving up",
    [F("503", "rev23"), F("409", "rev23")], note="two rev23 statuses on one line")
add(f"{ts_py()} ERROR rev23: token refresh got 401 Unauthorized, then POST /v1/records returned 403 Forbidden",
    [F("401", "rev23"), F("403", "rev23")], note="two rev23 statuses in prose")

# ================================================================== IMICONNECT
IMI_ERR = [e for e in IMI if e["kind"] == "error" and e["code"].startswith("7")]
IMI_MSG = [e for e in IMI_ERR if e["section"] == "Messaging"]
IMI_TS = [e for e in IMI_ERR if e["section"] == "Transaction Status"]
IMI_PROF = [e for e in IMI_ERR if e["section"] == "Profile"]


def imi_sync(e):
    body = {"response": [{"code": e["code"], "transid": hexid(32), "description": e["message"],
                          "correlationid": str(R.randint(10**9, 10**10))}]}
    return f"{ts_iso()} imiconnect send response: " + fmt_json(body, R.choice(["compact", "spaced"])), "imiconnect sync response code"


def imi_dlr(e):
    body = {"deliveryInfoNotification": {"deliveryInfo": {"address": phone(), "code": e["code"],
                                                          "description": e["message"], "transid": hexid(32), "channel": R.choice(["sms", "push", "wechat", "fb"])}}}
    return "POST /webhooks/imi/dlr body=" + fmt_json(body, "compact"), "delivery status webhook code; phone number is not a code"


def imi_kv(e):
    return (f"time={ts_iso()} level=error svc=notifier provider=imiconnect error_code={e['code']} "
            f"msisdn={phone(R.choice(['7302', '1100', '4015']))} latency_ms={ms()}"), "key=value error_code; msisdn tail is not a code"


def imi_prose(e):
    return (f"{ts_py()} ERROR notify: Webex Connect message to {phone()} failed with error {e['code']} ({e['message']})",
            "prose 'failed with error N'")


def imi_repr(e):
    return (f"{ts_py()} WARNING imi_client: send rejected " + repr({"code": e["code"], "description": e["message"], "transid": hexid(20)}),
            "python repr code")


def imi_statuscode(e):
    return (f"{ts_sys()} {host()} push-gw[{pid()}]: IMIconnect status code {e['code']} {e['message']} for pushid {hexid(40)}",
            "prose 'status code N' (vendor context)")


def imi_errorcode(e):
    return (f"{ts_iso()} imiconnect: " + fmt_json({"errorCode": int(e["code"]), "errorMessage": e["message"], "requestId": uid()}, "spaced"),
            "errorCode JSON key")


def imi_code_colon(e):
    return (f"{ts_iso()} [imi-profile] upsert customer {R.randint(100000, 999999)} failed, code: {e['code']} - {e['message']}",
            "'failed, code: N'")


imi_t = [imi_sync, imi_dlr, imi_kv, imi_prose, imi_repr, imi_statuscode, imi_errorcode]
picked = R.sample(IMI_MSG, 24) + R.sample(IMI_TS, 12)
for i, e in enumerate(picked):
    line, note = imi_t[i % len(imi_t)](e)
    add(line, [F(e["code"], "imiconnect")], note=note)
for e in R.sample(IMI_PROF, 5):
    line, note = imi_code_colon(e)
    add(line, [F(e["code"], "imiconnect")], note="profile API " + note)
# make sure the favourite ones appear
for c in ("7302", "7207", "7001"):
    e = next(x for x in IMI_MSG if x["code"] == c)
    line, note = imi_prose(e) if c != "7001" else imi_sync(e)
    add(line, [F(c, "imiconnect")], note=note)

# multi-code / mixed with success
add(f"{ts_iso()} imiconnect batch response: " + fmt_json({"response": [
    {"code": "7102", "description": "Invalid address", "transid": hexid(32)},
    {"code": "7109", "description": "User in DnD", "transid": hexid(32)}]}, "compact"),
    [F("7102", "imiconnect"), F("7109", "imiconnect")], note="two imiconnect errors in one batch response")
add(f"{ts_iso()} dlr summary: " + fmt_json({"results": [
    {"code": "7500", "description": "Delivered"}, {"code": "7201", "description": "Delivery failed at Operator"}]}, "spaced"),
    [F("7201", "imiconnect")], [F("7500", "imiconnect")], note="7500 Delivered is success, 7201 an error")
add(f"{ts_py()} INFO imi: HTTP 200 from /resources/v1/messaging, response code 7005 (Request expired)",
    [F("7005", "imiconnect")], [F("200", "http")], note="HTTP 200 transport, imiconnect error in body")
add(f"{ts_iso()} imiconnect profile batch: code=1002 (Partial success), failed entries: 7014 Customer not found, 7015 Customer already exists",
    [F("1002", "imiconnect"), F("7014", "imiconnect"), F("7015", "imiconnect")],
    note="Profile API 1002 'Partial success' is an error per the catalogue; plus two entry codes")
add(f"{ts_iso()} imiconnect event api: " + fmt_json({"code": "7025", "description": "Mandatory custom parameters missing", "eventId": R.randint(1000, 9999)}, "compact"),
    [F("7025", "imiconnect")], note="Event API code; eventId is not a code")

# ================================================================== VOIPNOW
VOIP_ERR = [e for e in VOIP if e["kind"] == "error"]
UAPI_PATHS = ["/uapi/phoneCalls/@me/simple", "/uapi/phoneCalls/@me/@self", "/uapi/cdrs/@me",
              "/uapi/faxes/@me/@self", "/uapi/extensions/@me/0003*204/presence",
              "/uapi/queueAgents/@me/0003*401/agents", "/uapi/phoneCallEvents/@me/@self"]


def vn_body(e, style):
    return fmt_json({"error": {"code": e["code"], "message": e["message"]}}, style)


def vn_http_body(e):
    st = e["http_status"][0]
    return (f"{ts_iso()} voipnow-client {R.choice(['GET', 'POST', 'PUT', 'DELETE'])} https://pbx.example.net{R.choice(UAPI_PATHS)} "
            f"-> status={st} body={vn_body(e, 'compact')}",
            [F(st, "http"), F(e["code"], "voipnow")], "status= + voipnow error body; '0003*204' in URL is an extension, not a code")


def vn_spaced(e):
    return vn_body(e, "spaced"), [F(e["code"], "voipnow")], "voipnow error JSON, spaced"


def vn_repr(e):
    return (f"{ts_py()} ERROR pbx.api: UnifiedAPI error {vn_body(e, 'repr')}",
            [F(e["code"], "voipnow")], "voipnow error as python repr")


def vn_statusline(e):
    st = e["http_status"][0]
    return (f"< HTTP/1.1 {st} {REASON[st]} | {vn_body(e, 'compact')}",
            [F(st, "http"), F(e["code"], "voipnow")], "status line + voipnow error body")


def vn_kv(e):
    return (f'time={ts_iso()} level=warn pbx=voipnow uapi_error={e["code"]} path={R.choice(UAPI_PATHS)} took={ms()}ms',
            [F(e["code"], "voipnow")], "key=value voipnow string code")


def vn_status_json(e):
    st = e["http_status"][0]
    return (fmt_json({"ts": ts_iso(), "status": st, "error": {"code": e["code"], "message": e["message"]}}, "compact"),
            [F(st, "http"), F(e["code"], "voipnow")], "JSON status + error.code")


vn_t = [vn_http_body, vn_spaced, vn_repr, vn_statusline, vn_kv, vn_status_json]
vsel = R.sample(VOIP_ERR, 34)
for i, e in enumerate(vsel):
    line, fs, note = vn_t[i % len(vn_t)](e)
    add(line, fs, note=note)

# string codes standing alone (distinctive ones)
STANDALONE = [
    (f"{ts_iso()} pbx-sync: refreshing UnifiedAPI token after expired_token (client {hexid(8)})", "expired_token"),
    (f"{ts_py()} ERROR click2call: call not placed: pc_nonce_invalid", "pc_nonce_invalid"),
    (f"{ts_sys()} {host()} fax-out[{pid()}]: upload rejected (fx_max_files_reached), 12 files queued", "fx_max_files_reached"),
    (f"{ts_iso()} WARN agents: qag_cannot_update_number for agent 0003*401", "qag_cannot_update_number"),
    (f"{ts_iso()} cdr-export job {R.randint(100, 999)} aborted: cdr_invalid_date_parameters", "cdr_invalid_date_parameters"),
    (f"{ts_py()} ERROR events: pce_fail_delete while removing hook {uid()}", "pce_fail_delete"),
    (f"{ts_iso()} voipnow: EXPIRED_TOKEN returned by /uapi/oauth, re-authenticating", "expired_token"),
    (f"{ts_sys()} {host()} callcenter[{pid()}]: park failed -> pc_parktimeout_invalid", "pc_parktimeout_invalid"),
]
for line, c in STANDALONE:
    add(line, [F(c, "voipnow")], note="voipnow string code standing alone" + (" (upper case)" if c.upper() in line else ""))

# multi
add(f'{ts_iso()} click2call validation errors=["pc_source_invalid","pc_destination_invalid"] request={uid()}',
    [F("pc_source_invalid", "voipnow"), F("pc_destination_invalid", "voipnow")], note="two voipnow string codes")
add(f'{ts_iso()} voipnow HTTP/1.1 401 Unauthorized {{"error": {{"code": "expired_token", "message": "Token is expired or otherwise invalid."}}}}',
    [F("401", "http"), F("expired_token", "voipnow")], note="classic expired token")
add(f"{ts_py()} ERROR uapi: status=500 " + vn_body(next(e for e in VOIP if e["code"] == "internal_server_error"), "compact"),
    [F("500", "http"), F("internal_server_error", "voipnow")], note="generic code in error.code context")
add(f'{ts_iso()} "code":"access_denied" from UnifiedAPI on GET /uapi/cdrs/@me (token {hexid(12)}...)',
    [F("access_denied", "voipnow")], note='"code":"access_denied" JSON key fragment')
add(f"{ts_iso()} pbx: HTTP 501 not_implemented for PATCH /uapi/phoneCalls/@me/@self",
    [F("501", "http"), F("not_implemented", "voipnow")], note="501 + not_implemented")

# ================================================================== ASKIA
ASK_ERR = [e for e in ASKIA if e["kind"] == "error"]
CCA_URLS = ["agents", "agents/105/state", "calls", "surveys/2213/quota", "tasks", "lists/7302/contacts",
            "supervisor/listenin", "reports/401"]


def cca_url():
    return f"http://{R.choice(['cca01', 'cca-prod', '10.20.1.105', 'ccaweb.local:8080'])}/CcaWebApi/{R.choice(CCA_URLS)}"


def err_text(e):
    d = e["description"] or ""
    return "" if "[" in d else d


def ask_full(e, st):
    obj = {"Request": {"Method": R.choice(["GET", "POST", "PUT"]), "Url": cca_url()}, "Version": "",
           "StatusCode": st, "Response": {"ResultCode": int(e["code"]), "Error": ""}}
    return fmt_json(obj, R.choice(["compact", "spaced"])), [F(st, "http"), F(e["code"], "askia")], \
        "CcaWebApi response: StatusCode (HTTP) + ResultCode (askia); digits in Url are not codes"


def ask_short(e, st):
    obj = {"StatusCode": st, "Response": {"ResultCode": int(e["code"]), "Error": err_text(e)}}
    return f"{ts_iso()} cca-webapi: " + fmt_json(obj, "compact"), [F(st, "http"), F(e["code"], "askia")], "compact StatusCode + ResultCode"


def ask_repr(e, st):
    obj = {"StatusCode": st, "Response": {"ResultCode": int(e["code"]), "Error": ""}}
    return f"{ts_py()} ERROR cca_client: {repr(obj)}", [F(st, "http"), F(e["code"], "askia")], "python repr StatusCode + ResultCode"


def ask_kv(e, st):
    return (f'{ts_iso()} level=error app=supervisor StatusCode={st} ResultCode={e["code"]} Error="{err_text(e)}" took={ms()}ms',
            [F(st, "http"), F(e["code"], "askia")], "key=value StatusCode + ResultCode")


def ask_prose(e, st):
    return (f"{ts_py()} WARNING supervisor: {R.choice(['listen-in', 'manual dial', 'quota update', 'list import', 'report'])} failed, result code {e['code']} ({e['name']})",
            [F(e["code"], "askia")], "prose 'result code N (Name)': one finding")


def ask_rconly(e, st):
    return (f'{ts_iso()} cca: "ResultCode": {e["code"]}, "Error": "" agent={R.randint(100, 999)}',
            [F(e["code"], "askia")], "ResultCode key without StatusCode")


ask_t = [ask_full, ask_short, ask_repr, ask_kv, ask_prose, ask_rconly]
asel = R.sample(ASK_ERR, 34)
for i, e in enumerate(asel):
    st = R.choice([400, 401, 403, 404, 409, 500, 503])
    line, fs, note = ask_t[i % len(ask_t)](e, st)
    add(line, fs, note=note)


def A(code):
    return next(e for e in ASKIA if e["code"] == str(code))


# the documented example
add('{"Request": {"Method": "GET", "Url": "http://{Server}/CcaWebApi/agents"}, "Version": "", "StatusCode": 401, "Response": {"ResultCode": 102, "Error": ""}}',
    [F("401", "http"), F("102", "askia")], note="the vendor's documented example")
# tricky overlaps with HTTP numbers
add(f'{ts_iso()} cca: {{"StatusCode": 500, "Response": {{"ResultCode": 200, "Error": "no default working dir"}}}}',
    [F("500", "http"), F("200", "askia")], note="askia ResultCode 200 is TaskNoDefaultWorkingDir (an error), not HTTP OK")
add(f'{ts_iso()} cca: {{"StatusCode":400,"Response":{{"ResultCode":404,"Error":"bad formula"}}}}',
    [F("400", "http"), F("404", "askia")], note="ResultCode 404 is askia ReportInvalidFormula, StatusCode 400 is HTTP")
add(f"{ts_py()} ERROR reports: {repr({'StatusCode': 503, 'Response': {'ResultCode': 503, 'Error': ''}})}",
    [F("503", "http"), F("503", "askia")], note="same number twice: HTTP 503 and askia NotLocked")
add(f'{ts_iso()} supervisor: StatusCode=200 ResultCode=105 (ObjectInUse) agent 401',
    [F("105", "askia")], [F("200", "http")], note="HTTP 200 transport with askia error; 'agent 401' is an id")
# names standing alone
for nm, note in [("QuotaLockFailed", "askia name standing alone"), ("ObjectInUse", "askia name"),
                 ("AgentNotReachable", "askia name"), ("NoCcaConnection", "CcaAPI-specific name"),
                 ("ManualDialAgentNotLoggedIn", "askia name"), ("CcaTimeout", "askia name")]:
    e = next(x for x in ASKIA if x["name"] == nm)
    tmpl = R.choice([
        f"{ts_py()} ERROR quota_sync: survey 2213 update rejected: {nm}",
        f"{ts_iso()} cca-bridge[{pid()}]: {nm} while handling call {uid()}",
        f"{ts_sys()} {host()} supervisor[{pid()}]: operation aborted ({nm}), retrying in 5s",
    ])
    add(tmpl, [F(e["code"], "askia", name=nm)], note=note)
add(f"{ts_iso()} CcaWebApi error 10002 CcaTimeout after {R.randint(30, 60)}s waiting for CCA",
    [F("10002", "askia")], note="'error 10002' and its name: one finding")
add(f"{ts_iso()} cca: StatusCode=409 ResultCode=809 (QuotaLockFailed) survey=7302",
    [F("409", "http"), F("809", "askia")], note="StatusCode + ResultCode; name repeats the code; survey id is not a code")
add(f"{ts_iso()} cca list import: ResultCode 301 ListUnknownField, then ResultCode 302 ListUnknownContact",
    [F("301", "askia"), F("302", "askia")], note="two askia result codes (5.4.7+)")

# ================================================================== GENERIC HTTP
GEN_PATHS = ["/api/v1/orders/7302", "/login", "/api/v2/users/401/profile", "/static/app.5.4.8.js",
             "/api/v1/sites/2213/locks", "/healthz", "/api/v1/invoices?page=105", "/graphql", "/v1/messages"]


def nginx(st, path=None, size=None):
    path = path or R.choice(GEN_PATHS)
    size = size if size is not None else R.choice([0, 153, 401, 512, 7302, R.randint(100, 99999)])
    meth = R.choice(["GET", "POST", "PUT", "DELETE"])
    ua = R.choice(["curl/8.4.0", "Mozilla/5.0 (X11; Linux x86_64)", "python-requests/2.31.0", "okhttp/4.12.0"])
    return f'{ip()} - - [{ts_clf()}] "{meth} {path} HTTP/1.1" {st} {size} "-" "{ua}"'


for st in [404, 500, 502, 401, 403, 429, 503, 504, 400, 405, 413]:
    add(nginx(st), [F(st, "http")], note="access log status field; size and path numbers are not codes")
for st in [503, 502, 404, 500, 401]:
    add(f"{ts_iso()} {R.choice(['haproxy', 'envoy', 'curl -v'])}: < HTTP/1.1 {st} {REASON[st]}", [F(st, "http")],
        note="HTTP status line")
add(f"{ts_iso()} ERROR api: status=500 path=/api/v1/orders/7302 request_id={uid()} duration=401ms",
    [F("500", "http")], note="status= field; path id and duration are not codes")
add(f'{{"level":"error","ts":"{ts_iso()}","msg":"upstream failed","statusCode":502,"upstream":"10.0.0.5:8080"}}',
    [F("502", "http")], note="statusCode JSON key; port is not a code")
add(f"requests.exceptions.HTTPError: 404 Client Error: Not Found for url: https://api.example.com/v1/items/2213",
    [F("404", "http")], note="python requests HTTPError")
add(f"{ts_iso()} kubelet: Readiness probe failed: HTTP probe failed with statuscode: 503",
    [F("503", "http")], note="probe statuscode")
add("curl: (22) The requested URL returned error: 500", [F("500", "http")],
    note="curl 'returned error: 500'; (22) is curl's exit code, not a finding")
add(f"{ts_py()} ERROR gateway: unexpected status code 429 from payments (retry_after=30s)",
    [F("429", "http")], note="'unexpected status code N'")
add(f'{ip()} - alice [{ts_clf()}] "POST /api/v1/sites/1100/pods HTTP/2.0" 409 88 "-" "okhttp/4.12.0"',
    [F("409", "http")], note="access log 409; site id 1100 in path is not a code")
add(f"{ts_iso()} ERROR worker: HTTP 504 Gateway Timeout after 30001ms calling http://inventory:8080/v1/stock/7302",
    [F("504", "http")], note="HTTP status; port/duration/path are not codes")
add(f'{ts_iso()} WARN api: "status": 422, "detail": "field pod_id must be > 0" (request {hexid(16)})',
    [F("422", "http")], note='"status" key')
add(f"{ts_iso()} ERROR login: status=401 user=bob attempts=3 lockout_in=105s",
    [F("401", "http")], note="status=401; 105s is a duration")
add(f'{ts_iso()} ' + fmt_json({"status": 404, "error": "Not Found", "path": "/api/v1/orders/401"}, "spaced"),
    [F("404", "http")], note="Spring-style error JSON; 401 in path is not a code")
add(f'{ip()} - - [{ts_clf()}] "GET /api/v1/sites/2213/iqs HTTP/1.1" 500 7302 "-" "salto-web/5.4.8"',
    [F("500", "http")], note="access log 500; 7302 is the size, 2213 a site id")

FINDING_COUNT = len(LINES)

# ================================================================== DISTRACTORS
D = []


def dadd(line, note, success=()):
    add(line, [], success, note)


# access logs with 2xx, tempting numbers in size / path / time
for path, size in [("/api/v1/orders/7302", 401), ("/api/v2/users/401/profile", 2213), ("/api/v1/sites/2213/locks", 503),
                   ("/v1/messages/7207", 1100), ("/CcaWebApi/agents/105", 809), ("/uapi/extensions/@me/0003*401", 7302),
                   ("/api/v1/invoices?page=404", 102), ("/static/app.5.4.8.js?v=401", 150322), ("/api/v1/pods/1500/members", 0),
                   ("/healthz", 2), ("/webhooks/rev23/409", 512), ("/webhooks/imi/dlr", 7500)]:
    st = R.choice([200, 200, 201, 204])
    dadd(nginx(st, path, size), "2xx access log; code-like numbers only in path/size", [F(st, "http")])
for _ in range(4):
    dadd(f'{ip()} - - [{ts_clf()}] "GET /api/v1/orders/{R.choice([7302, 401, 2213, 500])} HTTP/1.1" 200 {R.randint(100, 9000)} {R.choice(["0.401", "0.503", "1.100"])} "-" "curl/8.4.0"',
         "2xx access log with request time field", [F("200", "http")])

SIMPLE_DISTRACTORS = [
    (f"{ts_iso()} INFO http: HTTP/1.1 200 OK content-length=7302", "200 OK status line; content-length is a size", [F("200", "http")]),
    (f"< HTTP/1.1 204 No Content", "204 success status line", [F("204", "http")]),
    (f"{ts_iso()} INFO server listening on 0.0.0.0:8080 (pid {pid()})", "port and pid", []),
    (f"{ts_iso()} INFO server listening on :7302", "port that looks like an imiconnect code", []),
    (f"{ts_iso()} INFO metrics exporter bound to 127.0.0.1:9401", "port", []),
    (f"{ts_py()} INFO sms: sent OTP to +14155557302 in 231ms", "phone number ending in 7302", []),
    (f"{ts_py()} INFO sms: queued reminder for +442071102213", "phone number containing 1102213", []),
    (f"{ts_iso()} DEBUG upload part complete bytes=7302 offset=2213", "sizes/offsets", []),
    (f"{ts_iso()} INFO GET /api/v1/orders/7302 took 401ms", "path id + duration", []),
    (f"{ts_iso()} INFO job finished: processed 7302 messages, 0 failed, took 105.4s", "counts and duration", []),
    (f"{ts_iso()} INFO cache warmup: 2213 entries loaded in 503 ms", "count and duration", []),
    (f"{ts_iso()} DEBUG request_id=7302b6c1-4e2d-4a18-9f10-2213aa401c55 route=/v1/sites", "UUID containing 7302/2213/401", []),
    (f"{ts_iso()} INFO trace_id={uid_with('401')} span_id={hexid(16)} sampled=true", "trace UUID starting with 401", []),
    (f"{ts_iso()} INFO deployed errlookup version 5.4.8 (build 7302)", "version string and build number", []),
    (f"{ts_iso()} INFO CCA server version 5.4.7.1102 connected", "version string", []),
    (f"{ts_py()} INFO client 10.40.1.105 connected from port 50401", "IP and port", []),
    (f"{ts_iso()} INFO peer 192.168.4.1 -> 10.0.7.30:2213 established", "IP:port", []),
    (f"{ts_iso()} DEBUG object 0x7302 freed, generation 2", "hex address", []),
    (f"{ts_iso()} DEBUG git sha 7302ab1100ef2213 deployed to prod", "hex sha with digit runs", []),
    (f"{ts_iso()} INFO invoice INV-2213 paid: $401.00 (tax $15.04)", "invoice id and prices", []),
    (f"{ts_iso()} INFO order 7302 total EUR 1,100.50 shipped to 1500 Market St", "order id, price, street number", []),
    (f'{ts_iso()} DEBUG address {{"street":"401 Main St","postal_code":"1100","city":"Amsterdam"}}', "street number and postal code", []),
    (f"{ts_iso()} INFO user updated phone area_code=401 country_code=1", "area_code is not an error code", []),
    (f'{ts_iso()} DEBUG checkout {{"promo_code":"7302","currency_code":"EUR","qty":2}}', "promo_code key is not an error context", []),
    (f'{ts_iso()} INFO webhook payload {{"zip_code": "40109", "order_id": 2213}}', "zip code and order id", []),
    ('  File "/srv/app/handlers.py", line 401, in handle_request', "traceback line number", []),
    ('  File "/srv/app/clients/salto.py", line 2213, in _request', "traceback line number in salto client", []),
    (f"{ts_py()} INFO worker: exit_code=0 runtime=7302s", "exit code 0 and runtime", []),
    (f"{ts_iso()} INFO batch done errors=0 warnings=3 rows=1100", "zero error count", []),
    (f"{ts_iso()} INFO monitor: error_count=401 over last 24h (threshold 500)", "error_count is a count, not a code", []),
    (f"{ts_iso()} INFO stats: http_4xx=401 http_5xx=7 requests=73020", "aggregate counters", []),
    (f"{ts_iso()} DEBUG retry 3/5 in 401ms (backoff factor 2)", "retry counter and backoff", []),
    (f"{ts_iso()} INFO rate limiter: 7302 tokens remaining, refill 500/min", "rate limit counters", []),
    (f"{ts_iso()} INFO disk usage 72.13% (7302 MB of 10240 MB)", "sizes", []),
    (f"{ts_iso()} INFO migrated schema to revision 2213_add_pod_index", "migration revision", []),
    (f"{ts_iso()} INFO PR #7302 merged into main by ci-bot", "PR number", []),
    (f"{ts_iso()} INFO ticket SUP-401 assigned to on-call", "ticket id", []),
    (f"{ts_iso()} INFO building 105, floor 4: 12 locks online", "building number", []),
    (f"{ts_iso()} INFO pod 2213 created with 4 members on site {uid()}", "pod id equal to a salto code", []),
    (f"{ts_iso()} INFO site 1500 released; 1100 locks synced", "site id and count equal to salto codes", []),
    (f"{ts_iso()} INFO agent 105 logged in at station 401 (campaign 809)", "askia-looking ids in non-error context", []),
    (f"{ts_iso()} INFO survey 7302 published, quota cells 102", "ids/counts", []),
    (f"{ts_iso()} INFO room 503 booked for 2024-05-01 14:00", "room number", []),
    (f"{ts_iso()} INFO flight LH401 departs at 21:05 from gate B44", "flight number", []),
    (f"{ts_iso()} INFO cron: next run at 2025-04-01T00:00:00Z (in 7302 s)", "timestamps and durations", []),
    (f"{ts_sys()} {host()} systemd[1]: Started errlookup.service (pid 7302).", "pid equal to 7302", []),
    (f"{ts_sys()} {host()} kernel: [ 2213.401105] eth0: link up, 1000 Mbps, full duplex", "kernel uptime stamp and link speed", []),
    (f"{ts_iso()} INFO TLS handshake ok, cipher TLS_AES_256_GCM_SHA384, 401 bytes", "cipher and size", []),
    (f"{ts_iso()} INFO loaded 5 catalogues: salto(31) rev23(11) imiconnect(300) voipnow(75) askia(118)", "entry counts", []),
    (f"{ts_iso()} INFO percentiles p50=105ms p95=401ms p99=503ms", "latency percentiles", []),
    (f"{ts_iso()} INFO health: OK (checks=7, latency_ms=404)", "health OK with a latency that looks like 404", []),
    (f"{ts_iso()} DEBUG Content-Length: 2213", "header value is a size", []),
    (f"{ts_iso()} DEBUG X-RateLimit-Remaining: 401", "rate limit header", []),
    (f"{ts_iso()} DEBUG Retry-After: 503", "Retry-After seconds", []),
    (f"{ts_iso()} DEBUG Server: nginx/1.25.3", "server version", []),
    (f"{ts_iso()} INFO random seed 7302 used for sampling", "seed", []),
    (f"{ts_iso()} INFO pagination page=105 per_page=100 total=7302", "pagination", []),
    (f"{ts_iso()} INFO coordinates lat=52.2213 lon=4.7302", "decimals", []),
    (f"{ts_iso()} INFO temperature 22.13C humidity 40.1%", "measurements", []),
    (f"{ts_iso()} INFO fetched https://api.example.com/v1/errors/7302/comments (200)", "'errors' in URL path; 200 success", [F("200", "http")]),
    (f"{ts_iso()} INFO GET /docs/error-codes/401 200", "docs page about 401 fetched successfully", [F("200", "http")]),
    (f"{ts_iso()} INFO metric voipnow_expired_token_refreshes_total=7302", "string code embedded in a metric name", []),
    (f"{ts_iso()} INFO feature flag show_ObjectInUseBanner=false", "askia name embedded in an identifier", []),
    (f"{ts_py()} INFO stats: ObjectInUseCount=0 QuotaLockFailedRetries=0", "askia names embedded in counter names", []),
    (f"{ts_iso()} DEBUG loaded class com.example.pbx.ExpiredTokenHandler", "class name", []),
    (f"{ts_iso()} INFO imiconnect: send ok transid={hexid(32)} msisdn=+14155557302", "imiconnect success without code; phone ends 7302", []),
    (f"{ts_iso()} INFO salto: door opened lock={uid()} site={uid()} in 401ms", "salto success", []),
    (f"{ts_iso()} INFO rev23 webhook {hexid(12)} delivered in 503ms (attempt 1)", "rev23 success; duration 503ms", []),
    (f"{ts_iso()} INFO voipnow: call {hexid(10)} placed from extension 0003*401 to +14155552213", "voipnow success; extension and phone", []),
    (f"{ts_iso()} INFO cca: agent 102 state changed to Available (campaign 7302)", "askia ids, no result code", []),
    (f"{ts_iso()} INFO releasing lock 1100 after 2213 ms", "lock id and duration", []),
    (f"{ts_iso()} DEBUG sha256=7302e9f1100b2213a401c105d809e7207f503ab1102f2213cc7302d4401a105b", "hash full of code-like digits", []),
    (f"{ts_iso()} INFO backup 2024-04-01_7302.tar.gz uploaded (2213 MB)", "file name and size", []),
    (f"{ts_iso()} INFO chunk 401 of 7302 uploaded", "progress counter", []),
    (f"{ts_iso()} INFO config: max_connections=500 timeout=401 pool=105", "configuration numbers", []),
    (f"{ts_iso()} INFO listening for webhooks on https://hooks.example.com:8443/rev23/inbound", "port in URL", []),
    (f"{ts_iso()} INFO openapi spec lists responses 400, 401 and 404 for /v1/pods", "documentation text enumerating statuses, not a response", []),
    (f"{ts_iso()} INFO added alert rule: page on-call if 5xx rate > 1%", "alert config", []),
    (f"{ts_iso()} INFO user agent: Mozilla/5.0 (Windows NT 10.0; Win64; x64) Chrome/124.0.7302.105", "browser version", []),
    (f"{ts_iso()} INFO npm: added 401 packages, audited 402 packages in 7s", "package counts", []),
    (f"{ts_iso()} INFO tests: 2213 passed, 0 failed, 7 skipped in 401.22s", "test counts", []),
    (f"{ts_iso()} INFO read 7302 lines from /var/log/app/2213.log", "line count and file name", []),
    (f"{ts_iso()} DEBUG sql: SELECT * FROM orders WHERE id = 7302 LIMIT 100 -- 1.105 ms", "SQL query", []),
    (f"{ts_iso()} INFO epoch 1714000401, step 7302, loss 0.2213", "training numbers", []),
    (f"{ts_iso()} INFO mqtt topic sites/2213/locks/401/state payload=open", "topic path", []),
    (f"{ts_iso()} INFO Date: Tue, 14 May 2024 09:12:33 GMT", "HTTP date header", []),
    (f"{ts_iso()} INFO ETag: \"7302-2213-401\"", "etag", []),
    (f"{ts_iso()} INFO HTTP/2 stream 401 opened", "stream id", []),
    (f"{ts_iso()} INFO sipp: call-id 7302@10.0.0.8 CSeq 102 INVITE", "SIP call id and CSeq", []),
    (f"{ts_iso()} INFO queue depth 503, consumers 4", "queue depth", []),
    (f"{ts_iso()} INFO amount=1100 currency=USD status=captured", "status is a word, not a code", []),
    (f"{ts_iso()} INFO payment status=succeeded amount_cents=40100", "status word", []),
]
for line, note, succ in SIMPLE_DISTRACTORS:
    dadd(line, note, succ)


MORE_DISTRACTORS = [
    (f'{{"level":"info","ts":"{ts_iso()}","status":200,"bytes":7302,"duration_ms":401,"path":"/v1/pods/2213"}}', "JSON access log 200 with tempting bytes/duration/path", [F("200", "http")]),
    (f'{ts_iso()} INFO response {{"error": null, "status": "ok", "requestId": "7302-2213-401"}}', '"error": null and a word status', []),
    (f"{ts_iso()} INFO validation passed, errors: []", "empty error list", []),
    ("goroutine 401 [running]:", "goroutine number", []),
    ("\tat com.example.pbx.UapiClient.send(UapiClient.java:401)", "Java stack frame line number", []),
    ("\tat com.example.locks.SaltoClient.openDoor(SaltoClient.java:2213)", "Java stack frame line number", []),
    (f"{ts_iso()} INFO received 503 bytes from upstream in 12ms", "size that looks like 503", []),
    (f"{ts_iso()} INFO Order #404 confirmed for customer 7302", "order number 404", []),
    (f"{ts_iso()} INFO slo: error_rate=0.401% budget_remaining=72.13%", "error_rate is a ratio", []),
    (f"{ts_iso()} INFO verification code 401105 sent to +14155552213", "OTP verification code, not an error code", []),
    (f"{ts_iso()} INFO circuit breaker closed after 503 successful calls", "count of successful calls", []),
    (f"{ts_iso()} INFO webhook {hexid(8)} processed 7500 of 7501 events", "progress counts equal to imiconnect success codes", []),
    (f"{ts_iso()} INFO see RFC 7231 section 6.5.1 for status semantics", "RFC reference", []),
    (f"{ts_iso()} DEBUG glyph U+2213 MINUS-OR-PLUS SIGN rendered", "unicode code point", []),
    (f"{ts_iso()} INFO kubectl: pod errlookup-7302-x9f2k Running, restarts 0, age 401m", "pod name and age", []),
    (f"{ts_iso()} INFO dial plan rule 905 matched +14155550905", "rule id equal to an askia code", []),
    (f"{ts_iso()} INFO listen-in session 703 ended normally after 401s", "session id equal to askia 703 without error context", []),
    (f"{ts_iso()} INFO Windows build 22631.3447, agent 7.3.02", "build numbers", []),
    (f"{ts_iso()} INFO 401(k) contribution updated for employee 2213", "not an HTTP status", []),
    (f"{ts_iso()} INFO msg_id=7302 delivered=true status=delivered", "imiconnect-looking id with word status", []),
    (f"{ts_iso()} INFO voipnow: " + json.dumps({"phoneCallView": [{"id": "7302", "status": "ringing", "duration": 401}]}), "voipnow success payload", []),
    (f"{ts_iso()} INFO salto: " + json.dumps({"site_id": uid(), "locks": 1100, "pods": 2213, "online": True}), "salto success payload with counts", []),
    (f"{ts_iso()} INFO rev23 " + json.dumps({"form_id": 409, "submissions": 503, "status": "published"}), "rev23 form id 409 with word status", []),
    (f"{ts_iso()} INFO cca: agents online 102, calls waiting 7, longest wait 401s", "askia-looking counts", []),
    (f"{ts_iso()} INFO cron job 1100 finished OK in 2.213s", "job id", []),
    (f"{ts_iso()} INFO Node v20.11.1, npm 10.2.4, errlookup 0.7.302", "version strings", []),
    (f"{ts_iso()} INFO coverage 72.13% (7302/10124 lines)", "coverage counts", []),
    (f"{ts_iso()} WARNING 2213 rows had an empty pod_name, defaulted to 'Pod'", "warning with a row count, no code", []),
    (f"{ts_iso()} INFO retention: deleted 401 logs older than 30 days", "count", []),
    (f"{ts_iso()} INFO bucket s3://logs-7302/2213/401.gz uploaded", "object key digits", []),
    (f"{ts_iso()} INFO HTTP/1.1 201 Created Location: /api/v1/pods/2213", "201 status line with path id", [F("201", "http")]),
    (f"{ts_iso()} INFO GET /uapi/phoneCalls/@me/@self?count=401 -> 200 (12 items)", "count parameter; 200 success", [F("200", "http")]),
    (f'{ts_iso()} INFO imiconnect: {{"response":[{{"code":"7501","description":"Submitted","transid":"{hexid(32)}"}}]}}', "7501 Submitted is success", [F("7501", "imiconnect")]),
    (f"{ts_iso()} INFO dlr: code=7500 Delivered msisdn=+14155557302", "7500 Delivered in key=value: success", [F("7500", "imiconnect")]),
    (f"{ts_iso()} INFO cca: StatusCode=200 ResultCode=0 agent=809", "askia success in key=value", [F("200", "http"), F("0", "askia")]),
    (f"{ts_iso()} INFO imiconnect profile lookup: code 1000 (Success) customer 7302", "imiconnect 1000 Success", [F("1000", "imiconnect")]),
    (f"{ts_iso()} INFO door 105 unlocked by user 2213 via app 5.4.8", "ids and version", []),
    (f"{ts_iso()} INFO pbx extension 0003*105 registered from {ip()}:5060", "SIP port and extension", []),
    (f"{ts_iso()} INFO backup window 01:00-04:01 UTC", "time range", []),
    (f"{ts_iso()} INFO price list updated: basic $4.01, pro $22.13, enterprise $73.02", "prices", []),
    (f"{ts_iso()} DEBUG header x-request-id: 7302-{hexid(8)}", "request id header", []),
    (f"{ts_iso()} DEBUG cookie session=401ab7302cd; Path=/; HttpOnly", "cookie value", []),
    (f"{ts_iso()} INFO dns: resolved api.rev23.com to 104.18.40.1 ttl=300", "IP and TTL", []),
    (f"{ts_iso()} INFO uptime 7302h 40m, load 1.05 1.10 4.01", "uptime and load", []),
    (f"{ts_iso()} INFO GC pause 401ms, heap 2213MB/4096MB", "GC stats", []),
    (f"{ts_iso()} INFO imported 7302 contacts into list 809 (CCA)", "askia list id and count", []),
    (f"{ts_iso()} INFO sending 2 SMS via imiconnect service 7101", "service id that equals an imiconnect code, no error context", []),
    (f"{ts_iso()} INFO tenant 402 renewed subscription until 2026-01-01", "tenant id 402", []),
    (f"{ts_iso()} INFO release notes: fixed crash when opening 2213 locks at once (#7302)", "changelog text", []),
    (f"{ts_sys()} {host()} CRON[{pid()}]: (root) CMD (/usr/local/bin/rotate --keep 401)", "cron command", []),
]
for line, note, succ in MORE_DISTRACTORS:
    dadd(line, note, succ)

# vendor success lines
for _ in range(3):
    body = {"response": [{"code": "1002", "description": "Queued", "transid": hexid(32), "correlationid": str(R.randint(10**9, 10**10))}]}
    dadd(f"{ts_iso()} imiconnect event accepted: " + fmt_json(body, "compact"),
         "imiconnect Event API 1002 Queued/accepted is success", [F("1002", "imiconnect")])
for c, d in [("7500", "Delivered"), ("7501", "Submitted"), ("7502", "Read"), ("7500", "Delivered")]:
    body = {"deliveryInfoNotification": {"deliveryInfo": {"address": phone("7302"), "code": c, "description": d, "transid": hexid(32)}}}
    dadd("POST /webhooks/imi/dlr body=" + fmt_json(body, R.choice(["compact", "spaced"])),
         f"imiconnect {c} {d} is success", [F(c, "imiconnect")])
dadd(f"{ts_iso()} imiconnect profile: " + fmt_json({"code": "1000", "description": "Success"}, "spaced"),
     "imiconnect profile 1000 Success", [F("1000", "imiconnect")])
dadd(f"{ts_py()} INFO imi_client: {repr({'code': '7500', 'description': 'Delivered', 'transid': hexid(20)})}",
     "python repr success 7500", [F("7500", "imiconnect")])
for st, rc in [(200, 0), (200, 0), (200, 1), (200, 2), (200, 0)]:
    obj = {"Request": {"Method": "GET", "Url": cca_url()}, "Version": "", "StatusCode": st, "Response": {"ResultCode": rc, "Error": ""}}
    dadd(fmt_json(obj, R.choice(["compact", "spaced", "repr"])),
         f"CcaWebApi success: HTTP {st}, askia {rc}", [F(st, "http"), F(rc, "askia")])
dadd(f'{ts_iso()} cca: "ResultCode": 0, "Error": "" agent=401', "askia 0 success; agent id 401", [F("0", "askia")])
dadd(f"{ts_iso()} supervisor: listen-in started, result code 0 (Success)", "askia success in prose", [F("0", "askia")])
dadd(f"{ts_iso()} voipnow-client GET https://pbx.example.net/uapi/cdrs/@me -> status=200 items=7302",
     "voipnow success, items count", [F("200", "http")])
dadd(f"{ts_iso()} voipnow-client DELETE https://pbx.example.net/uapi/phoneCallEvents/@me/@self/401 -> status=204",
     "voipnow 204 success; id in path", [F("204", "http")])
dadd(f"{ts_iso()} [rev23] POST https://api.rev23.com/v1/records returned 201 Created (id 2213)",
     "rev23 201 success", [F("201", "rev23")])
dadd(f"{ts_iso()} INFO rev23 webhook {hexid(12)} response status 200 OK", "rev23 200 success", [F("200", "rev23")])
dadd(f"{ts_iso()} INFO salto GET {salto_url()} -> HTTP 200 in 401ms", "salto 200 success", [F("200", "http")])
dadd(f'{ts_iso()} salto response body: {{"StatusCode": 200, "Items": 1100}}', "salto success with item count", [F("200", "http")])
dadd(f'{ts_iso()} uapi response {{"status": 200, "code": "ok"}}', "'code': 'ok' is no catalogue code; 200 success", [F("200", "http")])

# more generated distractors to reach the share
GEN = [
    lambda: (f"{ts_iso()} INFO request_id={uid_with(R.choice(['7302', '2213', '1100', '401']))} method=GET path=/v1/health status=200 took={ms()}ms",
             "UUID request id with code-like prefix; status 200", [F("200", "http")]),
    lambda: (f"{ts_sys()} {host()} sshd[{pid()}]: Accepted publickey for deploy from {ip()} port {R.choice([7302, 2213, 50401, 41100])} ssh2",
             "sshd port", []),
    lambda: (f"{ts_iso()} INFO sms delivered to {phone(R.choice(['7302', '2213', '1100', '0401']))} segments=2",
             "phone number with code-like tail", []),
    lambda: (f"{ts_iso()} DEBUG GET /api/v1/orders/{R.choice([7302, 2213, 401, 404, 1100, 809])}/items took {ms()}ms bytes={R.choice([7302, 2213, 512, 401])}",
             "path id, duration, size", []),
    lambda: (f"{ts_iso()} INFO scheduled job {hexid(8)} in {R.choice([401, 503, 7302, 105])}s",
             "delay", []),
    lambda: (f"{ts_iso()} INFO {R.choice(['imiconnect', 'salto', 'askia', 'voipnow', 'rev23'])} client v{R.randint(1, 5)}.{R.randint(0, 9)}.{R.choice([401, 105, 2213, 8])} initialised",
             "vendor client version string", []),
    lambda: (f"{ts_iso()} INFO cca agent {R.choice([102, 105, 401, 809, 903])} {R.choice(['logged in', 'paused', 'resumed'])} at station {R.randint(100, 999)}",
             "askia-looking agent id, no result code", []),
    lambda: (f"{ts_iso()} INFO imiconnect dlr code=7500 Delivered transid={hexid(32)} msisdn={phone(R.choice(['7302', '7207', '2213']))}",
             "7500 Delivered is success", [F("7500", "imiconnect")]),
]
uses = [0] * len(GEN)
while len(LINES) - FINDING_COUNT < int(FINDING_COUNT * 45 / 55) + 1:
    i = R.randrange(len(GEN))
    if uses[i] >= 6:
        if min(uses) >= 6:
            break
        continue
    uses[i] += 1
    line, note, succ = GEN[i]()
    dadd(line, note, succ)

# ------------------------------------------------------------------ shuffle & write
R.shuffle(LINES)
with open(OUT, "w", encoding="utf-8") as f:
    for obj in LINES:
        f.write(json.dumps(obj, ensure_ascii=False) + "\n")
print(len(LINES), FINDING_COUNT)
