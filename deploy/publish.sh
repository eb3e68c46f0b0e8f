#!/usr/bin/env bash
# Publishes the platform for a server: the host and the four shipped modules, each precompiled to native code
# (ReadyToRun) for linux-x64 against the shared .NET runtime, into ${1:-artifacts/publish}:
#
#   <out>/host/Modular.Host.dll     run with: dotnet <out>/host/Modular.Host.dll --urls http://127.0.0.1:5000
#   <out>/plugins/<Module>/         the plugins folder (Modular:PluginsPath=<out>/plugins)
#
# ReadyToRun moves most of a start's JIT (the host's, the modules' and their packages' code: Marten, Npgsql, Autofac,
# Serilog, OpenXML) to the publish; the code is still IL as well, and the runtime's tiered JIT replaces the hot
# methods with optimised code as they run. What it changes, measured side by side: bench/startup-results.md.
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
OUT="$(mkdir -p "${1:-$REPO/artifacts/publish}" && cd "${1:-$REPO/artifacts/publish}" && pwd)"
publish() { # project, output folder
  dotnet publish "$1" -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -nologo -v quiet -o "$2"
}
rm -rf "$OUT/host" "$OUT/plugins"
publish "$REPO/host/Modular.Host/Modular.Host.csproj" "$OUT/host"
for project in "$REPO"/modules/*/Modular.Modules.*/Modular.Modules.*.csproj; do
  grep -q '<ModularPlugin>module</ModularPlugin>' "$project" || continue # the modules' test projects
  name="$(basename "$project" .csproj)"
  publish "$project" "$OUT/plugins/$name"
  # A plugin's static files are served from <plugin>/wwwroot, as the build's install step lays them out.
  if [ -d "$(dirname "$project")/wwwroot" ]; then
    mkdir -p "$OUT/plugins/$name/wwwroot" && cp -r "$(dirname "$project")/wwwroot/." "$OUT/plugins/$name/wwwroot/"
  fi
done
echo "published to $OUT: host/Modular.Host.dll and plugins/ ($(ls "$OUT/plugins" | tr '\n' ' '))"
