#!/usr/bin/env bash
# Runs every test of CEAS on SQLite and on a throw-away PostgreSQL cluster (started here on a
# free loopback port when the server binaries exist and CEAS_TEST_POSTGRES is not already
# set). Extra arguments go to `go test`, e.g. scripts/test.sh -run TestAudit ./internal/platform/...
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${CEAS_TEST_POSTGRES:-}" ]; then
  if out=$(scripts/pg-throwaway.sh start 2>/dev/null); then
    eval "$out"
    trap 'scripts/pg-throwaway.sh stop "$PGTMP"' EXIT
    echo "test.sh: PostgreSQL at ${CEAS_TEST_POSTGRES}" >&2
  else
    echo "test.sh: no PostgreSQL server binaries; running the SQLite half only" >&2
  fi
fi
export CEAS_TEST_POSTGRES="${CEAS_TEST_POSTGRES:-}"

if [ $# -eq 0 ]; then set -- ./...; fi
go test -count=1 -timeout 30m "$@"
