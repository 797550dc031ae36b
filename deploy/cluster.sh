#!/usr/bin/env bash
# Several Zope processes of the portal on RelStorage/PostgreSQL behind HAProxy
# (and optionally Varnish in front), on this machine: ONE command.
#
#   deploy/cluster.sh start     # PostgreSQL (unless DAKTO_PG_DSN), the site, N Zope, HAProxy
#   deploy/cluster.sh status    # what runs, HAProxy's view of each Zope process
#   deploy/cluster.sh stop      # stops all of it (the data stays in the cluster folder)
#   make cluster / make cluster-stop / make cluster-status   # the same
#
# Settings (environment; defaults in brackets):
#   DAKTO_CLUSTER_DIR      folder of everything the cluster writes [var/cluster]
#   DAKTO_CLUSTER_SIZE     number of Zope processes [2]
#   DAKTO_CLUSTER_PORT     first Zope port; the others follow [8081]
#   DAKTO_HAPROXY_PORT     HAProxy's port, the address of the portal [8080]
#   DAKTO_HAPROXY_STATS    HAProxy's statistics page (/stats) [8404]
#   DAKTO_VARNISH_PORT     if set, Varnish on this port in front of HAProxy,
#                          purged by the Zope processes (DAKTO_PURGE_URL)
#   DAKTO_PG_DSN           an existing PostgreSQL database; if empty, a local
#                          PostgreSQL cluster in $DAKTO_CLUSTER_DIR/postgres
#   DAKTO_CLUSTER_PG_PORT  its port [5433]
#   DAKTO_ZMI_ALLOW        addresses/networks (spaces or commas) that may reach
#                          the ZMI through HAProxy and Varnish; every other
#                          client gets a 403 there [127.0.0.1 ::1]
#   DAKTO_CLUSTER_SITES    number of sites [1]: the site dakto, then xa-2 …
#                          xa-N created with `dakto add-site` (demo content
#                          if DAKTO_DEMO=1), each on its own host name
#   DAKTO_CLUSTER_DOMAIN   their domain: xa-2.<this> … [quangngai.localhost]
#   DAKTO_CLUSTER_PROVINCE their province [Quảng Ngãi]
#   DAKTO_THREADS, DAKTO_ADMIN_PASSWORD, DAKTO_DEMO: as for `dakto start`.
# Every site is served by its host name (the Zope root's host map written by
# `dakto sync-hosts`, docs/platform-storage.md): e.g.
#   curl -H 'Host: xa-2.quangngai.localhost' http://127.0.0.1:$DAKTO_VARNISH_PORT/
# Every process listens on 127.0.0.1 only.
set -euo pipefail

REPO="$(cd "$(dirname "$0")/.." && pwd)"
DAKTO="${DAKTO_BIN:-$REPO/.venv/bin/dakto}"
DIR="${DAKTO_CLUSTER_DIR:-$REPO/var/cluster}"
SIZE="${DAKTO_CLUSTER_SIZE:-2}"
FIRST_PORT="${DAKTO_CLUSTER_PORT:-8081}"
HAPROXY_PORT="${DAKTO_HAPROXY_PORT:-8080}"
STATS_PORT="${DAKTO_HAPROXY_STATS:-8404}"
VARNISH_PORT="${DAKTO_VARNISH_PORT:-}"
PG_PORT="${DAKTO_CLUSTER_PG_PORT:-5433}"
THREADS="${DAKTO_THREADS:-4}"
ZMI_ALLOW="${DAKTO_ZMI_ALLOW:-}"  # empty: deploy/render.py's default (this machine)
SITE=dakto
SITES="${DAKTO_CLUSTER_SITES:-1}"
DOMAIN="${DAKTO_CLUSTER_DOMAIN:-quangngai.localhost}"
PROVINCE="${DAKTO_CLUSTER_PROVINCE:-Quảng Ngãi}"
export DAKTO_INSTANCE="${DAKTO_INSTANCE:-$REPO/instance}"

say() { printf 'cluster: %s\n' "$*"; }
die() { printf 'cluster: error: %s\n' "$*" >&2; exit 1; }

program() {  # program NAME: its path, also in sbin folders off PATH
  command -v "$1" 2>/dev/null && return
  for d in /usr/sbin /usr/local/sbin /sbin; do
    [ -x "$d/$1" ] && { echo "$d/$1"; return; }
  done
  return 1
}

alive() {  # alive PIDFILE: its process runs (a zombie, killed and not reaped, does not)
  [ -f "$1" ] || return 1
  local state
  state=$(ps -o stat= -p "$(cat "$1")" 2>/dev/null) || return 1
  [ -n "$state" ] && [ "${state:0:1}" != Z ]
}

wait_http() {  # wait_http URL SECONDS PIDFILE
  local deadline=$((SECONDS + $2))
  while [ $SECONDS -lt $deadline ]; do
    if [ -n "${3:-}" ] && ! alive "$3"; then return 1; fi
    curl -fsS -o /dev/null --max-time 5 "$1" 2>/dev/null && return 0
    sleep 1
  done
  return 1
}

# --- PostgreSQL -------------------------------------------------------------
pg_bindir() {
  local found
  found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$found" ] && { echo "$found"; return; }
  dirname "$(command -v initdb)" 2>/dev/null || die "PostgreSQL is not installed (scripts/install-deploy-tools.sh)"
}

as_pg() {  # initdb/pg_ctl refuse root: run them as Debian's postgres user
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_start() {
  local bin data="$DIR/postgres/data"
  bin=$(pg_bindir)
  mkdir -p "$DIR/postgres"
  if [ "$(id -u)" = 0 ]; then chown postgres "$DIR/postgres"; chmod o+x "$DIR"; fi
  if [ ! -f "$data/PG_VERSION" ]; then
    say "creating the PostgreSQL cluster in $data"
    as_pg "$bin/initdb" -D "$data" -A trust -U dakto -E UTF8 --no-locale >"$DIR/postgres/initdb.log"
  fi
  if ! as_pg "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    as_pg "$bin/pg_ctl" -D "$data" -l "$DIR/postgres/postgres.log" -w -t 60 \
      -o "-p $PG_PORT -k $DIR/postgres -c listen_addresses=127.0.0.1" start >/dev/null
  fi
  "$bin/psql" -h 127.0.0.1 -p "$PG_PORT" -U dakto -d postgres -tAc \
    "SELECT 1 FROM pg_database WHERE datname='dakto'" | grep -q 1 ||
    "$bin/createdb" -h 127.0.0.1 -p "$PG_PORT" -U dakto dakto
  DSN="dbname=dakto host=127.0.0.1 port=$PG_PORT user=dakto"
}

pg_stop() {
  local data="$DIR/postgres/data"
  [ -f "$data/PG_VERSION" ] || return 0
  as_pg "$(pg_bindir)/pg_ctl" -D "$data" -w -t 60 -m fast stop >/dev/null 2>&1 || true
}

# --- Zope -------------------------------------------------------------------
zope_env() {  # zope_env N: sets ZENV, the environment of process N
  ZENV=(DAKTO_STORAGE=relstorage "DAKTO_PG_DSN=$DSN" "DAKTO_VAR=$DIR/zope$1"
    DAKTO_HOST=127.0.0.1 "DAKTO_PORT=$((FIRST_PORT + $1 - 1))" "DAKTO_THREADS=$THREADS"
    "DAKTO_PURGE_URL=${VARNISH_PORT:+http://127.0.0.1:$VARNISH_PORT}")
}

zope_start() {
  local n port pidfile
  say "creating the site if it is missing (first start: a minute or two)"
  zope_env 1
  env "${ZENV[@]}" "$DAKTO" create-site >"$DIR/create-site.log" 2>&1 ||
    die "dakto create-site failed: $(tail -3 "$DIR/create-site.log")"
  sites_create
  for n in $(seq 1 "$SIZE"); do
    pidfile="$DIR/zope$n.pid"
    if alive "$pidfile"; then say "zope$n runs already"; continue; fi
    port=$((FIRST_PORT + n - 1))
    mkdir -p "$DIR/zope$n"
    zope_env "$n"
    # env, nohup and dakto exec one another: $! is the Zope process itself
    env "${ZENV[@]}" nohup "$DAKTO" serve >"$DIR/zope$n.out" 2>&1 </dev/null &
    echo $! >"$pidfile"
  done
  for n in $(seq 1 "$SIZE"); do
    port=$((FIRST_PORT + n - 1))
    wait_http "http://127.0.0.1:$port/$SITE/@@ok" 180 "$DIR/zope$n.pid" ||
      die "zope$n (port $port) did not start: $(tail -5 "$DIR/zope$n.out")"
    say "zope$n serves on 127.0.0.1:$port (pid $(cat "$DIR/zope$n.pid"))"
  done
}

sites_create() {  # the sites xa-2 … xa-$SITES (missing ones), then the host map
  [ "$SITES" -gt 1 ] 2>/dev/null || { [ "$SITES" = 1 ] || die "DAKTO_CLUSTER_SITES=$SITES is not a number of sites"; return 0; }
  local n id existing demo=()
  [ "${DAKTO_DEMO:-1}" = 1 ] && demo=(--demo)
  existing=$(env "${ZENV[@]}" "$DAKTO" list-sites 2>/dev/null || true)
  for n in $(seq 2 "$SITES"); do
    id="xa-$n"
    if grep -qw -- "$id" <<<"$existing"; then continue; fi
    say "creating the site $id ($id.$DOMAIN)"
    env "${ZENV[@]}" "$DAKTO" add-site "$id" --name "Ủy ban nhân dân xã Thử Nghiệm $n" --kind xa \
      --province "$PROVINCE" --domain "$id.$DOMAIN" "${demo[@]}" >>"$DIR/add-site.log" 2>&1 ||
      die "dakto add-site $id failed: $(tail -3 "$DIR/add-site.log")"
  done
  env "${ZENV[@]}" "$DAKTO" sync-hosts >"$DIR/sync-hosts.log" 2>&1 ||
    die "dakto sync-hosts failed: $(tail -3 "$DIR/sync-hosts.log")"
  say "$SITES sites, each on its host name: $(tail -1 "$DIR/sync-hosts.log")"
}

# --- HAProxy and Varnish ----------------------------------------------------
haproxy_start() {
  local haproxy servers="" n
  haproxy=$(program haproxy) || die "haproxy is not installed (scripts/install-deploy-tools.sh)"
  for n in $(seq 1 "$SIZE"); do
    servers+="    server zope$n 127.0.0.1:$((FIRST_PORT + n - 1)) check inter 2s fall 2 rise 2 maxconn $THREADS"$'\n'
  done
  SERVERS="$servers" PORT="$HAPROXY_PORT" STATS="$STATS_PORT" SITE="$SITE" ZMI_ALLOW="$ZMI_ALLOW" \
    "$REPO/.venv/bin/python" "$REPO/deploy/render.py" haproxy "$REPO/deploy/haproxy/haproxy.cfg.in" \
    >"$DIR/haproxy.cfg" || die "cannot write $DIR/haproxy.cfg (DAKTO_ZMI_ALLOW?)"
  "$haproxy" -c -q -f "$DIR/haproxy.cfg" || die "invalid $DIR/haproxy.cfg"
  alive "$DIR/haproxy.pid" && kill "$(cat "$DIR/haproxy.pid")" && sleep 0.5
  "$haproxy" -D -p "$DIR/haproxy.pid" -f "$DIR/haproxy.cfg"
  wait_http "http://127.0.0.1:$HAPROXY_PORT/$SITE/@@ok" 30 || die "HAProxy does not answer on $HAPROXY_PORT"
  say "HAProxy serves the portal at http://127.0.0.1:$HAPROXY_PORT/$SITE (statistics: http://127.0.0.1:$STATS_PORT/stats)"
}

varnish_start() {
  [ -n "$VARNISH_PORT" ] || return 0
  local varnishd
  varnishd=$(program varnishd) || die "varnish is not installed (scripts/install-deploy-tools.sh)"
  mkdir -p "$DIR/varnish"
  cat >"$DIR/varnish/backend.vcl" <<EOF
backend default {
    .host = "127.0.0.1";
    .port = "$HAPROXY_PORT";
    .first_byte_timeout = 120s;
    .probe = { .url = "/$SITE/@@ok"; .interval = 5s; .timeout = 3s; .window = 5; .threshold = 2; }
}
EOF
  ZMI_ALLOW="$ZMI_ALLOW" "$REPO/.venv/bin/python" "$REPO/deploy/render.py" varnish-zmi \
    >"$DIR/varnish/zmi_allow.vcl" || die "cannot write $DIR/varnish/zmi_allow.vcl (DAKTO_ZMI_ALLOW?)"
  # default.vcl is copied next to this backend.vcl and zmi_allow.vcl: an
  # include is looked up next to the including file first.
  cp "$REPO/deploy/varnish/default.vcl" "$DIR/varnish/default.vcl"
  alive "$DIR/varnish.pid" && kill "$(cat "$DIR/varnish.pid")" && sleep 1
  "$varnishd" -a "127.0.0.1:$VARNISH_PORT" -T 127.0.0.1:0 -n "$DIR/varnish/work" \
    -p "vcl_path=$DIR/varnish" -f "$DIR/varnish/default.vcl" \
    -s malloc,256m -P "$DIR/varnish.pid"
  wait_http "http://127.0.0.1:$VARNISH_PORT/$SITE/@@ok" 30 || die "Varnish does not answer on $VARNISH_PORT"
  say "Varnish serves the portal at http://127.0.0.1:$VARNISH_PORT/$SITE (purged by the Zope processes)"
}

stop_pidfile() {  # stop_pidfile FILE NAME
  if alive "$1"; then
    local pid
    pid=$(cat "$1")
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null
    say "$2 stopped"
  fi
  rm -f "$1"
}

cmd_start() {
  [ "$SIZE" -ge 1 ] 2>/dev/null || die "DAKTO_CLUSTER_SIZE=$SIZE is not a number of processes"
  [ -x "$DAKTO" ] || die "$DAKTO is missing: run make install"
  mkdir -p "$DIR"
  if [ -n "${DAKTO_PG_DSN:-}" ]; then DSN="$DAKTO_PG_DSN"; else pg_start; fi
  echo "$DSN" >"$DIR/dsn"
  zope_start
  haproxy_start
  varnish_start
  say "started $SIZE Zope processes; stop them with: deploy/cluster.sh stop"
}

cmd_stop() {
  [ -d "$DIR" ] || { say "nothing runs ($DIR is missing)"; return 0; }
  stop_pidfile "$DIR/varnish.pid" varnish
  stop_pidfile "$DIR/haproxy.pid" haproxy
  for pidfile in "$DIR"/zope*.pid; do
    [ -e "$pidfile" ] || continue
    stop_pidfile "$pidfile" "$(basename "$pidfile" .pid)"
  done
  pg_stop
}

cmd_status() {
  local code=0 pidfile name
  for pidfile in "$DIR"/zope*.pid "$DIR/haproxy.pid" "$DIR/varnish.pid"; do
    [ -e "$pidfile" ] || continue
    name=$(basename "$pidfile" .pid)
    if alive "$pidfile"; then say "$name runs (pid $(cat "$pidfile"))"; else say "$name is DOWN"; code=1; fi
  done
  if curl -fsS --max-time 5 "http://127.0.0.1:$STATS_PORT/stats;csv" 2>/dev/null |
    awk -F, '$1=="zope" && $2!="FRONTEND" && $2!="BACKEND" {print "cluster: HAProxy sees " $2 " " $18}'; then :; fi
  return $code
}

case "${1:-}" in
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  restart) cmd_stop; cmd_start ;;
  *) echo "usage: deploy/cluster.sh start|stop|status|restart (settings: see the top of this file)" >&2; exit 2 ;;
esac
