#!/usr/bin/env bash
# Pushed changes, measured in a real browser against the real hosts: the grain calls the silo receives from the web
# host while three pages stay open and nothing runs, and the delay from a job's progress being published to the open
# page showing it. Usage: bench/push.sh [idle seconds, default 60]
set -euo pipefail
cd "$(dirname "$0")/.."
out=$(mktemp)
GANRS_MEASURE=1 GANRS_MEASURE_SECONDS="${1:-60}" GANRS_MEASURE_OUT="$out" \
  dotnet test tests/GanRsSandbox.Ui.Tests -c Release --filter "FullyQualifiedName~PushMeasurement" --logger "console;verbosity=minimal"
cat "$out"
