#!/usr/bin/env bash
# Runs the platform on http://127.0.0.1:5000.
# With no ConnectionStrings__Modular set, it starts (and keeps) a private PostgreSQL cluster under .data/.
set -euo pipefail
cd "$(dirname "$0")"
dotnet build Modular.sln -c Release -nologo -v quiet
exec dotnet run --project host/Modular.Host -c Release --no-build --no-launch-profile -- --urls "${MODULAR_URLS:-http://127.0.0.1:5000}" "$@"
