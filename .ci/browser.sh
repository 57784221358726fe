#!/usr/bin/env bash
# Prerequisites of the HTML report's browser test: Debian's chromium and playwright-core (tests/browser).
#   bash .ci/browser.sh     installs chromium if /usr/bin/chromium is missing, then `npm ci` in tests/browser
# The test skips itself, saying so, when either is missing; no browser is downloaded by npm (Debian's is used).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

say() { echo "browser.sh: $*" >&2; }

if [ ! -x /usr/bin/chromium ]; then
  bash .ci/apt-install.sh browser.sh chromium
fi

if ! command -v npm >/dev/null 2>&1; then
  say "npm is missing: install nodejs and npm"; exit 1
fi
# The lock file pins playwright-core; PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD keeps any install script from fetching browsers.
if [ ! -d tests/browser/node_modules/playwright-core ] || [ tests/browser/package-lock.json -nt tests/browser/node_modules/.package-lock.json ]; then
  (cd tests/browser && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi
say "chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}'), playwright-core $(node -p 'require("./tests/browser/node_modules/playwright-core/package.json").version')"
