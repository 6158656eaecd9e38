"""A small Open edX for the end-to-end test, built on Open edX's own LTI 1.3 consumer.

The consumer is `LtiAdvantageConsumer` from the PyPI package `lti-consumer-xblock` (the code the
Open edX LTI component runs), used outside Open edX: Django is configured here with an in-memory
cache, which is all the consumer needs. The library builds the login initiation URL, signs the
id_tokens, publishes the platform key set and verifies the tool's deep linking response against
the tool's JWKS URL, as Open edX does. This file only adds HTTP routes and a course page that
frames the tool, the way the LTI component embeds it.
"""

import html
import json
import threading
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import django
from django.conf import settings

if not settings.configured:
    settings.configure(
        CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
        INSTALLED_APPS=[],
        USE_TZ=True,
        PLATFORM_NAME="Open edX (end-to-end)",
        # Without it edx-django-utils tries to load New Relic and logs that it is missing.
        OPENEDX_TELEMETRY=[],
    )
    django.setup()

from cryptography.hazmat.primitives import serialization  # noqa: E402
from cryptography.hazmat.primitives.asymmetric import rsa  # noqa: E402
from lti_consumer.data import Lti1p3LaunchData  # noqa: E402
from lti_consumer.lti_1p3.consumer import LtiAdvantageConsumer  # noqa: E402
from lti_consumer.utils import get_data_from_cache  # noqa: E402

CLIENT_ID = "stackway-openedx"
DEPLOYMENT_ID = "openedx-deployment-1"
KEY_ID = "openedx-platform-key"


class OpenEdx:
    """State of the Open edX instance: its key, its LTI components and what the tool sent back."""

    def __init__(self, port, tool_base, feed_url, goal):
        self.origin = f"http://127.0.0.1:{port}"
        self.tool_base = tool_base
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.private_key = key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        ).decode()
        # LTI components (XBlocks) by usage id, with the custom parameters the author typed.
        self.blocks = {
            "block-v1:edX+Data+2026+type@lti_consumer+block@pathways": {
                "custom": {"feed_url": feed_url, "goal": goal, "view": "map", "lang": "fr"},
            }
        }
        self.deep_link_results = []
        self.deep_link_errors = []
        self.lock = threading.Lock()

    def consumer(self):
        """A fresh consumer per request, as the LTI component builds one per launch."""
        consumer = LtiAdvantageConsumer(
            iss=self.origin,
            lti_oidc_url=f"{self.tool_base}/lti/login",
            lti_launch_url=f"{self.tool_base}/lti/launch",
            client_id=CLIENT_ID,
            deployment_id=DEPLOYMENT_ID,
            rsa_key=self.private_key,
            rsa_key_id=KEY_ID,
            redirect_uris=[f"{self.tool_base}/lti/launch"],
            tool_keyset_url=f"{self.tool_base}/.well-known/jwks.json",
        )
        consumer.enable_deep_linking(f"{self.tool_base}/lti/launch", f"{self.origin}/deep_link_return")
        return consumer


def make_handler(edx):
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

        def do_GET(self):
            parts = urllib.parse.urlsplit(self.path)
            query = dict(urllib.parse.parse_qsl(parts.query))
            if parts.path == "/jwks":
                return self._send(200, json.dumps(edx.consumer().get_public_keyset()), "application/json")
            if parts.path == "/courseware":
                return self._send(200, courseware_page(query))
            if parts.path == "/lti/initiate":
                return self.initiate(query)
            if parts.path == "/auth":
                return self.auth(query)
            if parts.path == "/feeds/pathways.json":
                with open(edx.feed_path, "rb") as feed:
                    return self._send(200, feed.read(), "application/json", {"Access-Control-Allow-Origin": "*"})
            if parts.path == "/api/state":
                with edx.lock:
                    state = {"blocks": edx.blocks, "deep_link_results": edx.deep_link_results,
                             "deep_link_errors": edx.deep_link_errors}
                return self._send(200, json.dumps(state), "application/json")
            return self._send(404, "not found", "text/plain")

        def do_POST(self):
            length = int(self.headers.get("Content-Length") or 0)
            form = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode()))
            if urllib.parse.urlsplit(self.path).path == "/deep_link_return":
                return self.deep_link_return(form)
            return self._send(404, "not found", "text/plain")

        def initiate(self, query):
            """The LTI component's launch: the consumer caches the launch data and builds the login URL."""
            block = query.get("block", "")
            deep_linking = query.get("dl") == "1"
            launch = Lti1p3LaunchData(
                user_id=f"edx-user-{query['user']}",
                user_role="instructor" if deep_linking else "student",
                config_id="lti-config-1",
                resource_link_id=block or "block-v1:edX+Data+2026+type@lti_consumer+block@new",
                external_user_id=query["user"],
                message_type="LtiDeepLinkingRequest" if deep_linking else "LtiResourceLinkRequest",
                context_id="course-v1:edX+Data+2026",
                context_title="Data Analytics (Open edX)",
                custom_parameters=edx.blocks.get(block, {}).get("custom", {}),
            )
            self._send(302, "", headers={"Location": edx.consumer().prepare_preflight_url(launch)})

        def auth(self, query):
            """OIDC authentication endpoint: the consumer checks the tool's request and signs the id_token."""
            launch = get_data_from_cache(query.get("lti_message_hint", ""))
            if launch is None:
                return self._send(400, "unknown lti_message_hint")
            consumer = edx.consumer()
            consumer.set_user_data(launch.external_user_id, launch.user_role)
            consumer.set_resource_link_claim(launch.resource_link_id)
            consumer.set_launch_presentation_claim(document_target="iframe")
            consumer.set_context_claim(launch.context_id, context_title=launch.context_title)
            if launch.custom_parameters:
                consumer.set_custom_parameters(launch.custom_parameters)
            try:
                data = consumer.generate_launch_request(query)
            except Exception as error:  # the library raises on a bad preflight request
                return self._send(400, f"auth refused: {html.escape(repr(error))}")
            page = f"""<!doctype html><html><body>
<form method="post" action="{html.escape(query['redirect_uri'])}" id="f">
<input type="hidden" name="id_token" value="{html.escape(data['id_token'])}">
<input type="hidden" name="state" value="{html.escape(data['state'])}">
</form><script>document.getElementById('f').submit()</script></body></html>"""
            self._send(200, page)

        def deep_link_return(self, form):
            """The consumer verifies the response with the tool's published key set."""
            try:
                items = edx.consumer().check_and_decode_deep_linking_token(form.get("JWT", ""))
            except Exception as error:
                with edx.lock:
                    edx.deep_link_errors.append(repr(error))
                return self._send(400, f"<p id='error'>{html.escape(repr(error))}</p>")
            with edx.lock:
                block = f"block-v1:edX+Data+2026+type@lti_consumer+block@linked{len(edx.blocks)}"
                item = items[0] if items else {}
                edx.blocks[block] = {"custom": item.get("custom", {})}
                edx.deep_link_results.append({"block": block, "item": item})
            self._send(200, f"<p id='saved' data-block='{html.escape(block)}'>Saved</p>")

    return Handler


def courseware_page(query):
    """A unit of an Open edX course with one LTI component, framed as the LMS frames it."""
    params = urllib.parse.urlencode({k: v for k, v in query.items() if k in ("user", "block", "dl")})
    return f"""<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Courseware</title></head>
<body><h1>Data Analytics (Open edX)</h1>
<script>
window.addEventListener('message', (event) => {{
  const m = event.data || {{}};
  if (m.subject === 'lti.frameResize' && m.height) {{
    document.getElementById('tool').style.height = m.height + 'px';
    document.body.dataset.resized = String(m.height);
  }}
}});
</script>
<iframe id="tool" title="Stackway" src="/lti/initiate?{params}" width="1000" height="700"></iframe></body></html>"""


def start(port, tool_base, goal, feed_path):
    """Serves Open edX on 127.0.0.1:port; its component shows the feed it serves itself."""
    edx = OpenEdx(port, tool_base, f"http://127.0.0.1:{port}/feeds/pathways.json", goal)
    edx.feed_path = feed_path
    server = ThreadingHTTPServer(("127.0.0.1", port), make_handler(edx))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return edx, server
