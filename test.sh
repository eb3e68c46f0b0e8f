#!/usr/bin/env bash
# Runs every test: unit, architecture, integration (real PostgreSQL, started by the tests) and browser (Chromium).
set -euo pipefail
cd "$(dirname "$0")"
dotnet build Modular.sln -c Release -nologo -v quiet
dotnet test Modular.sln -c Release --no-build -nologo --logger "console;verbosity=normal" "$@"
