#!/usr/bin/env bash
# Install the Debian packages the production setup, its tests and the
# benchmarks need (issue 8): varnish (HTTP cache), haproxy (load balancer),
# nginx (the static-file ceiling of the benchmarks), wrk (load generator),
# and postgresql (RelStorage). Only what is missing; needs root on Debian.
# Without root or apt-get it lists what is missing and stops with status 1.
set -euo pipefail

missing=()
command -v varnishd >/dev/null || [ -x /usr/sbin/varnishd ] || missing+=(varnish)
command -v haproxy >/dev/null || [ -x /usr/sbin/haproxy ] || missing+=(haproxy)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=(nginx)
command -v wrk >/dev/null || missing+=(wrk)
compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null || missing+=(postgresql)

if [ ${#missing[@]} -eq 0 ]; then
  echo "deploy tools: all installed (varnish, haproxy, nginx, wrk, postgresql)"
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "deploy tools missing: ${missing[*]}" >&2
  echo "install them as root: apt-get install ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# The packages' own services are not wanted: the cluster and the tests start
# their own varnishd/haproxy/nginx on free ports. policy-rc.d stops the
# postinst scripts from starting them (where a service manager runs at all).
policy=/usr/sbin/policy-rc.d
created_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' > "$policy"
  chmod +x "$policy"
  created_policy=1
fi
trap '[ "$created_policy" = 1 ] && rm -f "$policy"' EXIT
apt-get install -y -qq --no-install-recommends "${missing[@]}"
echo "deploy tools installed: ${missing[*]}"
