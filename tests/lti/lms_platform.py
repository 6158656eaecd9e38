"""A small LMS for the end-to-end test, built on the independent PyPI package `lti1p3platform`.

The library signs the id_tokens, publishes the platform JWKS, builds the deep linking request and
validates the tool's deep linking response. This file only adds what any LMS adds around it: HTTP
routes, a course page that frames the tool, resource links with custom parameters, a progress
source (the "SIS"), the platform half of the 1EdTech platform-storage postMessage API, and the
platform half of LTI Dynamic Registration 1.0 (its OpenID configuration, its registration endpoint
and an administrator page that opens the tool's registration URL and waits for the close message),
none of which the library implements. They are written here from the specifications.
"""

import base64
import html
import json
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from lti1p3platform.ltiplatform import LTI1P3PlatformConfAbstract
from lti1p3platform.message_launch import LTIAdvantageMessageLaunchAbstract
from lti1p3platform.oidc_login import OIDCLoginAbstract
from lti1p3platform.registration import Registration

CLIENT_ID = "stackway-e2e"
DEPLOYMENT_ID = "deployment-1"
STORAGE_FRAME = "post_message_forwarding"
SIS_TOKEN = "sis-e2e-token"
REGISTRATION_TOKEN = "registration-e2e-token"
DYNAMIC_CLIENT_ID = "stackway-dynamic-e2e"
DYNAMIC_DEPLOYMENT_ID = "dynamic-deployment-1"
TOOL_CONFIGURATION = "https://purl.imsglobal.org/spec/lti-tool-configuration"


def _new_key_pair():
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    private = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    public = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode()
    return private, public


def _es512_public_jwk():
    numbers = ec.generate_private_key(ec.SECP521R1()).public_key().public_numbers()

    def b64(n):
        return base64.urlsafe_b64encode(n.to_bytes(66, "big")).rstrip(b"=").decode()

    return {"kty": "EC", "crv": "P-521", "alg": "ES512", "use": "sig", "kid": "platform-es512",
            "x": b64(numbers.x), "y": b64(numbers.y)}


class Platform:
    """State of the LMS: registration, resource links, learners' records, deep linking results."""

    def __init__(self, port, tool_base, feed_url, goal):
        self.port = port
        self.origin = f"http://127.0.0.1:{port}"
        self.tool_base = tool_base
        self.private_key, self.public_key = _new_key_pair()
        self.es512_jwk = _es512_public_jwk()
        self.links = {
            "link-1": {
                "title": "Stackway pathways",
                "custom": {
                    "feed_url": feed_url,
                    "goal": goal,
                    "view": "programs",
                    # Unresolved substitution variable: the tool must treat it as missing.
                    "lang": "$User.locale.unresolved",
                },
            }
        }
        self.users = {
            "learner-1": {"locale": "en-CA", "roles": ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"]},
            "learner-2": {"locale": "fr-CA", "roles": ["http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"]},
            "teacher-1": {"locale": "en-CA", "roles": ["http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"]},
        }
        self.held = {
            "learner-1": {"held": [{"id": "mc-one", "earned": "2026-03-01"}]},
            # learner-2's source answers with Open Badges 3.0 credentials instead of the plain list:
            # one matches mc-two by its achievement id, the other matches nothing in the feed.
            "learner-2": [ob3_credential("https://badges.e2e.example.edu/achievements/sql", "SQL", "2026-04-15"),
                          ob3_credential("https://safety.example.org/achievements/whmis", "Workplace Safety", "2025-09-01")],
        }
        self.deep_link_results = []
        self.deep_link_errors = []
        # The tool's registration through LTI Dynamic Registration, once it has registered.
        self.dynamic = None
        self.registration_errors = []
        self.progress_requests = []
        self.lock = threading.Lock()

    def conf(self, client_id=None):
        """The library's configuration: the hand-made registration, or the dynamic one."""
        platform = self
        dynamic = self.dynamic if client_id == DYNAMIC_CLIENT_ID else None

        class Conf(LTI1P3PlatformConfAbstract):
            def init_platform_config(self, **kwargs):
                if dynamic:
                    # Everything the launch needs comes from what the tool sent when it registered.
                    tool = dynamic["request"][TOOL_CONFIGURATION]
                    self._registration = (
                        Registration()
                        .set_iss(platform.origin)
                        .set_client_id(DYNAMIC_CLIENT_ID)
                        .set_deployment_id(DYNAMIC_DEPLOYMENT_ID)
                        .set_launch_url(tool["target_link_uri"])
                        .set_deeplink_launch_url(tool["target_link_uri"])
                        .set_oidc_login_url(dynamic["request"]["initiate_login_uri"])
                        .set_tool_key_set_url(dynamic["request"]["jwks_uri"])
                        .set_platform_public_key(platform.public_key)
                        .set_platform_private_key(platform.private_key)
                    )
                    return
                self._registration = (
                    Registration()
                    .set_iss(platform.origin)
                    .set_client_id(CLIENT_ID)
                    .set_deployment_id(DEPLOYMENT_ID)
                    .set_launch_url(f"{platform.tool_base}/lti/launch")
                    .set_deeplink_launch_url(f"{platform.tool_base}/lti/launch")
                    .set_oidc_login_url(f"{platform.tool_base}/lti/login")
                    .set_tool_key_set_url(f"{platform.tool_base}/.well-known/jwks.json")
                    .set_platform_public_key(platform.public_key)
                    .set_platform_private_key(platform.private_key)
                )

            def get_registration_by_params(self, **kwargs):
                return self._registration

        return Conf()


class Req:
    """The minimal request object the library reads (`get_data`, `form_data`)."""

    def __init__(self, get_data=None, form_data=None):
        self.get_data = get_data or {}
        self.form_data = form_data or {}


def ob3_credential(achievement_id, name, valid_from):
    """An Open Badges 3.0 OpenBadgeCredential (unsigned: the tool does not verify signatures)."""
    return {
        "@context": ["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
        "id": f"urn:uuid:e2e-{name.lower().replace(' ', '-')}",
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "issuer": {"id": "https://badges.e2e.example.edu/issuer", "type": ["Profile"]},
        "validFrom": f"{valid_from}T00:00:00Z",
        "credentialSubject": {"type": ["AchievementSubject"],
                              "achievement": {"id": achievement_id, "type": ["Achievement"], "name": name}},
    }


def make_handler(platform):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def _send(self, status, body, content_type="text/html; charset=utf-8", headers=None):
            data = body.encode() if isinstance(body, str) else body
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Cache-Control", "no-store")
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(data)

        def _query(self):
            return dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(self.path).query))

        def do_GET(self):
            path = urllib.parse.urlsplit(self.path).path
            query = self._query()
            if path == "/jwks":
                # Like a platform in the middle of a move to elliptic-curve keys, the set also lists an
                # EC P-521 (ES512) key, which the tool cannot use and must skip (a regression test).
                jwks = platform.conf().get_jwks()
                jwks["keys"].append(platform.es512_jwk)
                return self._send(200, json.dumps(jwks), "application/json")
            if path == "/course":
                return self._send(200, course_page(platform, query))
            if path == "/storage-frame":
                return self._send(200, STORAGE_FRAME_PAGE)
            if path == "/lti/initiate":
                return self.initiate(query)
            if path == "/auth":
                return self.auth(query)
            if path.startswith("/sis/learners/") and path.endswith("/credentials"):
                user = urllib.parse.unquote(path[len("/sis/learners/"):-len("/credentials")])
                with platform.lock:
                    platform.progress_requests.append((user, self.headers.get("Authorization")))
                if self.headers.get("Authorization") != f"Bearer {SIS_TOKEN}":
                    return self._send(401, "{}", "application/json")
                record = platform.held.get(user)
                return self._send(200 if record else 404, json.dumps(record or {}), "application/json")
            if path == "/feeds/pathways.json":
                with open(platform.feed_path, "rb") as feed:
                    return self._send(200, feed.read(), "application/json", {"Access-Control-Allow-Origin": "*"})
            if path == "/.well-known/openid-configuration":
                return self.openid_configuration()
            if path == "/admin/register":
                return self._send(200, admin_register_page(platform, query.get("url", "")))
            if path == "/api/state":
                with platform.lock:
                    state = {"links": platform.links, "deep_link_results": platform.deep_link_results,
                             "deep_link_errors": platform.deep_link_errors,
                             "progress_requests": platform.progress_requests,
                             "dynamic": platform.dynamic, "registration_errors": platform.registration_errors}
                return self._send(200, json.dumps(state), "application/json")
            return self._send(404, "not found", "text/plain")

        def do_POST(self):
            path = urllib.parse.urlsplit(self.path).path
            if path == "/register":
                return self.register()
            length = int(self.headers.get("Content-Length") or 0)
            form = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode()))
            if path == "/deep_link_return":
                return self.deep_link_return(form)
            return self._send(404, "not found", "text/plain")

        def _bearer_ok(self):
            return self.headers.get("Authorization") == f"Bearer {REGISTRATION_TOKEN}"

        def openid_configuration(self):
            """The platform's OpenID configuration (LTI-DR 1.0 section 3.5), behind the registration token."""
            if not self._bearer_ok():
                return self._send(401, "{}", "application/json")
            o = platform.origin
            conf = {
                "issuer": o,
                "authorization_endpoint": f"{o}/auth",
                "registration_endpoint": f"{o}/register",
                "jwks_uri": f"{o}/jwks",
                "token_endpoint": f"{o}/token",
                "token_endpoint_auth_methods_supported": ["private_key_jwt"],
                "token_endpoint_auth_signing_alg_values_supported": ["RS256"],
                "scopes_supported": ["openid"],
                "response_types_supported": ["id_token"],
                "id_token_signing_alg_values_supported": ["RS256"],
                "claims_supported": ["sub", "iss", "locale"],
                "subject_types_supported": ["public"],
                "https://purl.imsglobal.org/spec/lti-platform-configuration": {
                    "product_family_code": "lti1p3platform-e2e",
                    "version": "0.1.8",
                    "messages_supported": [{"type": "LtiResourceLinkRequest"}, {"type": "LtiDeepLinkingRequest"}],
                    "variables": ["Person.sourcedId"],
                },
            }
            self._send(200, json.dumps(conf), "application/json")

        def register(self):
            """The registration endpoint (LTI-DR 1.0 section 3.6): checks the tool's registration."""
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length)
            problems = []
            if not self._bearer_ok():
                problems.append("no registration token")
            if not self.headers.get("Content-Type", "").startswith("application/json"):
                problems.append("not application/json")
            try:
                request = json.loads(raw)
            except ValueError:
                request, problems = {}, problems + ["not JSON"]
            tool = request.get(TOOL_CONFIGURATION) or {}
            for field in ("initiate_login_uri", "jwks_uri", "client_name"):
                if not request.get(field):
                    problems.append(f"no {field}")
            if request.get("application_type") != "web":
                problems.append("application_type is not web")
            if "id_token" not in (request.get("response_types") or []):
                problems.append("response_types lacks id_token")
            if request.get("token_endpoint_auth_method") != "private_key_jwt":
                problems.append("token_endpoint_auth_method is not private_key_jwt")
            if not request.get("redirect_uris"):
                problems.append("no redirect_uris")
            if not tool.get("domain") or not tool.get("target_link_uri"):
                problems.append("tool configuration lacks domain or target_link_uri")
            types = [m.get("type") for m in tool.get("messages", [])]
            if "LtiResourceLinkRequest" not in types:
                problems.append("no LtiResourceLinkRequest message")
            if problems:
                with platform.lock:
                    platform.registration_errors.extend(problems)
                return self._send(400, json.dumps({"error": "invalid_client_metadata",
                                                   "error_description": ", ".join(problems)}), "application/json")
            answer = dict(request)
            answer["client_id"] = DYNAMIC_CLIENT_ID
            answer[TOOL_CONFIGURATION] = dict(tool, deployment_id=DYNAMIC_DEPLOYMENT_ID)
            with platform.lock:
                platform.dynamic = {"request": request, "authorization": self.headers.get("Authorization")}
            self._send(200, json.dumps(answer), "application/json")

        def initiate(self, query):
            """Third-party initiated login: the LMS sends the browser to the tool's login URL."""
            conf = platform.conf(DYNAMIC_CLIENT_ID if query.get("dyn") == "1" else None)
            user = query["user"]

            class Login(OIDCLoginAbstract):
                def set_lti_message_hint(self, **kwargs):
                    self._lti_message_hint = kwargs["hint"]

                def get_redirect(self, url):
                    return url

            login = Login(Req(query), conf)
            login.set_lti_message_hint(hint=query.get("link") or "deep-link")
            url = login.initiate_login(user)
            if query.get("storage") == "1":
                url += "&" + urllib.parse.urlencode({"lti_storage_target": STORAGE_FRAME})
            self._send(302, "", headers={"Location": url})

        def auth(self, query):
            """OIDC authentication endpoint: signs the id_token with the library and form-posts it."""
            conf = platform.conf(query.get("client_id"))
            user = query.get("login_hint", "")
            hint = query.get("lti_message_hint", "")
            if user not in platform.users:
                return self._send(400, "unknown user")
            profile = platform.users[user]

            class Launch(LTIAdvantageMessageLaunchAbstract):
                def get_preflight_response(self):
                    return query

                def prepare_launch(self, preflight_response):
                    self.set_user_data(user, profile["roles"], full_name=user.title())
                    self.set_launch_presentation_claim(document_target="iframe")
                    self.lti_claim_launch_presentation[
                        "https://purl.imsglobal.org/spec/lti/claim/launch_presentation"]["locale"] = profile["locale"]
                    self.set_launch_context_claim("course-1", context_title="Data Analytics 101")
                    if hint == "deep-link":
                        self.set_dl(f"{platform.origin}/deep_link_return", title="Add content",
                                    accept_types={"ltiResourceLink"}, extra_data={"session": "dl-42"})
                    else:
                        link = platform.links[hint]
                        self.set_resource_link_claim(hint, title=link["title"])
                        self.set_custom_parameters_claim(link["custom"])

                def render_launch_form(self, launch_data, **kwargs):
                    return launch_data

            try:
                data = Launch(Req(query), conf).lti_launch()
            except Exception as error:  # the library raises on a bad preflight
                return self._send(400, f"auth refused: {html.escape(repr(error))}")
            page = f"""<!doctype html><html><body>
<form method="post" action="{html.escape(data['launch_url'])}" id="f">
<input type="hidden" name="id_token" value="{html.escape(data['id_token'])}">
<input type="hidden" name="state" value="{html.escape(data['state'])}">
</form><script>document.getElementById('f').submit()</script></body></html>"""
            self._send(200, page)

        def deep_link_return(self, form):
            """Validates the tool's response with the library and stores the new resource link."""
            conf = platform.conf()
            try:
                items = conf.validate_deeplinking_resp(form)
                claims = conf.tool_validate_and_decode(form["JWT"])
            except Exception as error:
                with platform.lock:
                    platform.deep_link_errors.append(repr(error))
                return self._send(400, f"<p id='error'>{html.escape(repr(error))}</p>")
            problems = []
            if claims.get("iss") != CLIENT_ID:
                problems.append("iss is not the client_id")
            if claims.get("aud") not in (platform.origin, [platform.origin]):
                problems.append("aud is not the platform")
            if claims.get("https://purl.imsglobal.org/spec/lti-dl/claim/data") != {"session": "dl-42"}:
                problems.append("data not echoed")
            if claims.get("https://purl.imsglobal.org/spec/lti/claim/deployment_id") != DEPLOYMENT_ID:
                problems.append("deployment_id differs")
            if problems:
                with platform.lock:
                    platform.deep_link_errors.extend(problems)
                return self._send(400, f"<p id='error'>{html.escape(', '.join(problems))}</p>")
            with platform.lock:
                link_id = f"link-{len(platform.links) + 1}"
                item = items[0]
                platform.links[link_id] = {"title": item.get("title", ""), "custom": item.get("custom", {})}
                platform.deep_link_results.append({"link": link_id, "item": item})
            self._send(200, f"<p id='saved' data-link='{link_id}'>Saved {html.escape(item.get('title', ''))}</p>")

    return Handler


def course_page(platform, query):
    """The LMS course page: the tool in an iframe and, when asked, the platform-storage frame."""
    params = urllib.parse.urlencode({k: v for k, v in query.items() if k in ("user", "link", "storage", "dyn")})
    storage = query.get("storage") == "1"
    storage_frame = (
        f'<iframe name="{STORAGE_FRAME}" src="/storage-frame" hidden title="storage"></iframe>' if storage else ""
    )
    capabilities = f"""<script>
window.addEventListener('message', (event) => {{
  const m = event.data || {{}};
  if (m.subject === 'lti.capabilities') {{
    event.source.postMessage({{subject: 'lti.capabilities.response', message_id: m.message_id,
      supported_messages: [{{subject: 'lti.put_data', frame: '{STORAGE_FRAME}'}},
                           {{subject: 'lti.get_data', frame: '{STORAGE_FRAME}'}}]}}, event.origin);
  }}
  if (m.subject === 'lti.frameResize' && m.height) {{
    document.getElementById('tool').style.height = m.height + 'px';
    document.body.dataset.resized = String(m.height);
  }}
}});
</script>""" if storage else """<script>
window.addEventListener('message', (event) => {
  const m = event.data || {};
  if (m.subject === 'lti.frameResize' && m.height) {
    document.getElementById('tool').style.height = m.height + 'px';
    document.body.dataset.resized = String(m.height);
  }
});
</script>"""
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Course</title></head>
<body><h1>Data Analytics 101</h1>{capabilities}{storage_frame}
<iframe id="tool" name="lti-tool" title="Stackway" src="/lti/initiate?{params}" width="1000" height="700"
 allow="clipboard-write"></iframe></body></html>"""


def admin_register_page(platform, tool_url):
    """The administrator's page: the tool's registration URL in a frame, with the platform's
    configuration URL and a registration token added (LTI-DR 1.0 section 3.3); the frame is closed
    when the tool posts `org.imsglobal.lti.close`."""
    separator = "&" if "?" in tool_url else "?"
    src = tool_url + separator + urllib.parse.urlencode({
        "openid_configuration": f"{platform.origin}/.well-known/openid-configuration",
        "registration_token": REGISTRATION_TOKEN,
    })
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Register a tool</title></head>
<body><h1>Register an LTI Advantage tool</h1>
<script>
window.addEventListener('message', (event) => {{
  const m = event.data || {{}};
  if (m.subject === 'org.imsglobal.lti.close') {{
    document.body.dataset.closed = 'yes';
    const frame = document.getElementById('registration');
    if (frame) frame.remove();
  }}
}});
</script>
<iframe id="registration" title="Tool registration" src="{html.escape(src)}" width="900" height="700"></iframe></body></html>"""


# The platform half of platform storage: keeps values in memory (cookies and DOM storage may be
# blocked) per tool origin, and answers only the origin that wrote.
STORAGE_FRAME_PAGE = """<!doctype html><html><body><script>
const store = new Map();
window.addEventListener('message', (event) => {
  const m = event.data || {};
  const reply = (extra) => event.source.postMessage(Object.assign({subject: m.subject + '.response',
      message_id: m.message_id, key: m.key}, extra), event.origin);
  if (m.subject === 'lti.put_data') { store.set(event.origin + ' ' + m.key, m.value); reply({value: m.value}); }
  else if (m.subject === 'lti.get_data') {
    const key = event.origin + ' ' + m.key;
    if (store.has(key)) reply({value: store.get(key)});
    else reply({error: {code: 'key_not_found', message: 'no such key'}});
  }
});
</script></body></html>"""


def start(port, tool_base, feed_url, goal, feed_path):
    platform = Platform(port, tool_base, feed_url, goal)
    platform.feed_path = feed_path
    server = ThreadingHTTPServer(("127.0.0.1", port), make_handler(platform))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return platform, server
