#!/usr/bin/env bash
# Where the host's CPU goes per request, stage by stage: runs the host benchmark with a long warm-up, samples the
# host's threads with dotnet-trace for 30 s in the middle of it (16 connections on the authenticated ledger read), and
# sorts every sample that was running (CPU_TIME, or native crypto / socket writes) into the deepest pipeline stage on
# its stack (stages.py). Needs `dotnet tool install -g dotnet-trace` and a Release build of bench/Modular.Benchmarks.
# Usage: bench/profile/profile-host.sh [output folder]   (overwrites bench/results.md with a short run; restore it)
set -euo pipefail
cd "$(dirname "$0")/../.."
out=${1:-/tmp/host-profile}
mkdir -p "$out"
dotnet run -c Release --no-build --project bench/Modular.Benchmarks -- --starts 1 --warmup 75 --rounds 1 --duration 5 --concurrency 16 --load wrk > "$out/bench.out" 2> "$out/bench.err" &
bench=$!
until grep -q "host, 16 connections: .* warm-up" "$out/bench.err" 2>/dev/null; do
  sleep 1
  kill -0 $bench 2>/dev/null || { echo "the benchmark stopped early: $out/bench.err"; exit 1; }
done
sleep 15
# This checkout's host: other hosts (another checkout's benchmark or tests) may be running beside it.
root=$(pwd)
pid=$(for p in $(pgrep -f "Modular.Host.dll --urls"); do [ "$(readlink "/proc/$p/cwd")" = "$root/host/Modular.Host" ] && echo "$p"; done | head -1)
~/.dotnet/tools/dotnet-trace collect -p "$pid" --profile dotnet-sampled-thread-time --duration 00:00:00:30 -o "$out/host.nettrace" > "$out/trace.log"
wait $bench
~/.dotnet/tools/dotnet-trace convert "$out/host.nettrace" --format Speedscope -o "$out/host.speedscope.json" > /dev/null
python3 bench/profile/stages.py "$out/host.speedscope.speedscope.json"
