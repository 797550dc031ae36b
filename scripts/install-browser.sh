#!/usr/bin/env bash
# What the browser suite (tests/browser) needs beyond Python: Debian's
# chromium and chromium-driver, a Java runtime (the Nu HTML Checker,
# tests/browser/test_html_valid.py), and axe-core and vnu-jar from npm into
# node_modules/ (package.json pins them).
# Safe to repeat; installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver
  else
    echo "install-browser: chromium and chromium-driver are missing; as root: apt-get install chromium chromium-driver" >&2
    exit 1
  fi
fi

if ! command -v java >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq default-jre-headless
  else
    echo "install-browser: java is missing; as root: apt-get install default-jre-headless" >&2
    exit 1
  fi
fi

if ! command -v npm >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq npm
  else
    echo "install-browser: npm is missing; as root: apt-get install npm" >&2
    exit 1
  fi
fi

if [ -f package-lock.json ]; then
  npm ci --no-audit --no-fund --silent
else
  npm install --no-audit --no-fund --silent
fi
test -f node_modules/axe-core/axe.min.js
test -f node_modules/vnu-jar/build/dist/vnu.jar
touch node_modules/.installed
