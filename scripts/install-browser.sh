#!/usr/bin/env bash
# Installs Debian's Chromium for the console's browser tests (driven by playwright-core); a fast no-op
# when it is there.
set -euo pipefail
if [[ -x /usr/bin/chromium ]]; then exit 0; fi
if [[ $(id -u) -ne 0 ]]; then
  echo "install-browser: chromium missing; run as root or install it with apt-get install chromium" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
