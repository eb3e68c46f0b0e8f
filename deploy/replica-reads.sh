#!/usr/bin/env bash
# Ledger reads per second against host 1 of deploy/cluster.sh (README "Read replicas"): wrk, 2 threads, 8 connections,
# 10 s of GET /api/t/yemachuan/mediation/disputes as the demo's mediator, straight at the host (not through nginx).
# Start the set with MODULAR_CLUSTER_REPLICA=1 or without it and compare; run it under /work/heavy --quiet.
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=deploy/demo-sign-in.sh
. "$REPO/deploy/demo-sign-in.sh"
DIR="${MODULAR_CLUSTER_DIR:-$REPO/.data/cluster}"
HOST="http://127.0.0.1:${MODULAR_CLUSTER_HOST_PORT:-5101}"
cookie="$(demo_mediator_cookie "$HOST" "$DIR")"
echo "read-replica: $(curl -s "$HOST/health/ready" | python3 -c 'import json,sys; print(json.load(sys.stdin)["checks"]["read-replica"]["description"])')"
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"
wrk -t2 -c8 -d10s --timeout 10s -H "Cookie: modular.session=$cookie" "$HOST/api/t/yemachuan/mediation/disputes" | grep -E "Requests/sec|Latency|Non-2xx|requests in"
