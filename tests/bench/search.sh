#!/usr/bin/env bash
# Search benchmark: index size, bytes fetched by the search page and a first query (gzip, as GitHub Pages
# serves them), and keystroke-to-results time cold and warm, in headless Debian Chromium. Prints Markdown.
#
# Usage: tests/bench/search.sh [SITE [BASE_PATH]] [--runs N] [--warm N]
# SITE defaults to /tmp/o10k-b (a 10,000-badge site), BASE_PATH to /catalog/. A missing SITE is built from
# ${BENCH_DIR:-/tmp/credentialsite-bench}/src-10000 with the existing Release dll (never rebuilt here).
# Builds only tests/bench/SearchBenchmark. Run nothing else beside it: the machine is small.
set -euo pipefail
cd "$(dirname "$0")/../.."

site=/tmp/o10k-b
base=/catalog/
[ $# -gt 0 ] && [ "${1#--}" = "$1" ] && { site="$1"; shift; }
[ $# -gt 0 ] && [ "${1#--}" = "$1" ] && { base="$1"; shift; }
case "${1:-}" in -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;; esac

if [ ! -f "$site/search/manifest.json" ]; then
  dll="$PWD/bin/Release/net10.0/credentialsite.dll"
  src="${BENCH_DIR:-/tmp/credentialsite-bench}/src-10000"
  [ -f "$dll" ] || { echo "no $dll: build the tool in Release first" >&2; exit 1; }
  [ -d "$src" ] || { echo "no $src: run tests/bench/run.sh first" >&2; exit 1; }
  echo "building $site from $src ..." >&2
  dotnet "$dll" build --source "$src" --output "$site" >/dev/null
fi

dotnet build tests/bench/SearchBenchmark -c Release -nologo -v quiet -clp:NoSummary >/dev/null
exec dotnet tests/bench/SearchBenchmark/bin/Release/net10.0/SearchBenchmark.dll "$site" "$base" "$@"
