#!/usr/bin/env bash
# Search benchmark: index size, bytes fetched by the search page and a first query (gzip, as GitHub Pages
# serves them), and keystroke-to-results time cold and warm, in headless Debian Chromium. Prints Markdown.
#
# Usage: tests/bench/search.sh [SITE [BASE_PATH]] [--nginx] [--runs N] [--warm N] [--url URL]
# SITE defaults to /tmp/o10k-b (a 10,000-badge site), BASE_PATH to /catalog/. A missing SITE is built from
# ${BENCH_DIR:-/tmp/credentialsite-bench}/src-10000 with the existing Release dll (never rebuilt here).
# --nginx serves SITE with nginx (apt-get install nginx-light; gzip on, as GitHub Pages) instead of the test
# suite's HttpListener server, which sometimes stalls on reused loopback connections. The README's figures use it.
# Builds only tests/bench/SearchBenchmark. Run nothing else beside it: the machine is small.
set -euo pipefail
cd "$(dirname "$0")/../.."

site=/tmp/o10k-b
base=/catalog/
[ $# -gt 0 ] && [ "${1#--}" = "$1" ] && { site="$1"; shift; }
[ $# -gt 0 ] && [ "${1#--}" = "$1" ] && { base="$1"; shift; }
case "${1:-}" in -h|--help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;; esac
use_nginx=0
rest=()
for a in "$@"; do
  if [ "$a" = --nginx ]; then use_nginx=1; else rest+=("$a"); fi
done
set -- "${rest[@]+"${rest[@]}"}"

if [ ! -f "$site/search/manifest.json" ]; then
  dll="$PWD/bin/Release/net10.0/credentialsite.dll"
  src="${BENCH_DIR:-/tmp/credentialsite-bench}/src-10000"
  [ -f "$dll" ] || { echo "no $dll: build the tool in Release first" >&2; exit 1; }
  [ -d "$src" ] || { echo "no $src: run tests/bench/run.sh first" >&2; exit 1; }
  echo "building $site from $src ..." >&2
  dotnet "$dll" build --source "$src" --output "$site" >/dev/null
fi

dotnet build tests/bench/SearchBenchmark -c Release -nologo -v quiet -clp:NoSummary >/dev/null

if [ "$use_nginx" = 1 ]; then
  command -v nginx >/dev/null || { echo "nginx is not installed: apt-get install nginx-light" >&2; exit 1; }
  ngx=$(mktemp -d)
  chmod 755 "$ngx" # nginx workers run as an unprivileged user
  port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  base_dir="$ngx/root/${base#/}"
  mkdir -p "$(dirname "${base_dir%/}")" "$ngx/logs"
  ln -s "$(cd "$site" && pwd)" "${base_dir%/}"
  sed -e "s|@ROOT@|$ngx/root|; s|@PORT@|$port|; s|@DIR@|$ngx|g" tests/bench/nginx.conf >"$ngx/nginx.conf"
  nginx -c "$ngx/nginx.conf" -p "$ngx"
  trap 'kill "$(cat "$ngx/nginx.pid")" 2>/dev/null; rm -rf "$ngx"' EXIT
  set -- "$@" --url "http://127.0.0.1:$port$base"
fi
dotnet tests/bench/SearchBenchmark/bin/Release/net10.0/SearchBenchmark.dll "$site" "$base" "$@"
