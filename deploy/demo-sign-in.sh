# Sourced by the deploy scripts that load the set of deploy/cluster.sh (cluster-load.sh, replica-reads.sh).
#
#   cookie="$(demo_mediator_cookie URL DIR)"
#
# Signs in at URL (a host, or nginx) as the demo's mediator with the password in DIR/secrets/demo-password and prints
# the session cookie's value; fails (with the status it got) when the sign-in is refused.
demo_mediator_cookie() {
    local url="$1" dir="$2" jar code
    jar="$(mktemp)"
    code="$(curl -s -c "$jar" -o /dev/null -w '%{http_code}' -H 'content-type: application/json' \
        -d "{\"userName\":\"mediation.mediator\",\"password\":\"$(cat "$dir/secrets/demo-password")\"}" "$url/api/auth/login")"
    if [ "$code" != 204 ]; then
        rm -f "$jar"
        echo "sign-in at $url answered $code" >&2
        return 1
    fi
    awk '$6 == "modular.session" {print $7}' "$jar"
    rm -f "$jar"
}
