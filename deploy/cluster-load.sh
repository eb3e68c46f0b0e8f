#!/usr/bin/env bash
# A bounded load run through nginx with one host killed in the middle (README "Running at scale"), loopback only:
#
#   deploy/cluster-load.sh [seconds=30] [kill-at=10]
#
# Uses the set of deploy/cluster.sh (starts it when it is not running, and stops it again at the end if it did).
# wrk with CONNECTIONS (16) connections reads the mediation ledger of 野马川镇 as the demo's mediator through nginx,
# every 20th request a dispute taken in (POST); at kill-at seconds the host running the projection daemon (VICTIM=N
# names another) is killed with kill -9. nginx's access log (which hosts each request went to, and their answers) is
# then read: requests, failures and requests passed on to another host, before the kill, during the 5 s after it, and
# after; every failed request is listed. The host is started again afterwards. Prints a Markdown report.
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=deploy/demo-sign-in.sh
. "$REPO/deploy/demo-sign-in.sh"
DIR="${MODULAR_CLUSTER_DIR:-$REPO/.data/cluster}"
PROXY="http://127.0.0.1:${MODULAR_CLUSTER_PORT:-8080}"
DURATION="${1:-30}"
KILL_AT="${2:-10}"
CONNECTIONS="${CONNECTIONS:-16}"
CLUSTER="$REPO/deploy/cluster.sh"
WINDOW_MS=5000

started_here=0
state="$("$CLUSTER" status)" # read whole: grep -q in a pipe would cut status short (and pipefail fail it)
if ! grep -q '^nginx .*pid' <<<"$state"; then "$CLUSTER" start >&2; started_here=1; fi
for i in $(seq 1 "${MODULAR_CLUSTER_HOSTS:-3}"); do
    grep -q "^host $i .*ready 200" <<<"$("$CLUSTER" status)" || "$CLUSTER" start-host "$i" >&2
done

victim="${VICTIM:-$("$CLUSTER" status | awk '/^host .*integration-events/ {print $2}' | head -1)}"
victim="${victim:-2}"
cookie="$(demo_mediator_cookie "$PROXY" "$DIR")"

log="$DIR/nginx/access.log"
offset="$(stat -c %s "$log")"
load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
start_ms="$(date +%s%3N)"
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s -s "$REPO/deploy/cluster-load.lua" \
    -H "Cookie: modular.session=$cookie" "$PROXY" >"$DIR/wrk.out" 2>&1 &
wrk_pid=$!
sleep "$KILL_AT"
kill_ms="$(date +%s%3N)"
"$CLUSTER" kill "$victim" >&2
wait "$wrk_pid"
end_ms="$(date +%s%3N)"
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"
sleep 2 # the supervisor's next poll has seen the host gone: the report can say who runs the daemon now
daemon_now="$("$CLUSTER" status | awk '/integration-events/ {print $1, $2}' | head -1)"
tail -c +"$((offset + 1))" "$log" >"$DIR/load-run.log"

echo "### Load through nginx, host $victim killed (kill -9) after ${KILL_AT} s of ${DURATION} s"
echo
echo "\`deploy/cluster-load.sh $DURATION $KILL_AT\` ($(date -u '+%Y-%m-%d %H:%M') UTC, ${CONNECTIONS} connections, load average $load_before at the start, $load_after at the end). The projection daemon now runs on: ${daemon_now:-?}."
echo
awk -F'|' -v start="$start_ms" -v kill="$kill_ms" -v stop="$end_ms" -v window="$WINDOW_MS" -v victim_port="$((${MODULAR_CLUSTER_HOST_PORT:-5101} + victim - 1))" '
    $7 !~ /^\/api\/t\/yemachuan\/mediation\/disputes$/ { next }
    {
        t = $1 * 1000
        # wrk closes its connections when its time is up: nginx logs what was then in flight as 499. Not a failure.
        if ($3 == 499 && t >= stop - 500) { cut++; next }
        phase = t < kill ? 1 : (t < kill + window ? 2 : 3)
        n[phase]++; m[phase, $2]++
        if ($3 !~ /^2/) { failed[phase]++; fm[phase, $2]++; failures[++f] = $0 }
        if ($4 ~ /,/) { passed[phase]++; pm[phase, $2]++; if ($3 ~ /^2/) saved[phase]++ }
        if (index($4, ":" victim_port)) onvictim[phase]++
    }
    END {
        secs[1] = (kill - start) / 1000; secs[2] = window / 1000; secs[3] = (stop - kill - window) / 1000
        name[1] = "before the kill"; name[2] = "the 5 s after it"; name[3] = "after that"
        print "| phase | seconds | requests (GET / POST) | requests/s | failed (GET / POST) | passed on to another host (answered 2xx) | sent to the killed host |"
        print "|---|---:|---:|---:|---:|---:|---:|"
        for (p = 1; p <= 3; p++)
            printf "| %s | %.1f | %d (%d / %d) | %.0f | %d (%d / %d) | %d (%d) | %d |\n", name[p], secs[p], n[p], m[p, "GET"], m[p, "POST"], n[p] / secs[p], failed[p], fm[p, "GET"], fm[p, "POST"], passed[p], saved[p], onvictim[p]
        print ""
        if (cut) printf "(%d requests still in flight when wrk stopped, logged 499, are left out.)\n\n", cut
        if (f == 0) print "No request failed."
        else {
            print "Every failed request (nginx access log: end time|method|answer|hosts tried|their answers|seconds|path):"
            print ""
            print "```"
            for (i = 1; i <= f; i++) print failures[i]
            print "```"
        }
    }' "$DIR/load-run.log"
echo
echo "wrk's own summary:"
echo
echo '```'
grep -E "requests in|Requests/sec|Socket errors|Non-2xx" "$DIR/wrk.out" || true
echo '```'

"$CLUSTER" start-host "$victim" >&2
[ "$started_here" = 0 ] || "$CLUSTER" stop >&2
