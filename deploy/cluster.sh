#!/usr/bin/env bash
# Several hosts behind nginx on one PostgreSQL, all on loopback (README "Running at scale"):
#
#   deploy/cluster.sh start          PostgreSQL, N hosts (default 3), nginx in front, a supervisor checking /health/ready
#   deploy/cluster.sh status         what runs, each host's /health/ready answer and which one runs the projection daemon
#   deploy/cluster.sh kill N         kill -9 host N (1..N), as a crash would
#   deploy/cluster.sh start-host N   start host N again (after a kill)
#   deploy/cluster.sh stop           stop everything it started; nothing is left running
#
# nginx listens on 127.0.0.1:${MODULAR_CLUSTER_PORT:-8080}, the hosts on 127.0.0.1:5101, 5102, … and PostgreSQL on
# 127.0.0.1:54339, in ${MODULAR_CLUSTER_DIR:-.data/cluster} (data, logs, pid files, nginx's configuration, secrets).
# What drives nginx's choice: the supervisor polls every host's /health/ready every second and marks a host that does
# not answer 200 "down" in the upstream (nginx is reloaded when the set changes); between two polls nginx's own passive
# checks apply: a host that refuses or drops a connection is skipped for 10 s (max_fails=1 fail_timeout=10s), and a
# request that failed on it is passed to the next host when that is safe (proxy_next_upstream: always when nothing
# was sent yet, otherwise only for idempotent methods; a POST in flight on a host that dies answers 502).
# MODULAR_CLUSTER_REPLICA=1 adds a streaming standby of PostgreSQL on the next port (pg_basebackup -R), and the hosts
# read the lag-tolerant pages and APIs from it (Modular:ReadReplica:ConnectionString; README "Read replicas").
set -euo pipefail

REPO="$(cd "$(dirname "$0")/.." && pwd)"
DIR="${MODULAR_CLUSTER_DIR:-$REPO/.data/cluster}"
HOSTS="${MODULAR_CLUSTER_HOSTS:-3}"
PG_PORT="${MODULAR_CLUSTER_PG_PORT:-54339}"
HOST_PORT="${MODULAR_CLUSTER_HOST_PORT:-5101}"
PROXY_PORT="${MODULAR_CLUSTER_PORT:-8080}"
CHECK_SECONDS="${MODULAR_CLUSTER_CHECK_SECONDS:-1}"
PG_BIN=/usr/lib/postgresql/15/bin
REPLICA="${MODULAR_CLUSTER_REPLICA:-0}"
REPLICA_PORT="${MODULAR_CLUSTER_REPLICA_PORT:-$((PG_PORT + 1))}"
HOST_DLL="$REPO/host/Modular.Host/bin/Release/net10.0/Modular.Host.dll"
RUN="$DIR/run"
LOGS="$DIR/logs"
NGINX="$DIR/nginx"

log() { printf '%s %s\n' "$(date -u +%H:%M:%S.%3N)" "$*"; }

as_postgres() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

host_port() { echo $((HOST_PORT + $1 - 1)); }

ready_code() { curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$(host_port "$1")/health/ready" || true; }

secret() { # a file of the cluster's secrets, made once
    local file="$DIR/secrets/$1"
    if [ ! -s "$file" ]; then
        mkdir -p "$DIR/secrets" && chmod 700 "$DIR/secrets"
        (umask 077 && case "$1" in
            data-protection.key) openssl rand -base64 32 ;;
            *) printf 'Cl-%s-9a!\n' "$(openssl rand -hex 8)" ;; # passes the policy: upper, lower, digits, symbols
        esac >"$file")
    fi
    cat "$file"
}

start_postgres() {
    mkdir -p "$DIR/postgres"
    if [ "$(id -u)" = 0 ]; then
        chown -R postgres:postgres "$DIR/postgres"
        local d="$DIR"; while [ "$d" != / ]; do chmod o+x "$d"; d="$(dirname "$d")"; done
    fi
    [ -f "$DIR/postgres/pgdata/PG_VERSION" ] || as_postgres "$PG_BIN/initdb" -D "$DIR/postgres/pgdata" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$DIR/postgres/initdb.log"
    if ! as_postgres "$PG_BIN/pg_ctl" -D "$DIR/postgres/pgdata" status >/dev/null 2>&1; then
        as_postgres "$PG_BIN/pg_ctl" -D "$DIR/postgres/pgdata" -l "$DIR/postgres/postgres.log" -w -t 60 start \
            -o "-p $PG_PORT -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=256MB" >/dev/null
    fi
    as_postgres "$PG_BIN/createdb" -h 127.0.0.1 -p "$PG_PORT" -U postgres modular 2>/dev/null || true
    log "PostgreSQL on 127.0.0.1:$PG_PORT ($DIR/postgres)"
}

start_standby() {
    [ "$REPLICA" = 1 ] || return 0
    mkdir -p "$DIR/standby"
    [ "$(id -u)" = 0 ] && chown -R postgres:postgres "$DIR/standby"
    [ -f "$DIR/standby/pgdata/PG_VERSION" ] || as_postgres "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PG_PORT" -U postgres -D "$DIR/standby/pgdata" -R -X stream -c fast
    if ! as_postgres "$PG_BIN/pg_ctl" -D "$DIR/standby/pgdata" status >/dev/null 2>&1; then
        as_postgres "$PG_BIN/pg_ctl" -D "$DIR/standby/pgdata" -l "$DIR/standby/postgres.log" -w -t 60 start \
            -o "-p $REPLICA_PORT -k /tmp -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=256MB" >/dev/null
    fi
    log "PostgreSQL standby on 127.0.0.1:$REPLICA_PORT ($DIR/standby)"
}

replica_setting() {
    [ "$REPLICA" = 1 ] && echo "Modular__ReadReplica__ConnectionString=Host=127.0.0.1;Port=$REPLICA_PORT;Username=postgres;Database=modular;Pooling=true;Maximum Pool Size=60" \
        || echo "Modular__ReadReplica__ConnectionString="
}

start_host() {
    local i="$1" port; port="$(host_port "$1")"
    if alive "$RUN/host-$i.pid"; then log "host $i already runs (pid $(cat "$RUN/host-$i.pid"))"; return; fi
    mkdir -p "$RUN" "$LOGS/host-$i"
    (cd "$REPO/host/Modular.Host" && exec setsid env \
        ASPNETCORE_ENVIRONMENT=Production \
        ConnectionStrings__Modular="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=modular;Pooling=true;Maximum Pool Size=60" \
        Modular__DataPath="$DIR/data" \
        Modular__LogsPath="$LOGS/host-$i" \
        Modular__DataProtection__KeyEncryptionKeyFile="$DIR/secrets/data-protection.key" \
        Modular__Admin__Password="$(secret admin-password)" \
        Modular__DemoPassword="$(secret demo-password)" \
        Modular__Proxy__KnownProxies__0=127.0.0.1 \
        "$(replica_setting)" \
        dotnet "$HOST_DLL" --urls "http://127.0.0.1:$port" >"$LOGS/host-$i.out" 2>&1 </dev/null) &
    echo $! >"$RUN/host-$i.pid"
    log "host $i starting on 127.0.0.1:$port (pid $!)"
}

wait_ready() {
    local i="$1" waited=0
    until [ "$(ready_code "$i")" = 200 ]; do
        alive "$RUN/host-$i.pid" || { log "host $i exited while starting; see $LOGS/host-$i.out"; tail -20 "$LOGS/host-$i.out"; return 1; }
        sleep 0.5; waited=$((waited + 1))
        [ "$waited" -lt 360 ] || { log "host $i not ready after 3 minutes"; return 1; }
    done
    log "host $i ready"
}

# The upstream block: every host, those whose /health/ready did not answer 200 marked down (all of them up when none
# is ready, so the passive checks decide rather than nginx refusing everything).
upstream_conf() {
    local codes=("$@") i any=0
    for i in $(seq 1 "$HOSTS"); do [ "${codes[$((i - 1))]}" = 200 ] && any=1; done
    echo "upstream modular {"
    for i in $(seq 1 "$HOSTS"); do
        local down=""; [ "$any" = 1 ] && [ "${codes[$((i - 1))]}" != 200 ] && down=" down"
        echo "    server 127.0.0.1:$(host_port "$i") max_fails=1 fail_timeout=10s$down;"
    done
    echo "    keepalive 32;"
    echo "}"
}

nginx_cmd() { nginx -p "$NGINX/" -c "$NGINX/nginx.conf" "$@"; }

start_nginx() {
    mkdir -p "$NGINX/tmp" "$RUN"
    local codes=() i
    for i in $(seq 1 "$HOSTS"); do codes+=("$(ready_code "$i")"); done
    upstream_conf "${codes[@]}" >"$NGINX/upstream.conf"
    cat >"$NGINX/nginx.conf" <<EOF
# Generated by deploy/cluster.sh; the upstream is rewritten by its supervisor from the hosts' /health/ready.
worker_processes 1;
pid $RUN/nginx.pid;
error_log $NGINX/error.log warn;
events { worker_connections 1024; }
http {
    # One line per request: when, method, answer, which hosts it went to (several when it was passed on) and their answers.
    log_format upstreams '\$msec|\$request_method|\$status|\$upstream_addr|\$upstream_status|\$request_time|\$uri';
    access_log $NGINX/access.log upstreams;
    client_body_temp_path $NGINX/tmp/body;
    proxy_temp_path $NGINX/tmp/proxy;
    fastcgi_temp_path $NGINX/tmp/fastcgi;
    uwsgi_temp_path $NGINX/tmp/uwsgi;
    scgi_temp_path $NGINX/tmp/scgi;
    server_tokens off;
    include $NGINX/upstream.conf;
    server {
        listen 127.0.0.1:$PROXY_PORT;
        client_max_body_size 30m;
        location / {
            proxy_pass http://modular;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Host \$host;
            proxy_set_header X-Forwarded-For \$remote_addr;
            proxy_set_header X-Forwarded-Proto \$scheme;
            proxy_set_header X-Forwarded-Host "";
            # A host that is gone refuses at once on loopback; one that hangs is given up after 2 s.
            proxy_connect_timeout 2s;
            proxy_read_timeout 120s;
            # Passed to the next host: a refused or dropped connection, and a host's 502/503/504 (503: its database
            # is away). Never a POST, PATCH or LOCK once it was sent (no non_idempotent): it may have been done.
            proxy_next_upstream error timeout http_502 http_503 http_504;
            proxy_next_upstream_tries 3;
            proxy_next_upstream_timeout 10s;
        }
    }
}
EOF
    nginx_cmd -t -q
    nginx_cmd
    log "nginx on http://127.0.0.1:$PROXY_PORT (upstream: $(grep -c 'server 127' "$NGINX/upstream.conf") hosts, $(grep -c ' down;' "$NGINX/upstream.conf") down)"
}

supervise() {
    local last codes i now
    last="$(cat "$NGINX/upstream.conf" 2>/dev/null || true)"
    while true; do
        codes=()
        for i in $(seq 1 "$HOSTS"); do codes+=("$(ready_code "$i")"); done
        now="$(upstream_conf "${codes[@]}")"
        if [ "$now" != "$last" ]; then
            printf '%s\n' "$now" >"$NGINX/upstream.conf"
            if nginx_cmd -s reload; then log "ready answers ${codes[*]}: upstream rewritten, nginx reloaded"; else log "nginx reload failed"; fi
            last="$now"
        fi
        sleep "$CHECK_SECONDS"
    done
}

start_supervisor() {
    if alive "$RUN/supervisor.pid"; then return; fi
    setsid "$0" supervise >>"$LOGS/supervisor.log" 2>&1 </dev/null &
    echo $! >"$RUN/supervisor.pid"
    log "supervisor polling /health/ready every ${CHECK_SECONDS}s (pid $!, $LOGS/supervisor.log)"
}

stop_pid() { # name, pid file, signal, seconds to wait before KILL, and "group" for a process started with setsid
    local pidfile="$2" pid target waited=0
    alive "$pidfile" || { rm -f "$pidfile"; return 0; }
    pid="$(cat "$pidfile")"
    target="$pid"; [ "${5:-}" = group ] && target="-$pid" # its whole process group: nothing it started outlives it
    kill "-$3" -- "$target" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt $(($4 * 10)) ]; do sleep 0.1; waited=$((waited + 1)); done
    if kill -0 "$pid" 2>/dev/null; then kill -KILL -- "$target" 2>/dev/null || true; log "$1 killed after ${4}s"; fi
    rm -f "$pidfile"
    log "$1 stopped"
}

status() {
    local i code
    alive "$RUN/nginx.pid" && echo "nginx       http://127.0.0.1:$PROXY_PORT  pid $(cat "$RUN/nginx.pid")" || echo "nginx       stopped"
    alive "$RUN/supervisor.pid" && echo "supervisor  pid $(cat "$RUN/supervisor.pid")" || echo "supervisor  stopped"
    as_postgres "$PG_BIN/pg_ctl" -D "$DIR/postgres/pgdata" status >/dev/null 2>&1 && echo "postgresql  127.0.0.1:$PG_PORT" || echo "postgresql  stopped"
    if [ "$REPLICA" = 1 ]; then
        [ -f "$DIR/standby/pgdata/PG_VERSION" ] && as_postgres "$PG_BIN/pg_ctl" -D "$DIR/standby/pgdata" status >/dev/null 2>&1 \
            && echo "standby     127.0.0.1:$REPLICA_PORT" || echo "standby     stopped"
    fi
    for i in $(seq 1 "$HOSTS"); do
        if alive "$RUN/host-$i.pid"; then
            code="$(ready_code "$i")"
            local shards
            shards="$(curl -s --max-time 2 "http://127.0.0.1:$(host_port "$i")/health/ready" | grep -o '"shards":{[^}]*}' || true)"
            echo "host $i      http://127.0.0.1:$(host_port "$i")  pid $(cat "$RUN/host-$i.pid")  ready $code  daemon ${shards#\"shards\":}"
        else
            echo "host $i      stopped"
        fi
    done
    grep -o 'server [^;]*' "$NGINX/upstream.conf" 2>/dev/null | sed 's/^/upstream    /' || true
}

case "${1:-}" in
    start)
        [ -f "$HOST_DLL" ] || dotnet build "$REPO/Modular.sln" -c Release -nologo -v quiet
        mkdir -p "$RUN" "$LOGS"
        secret data-protection.key >/dev/null
        start_postgres
        start_standby
        # The first host alone applies the schema and seeds; the others then start side by side.
        start_host 1 && wait_ready 1
        for i in $(seq 2 "$HOSTS"); do start_host "$i"; done
        for i in $(seq 2 "$HOSTS"); do wait_ready "$i"; done
        alive "$RUN/nginx.pid" || start_nginx
        start_supervisor
        log "admin password: $DIR/secrets/admin-password; demo users' password: $DIR/secrets/demo-password"
        ;;
    stop)
        stop_pid supervisor "$RUN/supervisor.pid" TERM 5 group
        stop_pid nginx "$RUN/nginx.pid" QUIT 10
        for i in $(seq 1 "$HOSTS"); do stop_pid "host $i" "$RUN/host-$i.pid" TERM 20 group; done
        if as_postgres "$PG_BIN/pg_ctl" -D "$DIR/postgres/pgdata" status >/dev/null 2>&1; then
            as_postgres "$PG_BIN/pg_ctl" -D "$DIR/postgres/pgdata" -m fast -w stop >/dev/null && log "PostgreSQL stopped"
        fi
        if [ -f "$DIR/standby/pgdata/PG_VERSION" ] && as_postgres "$PG_BIN/pg_ctl" -D "$DIR/standby/pgdata" status >/dev/null 2>&1; then
            as_postgres "$PG_BIN/pg_ctl" -D "$DIR/standby/pgdata" -m fast -w stop >/dev/null && log "PostgreSQL standby stopped"
        fi
        ;;
    status) status ;;
    kill)
        i="${2:?which host: 1..$HOSTS}"
        alive "$RUN/host-$i.pid" || { log "host $i does not run"; exit 1; }
        kill -KILL "$(cat "$RUN/host-$i.pid")"
        log "host $i killed (kill -9, pid $(cat "$RUN/host-$i.pid"))"
        rm -f "$RUN/host-$i.pid"
        ;;
    start-host) start_host "${2:?which host: 1..$HOSTS}" && wait_ready "$2" ;;
    supervise) supervise ;;
    *) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
