#!/bin/bash
# Two builds of the host serving one database, measured one after the other with the same wrk windows, target by target.
# Start each host on the cluster a run left with --keep true (a copy of main's build on one port, this build on another):
#   cd host/Modular.Host && ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Modular='Host=127.0.0.1;Port=<pg>;Username=postgres;Database=bench' \
#     Modular__PluginsPath=<plugins> Modular__Demo=true Modular__Admin__Password=Bench-Admin-Passw0rd dotnet <bin>/Modular.Host.dll --urls http://127.0.0.1:<port>
# sign in (POST /api/auth/login as benchhead) and put "modular.session=<value>" in a file, then, in the benchmark lock:
#   flock -o /work/bench.lock bench/Modular.Benchmarks.Mediation/side-by-side.sh <cookie-file> <connections> <seconds> <portA> <portB> <path>...
cookie=$(cat "$1"); c=$2; d=$3; a=$4; b=$5; shift 5
for path in "$@"; do
  for port in $a $b; do
    wrk -t2 -c"$c" -d3s -H "Cookie: $cookie" "http://127.0.0.1:$port$path" > /dev/null 2>&1
    out=$(wrk -t2 -c"$c" -d"${d}s" --latency -H "Cookie: $cookie" "http://127.0.0.1:$port$path")
    rps=$(echo "$out" | awk '/Requests\/sec/ {print $2}')
    p50=$(echo "$out" | awk '$1=="50%" {print $2}')
    p99=$(echo "$out" | awk '$1=="99%" {print $2}')
    non=$(echo "$out" | awk '/Non-2xx/ {print $NF}')
    echo "$(date +%H:%M:%S) port=$port c=$c $path rps=$rps p50=$p50 p99=$p99 non2xx=${non:-0} load=$(cut -d' ' -f1-3 /proc/loadavg)"
  done
done
