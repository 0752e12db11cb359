#!/bin/sh
# Runs the relocation matching benchmark of issue 7 side by side with CBC.
# CBC comes from Debian (coinor-cbc) and is installed here only, never by the binary.
# Usage (from the repository root): sh internal/mcmf/bench-relocation.sh [--sizes 500,10000,100000] [--seed S]
set -e
if ! command -v cbc >/dev/null 2>&1; then
	(apt-get update -qq && apt-get install -y -qq coinor-cbc >/dev/null) || echo "coinor-cbc could not be installed; running without CBC" >&2
fi
go build -o /tmp/ceas-bench ./cmd/ceas
exec /tmp/ceas-bench bench match-relocation "$@"
