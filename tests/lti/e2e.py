"""End-to-end test of the Stackway LTI tool against two independent platforms.

`lti1p3platform` (tests/lti/lms_platform.py) and Open edX's own consumer from `lti-consumer-xblock`
(tests/lti/openedx_platform.py) run on 127.0.0.1, the tool (`stackway serve --config`) on localhost:
different sites, as in production. Headless Chromium (playwright-core driving
/usr/bin/chromium, tests/lti/browser.mjs) plays the learner and the instructional designer.
Prints one line per check and a final `N passed, N failed`; exits 1 when anything failed.
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", ".."))
sys.path.insert(0, HERE)
import lms_platform as lms  # noqa: E402
import openedx_platform as openedx  # noqa: E402


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url, seconds=30):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return True
        except Exception:
            time.sleep(0.2)
    return False


def main():
    binary = os.environ.get("STACKWAY_BIN", os.path.join(ROOT, "target", "debug", "stackway"))
    work = tempfile.mkdtemp(prefix="stackway-lti-e2e-")
    platform_port, tool_port, edx_port = free_port(), free_port(), free_port()
    tool_base = f"http://localhost:{tool_port}"
    platform_origin = f"http://127.0.0.1:{platform_port}"
    feed_url = f"{platform_origin}/feeds/pathways.json"
    platform, server = lms.start(platform_port, tool_base, feed_url, "dipl-data", os.path.join(HERE, "feed.json"))
    edx_origin = f"http://127.0.0.1:{edx_port}"
    edx, edx_server = openedx.start(edx_port, tool_base, "dipl-data", os.path.join(HERE, "feed.json"))

    subprocess.run([binary, "keys", "generate", "--dir", os.path.join(work, "keys")], check=True,
                   stdout=subprocess.DEVNULL)
    config = os.path.join(work, "tool.toml")
    with open(config, "w") as f:
        f.write(f"""[tool]
base_url = "{tool_base}"
keys = "keys/"

[[platform]]
name = "lti1p3platform (end-to-end)"
issuer = "{platform_origin}"
client_id = "{lms.CLIENT_ID}"
deployment_ids = ["{lms.DEPLOYMENT_ID}"]
auth_url = "{platform_origin}/auth"
jwks_url = "{platform_origin}/jwks"
feed_hosts = ["127.0.0.1:{platform_port}"]
progress_url = "{platform_origin}/sis/learners/{{user}}/credentials"
progress_token_env = "STACKWAY_E2E_SIS_TOKEN"

[[platform]]
name = "Open edX (lti-consumer-xblock, end-to-end)"
issuer = "{edx_origin}"
client_id = "{openedx.CLIENT_ID}"
deployment_ids = ["{openedx.DEPLOYMENT_ID}"]
auth_url = "{edx_origin}/auth"
jwks_url = "{edx_origin}/jwks"
feed_hosts = ["127.0.0.1:{edx_port}"]
""")
    env = dict(os.environ, STACKWAY_E2E_SIS_TOKEN=lms.SIS_TOKEN, RUST_LOG="info")
    log = open(os.path.join(work, "tool.log"), "w")
    # The static site (widget files); another folder with a built widget can be given.
    site = os.environ.get("STACKWAY_LTI_SITE_DIR", ROOT)
    tool = subprocess.Popen([binary, "serve", "--config", config, "--dir", site, "--listen", f"127.0.0.1:{tool_port}"],
                            env=env, stdout=log, stderr=subprocess.STDOUT)
    passed, failed = 0, 0
    try:
        if not wait_for(f"http://127.0.0.1:{tool_port}/.well-known/jwks.json"):
            print("FAIL tool did not start; see", log.name)
            return 1
        # The operator's one-time registration link for the LMS (LTI Dynamic Registration).
        link = subprocess.run([binary, "register-link", "--config", config, "--name", "lti1p3platform (dynamic)",
                               "--feed-host", f"127.0.0.1:{platform_port}", "--expires-in", "1h"],
                              capture_output=True, text=True, env=env)
        register_url = link.stdout.strip()
        if link.returncode != 0 or not register_url.startswith(f"{tool_base}/lti/register?invite="):
            print(f"FAIL stackway register-link printed no registration URL: {link.stdout} {link.stderr}")
            failed += 1
        browser_env = dict(os.environ, PLATFORM=platform_origin, OPENEDX=edx_origin, TOOL=tool_base,
                           REGISTER_URL=register_url, ARTIFACTS=os.path.join(ROOT, "target", "lti-e2e"))
        result = subprocess.run(["node", os.path.join(HERE, "browser.mjs")], env=browser_env, cwd=ROOT,
                                capture_output=True, text=True, timeout=300)
        sys.stderr.write(result.stderr)
        for line in result.stdout.splitlines():
            print(line)
            if line.startswith("PASS"):
                passed += 1
            elif line.startswith("FAIL"):
                failed += 1
        if result.returncode != 0 and failed == 0:
            print(f"FAIL browser driver exited with {result.returncode}")
            failed += 1

        # What the platform saw, checked on the platform side.
        state = json.loads(urllib.request.urlopen(f"{platform_origin}/api/state").read())
        edx_state = json.loads(urllib.request.urlopen(f"{edx_origin}/api/state").read())
        checks = [
            ("platform library accepted the deep linking response",
             len(state["deep_link_results"]) == 1 and not state["deep_link_errors"], state["deep_link_errors"]),
            ("deep linking content item is an ltiResourceLink to the tool's launch URL",
             state["deep_link_results"] and state["deep_link_results"][0]["item"].get("type") == "ltiResourceLink"
             and state["deep_link_results"][0]["item"].get("url") == f"{tool_base}/lti/launch", state["deep_link_results"]),
            ("progress source was asked only about validated learners, with the bearer token",
             state["progress_requests"] and all(user in ("learner-1", "learner-2", "teacher-1") and auth == f"Bearer {lms.SIS_TOKEN}"
                                                for user, auth in state["progress_requests"]), state["progress_requests"]),
            ("the platform received the tool's registration with its registration token",
             state["dynamic"] is not None and state["dynamic"]["authorization"] == f"Bearer {lms.REGISTRATION_TOKEN}"
             and not state["registration_errors"], state["registration_errors"]),
            ("the registration names the tool's login, launch and key set URLs",
             state["dynamic"] is not None and state["dynamic"]["request"]["initiate_login_uri"] == f"{tool_base}/lti/login"
             and state["dynamic"]["request"]["jwks_uri"] == f"{tool_base}/.well-known/jwks.json"
             and state["dynamic"]["request"]["redirect_uris"] == [f"{tool_base}/lti/launch"], state["dynamic"]),
            ("stackway platforms list shows the registered platform",
             "stackway-dynamic-e2e" in subprocess.run([binary, "platforms", "list", "--config", config],
                                                      capture_output=True, text=True).stdout, ""),
            ("Open edX consumer accepted exactly one deep linking response",
             len(edx_state["deep_link_results"]) == 1 and not edx_state["deep_link_errors"], edx_state["deep_link_errors"]),
            ("Open edX content item is an ltiResourceLink to the tool's launch URL with the designer's feed",
             edx_state["deep_link_results"] and edx_state["deep_link_results"][0]["item"].get("type") == "ltiResourceLink"
             and edx_state["deep_link_results"][0]["item"].get("custom", {}).get("feed_url") == f"{edx_origin}/feeds/pathways.json",
             edx_state["deep_link_results"]),
        ]
        for name, ok, detail in checks:
            if ok:
                passed += 1
                print(f"PASS {name}")
            else:
                failed += 1
                print(f"FAIL {name}: {detail}")
    finally:
        tool.terminate()
        try:
            tool.wait(timeout=10)
        except subprocess.TimeoutExpired:
            tool.kill()
        server.shutdown()
        edx_server.shutdown()
        log.close()
    if failed:
        print("tool log:", log.name)
    else:
        shutil.rmtree(work, ignore_errors=True)
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
