#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests if it is not there yet (the tests drive /usr/bin/chromium
# with playwright-core; `npx playwright install` cannot download browsers on this network).
set -euo pipefail
if [ -x /usr/bin/chromium ]; then
  echo "chromium already installed: $(/usr/bin/chromium --version 2>/dev/null || true)"
  exit 0
fi
SUDO=""
[ "$(id -u)" != 0 ] && SUDO="sudo"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
/usr/bin/chromium --version
