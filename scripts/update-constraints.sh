#!/usr/bin/env bash
# Re-resolve the pinned set: a fresh venv, the top-level requirements, then
# `pip freeze` into constraints.txt. Review the diff before committing it.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3.11 -m venv "$tmp/venv"
"$tmp/venv/bin/pip" install -q -U pip setuptools wheel
# plone.app.layout: Products.CMFPlone 6.2.2 asks for '>=6.0.0a3', which lets
# pip take a 7.0 alpha that breaks site creation; keep the 6.0 series.
"$tmp/venv/bin/pip" install -q "Plone==6.2.2" "plone.app.layout<7" plone.restapi collective.easyform \
  plone.app.caching RelStorage psycopg2-binary odfpy openpyxl aiosmtpd pytest pytest-plone ruff zc.buildout \
  plone.recipe.zope2instance
{
  sed -n '1,/^pip==/p' constraints.txt | grep '^#'
  "$tmp/venv/bin/pip" freeze --all | grep -v '^-e' | sort -f
} > constraints.txt.new
mv constraints.txt.new constraints.txt
echo "constraints.txt updated: review 'git diff constraints.txt', then run make test"
