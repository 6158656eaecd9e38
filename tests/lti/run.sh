#!/usr/bin/env bash
# End-to-end test of the LTI 1.3 tool against the independent PyPI platforms `lti1p3platform` and
# Open edX's consumer (`lti-consumer-xblock`), in headless Chromium. One step for `cargo xtask test`:
#
#   tests/lti/run.sh
#
# Prerequisites (installed here when missing, idempotently): a Python 3 venv with
# tests/lti/requirements.txt (in $STACKWAY_LTI_VENV, default target/lti-venv), playwright-core from
# the committed npm lockfile (`npm ci`), Chromium at /usr/bin/chromium (Debian package).
# Prints PASS/FAIL lines and ends with `N passed, N failed`; exit status 0 only when all passed.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
VENV="${STACKWAY_LTI_VENV:-$ROOT/target/lti-venv}"

if [ ! -x /usr/bin/chromium ] && [ -z "${CHROMIUM:-}" ]; then
  echo "FAIL chromium is missing: apt-get install -y chromium"; echo "0 passed, 1 failed"; exit 1
fi
if ! "$VENV/bin/python" -c "import lti1p3platform, lti_consumer" 2>/dev/null; then
  echo "Installing the LTI test platforms (lti1p3platform, lti-consumer-xblock) into $VENV ..."
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check -r tests/lti/requirements.txt
fi
if [ ! -d node_modules/playwright-core ]; then
  echo "Installing Node packages (npm ci) ..."
  npm ci --no-audit --no-fund --silent
fi
echo "Building stackway ..."
cargo build --quiet -p stackway-cli
exec timeout 600 "$VENV/bin/python" tests/lti/e2e.py
