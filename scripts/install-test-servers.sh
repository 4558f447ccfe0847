#!/usr/bin/env bash
# Everything `npm test` needs beyond node_modules: slapd, ldap-utils, Samba, the Temporal CLI and Chromium.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bash "$here/install-ldap-servers.sh"
bash "$here/install-temporal.sh"
bash "$here/install-browser.sh"
