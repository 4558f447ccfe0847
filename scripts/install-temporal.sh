#!/usr/bin/env bash
# Installs the Temporal CLI (dev server) into .tools/bin once; a fast no-op when present.
# v1.5.1 is the newest CLI tag whose go.mod permits `go install` (no replace directives).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
version="${TEMPORAL_CLI_VERSION:-v1.5.1}"
bin="$root/.tools/bin/temporal"
stamp="$root/.tools/bin/.temporal-$version"
if [[ -x "$bin" && -f "$stamp" ]]; then exit 0; fi
if ! command -v go >/dev/null 2>&1; then
  echo "install-temporal: Go toolchain not found; install Go or set TEMPORAL_ADDRESS to an existing server" >&2
  exit 1
fi
mkdir -p "$root/.tools/bin"
echo "install-temporal: building temporal CLI $version (takes a few minutes once)..." >&2
start=$(date +%s)
GOBIN="$root/.tools/bin" GOFLAGS=-mod=mod go install "github.com/temporalio/cli/cmd/temporal@$version"
touch "$stamp"
echo "install-temporal: done in $(( $(date +%s) - start ))s" >&2
