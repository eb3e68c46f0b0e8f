#!/usr/bin/env bash
# Runs every test: unit, architecture, integration (real PostgreSQL, started by the tests) and browser (Chromium).
# The run's console goes to the terminal and to a log; when a test fails, its name and message are printed again at
# the end, after every project's output, so the last screen of a long CI log says what failed.
set -euo pipefail
cd "$(dirname "$0")"
dotnet build Modular.sln -c Release -nologo -v quiet

log="$(mktemp -t modular-test-XXXXXX.log)"
status=0
dotnet test Modular.sln -c Release --no-build -nologo --logger "console;verbosity=normal" "$@" 2>&1 | tee "$log" || status=$?

if [ "$status" -ne 0 ]; then
  echo
  echo "==================== failed tests (from $log) ===================="
  # A failed test prints "  Failed <name> [<time>]", then its message and stack trace until the next test or summary.
  awk '/^  Failed / { show = 1; lines = 0 }
       /^  (Passed|Skipped) |^Test Run |^Total tests|^Results File/ { show = 0 }
       show && lines < 25 { print; lines++ }' "$log"
  grep -E "^(Test Run Failed|Failed!|.*error MSB|.*Test host process crashed|.*aborted)" "$log" || true
  echo "=================================================================="
fi
exit "$status"
