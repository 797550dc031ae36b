#!/usr/bin/env bash
# Build the zc.buildout instance, create the site, serve it once and fetch its
# front page. Used by CI (.ci/run) and `make buildout-smoke`.
set -euo pipefail
cd "$(dirname "$0")/.."
make buildout
bin/instance run scripts/buildout_create_site.py --no-demo 2>/dev/null | tail -1
address=$(sed -n 's/^http-address = //p' buildout.cfg)
log=$(mktemp)
# Its own process group, so that the Zope process that `bin/instance fg`
# starts is stopped with it.
setsid bin/instance fg >"$log" 2>&1 &
pid=$!
trap 'kill -TERM -- -$pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 90); do
  if page=$(curl -fsS "http://$address/dakto" 2>/dev/null); then
    if grep -q 'class="dakto-body-name"' <<<"$page"; then
      echo "buildout instance serves http://$address/dakto"
      exit 0
    fi
    echo "buildout-smoke: the page at http://$address/dakto lacks the portal header" >&2
    exit 1
  fi
  kill -0 $pid 2>/dev/null || { echo "buildout-smoke: bin/instance fg exited:" >&2; tail -20 "$log" >&2; exit 1; }
  sleep 2
done
echo "buildout-smoke: http://$address/dakto did not answer in 180 s" >&2
tail -20 "$log" >&2
exit 1
