#!/usr/bin/env bash
# Everything `npm test` needs beyond node_modules: slapd, ldap-utils, Samba and the Temporal CLI.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
bash "$here/install-ldap-servers.sh"
bash "$here/install-temporal.sh"
