#!/usr/bin/env bash
# `make install`: create .venv and install the pinned portal into it, one line
# per step with the time it took, and pip's own line per package while it works
# (the first run downloads and installs about 300 packages: a few minutes).
# Usage: scripts/install-python.sh PYTHON VENV
set -euo pipefail
python="${1:?usage: install-python.sh PYTHON VENV}"
venv="${2:?usage: install-python.sh PYTHON VENV}"

command -v "$python" >/dev/null || {
  echo "make install: $python not found: install Python 3.11 (see README)" >&2
  exit 1
}

step() {  # step N TITLE COMMAND…: run COMMAND, then say how long it took
  local n="$1" title="$2" start
  shift 2
  start=$(date +%s)
  echo "make install [$n/3] $title …"
  "$@"
  echo "make install [$n/3] done in $(($(date +%s) - start)) s"
}

# pip's "Collecting …" lines, one per package, show it is working; its warnings
# and errors still reach stderr untouched.
pip_progress() {
  local status
  set +o pipefail
  "$venv/bin/python" -m pip install "$@" \
    | { grep --line-buffered -E '^(Collecting|Obtaining)' || true; } \
    | sed -u 's/^/    /'
  status=${PIPESTATUS[0]}
  set -o pipefail
  return "$status"
}

step 1 "virtual environment $venv ($python)" \
  bash -c "test -x '$venv/bin/python' || '$python' -m venv '$venv'"
step 2 "pip, setuptools, wheel" pip_progress -c constraints.txt pip setuptools wheel
step 3 "Plone 6.2 and the portal (requirements.txt, pinned by constraints.txt)" \
  pip_progress -r requirements.txt
