#!/usr/bin/env bash
# The resilience suite in full (tests/Modular.Resilience.Tests): every hostile case on every operation of the OpenAPI
# document, the isolation matrix, five kill -9 rounds and five database outages under load from eight clients.
# CI (./test.sh) runs the same project on a sample. Extra arguments go to dotnet test (e.g. --filter CrashSafety).
set -euo pipefail
cd "$(dirname "$0")"
dotnet build tests/Modular.Resilience.Tests/Modular.Resilience.Tests.csproj -c Release -nologo -v quiet
export MODULAR_RESILIENCE=full
export MODULAR_RESILIENCE_FIGURES="${MODULAR_RESILIENCE_FIGURES:-$PWD/artifacts/resilience/figures.txt}"
mkdir -p "$(dirname "$MODULAR_RESILIENCE_FIGURES")"
rm -f "$MODULAR_RESILIENCE_FIGURES"
status=0
dotnet test tests/Modular.Resilience.Tests/Modular.Resilience.Tests.csproj -c Release --no-build -nologo \
  --logger "console;verbosity=normal" "$@" || status=$?
echo "== resilience figures (also in $MODULAR_RESILIENCE_FIGURES)"
cat "$MODULAR_RESILIENCE_FIGURES" 2>/dev/null || echo "no figures: no test ran"
exit $status
